"""A damaged locked journal never comes back silently unlocked: opening says it could not
be read, keeps the damaged file, and starts a new journal only when asked — locked again
with the same passphrase if the person wants.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kapcompanion.journal.errors import JournalDamagedLocked, JournalLocked, WrongPassphrase
from kapcompanion.journal.store import JournalStore

PASS = "river stones at dusk"
SECRET = "Axolotlmeridian"


def _truncate_all(data: Path) -> None:
    for p in [data / "journal.sqlite3", *(data / "backups").glob("journal-*.sqlite3")]:
        p.write_bytes(b"")
    for side in ("-wal", "-shm"):
        (data / f"journal.sqlite3{side}").unlink(missing_ok=True)


def _locked_then_truncated(data: Path) -> None:
    with JournalStore.open() as s:
        s.enable_lock(PASS)
        s.add_note("written while locked")
    _truncate_all(data)


def test_a_truncated_locked_journal_is_not_replaced_by_an_unlocked_one(data):
    _locked_then_truncated(data)
    for _ in range(2):  # and it stays that way until the person chooses
        with pytest.raises(JournalDamagedLocked, match="could not be read") as info:
            JournalStore.open()
        assert "same passphrase" in str(info.value)
        assert not (data / "journal.sqlite3").exists()
    kept = info.value.kept
    assert kept is not None and Path(kept).exists() and str(kept) in str(info.value)


def test_starting_again_locked_with_the_same_passphrase(data):
    _locked_then_truncated(data)
    with pytest.raises(JournalDamagedLocked):
        JournalStore.open()
    with pytest.raises(WrongPassphrase):
        JournalStore.start_new(passphrase="not the passphrase")
    with JournalStore.start_new(passphrase=PASS) as s:
        assert s.locked and s.count_entries() == 0
        s.add_note(SECRET)
    with pytest.raises(JournalLocked):
        JournalStore.open()
    raw = b"".join(p.read_bytes() for p in data.rglob("*") if p.is_file())
    assert SECRET.encode() not in raw
    with JournalStore.open(passphrase=PASS) as s:
        assert [e.text for e in s.entries()] == [SECRET]


def test_starting_again_without_a_lock_only_when_asked(data):
    _locked_then_truncated(data)
    with pytest.raises(JournalDamagedLocked):
        JournalStore.open()
    with JournalStore.start_new() as s:
        assert not s.locked
    JournalStore.open().close()


def test_a_locked_journal_with_a_healthy_copy_is_restored_locked(data):
    with JournalStore.open() as s:
        s.enable_lock(PASS)
        s.add_note("kept safe")
    (data / "journal.sqlite3").write_bytes(b"")
    with pytest.raises(JournalLocked):
        JournalStore.open()
    with JournalStore.open(passphrase=PASS) as s:
        assert s.locked and [e.text for e in s.entries()] == ["kept safe"]
