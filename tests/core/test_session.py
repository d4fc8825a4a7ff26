import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kapcompanion.core.loader import check_text
from kapcompanion.core.model import Phase
from kapcompanion.core.session import BACK_GRACE, Session, Status
from kapcompanion.core.timeline import compile_practice
from tests.fakes import FakeClock

from .helpers import practice_text
from .strategies import practices


def session_for(steps: str):
    item, diags = check_text(practice_text(steps), "<t>")
    assert item is not None, diags
    clock = FakeClock()
    return Session(compile_practice(item), clock), clock


STEPS = """
- say: Settle in.
  duration: 10
- breathe: {inhale: 4, exhale: 6, cycles: 2}
- reflect: {prompt: What is here?, save_as: note}
- check_in: {question: How settled?, save_as: settled}
- say: "You wrote {note}."
  duration: 5
"""


def test_plays_from_the_clock_and_waits_at_gates():
    s, clock = session_for(STEPS)
    assert s.status is Status.READY
    s.play()
    clock.advance(12)
    st_ = s.state()
    assert st_.phase is Phase.INHALE and st_.phase_progress == pytest.approx(0.5)
    assert st_.level == pytest.approx(0.5) and st_.phase_remaining == pytest.approx(2)
    clock.advance(100)
    assert s.status is Status.WAITING
    st_ = s.state()
    assert st_.phase is Phase.GATE and st_.elapsed == 30 and st_.step == 2
    s.continue_gate("calm")
    assert s.status is Status.WAITING and s.state().step == 3  # second gate, same time
    s.continue_gate(7)
    assert s.values == {"note": "calm", "settled": 7}
    assert s.status is Status.PLAYING and s.state().step == 4
    clock.advance(2)
    assert s.state().elapsed == pytest.approx(32)
    clock.advance(10)
    assert s.status is Status.FINISHED and s.state().progress == 1.0


def test_pause_shifts_nothing():
    s, clock = session_for(STEPS)
    s.play()
    clock.advance(3)
    s.pause()
    clock.advance(500)
    assert s.state().elapsed == 3 and s.status is Status.PAUSED
    s.resume()
    clock.advance(1)
    assert s.state().elapsed == 4


def test_skip_and_back():
    s, clock = session_for(STEPS)
    s.play()
    clock.advance(4)
    s.skip()
    assert s.state().elapsed == 10 and s.state().step == 1
    clock.advance(BACK_GRACE + 1)
    s.back()  # well into the step: restart it
    assert s.state().elapsed == 10
    s.back()  # at its start: previous step
    assert s.state().elapsed == 0 and s.state().step == 0
    s.skip()
    s.skip()  # onto the first gate
    assert s.status is Status.WAITING
    s.skip()  # past the unanswered gate to the next one
    assert s.status is Status.WAITING and s.state().step == 3
    s.skip()
    s.skip()
    assert s.status is Status.FINISHED


def test_stop():
    s, clock = session_for(STEPS)
    s.play()
    clock.advance(5)
    s.stop()
    clock.advance(5)
    assert s.status is Status.STOPPED and s.state().elapsed == 5 and s.done


@settings(max_examples=60)
@given(practices, st.floats(0, 1), st.floats(0, 10_000))
def test_pause_for_any_time_shifts_nothing(practice, fraction, pause_for):
    clock = FakeClock()
    s = Session(compile_practice(practice), clock)
    s.play()
    clock.advance(fraction * s.timeline.total)
    before = s.state()
    s.pause()
    clock.advance(pause_for)
    after = s.state()
    assert after.elapsed == before.elapsed and after.segment == before.segment


@settings(max_examples=80)
@given(practices, st.floats(0, 1))
def test_skip_then_back_returns_to_start_of_the_same_step(practice, fraction):
    clock = FakeClock()
    s = Session(compile_practice(practice), clock)
    s.play()
    clock.advance(fraction * s.timeline.total)
    while s.status is Status.WAITING:
        s.continue_gate(None)
    if s.done:
        return
    step = s.current_step
    s.skip()
    s.back()
    assert s.current_step == step
    assert s.position == s.timeline.steps[step].start


@settings(max_examples=60)
@given(practices, st.lists(st.floats(0.001, 50), min_size=1, max_size=30))
def test_state_depends_on_elapsed_time_not_on_polling(practice, ticks):
    a_clock, b_clock = FakeClock(), FakeClock()
    tl = compile_practice(practice)
    a, b = Session(tl, a_clock), Session(tl, b_clock)
    a.play()
    b.play()
    for dt in ticks:  # a is polled every tick, b only at the end
        a_clock.advance(dt)
        a.state()
    b_clock.advance(sum(ticks))
    if tl.gates:  # polling and gate arrival must agree too
        assert a.status == b.status
    assert a.state().elapsed == pytest.approx(b.state().elapsed)
