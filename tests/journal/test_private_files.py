"""Files private by default: whatever the umask, the data dir is 0700 and everything the
journal writes (the journal, its -wal and -shm, copies, backups, exports) is 0600; a
killed ``journal backup`` leaves nothing in the temporary folder.
"""

from __future__ import annotations

import base64
import os
import random
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kapcompanion.journal import export
from kapcompanion.journal.archive import make_archive
from kapcompanion.journal.store import JournalStore

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def loose_umask() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def test_everything_the_journal_writes_is_private_whatever_the_umask(data, tmp_path, loose_umask):
    data.chmod(0o755)
    s = JournalStore.open()
    s.add_note("private words")
    wal = data / "journal.sqlite3-wal"
    assert wal.exists()
    assert mode(wal) == 0o600 and mode(data / "journal.sqlite3-shm") == 0o600
    s.close()
    assert mode(data) == 0o700
    assert mode(data / "journal.sqlite3") == 0o600
    assert mode(data / "backups") == 0o700
    copies = list((data / "backups").iterdir())
    assert copies and all(mode(p) == 0o600 for p in copies)
    with JournalStore.open() as s:
        out = export.write(export.collect(s, None, None), "md", tmp_path / "journal.md")
        assert mode(out) == 0o600
        s.enable_lock("river stones at dusk")
    assert mode(data / "journal.sqlite3.passphrase") == 0o600
    archive = make_archive(tmp_path / "all.kapbackup")
    assert mode(archive) == 0o600
    for p in data.rglob("*"):
        assert mode(p) == (0o700 if p.is_dir() else 0o600), p


def test_an_existing_journal_with_loose_modes_is_made_private(data, loose_umask):
    JournalStore.open().close()
    (data / "journal.sqlite3").chmod(0o644)
    data.chmod(0o755)
    JournalStore.open().close()
    assert mode(data) == 0o700 and mode(data / "journal.sqlite3") == 0o600


@pytest.mark.slow
def test_a_killed_backup_leaves_no_snapshot_in_tmp(data, tmp_path):
    with JournalStore.open() as s, s.transaction():
        for _ in range(12):  # ~16 MB that does not compress: the backup takes a while
            s.add_note(base64.b64encode(os.urandom(500_000)).decode())
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = dict(os.environ, PYTHONPATH=str(ROOT), TMPDIR=str(tmp), KAPCOMPANION_DATA_DIR=str(data))
    rng = random.Random(18)
    for n in range(12):
        proc = subprocess.Popen(
            [sys.executable, "-m", "kapcompanion", "journal", "backup", "-o", str(tmp_path / "b")],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.45, 1.1))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert list(tmp.iterdir()) == [], f"kill {n} left files in the temporary folder"
    make_archive(tmp_path / "last.kapbackup")
    assert list(data.glob(".kapbackup-*")) == []  # stale staging removed by the next backup
