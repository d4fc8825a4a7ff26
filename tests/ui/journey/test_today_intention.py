"""Today's intention: written or changed in place, saved as the next session's intention."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.journey.conftest import START


def test_the_intention_is_written_on_today_and_saved_for_the_next_session(
    journey_window, qtbot
) -> None:
    win, journey = journey_window()
    sid = win.journal.add_session(START + timedelta(days=3))
    journey.today.refresh()
    card = journey.today.intention_card
    assert card.isVisible() and card.empty.isVisible()
    assert card.edit_button.text() == "Write your intention"
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    card.edit_button.setFocus()
    qtbot.keyClick(card.edit_button, Qt.Key.Key_Space)
    assert card.editing() and QApplication.focusWidget() is card.editor
    qtbot.keyClicks(card.editor, "To be curious")
    qtbot.keyClick(card.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not card.editing()
    saved = win.journal.entries(name="intention")
    assert [(e.text, e.session_id) for e in saved] == [("To be curious", sid)]
    assert journey.today.intention.text() == "To be curious"
    assert card.edit_button.text() == "Change your intention"
    assert QApplication.focusWidget() is card.edit_button


def test_changing_the_intention_keeps_the_newest_and_cancel_changes_nothing(
    journey_window, qtbot
) -> None:
    win, journey = journey_window()
    sid = win.journal.add_session(START + timedelta(days=2))
    win.journal.record_answer("intention-setting", 3, "intention", "reflect", "Rest", sid)
    journey.today.refresh()
    card = journey.today.intention_card
    assert journey.today.intention.text() == "Rest"
    card.edit_button.click()
    assert card.editor.toPlainText() == "Rest"
    card.editor.setPlainText("Something else")
    card.cancel_button.click()
    assert journey.today.intention.text() == "Rest"
    assert len(win.journal.entries(name="intention")) == 1
    card.edit_button.click()
    card.editor.setPlainText("Rest, and listen")
    card.save_button.click()
    assert win.journal.intention_for(sid) == "Rest, and listen"
    assert journey.today.intention.text() == "Rest, and listen"


def test_after_a_session_the_card_offers_the_next_sessions_intention(journey_window, day) -> None:
    win, journey = journey_window()
    first = win.journal.add_session(START - timedelta(days=1))
    win.journal.record_answer("intention-setting", 3, "intention", "reflect", "Before", first)
    win.journal.mark_session_done(first)
    nxt = win.journal.add_session(START + timedelta(days=10))
    journey.today.refresh()
    card = journey.today.intention_card
    # the day after session 1: its intention shows, a new one goes to session 2
    assert journey.today.intention.text() == "Before"
    assert card.edit_button.text() == "Write your intention for your next session"
    card.edit_button.click()
    assert card.editor.toPlainText() == ""
    card.editor.setPlainText("Next time: trust")
    card.save_button.click()
    assert win.journal.intention_for(nxt) == "Next time: trust"
    assert win.journal.intention_for(first) == "Before"
    assert card.next_line.isVisible() and "Next time: trust" in card.next_line.text()


def test_no_card_without_a_session_or_a_journal(journey_window) -> None:
    win, journey = journey_window()
    journey.today.refresh()
    assert not journey.today.intention_card.isVisible()
    win.journal.add_session(START + timedelta(days=3))
    journey.today.refresh()
    assert journey.today.intention_card.isVisible()
    journey.link.close()
    assert not journey.today.intention_card.isVisible()
