"""History data: heat map, check-in series, before/after pairs, WHO-5 0–100, days in a row."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from kapcompanion.journal import history
from kapcompanion.journal.history import who5_score


def _local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute).astimezone()


def test_month_heatmap_counts_and_shades_each_day(store):
    d = date(2026, 2, 1)
    store.log_practice("cyclic-sigh", _local(d, 8), 300, True)
    store.log_practice("orienting", _local(d, 20), 300, False)
    store.log_practice("box-breathing", _local(date(2026, 2, 10), 8), 150, True)
    store.log_practice("box-breathing", _local(date(2026, 3, 1), 8), 150, True)
    days = history.month_heatmap(store, 2026, 2)
    assert len(days) == 28 and days[0].day == d and days[-1].day == date(2026, 2, 28)
    by_day = {h.day: h for h in days}
    assert (by_day[d].practices, by_day[d].minutes, by_day[d].level) == (2, 10.0, 4)
    assert (by_day[date(2026, 2, 10)].practices, by_day[date(2026, 2, 10)].level) == (1, 1)
    assert sum(h.practices for h in days) == 3
    assert by_day[date(2026, 2, 2)].level == 0


def test_checkin_series_by_name_oldest_first_without_who5(store):
    d = date(2026, 3, 1)
    store.record_answer("landing", 3, "grounded_after", "check_in", 4, at=_local(d, 9))
    store.record_answer("landing", 3, "grounded_after", "check_in", 8, at=_local(d, 7))
    store.record_answer("who5-weekly", 3, "who5_1", "check_in", 5, at=_local(d, 9))
    store.record_answer("x", 1, "words", "reflect", "not a score", at=_local(d, 9))
    series = history.checkin_series(store)
    assert list(series) == ["grounded_after"]
    assert [p.score for p in series["grounded_after"]] == [8, 4]
    assert "who5_1" in history.checkin_series(store, include_who5=True)
    assert history.checkin_series(store, date_from=d + timedelta(days=1)) == {}


def test_session_dates_for_chart_marks(store):
    store.add_session(date(2026, 3, 9))
    store.add_session(date(2026, 3, 2))
    assert history.session_dates(store) == [
        (date(2026, 3, 2), "Session 1"),
        (date(2026, 3, 9), "Session 2"),
    ]


def test_before_after_pairs_within_one_playing(store):
    d = date(2026, 4, 1)
    store.record_answer("cyclic-sigh", 0, "settled_before", "check_in", 3, at=_local(d, 8))
    store.record_answer("cyclic-sigh", 5, "settled_after", "check_in", 6, at=_local(d, 8, 6))
    # the same name asked twice in one playing is a pair too
    store.record_answer("calm-place", 1, "calm", "check_in", 5, at=_local(d, 12))
    store.record_answer("calm-place", 8, "calm", "check_in", 7, at=_local(d, 12, 7))
    # a "before" with no "after" (stopped early), then a new playing: no pair across them
    store.record_answer("cyclic-sigh", 0, "settled_before", "check_in", 2, at=_local(d, 18))
    store.record_answer("cyclic-sigh", 0, "settled_before", "check_in", 4, at=_local(d, 19))
    store.record_answer("cyclic-sigh", 5, "settled_after", "check_in", 4, at=_local(d, 19, 5))
    pairs = history.before_after_pairs(store)
    got = [(p.practice_id, p.name, p.before, p.after, p.change) for p in pairs]
    assert got == [
        ("cyclic-sigh", "settled", 3, 6, 3),
        ("calm-place", "calm", 5, 7, 2),
        ("cyclic-sigh", "settled", 4, 4, 0),
    ]


def test_who5_score_matches_the_scoring_the_practice_describes():
    assert who5_score([10, 10, 10, 10, 10]) == 100
    assert who5_score([0, 0, 0, 0, 0]) == 0
    assert who5_score([5, 6, 7, 3, 4]) == 2 * (5 + 6 + 7 + 3 + 4)
    with pytest.raises(ValueError):
        who5_score([1, 2])


def _who5(store, day: date, answers: list[int]) -> None:
    for i, a in enumerate(answers, start=1):
        store.record_answer("who5-weekly", 2 + i, f"who5_{i}", "check_in", a, at=_local(day, 20, i))


def test_who5_series_is_0_to_100_with_meaningful_change(store):
    d = date(2026, 5, 3)
    _who5(store, d, [5, 5, 5, 5, 5])  # 50
    _who5(store, d + timedelta(days=7), [6, 5, 5, 5, 5])  # 52: not a real change
    _who5(store, d + timedelta(days=14), [8, 7, 6, 6, 5])  # 64: +12
    for i in (1, 2, 3):  # stopped after three: left out
        store.record_answer(
            "who5-weekly",
            2 + i,
            f"who5_{i}",
            "check_in",
            9,
            at=_local(d + timedelta(days=21), 20, i),
        )
    series = history.who5_series(store)
    assert [(w.score, w.change, w.meaningful_change) for w in series] == [
        (50, None, False),
        (52, 2, False),
        (64, 12, True),
    ]
    assert history.WHO5_MEANINGFUL_CHANGE == 10 and history.WHO5_LOW == 50


def test_days_in_a_row_and_its_gentle_words(store):
    today = date(2026, 7, 10)
    assert history.days_in_a_row(store, today) == 0
    for back in (1, 2, 3, 5):
        store.log_practice("orienting", _local(today - timedelta(days=back), 9), 60, False)
    assert history.days_in_a_row(store, today) == 3  # yesterday back to three days ago
    store.log_practice("orienting", _local(today, 9), 60, True)
    assert history.days_in_a_row(store, today) == 4
