"""Opening a pack as a client: first-time fingerprint, import, update, refusals, drops."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from kapcompanion.core.library import builtin_ids
from kapcompanion.core.packs import SigningStore, build_pack, signing
from kapcompanion.paths import data_folders, packs_dir
from kapcompanion.ui.packs import Packs, open_pack, open_requested, request_open
from kapcompanion.ui.packs import install as install_packs
from kapcompanion.ui.packs.assemble import PackDetails, share
from tests.ui.packs.conftest import TITLES, tamper, tree, write_user_practices

MESSAGE = "Here are the practices we tried together.\nUse them whenever it feels right."


def therapist_pack(
    dirs, out: Path, version: str = "1", cycles: int = 2, titles: dict[str, str] | None = None
) -> signing.SigningKey:
    """In the therapist's data dir: their key and practices, shared as ``out``."""
    from kapcompanion.core.library import Library

    dirs("therapist")
    key = SigningStore.of(data_folders()).load_key() or SigningStore.of(data_folders()).create_key(
        "Dr. Sam Rivera"
    )
    write_user_practices(cycles=cycles, titles=titles)
    lib = Library.load(data_folders(), use_cache=False)
    practices = [lib.practices[pid] for pid in sorted(titles or TITLES)]
    details = PackDetails("A calm start", "Dr. Sam Rivera", "Riverside KAP", MESSAGE, version)
    share(practices, [], details, out, key)
    return key


def test_client_trusts_and_imports_then_sees_the_author(dirs, app_window, qtbot, tmp_path):
    out = tmp_path / "calm-start.kappack"
    key = therapist_pack(dirs, out)
    dirs("client")
    win = app_window()
    assert "sam-welcome" not in win.practices
    dlg = open_pack(win, out)
    qtbot.addWidget(dlg)

    assert "A calm start" in dlg.head.text() and "version 1" in dlg.head.text()
    assert "first pack" in dlg.trust.text() and "Dr. Sam Rivera" in dlg.trust.text()
    assert dlg.fingerprint.isVisibleTo(dlg)
    assert dlg.fingerprint.text() == key.fingerprint
    assert dlg.accept_button.text() == "Trust and import"
    assert dlg.message.text() == MESSAGE
    contents = dlg.contents.text()
    assert "Welcome from Sam" in contents and "Evening settle" in contents
    assert "about" in contents and "2 audio file(s)" in contents and "KB" in contents
    assert not packs_dir().exists()  # looking wrote nothing

    with qtbot.waitSignal(win.hub.library_changed):
        qtbot.mouseClick(dlg.accept_button, Qt.MouseButton.LeftButton)
    assert dlg.result_value is not None and dlg.result_value.status == "installed"
    assert "Imported" in dlg.done_label.text()
    assert {"sam-welcome", "sam-evening"} <= win.practices.keys()
    assert win.library.current_id() in ("sam-welcome", "sam-evening")
    assert win.current_view() == "library"
    entry = win.entries["sam-welcome"]
    # The length shown before import is the one the library measures after (clip included).
    from kapcompanion.ui.catalogue import length_text

    assert entry.length == pytest.approx(2.0 + 2 * 10, abs=0.05)
    assert f"Welcome from Sam — about {length_text(entry.length)}" in contents
    assert entry.author == "Dr. Sam Rivera, Riverside KAP" and entry.verified
    win.library.select("sam-welcome")
    assert "From Dr. Sam Rivera, Riverside KAP, verified" in win.detail.meta.text()
    item = win.library.list.currentItem()
    from kapcompanion.ui.library_view import META_ROLE

    assert "from Dr. Sam Rivera" in item.data(META_ROLE)
    # The key is trusted now: the same pack again says "verified" and asks for no check.
    again = open_pack(win, out)
    qtbot.addWidget(again)
    assert "verified" in again.trust.text() and not again.fingerprint.isVisibleTo(again)


