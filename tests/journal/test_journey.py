"""The session arc and today's plan, with the real built-in programs."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kapcompanion.core.library import Library
from kapcompanion.core.model import Program, ProgramDay
from kapcompanion.journal.journey import arc_position, session_for, todays_plan
from kapcompanion.journal.records import KapSession

D = date(2026, 6, 15)


def _s(sid: int, day: date, done: bool = False, **kw: str) -> KapSession:
    return KapSession(sid, day, done_at=datetime(2026, 6, 15, tzinfo=UTC) if done else None, **kw)


@pytest.fixture(scope="module")
def programs() -> dict[str, Program]:
    lib = Library.load(None)
    assert {"week-before", "week-after"} <= set(lib.programs)
    return lib.programs


@pytest.mark.parametrize(
    ("today", "label", "day", "when"),
    [
        (D - timedelta(days=3), "3 days before your session", -3, "before"),
        (D - timedelta(days=1), "1 day before your session", -1, "before"),
        (D + timedelta(days=2), "2 days after your session", 2, "after"),
        (D + timedelta(days=1), "1 day after your session", 1, "after"),
    ],
)
def test_labels_around_one_session(today, label, day, when):
    pos = arc_position(today, [_s(1, D)])
    assert (pos.label, pos.day, pos.when, pos.session.id) == (label, day, when, 1)


def test_session_day_is_before_until_marked_done():
    assert arc_position(D, [_s(1, D)]).label == "Session day — before"
    pos = arc_position(D, [_s(1, D, done=True)])
    assert (pos.label, pos.day, pos.when) == ("Session day — after", 0, "after")


def test_no_session_planned():
    pos = arc_position(D, [])
    assert pos.label == "No session planned" and not pos.planned


def test_between_sessions_the_nearer_wins_and_a_tie_looks_ahead():
    a, b = _s(1, D), _s(2, D + timedelta(days=10))
    assert arc_position(D + timedelta(days=4), [a, b]).session.id == 1
    assert arc_position(D + timedelta(days=6), [a, b]).session.id == 2
    assert arc_position(D + timedelta(days=5), [b, a]).session.id == 2


def test_an_intention_belongs_to_the_next_session_not_yet_done():
    a, b = _s(1, D, done=True), _s(2, D + timedelta(days=20))
    assert session_for(D + timedelta(days=1), [a, b], "intention").id == 2
    assert session_for(D + timedelta(days=1), [a, b], "stood_out").id == 1
    assert session_for(D, [_s(1, D)], "intention").id == 1
    assert session_for(D + timedelta(days=30), [a, b], "intention").id == 2  # none ahead
    assert session_for(D, [], "intention") is None


def test_the_plan_follows_the_built_in_programs_and_ticks_what_was_done(programs):
    s = [_s(1, D)]
    plan = todays_plan(D - timedelta(days=3), s, programs, done={"exhale-4-6"})
    assert [(p.practice_id, p.done) for p in plan] == [("calm-place", False), ("exhale-4-6", True)]
    assert all(p.program_id == "week-before" for p in plan)
    assert plan[0].note.startswith("Build a calm place")
    before = todays_plan(D, s, programs, set())
    assert [p.practice_id for p in before] == ["exhale-4-6", "feet-and-hands", "breath-awareness"]
    after = todays_plan(D, [_s(1, D, done=True)], programs, set())
    assert [p.practice_id for p in after] == ["landing", "grounding-54321", "orienting"]
    assert {p.program_id for p in after} == {"week-after"}
    week = todays_plan(D + timedelta(days=7), s, programs, set())
    assert [p.practice_id for p in week] == ["one-week-on", "who5-weekly"]


def test_every_practice_the_built_in_programs_suggest_is_in_the_library(programs):
    lib = Library.load(None)
    s = [_s(1, D)]
    for offset in range(-8, 9):
        for item in todays_plan(D + timedelta(days=offset), s, programs, set(), lib.practices):
            assert item.available, item


def test_a_chosen_program_replaces_the_default_and_a_missing_one_suggests_nothing():
    mine = Program("gentle", "Gentle", (ProgramDay(-2, ("box-breathing", "orienting")),))
    s = [_s(1, D, program_before="gentle")]
    plan = todays_plan(D - timedelta(days=2), s, {"gentle": mine}, set(), ["orienting"])
    assert [(p.practice_id, p.available) for p in plan] == [
        ("box-breathing", False),
        ("orienting", True),
    ]
    assert todays_plan(D - timedelta(days=2), [_s(1, D, program_before="gone")], {}, set()) == []
    assert todays_plan(D, [], {"gentle": mine}, set()) == []
    assert todays_plan(D + timedelta(days=40), [_s(1, D)], {"gentle": mine}, set()) == []


@given(
    offsets=st.lists(st.integers(-60, 60), max_size=6),
    done=st.lists(st.booleans(), min_size=6, max_size=6),
)
def test_arc_position_picks_a_nearest_session_and_words_it_right(offsets, done):
    sessions = [_s(i + 1, D + timedelta(days=o), done[i]) for i, o in enumerate(offsets)]
    pos = arc_position(D, sessions)
    if not sessions:
        assert pos.session is None and pos.label == "No session planned"
        return
    nearest = min(abs(o) for o in offsets)
    assert abs((pos.session.on_date - D).days) == nearest
    assert pos.day == (D - pos.session.on_date).days
    if pos.day == 0:
        assert pos.label == (
            "Session day — after" if pos.session.done_at else "Session day — before"
        )
    else:
        n = abs(pos.day)
        side = "before" if pos.day < 0 else "after"
        assert pos.label == f"{n} day{'s' if n != 1 else ''} {side} your session"
        assert pos.when == side
