"""Live checking in the editor: a 500-step practice, per check, while typing.

Run: python benchmarks/bench_editor.py [--repeat 30] [--json OUT]

Figures (median and 90th percentile of ``--repeat`` runs, milliseconds):
- the check alone (:func:`kapcompanion.core.loader.check_text`), valid text;
- the editor's whole debounce handler (check, marks, problems list, step panel) on valid
  text after a one-character change, and on text with an error (steps kept as they were);
- the same handler when the step list is unchanged (typing inside a comment).
"before" is the whole check on the UI thread; "after" is what the UI thread does now
(the check runs in a helper process): applying the result, and the longest gap between
1 ms timer ticks while a check runs behind. Target: under 30 ms per check, so typing
never stutters. The machine may be shared, so figures can be noisy.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import _common

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KAPCOMPANION_DATA_DIR", tempfile.mkdtemp(prefix="kap-bench-editor-"))

TARGET_MS = 30.0


def practice_text(steps: int = 500) -> str:
    """A realistic practice with ``steps`` steps of every timed kind and a few gates."""
    lines = [
        "kapcompanion: 1",
        "id: long-practice",
        "title: A long practice",
        "category: prepare",
        "summary: Five hundred steps, to measure checking while typing.",
        "sound: {ambient: rain, ambient_volume: 0.3}",
        "steps:",
    ]
    kinds = (
        "  - say: Let your shoulders soften, and notice the weight of your hands. # {i}\n"
        "    duration: 12s",
        "  - breathe: {{inhale: 4, exhale: 6, cycles: 3, labels: {{inhale: In, exhale: Out}}}}",
        "  - silence: 20s\n    prompt: Rest with whatever is here.",
        "  - bell: soft-bell",
        "  - check_in:\n      question: How settled do you feel?\n      save_as: settled_{i}",
    )
    for i in range(steps):
        lines.append(kinds[i % len(kinds)].format(i=i))
    return "\n".join(lines) + "\n"


def measure(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median and 90th percentile of ``fn`` in milliseconds (one warm-up run first)."""
    fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(0.9 * len(times)))]


def measure_own(fn: Callable[[], float], repeat: int) -> tuple[float, float]:
    """Like :func:`measure` for a function that times itself (returns milliseconds)."""
    fn()
    times = sorted(fn() for _ in range(repeat))
    return statistics.median(times), times[min(len(times) - 1, int(0.9 * len(times)))]


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kapcompanion.core.loader import check_text
    from kapcompanion.ui.editor.editor_window import EditorWindow
    from kapcompanion.ui.editor.live_check import run_check

    app = QApplication.instance() or QApplication([])
    text = practice_text()
    item, problems = check_text(text, "long.yaml")
    assert item is not None and not problems, problems
    assert len(item.steps) == 500

    ed = EditorWindow(text)
    ed.show()
    app.processEvents()
    doc = ed.edit.document()

    def type_at(needle: str, char: str) -> None:
        """A keystroke: insert ``char`` after ``needle`` (or delete it again)."""
        cur = doc.find(needle + char)
        if not cur.isNull():
            cur.setPosition(cur.selectionEnd() - 1)
            cur.deleteChar()
        else:
            cur = doc.find(needle)
            cur.clearSelection()
            cur.insertText(char)
        ed.timer.stop()

    def timed(step: Callable[[], object], needle: str, char: str) -> Callable[[], float]:
        def run() -> float:
            type_at(needle, char)  # not timed: Qt's own keystroke handling
            t0 = time.perf_counter()
            step()
            return (time.perf_counter() - t0) * 1000

        return run

    def apply_only(needle: str, char: str, repaint: bool = False) -> Callable[[], float]:
        def run() -> float:
            type_at(needle, char)
            app.processEvents()  # the keystroke's own repaint, not timed
            result = run_check(ed.text)  # in the helper process in the app
            t0 = time.perf_counter()
            ed.apply_result(result)
            if repaint:
                app.processEvents()  # the step list and the text repaint
            return (time.perf_counter() - t0) * 1000

        return run

    def stall_while_checking() -> float:
        """Longest gap between 1 ms timer ticks on the UI thread while checks run behind."""
        gaps: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            gaps.append((now - last[0]) * 1000)
            last[0] = now

        timer = QTimer()
        timer.setInterval(1)
        timer.timeout.connect(tick)
        done: list[int] = []
        ed.background.finished.connect(lambda _r: done.append(1))
        ed.background.request(ed.text)  # start the helper process (once per app)
        while not done:
            app.processEvents()
        worst, latency = [], []
        for i in range(1, args.repeat + 1):
            type_at("cycles: 3", "0")
            gaps.clear()
            t0 = last[0] = time.perf_counter()
            timer.start()
            ed.background.request(ed.text)
            while len(done) <= i:
                app.processEvents()
            latency.append((time.perf_counter() - t0) * 1000)
            timer.stop()
            worst.append(max(gaps, default=0.0))
        idle = []  # the same windows with nothing checking: what the shared machine adds
        for ms in latency:
            gaps.clear()
            last[0] = time.perf_counter()
            end = last[0] + ms / 1000
            timer.start()
            while time.perf_counter() < end:
                app.processEvents()
            timer.stop()
            idle.append(max(gaps, default=0.0))
        return statistics.median(worst), statistics.median(latency), statistics.median(idle)

    rows = []
    med, p90 = measure(lambda: check_text(text, "long.yaml"), args.repeat)
    rows += [("check_text alone (median)", med, TARGET_MS, "ms")]
    rows += [("check_text alone (90th percentile)", p90, TARGET_MS, "ms")]
    med, p90 = measure_own(timed(ed.check_now, "cycles: 3", "0"), args.repeat)
    rows += [("before: whole check on the UI thread (median)", med, TARGET_MS, "ms")]
    rows += [("before: whole check on the UI thread (90th pct)", p90, TARGET_MS, "ms")]
    for label, needle, char in (
        ("steps changed", "cycles: 3", "0"),
        ("steps unchanged", "# 0", "a"),
        ("text with an error", "category: prepare", "x"),
    ):
        med, p90 = measure_own(apply_only(needle, char), args.repeat)
        rows += [(f"after: UI-thread part, {label} (median)", med, TARGET_MS, "ms")]
        rows += [(f"after: UI-thread part, {label} (90th pct)", p90, TARGET_MS, "ms")]
        med, p90 = measure_own(apply_only(needle, char, repaint=True), args.repeat)
        rows += [(f"after: same with the repaint, {label} (median)", med, TARGET_MS, "ms")]
    stall, latency, idle = stall_while_checking()
    rows += [("after: longest UI stall per background check (median)", stall, TARGET_MS, "ms")]
    rows += [("  (same window, nothing checking: machine noise)", idle, TARGET_MS, "ms")]
    rows += [("after: keystroke to marks shown, less the debounce", latency, 300.0, "ms")]
    _common.report("Editor: live checking of a 500-step practice", rows, args.json)
    ed.edit.document().setModified(False)
    ed.close()


if __name__ == "__main__":
    main()
