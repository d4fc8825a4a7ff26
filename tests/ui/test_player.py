from __future__ import annotations

import math
from dataclasses import replace

import pytest

from kapcompanion.core.session import Status
from kapcompanion.core.timeline import compile_practice
from kapcompanion.settings import Settings
from kapcompanion.ui.player.pacer import HALO, MIN_FRACTION
from kapcompanion.ui.player.sound_choices import tuned_timeline
from tests.ui.conftest import at, begin
from tests.ui.samples import BOX, practice

QUICK = replace(Settings(), get_ready_seconds=0, rules_dismissed=("cyclic-sigh", "box-4"))


def expected_radius(win, level: float) -> float:
    side = min(win.player.pacer.width(), win.player.pacer.height())
    rmax = side * 0.49 / HALO
    assert rmax * HALO < side / 2, "a full breath's halo must fit inside the pacer"
    return rmax * (MIN_FRACTION + (1 - MIN_FRACTION) * level)


def test_get_ready_counts_down_from_the_clock(make_window, clock) -> None:
    win = make_window(replace(QUICK, get_ready_seconds=3))
    win.start_practice("feet-and-hands")
    view = win.player
    assert view.stage.currentIndex() == 2
    assert view.ready_label.text() == "3"
    clock.advance(1.2)
    view.tick()
    assert view.ready_label.text() == "2"
    assert view.session is not None and view.session.status is Status.READY
    clock.advance(1.81)
    view.tick()
    assert view.session.status is Status.PLAYING
    assert view.stage.currentIndex() == 0
    assert view.guidance.text() == "Feel the weight of your feet on the floor."


def test_pacer_geometry_at_known_times(make_window, clock) -> None:
    # cyclic sigh: say 0–10, then per cycle in 3 (to 0.8) + in 1 (to 1.0), out 6
    win = make_window(QUICK)
    begin(win, "cyclic-sigh", clock)
    pacer = win.player.pacer
    at(win, clock, 5.0)
    assert not pacer.breathing
    assert pacer.radius() == pytest.approx(expected_radius(win, 0.0))
    at(win, clock, 11.5)  # half way through part 1: eased 0.5 of 0.8
    assert pacer.level == pytest.approx(0.4)
    assert pacer.radius() == pytest.approx(expected_radius(win, 0.4))
    assert (pacer.word, pacer.seconds, pacer.part, pacer.parts) == ("Breathe in", 2, 1, 2)
    at(win, clock, 13.5)  # half way through the top-up
    assert pacer.level == pytest.approx(0.9)
    assert (pacer.word, pacer.part) == ("A little more", 2)
    at(win, clock, 17.0)  # half way through the exhale
    assert pacer.level == pytest.approx(0.5)
    assert (pacer.word, pacer.seconds) == ("Breathe out", 3)
    assert pacer.radius() == pytest.approx(expected_radius(win, 0.5))
    at(win, clock, 20.0)  # breath 2 begins empty
    assert pacer.level == pytest.approx(0.0)
    assert pacer.cycle == 2 and pacer.cycles == 3


def test_pacer_reads_the_clock_not_the_ticks(make_window, clock) -> None:
    win = make_window(QUICK)
    begin(win, "cyclic-sigh", clock)
    at(win, clock, 11.5)
    level = win.player.pacer.level
    for _ in range(50):
        win.player.tick()
    assert win.player.pacer.level == level
    clock.advance(5.5)  # one jump, no frames between: straight to 17.0
    win.player.tick()
    assert win.player.pacer.level == pytest.approx(0.5)


def test_guidance_text_and_steps_follow_the_practice(make_window, clock) -> None:
    win = make_window(QUICK)
    begin(win, "cyclic-sigh", clock)
    view = win.player
    at(win, clock, 2.0)
    assert "comfortable seat" in view.guidance.text()
    assert view.steps.current == 0 and view.steps.item(0).text().startswith("▶")
    at(win, clock, 10.5)
    assert view.guidance.text() == "Breathe gently, not deeply."
    assert view.steps.item(0).text().startswith("✓") and view.steps.current == 1
    at(win, clock, 45.0)
    assert view.guidance.text() == "Rest with whatever is here."
    assert view.progress.elapsed.text() == "0:45"
    assert view.progress.remaining.text() == "−0:05"
    at(win, clock, 50.5)
    assert view.pages.currentIndex() == 3
    assert "Cyclic sigh" in view.end_view.what.text()
    assert view.end_view.heading.text() == "Thank you for taking this time"


