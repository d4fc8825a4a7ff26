"""Reading a ``breathe`` step: the pattern, its length, cues and labels."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any, Protocol

from kapcompanion.core.errors import ERROR
from kapcompanion.core.model import (
    CUE_SOUNDS,
    DEFAULT_LABELS,
    NO_SOUND,
    BreatheStep,
    BreathPattern,
    PhaseCues,
    Step,
)
from kapcompanion.core.yamlsafe import Document, Mark

log = logging.getLogger(__name__)


class PracticeParser(Protocol):
    """What reading a breathe step needs from :class:`kapcompanion.core.parse.PracticeParser`.

    Declared here so that this module does not import the parser that calls it.
    """

    @property
    def doc(self) -> Document:
        """The document being read."""
        ...

    @property
    def default_cues(self) -> PhaseCues:
        """The practice's cues, used when a step names none."""
        ...

    def report(self, mark: Mark, message: str, hint: str = "", severity: str = ERROR) -> None:
        """Record a problem at ``mark``."""
        ...

    def error_at(self, container: Any, key: Any, message: str, hint: str = "") -> None:
        """Record an error at a value."""
        ...

    def warn_at(self, container: Any, key: Any, message: str, hint: str = "") -> None:
        """Record a warning at a value."""
        ...

    def check_keys(
        self, mapping: dict[str, Any], allowed: Iterable[str], required: Iterable[str], where: str
    ) -> None:
        """Report unknown and missing keys."""
        ...

    def mapping(self, container: Any, key: Any, what: str) -> dict[str, Any] | None:
        """A mapping under ``key``, or None (reported)."""
        ...

    def whole(self, container: Any, key: Any, what: str, *, lo: int, hi: int) -> int | None:
        """A whole number in ``[lo, hi]``, or None (reported)."""
        ...

    def duration(
        self, container: Any, key: Any, what: str, *, zero_ok: bool = False
    ) -> float | None:
        """Seconds under ``key``, or None (reported)."""
        ...

    def sound_name(self, d: Any, key: Any, bundled: tuple[str, ...], what: str) -> str | None:
        """A bundled sound's name or an audio file, or None (reported)."""
        ...

    def cue_name(self, d: Any, key: Any) -> str | None:
        """A cue sound, or None for no sound."""
        ...

    def prose(self, container: Any, key: Any, what: str) -> str:
        """Text a person reads (placeholders checked)."""
        ...


BREATHE_KEYS = ("inhale", "hold", "exhale", "hold_out", "cycles", "for", "cue", "labels")
LABEL_KEYS = ("inhale", "hold", "exhale", "hold_out", "top_up")
CUE_KEYS = ("inhale", "hold", "exhale", "hold_out")
HOLD_WARN = 10.0
MAX_CYCLES = 2000
#: The shortest a breathing phase may be: nobody breathes faster, and tiny phases would
#: make a practice of millions of segments that lasts a second.
MIN_PHASE = 0.5
#: The most segments (breathing phases, and one per other step) a practice may compile to.
MAX_SEGMENTS = 20_000


def read_breathe(p: PracticeParser, raw: dict[str, Any]) -> BreatheStep | None:
    """Check and build one breathe step (problems are recorded on ``p``)."""
    d = p.mapping(raw, "breathe", "breathe")
    if d is None:
        return None
    p.check_keys(d, BREATHE_KEYS, ("inhale", "exhale"), "breathe")
    inhale = _inhale(p, d) if "inhale" in d else None
    exhale = _phase(p, d, "exhale", "exhale") if "exhale" in d else None
    hold = _hold(p, d, "hold")
    hold_out = _hold(p, d, "hold_out")
    pattern = None
    if inhale is not None and exhale is not None and hold is not None and hold_out is not None:
        pattern = BreathPattern(inhale, exhale, hold, hold_out)
    cycles = _cycles(p, d, raw, pattern.cycle_seconds if pattern else None)
    if pattern is None or cycles is None:
        return None
    return BreatheStep(
        pattern, cycles, _cues(p, d), _labels(p, d), p.doc.key_mark(raw, "breathe")[0]
    )


def _inhale(p: PracticeParser, d: dict[str, Any]) -> tuple[float, ...] | None:
    value = d["inhale"]
    if isinstance(value, list):
        if not 1 <= len(value) <= 3:
            p.error_at(d, "inhale", "a multi-part inhale lists two or three parts, like [3, 1]")
            return None
        parts = [_phase(p, value, i, f"inhale part {i + 1}") for i in range(len(value))]
        return None if any(x is None for x in parts) else tuple(x for x in parts if x is not None)
    seconds = _phase(p, d, "inhale", "inhale")
    return (seconds,) if seconds is not None else None


