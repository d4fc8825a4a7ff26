"""Journal page speed (issue #6) with 10,000 entries, in the real widgets (offscreen):

- open the Journal page with the list shown (open the file with its checks, read the
  first page, lay out and paint the list) < 300 ms
- a search answered in the view (back-end search, the model's first page of rows, the list
  laid out and painted) < 50 ms; the count of every hit follows in the next event-loop
  turn and is printed too

Run: python benchmarks/bench_journal_view.py [--entries N] [--runs N] [--json OUT]
Figures are medians of --runs; for search, the slowest query's median. The machine may be
shared with other work, so figures are noisy. The debounce wait while typing (250 ms) is
not counted: it is a pause on purpose, not work.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ["KAPCOMPANION_DATA_DIR"] = tempfile.mkdtemp(prefix="kap-bench-view-")

import _common
from PySide6.QtWidgets import QApplication

from kapcompanion.journal.demo import fill_demo
from kapcompanion.journal.store import JournalStore
from kapcompanion.ui.journal_pages import install
from kapcompanion.ui.journal_pages.journal_view import JournalView
from kapcompanion.ui.library_source import load_library
from kapcompanion.ui.main_window import MainWindow

QUERIES = ("river", "sist", "grandmother kitchen", "music carried", "quiet")


def shown(view: JournalView) -> int:
    """Let the page lay out and paint its list; returns the entries listed."""
    QApplication.processEvents()
    view.list.viewport().grab()  # paints every visible row
    return len(view.visible_entries())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    path = Path(os.environ["KAPCOMPANION_DATA_DIR"]) / "journal.sqlite3"
    store = JournalStore.open(path)
    t = time.perf_counter()
    made = fill_demo(store, args.entries, date(2026, 11, 28))
    print(f"filled {made} entries in {time.perf_counter() - t:.2f} s")
    store.close()
    win = MainWindow(library=load_library())
    win.resize(1280, 820)
    pages = install(win)
    win.show()
    app.processEvents()

    opens, listed = [], 0
    for _ in range(args.runs):
        win.show_page("library")
        win.hub.journal_changed.emit(None)
        app.processEvents()
        t = time.perf_counter()
        s = JournalStore.open(path, daily_backup=False)
        win.journal = s
        win.hub.journal_changed.emit(s)
        win.show_page("journal")
        listed = shown(pages.journal)
        opens.append(time.perf_counter() - t)
        s.connection.close()
    store = JournalStore.open(path, daily_backup=False)
    win.hub.journal_changed.emit(store)
    view = pages.journal
    per_query, counting = {}, []
    for q in QUERIES:
        times = []
        for _ in range(args.runs):
            view.search.setText("")
            view.run_search()
            shown(view)
            view.search.setText(q)
            t = time.perf_counter()
            view.run_search()  # the back end's search, the model's first page
            view.list.viewport().grab()  # laid out and painted (no other events run)
            times.append(time.perf_counter() - t)
            t = time.perf_counter()
            app.processEvents()  # the count of every hit follows at once
            counting.append(time.perf_counter() - t)
            hits = view.model.total
            assert view.model.counted
        per_query[q] = (statistics.median(times), hits)
    for q, (median, hits) in per_query.items():
        print(f"search {q!r}: {hits} hits, first page shown, median {median * 1000:.1f} ms")
    print(f"then counting every hit: median {statistics.median(counting) * 1000:.1f} ms")
    hist = pages.history
    drawn = []
    titles = pages.titles()
    for _ in range(args.runs):
        hist.set_store(store, titles)  # hidden: drawn when next shown
        t = time.perf_counter()
        win.show_page("history")  # calendar, check-ins, before/after, WHO-5 from 10,000
        win.grab()
        drawn.append(time.perf_counter() - t)
        win.show_page("journal")
    print(f"history page drawn (no target set): median {statistics.median(drawn) * 1000:.0f} ms")
    from kapcompanion.ui.journal_pages.export_dialog import ExportDialog

    t = time.perf_counter()
    dlg = ExportDialog(store, pages.titles(), win)
    dlg.show()
    app.processEvents()
    shown_at = time.perf_counter() - t
    t = time.perf_counter()
    ids = dlg.entry_ids()
    dlg.leave_out(ids[len(ids) // 2])
    app.processEvents()
    untick = time.perf_counter() - t
    print(
        f"export preview of {len(ids)} entries opens in {shown_at * 1000:.0f} ms; "
        f"leaving one out {untick * 1000:.0f} ms (no targets set)"
    )
    dlg.close()
    runs_ms = [round(x * 1000) for x in opens]
    print(f"journal page opens: {listed} entries listed of {made}; runs {runs_ms} ms")
    slowest = max(m for m, _ in per_query.values())
    _common.report(
        f"Journal page in the app, {made} entries (issue #6)",
        [
            (
                "open the Journal page, list shown (median)",
                statistics.median(opens) * 1000,
                300,
                "ms",
            ),
            ("search answered in the view (slowest query, median)", slowest * 1000, 50, "ms"),
        ],
        args.json,
    )
    store.connection.close()
    win.close()


if __name__ == "__main__":
    main()
