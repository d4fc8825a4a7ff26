import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kapcompanion.core.loader import check_text
from kapcompanion.core.model import BreatheStep, Phase
from kapcompanion.core.timeline import CHANNEL_BELL, CHANNEL_CUE, compile_practice

from .helpers import practice_text
from .strategies import practices


def compiled(steps: str, **kw):
    item, diags = check_text(practice_text(steps), "<t>")
    assert item is not None, diags
    return compile_practice(item, **kw)


def test_box_breathing_segments_and_cues():
    tl = compiled("- breathe: {inhale: 4, hold: 4, exhale: 4, hold_out: 4, cycles: 2}\n")
    assert tl.total == 32
    assert [s.phase for s in tl.segments[:4]] == [
        Phase.INHALE,
        Phase.HOLD,
        Phase.EXHALE,
        Phase.HOLD_OUT,
    ]
    assert [(c.time, c.sound) for c in tl.cues[:4]] == [
        (0, "rise"),
        (4, "tick"),
        (8, "fall"),
        (12, "tick"),
    ]
    assert all(c.channel == CHANNEL_CUE for c in tl.cues)
    assert tl.segments[4].cycle == 2 and tl.segments[4].cycles == 2


def test_two_part_inhale_levels():
    tl = compiled("- breathe: {inhale: [3, 1], exhale: 6, cycles: 1}\n")
    first, top_up, out = tl.segments
    assert (first.part, top_up.part, first.parts) == (1, 2, 2)
    assert first.level_from == 0 and first.level_to == pytest.approx(0.8)
    assert top_up.level_to == 1 and out.level_to == 0
    assert top_up.text == "A little more"
    assert first.level_at(1.5) == pytest.approx(0.4)  # eased midpoint is exact at half


def test_gate_is_zero_length_live_and_timed_when_rendered():
    steps = "- say: hi\n  duration: 5\n- reflect: {prompt: Why?}\n- silence: 10\n"
    live = compiled(steps)
    gate = live.segments[1]
    assert gate.phase is Phase.GATE and gate.duration == 0 and live.total == 15
    rendered = compiled(steps, gate_seconds=5)
    assert rendered.total == 20 and rendered.segments[1].duration == 5
    assert [(c.time, c.channel) for c in rendered.cues] == [(5, CHANNEL_BELL)]


def test_segment_lookup_and_cues_between():
    tl = compiled("- say: a\n  duration: 5\n- bell: wood\n  duration: 3\n- silence: 2\n")
    assert tl.segment_at(0).phase is Phase.SAY
    assert tl.segment_at(5).phase is Phase.BELL
    assert tl.segment_at(7.99).phase is Phase.BELL
    assert tl.segment_at(9.5).phase is Phase.SILENCE
    assert tl.segment_at(10) is None
    assert [c.time for c in tl.cues_between(0, 5)] == []
    assert [c.time for c in tl.cues_between(0, 5.0001)] == [5]


def test_to_dict_is_json_ready():
    import json

    tl = compiled("- breathe: {inhale: 4, exhale: 6, cycles: 2}\n")
    data = json.loads(json.dumps(tl.to_dict()))
    assert data["total"] == 20 and len(data["segments"]) == 4 and data["cues"][0]["sound"] == "rise"


@given(practices)
def test_segments_are_contiguous_ordered_and_sum_to_total(practice):
    tl = compile_practice(practice)
    assert tl.segments[0].start == 0
    for a, b in zip(tl.segments, tl.segments[1:], strict=False):
        assert a.end == b.start and a.end >= a.start
    assert tl.total == tl.segments[-1].end
    expected = 0.0
    for step in practice.steps:
        if isinstance(step, BreatheStep):
            expected += step.pattern.cycle_seconds * step.cycles
        else:
            expected += getattr(step, "duration", 0.0)
    assert math.isclose(tl.total, expected, rel_tol=1e-9, abs_tol=1e-6)
    assert [s.index for s in tl.steps] == list(range(len(practice.steps)))
    times = [c.time for c in tl.cues]
    assert times == sorted(times)


@given(practices, st.floats(min_value=0, max_value=1))
def test_segment_at_holds_the_time(practice, fraction):
    tl = compile_practice(practice)
    t = fraction * tl.total
    seg = tl.segment_at(t)
    if t >= tl.total:
        assert seg is None
    else:
        assert seg.start <= t < seg.end
        assert 0.0 <= seg.level_at(t) <= 1.0
