"""What the journal holds, as plain immutable records (times are timezone-aware UTC)."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

log = logging.getLogger(__name__)

KINDS = ("reflect", "check_in", "checklist", "note")
#: Shown in place of an entry that cannot be read (its stored bytes are damaged).
DAMAGED_TEXT = "This entry is damaged and cannot be read."
#: Stands in for a stored time that cannot be read.
UNKNOWN_TIME = datetime(1970, 1, 1, tzinfo=UTC)
DEFAULT_BEFORE = "week-before"
DEFAULT_AFTER = "week-after"


def utc_now() -> datetime:
    """Now, in UTC."""
    return datetime.now(UTC)


def to_text(moment: datetime) -> str:
    """A stored time: UTC ISO-8601 with microseconds (sorts as text)."""
    if moment.tzinfo is None:
        moment = moment.astimezone()  # a naive time is taken as local
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_text(text: str) -> datetime:
    """A stored time back as an aware UTC datetime."""
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo is UTC else moment.astimezone(UTC)


def time_or_none(text: object) -> datetime | None:
    """A stored time, or None when what is stored is not a time (a damaged row)."""
    try:
        return from_text(str(text))
    except (ValueError, TypeError, OverflowError):
        return None


def day_start(day: date) -> str:
    """The stored time (UTC text) at which the local calendar ``day`` begins."""
    return to_text(datetime.combine(day, time.min).astimezone())


def local_date(moment: datetime) -> date:
    """The calendar day ``moment`` falls on where the person is."""
    return moment.astimezone().date()


@dataclass(frozen=True, slots=True)
class KapSession:
    """One KAP session date, with the programs chosen for the days before and after."""

    id: int
    on_date: date
    label: str = ""
    program_before: str | None = None
    program_after: str | None = None
    done_at: datetime | None = None
    number: int = 0  # 1-based position by date, as shown to the person

    @property
    def before_program(self) -> str:
        """The program for the days before (the built-in one unless chosen)."""
        return self.program_before or DEFAULT_BEFORE

    @property
    def after_program(self) -> str:
        """The program for the days after (the built-in one unless chosen)."""
        return self.program_after or DEFAULT_AFTER

    @property
    def title(self) -> str:
        """How the session is named to the person: "Session 2 — 14 March 2026"."""
        when = f"{self.on_date.day} {self.on_date:%B %Y}"
        return f"Session {self.number} — {when}" + (f" ({self.label})" if self.label else "")


@dataclass(slots=True)
class Entry:
    """One journal entry: a reflect answer, a check-in score, a checklist or a free note.

    Read-only by convention (not frozen: building 10,000 of them must stay fast); change
    an entry through :meth:`JournalStore.update_entry`.
    """

    id: int
    kind: str
    created_at: datetime
    updated_at: datetime
    text: str = ""
    score: float | None = None
    title: str = ""
    prompt: str = ""
    practice_id: str | None = None
    step_index: int | None = None
    name: str | None = None
    session_id: int | None = None
    #: Part of the row could not be read (its text, or its time); the rest is shown.
    damaged: bool = False

    @property
    def value(self) -> Any:
        """The answer as the practice gave it: text, score, or {item: ticked}."""
        if self.kind == "check_in":
            return self.score
        if self.kind == "checklist":
            try:
                data = json.loads(self.text or "{}")
            except ValueError:
                return {}
            return data if isinstance(data, dict) else {}
        return self.text

    @property
    def display(self) -> str:
        """The value as one plain line of text."""
        if self.damaged and self.text == DAMAGED_TEXT:
            return DAMAGED_TEXT
        if self.kind == "check_in":
            return "" if self.score is None else f"{self.score:g} / 10"
        if self.kind == "checklist":
            ticks = self.value
            return ", ".join(f"{'☑' if done else '☐'} {item}" for item, done in ticks.items())
        return self.text

    @property
    def day(self) -> date:
        """The local calendar day it was written."""
        return local_date(self.created_at)


@dataclass(frozen=True, slots=True)
class PracticeRun:
    """One time a practice was played: what, when, for how long, and whether it finished."""

    id: int
    practice_id: str
    started_at: datetime
    seconds: float
    finished: bool
    session_id: int | None = None

    @property
    def day(self) -> date:
        """The local calendar day it started."""
        return local_date(self.started_at)
