"""The walk a new user does: a session date, the week before with an intention, the
session, and the intention coming back afterwards."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from kapcompanion.journal.store import JournalStore
from kapcompanion.ui.journey.sessions_dialog import SessionsDialog
from tests.ui.journey.conftest import START, play_through

INTENTION = "To meet whatever comes with curiosity."


def test_a_new_user_follows_the_arc_and_sees_the_intention_come_back(
    journey_window, day, clock, qtbot
) -> None:
    win, journey = journey_window()
    today = journey.today
    assert win.current_view() == "today"
    assert isinstance(win.journal, JournalStore)
    # No session yet: a warm invitation and a few practices for any moment.
    assert today.invite.isVisible() and today.add_session.isVisible()
    assert 1 <= len(today.anytime_buttons) <= 3 and not today.plan_buttons

    # Add a session three days ahead in the sessions dialog.
    dialog = SessionsDialog(journey.link, journey.programs(), journey.link.today, win)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date.setDate(dialog.date.date().addDays(3))
    dialog.label.setText("first session")
    dialog.save_button.click()
    dialog.close()
    today.refresh()
    assert today.where.text() == "3 days before your session"
    assert "first session" in today.session_line.text()
    assert list(today.plan_buttons) == ["calm-place", "exhale-4-6"]
    assert not today.invite.isVisible()

    # The day before: the plan suggests setting an intention; start it with the keyboard.
    day.day = START + timedelta(days=2)
    today.refresh()
    assert today.where.text() == "1 day before your session"
    button = today.plan_buttons["intention-setting"]
    assert "done today" not in button.text()
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert win.current_view() == "player"
    assert win.player.practice.id == "intention-setting"

    def write(gate) -> None:
        if "My intention" in gate.heading.text():
            qtbot.keyClicks(gate.edit, INTENTION)

    play_through(win, clock, write)
    assert win.player.pages.currentIndex() == 3  # the end screen
    win.player.tick()  # an extra frame after the end reports the same playing again
    win.player.leave()
    assert win.current_view() == "today"

    # Ticked, and the intention is shown back on Today.
    button = today.plan_buttons["intention-setting"]
    assert "done today" in button.text() and "✓" in button.text()
    assert button.accessibleName().endswith("done today")
    assert today.intention_card.isVisible() and today.intention.text() == INTENTION
    store = win.journal
    session = store.sessions()[0]
    saved = store.entries(name="intention")
    assert [e.text for e in saved] == [INTENTION]
    assert saved[0].session_id == session.id
    assert saved[0].prompt == "My intention for this session is..."
    runs = store.practice_runs()
    assert [(r.practice_id, r.finished, r.session_id) for r in runs] == [
        ("intention-setting", True, session.id)
    ]

    # Session day: "before" until the person says the session is over.
    day.day = START + timedelta(days=3)
    today.refresh()
    assert today.where.text() == "Session day — before"
    assert today.session_over.isVisible()
    today.session_over.click()
    assert today.where.text() == "Session day — after"
    assert not today.session_over.isVisible()

    # Two days after: the intention is still there, and an integration practice recalls it.
    day.day = START + timedelta(days=5)
    today.refresh()
    assert today.where.text() == "2 days after your session"
    assert today.intention.text() == INTENTION
    win.start_practice("guided-journaling")
    view = win.player
    if view.pages.currentWidget() is view.rules_holder:
        view.rules.begin.click()
    assert view.values()["intention"] == INTENTION
    seen: list[str] = []
    play_through(win, clock, lambda gate: seen.append(gate.heading.text()))
    assert any(INTENTION in text for text in seen)


def test_stopping_early_says_started_not_done(journey_window, day, clock) -> None:
    win, journey = journey_window()
    win.journal.add_session(START + timedelta(days=3))
    journey.today.refresh()
    journey.today.plan_buttons["calm-place"].click()
    view = win.player
    if view.pages.currentWidget() is view.rules_holder:
        view.rules.begin.click()
    clock.advance(20)
    view.tick()
    view.request_stop()  # under 30 seconds: ends at once
    assert win.journal.practice_runs()[0].finished is False
    assert win.journal.practice_runs()[0].seconds > 0
    view.leave()
    button = journey.today.plan_buttons["calm-place"]
    # Honest and kind: started, for how long; never "done" after a stop.
    assert "done today" not in button.text() and "✓" not in button.text()
    assert button.text() == "▶ Calm place · 6 min — started today, 0:20"
    assert button.accessibleName() == "Start Calm place, started today for 20 s"
    assert not journey.today.all_done.isVisible()


def test_check_ins_and_checklists_are_kept_with_what_was_asked(journey_window, clock) -> None:
    win, _journey = journey_window()
    sid = win.journal.add_session(START)
    win.journal.mark_session_done(sid)

    def answer(gate) -> None:
        if hasattr(gate, "slider"):
            gate.slider.setValue(6)
        elif hasattr(gate, "boxes"):
            gate.boxes[0].setChecked(True)

    win.start_practice("landing")
    play_through(win, clock, answer)
    win.player.leave()
    win.start_practice("set-and-setting")
    play_through(win, clock, answer)
    store = win.journal
    grounded = store.entries(name="grounded_after")
    assert [(e.kind, e.score, e.prompt) for e in grounded] == [
        ("check_in", 6.0, "How grounded do you feel right now?")
    ]
    assert grounded[0].session_id == sid
    lists = store.entries(kinds=("checklist",), newest_first=False)
    assert [e.prompt for e in lists] == [
        "For the rest of today",  # landing's own checklist
        "Before your session day",
        "On the day, before I leave home",
    ]
    assert next(iter(lists[0].value.values())) is True
    assert all(e.session_id == sid for e in lists)
