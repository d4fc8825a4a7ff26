"""Share with a client: the signing key on first use, choosing practices, saving a pack."""

from __future__ import annotations

import dataclasses
import zipfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from kapcompanion.core.packs import SigningStore, inspect_pack, signing
from kapcompanion.paths import data_dir, data_folders, user_practices_dir
from kapcompanion.ui.packs import open_share
from tests.ui.packs.conftest import PROGRAM, write_user_practices


def saver(out: Path, asked: list[Path] | None = None):
    def choose(_parent, suggested: Path) -> Path:
        if asked is not None:
            asked.append(suggested)
        return out

    return choose


def test_first_share_creates_a_key_then_builds_a_signed_pack(dirs, app_window, qtbot, tmp_path):
    dirs("therapist")
    write_user_practices()
    win = app_window()
    out = tmp_path / "out" / "calm-start.kappack"
    asked: list[Path] = []
    win.library.select("sam-welcome")
    dlg = open_share(win, choose_path=saver(out, asked))
    qtbot.addWidget(dlg)
    assert [p.id for p in dlg.chosen()[0]] == ["sam-welcome"]  # the one being looked at

    assert dlg.pages.currentWidget() is dlg.key_page
    assert not dlg.key_page.create_button.isEnabled()
    qtbot.keyClicks(dlg.key_page.name, "Dr. Sam Rivera")
    qtbot.mouseClick(dlg.key_page.create_button, Qt.MouseButton.LeftButton)
    key = SigningStore.of(data_folders()).load_key()
    assert key is not None and key.name == "Dr. Sam Rivera"
    assert dlg.pages.currentWidget() is dlg.form_page
    assert key.fingerprint in dlg.signed_as.text()
    assert dlg.new_key_note.isVisibleTo(dlg)
    assert dlg.author.text() == "Dr. Sam Rivera"

    # Tick the two own practices: one with the keyboard (Space), one with set_checked.
    rows = {dlg.items.item(i).text().split("  ·  ")[0]: i for i in range(dlg.items.count())}
    assert "Welcome from Sam" in rows and "Evening settle" in rows
    dlg.set_checked(["sam-welcome"])
    qtbot.keyClicks(dlg.search, "evening")
    shown = [dlg.items.item(i).text() for i in range(dlg.items.count())]
    shown = [t for i, t in enumerate(shown) if not dlg.items.item(i).isHidden()]
    assert shown == ["Evening settle  ·  your own"]
    dlg.search.clear()
    dlg.items.setFocus()
    dlg.items.setCurrentRow(rows["Evening settle"])
    qtbot.keyClick(dlg.items, Qt.Key.Key_Space)
    practices, programs = dlg.chosen()
    assert sorted(p.id for p in practices) == ["sam-evening", "sam-welcome"]
    assert programs == []

    qtbot.keyClicks(dlg.name, "A calm start")
    qtbot.keyClicks(dlg.clinic, "Riverside KAP")
    dlg.message.setPlainText("Here are the practices we tried.\nUse them when it feels right.")
    qtbot.mouseClick(dlg.save, Qt.MouseButton.LeftButton)

    assert asked and asked[0].name == "a-calm-start.kappack"
    assert dlg.pages.currentWidget() is dlg.done_page, dlg.problem.text()
    assert out.is_file()
    assert dlg.fingerprint.text() == key.fingerprint
    assert "calm-start.kappack" in dlg.done_text.text()
    dlg.done_page.copy.click()
    assert QGuiApplication.clipboard().text() == key.fingerprint
    info = inspect_pack(out, data_folders())
    assert info.signer == "Dr. Sam Rivera" and info.fingerprint == key.fingerprint
    assert info.meta.message.startswith("Here are the practices we tried.")
    assert sorted(pid for pid, _ in info.practices) == ["sam-evening", "sam-welcome"]
    with zipfile.ZipFile(out) as zf:
        names = set(zf.namelist())
    assert "practices/sam-welcome/audio/sam-welcome.ogg" in names
    assert "practices/sam-evening/audio/sam-evening.ogg" in names
    # Only the chosen practices' own audio goes out, and the working folder is gone.
    assert not any(n.startswith(".") for n in names)
    assert not list(data_dir().glob(".share-*"))


def test_an_existing_key_goes_straight_to_the_form(dirs, app_window, qtbot):
    dirs("therapist")
    key = SigningStore.of(data_folders()).create_key("Sam Rivera")
    win = app_window()
    dlg = open_share(win, choose_path=saver(Path("unused.kappack")))
    qtbot.addWidget(dlg)
    assert dlg.pages.currentWidget() is dlg.form_page
    assert key.fingerprint in dlg.signed_as.text()
    assert not dlg.new_key_note.isVisibleTo(dlg)
    # Built-in practices can be shared too.
    texts = [dlg.items.item(i).text() for i in range(dlg.items.count())]
    assert any(t.endswith("built-in") for t in texts)


def test_form_problems_are_said_and_nothing_is_asked(dirs, app_window, qtbot, tmp_path):
    dirs("therapist")
    SigningStore.of(data_folders()).create_key("Sam Rivera")
    write_user_practices()
    win = app_window()
    asked: list[Path] = []
    dlg = open_share(win, choose_path=saver(tmp_path / "x.kappack", asked))
    qtbot.addWidget(dlg)
    dlg.save.click()
    assert "Tick at least one practice" in dlg.problem.text()
    dlg.set_checked(["sam-welcome"])
    dlg.save.click()
    assert "name" in dlg.problem.text()
    dlg.name.setText("Calm")
    dlg.message.setPlainText("x" * 4001)
    dlg.save.click()
    assert "message is longer than 4000" in dlg.problem.text()
    dlg.message.setPlainText("A short note.")
    dlg.version.setText("two")
    dlg.save.click()
    assert "version" in dlg.problem.text().lower()
    assert asked == [] and not (tmp_path / "x.kappack").exists()


