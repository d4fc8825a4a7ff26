"""Reminder timing: weekdays, quiet hours, the program reminder, and no pile of missed ones."""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from kapcompanion.core.reminders import (
    DailyReminder,
    ReminderPlan,
    due,
    in_quiet_hours,
    next_after,
    occurrences,
    parse_hhmm,
    program_text,
)

TZ = timezone(timedelta(hours=-5))
MONDAY = datetime(2026, 11, 30, 0, 0, tzinfo=TZ)  # 30 November 2026 is a Monday


def plan(**kw) -> ReminderPlan:
    base = {"enabled": True, "program": False, "daily": (DailyReminder("07:30"),)}
    return ReminderPlan(**{**base, **kw})


def test_off_until_turned_on() -> None:
    assert ReminderPlan().enabled is False
    assert occurrences(ReminderPlan(), MONDAY, MONDAY + timedelta(days=7)) == []
    assert next_after(ReminderPlan(), MONDAY) is None


def test_times_and_weekdays() -> None:
    p = plan(daily=(DailyReminder("07:30", (0, 2, 4)), DailyReminder("18:00", (5, 6))))
    week = occurrences(p, MONDAY, MONDAY + timedelta(days=7))
    assert [(o.at.strftime("%a %H:%M")) for o in week] == [
        "Mon 07:30", "Wed 07:30", "Fri 07:30", "Sat 18:00", "Sun 18:00",
    ]  # fmt: skip
    assert next_after(p, MONDAY + timedelta(hours=8)) == datetime(2026, 12, 2, 7, 30, tzinfo=TZ)


def test_quiet_hours_wrap_past_midnight_and_silence_reminders() -> None:
    p = plan(daily=(DailyReminder("22:00"), DailyReminder("06:30"), DailyReminder("12:00")))
    assert p.quiet_from == "22:00" and p.quiet_until == "07:00"  # the defaults
    assert in_quiet_hours(time(23, 0), p) and in_quiet_hours(time(6, 30), p)
    assert not in_quiet_hours(time(7, 0), p) and not in_quiet_hours(time(21, 59), p)
    day = occurrences(p, MONDAY, MONDAY + timedelta(days=1))
    assert [o.at.strftime("%H:%M") for o in day] == ["12:00"]
    same = plan(quiet_from="09:00", quiet_until="09:00")  # equal ends: no quiet hours
    assert not in_quiet_hours(time(9, 0), same)


def test_program_reminder_once_a_day() -> None:
    p = plan(daily=(), program=True, program_at="10:15")
    found = occurrences(p, MONDAY, MONDAY + timedelta(days=3))
    assert [(o.kind, o.at.strftime("%d %H:%M")) for o in found] == [
        ("program", "30 10:15"), ("program", "01 10:15"), ("program", "02 10:15"),
    ]  # fmt: skip


def test_a_missed_reminder_is_shown_once_and_never_as_a_pile() -> None:
    p = plan(daily=(DailyReminder("09:00"), DailyReminder("09:10"), DailyReminder("11:00")))
    # the computer slept from 08:00 to 09:20: only the newest, still fresh, is shown
    got = due(p, MONDAY + timedelta(hours=8), MONDAY + timedelta(hours=9, minutes=20))
    assert got is not None and got.at.strftime("%H:%M") == "09:10"
    # asleep until 10:30: both are too old, nothing is shown
    assert due(p, MONDAY + timedelta(hours=8), MONDAY + timedelta(hours=10, minutes=30)) is None
    # closed for three days: nothing from those days comes back
    assert due(p, MONDAY, MONDAY + timedelta(days=3, hours=8)) is None


@settings(max_examples=200)
@given(
    st.lists(st.integers(0, 24 * 60 - 1), min_size=1, max_size=6),
    st.integers(0, 7 * 24 * 60),
    st.lists(st.integers(1, 24 * 60), min_size=1, max_size=40),
)
def test_waking_at_any_moments_shows_each_reminder_at_most_once(
    minutes: list[int], start: int, gaps: list[int]
) -> None:
    p = plan(daily=tuple(DailyReminder(f"{m // 60:02d}:{m % 60:02d}") for m in minutes))
    last = MONDAY + timedelta(minutes=start)
    shown = []
    for gap in gaps:
        now = last + timedelta(minutes=gap)
        got = due(p, last, now)
        if got is not None:
            assert last < got.at <= now and now - got.at <= timedelta(minutes=30)
            shown.append(got.at)
        last = now
    assert len(shown) == len(set(shown))


def test_damaged_stored_plans_fall_back_to_defaults() -> None:
    assert ReminderPlan.from_dict("nonsense") == ReminderPlan()
    p = ReminderPlan.from_dict(
        {
            "enabled": "yes",
            "daily": [{"at": "25:00"}, {"at": "07:05", "weekdays": [0, 9, "x", 6]}, "bad"],
            "quiet_from": "soon",
            "snooze_minutes": 100000,
        }
    )
    assert p.enabled is False
    assert p.daily == (DailyReminder("07:05", (0, 6)),)
    assert p.quiet_from == "22:00" and p.snooze_minutes == 120
    assert ReminderPlan.from_dict(p.to_dict()) == p
    assert parse_hhmm("7:5") == time(7, 5) and parse_hhmm("7") is None


def test_program_words_are_gentle() -> None:
    text = program_text("2 days before your session", ["Setting your intention"])
    assert (
        text
        == "2 days before your session — a good day for Setting your intention, if it feels right."
    )
    for bad in ("should", "must", "missed", "streak", "don't forget"):
        assert bad not in text.lower()
