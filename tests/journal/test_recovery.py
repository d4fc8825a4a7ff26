"""Daily backups (seven kept), a damaged journal restored with a message, never emptied
silently, and a data dir that cannot be written.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from kapcompanion.journal import backup
from kapcompanion.journal.errors import JournalLocked, JournalUnavailable
from kapcompanion.journal.store import JournalStore


def _day_copy(data: Path, day: date) -> Path:
    return data / "backups" / f"journal-{day.isoformat()}.sqlite3"


def test_opening_keeps_one_copy_a_day_and_closing_renews_it(data):
    s = JournalStore.open()
    s.add_note("morning")
    s.close()
    copy = _day_copy(data, date.today())
    conn = sqlite3.connect(copy)
    assert conn.execute("SELECT body FROM entries").fetchall() == [("morning",)]
    conn.close()
    assert len(backup.daily_backups(data / "backups")) == 1


def test_rotation_keeps_the_newest_seven(store, data):
    start = date(2026, 1, 1)
    for n in range(10):
        assert backup.daily_backup(store.connection, store.path, start + timedelta(days=n))
    kept = backup.daily_backups(data / "backups")
    names = [p.name for p in kept]
    assert len(kept) == 7
    expected = [date.today()] + [date(2026, 1, d) for d in range(10, 4, -1)]
    assert names == [f"journal-{d.isoformat()}.sqlite3" for d in expected]
    assert backup.daily_backup(store.connection, store.path, start + timedelta(days=9)) is None


def _damage(path: Path, how: str) -> None:
    if how == "garbage":
        path.write_bytes(os.urandom(8192))
    elif how == "truncated":
        path.write_bytes(b"")
    else:  # header intact, pages overwritten
        raw = bytearray(path.read_bytes())
        raw[100:] = os.urandom(len(raw) - 100)
        path.write_bytes(bytes(raw))


@pytest.mark.parametrize("how", ["garbage", "truncated", "pages"])
def test_a_damaged_journal_is_moved_aside_and_restored_from_the_newest_backup(data, how):
    s = JournalStore.open()
    for n in range(50):
        s.add_note(f"entry {n}")
    s.close()
    path = data / "journal.sqlite3"
    _damage(path, how)
    damaged = path.read_bytes()

    s = JournalStore.open()
    try:
        assert s.notice and "damaged" in s.notice and "restored from the backup" in s.notice
        assert s.count_entries() == 50
        assert {e.text for e in s.entries()} == {f"entry {n}" for n in range(50)}
    finally:
        s.close()
    aside = list(data.glob("journal.sqlite3.damaged-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == damaged
    assert str(aside[0]) in (s.notice or "")


def test_a_damaged_backup_is_skipped_for_an_older_good_one(data):
    s = JournalStore.open()
    s.add_note("from yesterday")
    backup.daily_backup(s.connection, s.path, date.today() - timedelta(days=1))
    s.close()
    _damage(_day_copy(data, date.today()), "garbage")
    _damage(data / "journal.sqlite3", "garbage")
    s = JournalStore.open()
    try:
        assert [e.text for e in s.entries()] == ["from yesterday"]
        assert s.notice and "restored" in s.notice
    finally:
        s.close()


def test_with_no_backup_a_new_journal_starts_and_says_where_the_old_one_is(data):
    path = data / "journal.sqlite3"
    data.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is not a database at all" * 100)
    s = JournalStore.open()
    try:
        assert s.count_entries() == 0
        assert s.notice and "no backup" in s.notice and "damaged-" in s.notice
    finally:
        s.close()
    assert len(list(data.glob("journal.sqlite3.damaged-*"))) == 1


def test_a_healthy_journal_gives_no_notice(store):
    assert store.notice is None


def test_a_stale_wal_from_the_damaged_file_is_moved_aside_too(data):
    s = JournalStore.open()
    s.add_note("kept")
    s.close()
    path = data / "journal.sqlite3"
    Path(str(path) + "-wal").write_bytes(os.urandom(4096))
    _damage(path, "garbage")
    s = JournalStore.open()
    try:
        assert [e.text for e in s.entries()] == ["kept"]
    finally:
        s.close()
    assert list(data.glob("journal.sqlite3.damaged-*-wal"))


def test_a_folder_that_is_a_file_gives_a_plain_message(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(JournalUnavailable) as err:
        JournalStore.open(blocker / "journal.sqlite3")
    text = str(err.value)
    assert "cannot be saved" in text and "Practices still play" in text and str(blocker) in text


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_a_read_only_folder_gives_a_plain_message(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(JournalUnavailable, match="cannot be saved"):
            JournalStore.open(folder / "journal.sqlite3")
    finally:
        folder.chmod(0o700)


def test_a_read_only_file_system_gives_a_plain_message():
    # /proc refuses new files even for root
    with pytest.raises(JournalUnavailable, match="cannot be saved"):
        JournalStore.open(Path("/proc/kapcompanion/journal.sqlite3"))


def test_the_damage_notice_waits_for_the_passphrase_of_a_locked_journal(data):
    s = JournalStore.open()
    s.add_note("locked and kept")
    s.enable_lock("a long passphrase")
    s.close()
    _damage(data / "journal.sqlite3", "garbage")
    with pytest.raises(JournalLocked):
        JournalStore.open()
    s = JournalStore.open(passphrase="a long passphrase")
    try:
        assert s.notice and "restored from the backup" in s.notice
        assert [e.text for e in s.entries()] == ["locked and kept"]
    finally:
        s.close()
    with JournalStore.open(passphrase="a long passphrase") as again:
        assert again.notice is None  # shown once


def test_a_busy_journal_is_not_mistaken_for_a_damaged_one(tmp_path):
    path = tmp_path / "journal.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")  # another process mid-write (rollback journal mode)
    holder.execute("INSERT INTO t VALUES (1)")
    try:
        assert backup.is_healthy(path, timeout=0.1)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
    assert not backup.is_healthy(path, timeout=0.1)
