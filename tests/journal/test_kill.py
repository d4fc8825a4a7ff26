"""Kill -9 a writer at random moments, again and again; every entry it reported as saved
must be there when the journal is opened again.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kapcompanion.journal.store import JournalStore

WRITER = Path(__file__).with_name("writer.py")
ROOT = Path(__file__).resolve().parents[2]


def _run_and_kill(journal: Path, tag: str, delay: float, passphrase: str | None) -> list[str]:
    args = [sys.executable, str(WRITER), str(journal), tag]
    if passphrase:
        args.append(passphrase)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    lines: list[str] = []

    def read() -> None:
        assert proc.stdout is not None
        for raw in proc.stdout:
            if raw.endswith(b"\n"):  # a half-printed line was never reported as saved
                lines.append(raw.decode().rstrip("\n"))

    reader = threading.Thread(target=read)
    reader.start()
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    reader.join()
    assert proc.returncode == -signal.SIGKILL
    return lines


@pytest.mark.slow
@pytest.mark.parametrize("passphrase", [None, "kill test passphrase"])
def test_kill_minus_nine_loses_nothing_shown_as_saved(tmp_path, passphrase):
    journal = tmp_path / "journal.sqlite3"
    if passphrase:
        with JournalStore.open(journal) as s:
            s.enable_lock(passphrase)
    rng = random.Random(2026)
    reported: list[str] = []
    for round_no in range(8):
        # Early kills land while opening (checks, backup); later ones mid-write.
        delay = rng.uniform(0.05, 0.3) if round_no % 2 else rng.uniform(0.5, 1.5)
        reported += _run_and_kill(journal, f"r{round_no}", delay, passphrase)
    assert len(reported) > 50, "the writer saved too little to test anything"
    with JournalStore.open(journal, passphrase=passphrase) as s:
        assert s.notice is None, "a killed writer must never leave a damaged file"
        for line in reported:
            entry_id, text = line.split(" ", 1)
            e = s.entry(int(entry_id))
            shown = f"score:{e.score:g}" if e.kind == "check_in" else e.text
            assert shown == text
        ids = [int(line.split(" ", 1)[0]) for line in reported]
        assert len(set(ids)) == len(ids)
        assert s.count_entries() >= len(ids)
