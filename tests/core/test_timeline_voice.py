"""The timeline knows how long the voice is: speech cues, say lengths, fit, spoken cues."""

from __future__ import annotations

from pathlib import Path

import pytest

from kapcompanion.core.library import Library
from kapcompanion.core.loader import check_text
from kapcompanion.core.model import (
    BreatheStep,
    BreathPattern,
    PhaseCues,
    Practice,
    ReflectStep,
    SayStep,
    SilenceStep,
    SoundSettings,
    Step,
)
from kapcompanion.core.schema import practice_schema
from kapcompanion.core.spoken import SAY_PAUSE, VOICE_TAIL, spoken_items
from kapcompanion.core.timeline import (
    CHANNEL_CUE,
    CHANNEL_SPEECH,
    GATE_BELL,
    compile_practice,
)


def practice(steps: list[Step], *, spoken_cues: bool = False) -> Practice:
    return Practice(
        id="t",
        title="T",
        category="anytime",
        summary="s",
        steps=tuple(steps),
        sound=SoundSettings(spoken_cues=spoken_cues),
    )


LIBRARY = Library.load(None)


@pytest.mark.parametrize("pid", sorted(LIBRARY.practices))
def test_without_voice_lengths_nothing_changes(pid: str) -> None:
    p = LIBRARY.practice(pid)
    plain = compile_practice(p, gate_seconds=5.0)
    assert compile_practice(p, gate_seconds=5.0, voice_lengths=None).to_dict() == plain.to_dict()
    assert not plain.speech
    # Lengths for nothing this practice says change nothing either.
    assert compile_practice(p, gate_seconds=5.0, voice_lengths={}).to_dict() == plain.to_dict()


def test_a_say_step_without_duration_lasts_its_voice_and_a_pause() -> None:
    p = practice([SayStep("Welcome.", 4.0, explicit=False), SayStep("Settle.", 9.0)])
    tl = compile_practice(p, voice_lengths={"Welcome.": 1.25, "Settle.": 2.0})
    first, second = tl.steps
    assert first.end - first.start == pytest.approx(1.25 + SAY_PAUSE)
    assert second.end - second.start == 9.0  # explicit and long enough: as written
    assert [(c.time, c.sound, c.channel) for c in tl.speech] == [
        (0.0, "Welcome.", CHANNEL_SPEECH),
        (pytest.approx(1.25 + SAY_PAUSE), "Settle.", CHANNEL_SPEECH),
    ]
    assert tl.total == pytest.approx(1.25 + SAY_PAUSE + 9.0)


def test_a_voice_longer_than_its_step_lengthens_the_step() -> None:
    p = practice([SayStep("Long words.", 3.0), SilenceStep(2.0, "Rest here.")])
    tl = compile_practice(p, voice_lengths={"Long words.": 4.0, "Rest here.": 2.5})
    assert [s.end - s.start for s in tl.steps] == [4.0 + VOICE_TAIL, 2.5 + VOICE_TAIL]
    assert [c.time for c in tl.speech] == [0.0, 4.0 + VOICE_TAIL]


def test_a_recorded_clip_wins_over_the_voice() -> None:
    p = practice([SayStep("Hello.", 3.0, voice=Path("/x/hello.ogg"), explicit=False)])
    tl = compile_practice(p, voice_lengths={"Hello.": 8.0})
    assert tl.total == 3.0 and not tl.speech
    assert [c.channel for c in tl.cues] == ["voice"]


def test_gate_questions_are_spoken_live_and_in_renders() -> None:
    p = practice([ReflectStep("What do you notice?")])
    live = compile_practice(p, voice_lengths={"What do you notice?": 1.5})
    assert live.total == 0.0 and [c.sound for c in live.speech] == ["What do you notice?"]
    rendered = compile_practice(p, gate_seconds=5.0, voice_lengths={"What do you notice?": 1.5})
    assert rendered.total == pytest.approx(6.5)
    bell = [c for c in rendered.cues if c.sound == GATE_BELL]
    assert [c.time for c in bell] == [1.5]  # the bell marks the quiet after the question