def test_a_newer_version_updates_in_place(dirs, app_window, qtbot, tmp_path):
    v1, v2 = tmp_path / "v1.kappack", tmp_path / "v2.kappack"
    therapist_pack(dirs, v1)
    therapist_pack(
        dirs, v2, version="2", cycles=3, titles={**TITLES, "sam-welcome": "Welcome again"}
    )
    dirs("client")
    win = app_window()
    first = open_pack(win, v1)
    qtbot.addWidget(first)
    first.accept_pack()
    folder = packs_dir() / "a-calm-start"
    assert folder.is_dir()

    dlg = open_pack(win, v2)
    qtbot.addWidget(dlg)
    assert dlg.update_note.isVisibleTo(dlg)
    assert dlg.update_note.text() == "Update from version 1 to 2"
    assert "verified" in dlg.trust.text()
    assert not dlg.fingerprint.isVisibleTo(dlg)
    with qtbot.waitSignal(win.hub.library_changed):
        dlg.accept_button.click()
    assert dlg.result_value is not None and dlg.result_value.status == "updated"
    assert "Updated" in dlg.done_label.text()
    assert [p.name for p in packs_dir().iterdir() if not p.name.startswith(".")] == ["a-calm-start"]
    assert win.practices["sam-welcome"].title == "Welcome again"
    assert win.entries["sam-welcome"].origin == "pack:a-calm-start"


def test_an_older_version_is_refused_and_nothing_changes(dirs, app_window, qtbot, tmp_path):
    v1, v2 = tmp_path / "v1.kappack", tmp_path / "v2.kappack"
    therapist_pack(dirs, v1)
    therapist_pack(dirs, v2, version="2")
    dirs("client")
    win = app_window()
    open_pack(win, v2).accept_pack()
    before = tree(packs_dir())
    dlg = open_pack(win, v1)
    qtbot.addWidget(dlg)
    # Said before anything is tried; and the core refuses it too.
    assert "You have version 2 of this pack; this file is version 1" in dlg.warning.text()
    assert not dlg.accept_button.isVisibleTo(dlg) and not dlg.accept_button.isEnabled()
    assert dlg.accept_pack() is None
    from kapcompanion.core.packs import PackError, import_pack

    with pytest.raises(PackError, match="you already have version 2"):
        import_pack(v1, data_folders(), known_ids=builtin_ids(), confirm=lambda _info: True)
    assert tree(packs_dir()) == before
    # The same version again changes nothing, and says so.
    same = open_pack(win, v2)
    qtbot.addWidget(same)
    assert same.update_note.text() == "You already have version 2"
    assert same.accept_button.text() == "Import again"
    same.accept_button.click()
    assert "nothing changed" in same.done_label.text()
    assert tree(packs_dir()) == before


def test_a_tampered_practice_is_refused_and_nothing_is_written(dirs, app_window, qtbot, tmp_path):
    good = tmp_path / "calm.kappack"
    therapist_pack(dirs, good)
    bad = tamper(good, tmp_path / "changed.kappack", "practices/sam-welcome/sam-welcome.yaml")
    dirs("client")
    win = app_window()
    dlg = open_pack(win, bad)
    qtbot.addWidget(dlg)
    assert dlg.head.text() == "This pack was not imported"
    assert "sam-welcome.yaml" in dlg.warning.text()
    assert "has changed since Dr. Sam Rivera signed this pack" in dlg.warning.text()
    assert "Nothing was imported; ask your therapist" in dlg.warning.text()
    assert not dlg.accept_button.isVisibleTo(dlg)
    assert dlg.cancel_button.text() == "Close"
    assert tree(packs_dir()) == {}
    assert SigningStore.of(data_folders()).trusted() == {}


def test_tampered_audio_is_refused_on_import_and_nothing_is_written(
    dirs, app_window, qtbot, tmp_path
):
    good = tmp_path / "calm.kappack"
    therapist_pack(dirs, good)
    bad = tamper(
        good, tmp_path / "changed.kappack", "practices/sam-welcome/audio/sam-welcome.ogg", 200
    )
    dirs("client")
    win = app_window()
    dlg = open_pack(win, bad)
    qtbot.addWidget(dlg)
    assert dlg.accept_button.text() == "Trust and import"  # audio is checked while importing
    with qtbot.assertNotEmitted(win.hub.library_changed):
        dlg.accept_button.click()
    assert "sam-welcome.ogg" in dlg.warning.text() and "has changed" in dlg.warning.text()
    assert dlg.result_value is None
    assert tree(packs_dir()) == {}
    assert SigningStore.of(data_folders()).trusted() == {}
    assert "sam-welcome" not in win.practices


