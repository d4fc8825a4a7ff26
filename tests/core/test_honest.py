"""Issue 17 (3, 5): placeholders are left out gracefully; practised time is time spent."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from kapcompanion.core.session import Session, Status
from kapcompanion.core.spoken import spoken_items
from kapcompanion.core.text import fill
from kapcompanion.core.timeline import compile_practice
from tests.core.test_session import session_for
from tests.fakes import FakeClock
from tests.ui.samples import INTENTION, practice

# -- placeholders -----------------------------------------------------------------------


def test_a_sentence_that_only_showed_an_empty_answer_is_left_out() -> None:
    text = "You are arriving with: {word}. Let that be welcome too."
    assert fill(text, {}) == "Let that be welcome too."
    assert fill(text, {"word": ""}) == "Let that be welcome too."
    assert fill(text, {"word": "calm"}) == "You are arriving with: calm. Let that be welcome too."
    # Paragraphs keep their breaks around the sentence left out.
    assert fill("Welcome.\n\nYou brought: {x}.\nRest now.", {}) == "Welcome.\n\nRest now."


def test_an_empty_answer_never_leaves_stray_punctuation() -> None:
    assert fill("How did it relate to your intention: {intention}?", {}) == (
        "How did it relate to your intention?"
    )
    assert fill("Thank you. Your answers were {a}, {b}.", {}) == "Thank you. Your answers were."
    for text in ("Before: {x}. After.", "A — {x}. B.", "{x}. Then rest.", "Say {x} quietly."):
        out = fill(text, {})
        assert ":." not in out and "—." not in out and " ." not in out and "{" not in out
        assert not out.startswith(".")
    # The documented lead-in stays when it is the whole text.
    assert fill("Before your session you wrote: {intention}", {}) == (
        "Before your session you wrote"
    )


def test_a_list_names_an_answer_it_does_not_have_yet() -> None:
    def named(name: str) -> str:
        return f"your {name}"

    assert fill("Hold it lightly: {intention}", {}, missing=named) == (
        "Hold it lightly: your intention"
    )
    assert fill("Hold it lightly: {intention}", {"intention": "be kind"}, missing=named) == (
        "Hold it lightly: be kind"
    )


def test_what_is_said_aloud_uses_the_same_filling() -> None:
    p = practice(INTENTION)
    said = [i.text for i in spoken_items(p, {})]
    assert "Hold it lightly" in said
    assert not any("{" in t or ":." in t for t in said)


# -- time practised ----------------------------------------------------------------------

STEPS = """
- say: One.
  duration: 60
- say: Two.
  duration: 60
- say: Three.
  duration: 60
- say: Four.
  duration: 60
"""


def test_skipping_ahead_is_not_counted_as_practised() -> None:
    s, clock = session_for(STEPS)
    s.play()
    clock.advance(30)
    s.skip()
    s.skip()
    clock.advance(30)
    s.skip()
    clock.advance(30)
    assert s.position == pytest.approx(210)  # where it is: three and a half steps in
    assert s.practised == pytest.approx(90)  # what was spent: a minute and a half
    clock.advance(100)
    assert s.status is Status.FINISHED
    assert s.practised == pytest.approx(120)  # it ended when the clock reached the end


def test_pauses_are_not_counted_but_answering_a_question_is() -> None:
    s, clock = session_for(
        """
        - say: Settle.
          duration: 10
        - reflect: {prompt: What is here?, save_as: note}
        - say: Rest.
          duration: 10
        """
    )
    s.play()
    clock.advance(4)
    s.pause()
    clock.advance(600)  # a long pause
    s.play()
    clock.advance(6)
    assert s.status is Status.WAITING
    clock.advance(45)  # writing the answer
    s.continue_gate("here")
    clock.advance(3)
    s.stop()
    clock.advance(50)
    assert s.practised == pytest.approx(4 + 6 + 45 + 3)


def test_a_session_never_played_was_not_practised() -> None:
    clock = FakeClock()
    s = Session(compile_practice(practice(INTENTION)), clock)
    clock.advance(20)
    assert s.practised == 0.0
    s.skip()
    s.stop()
    assert s.practised == 0.0


# -- done means finished ---------------------------------------------------------------


def test_a_practice_stopped_early_is_started_not_done(tmp_path) -> None:
    from kapcompanion.journal.store import JournalStore

    store = JournalStore.open(tmp_path / "journal.sqlite3")
    try:
        now = datetime.now(UTC)
        store.log_practice("calm-place", now, 7, False)
        assert store.done_on(date.today()) == set()
        assert store.started_on(date.today()) == {"calm-place": 7}
        store.log_practice("calm-place", now, 360, True)
        assert store.done_on(date.today()) == {"calm-place"}
        assert store.started_on(date.today()) == {}
    finally:
        store.close()
