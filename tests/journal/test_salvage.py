"""Damage costs nothing it need not: rows still readable in a damaged journal are rescued
into the restored copy, a partly good copy is never overwritten, and an empty journal
with no copies says so.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from kapcompanion.journal import salvage
from kapcompanion.journal.store import JournalStore


def _page_size(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA page_size").fetchone()[0])
    finally:
        conn.close()


def _damage_middle(path: Path) -> None:
    """Overwrite a few pages in the middle of the file (its header stays intact)."""
    size = _page_size(path)
    raw = bytearray(path.read_bytes())
    pages = len(raw) // size
    for page in range(pages // 3, pages // 3 + 2):
        raw[page * size : (page + 1) * size] = os.urandom(size)
    path.write_bytes(bytes(raw))


def _journal_with_later_entries(data: Path) -> Path:
    """400 entries in today's copy, 5 more written only to the journal afterwards."""
    with JournalStore.open() as s, s.transaction():
        for n in range(400):
            s.add_note(f"early entry {n} " + "words " * 20)
    copy = data / "backups" / f"journal-{date.today().isoformat()}.sqlite3"
    kept = copy.read_bytes()
    with JournalStore.open(daily_backup=False) as s:
        for n in range(5):
            s.add_note(f"late entry {n}")
    copy.write_bytes(kept)  # as if the app had stopped before renewing its copy
    return data / "journal.sqlite3"


@pytest.mark.parametrize("tool", [True, False], ids=["sqlite3-recover", "row-by-row"])
def test_rows_still_readable_in_the_damaged_file_are_rescued(data, monkeypatch, tool):
    if not tool:
        monkeypatch.setattr(salvage.shutil, "which", lambda name: None)
    elif shutil.which("sqlite3") is None:
        pytest.skip("no sqlite3 command line tool here")
    path = _journal_with_later_entries(data)
    _damage_middle(path)
    with JournalStore.open() as s:
        assert s.notice and "restored from the backup" in s.notice
        assert "rescued" in (s.notice or "")
        texts = {e.text for e in s.entries()}
        assert {f"late entry {n}" for n in range(5)} <= texts
        assert len(texts) >= 400


def test_without_any_copy_a_new_journal_holds_what_could_be_read(data):
    path = _journal_with_later_entries(data)
    shutil.rmtree(data / "backups")
    _damage_middle(path)
    with JournalStore.open() as s:
        assert s.notice and "could still be read" in s.notice
        assert s.count_entries() > 300


def test_a_partly_good_copy_is_never_overwritten(data):
    path = _journal_with_later_entries(data)
    copy = data / "backups" / f"journal-{date.today().isoformat()}.sqlite3"
    _damage_middle(copy)
    damaged_copy = copy.read_bytes()
    path.write_bytes(b"")
    with JournalStore.open() as s:
        assert s.count_entries() > 300  # rescued from the partly good copy
        assert "damaged copy is kept" in (s.notice or "")
        s.add_note("new")
    kept = [p for p in (data / "backups").iterdir() if p.read_bytes() == damaged_copy]
    assert kept, "the partly good copy was overwritten"


def test_an_empty_journal_with_no_copies_says_so(data):
    (data / "journal.sqlite3").write_bytes(b"")
    with JournalStore.open() as s:
        assert s.notice and "was empty" in s.notice and "no copy" in s.notice
        assert s.count_entries() == 0
