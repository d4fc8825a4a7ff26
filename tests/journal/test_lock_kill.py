"""Turning the lock on leaves no earlier plaintext behind — older daily copies,
before-restore backups, damaged files moved aside — says what it did, and is crash-safe:
killed at any point (SIGKILL, again and again), the next opening finishes the job.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from kapcompanion.journal import backup
from kapcompanion.journal.archive import make_archive
from kapcompanion.journal.errors import JournalLocked
from kapcompanion.journal.store import JournalStore

LOCKER = Path(__file__).with_name("locker.py")
ROOT = Path(__file__).resolve().parents[2]
PASS = "river stones at dusk"
SECRET = b"Tapirmoonlight"
ENTRIES = 300


def holding(folder: Path) -> list[str]:
    return sorted(
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if p.is_file() and SECRET.lower() in p.read_bytes().lower()
    )


def make_template(folder: Path) -> None:
    """A plain journal with readable earlier copies of every kind the app makes."""
    journal = folder / "journal.sqlite3"
    with JournalStore.open(journal) as s, s.transaction():
        for n in range(ENTRIES):
            s.add_note(f"{SECRET.decode()} {n} " + "words " * 30)
    with JournalStore.open(journal) as s:
        for d in range(1, 4):  # older daily copies
            backup.daily_backup(s.connection, journal, date.today() - timedelta(days=d))
        backup.copy_before_migration(s.connection, journal, 3)
    make_archive(folder / "backups" / "before-restore-20260101-120000.kapbackup", folder)
    shutil.copy(journal, folder / "journal.sqlite3.damaged-20260102-090000")
    shutil.copy(journal, folder / "backups" / "journal-2026-01-03.sqlite3.damaged-20260103")
    assert len(holding(folder)) >= 7


def _kill_at(journal: Path, delay: float) -> str:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, str(LOCKER), str(journal), PASS],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate()
    return out.decode()


def check_after(folder: Path) -> str:
    """Reopen as the person would; everything must be locked and nothing lost."""
    journal = folder / "journal.sqlite3"
    try:
        s = JournalStore.open(journal)
    except JournalLocked:
        s = JournalStore.open(journal, passphrase=PASS)
        state = "locked"
    else:
        state = "plain"
        assert holding(folder), "the lock did not commit, so nothing was touched yet"
        s.enable_lock(PASS)
    try:
        assert s.locked and s.count_entries() == ENTRIES
        assert s.entry(7).text.startswith(f"{SECRET.decode()} 6 ")
    finally:
        s.close()
    assert holding(folder) == [], state
    return state


def test_enabling_seals_or_removes_every_earlier_copy_and_says_so(tmp_path):
    folder = tmp_path / "data"
    make_template(folder)
    before = (folder / "backups" / "before-restore-20260101-120000.kapbackup").read_bytes()
    with JournalStore.open(folder / "journal.sqlite3") as s:
        report = s.enable_lock(PASS)
        assert "older copies replaced" in report and "3 earlier files encrypted" in report
        assert "before-restore-20260101-120000.kapbackup.locked" in report
        sealed = folder / "backups" / "before-restore-20260101-120000.kapbackup.locked"
        s.lock.open_file(sealed, tmp_path / "back.kapbackup")
    assert (tmp_path / "back.kapbackup").read_bytes() == before
    assert holding(folder) == []
    assert len(backup.daily_backups(folder / "backups")) == 1


@pytest.mark.slow
def test_killed_while_enabling_the_lock_a_reopen_finishes_the_job(tmp_path):
    template = tmp_path / "template"
    make_template(template)
    probe = tmp_path / "probe"
    shutil.copytree(template, probe)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    t0 = time.monotonic()
    done = subprocess.run(
        [sys.executable, str(LOCKER), str(probe / "journal.sqlite3"), PASS],
        env=env, capture_output=True, timeout=120,
    )  # fmt: skip
    span = time.monotonic() - t0
    assert done.returncode == 0 and b"locked" in done.stdout
    rng = random.Random(1818)
    states: list[str] = []
    delays: list[float] = []
    lo, hi = 0.05, span * 1.05
    for n in range(44):
        if n == 14:  # then aim at the time between the commit and the end of the clean-up
            seen = [d for d, st in zip(delays, states, strict=True) if st.startswith("locked")]
            lo = max(0.05, min(seen, default=lo) - 0.05)
        delay = rng.uniform(lo, hi)
        folder = tmp_path / f"k{n}"
        shutil.copytree(template, folder)
        out = _kill_at(folder / "journal.sqlite3", delay)
        states.append(check_after(folder) + ("-done" if out else ""))
        delays.append(delay)
        shutil.rmtree(folder)
    # The kills must have landed before the commit, during the clean-up, and after.
    assert {"plain", "locked", "locked-done"} <= set(states), states
