"""What a practice says aloud, and how long speech takes when no audio is at hand.

Every step that carries words is heard: a ``say`` step (its recorded ``voice:`` clip when
it has one, else the synthetic voice), a ``silence`` prompt, and the question of a
``reflect``, ``check_in`` or ``checklist`` step. Placeholders are filled first (an empty
one is left out gracefully, as on screen); a text that holds the client's own words is
marked private, so the voice layer keeps its clip in memory only. With the practice's
``sound: {spoken_cues: true}`` the breath phases of the first few cycles are named in
words ("in", "hold", "out").

This module only decides *what* is said. Audio lives in :mod:`kapcompanion.audio.voice`;
the timeline compiler takes the lengths it measured as an input. No Qt, no onnx here.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from kapcompanion.core.model import (
    DEFAULT_LABELS,
    BreatheStep,
    CheckInStep,
    ChecklistStep,
    Phase,
    Practice,
    ReflectStep,
    SayStep,
    SilenceStep,
    Step,
)
from kapcompanion.core.text import fill, placeholders

log = logging.getLogger(__name__)

#: Words per second of the synthetic voice at speed 1.0, for estimates without audio.
#: Calibrated against hibari-tts 0.2.1 (voice "heart") on the 146 distinct say texts of
#: the built-in practices: 9.9 minutes of speech (leading and trailing quiet trimmed),
#: 0.305 s per word on average, a typical error of 11 % per text.
SPEECH_WORDS_PER_SECOND = 3.2
#: Seconds of quiet after the voice of a say step that has no ``duration`` of its own.
SAY_PAUSE = 2.0
#: Least quiet after the voice of a step with a ``duration`` (or a silence prompt): a
#: voice longer than its step lengthens the step to the voice plus this, so words are
#: never cut off nor run into the next step.
VOICE_TAIL = 0.5
#: With spoken cues, the breath phases of this many first cycles are named in words.
SPOKEN_CUE_CYCLES = 3
#: The words for each breath phase (the practice's own label is used when it is short).
BREATH_WORDS = {
    Phase.INHALE: "in",
    Phase.HOLD: "hold",
    Phase.EXHALE: "out",
    Phase.HOLD_OUT: "hold",
}
TOP_UP_WORD = "more"
#: A practice's own phase label is spoken instead when it is at most this many words.
SHORT_LABEL_WORDS = 3

KIND_SAY = "say"
KIND_SILENCE = "silence"
KIND_QUESTION = "question"
KIND_BREATH = "breath"


@dataclass(frozen=True, slots=True)
class Spoken:
    """One text the practice says aloud.

    ``text`` is what is said (placeholders filled); ``step`` the index (in
    ``practice.steps``) of the first step that says it; ``private`` marks text that holds
    the client's own words, which must never be written to disk.
    """

    text: str
    step: int
    kind: str
    private: bool = False


def is_english(language: str) -> bool:
    """Whether a practice's language code is English (``en``, ``en-GB``...)."""
    return language.lower().replace("_", "-").split("-")[0] == "en"


def estimate_seconds(text: str, speed: float = 1.0) -> float:
    """Seconds the synthetic voice takes to say ``text`` (an estimate, see the rate)."""
    words = len(text.split())
    return words / (SPEECH_WORDS_PER_SECOND * max(speed, 0.1))


def _filled(raw: str, values: Mapping[str, object]) -> tuple[str, bool]:
    if not raw:
        return "", False
    names = placeholders(raw)
    if not names:
        return fill(raw, {}), False
    private = any(str(values.get(n) or "").strip() for n in names)
    return fill(raw, values), private


def step_speech(step: Step, values: Mapping[str, object] | None = None) -> tuple[str, bool] | None:
    """The text a step says with the synthetic voice, and whether it is private.

    ``None`` for a step that says nothing: a bell, a breath (see :func:`breath_words`), a
    say step with a recorded clip (the clip always wins), a silence without a prompt, or
    a text that is empty once its placeholders are filled.
    """
    vals = values or {}
    match step:
        case SayStep(voice=None, text=raw):
            text, private = _filled(raw, vals)
        case SilenceStep(prompt=raw):
            text, private = _filled(raw, vals)
        case ReflectStep(prompt=raw) | CheckInStep(question=raw) | ChecklistStep(title=raw):
            text, private = _filled(raw, vals)
        case _:
            return None
    return (text, private) if text.strip() else None


def _kind(step: Step) -> str:
    if isinstance(step, SayStep):
        return KIND_SAY
    if isinstance(step, SilenceStep):
        return KIND_SILENCE
    return KIND_QUESTION


def _short(label: str) -> bool:
    return 0 < len(label.split()) <= SHORT_LABEL_WORDS and "{" not in label


def breath_word(step: BreatheStep, phase: Phase, part: int = 0) -> str:
    """The word said at the start of a breath phase (``part`` > 1: the top-up inhale).

    The practice's own label when it is short and not the default one, else "in",
    "hold", "out" (and "more" for the top-up of a two-part inhale).
    """
    key = "top_up" if phase is Phase.INHALE and part > 1 else str(phase)
    label = step.labels.get(key, "").strip()
    default = DEFAULT_LABELS.get(key, "A little more" if key == "top_up" else "")
    if label and label != default and _short(label):
        return label
    return TOP_UP_WORD if key == "top_up" else BREATH_WORDS[phase]


def breath_words(step: BreatheStep) -> list[str]:
    """The distinct words a breathe step says with spoken cues, in the order heard."""
    p = step.pattern
    words = [breath_word(step, Phase.INHALE, part) for part in range(1, len(p.inhale) + 1)]
    if p.hold > 0:
        words.append(breath_word(step, Phase.HOLD))
    words.append(breath_word(step, Phase.EXHALE))
    if p.hold_out > 0:
        words.append(breath_word(step, Phase.HOLD_OUT))
    return list(dict.fromkeys(words))


def _items(practice: Practice, values: Mapping[str, object], spoken_cues: bool) -> Iterator[Spoken]:
    for i, step in enumerate(practice.steps):
        if isinstance(step, BreatheStep):
            if spoken_cues:
                for word in breath_words(step):
                    yield Spoken(word, i, KIND_BREATH)
            continue
        got = step_speech(step, values)
        if got is not None:
            yield Spoken(got[0], i, _kind(step), got[1])


def spoken_items(
    practice: Practice,
    values: Mapping[str, object] | None = None,
    *,
    spoken_cues: bool | None = None,
) -> list[Spoken]:
    """Every distinct text ``practice`` says with the synthetic voice, in order of need.

    Args:
        practice: the practice (repeats already expanded).
        values: saved answers for its placeholders (empty ones are left out).
        spoken_cues: name breath phases in words; ``None`` follows the practice's
            ``sound: {spoken_cues: …}``.

    Returns:
        One :class:`Spoken` per distinct text, first needed first (a text said twice is
        listed once, at its first step). A text is private if any of its occurrences is.
    """
    cues = practice.sound.spoken_cues if spoken_cues is None else spoken_cues
    seen: dict[str, Spoken] = {}
    for item in _items(practice, values or {}, cues):
        had = seen.get(item.text)
        if had is None:
            seen[item.text] = item
        elif item.private and not had.private:
            seen[item.text] = Spoken(had.text, had.step, had.kind, True)
    return list(seen.values())
