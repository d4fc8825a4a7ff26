"""Data for the history pictures; views only draw what these functions return.

The month heat map, check-in series, before/after pairs, WHO-5 (0–100) and an optional
run of days.

Answers from one playing of a practice are grouped into a *run*: same practice, step
numbers rising, within :data:`RUN_WINDOW` of the first answer.
"""

from __future__ import annotations

import calendar
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from kapcompanion.journal.records import Entry
from kapcompanion.journal.store import JournalStore

log = logging.getLogger(__name__)

RUN_WINDOW = timedelta(hours=3)
WHO5_NAMES = tuple(f"who5_{i}" for i in range(1, 6))
#: A change of this many points (0–100) is taken as a real change in WHO-5.
WHO5_MEANINGFUL_CHANGE = 10
#: At or below this, talking with a professional may help (not a diagnosis).
WHO5_LOW = 50


@dataclass(frozen=True, slots=True)
class HeatDay:
    """One day of the practice calendar."""

    day: date
    practices: int
    minutes: float
    level: int  # 0 (none) .. 4 (most), for shading


@dataclass(frozen=True, slots=True)
class Point:
    """One check-in score at a time."""

    at: datetime
    score: float
    practice_id: str | None

    @property
    def day(self) -> date:
        """The local day of the score."""
        return self.at.astimezone().date()


@dataclass(frozen=True, slots=True)
class BeforeAfter:
    """The same question asked before and after one playing of a practice."""

    practice_id: str
    name: str
    before: float
    after: float
    at: datetime

    @property
    def change(self) -> float:
        """After minus before."""
        return self.after - self.before


@dataclass(frozen=True, slots=True)
class Who5Point:
    """One weekly WHO-5: the five answers (0–10 each) and the 0–100 score."""

    at: datetime
    answers: tuple[float, ...]
    score: float
    change: float | None = None  # from the previous WHO-5

    @property
    def meaningful_change(self) -> bool:
        """Whether it moved by 10 points or more since the last one."""
        return self.change is not None and abs(self.change) >= WHO5_MEANINGFUL_CHANGE


def who5_score(answers: Iterable[float]) -> float:
    """WHO-5 on 0–100 from five 0–10 answers: halve each (0–5), sum (0–25), times 4."""
    values = list(answers)
    if len(values) != 5:
        raise ValueError("the WHO-5 has five answers")
    return sum(v / 2 for v in values) * 4


def runs(entries: Iterable[Entry]) -> list[list[Entry]]:
    """Group answers into playings of a practice (oldest first)."""
    open_runs: dict[str | None, list[Entry]] = {}
    done: list[list[Entry]] = []
    for e in sorted(entries, key=lambda e: (e.created_at, e.id)):
        if e.practice_id is None:
            continue
        cur = open_runs.get(e.practice_id)
        if (
            cur is None
            or e.created_at - cur[0].created_at > RUN_WINDOW
            or (e.step_index or 0) <= (cur[-1].step_index or 0)
        ):
            cur = []
            done.append(cur)
            open_runs[e.practice_id] = cur
        cur.append(e)
    return done


def month_heatmap(store: JournalStore, year: int, month: int) -> list[HeatDay]:
    """Every day of the month with how many practices were played and for how long."""
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])
    counts: dict[date, int] = defaultdict(int)
    minutes: dict[date, float] = defaultdict(float)
    for r in store.practice_runs(first, last):
        counts[r.day] += 1
        minutes[r.day] += r.seconds / 60
    top = max(minutes.values(), default=0.0)
    out = []
    for n in range(last.day):
        d = first + timedelta(days=n)
        m = minutes.get(d, 0.0)
        level = 0 if not counts.get(d) else max(1, min(4, round(4 * m / top))) if top else 1
        out.append(HeatDay(d, counts.get(d, 0), round(m, 1), level))
    return out


