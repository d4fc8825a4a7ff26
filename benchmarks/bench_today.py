"""Today (the home page) on a journal of 10,000 entries, offscreen.

Run: python benchmarks/bench_today.py [--entries 10000] [--runs 7]

Figures: the journey's installer (opening the journal, its checks and daily copy, and
drawing Today; the window itself is built before the watch starts), redrawing Today (the
plan, ticks, intention and days in a row read from the journal), saving one answer from
the player including the fsync and the Today redraw it causes, and reading the library's
programs. The machine may be shared with other work, so figures may be noisy.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ["KAPCOMPANION_DATA_DIR"] = tempfile.mkdtemp(prefix="kap-bench-today-")

import _common
from PySide6.QtWidgets import QApplication

from kapcompanion.journal.demo import fill_demo
from kapcompanion.journal.store import JournalStore
from kapcompanion.settings import Settings, SettingsStore
from kapcompanion.ui.journey import install
from kapcompanion.ui.library_source import load_library
from kapcompanion.ui.main_window import MainWindow

INTENTION = "To meet whatever comes with curiosity."


def make_journal(entries: int) -> int:
    """A journal of about ``entries`` entries, an upcoming session and an intention."""
    with JournalStore.open() as store:
        made = fill_demo(store, entries)
        store.add_session(date.today() + timedelta(days=3), "next")
        store.record_answer("intention-setting", 14, "intention", "reflect", INTENTION)
        return made


def ms(seconds: float) -> float:
    return seconds * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    made = make_journal(args.entries)
    library = load_library()
    settings = Settings(show_days_in_a_row=True)
    store = SettingsStore()

    opens = []
    for _ in range(args.runs):
        win = MainWindow(library=library, store=store, settings=settings)
        t0 = time.perf_counter()
        journey = install(win)
        app.processEvents()
        opens.append(time.perf_counter() - t0)
        assert journey.today.intention.text() == INTENTION
        assert journey.today.plan_buttons, "the plan should not be empty 3 days before"
        win.close()
        win.deleteLater()
        app.processEvents()

    win = MainWindow(library=library, store=store, settings=settings)
    journey = install(win)
    redraws = []
    for _ in range(args.runs * 3):
        t0 = time.perf_counter()
        journey.today.refresh()
        redraws.append(time.perf_counter() - t0)
    saves = []
    for n in range(args.runs * 5):
        t0 = time.perf_counter()
        journey.link.on_answer("guided-journaling", 3, "first_notes", f"A note, number {n}.")
        saves.append(time.perf_counter() - t0)
    assert journey.link.last_error == ""
    win.close()
    programs = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        found = load_library().programs_for_language("en")
        programs.append(time.perf_counter() - t0)
    assert "week-before" in found

    p95 = sorted(saves)[max(0, int(len(saves) * 0.95) - 1)]
    print(f"journal: {made} entries; {args.runs} runs each")
    _common.report(
        "Today on a 10,000-entry journal (median unless said)",
        [
            ("journey install: open journal + draw Today", ms(statistics.median(opens)), 300, "ms"),
            ("journey install, slowest run", ms(max(opens)), 500, "ms"),
            (
                "Today redraw (plan, ticks, intention, run)",
                ms(statistics.median(redraws)),
                100,
                "ms",
            ),
            ("save one answer + fsync + Today redraw", ms(statistics.median(saves)), 50, "ms"),
            ("save one answer, 95th percentile", ms(p95), 100, "ms"),
            (
                "read the library's programs (cached check)",
                ms(statistics.median(programs)),
                500,
                "ms",
            ),
        ],
    )


if __name__ == "__main__":
    main()
