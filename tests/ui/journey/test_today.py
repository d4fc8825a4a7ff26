"""The Today page: the arc, the plan's buttons, options, midnight, and a closed journal."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kapcompanion.ui.journey.today_view import ms_to_midnight
from tests.ui.journey.conftest import START, play_through


def test_today_is_the_home_page_and_takes_the_keyboard(journey_window, qtbot) -> None:
    win, journey = journey_window()
    win.journal.add_session(START + timedelta(days=3))
    journey.today.refresh()
    assert win.home == "today" and win.current_view() == "today"
    assert win.nav_buttons["today"].isChecked()
    win.show_page("library")
    assert win.current_view() == "library"
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    QTest.keyClick(win, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert win.current_view() == "today"
    first = journey.today.plan_buttons["calm-place"]
    assert QApplication.focusWidget() is first
    qtbot.keyClick(first, Qt.Key.Key_Return)  # Enter starts it
    assert win.current_view() == "player" and win.player.practice.id == "calm-place"
    win.player.leave()
    assert win.current_view() == "today"


def test_the_app_opens_on_today_unless_opened_into_a_practice(qtbot) -> None:
    from kapcompanion.ui.app import create_window
    from tests.ui.journey.conftest import built_in

    win = create_window([])
    qtbot.addWidget(win)
    assert win.current_view() == "today" and win.journal is not None
    win.close()
    practices = built_in().for_language("en")
    win = create_window([], practices["box-breathing"])
    qtbot.addWidget(win)
    assert win.current_view() == "player"
    win.player.leave()
    assert win.current_view() == "today"
    win.close()


def test_days_in_a_row_only_when_turned_on(journey_window, clock) -> None:
    win, journey = journey_window()
    today = journey.today
    assert not win.settings.show_days_in_a_row
    win.start_practice("box-breathing")
    play_through(win, clock)
    win.player.leave()
    assert not today.run.isVisible() and today.run.text() == ""
    today.show_run.click()
    assert win.settings.show_days_in_a_row
    assert win.store.load().show_days_in_a_row  # kept
    assert today.run.isVisible() and "1 day" in today.run.text()
    for word in ("streak", "lost", "broke", "miss"):
        assert word not in today.run.text().lower()
    today.show_run.click()
    assert not today.run.isVisible()


def test_midnight_moves_today_on(journey_window, day) -> None:
    win, journey = journey_window()
    win.journal.add_session(START + timedelta(days=2))
    journey.today.refresh()
    assert journey.today.where.text() == "2 days before your session"
    timer = journey.today.midnight
    assert timer.isActive() and timer.isSingleShot()
    assert 0 < timer.remainingTime() <= 24 * 3600 * 1000 + 1000
    day.day = START + timedelta(days=1)
    timer.timeout.emit()
    assert journey.today.where.text() == "1 day before your session"
    assert timer.isActive()


def test_ms_to_midnight() -> None:
    assert ms_to_midnight(datetime(2026, 12, 1, 23, 59, 0)) == 61_000
    assert ms_to_midnight(datetime(2026, 12, 1, 0, 0, 0)) == 86_401_000


def test_a_practice_missing_from_the_library_is_said_plainly(journey_window) -> None:
    win, journey = journey_window()
    win.journal.add_session(START + timedelta(days=3))
    del win.practices["calm-place"]
    journey.today.refresh()
    button = journey.today.plan_buttons["calm-place"]
    assert not button.isEnabled() and "not in your library" in button.text()
    assert journey.today.plan_buttons["exhale-4-6"].isEnabled()


def test_the_session_note_and_suggestions_follow_the_programs_chosen(journey_window) -> None:
    win, journey = journey_window()
    sid = win.journal.add_session(START, program_before="week-after")
    journey.today.refresh()
    assert journey.today.where.text() == "Session day — before"
    win.journal.update_session(sid, program_before=None)
    journey.today.refresh()
    assert set(journey.today.plan_buttons) == {"exhale-4-6", "feet-and-hands", "breath-awareness"}
    assert "no holds" in journey.today.note.text()


def test_a_closed_journal_still_offers_practices(journey_window) -> None:
    win, journey = journey_window()
    journey.link.close()
    today = journey.today
    assert win.journal is None
    assert today.closed_note.isVisible() and not today.plan_buttons
    assert today.anytime_buttons and not today.sessions_button.isEnabled()
    assert not today.intention_card.isVisible()


def test_a_redraw_keeps_the_keyboard_on_the_same_practice(journey_window, qtbot) -> None:
    win, journey = journey_window()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    win.journal.add_session(START + timedelta(days=3))
    journey.today.refresh()
    old = journey.today.plan_buttons["exhale-4-6"]
    old.setFocus()
    assert QApplication.focusWidget() is old
    journey.today.refresh()  # e.g. a practice was logged, or midnight came
    new = journey.today.plan_buttons["exhale-4-6"]
    assert new is not old and QApplication.focusWidget() is new


def test_a_program_missing_from_the_library_is_named(journey_window) -> None:
    win, journey = journey_window()
    sid = win.journal.add_session(START + timedelta(days=3), program_before="gone-away")
    journey.today.refresh()
    assert journey.today.missing.isVisible()
    assert "gone-away" in journey.today.missing.text()
    assert not journey.today.plan_buttons and journey.today.anytime_buttons
    win.journal.update_session(sid, program_before=None)
    journey.today.refresh()
    assert not journey.today.missing.isVisible() and journey.today.plan_buttons