def checkin_series(
    store: JournalStore,
    date_from: date | None = None,
    date_to: date | None = None,
    names: Iterable[str] | None = None,
    *,
    include_who5: bool = False,
) -> dict[str, list[Point]]:
    """Check-in scores by ``save_as`` name, oldest first (WHO-5 items left out by default)."""
    entries = store.entries(
        date_from=date_from, date_to=date_to, kinds=("check_in",), newest_first=False
    )
    return series_from(entries, names, include_who5=include_who5)


def series_from(
    entries: Iterable[Entry], names: Iterable[str] | None = None, *, include_who5: bool = False
) -> dict[str, list[Point]]:
    """Check-in scores by name from a list of entries (see :func:`checkin_series`)."""
    wanted = set(names) if names is not None else None
    out: dict[str, list[Point]] = defaultdict(list)
    for e in sorted(entries, key=lambda e: (e.created_at, e.id)):
        if e.kind != "check_in" or e.score is None or not e.name:
            continue
        if wanted is not None and e.name not in wanted:
            continue
        if not include_who5 and e.name in WHO5_NAMES:
            continue
        out[e.name].append(Point(e.created_at, e.score, e.practice_id))
    return dict(out)


def session_dates(store: JournalStore) -> list[tuple[date, str]]:
    """Where to mark sessions on a chart: (date, "Session 2")."""
    return [(s.on_date, f"Session {s.number}") for s in store.sessions()]


def before_after_pairs(
    store: JournalStore, date_from: date | None = None, date_to: date | None = None
) -> list[BeforeAfter]:
    """Pairs of the same check-in before and after, within one playing of a practice.

    A pair is ``X_before`` then ``X_after`` (named ``X``), or the same name asked twice.
    """
    checks = store.entries(
        date_from=date_from, date_to=date_to, kinds=("check_in",), newest_first=False
    )
    pairs: list[BeforeAfter] = []
    for run in runs(checks):
        firsts: dict[str, Entry] = {}
        for e in run:
            if not e.name or e.score is None:
                continue
            if e.name.endswith("_before"):
                firsts[e.name.removesuffix("_before")] = e
                continue
            key = e.name.removesuffix("_after")
            first = firsts.get(key) if e.name.endswith("_after") else firsts.get(e.name)
            if first is not None and first.score is not None:
                pairs.append(
                    BeforeAfter(e.practice_id or "", key, first.score, e.score, e.created_at)
                )
                firsts.pop(key, None)
            elif not e.name.endswith("_after"):
                firsts[e.name] = e
    return pairs


def who5_series(
    store: JournalStore, date_from: date | None = None, date_to: date | None = None
) -> list[Who5Point]:
    """Completed WHO-5 check-ins as 0–100 scores, oldest first, with the change each time."""
    entries = store.entries(
        date_from=date_from, date_to=date_to, kinds=("check_in",), newest_first=False
    )
    return who5_from(entries)


def who5_from(entries: Iterable[Entry]) -> list[Who5Point]:
    """Completed WHO-5 check-ins from a list of entries (see :func:`who5_series`)."""
    items = [
        e for e in entries if e.kind == "check_in" and e.name in WHO5_NAMES and e.score is not None
    ]
    out: list[Who5Point] = []
    for run in runs(items):
        by_name = {e.name: e.score for e in run if e.score is not None}
        if not all(n in by_name for n in WHO5_NAMES):
            continue
        answers = tuple(float(by_name[n]) for n in WHO5_NAMES)
        score = who5_score(answers)
        change = score - out[-1].score if out else None
        out.append(Who5Point(run[-1].created_at, answers, score, change))
    return out


def days_in_a_row(store: JournalStore, today: date) -> int:
    """Days in a row with some practice, ending today or yesterday (0 when none).

    Shown only when the person turns it on; the app never words a gap as a loss.
    """
    days = {r.day for r in store.practice_runs(today - timedelta(days=366), today)}
    start = today if today in days else today - timedelta(days=1)
    n = 0
    while start - timedelta(days=n) in days:
        n += 1
    return n