def test_gates_wait_for_the_person_and_hand_on_answers(make_window, clock, qtbot) -> None:
    win = make_window(QUICK)
    answers = []
    win.hub.answer_given.connect(lambda *a: answers.append(a))
    begin(win, "intention-setting", clock)
    view = win.player
    at(win, clock, 9.0)
    assert view.session.status is Status.WAITING
    assert view.stage.currentIndex() == 1 and view.gate is not None
    clock.advance(300)  # the clock stands still at a gate
    view.tick()
    assert view.session.position == pytest.approx(8.0)
    qtbot.keyClicks(view.gate.edit, "To meet whatever comes with kindness.")
    view.gate.continue_button.click()
    assert answers[-1] == (
        "intention-setting",
        1,
        "intention",
        "To meet whatever comes with kindness.",
    )
    at(win, clock, 10.0)
    assert view.guidance.text() == "Hold it lightly: To meet whatever comes with kindness."
    at(win, clock, 14.5)
    gate = view.gate
    assert gate is not None and gate.heading.text() == "How settled do you feel right now?"
    gate.slider.setValue(7)
    gate.continue_button.click()
    assert answers[-1][2:] == ("settled", 7)
    view.tick()
    boxes = view.gate.boxes
    assert [b.text() for b in boxes] == [
        "Ride home arranged",
        "Light meal eaten",
        "Phone on silent",
    ]
    boxes[0].setChecked(True)
    view.gate.continue_button.click()
    assert answers[-1][3] == {
        "Ride home arranged": True,
        "Light meal eaten": False,
        "Phone on silent": False,
    }
    view.tick()
    assert "To meet whatever comes" in view.gate.earlier.text()
    assert view.gate.earlier.isVisible()
    assert "(To meet whatever comes with kindness.)" in view.gate.heading.text()
    view.gate.continue_button.click()  # left empty: nothing is saved
    assert answers[-1][3] is None
    at(win, clock, 19.5)
    result = view.result()
    assert result is not None and result.completed
    assert result.values == {"intention": "To meet whatever comes with kindness.", "settled": 7}
    assert view.pages.currentIndex() == 3
    assert "3 answers" in view.end_view.answers.text()


def test_pause_skip_and_back(make_window, clock, recorder) -> None:
    win = make_window(QUICK, player_factory=lambda: recorder)
    begin(win, "cyclic-sigh", clock)
    view = win.player
    at(win, clock, 4.0)
    view.toggle()
    assert view.session.status is Status.PAUSED
    assert view.play_button.text() == "Play"
    clock.advance(60)
    view.tick()
    assert view.session.position == pytest.approx(4.0)
    view.toggle()
    clock.advance(1)
    view.tick()
    assert view.session.position == pytest.approx(5.0)
    view.skip()
    assert view.session.position == pytest.approx(10.0)
    assert ("seek", 10.0) in recorder.calls
    assert view.steps.current == 1
    view.skip()
    assert view.session.position == pytest.approx(40.0)
    clock.advance(5)
    view.tick()
    view.back()  # 5 s into the step: restart it
    assert view.session.position == pytest.approx(40.0)
    view.back()  # at its start: the step before
    assert view.session.position == pytest.approx(10.0)
    assert recorder.updates > 0


def test_esc_stops_at_once_early_and_asks_after_30_seconds(make_window, clock, recorder) -> None:
    win = make_window(QUICK, player_factory=lambda: recorder)
    begin(win, "box-4", clock)
    view = win.player
    at(win, clock, 12.0)
    view.request_stop()
    assert view.pages.currentIndex() == 3
    assert view.end_view.heading.text() == "Stopping is always okay"
    assert not view.result().completed
    begin(win, "box-4", clock)
    at(win, clock, 45.0)
    view.request_stop()
    assert view.confirm.isVisible() and "Stop here?" in view.confirm_text.text()
    assert view.session.status is Status.PAUSED
    view.keep_going.click()
    assert not view.confirm.isVisible()
    assert view.session.status is Status.PLAYING
    view.request_stop()
    view.confirm_stop.click()
    assert view.pages.currentIndex() == 3
    assert "45 s" in view.end_view.what.text()
    assert ("stop", 800) in recorder.calls


def test_i_need_to_stop_fades_and_offers_grounding(make_window, clock, recorder) -> None:
    win = make_window(QUICK, player_factory=lambda: recorder)
    begin(win, "box-4", clock)
    view = win.player
    at(win, clock, 20.0)
    view.need_stop.click()
    assert ("stop", 2000) in recorder.calls
    assert view.pages.currentWidget() is view.offer
    assert view.session.status is Status.PAUSED
    view.ground.click()
    assert view.practice.id == "grounding-minute"
    assert view.session.timeline.total == pytest.approx(60.0)
    view.tick()
    assert "breathe however feels natural" in view.guidance.text()
    at(win, clock, 20.0)
    assert "feet on the floor" in view.guidance.text()
    at(win, clock, 35.0)
    assert "hands rest" in view.guidance.text()
    at(win, clock, 60.1)
    assert view.end_view.heading.text() == "You took a minute to land"


