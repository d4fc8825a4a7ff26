"""No lost words (issue #17): drafts of open answers, and closing the window mid-practice."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kapcompanion.journal.drafts import answer_place
from kapcompanion.journal.store import JournalStore
from kapcompanion.ui.main_window import MainWindow
from kapcompanion.ui.player.answer_drafts import DELAY_MS
from kapcompanion.ui.player.gates import ReflectGate
from tests.fakes import FakeClock

WORDS = "To stay curious, even when it is hard"


def to_first_question(win: MainWindow, clock: FakeClock) -> ReflectGate:
    """Open intention-setting and play to its first question (three minutes in)."""
    win.start_practice("intention-setting")
    view = win.player
    if view.pages.currentWidget() is view.rules_holder:
        view.rules.begin.click()
    view.tick()
    session = view.session
    assert session is not None
    first = session.timeline.gates[0]
    clock.advance(first.start - session.position + 0.01)
    view.tick()
    assert isinstance(view.gate, ReflectGate)
    return view.gate


def place_of(win: MainWindow) -> str:
    gate_step = win.player.session.timeline.gates[0].step  # type: ignore[union-attr]
    return answer_place("intention-setting", gate_step)


def test_what_is_typed_is_kept_within_a_second_and_offered_back(
    journey_window, clock, qtbot
) -> None:
    win, _journey = journey_window()
    gate = to_first_question(win, clock)
    place = place_of(win)
    qtbot.keyClicks(gate.edit, WORDS)
    assert DELAY_MS < 1000
    qtbot.waitUntil(lambda: win.journal.draft(place) is not None, timeout=1000)
    assert win.journal.draft(place).value == WORDS
    assert win.journal.count_entries() == 0  # not an answer yet

    win.player.leave()  # left without answering: the words stay
    gate = to_first_question(win, clock)
    assert gate.edit.toPlainText() == WORDS
    assert gate.offer.isVisible()
    assert "You were writing this last time" in gate.offer.accessibleName()
    gate.keep_draft.click()
    assert not gate.offer.isVisible() and win.focusWidget() is gate.edit
    qtbot.keyClicks(gate.edit, ".")
    gate.continue_button.click()  # saved as the answer: the draft goes
    assert win.journal.draft(place) is None
    assert [e.text for e in win.journal.entries(name="intention")] == [WORDS + "."]


def test_letting_a_draft_go_empties_the_box_and_forgets_it(journey_window, clock) -> None:
    win, _journey = journey_window()
    to_first_question(win, clock)
    place = place_of(win)
    win.journal.save_draft(place, "reflect", "old words")
    win.player.leave()
    gate = to_first_question(win, clock)
    assert gate.edit.toPlainText() == "old words"
    gate.let_go_draft.click()
    assert gate.edit.toPlainText() == "" and not gate.offer.isVisible()
    assert win.journal.draft(place) is None


def test_a_draft_that_no_longer_fits_its_question_is_not_offered(journey_window, clock) -> None:
    win, _journey = journey_window()
    to_first_question(win, clock)
    place = place_of(win)
    win.journal.save_draft(place, "check_in", 4)  # the practice was changed since
    win.player.leave()
    gate = to_first_question(win, clock)
    assert gate.edit.toPlainText() == "" and not hasattr(gate, "offer")
    assert win.journal.draft(place) is None


def test_closing_mid_practice_asks_like_escape_and_records_it_as_unfinished(
    journey_window, clock, qtbot
) -> None:
    win, _journey = journey_window()
    gate = to_first_question(win, clock)
    place = place_of(win)
    qtbot.keyClicks(gate.edit, WORDS)  # closed within the second: still kept
    win.close()
    view = win.player
    assert win.isVisible() and view.confirm.isVisible()
    assert view.confirm_text.text().startswith("Stop here? You've been practising for")
    assert win.journal is not None and win.journal.draft(place).value == WORDS
    view.keep_going.click()  # keep going: the window stays, the practice goes on
    qtbot.wait(10)
    assert win.isVisible() and not win.close_guard.close_pending
    assert win.journal.practice_runs() == []

    win.close()
    qtbot.keyClick(view.confirm_stop, Qt.Key.Key_Space)  # "Stop"
    qtbot.waitUntil(lambda: not win.isVisible(), timeout=2000)
    assert win.journal is None  # closed with the window
    with JournalStore.open() as store:
        runs = store.practice_runs()
        assert [(r.practice_id, r.finished) for r in runs] == [("intention-setting", False)]
        assert runs[0].seconds > 150  # to its first question
        assert store.draft(place).value == WORDS  # type: ignore[union-attr]


def test_a_short_practice_closed_with_the_window_ends_at_once_as_unfinished(
    journey_window, clock, qtbot
) -> None:
    win, _journey = journey_window()
    win.start_practice("calm-place")
    view = win.player
    if view.pages.currentWidget() is view.rules_holder:
        view.rules.begin.click()
    clock.advance(12)
    view.tick()
    win.close()
    assert not win.isVisible()
    with JournalStore.open() as store:
        runs = store.practice_runs()
        assert [(r.practice_id, r.finished) for r in runs] == [("calm-place", False)]
        assert 11 < runs[0].seconds < 13


def test_on_the_next_start_a_notice_goes_back_to_the_words(journey_window, clock) -> None:
    win, _journey = journey_window()
    to_first_question(win, clock)
    place = place_of(win)
    step = int(place.rsplit(":", 1)[1])
    win.journal.save_draft(
        place, "reflect", WORDS, practice_id="intention-setting", step_index=step
    )
    win.player.leave()
    win.close()
    assert not win.isVisible()
    win, _journey = journey_window()  # the next start
    notice = win.notice("drafts")
    assert notice is not None and notice.isVisible()
    assert "You were writing in “Setting your intention”" in win.notice_texts()[0]
    win.draft_notice.button.click()  # "Go back to it"
    view = win.player
    if view.pages.currentWidget() is view.rules_holder:
        view.rules.begin.click()
    view.tick()
    gate = view.gate
    assert isinstance(gate, ReflectGate)
    assert gate.edit.toPlainText() == WORDS and gate.offer.isVisible()
    assert win.notice("drafts") is None


def _to_gate(win: MainWindow, clock: FakeClock, pid: str, kind: str):
    """Open ``pid`` and play to its first question of ``kind``."""
    win.start_practice(pid)
    view = win.player
    if view.pages.currentWidget() is view.rules_holder:
        view.rules.begin.click()
    view.tick()
    for _ in range(50):
        gate = view.gate
        if gate is not None and gate.kind == kind:
            return gate
        if gate is not None:
            gate.continue_button.click()
            continue
        session = view.session
        later = [g.start for g in session.timeline.gates if g.start > session.position + 1e-6]
        clock.advance(min(later) - session.position + 0.01)
        view.tick()
    raise AssertionError(f"no {kind} question in {pid}")


def test_a_rating_and_ticks_are_kept_and_offered_back_too(journey_window, clock, qtbot) -> None:
    win, _journey = journey_window()
    gate = _to_gate(win, clock, "landing", "check_in")
    gate.slider.setValue(8)
    qtbot.waitUntil(lambda: bool(win.journal.drafts()), timeout=1000)
    win.player.leave()
    gate = _to_gate(win, clock, "landing", "check_in")
    assert gate.slider.value() == 8
    assert "You had started answering this last time" in gate.offer.accessibleName()
    gate.continue_button.click()  # saved as the answer: the draft goes
    assert win.journal.drafts() == []
    gate = _to_gate(win, clock, "landing", "checklist")
    gate.boxes[0].setChecked(True)
    ticks = {b.text(): b is gate.boxes[0] for b in gate.boxes}
    win.player.leave()  # the question closes: kept at once
    assert [d.value for d in win.journal.drafts()] == [ticks]


def test_quitting_from_elsewhere_mid_practice_records_it_as_unfinished(
    journey_window, clock
) -> None:
    """The tray's Quit (QApplication.quit) while a practice plays: kept as "Stop here" keeps it."""
    from PySide6.QtWidgets import QApplication

    win, _journey = journey_window()
    gate = to_first_question(win, clock)
    gate.edit.insertPlainText(WORDS)
    place = place_of(win)
    QApplication.instance().aboutToQuit.emit()
    assert win.journal.draft(place).value == WORDS
    runs = win.journal.practice_runs()
    assert [(r.practice_id, r.finished) for r in runs] == [("intention-setting", False)]
