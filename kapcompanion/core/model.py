"""The practice model: what a validated practice or program file means.

Instances are produced by :mod:`kapcompanion.core.parse` and are immutable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

FORMAT_VERSION = 1

CATEGORIES = ("prepare", "anytime", "integrate")
EVIDENCE_LEVELS = ("strong", "moderate", "emerging", "traditional")
CUE_SOUNDS = ("soft-bell", "singing-bowl", "wood", "rise", "fall", "tick")
AMBIENT_SOUNDS = ("brown-noise", "rain", "ocean", "drone")
NO_SOUND = "none"


class Phase(StrEnum):
    """What a moment of a practice asks of the person."""

    INHALE = "inhale"
    HOLD = "hold"
    EXHALE = "exhale"
    HOLD_OUT = "hold_out"
    SAY = "say"
    SILENCE = "silence"
    BELL = "bell"
    GATE = "gate"


BREATH_PHASES = (Phase.INHALE, Phase.HOLD, Phase.EXHALE, Phase.HOLD_OUT)


@dataclass(frozen=True, slots=True)
class Evidence:
    """How well a practice is supported, and by what."""

    level: str
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SoundSettings:
    """Practice-wide sound defaults."""

    ambient: str | None = None  # bundled name or resolved file path
    ambient_volume: float = 0.3
    cue: str | None = "soft-bell"
    spoken_cues: bool = False  # breath phases named in words on the first cycles


@dataclass(frozen=True, slots=True)
class PhaseCues:
    """The sound for each breath phase (``None`` = silent)."""

    inhale: str | None = None
    hold: str | None = None
    exhale: str | None = None
    hold_out: str | None = None

    def for_phase(self, phase: Phase) -> str | None:
        """Return the cue sound for ``phase``."""
        return {
            Phase.INHALE: self.inhale,
            Phase.HOLD: self.hold,
            Phase.EXHALE: self.exhale,
            Phase.HOLD_OUT: self.hold_out,
        }.get(phase)

    @classmethod
    def same(cls, sound: str | None) -> PhaseCues:
        """One sound for every phase."""
        return cls(sound, sound, sound, sound)


DEFAULT_LABELS = {
    "inhale": "Breathe in",
    "hold": "Hold gently",
    "exhale": "Breathe out",
    "hold_out": "Rest",
}


@dataclass(frozen=True, slots=True)
class BreathPattern:
    """One breath cycle: inhale (one or more parts), optional holds, exhale."""

    inhale: tuple[float, ...]
    exhale: float
    hold: float = 0.0
    hold_out: float = 0.0

    @property
    def cycle_seconds(self) -> float:
        """Length of one full cycle in seconds."""
        return sum(self.inhale) + self.hold + self.exhale + self.hold_out

    @property
    def has_holds(self) -> bool:
        """Whether any hold is asked for."""
        return self.hold > 0 or self.hold_out > 0


@dataclass(frozen=True, slots=True)
class SayStep:
    """Guidance text, optionally voiced by a recorded clip."""

    text: str
    duration: float
    voice: Path | None = None
    line: int = 0
    #: Whether ``duration`` was written in the file. Without it the step lasts its
    #: voice plus a pause when the voice's length is known (else the reading time).
    explicit: bool = True


@dataclass(frozen=True, slots=True)
class BreatheStep:
    """Paced breathing for a number of whole cycles."""

    pattern: BreathPattern
    cycles: int
    cues: PhaseCues
    labels: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_LABELS))
    line: int = 0


@dataclass(frozen=True, slots=True)
class SilenceStep:
    """Quiet time, with an optional prompt on screen."""

    duration: float
    prompt: str = ""
    line: int = 0


@dataclass(frozen=True, slots=True)
class BellStep:
    """A single bell that rings out."""

    sound: str
    duration: float
    line: int = 0


@dataclass(frozen=True, slots=True)
class ReflectStep:
    """A written reflection; the clock waits for the person."""

    prompt: str
    save_as: str | None = None
    line: int = 0


@dataclass(frozen=True, slots=True)
class CheckInStep:
    """A 0–10 rating; the clock waits for the person."""

    question: str
    save_as: str | None = None
    labels: tuple[str, str] = ("not at all", "completely")
    line: int = 0


@dataclass(frozen=True, slots=True)
class ChecklistStep:
    """Items to tick; the clock waits for the person."""

    title: str
    items: tuple[str, ...]
    line: int = 0


Step = SayStep | BreatheStep | SilenceStep | BellStep | ReflectStep | CheckInStep | ChecklistStep
InteractiveStep = ReflectStep | CheckInStep | ChecklistStep
INTERACTIVE = (ReflectStep, CheckInStep, ChecklistStep)


@dataclass(frozen=True, slots=True)
class Practice:
    """A validated practice. ``steps`` has repeats already expanded."""

    id: str
    title: str
    category: str
    summary: str
    steps: tuple[Step, ...]
    description: str = ""
    tags: tuple[str, ...] = ()
    author: str = ""
    language: str = "en"
    evidence: Evidence | None = None
    safety: str = ""
    sound: SoundSettings = field(default_factory=SoundSettings)
    uses: tuple[str, ...] = ()
    source: Path | None = None

    @property
    def folder(self) -> Path | None:
        """The folder the file lives in (audio paths are relative to it)."""
        return self.source.parent if self.source else None

    @property
    def has_breathing(self) -> bool:
        """Whether any step paces the breath."""
        return any(isinstance(s, BreatheStep) for s in self.steps)

    @property
    def saved_names(self) -> tuple[str, ...]:
        """Names this practice saves to the journal, in order."""
        return tuple(
            s.save_as for s in self.steps if isinstance(s, ReflectStep | CheckInStep) and s.save_as
        )


@dataclass(frozen=True, slots=True)
class ProgramDay:
    """Practices suggested on one day relative to the session (day 0)."""

    day: int
    practices: tuple[str, ...]
    when: str | None = None  # "before" | "after" on day 0
    note: str = ""
    line: int = 0


@dataclass(frozen=True, slots=True)
class Program:
    """A schedule of practices around a session date."""

    id: str
    title: str
    days: tuple[ProgramDay, ...]
    summary: str = ""
    description: str = ""
    author: str = ""
    language: str = "en"
    source: Path | None = None

    def for_day(self, day: int, when: str | None = None) -> tuple[str, ...]:
        """Practice ids suggested on ``day`` (and, on day 0, ``when``)."""
        ids: list[str] = []
        for d in self.days:
            if d.day == day and (when is None or d.when in (None, when)):
                ids.extend(d.practices)
        return tuple(ids)