def test_a_different_key_for_a_known_name_is_refused(dirs, app_window, qtbot, tmp_path):
    good = tmp_path / "calm.kappack"
    therapist_pack(dirs, good)
    dirs("client")
    win = app_window()
    open_pack(win, good).accept_pack()
    before = tree(packs_dir())
    # Someone else signs a pack claiming the same name.
    impostor = signing.SigningKey.generate("Dr. Sam Rivera")
    src = tmp_path / "impostor"
    (src / "practices").mkdir(parents=True)
    (src / "pack.yaml").write_text(
        "kappack: 1\nname: Something new\nauthor: Dr. Sam Rivera\nversion: 1\n", encoding="utf-8"
    )
    (src / "practices" / "p.yaml").write_text(
        "kapcompanion: 1\nid: other\ntitle: Other\ncategory: anytime\nsummary: s\n"
        "steps:\n  - silence: 10s\n",
        encoding="utf-8",
    )
    fake = build_pack(src, tmp_path / "fake.kappack", key=impostor, known_ids=builtin_ids())
    dlg = open_pack(win, fake)
    qtbot.addWidget(dlg)
    assert "signed with a different key" in dlg.warning.text()
    assert tree(packs_dir()) == before


def test_an_unsigned_pack_cannot_be_imported(dirs, app_window, qtbot, tmp_path):
    src = tmp_path / "unsigned"
    (src / "practices").mkdir(parents=True)
    (src / "pack.yaml").write_text(
        "kappack: 1\nname: Loose\nauthor: Someone\nversion: 1\n", encoding="utf-8"
    )
    (src / "practices" / "p.yaml").write_text(
        "kapcompanion: 1\nid: loose\ntitle: Loose\ncategory: anytime\nsummary: s\n"
        "steps:\n  - silence: 10s\n",
        encoding="utf-8",
    )
    dirs("client")
    pack = build_pack(src, tmp_path / "loose.kappack", key=None, known_ids=builtin_ids())
    win = app_window()
    dlg = open_pack(win, pack)
    qtbot.addWidget(dlg)
    assert "not signed" in dlg.warning.text()
    assert not dlg.accept_button.isVisibleTo(dlg)
    assert dlg.accept_pack() is None
    assert not packs_dir().exists()


def test_not_a_pack_and_a_missing_file_are_explained(dirs, app_window, qtbot, tmp_path):
    dirs("client")
    win = app_window()
    junk = tmp_path / "notes.kappack"
    junk.write_text("just some notes")
    dlg = open_pack(win, junk)
    qtbot.addWidget(dlg)
    assert "not a KAP Companion pack" in dlg.warning.text()
    assert "Nothing was added to your library." in dlg.warning.text()
    gone = open_pack(win, tmp_path / "gone.kappack")
    qtbot.addWidget(gone)
    assert "gone.kappack" in gone.warning.text() and "cannot be read" in gone.warning.text()
    assert not packs_dir().exists()


def _drop(win, path: Path, target=None) -> None:
    target = target or win
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    mime.setText(QUrl.fromLocalFile(str(path)).toString())  # as file managers offer it
    pos = QPoint(win.width() // 2, win.height() // 2)
    actions = Qt.DropAction.CopyAction
    with warnings.catch_warnings():  # PySide marks the only constructor deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(
            pos, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0)
        )
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(pos, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0))
    QApplication.sendEvent(target, drop)
    assert drop.isAccepted()


