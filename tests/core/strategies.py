"""Hypothesis strategies for valid practices (built straight as model objects)."""

from __future__ import annotations

from hypothesis import strategies as st

from kapcompanion.core.model import (
    BellStep,
    BreatheStep,
    BreathPattern,
    CheckInStep,
    ChecklistStep,
    PhaseCues,
    Practice,
    ReflectStep,
    SayStep,
    SilenceStep,
)

seconds = st.floats(min_value=0.25, max_value=120, allow_nan=False, allow_infinity=False)
short = st.floats(min_value=0.5, max_value=12, allow_nan=False, allow_infinity=False)
hold = st.one_of(st.just(0.0), short)

patterns = st.builds(
    BreathPattern,
    inhale=st.lists(short, min_size=1, max_size=2).map(tuple),
    exhale=short,
    hold=hold,
    hold_out=hold,
)

steps = st.one_of(
    st.builds(SayStep, text=st.text(min_size=1, max_size=20), duration=seconds),
    st.builds(
        BreatheStep,
        pattern=patterns,
        cycles=st.integers(1, 8),
        cues=st.just(PhaseCues("rise", "tick", "fall", "tick")),
    ),
    st.builds(SilenceStep, duration=seconds),
    st.builds(BellStep, sound=st.just("singing-bowl"), duration=seconds),
    st.builds(ReflectStep, prompt=st.just("What is here?"), save_as=st.just("note")),
    st.builds(CheckInStep, question=st.just("How settled?")),
    st.builds(ChecklistStep, title=st.just("Before"), items=st.just(("one", "two"))),
)

practices = st.builds(
    Practice,
    id=st.just("generated"),
    title=st.just("Generated"),
    category=st.sampled_from(["prepare", "anytime", "integrate"]),
    summary=st.just("A generated practice."),
    steps=st.lists(steps, min_size=1, max_size=12).map(tuple),
)
