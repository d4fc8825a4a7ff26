"""Per-entry integrity: a sealed value is bound to its row, and key settings read from the
file are checked before they are used.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kapcompanion.journal.errors import JournalError
from kapcompanion.journal.store import JournalStore

PASS = "river stones at dusk"
ROOT = Path(__file__).resolve().parents[2]


def _swap(s: JournalStore, a: int, b: int) -> None:
    blobs = dict(s.connection.execute("SELECT id, sealed FROM entries").fetchall())
    with s.transaction() as c:
        c.execute("UPDATE entries SET sealed = ? WHERE id = ?", (blobs[b], a))
        c.execute("UPDATE entries SET sealed = ? WHERE id = ?", (blobs[a], b))


def test_swapped_ciphertexts_are_detected(data):
    s = JournalStore.open()
    s.enable_lock(PASS)
    a = s.add_note("the first secret")
    b = s.add_note("the second secret")
    _swap(s, a, b)
    s.close()
    s = JournalStore.open(passphrase=PASS)  # a fresh opening: nothing cached
    try:
        for entry_id, updated, sealed in s.connection.execute(
            "SELECT id, updated_at, sealed FROM entries"
        ).fetchall():
            with pytest.raises(JournalError, match="damaged"):
                s.lock.open_row(entry_id, updated, sealed)
    finally:
        s.close()


def test_a_swapped_session_label_is_not_shown(data):
    s = JournalStore.open()
    s.enable_lock(PASS)
    one = s.add_session(date(2026, 3, 1), "Dr Alder")
    two = s.add_session(date(2026, 4, 1), "Dr Birch")
    blobs = dict(s.connection.execute("SELECT id, sealed FROM sessions").fetchall())
    with s.transaction() as c:
        c.execute("UPDATE sessions SET sealed = ? WHERE id = ?", (blobs[two], one))
    s.close()
    with JournalStore.open(passphrase=PASS) as s:
        assert [x.label for x in s.sessions()] == ["", "Dr Birch"]


def _set_kdf(data: Path, **changes: int) -> None:
    import sqlite3

    conn = sqlite3.connect(data / "journal.sqlite3", isolation_level=None)
    rec = json.loads(conn.execute("SELECT value FROM meta WHERE key = 'lock'").fetchone()[0])
    rec.update(changes)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'lock'", (json.dumps(rec),))
    conn.close()


@pytest.mark.parametrize(
    "changes", [{"n": 3}, {"n": 2**40}, {"n": 2**15 + 1}, {"r": 0}, {"p": 10**6}, {"r": 2**20}]
)
def test_key_settings_outside_a_sane_range_are_refused_plainly(data, changes):
    with JournalStore.open() as s:
        s.add_note("something")
        s.enable_lock(PASS)
    _set_kdf(data, **changes)
    with pytest.raises(JournalError, match="outside the safe range"):
        JournalStore.open(passphrase=PASS)


def test_the_command_line_says_so_without_a_traceback(data, tmp_path):
    with JournalStore.open() as s:
        s.enable_lock(PASS)
    _set_kdf(data, n=2**40)
    env = dict(os.environ, PYTHONPATH=str(ROOT), KAPCOMPANION_DATA_DIR=str(data))
    # No terminal: the passphrase cannot be asked, so check through the API-level opener.
    code = (
        "import sys\n"
        "from kapcompanion.journal.store import JournalStore\n"
        "from kapcompanion.journal.errors import JournalError\n"
        "try:\n"
        f"    JournalStore.open(passphrase={PASS!r})\n"
        "except JournalError as exc:\n"
        "    print(exc)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert "Traceback" not in out.stderr
    assert "outside the safe range" in out.stdout
