"""Journal durability costs with 10,000 entries (no targets in the issue; figures to watch):

- the daily backup copy, the health check at start, recovery of a damaged file
- a full backup of all user data and restoring it
- turning the passphrase lock on (re-seal, re-index, vacuum, new copies) and unlocking
- saves per second with a full fsync each

Run: python benchmarks/bench_journal_durability.py [--entries N]
The machine may be shared with other work, so figures are noisy.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from datetime import date
from pathlib import Path

import _common

from kapcompanion.journal import archive, backup
from kapcompanion.journal.demo import fill_demo
from kapcompanion.journal.store import JournalStore


def clock(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=10_000)
    args = ap.parse_args()
    print(f"{_common.machine()}\nload average: {os.getloadavg()}")
    rows: list[tuple[str, float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        path = root / "journal.sqlite3"
        s = JournalStore.open(path)
        made = fill_demo(s, args.entries, date(2026, 11, 28))
        rows.append(
            (
                "daily backup copy (snapshot + fsync + rotate)",
                clock(lambda: backup.daily_backup(s.connection, path, refresh=True)) * 1000,
                "ms",
            )
        )
        t = time.perf_counter()
        n = 0
        while time.perf_counter() - t < 2.0:
            s.add_note(f"save {n}")
            n += 1
        rows.append(
            ("saves per second, each committed with fsync", n / (time.perf_counter() - t), "/s")
        )
        s.close()
        rows.append(
            (
                "health check at start (header + quick_check)",
                clock(lambda: backup.is_healthy(path)) * 1000,
                "ms",
            )
        )
        raw = bytearray(path.read_bytes())
        raw[100:] = os.urandom(len(raw) - 100)
        path.write_bytes(bytes(raw))
        holder: list[JournalStore] = []
        rows.append(
            (
                "open a damaged journal: detect, move aside, restore",
                clock(lambda: holder.append(JournalStore.open(path))) * 1000,
                "ms",
            )
        )
        assert holder[0].notice and holder[0].count_entries() >= made
        holder[0].close()
        out = root / "out"
        out.mkdir()
        rows.append(
            (
                "full backup of all user data (zip + manifest)",
                clock(lambda: archive.make_archive(out / "b.kapbackup", root)) * 1000,
                "ms",
            )
        )
        rows.append(
            (
                "full restore (verify, keep current, swap)",
                clock(lambda: archive.restore_archive(out / "b.kapbackup", root)) * 1000,
                "ms",
            )
        )
        s = JournalStore.open(path)
        rows.append(
            (
                "turn the passphrase lock on (seal all, vacuum, copies)",
                clock(lambda: s.enable_lock("benchmark passphrase")) * 1000,
                "ms",
            )
        )
        s.close()
        rows.append(
            (
                "unlock (scrypt n=2^15) and open",
                clock(lambda: JournalStore.open(path, passphrase="benchmark passphrase").close())
                * 1000,
                "ms",
            )
        )
    print(f"\nJournal durability, {made} entries")
    for name, value, unit in rows:
        print(f"{name:<58} {value:>10.1f} {unit}")


if __name__ == "__main__":
    main()
