"""Saving: atomic write, the library reloads, changes on disk, drafts with errors, closing."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt

from kapcompanion.paths import user_practices_dir
from kapcompanion.ui.editor.saving import stamp


def test_save_writes_the_file_and_the_library_shows_the_practice(win, open_editor, qtbot) -> None:
    ed = open_editor()
    assert "my-practice" not in win.practices
    ed.replace_text(ed.text.replace("My new practice", "Evening settling"))
    assert ed.isWindowModified()
    with qtbot.waitSignal(win.hub.library_changed, timeout=2000):
        assert ed.save()
    path = user_practices_dir() / "my-practice.yaml"
    assert path.read_text(encoding="utf-8") == ed.text
    assert not ed.isWindowModified()
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []
    assert win.practices["my-practice"].title == "Evening settling"
    assert win.entries["my-practice"].origin == "user"
    assert ed.ask.asked == []  # a valid, new practice saves without a question
    # the next new practice does not take the saved id
    second = open_editor()
    assert second.practice.id == "my-practice-2"


def test_ctrl_s_saves(win, open_editor, qtbot) -> None:
    ed = open_editor()
    qtbot.keyClick(ed.edit, "s", Qt.KeyboardModifier.ControlModifier)
    assert (user_practices_dir() / "my-practice.yaml").is_file()


def test_a_file_changed_on_disk_is_not_overwritten_without_asking(win, open_editor) -> None:
    ed = open_editor()
    assert ed.save()
    path = ed.saved_path
    theirs = path.read_text(encoding="utf-8").replace("My new practice", "Changed elsewhere")
    path.write_text(theirs, encoding="utf-8")
    ed.replace_text(ed.text.replace("My new practice", "Mine"))

    ed.ask.queue = ["cancel"]
    assert not ed.save()
    _title, text, choices = ed.ask.asked[-1]
    assert choices == ["keep", "reload", "cancel"]
    assert "changed outside this editor" in text and path.name in text
    assert path.read_text(encoding="utf-8") == theirs  # nothing lost

    ed.ask.queue = ["reload"]
    assert not ed.save()
    assert ed.text == theirs and not ed.isWindowModified()
    ed.replace_text(ed.text.replace("Changed elsewhere", "Mine after all"))
    assert ed.save()  # theirs was taken in, so no question now
    assert len(ed.ask.asked) == 2
    assert "Mine after all" in path.read_text(encoding="utf-8")

    path.write_text(theirs, encoding="utf-8")
    ed.ask.queue = ["keep"]
    assert ed.save()
    assert "Mine after all" in path.read_text(encoding="utf-8")


def test_touching_a_file_without_changing_it_asks_nothing(open_editor) -> None:
    ed = open_editor()
    assert ed.save()
    st = ed.saved_path.stat()
    os.utime(ed.saved_path, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    assert ed.save()
    assert ed.ask.asked == []


def test_another_practice_with_the_same_id_is_not_replaced_silently(open_editor) -> None:
    folder = user_practices_dir()
    folder.mkdir(parents=True)
    other = folder / "taken.yaml"
    other.write_text("kapcompanion: 1\nid: taken\n", encoding="utf-8")
    ed = open_editor()
    ed.replace_text(ed.text.replace("id: my-practice", "id: taken"))
    assert not ed.save()
    assert ed.ask.asked[-1][2] == ["replace", "cancel"]
    assert other.read_text(encoding="utf-8") == "kapcompanion: 1\nid: taken\n"
    ed.ask.queue = ["replace"]
    assert ed.save()
    assert other.read_text(encoding="utf-8") == ed.text


def test_a_draft_with_errors_is_saved_only_when_asked(win, open_editor) -> None:
    ed = open_editor()
    ed.replace_text(ed.text.replace("category: anytime", "category: sometimes"))
    path = user_practices_dir() / "my-practice.yaml"
    assert not ed.save()  # "Keep editing" by default
    _title, text, choices = ed.ask.asked[-1]
    assert choices == ["save", "cancel"]
    assert "line 4" in text and "library leaves it out" in text
    assert not path.exists()
    ed.ask.queue = ["save"]
    assert ed.save()
    assert path.read_text(encoding="utf-8") == ed.text
    assert "my-practice" not in win.practices  # the library skips it until it is fixed
    assert "draft" in ed.summary.text()


def test_no_id_means_no_save_with_a_plain_message(open_editor) -> None:
    ed = open_editor()
    ed.replace_text(ed.text.replace("id: my-practice\n", ""))
    assert not ed.save()
    assert "Give the practice an id" in ed.banner.text()
    assert not user_practices_dir().exists() or not any(user_practices_dir().iterdir())


def test_a_folder_that_cannot_be_written_keeps_the_text_and_says_so(open_editor) -> None:
    user_practices_dir().parent.mkdir(parents=True, exist_ok=True)
    user_practices_dir().write_text("not a folder", encoding="utf-8")  # blocks mkdir
    ed = open_editor()
    before = ed.text
    assert not ed.save()
    assert "Could not save to" in ed.banner.text() and "Your text is still here" in ed.banner.text()
    assert ed.text == before


def test_closing_with_unsaved_changes_asks(open_editor) -> None:
    ed = open_editor()
    ed.replace_text(ed.text.replace("My new practice", "Unsaved"))
    ed.ask.queue = ["cancel"]
    assert not ed.close()
    assert ed.isVisible()
    ed.ask.queue = ["save"]
    assert ed.close()
    path = user_practices_dir() / "my-practice.yaml"
    assert "Unsaved" in path.read_text(encoding="utf-8")
    assert stamp(path) == ed.saved_stamp