def test_dropping_a_pack_on_the_window_opens_it(dirs, app_window, qtbot, tmp_path):
    out = tmp_path / "calm.kappack"
    therapist_pack(dirs, out)
    dirs("client")
    win = app_window()
    packs = win.findChild(Packs)
    assert win.acceptDrops()
    _drop(win, out)
    dlg = packs.dialog
    qtbot.addWidget(dlg)
    assert dlg.path == out and dlg.isVisible()
    assert dlg.accept_button.text() == "Trust and import"
    # Dropped on the search box (which takes text drops itself), it opens as well.
    _drop(win, out, win.library.search)
    assert packs.dialog is not dlg and packs.dialog.path == out
    qtbot.addWidget(packs.dialog)
    assert win.library.search.text() == ""


def test_dropping_another_file_is_explained(dirs, app_window, qtbot, tmp_path):
    dirs("client")
    win = app_window()
    other = tmp_path / "notes.txt"
    other.write_text("hello")
    _drop(win, other)
    assert win.findChild(Packs).dialog is None
    texts = win.notice_texts()
    assert any("“notes.txt” is not a KAP Companion pack" in t for t in texts)


def test_a_pack_named_on_the_command_line_opens_once_the_window_is_up(
    dirs, make_window, qtbot, tmp_path
):
    out = tmp_path / "calm.kappack"
    therapist_pack(dirs, out)
    dirs("client")
    request_open(out)
    win = make_window()
    packs = install_packs(win)
    qtbot.waitUntil(lambda: packs.dialog is not None, timeout=3000)
    qtbot.addWidget(packs.dialog)
    assert packs.dialog.path == out
    # A later launch with a pack (the app already open) opens it too; other arguments don't.
    assert open_requested(win, ["--data-dir"]) is None
    dlg = open_requested(win, [str(out)])
    assert dlg is not None
    qtbot.addWidget(dlg)
    win.hub.open_requested.emit([str(out)])
    assert packs.dialog is not dlg


def test_the_more_menu_has_share_and_open(dirs, app_window):
    dirs("client")
    win = app_window()
    texts = {a.text(): a for a in win.more_menu.actions()}
    assert "Share with a client…" in texts
    assert texts["Open a pack…"].shortcut().toString() == "Ctrl+O"


@pytest.mark.parametrize(
    ("argv", "rest", "pack"),
    [
        (["calm.kappack"], [], "calm.kappack"),
        (["--data-dir", "d", "Calm.KAPPACK"], ["--data-dir", "d"], "Calm.KAPPACK"),
        (["pack", "import", "calm.kappack"], ["pack", "import", "calm.kappack"], None),
        (["validate", "calm.kappack"], ["validate", "calm.kappack"], None),
        ([], [], None),
    ],
)
def test_command_line_pack_argument(argv, rest, pack):
    from kapcompanion.cli import split_pack_argument

    got_rest, got_pack = split_pack_argument(argv)
    assert got_rest == rest
    assert (got_pack.name if got_pack else None) == pack
    assert got_pack is None or got_pack.is_absolute()


def test_cancel_imports_nothing(dirs, app_window, qtbot, tmp_path):
    out = tmp_path / "calm.kappack"
    therapist_pack(dirs, out)
    dirs("client")
    win = app_window()
    dlg = open_pack(win, out)
    qtbot.addWidget(dlg)
    with qtbot.assertNotEmitted(win.hub.library_changed):
        qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    assert not dlg.isVisible()
    assert not packs_dir().exists()
    assert SigningStore.of(data_folders()).trusted() == {}
    assert "sam-welcome" not in win.practices


def test_programs_are_listed_and_imported(dirs, app_window, qtbot, tmp_path):
    from kapcompanion.core.library import Library
    from kapcompanion.paths import user_practices_dir
    from tests.ui.packs.conftest import PROGRAM

    out = tmp_path / "week.kappack"
    dirs("therapist")
    key = SigningStore.of(data_folders()).create_key("Dr. Sam Rivera")
    write_user_practices()
    (user_practices_dir() / "my-week.yaml").write_text(PROGRAM, encoding="utf-8")
    lib = Library.load(data_folders(), use_cache=False)
    practices = [lib.practices["sam-welcome"], lib.practices["sam-evening"]]
    share(practices, [lib.programs["my-week"]], PackDetails("Week", "Dr. Sam Rivera"), out, key)
    dirs("client")
    win = app_window()
    dlg = open_pack(win, out)
    qtbot.addWidget(dlg)
    assert "Program: The week before, with Sam" in dlg.contents.text()
    assert "1 program(s)" in dlg.contents.text()
    assert not dlg.message_card.isVisibleTo(dlg)  # no message was written
    dlg.accept_pack()
    assert "my-week" in Library.load(data_folders(), use_cache=False).programs