def test_placeholders_are_looked_up_filled() -> None:
    p = practice([SayStep("You wrote: {intention}", 5.0, explicit=False)])
    values = {"intention": "rest"}
    (item,) = spoken_items(p, values)
    assert item.private and item.text == "You wrote: rest"
    tl = compile_practice(p, voice_lengths={item.text: 2.0}, values=values)
    assert [c.sound for c in tl.speech] == ["You wrote: rest"] and tl.total == 2.0 + SAY_PAUSE


def test_spoken_cues_replace_tones_on_the_first_three_cycles() -> None:
    step = BreatheStep(
        pattern=BreathPattern(inhale=(4.0,), exhale=6.0, hold=0.5),
        cycles=5,
        cues=PhaseCues(inhale="rise", hold="tick", exhale="fall"),
    )
    p = practice([step], spoken_cues=True)
    lengths = {"in": 0.4, "hold": 0.6, "out": 0.45}  # "hold" does not fit its 0.5 s phase
    tl = compile_practice(p, voice_lengths=lengths)
    by_cycle: dict[int, list[str]] = {}
    for c in tl.cues:
        by_cycle.setdefault(tl.segments[c.segment].cycle, []).append(c.sound)
    assert by_cycle[1] == by_cycle[2] == by_cycle[3] == ["in", "tick", "out"]
    assert by_cycle[4] == by_cycle[5] == ["rise", "tick", "fall"]
    # Each word starts exactly on its phase boundary.
    for c in tl.speech:
        assert c.time == tl.segments[c.segment].start
    assert tl.total == compile_practice(p).total  # breathing keeps its own timing
    # Without the option, or without lengths: tones only.
    assert not compile_practice(p, voice_lengths=lengths, spoken_cues=False).speech
    assert not compile_practice(p).speech


SAY_TOO_LONG = """\
kapcompanion: 1
id: fit
title: Fit
category: anytime
summary: s
steps:
  - say: Let your attention rest on the soles of your feet, and notice the floor beneath them.
    duration: 3s
  - say: Short.
    duration: 3s
  - say: Let your attention rest on the soles of your feet, and notice the floor beneath them.
  - silence: 2s
    prompt: Notice each breath as it arrives and leaves, without changing anything at all.
"""


def test_the_validator_warns_located_when_the_voice_will_not_fit() -> None:
    item, found = check_text(SAY_TOO_LONG, "fit.yaml")
    assert item is not None  # warnings only
    warnings = [d for d in found if not d.is_error]
    assert [(d.line, d.col) for d in warnings] == [(8, 15), (12, 14)]
    assert "the voice needs about" in warnings[0].message and "3 s" in warnings[0].message
    assert all(d.hint for d in warnings)
    steps = item.steps  # type: ignore[union-attr]
    assert [s.explicit for s in steps[:3]] == [True, True, False]  # type: ignore[union-attr]


def test_no_fit_warning_for_other_languages() -> None:
    spanish = SAY_TOO_LONG.replace("summary: s\n", "summary: s\nlanguage: es\n")
    _item, found = check_text(spanish, "fit.yaml")
    assert found == []


def test_spoken_cues_option_parses_and_is_in_the_schema() -> None:
    base = "kapcompanion: 1\nid: b\ntitle: B\ncategory: anytime\nsummary: s\n"
    steps = "steps:\n  - breathe: {inhale: 4, exhale: 6, cycles: 2}\n"
    item, found = check_text(base + "sound: {spoken_cues: true}\n" + steps, "b.yaml")
    assert found == [] and item.sound.spoken_cues  # type: ignore[union-attr]
    item, found = check_text(base + steps, "b.yaml")
    assert not item.sound.spoken_cues  # type: ignore[union-attr]
    item, found = check_text(base + "sound: {spoken_cues: 3}\n" + steps, "b.yaml")
    assert item is None and "spoken_cues must be true or false" in found[0].message
    props = practice_schema()["else"]["properties"]["sound"]["properties"]
    assert props["spoken_cues"]["type"] == "boolean"


def test_cue_channels_are_kept_apart() -> None:
    p = practice([SayStep("Hi.", 2.0)])
    tl = compile_practice(p, voice_lengths={"Hi.": 1.0})
    assert {c.channel for c in tl.cues} == {CHANNEL_SPEECH} and CHANNEL_CUE != CHANNEL_SPEECH