def _phase(
    p: PracticeParser, container: Any, key: Any, what: str, *, zero_ok: bool = False
) -> float | None:
    """A phase's seconds: at least :data:`MIN_PHASE` (or 0 where allowed), else None (reported)."""
    seconds = p.duration(container, key, what, zero_ok=zero_ok)
    if seconds is not None and 0 < seconds < MIN_PHASE:
        p.error_at(
            container,
            key,
            f"{what} is too short: at least {MIN_PHASE:g} seconds, not {seconds:.3g}",
            "a breath phase of a second or more is easy to follow",
        )
        return None
    return seconds


def check_segments(p: PracticeParser, d: dict[str, Any], steps: Iterable[Step]) -> None:
    """Refuse (at ``steps:``) a practice that would compile to more than MAX_SEGMENTS."""
    n = segment_count(steps)
    if n > MAX_SEGMENTS:
        p.error_at(
            d,
            "steps",
            f"the practice would have {n:,} breathing phases and steps; the most is "
            f"{MAX_SEGMENTS:,}",
            "use fewer repeats or cycles, or split it into shorter practices",
        )


def segment_count(steps: Iterable[Step]) -> int:
    """How many segments ``steps`` compile to: each breath phase, and one per other step.

    Counted from the steps alone, before anything is compiled (see :data:`MAX_SEGMENTS`).
    """
    total = 0
    for step in steps:
        if isinstance(step, BreatheStep):
            pat = step.pattern
            phases = len(pat.inhale) + 1 + (pat.hold > 0) + (pat.hold_out > 0)
            total += phases * step.cycles
        else:
            total += 1
    return total


def _hold(p: PracticeParser, d: dict[str, Any], key: str) -> float | None:
    if key not in d:
        return 0.0
    seconds = _phase(p, d, key, key, zero_ok=True)
    if seconds is not None and seconds > HOLD_WARN:
        p.warn_at(
            d,
            key,
            f"a hold of {seconds:g} seconds is long; holds over {HOLD_WARN:g} s can "
            "bring on air hunger",
            "gentle holds are 2–7 seconds, and every hold is skippable",
        )
    return seconds


def _cycles(
    p: PracticeParser, d: dict[str, Any], raw: dict[str, Any], cycle: float | None
) -> int | None:
    if "cycles" in d and "for" in d:
        p.report(
            p.doc.key_mark(d, "for"),
            'give either "cycles" or "for", not both',
            "cycles counts breaths; for gives a length like 5m",
        )
        return None
    if "cycles" in d:
        return p.whole(d, "cycles", "cycles", lo=1, hi=MAX_CYCLES)
    if "for" in d:
        seconds = p.duration(d, "for", "for")
        if seconds is None or cycle is None:
            return None
        n = max(1, round(seconds / cycle))
        if n > MAX_CYCLES:
            p.error_at(d, "for", f"that is {n} breaths; the most is {MAX_CYCLES}")
            return None
        return n
    p.report(
        p.doc.key_mark(raw, "breathe"),
        'breathe needs "cycles" (how many breaths) or "for" (how long)',
        "for example cycles: 8 or for: 5m",
    )
    return None


def _cues(p: PracticeParser, d: dict[str, Any]) -> PhaseCues:
    if "cue" not in d:
        return p.default_cues
    value = d["cue"]
    if isinstance(value, dict):
        p.check_keys(value, CUE_KEYS, (), "cue")
        sounds = {k: p.cue_name(value, k) for k in CUE_KEYS if k in value}
        return PhaseCues(**{k: sounds.get(k) for k in CUE_KEYS})
    if value in (None, NO_SOUND, False):
        return PhaseCues.same(None)
    return PhaseCues.same(p.sound_name(d, "cue", CUE_SOUNDS, "cue"))


def _labels(p: PracticeParser, d: dict[str, Any]) -> dict[str, str]:
    labels = dict(DEFAULT_LABELS)
    if "labels" not in d:
        return labels
    m = p.mapping(d, "labels", "labels")
    if m is None:
        return labels
    p.check_keys(m, LABEL_KEYS, (), "labels")
    for key in LABEL_KEYS:
        if key in m:
            labels[key] = p.prose(m, key, f"label {key}")
    return labels
