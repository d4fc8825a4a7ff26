"""Issue 17 (3, 4, 5, 9): step lists never show raw placeholders and say breathing in
words; a question is listed once; the countdown belongs to the new practice; a visible
"Paused"; the end screen reports the time actually spent."""

from __future__ import annotations

from dataclasses import replace

from kapcompanion.core.session import Status
from kapcompanion.core.timeline import compile_practice
from kapcompanion.settings import Settings
from kapcompanion.ui.detail import steps_at_a_glance
from kapcompanion.ui.player.parts import StepList
from tests.ui.conftest import at, begin
from tests.ui.samples import BOX, INTENTION, practice

QUICK = replace(Settings(), get_ready_seconds=0, rules_dismissed=("cyclic-sigh", "box-4"))

#: A question said aloud, then left on screen in the quiet; and a long line whose
#: placeholder falls where a list cuts its titles.
ASKED = """\
kapcompanion: 1
id: asked
title: Asked once
category: prepare
summary: A question said, then held.
uses: [intention]
steps:
  - say: What brings you to this work right now?
    duration: 5s
  - silence: 20s
    prompt: What brings you to this work right now?
  - say: "If you set an intention before your session, you may hold it here: {intention}"
    duration: 5s
"""


def titles(steps: StepList) -> list[str]:
    return [steps.item(i).text().strip() for i in range(steps.count())]


def test_step_lists_name_answers_not_yet_given_and_never_show_braces(qtbot) -> None:
    steps = StepList()
    qtbot.addWidget(steps)
    steps.show_timeline(compile_practice(practice(INTENTION)))
    shown = titles(steps)
    assert "Hold it lightly: your intention" in shown
    assert any(t.startswith("Looking at your intention (your intention), what") for t in shown)
    steps.mark(2, {"intention": "to be gentle"})
    assert steps.item(2).text().endswith("Hold it lightly: to be gentle")
    asked = StepList()
    qtbot.addWidget(asked)
    asked.show_timeline(compile_practice(practice(ASKED)))
    asked.mark(0)
    for text in [*titles(steps), *titles(asked)]:
        assert "{" not in text and "}" not in text
    assert titles(asked)[-1].endswith("…") and "{…" not in titles(asked)[-1]
    lines = steps_at_a_glance(practice(INTENTION)) + steps_at_a_glance(practice(ASKED))
    assert "Guidance: Hold it lightly: your intention — 6 s" in lines
    assert not any("{" in line for line in lines)


def test_a_question_said_then_held_is_listed_once(qtbot) -> None:
    steps = StepList()
    qtbot.addWidget(steps)
    steps.show_timeline(compile_practice(practice(ASKED)))
    assert steps.count() == 2  # three steps, two rows
    steps.mark(1)  # the quiet that holds the question marks the question's row
    assert steps.item(0).text().startswith("▶") and steps.current_title().startswith("What")
    steps.mark(2)
    assert steps.item(0).text().startswith("✓") and steps.item(1).text().startswith("▶")
    lines = steps_at_a_glance(practice(ASKED))
    assert sum("What brings you" in line for line in lines) == 1


def test_breathing_steps_are_said_in_words(qtbot) -> None:
    lines = steps_at_a_glance(practice(BOX))
    assert lines == ["Breathe in 4, hold 4, out 4, rest 4 — 19 breaths, 5 min"]
    sigh = StepList()
    qtbot.addWidget(sigh)
    sigh.show_timeline(compile_practice(practice(BOX)))
    assert titles(sigh) == ["Breathe in 4, hold 4, out 4, rest 4 — 19 breaths"]


def test_the_countdown_shows_the_new_practice_not_the_last_one(make_window, clock) -> None:
    win = make_window(QUICK)
    view = win.player
    begin(win, "feet-and-hands", clock)
    at(win, clock, 70.0)  # a minute in, on the second step
    view.request_stop()
    view.stop_now()
    view.end_view.done.click()
    win.settings = replace(win.settings, get_ready_seconds=3)
    view.apply_settings(win.settings)
    win.start_practice("box-4")
    view.tick()
    assert view.stage.currentIndex() == 2  # counting down
    assert view.progress.elapsed.text() == "0:00"
    assert view.progress.remaining.text() == "−5:04"  # the new practice's own length
    assert view.progress.bar.value() == 0
    assert view.play_button.text() == "Play" and view.play_button.accessibleName() == "Play"
    assert not any(view.steps.item(i).text().startswith("✓") for i in range(view.steps.count()))
    clock.advance(3.1)
    view.tick()
    assert view.session.status is Status.PLAYING
    assert view.play_button.text() == "Pause"


def test_pausing_shows_and_names_a_paused_state(make_window, clock) -> None:
    win = make_window(QUICK)
    view = win.player
    begin(win, "feet-and-hands", clock)
    label = view.parts.paused_label
    assert not label.isVisible()
    view.toggle()
    assert label.isVisible() and label.accessibleName() == "Paused"
    assert "Paused" in label.text()
    view.toggle()
    assert not label.isVisible()


def test_the_end_screen_reports_time_spent_not_time_skipped(make_window, clock) -> None:
    win = make_window(QUICK)
    view = win.player
    results = []
    view.finished.connect(results.append)
    begin(win, "feet-and-hands", clock)  # two steps of a minute each
    clock.advance(20)
    view.tick()
    view.toggle()  # a pause does not count either
    clock.advance(300)
    view.toggle()
    clock.advance(5)
    view.skip()
    clock.advance(10)
    view.skip()  # past the last step: the end
    assert view.pages.currentIndex() == 3
    assert view.end_view.what.text() == "You practised Feet and hands for 35 s."
    assert results and round(results[-1].elapsed) == 35 and results[-1].completed
