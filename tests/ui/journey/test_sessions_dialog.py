"""The sessions dialog, used with the keyboard only."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox

from kapcompanion.core.model import Program, ProgramDay
from kapcompanion.ui.journey.sessions_dialog import SessionsDialog, fits
from tests.ui.journey.conftest import START, when_modal


def open_dialog(journey, qtbot) -> SessionsDialog:
    dialog = SessionsDialog(journey.link, journey.programs(), journey.link.today, journey.window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def focused():
    return QApplication.focusWidget()


def tab_to(qtbot, widget, limit: int = 6) -> int:
    """Press Tab until ``widget`` has the focus (the date field tabs through its parts)."""
    for presses in range(1, limit + 1):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        if focused() is widget:
            return presses
    raise AssertionError(f"Tab never reached {widget!r}; stuck at {focused()!r}")


def test_add_edit_mark_and_delete_by_keyboard(journey_window, qtbot) -> None:
    win, journey = journey_window()
    store = win.journal
    dialog = open_dialog(journey, qtbot)
    # Empty journal: the date field has the focus, today's date, default programs.
    assert focused() is dialog.date
    assert dialog.before.currentData() == "week-before"
    assert dialog.after.currentData() == "week-after"
    for _ in range(3):
        qtbot.keyClick(dialog.date, Qt.Key.Key_Up)  # the day moves on
    tab_to(qtbot, dialog.label)  # Tab walks day, month, year, then the label
    qtbot.keyClicks(dialog.label, "first session")
    qtbot.keyClick(dialog.label, Qt.Key.Key_Return)  # Enter saves
    sessions = store.sessions()
    assert [(s.on_date, s.label) for s in sessions] == [
        (START + timedelta(days=3), "first session")
    ]
    assert sessions[0].program_before is None  # the built-in default
    assert dialog.list.count() == 1 and dialog.list.currentRow() == 0

    # Edit: the list, then Tab to the date, one day later, Tab to the program after.
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Home)
    assert tab_to(qtbot, dialog.date) == 2  # past "New session"
    qtbot.keyClick(dialog.date, Qt.Key.Key_Down)
    tab_to(qtbot, dialog.after)
    qtbot.keyClick(dialog.after, Qt.Key.Key_Down)  # the next program in the list
    chosen = dialog.after.currentData()
    tab_to(qtbot, dialog.save_button, limit=1)
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
    saved = store.sessions()[0]
    assert saved.on_date == START + timedelta(days=2)
    assert saved.after_program == chosen
    qtbot.keyClick(dialog.label, Qt.Key.Key_End)
    dialog.label.setFocus()
    qtbot.keyClicks(dialog.label, ", with Sam")
    qtbot.keyClick(dialog.label, Qt.Key.Key_Return)  # Enter in the form saves too
    assert store.sessions()[0].label == "first session, with Sam"

    # Mark done, then undo.
    dialog.done_button.setFocus()
    qtbot.keyClick(dialog.done_button, Qt.Key.Key_Space)
    assert store.sessions()[0].done_at is not None
    assert dialog.done_button.text() == "Not done yet"
    assert "done" in dialog.list.item(0).text()
    qtbot.keyClick(dialog.done_button, Qt.Key.Key_Space)
    assert store.sessions()[0].done_at is None

    # Delete asks first, says entries are kept; "Keep it" (Escape) keeps the session.
    entry = store.add_note("After the session, calmer.", session_id=store.sessions()[0].id)
    asked: list[str] = []

    def keep(box) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    when_modal(keep)
    dialog.delete_button.setFocus()
    qtbot.keyClick(dialog.delete_button, Qt.Key.Key_Space)
    assert len(store.sessions()) == 1
    assert "kept" in asked[0] and "first session, with Sam" in asked[0]

    def delete(box) -> None:
        target = next(b for b in box.buttons() if b.text() == "Delete")
        target.setFocus()
        qtbot.keyClick(target, Qt.Key.Key_Space)

    when_modal(delete)
    qtbot.keyClick(dialog.delete_button, Qt.Key.Key_Space)
    assert store.sessions() == []
    assert store.entry(entry).text == "After the session, calmer."  # kept
    assert dialog.list.count() == 0 and dialog.save_button.text() == "Add session"


def test_programs_come_from_the_library_and_a_choice_is_kept(journey_window, qtbot) -> None:
    win, journey = journey_window()
    dialog = open_dialog(journey, qtbot)
    # Each field offers only what fits its side of the session, as a drop-down.
    before = {dialog.before.itemData(i) for i in range(dialog.before.count())}
    after = {dialog.after.itemData(i) for i in range(dialog.after.count())}
    assert "week-before" in before and "week-after" not in before
    assert "week-after" in after and "week-before" not in after
    assert isinstance(dialog.before, QComboBox) and "down-arrow" in dialog.before.styleSheet()
    dialog.save_button.click()
    sid = win.journal.sessions()[0].id
    # A choice made before (even one that doesn't fit) is kept and shown by its title.
    win.journal.update_session(sid, program_after="week-before")
    dialog.reload(select=sid)
    assert dialog.after.currentData() == "week-before"
    assert dialog.after.currentText() == "The week before your session"
    dialog.save_button.click()
    assert win.journal.sessions()[0].program_after == "week-before"
    # A program no longer in the library stays visible as such.
    win.journal.update_session(win.journal.sessions()[0].id, program_before="gone-program")
    dialog.reload(select=win.journal.sessions()[0].id)
    assert dialog.before.currentData() == "gone-program"
    assert "not in your library" in dialog.before.currentText()


def test_the_sessions_dialog_opens_from_today_and_the_more_menu(journey_window, qtbot) -> None:
    win, journey = journey_window()
    seen: list[str] = []

    def close(dialog) -> None:
        seen.append(dialog.windowTitle())
        dialog.close_button.click()

    when_modal(close)
    journey.today.sessions_button.click()
    texts = [a.text() for a in win.more_menu.actions()]
    assert "Your sessions…" in texts and "Privacy and backups…" in texts
    when_modal(close)
    next(a for a in win.more_menu.actions() if a.text() == "Your sessions…").trigger()
    assert seen == ["Your sessions", "Your sessions"]


def test_a_program_fits_the_side_of_the_session_it_suggests_for() -> None:
    def program(*days: tuple[int, str | None]) -> Program:
        return Program("p", "P", tuple(ProgramDay(d, ("x",), w) for d, w in days))

    assert fits(program((-3, None)), "before") and not fits(program((-3, None)), "after")
    assert fits(program((0, "after"), (2, None)), "after")
    assert not fits(program((0, "after"), (2, None)), "before")
    spanning = program((-2, None), (3, None))
    assert fits(spanning, "before") and fits(spanning, "after")
    assert fits(program((0, None)), "before") and fits(program((0, None)), "after")
    assert fits(program(), "before") and fits(program(), "after")
