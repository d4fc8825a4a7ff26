"""Migrations: a journal written at every earlier version opens, keeps its data, and ends
with exactly the schema a new journal has.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kapcompanion.journal.errors import JournalTooNew
from kapcompanion.journal.migrations import LATEST, MIGRATIONS, migrate, schema_version
from kapcompanion.journal.store import JournalStore

T = "2026-02-01T10:00:00.000000+00:00"


def _schema(path: Path) -> list[tuple[str, str, str]]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
            " ORDER BY type, name"
        ).fetchall()
        cols = {
            r[1]: conn.execute(f"PRAGMA table_info({r[1]})").fetchall()
            for r in rows
            if r[0] == "table"
        }
    finally:
        conn.close()
    return [(t, n, str(cols.get(n, ""))) for t, n, _ in rows]


def _old_journal(path: Path, version: int) -> None:
    """A file at ``version`` with one of everything that version could hold."""
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, version)
    assert schema_version(conn) == version
    conn.execute(
        "INSERT INTO sessions (id, on_date, label, created_at)"
        " VALUES (1, '2026-02-03', 'first', ?)",
        (T,),
    )
    conn.execute(
        "INSERT INTO entries (kind, practice_id, step_index, name, prompt, body, session_id,"
        " created_at, updated_at) VALUES ('reflect', 'intention-setting', 12, 'intention',"
        " 'My intention...', 'to listen to my body', 1, ?, ?)",
        (T, T),
    )
    conn.execute(
        "INSERT INTO entries (kind, practice_id, step_index, name, score, created_at, updated_at)"
        " VALUES ('check_in', 'landing', 3, 'grounded_after', 6, ?, ?)",
        (T, T),
    )
    conn.execute(
        "INSERT INTO practice_log (practice_id, started_at, seconds, finished)"
        " VALUES ('cyclic-sigh', ?, 300, 1)",
        (T,),
    )
    conn.close()


@pytest.mark.parametrize("version", range(1, LATEST))
def test_every_earlier_version_opens_with_its_data_and_the_current_schema(tmp_path, version):
    fresh = tmp_path / "fresh" / "journal.sqlite3"
    JournalStore.open(fresh, daily_backup=False).close()
    old = tmp_path / "journal.sqlite3"
    _old_journal(old, version)

    s = JournalStore.open(old, daily_backup=False)
    try:
        assert schema_version(s.connection) == LATEST
        assert s.intention_for(1) == "to listen to my body"
        assert s.latest_value("grounded_after") == "6"
        assert [r.practice_id for r in s.practice_runs()] == ["cyclic-sigh"]
        assert s.sessions()[0].label == "first"
        assert [e.name for e in s.search("listen body")] == ["intention"]  # index rebuilt
        s.add_note("written after the upgrade", "New")
        assert [e.title for e in s.search("upgrade")] == ["New"]
    finally:
        s.close()
    assert _schema(old) == _schema(fresh)
    copies = list((tmp_path / "backups").glob(f"before-v{version + 1}-*.sqlite3"))
    assert len(copies) == 1, "a copy is kept before upgrading"
    conn = sqlite3.connect(copies[0])
    assert schema_version(conn) == version
    conn.close()


def test_a_new_file_starts_at_the_latest_version(tmp_path):
    s = JournalStore.open(tmp_path / "j.sqlite3")
    assert schema_version(s.connection) == LATEST == len(MIGRATIONS)
    s.close()


def test_a_journal_from_a_newer_app_is_refused_plainly(tmp_path):
    path = tmp_path / "j.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    with pytest.raises(JournalTooNew, match=r"newer version of KAP Companion.*update the app"):
        JournalStore.open(path)


def test_a_failing_migration_leaves_the_file_at_its_old_version(tmp_path, monkeypatch):
    path = tmp_path / "j.sqlite3"
    _old_journal(path, 1)
    import kapcompanion.journal.migrations as m

    broken = (*m.MIGRATIONS[:1], m.MIGRATIONS[1] + "\nNOT VALID SQL;")
    monkeypatch.setattr(m, "MIGRATIONS", broken)
    conn = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        m.migrate(conn, 2)
    assert schema_version(conn) == 1
    fts = conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'entries_fts'").fetchone()
    assert fts == (0,)
    conn.close()
