"""Gentle reminders: when they are due, with quiet hours and no pile of missed ones.

Pure and Qt-free: the app asks :func:`due` whenever it wakes and :func:`next_after` to know
when to wake next. Reminders are off until the person turns them on.

Rules:
- each daily reminder has a time and the weekdays it applies to (Monday = 0);
- the program reminder (on by default once reminders are on) comes once a day at its time,
  with words taken from the active program's plan for the day;
- nothing is shown during quiet hours (which may wrap past midnight);
- a reminder missed while the computer slept or the app was closed is shown only if it is
  at most :data:`GRACE` old, and only the newest one: missed reminders never pile up.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

log = logging.getLogger(__name__)

#: How late a reminder may still be shown (after sleep, or a busy moment).
GRACE = timedelta(minutes=30)
ALL_WEEK = (0, 1, 2, 3, 4, 5, 6)
MAX_REMINDERS = 12
MAX_SNOOZE = 120


def parse_hhmm(text: object) -> time | None:
    """``"07:30"`` to a time; None for anything else."""
    if not isinstance(text, str):
        return None
    parts = text.strip().split(":")
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        return None
    h, m = int(parts[0]), int(parts[1])
    return time(h, m) if 0 <= h < 24 and 0 <= m < 60 else None


def hhmm(t: time) -> str:
    """A time as ``"HH:MM"``."""
    return f"{t.hour:02d}:{t.minute:02d}"


@dataclass(frozen=True, slots=True)
class DailyReminder:
    """One reminder time on chosen weekdays."""

    at: str = "09:00"
    weekdays: tuple[int, ...] = ALL_WEEK

    @property
    def time(self) -> time:
        """The time of day (09:00 when the stored text is damaged)."""
        return parse_hhmm(self.at) or time(9, 0)


@dataclass(frozen=True, slots=True)
class ReminderPlan:
    """Everything about reminders the person chooses (stored in the settings)."""

    enabled: bool = False
    daily: tuple[DailyReminder, ...] = (DailyReminder(),)
    program: bool = True
    program_at: str = "10:00"
    quiet_from: str = "22:00"
    quiet_until: str = "07:00"
    snooze_minutes: int = 10
    #: Closing the window keeps the app running (in the tray) so reminders can arrive.
    keep_running: bool = True
    start_at_login: bool = False
    #: Whether the person has been told once that closing keeps the app in the tray.
    told_about_tray: bool = False

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "enabled": self.enabled,
            "daily": [{"at": d.at, "weekdays": list(d.weekdays)} for d in self.daily],
            "program": self.program,
            "program_at": self.program_at,
            "quiet_from": self.quiet_from,
            "quiet_until": self.quiet_until,
            "snooze_minutes": self.snooze_minutes,
            "keep_running": self.keep_running,
            "start_at_login": self.start_at_login,
            "told_about_tray": self.told_about_tray,
        }

    @classmethod
    def from_dict(cls, data: object) -> ReminderPlan:
        """Read stored values leniently: anything damaged falls back to its default."""
        if not isinstance(data, dict):
            return cls()
        d = cls()
        daily: list[DailyReminder] = []
        raw = data.get("daily")
        for item in raw if isinstance(raw, list) else []:
            if not isinstance(item, dict) or parse_hhmm(item.get("at")) is None:
                continue
            days = item.get("weekdays", ALL_WEEK)
            days = tuple(sorted({x for x in days if isinstance(x, int) and 0 <= x <= 6}))
            daily.append(DailyReminder(str(item["at"]), days))
        flags = {
            k: data[k] if isinstance(data.get(k), bool) else getattr(d, k)
            for k in ("enabled", "program", "keep_running", "start_at_login", "told_about_tray")
        }
        times = {
            k: data[k] if parse_hhmm(data.get(k)) is not None else getattr(d, k)
            for k in ("program_at", "quiet_from", "quiet_until")
        }
        snooze = data.get("snooze_minutes")
        if isinstance(snooze, bool) or not isinstance(snooze, int):
            snooze = d.snooze_minutes
        return cls(
            daily=tuple(daily[:MAX_REMINDERS]) if isinstance(raw, list) else d.daily,
            snooze_minutes=min(MAX_SNOOZE, max(1, snooze)),
            **flags,
            **times,
        )


def in_quiet_hours(t: time, plan: ReminderPlan) -> bool:
    """Whether ``t`` falls in the quiet hours (``from`` inclusive, ``until`` exclusive)."""
    start, end = parse_hhmm(plan.quiet_from), parse_hhmm(plan.quiet_until)
    if start is None or end is None or start == end:
        return False
    if start < end:
        return start <= t < end
    return t >= start or t < end  # wraps past midnight


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One reminder at one moment."""

    at: datetime
    kind: str  # "daily" | "program"


def _on_day(plan: ReminderPlan, day: date, tz: Any) -> list[Occurrence]:
    found = [
        Occurrence(datetime.combine(day, r.time, tz), "daily")
        for r in plan.daily
        if day.weekday() in r.weekdays
    ]
    program_time = parse_hhmm(plan.program_at)
    if plan.program and program_time is not None:
        found.append(Occurrence(datetime.combine(day, program_time, tz), "program"))
    return [o for o in found if not in_quiet_hours(o.at.time(), plan)]


def occurrences(plan: ReminderPlan, start: datetime, end: datetime) -> list[Occurrence]:
    """Every reminder in ``(start, end]``, in time order (empty when reminders are off).

    Both ends must carry the same time zone (the app uses local aware datetimes).
    """
    if not plan.enabled or end <= start:
        return []
    out: list[Occurrence] = []
    day = start.date()
    while day <= end.date():
        out += [o for o in _on_day(plan, day, start.tzinfo) if start < o.at <= end]
        day += timedelta(days=1)
    return sorted(out, key=lambda o: (o.at, o.kind))


def due(
    plan: ReminderPlan, last: datetime, now: datetime, grace: timedelta = GRACE
) -> Occurrence | None:
    """The one reminder to show now: the newest since ``last`` that is at most ``grace`` old.

    Older ones (the app was closed, the computer slept) are dropped, never shown as a pile.
    """
    window_start = max(last, now - grace)
    found = occurrences(plan, window_start, now)
    if not found:
        return None
    skipped = len(occurrences(plan, last, now)) - 1
    if skipped > 0:
        log.info("%d earlier reminder(s) passed unseen; showing only the newest", skipped)
    return found[-1]


def next_after(plan: ReminderPlan, now: datetime) -> datetime | None:
    """When the next reminder falls (within eight days), or None."""
    found = occurrences(plan, now, now + timedelta(days=8))
    return found[0].at if found else None


DAILY_TEXT = "A moment for yourself? A short practice is here whenever you would like it."


def program_text(label: str, practice_titles: list[str], note: str = "") -> str:
    """Words for the program reminder, from where the person is and today's suggestions."""
    label = label.strip().rstrip(".")
    if note:
        return f"{label} — {note.strip()}"
    if practice_titles:
        return f"{label} — a good day for {practice_titles[0]}, if it feels right."
    return f"{label}. A short practice is here whenever you would like it."