def test_end_here_after_i_need_to_stop(make_window, clock) -> None:
    win = make_window(QUICK)
    begin(win, "box-4", clock)
    at(win, clock, 8.0)
    win.player.need_to_stop()
    win.player.end_here.click()
    assert win.player.pages.currentIndex() == 3
    win.player.end_view.done.click()
    assert win.current_view() == "library"


def test_stop_rules_shown_until_dismissed(make_window, clock, store) -> None:
    win = make_window(replace(Settings(), get_ready_seconds=0))
    win.start_practice("cyclic-sigh")
    view = win.player
    assert view.pages.currentWidget() is view.rules_holder
    assert "dizzy" in view.rules.note.text()
    # Its own note says it for this practice: the general rules are not said again.
    assert not view.rules.rules.isVisibleTo(view.rules)
    view.rules.dont_show.setChecked(True)
    view.rules.begin.click()
    assert view.session.status is Status.PLAYING
    assert "cyclic-sigh" in store.load().rules_dismissed
    win.player.leave()
    win.start_practice("cyclic-sigh")
    assert view.pages.currentWidget() is view.run_page
    win.player.leave()
    win.start_practice("box-4")  # breath practice without its own note: rules still first
    assert view.pages.currentWidget() is view.rules_holder
    assert "air hunger" in view.rules.rules.text() and view.rules.rules.isVisibleTo(view.rules)
    view.rules.back.click()
    assert win.current_view() == "library"
    win.start_practice("feet-and-hands")  # no breathing, no safety note
    assert view.pages.currentWidget() is view.run_page


def test_pacer_announces_phase_and_countdown(make_window, clock) -> None:
    win = make_window(QUICK)
    begin(win, "cyclic-sigh", clock)
    pacer = win.player.pacer
    at(win, clock, 10.2)
    assert pacer.accessibleName() == "Breathing pacer: Breathe in"
    assert pacer.accessibleDescription() == "Breathe in (part 1 of 2), 3 seconds"
    at(win, clock, 11.2)
    assert pacer.announcements[-1] == "Breathe in (part 1 of 2), 2 seconds"
    at(win, clock, 14.2)
    assert pacer.accessibleName() == "Breathing pacer: Breathe out"
    assert pacer.accessibleDescription() == "Breathe out, 6 seconds"


def test_reduced_motion_turns_the_pacer_into_a_bar(make_window, clock) -> None:
    win = make_window(replace(QUICK, reduced_motion=True))
    begin(win, "cyclic-sigh", clock)
    pacer = win.player.pacer
    assert pacer.reduced_motion and win.player.guidance.reduced_motion
    at(win, clock, 17.0)
    assert pacer.bar_fill() == pytest.approx(0.5)
    image = pacer.grab().toImage()
    assert not image.isNull()
    at(win, clock, 41.0)
    assert win.player.guidance.graphicsEffect().opacity() == 1.0  # no fade


def test_volume_and_mute_are_kept(make_window, clock, store, recorder) -> None:
    win = make_window(QUICK, player_factory=lambda: recorder)
    begin(win, "box-4", clock)
    view = win.player
    view.louder.click()
    assert store.load().volumes.master == pytest.approx(0.9)
    view.quieter.click()
    view.quieter.click()
    assert store.load().volumes.master == pytest.approx(0.7)
    assert view.volume_label.text() == "Volume 7"
    view.mute_button.click()
    assert store.load().muted and view.mute_button.text() == "Unmute"
    assert recorder.calls[-1] == ("volumes", 0.7, True)


def test_cue_style_and_ambient_choice_shape_the_timeline() -> None:
    tl = compile_practice(practice(BOX))
    assert any(c.channel == "cue" for c in tl.cues)
    none = tuned_timeline(tl, replace(Settings(), cue_style="none", ambient="none"))
    assert not any(c.channel == "cue" for c in none.cues) and none.ambient is None
    bell = tuned_timeline(tl, replace(Settings(), cue_style="bell", ambient="rain"))
    assert {c.sound for c in bell.cues if c.channel == "cue"} == {"soft-bell"}
    assert bell.ambient == "rain" and bell.ambient_volume > 0
    assert math.isclose(bell.total, tl.total)


def test_read_aloud_speaks_unvoiced_guidance(make_window, clock) -> None:
    win = make_window(replace(QUICK, read_aloud=True))
    begin(win, "feet-and-hands", clock)
    assert win.player.speaker.spoken[-1] == "Feel the weight of your feet on the floor."
    at(win, clock, 61.0)
    assert win.player.speaker.spoken[-1] == "Let your hands rest on your thighs or your chest."