def test_a_file_that_cannot_be_written_is_said_plainly_and_the_form_is_kept(
    dirs, app_window, qtbot, tmp_path
):
    dirs("therapist")
    SigningStore.of(data_folders()).create_key("Sam Rivera")
    write_user_practices()
    win = app_window()
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    dlg = open_share(win, choose_path=saver(blocker / "calm.kappack"))
    qtbot.addWidget(dlg)
    dlg.set_checked(["sam-welcome"])
    dlg.name.setText("Calm")
    dlg.message.setPlainText("A note I took time to write.")
    dlg.save.click()
    assert dlg.pages.currentWidget() is dlg.form_page
    text = dlg.problem.text()
    assert dlg.problem.isVisibleTo(dlg)
    assert "not saved" in text and str(blocker) in text
    assert "Traceback" not in text
    assert dlg.message.toPlainText() == "A note I took time to write."
    assert not list(data_dir().glob(".share-*"))


def test_an_invalid_program_is_named_with_its_own_path_and_line(dirs, app_window, qtbot, tmp_path):
    dirs("therapist")
    SigningStore.of(data_folders()).create_key("Sam Rivera")
    write_user_practices()
    program = user_practices_dir() / "my-week.yaml"
    program.write_text(PROGRAM, encoding="utf-8")
    win = app_window()
    out = tmp_path / "week.kappack"
    dlg = open_share(win, choose_path=saver(out))
    qtbot.addWidget(dlg)
    # The program names sam-evening, which is not in the pack nor built in.
    dlg.set_checked(["sam-welcome", "my-week"])
    dlg.name.setText("Week")
    dlg.save.click()
    text = dlg.problem.text()
    assert dlg.pages.currentWidget() is dlg.form_page
    assert f"{program}:" in text, text
    assert "sam-evening" in text
    assert ".share-" not in text
    assert not out.exists()
    # With the practice it names, the same program is fine.
    dlg.set_checked(["sam-welcome", "sam-evening", "my-week"])
    dlg.save.click()
    assert dlg.pages.currentWidget() is dlg.done_page, dlg.problem.text()
    assert [pid for pid, _ in inspect_pack(out, data_folders()).programs] == ["my-week"]


def test_an_unreadable_key_is_explained_and_not_replaced(dirs, app_window, qtbot):
    dirs("therapist")
    folder = SigningStore.of(data_folders()).keys
    folder.mkdir(parents=True)
    (folder / signing.KEY_FILE).write_text("not a key")
    win = app_window()
    dlg = open_share(win, choose_path=saver(Path("unused.kappack")))
    qtbot.addWidget(dlg)
    assert dlg.pages.currentWidget() is dlg.key_page
    assert dlg.key_page.problem.isVisibleTo(dlg)
    assert "cannot be read" in dlg.key_page.problem.text()
    assert "backup" in dlg.key_page.problem.text()
    assert not dlg.key_page.create_button.isEnabled()
    assert (folder / signing.KEY_FILE).read_text() == "not a key"
    dlg.key_page.cancel.click()
    assert not dlg.isVisible()


def test_a_practice_with_no_file_is_named(dirs, make_window, qtbot, tmp_path):
    from kapcompanion.ui.packs.share_dialog import ShareDialog
    from tests.ui.samples import library

    dirs("therapist")
    SigningStore.of(data_folders()).create_key("Sam Rivera")
    practice = next(iter(library().values()))
    practice = dataclasses.replace(practice, source=None)
    out = tmp_path / "x.kappack"
    dlg = ShareDialog([(practice, "user")], choose_path=saver(out))
    qtbot.addWidget(dlg)
    dlg.set_checked([practice.id])
    dlg.name.setText("Calm")
    dlg.save.click()
    assert f"“{practice.title}” has no file on this computer" in dlg.problem.text()
    assert not out.exists()


def test_replacing_a_pack_asks_for_a_higher_version(dirs, app_window, qtbot, tmp_path):
    dirs("therapist")
    SigningStore.of(data_folders()).create_key("Sam Rivera")
    write_user_practices()
    win = app_window()
    out = tmp_path / "calm.kappack"
    dlg = open_share(win, choose_path=saver(out))
    qtbot.addWidget(dlg)
    dlg.set_checked(["sam-welcome"])
    dlg.name.setText("Calm")
    dlg.save.click()
    assert dlg.pages.currentWidget() is dlg.done_page
    first = out.read_bytes()

    again = open_share(win, choose_path=saver(out))
    qtbot.addWidget(again)
    again.set_checked(["sam-welcome", "sam-evening"])
    again.name.setText("Calm")
    again.save.click()
    assert "replacing there is version 1" in again.problem.text()
    assert again.version.hasFocus() or again.focusWidget() is again.version
    assert out.read_bytes() == first
    again.version.setText("2")
    again.save.click()
    assert again.pages.currentWidget() is again.done_page, again.problem.text()
    assert inspect_pack(out, data_folders()).meta.version == "2"
