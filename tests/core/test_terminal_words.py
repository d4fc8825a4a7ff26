"""Issue 20: terminal play shows the words of say steps and prompts; labels keep whole words."""

from __future__ import annotations

import io

from kapcompanion.cli.terminal_player import Display, fit_words
from kapcompanion.core.loader import check_text
from kapcompanion.core.model import Practice
from kapcompanion.core.session import Session
from kapcompanion.core.timeline import compile_practice
from tests.core.helpers import practice_text
from tests.fakes import FakeClock

STEPS = """
- say: Find a comfortable seat and let your shoulders soften.
  duration: 6s
- breathe:
    inhale: 4
    exhale: 6
    cycles: 1
    labels: {inhale: Breathe in slowly through the nose, exhale: And let it all go}
- silence: 5s
  prompt: Rest with whatever is here.
"""


def practice() -> Practice:
    item, found = check_text(practice_text(STEPS), "p.yaml")
    assert isinstance(item, Practice), found
    return item


def play_through(out: io.StringIO) -> Display:
    timeline = compile_practice(practice())
    clock = FakeClock()
    session = Session(timeline, clock=clock)
    display = Display(out, timeline)
    session.play()
    while not session.done:
        display.show(session.state())
        clock.advance(0.5)
        session.state()
    return display


def test_words_of_say_steps_and_prompts_are_printed() -> None:
    out = io.StringIO()
    play_through(out)
    lines = out.getvalue().splitlines()
    assert "  Find a comfortable seat and let your shoulders soften." in lines
    assert "  Rest with whatever is here." in lines
    assert lines.index("  Rest with whatever is here.") > lines.index(
        "  Find a comfortable seat and let your shoulders soften."
    )
    assert lines[0].startswith("Step 1/3 · ")


def test_breath_labels_are_whole_on_the_status_line() -> None:
    timeline = compile_practice(practice())
    display = Display(io.StringIO(), timeline)
    clock = FakeClock()
    session = Session(timeline, clock=clock)
    session.play()
    clock.advance(6.5)
    line = display.line(session.state())
    assert line.startswith("Breathe in slowly through the nose ")


def test_a_label_too_long_is_cut_between_words() -> None:
    assert fit_words("Breathe in slowly through the nose", 20) == "Breathe in slowly…"
    assert fit_words("Rest", 20) == "Rest"