def test_play_straight_from_a_file(make_window, clock) -> None:
    win = make_window(QUICK)
    outside = practice(BOX.replace("id: box-4", "id: my-box"), "mine.yaml")
    win.play(outside)
    assert win.current_view() == "player"
    assert win.player.practice.id == "my-box"


def test_answers_saved_by_other_practices_fill_placeholders(make_window, clock) -> None:
    from tests.ui.samples import LATER

    asked = []

    def recall(names):
        asked.append(tuple(names))
        return {"intention": "to be gentle with myself"}

    win = make_window(QUICK, recall=recall)
    win.play(practice(LATER, "later.yaml"))
    view = win.player
    view.tick()
    assert asked == [("intention",)]
    assert view.guidance.text() == "You came in with this intention: to be gentle with myself"
    at(win, clock, 5.5)
    assert view.gate.heading.text() == "How did to be gentle with myself show up today?"
    assert "to be gentle with myself" in view.gate.earlier.text()


def test_without_earlier_answers_the_text_still_reads_well(make_window, clock) -> None:
    from tests.ui.samples import LATER

    def broken(names):
        raise OSError("journal locked")

    win = make_window(QUICK, recall=broken)
    win.play(practice(LATER, "later.yaml"))
    win.player.tick()
    assert win.player.guidance.text() == "You came in with this intention"
    assert "{" not in win.player.guidance.text()


def test_library_button_during_a_practice_asks_like_esc(make_window, clock) -> None:
    win = make_window(QUICK)
    begin(win, "box-4", clock)
    at(win, clock, 40.0)
    win.library_button.click()
    assert win.player.confirm.isVisible()
    win.player.confirm_stop.click()
    assert win.player.pages.currentIndex() == 3
    win.library_button.click()
    assert win.current_view() == "library"


def test_esc_during_get_ready_goes_back_to_the_library(make_window, clock) -> None:
    win = make_window(replace(QUICK, get_ready_seconds=5))
    win.start_practice("feet-and-hands")
    assert win.player.ready_until is not None
    win.player.request_stop()
    assert win.current_view() == "library"
    assert win.player.session is None


def test_a_cue_between_frames_gets_its_own_exact_wake(make_window, clock, recorder, qtbot) -> None:
    """Frames come every 16 ms; a cue due sooner than the next frame wakes the audio on time."""

    class Cueing(type(recorder)):  # type: ignore[misc]
        available = True

        def __init__(self) -> None:
            super().__init__()
            self.next_cue_time: float | None = None

    player = Cueing()
    win = make_window(
        replace(Settings(), get_ready_seconds=0, rules_dismissed=("box-4",)),
        player_factory=lambda: player,
    )
    begin(win, "box-4", clock)
    view = win.player
    assert view.frames.isActive() and view.frames.fps == 60
    position = view.session.position
    player.next_cue_time = position + 0.005  # 5 ms ahead: before the next frame
    view.tick()
    assert view.cue_timer.isActive() and view.cue_timer.remainingTime() <= 5
    updates = player.updates
    qtbot.waitUntil(lambda: player.updates > updates, timeout=1000)  # the cue wake ran
    view.cue_timer.stop()
    player.next_cue_time = view.session.position + 0.5  # far: the frames will reach it
    view.tick()
    assert not view.cue_timer.isActive()
    view.leave()


def test_frames_calm_down_while_paused_and_at_a_question(make_window, clock) -> None:
    """Nothing moves while paused or waiting for an answer: 4 frames a second, not 60."""
    from kapcompanion.ui.player.view import FPS, IDLE_FPS, STILL_AFTER

    win = make_window(replace(QUICK, rules_dismissed=("intention-setting", "box-4")))
    begin(win, "box-4", clock)
    view = win.player
    assert view.frames.fps == FPS
    view.toggle()  # pause
    view.tick()
    assert view.frames.fps == FPS  # the sound is still fading out
    clock.advance(STILL_AFTER + 0.1)
    view.tick()
    assert view.frames.fps == IDLE_FPS and view.frames.isActive()
    view.toggle()  # continue: full rate on this very frame
    assert view.frames.fps == FPS
    clock.advance(STILL_AFTER + 0.1)
    view.tick()
    assert view.frames.fps == FPS  # playing never slows
    view.leave()
    assert not view.frames.isActive()

    begin(win, "intention-setting", clock)  # a fresh practice starts at the full rate
    assert view.frames.fps == FPS
    while view.session.waiting_gate is None:
        view.skip()
    view.tick()
    clock.advance(STILL_AFTER + 0.1)
    view.tick()
    assert view.frames.fps == IDLE_FPS  # waiting at the question
    view.gate.finish()  # Continue
    assert view.frames.fps == FPS
    view.leave()
