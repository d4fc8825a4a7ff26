"""What a practice says aloud: texts, placeholders, privacy, breath words, estimates."""

from __future__ import annotations

from pathlib import Path

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
    SoundSettings,
    Step,
)
from kapcompanion.core.spoken import (
    KIND_BREATH,
    KIND_QUESTION,
    KIND_SAY,
    KIND_SILENCE,
    SPEECH_WORDS_PER_SECOND,
    breath_words,
    estimate_seconds,
    is_english,
    spoken_items,
)


def practice(steps: list[Step], *, spoken_cues: bool = False, language: str = "en") -> Practice:
    return Practice(
        id="t",
        title="T",
        category="anytime",
        summary="s",
        steps=tuple(steps),
        language=language,
        sound=SoundSettings(spoken_cues=spoken_cues),
    )


def breathe(**labels: str) -> BreatheStep:
    return BreatheStep(
        pattern=BreathPattern(inhale=(4.0,), exhale=6.0, hold=2.0, hold_out=1.0),
        cycles=5,
        cues=PhaseCues.same("rise"),
        labels={
            "inhale": "Breathe in",
            "hold": "Hold gently",
            "exhale": "Breathe out",
            "hold_out": "Rest",
            **labels,
        },
    )


def test_every_step_with_words_is_spoken_in_order_and_a_clip_wins() -> None:
    p = practice(
        [
            SayStep("Welcome.", 5.0),
            SayStep("Recorded.", 5.0, voice=Path("/x/clip.ogg")),
            SilenceStep(10.0, "Rest here."),
            SilenceStep(10.0),
            BellStep("wood", 3.0),
            breathe(),
            ReflectStep("What do you notice?", "notice"),
            CheckInStep("How settled are you?"),
            ChecklistStep("Before you leave", ("Ride home",)),
            SayStep("Welcome.", 5.0),  # said twice: listed once
        ]
    )
    items = spoken_items(p)
    assert [(i.text, i.step, i.kind) for i in items] == [
        ("Welcome.", 0, KIND_SAY),
        ("Rest here.", 2, KIND_SILENCE),
        ("What do you notice?", 6, KIND_QUESTION),
        ("How settled are you?", 7, KIND_QUESTION),
        ("Before you leave", 8, KIND_QUESTION),
    ]
    assert not any(i.private for i in items)


def test_placeholders_are_filled_and_the_clients_words_are_private() -> None:
    p = practice(
        [
            SayStep("Before your session you wrote: {intention}", 5.0),
            SayStep("{intention}", 5.0),
            SayStep("Plain {{braces}} text.", 5.0),
        ]
    )
    with_value = spoken_items(p, {"intention": "to be gentle with myself"})
    assert [(i.text, i.private) for i in with_value] == [
        ("Before your session you wrote: to be gentle with myself", True),
        ("to be gentle with myself", True),
        ("Plain {braces} text.", False),
    ]
    # No saved answer: the clause is left out gracefully; an empty text says nothing.
    without = spoken_items(p, {})
    assert [(i.text, i.private) for i in without] == [
        ("Before your session you wrote", False),
        ("Plain {braces} text.", False),
    ]


def test_breath_words_only_with_spoken_cues() -> None:
    assert spoken_items(practice([breathe()])) == []
    items = spoken_items(practice([breathe()], spoken_cues=True))
    assert [(i.text, i.kind) for i in items] == [("in", KIND_BREATH), ("hold", KIND_BREATH),
                                                 ("out", KIND_BREATH)]  # fmt: skip
    # The setting can override the practice.
    assert next(i.text for i in spoken_items(practice([breathe()]), spoken_cues=True)) == "in"


def test_short_own_labels_are_said_long_ones_fall_back() -> None:
    step = breathe(inhale="Soft in", exhale="And now let it all go slowly")
    assert breath_words(step) == ["Soft in", "hold", "out"]
    two_part = BreatheStep(
        pattern=BreathPattern(inhale=(3.0, 1.0), exhale=6.0),
        cycles=2,
        cues=PhaseCues.same("rise"),
    )
    assert breath_words(two_part) == ["in", "more", "out"]


def test_estimate_and_language() -> None:
    text = " ".join(["word"] * 32)
    assert estimate_seconds(text) == 32 / SPEECH_WORDS_PER_SECOND
    assert estimate_seconds(text, speed=0.8) > estimate_seconds(text)
    assert is_english("en") and is_english("en-GB") and is_english("en_US")
    assert not is_english("es") and not is_english("pt-BR")
