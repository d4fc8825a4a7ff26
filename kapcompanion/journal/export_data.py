"""What one export holds: the entries, sessions and titles chosen, already filtered.

:func:`kapcompanion.journal.export.collect` makes an :class:`ExportData`; the Markdown and
PDF writers (:mod:`~kapcompanion.journal.export_md`, :mod:`~kapcompanion.journal.export_pdf`)
and the app's preview read it. Kept apart from the export module so that the writers do
not import the module that calls them.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from kapcompanion.journal.checkin_labels import checkin_label, questions_of
from kapcompanion.journal.history import Point, Who5Point, series_from, who5_from
from kapcompanion.journal.records import Entry, KapSession

log = logging.getLogger(__name__)

#: Reflections this many days after a session sit beside its intention.
AFTER_DAYS = 7
#: At most this many of them are shown there (all are in the entries).
AFTER_SHOWN = 5


@dataclass(frozen=True, slots=True)
class IntentionPair:
    """A session's intention (before) beside what was written after it."""

    session: KapSession
    intention: Entry | None
    after: tuple[Entry, ...] = ()

    @property
    def shown_after(self) -> tuple[Entry, ...]:
        """The first few reflections after the session, to sit beside the intention."""
        return self.after[:AFTER_SHOWN]

    @property
    def more_after(self) -> int:
        """How many more reflections there are (they appear under Entries)."""
        return max(0, len(self.after) - AFTER_SHOWN)


@dataclass(frozen=True, slots=True)
class ExportData:
    """Everything one export holds, already filtered."""

    entries: tuple[Entry, ...]  # oldest first
    sessions: tuple[KapSession, ...]
    date_from: date | None = None
    date_to: date | None = None
    session: KapSession | None = None
    titles: Mapping[str, str] = field(default_factory=dict)

    def without(self, excluded: set[int]) -> ExportData:
        """The same export with the entries whose ids are in ``excluded`` left out."""
        return replace(self, entries=tuple(e for e in self.entries if e.id not in excluded))

    @property
    def first_day(self) -> date | None:
        """The first day covered (asked for, else the oldest entry)."""
        return self.date_from or (self.entries[0].day if self.entries else None)

    @property
    def last_day(self) -> date | None:
        """The last day covered (asked for, else the newest entry)."""
        return self.date_to or (self.entries[-1].day if self.entries else None)

    @property
    def range_text(self) -> str:
        """The dates covered, in words."""
        a, b = self.first_day, self.last_day
        if a is None or b is None:
            return "No entries"
        if a == b:
            return long_date(a)
        return f"{long_date(a)} – {long_date(b)}"

    def practice_title(self, entry: Entry) -> str:
        """The title of the practice an entry came from ("Your own words" for notes)."""
        if entry.practice_id is None:
            return entry.title or "Your own words"
        return self.titles.get(entry.practice_id, entry.practice_id)

    @property
    def checkins(self) -> dict[str, list[Point]]:
        """Check-in scores by name (WHO-5 items apart)."""
        return series_from(self.entries)

    def checkin_name(self, name: str) -> str:
        """What check-in ``name`` is called: its label, or the question it asked."""
        return checkin_label(name, questions_of(self.entries).get(name))

    @property
    def who5(self) -> list[Who5Point]:
        """Complete WHO-5 check-ins as 0–100 scores."""
        return who5_from(self.entries)

    @property
    def intentions(self) -> list[IntentionPair]:
        """For each session covered: its intention and the reflections written after it."""
        out = []
        for s in self.sessions:
            mine = [e for e in self.entries if e.session_id == s.id]
            intents = [e for e in mine if e.name == "intention"]
            after = tuple(
                e
                for e in mine
                if e.kind in ("reflect", "note")
                and e.name != "intention"
                and 0 <= (e.day - s.on_date).days <= AFTER_DAYS
            )
            if intents or after:
                out.append(IntentionPair(s, intents[-1] if intents else None, after))
        return out


def long_date(d: date) -> str:
    """A date as words: "28 November 2026"."""
    return f"{d.day} {d:%B %Y}"
