"""The store: sessions, answers, notes, search, practice log — on a real SQLite file."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta

import pytest

from kapcompanion.journal.errors import JournalError
from kapcompanion.journal.store import JournalStore, default_path


def test_open_creates_the_file_in_the_data_dir_with_wal_and_foreign_keys(store, data):
    assert store.path == data / "journal.sqlite3" == default_path()
    assert store.path.exists()
    conn = store.connection
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_sessions_are_numbered_by_date_and_can_change(store):
    late = store.add_session(date(2026, 12, 10), "second")
    early = store.add_session(date(2026, 11, 20), program_after="my-after")
    numbered = store.sessions()
    assert [(s.id, s.number) for s in numbered] == [(early, 1), (late, 2)]
    assert numbered[0].after_program == "my-after"
    assert numbered[0].before_program == "week-before"
    assert numbered[1].title == "Session 2 — 10 December 2026 (second)"
    store.update_session(late, on_date=date(2026, 11, 1), program_before="mine")
    s = store.session(late)
    assert (s.on_date, s.number, s.before_program) == (date(2026, 11, 1), 1, "mine")
    store.mark_session_done(late)
    assert store.session(late).done_at is not None
    store.mark_session_done(late, done=False)
    assert store.session(late).done_at is None
    with pytest.raises(TypeError):
        store.update_session(late, colour="red")


def test_deleting_a_session_keeps_its_entries(store):
    sid = store.add_session(date.today())
    eid = store.record_answer("landing", 4, "first_notes", "reflect", "soft", sid)
    store.delete_session(sid)
    assert store.entry(eid).session_id is None
    with pytest.raises(JournalError, match="not in your journal"):
        store.session(sid)


def test_answers_of_every_kind_keep_their_value_and_practice(store):
    a = store.record_answer(
        "intention-setting",
        12,
        "intention",
        "reflect",
        " be curious ",
        prompt="My intention for this session is...",
    )
    b = store.record_answer("landing", 3, "grounded_after", "check_in", 7)
    c = store.record_answer(
        "set-and-setting", 2, None, "checklist", {"Ride home": True, "Meal": False}
    )
    ea, eb, ec = store.entry(a), store.entry(b), store.entry(c)
    assert (ea.value, ea.practice_id, ea.step_index, ea.name, ea.prompt) == (
        "be curious",
        "intention-setting",
        12,
        "intention",
        "My intention for this session is...",
    )
    assert eb.value == 7 and eb.display == "7 / 10"
    assert ec.value == {"Ride home": True, "Meal": False}
    assert ec.display == "☑ Ride home, ☐ Meal"
    assert ea.created_at.tzinfo is not None


def test_blank_answers_are_not_saved_and_bad_scores_refused(store):
    assert store.record_answer("x", 0, "n", "reflect", "   ") is None
    assert store.record_answer("x", 0, "n", "reflect", None) is None
    assert store.count_entries() == 0
    with pytest.raises(ValueError):
        store.record_answer("x", 0, "n", "check_in", 11)
    with pytest.raises(ValueError):
        store.record_answer("x", 0, "n", "dream", "?")


def test_times_are_stored_as_utc_iso(store):
    eid = store.add_note("hello", at=datetime(2026, 3, 1, 9, 30, tzinfo=UTC))
    raw = store.connection.execute("SELECT created_at FROM entries WHERE id = ?", (eid,)).fetchone()
    assert raw[0] == "2026-03-01T09:30:00.000000+00:00"


def test_latest_value_is_the_newest_saved_value(store):
    assert store.latest_value("intention") is None
    t = datetime(2026, 5, 1, tzinfo=UTC)
    store.record_answer("intention-setting", 12, "intention", "reflect", "first", at=t)
    store.record_answer(
        "intention-setting", 12, "intention", "reflect", "second", at=t + timedelta(days=1)
    )
    store.record_answer("who5-weekly", 3, "who5_1", "check_in", 6)
    assert store.latest_value("intention") == "second"
    assert store.latest_value("who5_1") == "6"


def test_an_intention_joins_the_next_session_and_other_answers_the_nearest(store):
    today = date.today()
    past = store.add_session(today - timedelta(days=2))
    upcoming = store.add_session(today + timedelta(days=5))
    i = store.record_answer("intention-setting", 12, "intention", "reflect", "open heart")
    r = store.record_answer("guided-journaling", 1, "stood_out", "reflect", "the music")
    assert store.entry(i).session_id == upcoming
    assert store.entry(r).session_id == past
    assert store.intention_for(upcoming) == "open heart"
    assert store.intention_for(past) is None


def test_notes_can_be_read_edited_and_deleted(store):
    eid = store.add_note("a walk by the river", "Sunday")
    store.update_entry(eid, text="a long walk by the river")
    e = store.entry(eid)
    assert (e.kind, e.title, e.text) == ("note", "Sunday", "a long walk by the river")
    assert e.updated_at >= e.created_at
    store.update_entry(eid, title="Sunday morning")
    assert store.entry(eid).text == "a long walk by the river"
    store.delete_entry(eid)
    with pytest.raises(JournalError, match="not in your journal"):
        store.entry(eid)
    with pytest.raises(JournalError):
        store.update_entry(eid, text="gone")


def test_entries_filter_by_local_dates_session_kind_and_page(store):
    for day in range(1, 6):  # before any session exists: tied to none
        store.add_note(f"day {day}", at=datetime(2026, 4, day, 12, 0).astimezone())
    sid = store.add_session(date(2026, 4, 10))
    for day in range(6, 11):
        store.add_note(f"day {day}", session_id=sid, at=datetime(2026, 4, day, 12, 0).astimezone())
    got = store.entries(date_from=date(2026, 4, 3), date_to=date(2026, 4, 5), newest_first=False)
    assert [e.text for e in got] == ["day 3", "day 4", "day 5"]
    assert len(store.entries(session_id=sid)) == 5
    page = store.entries(limit=3, offset=3)
    assert [e.text for e in page] == ["day 7", "day 6", "day 5"]
    assert store.entries(kinds=("check_in",)) == []


def test_search_finds_word_starts_ignoring_case_and_accents(store):
    a = store.add_note("Felt SETTLED after the café", "Morning")
    store.add_note("a restless night")
    b = store.record_answer(
        "guided-journaling", 1, "stood_out", "reflect", "the ocean", prompt="What stood out most?"
    )
    assert [e.id for e in store.search("settl")] == [a]
    assert [e.id for e in store.search("cafe")] == [a]
    assert [e.id for e in store.search("morning settled")] == [a]
    assert [e.id for e in store.search("stood out")] == [b]
    assert store.search("settled ocean") == []
    assert store.search("   ") == []


@pytest.mark.parametrize("text", ['"', "AND", "NEAR(", "*", "a OR", "col:x", "-x", "'); DROP"])
def test_search_never_breaks_on_query_syntax(store, text):
    store.add_note("plain words")
    assert isinstance(store.search(text), list)


def test_search_follows_edits_and_deletes(store):
    eid = store.add_note("blue sky")
    store.update_entry(eid, text="grey cloud")
    assert store.search("blue") == []
    assert [e.id for e in store.search("grey")] == [eid]
    store.delete_entry(eid)
    assert store.search("grey") == []


def test_practice_log_and_done_today(store):
    now = datetime.now(UTC)
    store.log_practice("cyclic-sigh", now, 300, True)
    store.log_practice("orienting", now, 40.5, False)
    store.log_practice("box-breathing", now - timedelta(days=2), 300, True)
    runs = store.practice_runs(date.today(), date.today())
    assert [(r.practice_id, r.seconds, r.finished) for r in runs] == [
        ("cyclic-sigh", 300, True),
        ("orienting", 40.5, False),
    ]
    # Done means played to its end; one stopped early was started, for its longest try.
    assert store.done_on(date.today()) == {"cyclic-sigh"}
    assert store.started_on(date.today()) == {"orienting": 40.5}


def test_every_write_is_committed_before_it_returns(store):
    eid = store.add_note("saved means saved")
    other = sqlite3.connect(store.path)  # a second reader sees it at once
    try:
        row = other.execute("SELECT body FROM entries WHERE id = ?", (eid,)).fetchone()
    finally:
        other.close()
    assert row == ("saved means saved",)
    assert not store.connection.in_transaction


def test_a_failed_write_leaves_nothing_half_done(store):
    with pytest.raises(RuntimeError), store.transaction():
        store.add_note("one")
        raise RuntimeError("boom")
    assert store.count_entries() == 0


def test_reopen_keeps_everything(data):
    s = JournalStore.open()
    sid = s.add_session(date(2026, 1, 5))
    s.add_note("kept")
    s.close()
    s2 = JournalStore.open()
    try:
        assert [e.text for e in s2.entries()] == ["kept"]
        assert s2.sessions()[0].id == sid
    finally:
        s2.close()


def test_placeholder_values_show_the_intention_of_todays_session(store):
    today = date.today()
    first = store.add_session(today - timedelta(days=20))
    second = store.add_session(today - timedelta(days=1))
    third = store.add_session(today + timedelta(days=30))
    t0 = datetime.now(UTC) - timedelta(days=25)
    store.record_answer("intention-setting", 12, "intention", "reflect", "one", first, at=t0)
    store.record_answer(
        "intention-setting", 12, "intention", "reflect", "two", second, at=t0 + timedelta(days=20)
    )
    store.record_answer(
        "intention-setting", 12, "intention", "reflect", "three", third, at=t0 + timedelta(days=25)
    )
    store.record_answer("landing", 3, "grounded_after", "check_in", 4)
    # the day after session 2, integration practices show session 2's intention
    got = store.placeholder_values(["intention", "grounded_after", "never_saved"], today)
    assert got == {"intention": "two", "grounded_after": "4"}
    assert store.latest_value("intention") == "three"
    # without session 2, today belongs to session 1 again
    store.delete_session(second)
    assert store.placeholder_values(["intention"], today) == {"intention": "one"}
    # a session with no intention yet: the newest saved one stands in
    store.add_session(today + timedelta(days=60))
    assert store.placeholder_values(["intention"], today + timedelta(days=58)) == {
        "intention": "three"
    }
