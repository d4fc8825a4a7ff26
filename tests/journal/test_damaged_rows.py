"""One bad row never makes the journal unreadable: invalid UTF-8, a malformed time or one
damaged ciphertext — the other entries show, the bad one is marked, and no error or log
line carries the journal's text.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from kapcompanion.journal import export
from kapcompanion.journal.records import DAMAGED_TEXT
from kapcompanion.journal.store import JournalStore

ROOT = Path(__file__).resolve().parents[2]
PASS = "river stones at dusk"
SECRET = "Capybaralagoon"


def _fill(s: JournalStore) -> list[int]:
    ids = [s.add_note(f"good entry {n}") for n in range(5)]
    ids.append(s.add_note(f"bad bytes {SECRET}"))
    ids.append(s.add_note(f"bad time {SECRET}"))
    s.log_practice("landing", datetime.now().astimezone(), 60, True)
    return ids


def _break(path: Path, bytes_id: int, time_id: int) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(
        "UPDATE entries SET body = CAST(? AS TEXT) WHERE id = ?",
        (f"bad bytes {SECRET} ".encode() + b"\xff\xfe\xc3", bytes_id),
    )
    conn.execute("UPDATE entries SET created_at = 'last tuesday' WHERE id = ?", (time_id,))
    conn.execute("UPDATE practice_log SET started_at = 'soon'")
    conn.close()


def test_bad_rows_are_marked_and_the_rest_shown(data, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    with JournalStore.open() as s:
        ids = _fill(s)
    _break(data / "journal.sqlite3", ids[5], ids[6])
    with JournalStore.open() as s:
        found = {e.id: e for e in s.entries()}
        assert set(found) == set(ids)
        assert sorted(i for i, e in found.items() if e.damaged) == [ids[5], ids[6]]
        assert found[ids[6]].text == f"bad time {SECRET}"  # only its time was lost
        assert [e.id for e in s.search("good")] == ids[4::-1]
        assert s.practice_runs() == []
        data_ = export.collect(s, None, None)
        out = export.write(data_, "md", tmp_path / "j.md")
        assert "good entry 3" in out.read_text()
        export.write(data_, "pdf", tmp_path / "j.pdf")
    assert SECRET not in caplog.text


def test_one_damaged_ciphertext_in_a_locked_journal(data, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    with JournalStore.open() as s:
        s.enable_lock(PASS)
        ids = [s.add_note(f"{SECRET} {n}") for n in range(4)]
        blob = bytearray(
            s.connection.execute("SELECT sealed FROM entries WHERE id = ?", (ids[1],)).fetchone()[0]
        )
        blob[20] ^= 0xFF
        with s.transaction() as c:
            c.execute("UPDATE entries SET sealed = ? WHERE id = ?", (bytes(blob), ids[1]))
    with JournalStore.open(passphrase=PASS) as s:
        shown = {e.id: e for e in s.entries()}
        assert set(shown) == set(ids)
        assert shown[ids[1]].damaged and shown[ids[1]].display == DAMAGED_TEXT
        assert not shown[ids[0]].damaged and shown[ids[0]].text == f"{SECRET} 0"
        assert s.entry(ids[1]).damaged
        assert len(s.search(SECRET)) == 3
        export.write(export.collect(s, None, None), "md", tmp_path / "j.md")
        assert DAMAGED_TEXT in (tmp_path / "j.md").read_text()
    assert SECRET not in caplog.text


def test_the_export_command_works_and_prints_no_journal_text(data, tmp_path):
    with JournalStore.open() as s:
        ids = _fill(s)
    _break(data / "journal.sqlite3", ids[5], ids[6])
    env = dict(os.environ, PYTHONPATH=str(ROOT), KAPCOMPANION_DATA_DIR=str(data))
    out = subprocess.run(
        [sys.executable, "-m", "kapcompanion", "journal", "export", "--format", "md",
         "-o", str(tmp_path / "j.md")],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert SECRET not in out.stderr and "Traceback" not in out.stderr
    assert "good entry 4" in (tmp_path / "j.md").read_text()
    logs = "".join(p.read_text(errors="replace") for p in data.glob("logs/*") if p.is_file())
    assert SECRET not in logs
