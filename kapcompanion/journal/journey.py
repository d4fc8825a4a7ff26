"""Where the person is in the arc around their KAP sessions, and today's suggested practices.

Rules, said once:

* On a session's own day, it is "Session day — before" until the person marks the
  session done, then "Session day — after".
* On other days, the nearest session (by days) is the one the day belongs to; when a
  past and an upcoming session are equally near, the upcoming one wins.
* An intention written on a session day before it is done, or on any day before a
  session, belongs to the next session (see :func:`session_for`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from kapcompanion.core.model import Program
from kapcompanion.journal.records import KapSession

log = logging.getLogger(__name__)

BEFORE, AFTER = "before", "after"


@dataclass(frozen=True, slots=True)
class ArcPosition:
    """Where ``today`` sits: the session it belongs to and the day relative to it."""

    label: str
    session: KapSession | None = None
    day: int | None = None  # negative before the session, 0 on the day, positive after
    when: str | None = None  # "before" | "after" (on the session day and around it)

    @property
    def planned(self) -> bool:
        """Whether any session gives today a place in the arc."""
        return self.session is not None


@dataclass(frozen=True, slots=True)
class PlanItem:
    """One suggested practice for today, from a program, ticked when done."""

    practice_id: str
    program_id: str
    done: bool
    note: str = ""
    available: bool = True  # False when the practice is not in the library


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def arc_position(today: date, sessions: Iterable[KapSession]) -> ArcPosition:
    """Where ``today`` is relative to the person's sessions, with a plain label."""
    items = sorted(sessions, key=lambda s: (s.on_date, s.id))
    if not items:
        return ArcPosition("No session planned")
    same_day = [s for s in items if s.on_date == today]
    if same_day:
        s = same_day[-1]
        if s.done_at is None:
            return ArcPosition("Session day — before", s, 0, BEFORE)
        return ArcPosition("Session day — after", s, 0, AFTER)
    past = [s for s in items if s.on_date < today]
    upcoming = [s for s in items if s.on_date > today]
    nxt = upcoming[0] if upcoming else None
    last = past[-1] if past else None
    if nxt is not None and (last is None or (nxt.on_date - today) <= (today - last.on_date)):
        n = (nxt.on_date - today).days
        return ArcPosition(f"{_days(n)} before your session", nxt, -n, BEFORE)
    assert last is not None
    n = (today - last.on_date).days
    return ArcPosition(f"{_days(n)} after your session", last, n, AFTER)


def session_for(today: date, sessions: Iterable[KapSession], name: str | None) -> KapSession | None:
    """The session a new entry written ``today`` belongs to.

    An intention looks forward: it belongs to the next session not yet done (today's
    included). Everything else belongs to the session of today's arc position.
    """
    items = sorted(sessions, key=lambda s: (s.on_date, s.id))
    if name == "intention":
        for s in items:
            if s.on_date > today or (s.on_date == today and s.done_at is None):
                return s
    return arc_position(today, items).session


def todays_plan(
    today: date,
    sessions: Iterable[KapSession],
    programs: Mapping[str, Program],
    done: set[str],
    known_practices: Iterable[str] | None = None,
) -> list[PlanItem]:
    """The practices the chosen programs suggest for ``today``, each ticked if in ``done``.

    Both of the session's programs are asked (before and after), so a program written
    to span the whole arc works in either slot. A program id that is not in
    ``programs`` suggests nothing (the app can say the program is missing).
    """
    pos = arc_position(today, sessions)
    if pos.session is None or pos.day is None:
        return []
    known = set(known_practices) if known_practices is not None else None
    items: list[PlanItem] = []
    seen: set[str] = set()
    order = (pos.session.before_program, pos.session.after_program)
    if pos.when == AFTER:
        order = order[::-1]
    for program_id in dict.fromkeys(order):
        program = programs.get(program_id)
        if program is None:
            log.warning("program %s is not in the library", program_id)
            continue
        notes = [
            d.note
            for d in program.days
            if d.day == pos.day and (pos.day != 0 or d.when in (None, pos.when))
        ]
        note = " ".join(n for n in notes if n)
        for pid in program.for_day(pos.day, pos.when if pos.day == 0 else None):
            if pid in seen:
                continue
            seen.add(pid)
            available = known is None or pid in known
            items.append(PlanItem(pid, program_id, pid in done, note, available))
    return items
