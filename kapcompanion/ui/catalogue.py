"""What the library view shows, without any widgets: lengths, filters, wording of times.

Kept free of Qt so the filtering rules are easy to test and reuse.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from kapcompanion.core.model import CATEGORIES, Practice
from kapcompanion.core.timeline import practice_seconds

log = logging.getLogger(__name__)

#: Length filter buckets: key -> (lowest seconds inclusive, highest seconds exclusive).
LENGTHS: dict[str, tuple[float, float]] = {
    "any": (0.0, float("inf")),
    "short": (0.0, 180.0),
    "medium": (180.0, 480.0),
    "long": (480.0, float("inf")),
}


def practice_length(practice: Practice) -> float:
    """Seconds of timed content (interactive steps count as 0: they wait for the person).

    Summed step by step (the same as the compiled timeline's total without a voice), so a
    library with long practices of many breaths lists at once.
    """
    return practice_seconds(practice)


def clock_text(seconds: float) -> str:
    """``m:ss`` (or ``h:mm:ss``) for a time on the player."""
    s = max(0, int(seconds + 0.5))
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


def length_text(seconds: float) -> str:
    """A plain length: "45 s", "1 min 20 s", "5 min" (rounded gently)."""
    s = round(seconds)
    if s < 60:
        return f"{s} s"
    m, sec = divmod(s, 60)
    if m >= 5 or sec == 0:
        return f"{round(s / 60)} min"
    return f"{m} min {sec} s"


@dataclass(frozen=True, slots=True)
class Entry:
    """One practice as the library lists it."""

    practice: Practice
    length: float
    origin: str
    author: str = ""  # who a pack's practice is from ("Sam Rivera, Riverside KAP"), else ""
    verified: bool = False  # the pack's signing key is one this person trusts
    words: str = ""  # more words a search finds: the tags' labels in the app's language

    @property
    def id(self) -> str:
        """The practice id."""
        return self.practice.id

    def haystack(self) -> str:
        """Lower-case text that a search looks through."""
        p = self.practice
        tags = " ".join(p.tags)
        words = (p.title, p.summary, p.description, tags, self.words, p.id, self.author)
        return " ".join(words).lower()


@dataclass(frozen=True, slots=True)
class Filter:
    """What the person narrowed the library to."""

    text: str = ""
    length: str = "any"
    tag: str = ""

    def accepts(self, entry: Entry) -> bool:
        """Whether ``entry`` passes this filter (all words of the text must appear)."""
        lo, hi = LENGTHS.get(self.length, LENGTHS["any"])
        if not lo <= entry.length < hi:
            return False
        if self.tag and self.tag not in entry.practice.tags:
            return False
        hay = entry.haystack()
        return all(word in hay for word in self.text.lower().split())


def pack_sources() -> dict[str, tuple[str, bool]]:
    """Who each installed pack is from (its key's confirmed name) and whether it is trusted.

    Keyed by library origin. The name is the signing key's, never what pack.yaml says
    (see :func:`kapcompanion.core.packs.pack_signers`).
    """
    # lazy: called only when packs are installed, so start-up without packs skips signing
    from kapcompanion.core.packs import SigningStore, pack_signers
    from kapcompanion.paths import data_folders

    try:
        folders = data_folders()
        return pack_signers(folders.packs, SigningStore.of(folders))
    except Exception:  # who a pack is from is a courtesy; the library must still show
        log.exception("cannot read the installed packs' authors")
        return {}


def build_entries(
    practices: Iterable[Practice],
    origins: Mapping[str, str] | None = None,
    authors: Mapping[str, tuple[str, bool]] | None = None,
    label: Callable[[str], str] | None = None,
) -> list[Entry]:
    """Entries for every practice, grouped by category then sorted by title.

    Args:
        practices: the practices.
        origins: where each came from, by id ("built-in", "user", "pack:<folder>").
        authors: (author, verified) by pack origin; read from the installed packs when
            None and any practice comes from a pack.
        label: a tag's label in the app's language (searched as well as the tag).
    """
    origins = origins or {}
    if authors is None:
        packed = any(o.startswith("pack:") for o in origins.values())
        authors = pack_sources() if packed else {}
    order = {c: i for i, c in enumerate(CATEGORIES)}
    entries = []
    for p in practices:
        try:
            length = practice_length(p)
        except Exception:  # a practice that cannot compile is listed with no length
            log.exception("cannot compile %s", p.id)
            length = 0.0
        origin = origins.get(p.id, "")
        author, verified = authors.get(origin, ("", False))
        words = " ".join(label(t) for t in p.tags) if label is not None else ""
        entries.append(Entry(p, length, origin, author, verified, words))
    entries.sort(key=lambda e: (order.get(e.practice.category, 99), e.practice.title.lower()))
    return entries


def all_tags(entries: Iterable[Entry]) -> list[str]:
    """Every tag used, sorted."""
    return sorted({t for e in entries for t in e.practice.tags})


def grouped(entries: Iterable[Entry], flt: Filter) -> dict[str, list[Entry]]:
    """Entries passing ``flt``, per category in the library's order (empty groups kept)."""
    out: dict[str, list[Entry]] = {c: [] for c in CATEGORIES}
    for e in entries:
        if flt.accepts(e):
            out.setdefault(e.practice.category, []).append(e)
    return out
