"""The Today view's data in one call, with the real built-in programs."""

from __future__ import annotations

from datetime import datetime, timedelta

from kapcompanion.core.library import Library
from kapcompanion.journal.today import today_for


def test_today_before_a_session_then_after_it(store):
    lib = Library.load(None)
    day = datetime.now().date()
    sid = store.add_session(day + timedelta(days=3))
    store.record_answer("intention-setting", 12, "intention", "reflect", "Let it be gentle")
    store.log_practice("calm-place", datetime.now().astimezone(), 360, True)

    t = today_for(store, lib.programs, day, lib.practices)
    assert t.position.label == "3 days before your session"
    assert [(p.practice_id, p.done) for p in t.plan] == [
        ("calm-place", True),
        ("exhale-4-6", False),
    ]
    assert t.intention == "Let it be gentle"
    assert t.run_days == 0 and not t.all_done

    store.update_session(sid, on_date=day)
    store.mark_session_done(sid)
    t = today_for(store, lib.programs, day, lib.practices, show_days_in_a_row=True)
    assert t.position.label == "Session day — after"
    assert [p.practice_id for p in t.plan] == ["landing", "grounding-54321", "orienting"]
    assert t.intention == "Let it be gentle"  # shown back after the session
    assert t.run_days == 1


def test_today_with_no_session(store):
    t = today_for(store, {}, datetime.now().date())
    assert t.position.label == "No session planned"
    assert t.plan == [] and t.intention is None and not t.all_done
