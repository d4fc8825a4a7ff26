"""The timeline: one immutable, absolute-time plan of a whole practice.

The compiler turns a :class:`~kapcompanion.core.model.Practice` into segments with
absolute start and end times and the cues that sound at them. Everything that plays a
practice — the live session, the audio engine, the pacer, the offline renderer — reads
this one timeline and never re-derives timing.
"""

from __future__ import annotations

import bisect
import logging
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from kapcompanion.core.model import (
    BellStep,
    BreatheStep,
    CheckInStep,
    ChecklistStep,
    InteractiveStep,
    Phase,
    Practice,
    ReflectStep,
    SayStep,
    SilenceStep,
    Step,
)
from kapcompanion.core.spoken import (
    SAY_PAUSE,
    SPOKEN_CUE_CYCLES,
    VOICE_TAIL,
    breath_word,
    step_speech,
)

log = logging.getLogger(__name__)

#: Pacer level reached by the first part of a two-part inhale (the rest is the top-up).
FIRST_PART_LEVEL = 0.8
#: Bell used where a rendered file marks an interactive step.
GATE_BELL = "soft-bell"

CHANNEL_CUE = "cue"
CHANNEL_BELL = "bell"
CHANNEL_VOICE = "voice"
#: Synthetic speech: the cue's ``sound`` is the text to say (see core/spoken.py).
CHANNEL_SPEECH = "speech"


def ease(x: float) -> float:
    """Smooth 0..1 -> 0..1 (sine in-out), so the pacer never jerks at a turn."""
    x = min(1.0, max(0.0, x))
    return 0.5 - 0.5 * math.cos(math.pi * x)


class Cue(NamedTuple):
    """A sound that starts at an absolute time (immutable)."""

    time: float
    sound: str  # bundled name, or a resolved file path for voice clips
    channel: str  # CHANNEL_CUE | CHANNEL_BELL | CHANNEL_VOICE
    segment: int


class Segment(NamedTuple):
    """A stretch of the timeline with one phase and one text (immutable).

    A named tuple rather than a frozen dataclass: a 4-hour practice has thousands of
    segments, and tuples are built four times faster.
    """

    index: int  # pyright: ignore[reportIncompatibleMethodOverride]
    step: int
    start: float
    end: float
    phase: Phase
    text: str = ""
    level_from: float = 0.0
    level_to: float = 0.0
    cycle: int = 0
    cycles: int = 0
    part: int = 0
    parts: int = 0
    gate: InteractiveStep | None = None

    @property
    def duration(self) -> float:
        """Length in seconds (0 for a gate while playing live)."""
        return self.end - self.start

    def progress_at(self, t: float) -> float:
        """Fraction 0..1 of this segment passed at absolute time ``t``."""
        if self.end <= self.start:
            return 1.0 if t >= self.end else 0.0
        return min(1.0, max(0.0, (t - self.start) / (self.end - self.start)))

    def level_at(self, t: float) -> float:
        """Pacer level 0 (empty lungs) .. 1 (full) at absolute time ``t``, eased."""
        return self.level_for(self.progress_at(t))

    def level_for(self, progress: float) -> float:
        """Pacer level once ``progress`` (0..1, from :meth:`progress_at`) of this phase is done."""
        return self.level_from + (self.level_to - self.level_from) * ease(progress)


@dataclass(frozen=True, slots=True)
class StepSpan:
    """One step of the (repeat-expanded) practice on the timeline."""

    index: int
    kind: str
    title: str
    start: float
    end: float
    first_segment: int
    end_segment: int  # exclusive
    step: Step | None = None  # the step itself (a view may word it in its own language)

    @property
    def interactive(self) -> bool:
        """Whether the step waits for the person."""
        return self.kind in ("reflect", "check_in", "checklist")