def test_the_import_dialog_works_from_the_keyboard(dirs, app_window, qtbot, tmp_path):
    out = tmp_path / "calm.kappack"
    therapist_pack(dirs, out)
    dirs("client")
    win = app_window()
    dlg = open_pack(win, out)
    qtbot.addWidget(dlg)
    dlg.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg, timeout=2000)
    assert dlg.focusWidget() is dlg.accept_button
    tab = Qt.FocusPolicy.TabFocus.value
    assert dlg.fingerprint.focusPolicy().value & tab  # reachable with Tab, to read or copy
    assert not dlg.message.focusPolicy().value & tab  # plain text is not a Tab stop
    with qtbot.waitSignal(win.hub.library_changed):
        qtbot.keyClick(dlg.accept_button, Qt.Key.Key_Space)
    assert dlg.result_value is not None
    assert dlg.focusWidget() is dlg.cancel_button and dlg.cancel_button.text() == "Close"
    qtbot.keyClick(dlg.cancel_button, Qt.Key.Key_Space)
    assert not dlg.isVisible()


def _ring_on_every_edge(widget, colour: str) -> list[bool]:
    """Whether the ring colour is on the left, top, right and bottom edge of ``widget``."""
    from PySide6.QtGui import QColor

    image = widget.grab().toImage()
    want = QColor(colour)
    w, h = image.width(), image.height()

    def near(x: int, y: int) -> bool:
        got = image.pixelColor(QPoint(x, y))
        return all(
            abs(a - b) < 30 for a, b in zip(got.getRgb()[:3], want.getRgb()[:3], strict=True)
        )

    def edge(points) -> bool:
        return any(near(x, y) for x, y in points)

    mid_x, mid_y = w // 2, h // 2
    return [
        edge((x, mid_y) for x in range(0, 4)),
        edge((mid_x, y) for y in range(0, 4)),
        edge((x, mid_y) for x in range(w - 4, w)),
        edge((mid_x, y) for y in range(h - 4, h)),
    ]


def test_the_scrolling_frames_show_the_whole_focus_ring(dirs, app_window, qtbot, tmp_path):
    """The practice's detail pane and a pack's contents scroll with the keyboard: focused,
    each has the ring on all four sides (the contents once hid two), unfocused none."""
    from PySide6.QtWidgets import QScrollArea

    from kapcompanion.ui.theme import LIGHT

    out = tmp_path / "calm-start.kappack"
    therapist_pack(dirs, out)
    dirs("client")
    win = app_window()
    win.show_page("library")
    pane = win.detail
    win.library.list.setFocus()
    qtbot.waitUntil(lambda: not pane.hasFocus())
    assert _ring_on_every_edge(pane, LIGHT.focus) == [False] * 4
    pane.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(pane.hasFocus)
    assert _ring_on_every_edge(pane, LIGHT.focus) == [True] * 4

    dlg = open_pack(win, out)
    qtbot.addWidget(dlg)
    qtbot.waitExposed(dlg)
    scroll = dlg.findChild(QScrollArea)
    assert scroll.focusPolicy() != Qt.FocusPolicy.NoFocus  # a stop: long packs scroll
    dlg.cancel_button.setFocus()
    qtbot.waitUntil(dlg.cancel_button.hasFocus)
    assert _ring_on_every_edge(scroll, LIGHT.focus) == [False] * 4
    scroll.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(scroll.hasFocus)
    assert _ring_on_every_edge(scroll, LIGHT.focus) == [True] * 4
