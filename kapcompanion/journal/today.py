"""Everything the Today view shows, gathered in one call (so the view only draws)."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from kapcompanion.core.model import Program
from kapcompanion.journal.history import days_in_a_row
from kapcompanion.journal.journey import ArcPosition, PlanItem, arc_position, todays_plan
from kapcompanion.journal.store import JournalStore

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Today:
    """The home screen's content for one day."""

    day: date
    position: ArcPosition
    plan: list[PlanItem] = field(default_factory=list)
    intention: str | None = None  # of the session today belongs to
    #: The run of days with a practice (0 unless the person turned it on); the interface
    #: words it (kapcompanion.ui.numbers.days_in_a_row_words).
    run_days: int = 0

    @property
    def all_done(self) -> bool:
        """Whether every suggested practice was played today (False when none)."""
        return bool(self.plan) and all(item.done for item in self.plan)


def today_for(
    store: JournalStore,
    programs: Mapping[str, Program],
    day: date,
    known_practices: Iterable[str] | None = None,
    *,
    show_days_in_a_row: bool = False,
) -> Today:
    """The arc label, today's plan with ticks, the session's intention, and (if on) the run."""
    sessions = store.sessions()
    pos = arc_position(day, sessions)
    plan = todays_plan(day, sessions, programs, store.done_on(day), known_practices)
    intention = store.intention_for(pos.session.id) if pos.session else None
    n = days_in_a_row(store, day) if show_days_in_a_row else 0
    return Today(day, pos, plan, intention, n)
