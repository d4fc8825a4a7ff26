"""Journal speed targets (issue #6), with 10,000 entries on disk:

- the journal view opens (open the file with its checks + first page + sessions) < 300 ms
- full-text search answers (FTS5) < 50 ms
- export of everything to Markdown < 1 s, to PDF < 5 s
- saving one entry, including the fsync of the commit < 20 ms

Run: python benchmarks/bench_journal_speed.py [--entries N] [--runs N] [--dir DIR] [--json OUT]
Figures are medians of --runs (saves: median and 95th percentile of 200). The machine may
be shared with other work, so figures are noisy. --dir picks the disk (default: a temp dir).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

import _common

from kapcompanion.journal import export
from kapcompanion.journal.demo import fill_demo
from kapcompanion.journal.export_md import render_markdown
from kapcompanion.journal.store import JournalStore

QUERIES = ("river", "sist", "grandmother kitchen", "music carried", "quiet")


CPU: dict[str, float] = {}


def timed(fn, runs: int, label: str = "") -> tuple[float, object]:
    """Median wall time of ``runs`` calls (the median CPU time is kept under ``label``)."""
    times, cpu, result = [], [], None
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        result = fn()
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    if label:
        CPU[label] = statistics.median(cpu)
    return statistics.median(times), result


def view_open(path: Path, passphrase: str | None = None) -> int:
    s = JournalStore.open(path, passphrase=passphrase)
    try:
        page = s.entries(limit=200)
        s.sessions()
        return len(page) + s.count_entries()
    finally:
        s.connection.close()  # closing without renewing the backup copy


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--dir", type=Path)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    load0 = os.getloadavg()
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        path = Path(tmp) / "journal.sqlite3"
        s = JournalStore.open(path)
        t = time.perf_counter()
        made = fill_demo(s, args.entries, date(2026, 11, 28))
        fill = time.perf_counter() - t
        s.close()
        size = path.stat().st_size / 1e6
        print(f"filled {made} entries in {fill:.2f} s; file {size:.1f} MB")

        open_s, _ = timed(lambda: view_open(path), args.runs)

        s = JournalStore.open(path)
        all_s, rows = timed(lambda: s.entries(), args.runs)
        assert len(rows) == made
        search_times = []
        for q in QUERIES:
            sec, found = timed(lambda q=q: s.search(q), args.runs)
            search_times.append(sec)
            print(f"  search {q!r}: {len(found)} hits, {sec * 1000:.1f} ms")
        data = export.collect(s)
        md_s, _ = timed(
            lambda: export.write(export.collect(s), "md", Path(tmp) / "all.md"), args.runs
        )
        pdf_s, _ = timed(
            lambda: export.write(export.collect(s), "pdf", Path(tmp) / "all.pdf"),
            max(1, args.runs // 2),
            "pdf",
        )
        render_md_s, _ = timed(lambda: render_markdown(data), args.runs)
        pages = (Path(tmp) / "all.pdf").read_bytes().count(b"/Type /Page\n")
        saves = []
        for n in range(200):
            t = time.perf_counter()
            s.add_note(f"benchmark save {n}")
            saves.append(time.perf_counter() - t)
        saves.sort()

        s.enable_lock("benchmark passphrase")
        locked_saves = []
        for n in range(200):
            t = time.perf_counter()
            s.add_note(f"locked save {n}")
            locked_saves.append(time.perf_counter() - t)
        locked_saves.sort()
        t = time.perf_counter()
        s.search("sea")  # the first search after unlocking decrypts every entry once
        locked_cold = time.perf_counter() - t
        locked_search, _ = timed(lambda: s.search("river"), args.runs)
        s.connection.close()
        locked_open, _ = timed(lambda: view_open(path, "benchmark passphrase"), args.runs)

    print(f"load average before/after: {load0} / {os.getloadavg()}")
    _common.report(
        f"Journal speed, {made} entries (targets from issue #6)",
        [
            ("journal view opens (checks + first 200 + sessions)", open_s * 1000, 300, "ms"),
            ("  all entries loaded as records", all_s * 1000, 300, "ms"),
            ("full-text search (FTS5), slowest of 5 queries", max(search_times) * 1000, 50, "ms"),
            ("export all to Markdown (collect + render + write)", md_s, 1, "s"),
            ("  of which rendering the Markdown text", render_md_s, 1, "s"),
            (f"export all to PDF ({pages} pages)", pdf_s, 5, "s"),
            ("  CPU time of the PDF export (less noisy)", CPU["pdf"], 5, "s"),
            ("save one entry incl. fsync, median", saves[len(saves) // 2] * 1000, 20, "ms"),
            (
                "save one entry incl. fsync, 95th percentile",
                saves[int(len(saves) * 0.95)] * 1000,
                20,
                "ms",
            ),
            ("locked: view opens (scrypt unlock + decrypt page)", locked_open * 1000, 300, "ms"),
            ("locked: first search (decrypts all once)", locked_cold * 1000, 1000, "ms"),
            ("locked: later searches (match in Python)", locked_search * 1000, 50, "ms"),
            (
                "locked: save one entry incl. fsync, median",
                locked_saves[len(locked_saves) // 2] * 1000,
                20,
                "ms",
            ),
        ],
        args.json,
    )


if __name__ == "__main__":
    main()