@dataclass(frozen=True)
class Timeline:
    """The compiled, immutable plan of a practice."""

    practice_id: str
    title: str
    segments: tuple[Segment, ...]
    steps: tuple[StepSpan, ...]
    cues: tuple[Cue, ...]
    total: float
    ambient: str | None = None
    ambient_volume: float = 0.0
    _starts: tuple[float, ...] = field(default=(), repr=False)
    _timed: tuple[int, ...] = field(default=(), repr=False)
    _cue_times: tuple[float, ...] = field(default=(), repr=False)
    _step_starts: tuple[float, ...] = field(default=(), repr=False)

    def __post_init__(self) -> None:
        timed = tuple(s.index for s in self.segments if s.end > s.start)
        object.__setattr__(self, "_timed", timed)
        object.__setattr__(self, "_starts", tuple(self.segments[i].start for i in timed))
        object.__setattr__(self, "_cue_times", tuple(c.time for c in self.cues))
        object.__setattr__(self, "_step_starts", tuple(s.start for s in self.steps))

    @property
    def speech(self) -> tuple[Cue, ...]:
        """The synthetic-voice cues (``sound`` is the text), in time order."""
        return tuple(c for c in self.cues if c.channel == CHANNEL_SPEECH)

    @property
    def gates(self) -> tuple[Segment, ...]:
        """The interactive segments, in order."""
        return tuple(s for s in self.segments if s.gate is not None)

    def segment_at(self, t: float) -> Segment | None:
        """The timed segment playing at ``t`` (O(log n)); ``None`` past the end."""
        if not self._timed or t >= self.total:
            return None
        k = bisect.bisect_right(self._starts, max(t, 0.0)) - 1
        return self.segments[self._timed[max(k, 0)]]

    def step_index_at(self, t: float) -> int:
        """Index of the step whose time span holds ``t`` (the last step at the end).

        Steps of zero length (gates) starting at ``t`` are passed over: the step shown is
        the timed one that runs from ``t``.
        """
        seg = self.segment_at(t)
        if seg is not None:
            return seg.step
        return len(self.steps) - 1

    def cues_between(self, t0: float, t1: float) -> list[Cue]:
        """Cues with ``t0 <= time < t1``, in time order."""
        lo = bisect.bisect_left(self._cue_times, t0)
        hi = bisect.bisect_left(self._cue_times, t1)
        return list(self.cues[lo:hi])

    def iter_phases(self) -> Iterator[Segment]:
        """Segments in time order."""
        return iter(self.segments)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready description (for ``kapcompanion timeline --json``)."""
        return {
            "id": self.practice_id,
            "title": self.title,
            "total": round(self.total, 3),
            "ambient": self.ambient,
            "steps": [
                {
                    "index": s.index,
                    "kind": s.kind,
                    "title": s.title,
                    "start": round(s.start, 3),
                    "end": round(s.end, 3),
                }
                for s in self.steps
            ],
            "segments": [
                {
                    "index": g.index,
                    "step": g.step,
                    "start": round(g.start, 3),
                    "end": round(g.end, 3),
                    "phase": str(g.phase),
                    "text": g.text,
                    **({"cycle": g.cycle, "cycles": g.cycles} if g.cycles else {}),
                }
                for g in self.segments
            ],
            "cues": [
                {"time": round(c.time, 3), "sound": c.sound, "channel": c.channel}
                for c in self.cues
            ],
        }


def _step_kind(step: Step) -> str:
    return {
        SayStep: "say",
        BreatheStep: "breathe",
        SilenceStep: "silence",
        BellStep: "bell",
        ReflectStep: "reflect",
        CheckInStep: "check_in",
        ChecklistStep: "checklist",
    }[type(step)]


def _step_title(step: Step) -> str:
    match step:
        case SayStep(text=text):
            return text
        case BreatheStep(pattern=p, cycles=n):
            parts = ["in " + "+".join(f"{x:g}" for x in p.inhale)]
            if p.hold:
                parts.append(f"hold {p.hold:g}")
            parts.append(f"out {p.exhale:g}")
            if p.hold_out:
                parts.append(f"hold {p.hold_out:g}")
            return f"Breathe · {' · '.join(parts)} · {n}×"
        case SilenceStep(prompt=prompt):
            return prompt or "Silence"
        case BellStep(sound=sound):
            return f"Bell ({sound})"
        case ReflectStep(prompt=prompt):
            return prompt
        case CheckInStep(question=q):
            return q
        case ChecklistStep(title=title):
            return title
    return ""


_Template = tuple[Phase, float, str, float, float, int, int, "str | None"]


def _cycle_template(step: BreatheStep) -> list[_Template]:
    """The phases of one breath cycle: (phase, seconds, text, levels, part, cue)."""
    p, labels, cues = step.pattern, step.labels, step.cues
    parts = len(p.inhale)
    out: list[_Template] = []
    level = 0.0
    for part, secs in enumerate(p.inhale, start=1):
        top = 1.0
        if part < parts:
            top = FIRST_PART_LEVEL * sum(p.inhale[:part]) / sum(p.inhale[:-1])
        text = labels.get("top_up", "A little more") if part > 1 else labels.get("inhale", "")
        out.append((Phase.INHALE, secs, text, level, top, part, parts, _sound(cues.inhale)))
        level = top
    if p.hold > 0:
        out.append((Phase.HOLD, p.hold, labels.get("hold", ""), 1.0, 1.0, 0, 0, _sound(cues.hold)))
    out.append(
        (Phase.EXHALE, p.exhale, labels.get("exhale", ""), 1.0, 0.0, 0, 0, _sound(cues.exhale))
    )
    if p.hold_out > 0:
        out.append(
            (
                Phase.HOLD_OUT,
                p.hold_out,
                labels.get("hold_out", ""),
                0.0,
                0.0,
                0,
                0,
                _sound(cues.hold_out),
            )
        )
    return out


def _sound(name: str | None) -> str | None:
    return name if name and name != "none" else None


class _Builder:
    def __init__(
        self,
        gate_seconds: float,
        voice_lengths: Mapping[str, float] | None = None,
        values: Mapping[str, object] | None = None,
        spoken_cues: bool = False,
    ) -> None:
        self.t = 0.0
        self.gate_seconds = gate_seconds
        self.segments: list[Segment] = []
        self.cues: list[Cue] = []
        self.voice_lengths = voice_lengths
        self.values = values or {}
        self.spoken_cues = spoken_cues and voice_lengths is not None

    def voice(self, step: Step) -> tuple[str, float] | None:
        """The text a step says with the synthetic voice and its length, when known."""
        if self.voice_lengths is None:
            return None
        got = step_speech(step, self.values)
        if got is None:
            return None
        seconds = self.voice_lengths.get(got[0])
        return (got[0], seconds) if seconds is not None else None

    def speak(self, seg: Segment, text: str, at: float | None = None) -> None:
        self.cues.append(Cue(seg.start if at is None else at, text, CHANNEL_SPEECH, seg.index))

    def add(self, step: int, length: float, phase: Phase, **kw: Any) -> Segment:
        seg = Segment(
            index=len(self.segments),
            step=step,
            start=self.t,
            end=self.t + length,
            phase=phase,
            **kw,
        )
        self.segments.append(seg)
        self.t = seg.end
        return seg

    def cue(self, seg: Segment, sound: str | None, channel: str) -> None:
        if sound and sound != "none":
            self.cues.append(Cue(seg.start, sound, channel, seg.index))

    def breathe(self, i: int, step: BreatheStep) -> None:
        # One cycle's phases are worked out once; cycles differ only in time and number.
        template = _cycle_template(step)
        words = self._breath_words(step, template)
        segments, cues, n = self.segments, self.cues, step.cycles
        t = self.t
        for cycle in range(1, n + 1):
            spoken = words if cycle <= SPOKEN_CUE_CYCLES else None
            for k, (phase, length, text, lo, hi, part, parts, sound) in enumerate(template):
                seg = Segment(
                    len(segments), i, t, t + length, phase, text, lo, hi, cycle, n, part, parts
                )
                segments.append(seg)
                word = spoken[k] if spoken else None
                if word:
                    cues.append(Cue(t, word, CHANNEL_SPEECH, seg.index))
                elif sound:
                    cues.append(Cue(t, sound, CHANNEL_CUE, seg.index))
                t = seg.end
        self.t = t

    def _breath_words(self, step: BreatheStep, template: list[_Template]) -> list[str | None]:
        """Per phase of the cycle: the word said instead of its tone, or None.

        A word is said only when its voice is known and fits inside its phase.
        """
        if not self.spoken_cues or self.voice_lengths is None:
            return [None] * len(template)
        out: list[str | None] = []
        for phase, length, _text, _lo, _hi, part, _parts, _sound in template:
            word = breath_word(step, phase, part)
            seconds = self.voice_lengths.get(word)
            out.append(word if seconds is not None and seconds <= length else None)
        return out

    def step(self, i: int, step: Step) -> None:
        spoken = self.voice(step)
        match step:
            case SayStep(text=text, duration=d, voice=voice, explicit=explicit):
                if spoken is not None:
                    v = spoken[1]
                    d = max(d, v + VOICE_TAIL) if explicit else v + SAY_PAUSE
                seg = self.add(i, d, Phase.SAY, text=text)
                if voice is not None:
                    self.cue(seg, str(voice), CHANNEL_VOICE)
                elif spoken is not None:
                    self.speak(seg, spoken[0])
            case BreatheStep():
                self.breathe(i, step)
            case SilenceStep(duration=d, prompt=prompt):
                if spoken is not None:
                    d = max(d, spoken[1] + VOICE_TAIL)
                seg = self.add(i, d, Phase.SILENCE, text=prompt)
                if spoken is not None:
                    self.speak(seg, spoken[0])
            case BellStep(sound=sound, duration=d):
                seg = self.add(i, d, Phase.BELL)
                self.cue(seg, sound, CHANNEL_BELL)
            case ReflectStep() | CheckInStep() | ChecklistStep():
                # Live (no gate time) the question is said as the clock stops; in a render
                # it is said first, and the bell then marks the quiet left for answering.
                v = spoken[1] if spoken is not None and self.gate_seconds > 0 else 0.0
                length = self.gate_seconds + v
                seg = self.add(i, length, Phase.GATE, text=_step_title(step), gate=step)
                if spoken is not None:
                    self.speak(seg, spoken[0])
                if self.gate_seconds > 0:
                    self.cues.append(Cue(seg.start + v, GATE_BELL, CHANNEL_BELL, seg.index))


def compile_practice(
    practice: Practice,
    *,
    gate_seconds: float = 0.0,
    voice_lengths: Mapping[str, float] | None = None,
    values: Mapping[str, object] | None = None,
    spoken_cues: bool | None = None,
) -> Timeline:
    """Compile ``practice`` into its timeline.

    Args:
        practice: the practice.
        gate_seconds: how long interactive steps last: 0 for live play, where the clock
            waits for the person; the offline renderer gives them a short silence (after
            their question is said, when it is).
        voice_lengths: seconds of the synthetic voice of each text (as listed by
            :func:`kapcompanion.core.spoken.spoken_items`). Each text with a length gets a
            speech cue (channel ``speech``, ``sound`` = the text) at the start of its
            segment. A say step without ``duration`` then lasts its voice plus
            :data:`~kapcompanion.core.spoken.SAY_PAUSE`; a step with one (or a silence) is
            lengthened when the voice would not fit with
            :data:`~kapcompanion.core.spoken.VOICE_TAIL` to spare. ``None`` (no voice):
            the timeline is exactly as without any voice.
        values: saved answers that fill placeholders before texts are looked up.
        spoken_cues: name breath phases in words on the first cycles (when the words'
            lengths are given and fit their phase); ``None`` follows the practice.

    Returns:
        The immutable timeline.
    """
    cues = practice.sound.spoken_cues if spoken_cues is None else spoken_cues
    b = _Builder(gate_seconds, voice_lengths, values, cues)
    spans: list[StepSpan] = []
    for i, step in enumerate(practice.steps):
        start, first = b.t, len(b.segments)
        b.step(i, step)
        spans.append(
            StepSpan(
                i, _step_kind(step), _step_title(step), start, b.t, first, len(b.segments), step
            )
        )
    b.cues.sort(key=lambda c: (c.time, c.segment))
    return Timeline(
        practice_id=practice.id,
        title=practice.title,
        segments=tuple(b.segments),
        steps=tuple(spans),
        cues=tuple(b.cues),
        total=b.t,
        ambient=practice.sound.ambient,
        ambient_volume=practice.sound.ambient_volume if practice.sound.ambient else 0.0,
    )


def practice_seconds(practice: Practice) -> float:
    """The length :func:`compile_practice` gives (without a voice), without compiling.

    For listing a library: a long practice of many breaths is summed step by step instead
    of laid out phase by phase, so a list of hundreds of practices stays instant.
    """
    total = 0.0
    for step in practice.steps:
        match step:
            case SayStep(duration=d) | SilenceStep(duration=d) | BellStep(duration=d):
                total += d
            case BreatheStep(pattern=p, cycles=n):
                total += p.cycle_seconds * n
    return total
