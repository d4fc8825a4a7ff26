"""During a practice: CPU, frame lateness and memory of the player at ~60 frames per second.

Run: python benchmarks/bench_ui_practice.py [--seconds 30] [--practice cyclic-sigh] [--no-voice]

The synthetic voice is on, as by default (its model loads and says the practice's texts
on its own thread while the first seconds play); ``--no-voice`` measures without it.

Offscreen, built-in library, real clock, real frame and audio timers and the real audio
player (SDL dummy driver unless SDL_AUDIODRIVER says otherwise). Frames are counted where
they happen: each paint of the pacer. CPU is process time over wall time (100% = one
core). The machine is shared with other engineers, so figures may be noisy.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import _common

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ["KAPCOMPANION_DATA_DIR"] = tempfile.mkdtemp(prefix="kap-bench-")

from PySide6.QtCore import QTimer

from kapcompanion.settings import Settings, SettingsStore
from kapcompanion.ui.app import new_application
from kapcompanion.ui.library_source import load_library
from kapcompanion.ui.main_window import MainWindow


def thread_cpu() -> dict[str, float]:
    """CPU seconds used so far by each thread of this process, by name (Linux only)."""
    out: dict[str, float] = {}
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    try:
        for tid in os.listdir("/proc/self/task"):
            with open(f"/proc/self/task/{tid}/stat", encoding="ascii") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            with open(f"/proc/self/task/{tid}/comm", encoding="ascii") as f:
                name = f.read().strip()
            name = "main (UI)" if tid == str(os.getpid()) else name
            out[name] = out.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / tick
    except OSError:
        pass
    return out


def rss_mib() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--practice", default="cyclic-sigh")
    ap.add_argument("--paused-seconds", type=float, default=8.0, help="then paused (0: skip)")
    ap.add_argument("--silent", action="store_true", help="the null player: UI cost alone")
    ap.add_argument("--no-voice", action="store_true", help="the synthetic voice turned off")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    app = new_application(sys.argv[:1])  # as the app makes it
    _lib = load_library()
    practices, origins = _lib.for_language("en"), _lib.origins_for_language("en")
    settings = replace(
        Settings(),
        get_ready_seconds=0,
        rules_dismissed=(args.practice,),
        voice_on=not args.no_voice,
    )
    factory = None
    if args.silent:
        from kapcompanion.audio.factory import create_player

        def factory():
            return create_player(enabled=False)

    win = MainWindow(
        practices, origins=origins, store=SettingsStore(), settings=settings, player_factory=factory
    )
    win.show()
    app.processEvents()
    paints = win.player.pacer.frame_times  # the pacer notes when it paints each frame
    win.start_practice(args.practice)
    view = win.player
    # Measure while the pacer moves: skip to the first breathing step.
    from kapcompanion.core.model import BREATH_PHASES

    while view.session is not None and view.session.state().phase not in BREATH_PHASES:
        if view.session.done:
            raise SystemExit(f"{args.practice} has no breathing step to measure")
        view.skip()
    player = win.player.player
    print(f"player: {type(player).__name__}, available={getattr(player, 'available', None)}")
    app.processEvents()
    warm = 2.0  # let the first frames and sound decoding settle before measuring
    marks: dict[str, float] = {}
    threads_before: dict[str, float] = {}
    threads_after: dict[str, float] = {}

    def begin() -> None:
        paints.clear()
        marks["wall"] = time.perf_counter()
        marks["cpu"] = time.process_time()
        threads_before.update(thread_cpu())

    def end() -> None:
        marks["state"] = view.session.state() if view.session else None  # type: ignore[assignment]
        marks["wall_end"] = time.perf_counter()
        marks["cpu_end"] = time.process_time()
        threads_after.update(thread_cpu())
        marks["rss"] = rss_mib()
        if args.paused_seconds <= 0:
            win.close_guard.forced = True  # quitting mid-practice: nothing to ask
            app.quit()
            return
        view.toggle()  # pause: after the sound fades the frames calm down
        QTimer.singleShot(int(warm * 1000), begin_paused)

    def begin_paused() -> None:
        marks["paused_wall"] = time.perf_counter()
        marks["paused_cpu"] = time.process_time()
        QTimer.singleShot(int(args.paused_seconds * 1000), end_paused)

    def end_paused() -> None:
        marks["paused_wall_end"] = time.perf_counter()
        marks["paused_cpu_end"] = time.process_time()
        win.close_guard.forced = True  # quitting mid-practice: nothing to ask
        app.quit()

    QTimer.singleShot(int(warm * 1000), begin)
    QTimer.singleShot(int((warm + args.seconds) * 1000), end)
    app.exec()
    wall = marks["wall_end"] - marks["wall"]
    cpu = marks["cpu_end"] - marks["cpu"]
    times = list(paints)
    gaps = [b - a for a, b in pairwise(times)]
    fps = len(times) / wall
    worst = max(gaps) * 1000 if gaps else float("inf")
    gaps = gaps or [float("nan")]
    late = sum(1 for g in gaps if g > 0.050)
    state = marks.get("state")
    print(
        f"{args.practice}: {wall:.1f} s measured, {len(times)} frames = {fps:.1f} fps; "
        f"frame gap median {statistics.median(gaps) * 1000:.1f} ms, worst {worst:.1f} ms, "
        f"{late} frames later than 50 ms; CPU {cpu / wall * 100:.1f}% of one core; "
        f"RSS {marks['rss']:.0f} MiB; session {state.status if state else '-'} at "
        f"{state.position if state else 0:.1f} s"
    )
    for name, used in sorted(threads_after.items()):
        share = (used - threads_before.get(name, 0.0)) / wall * 100
        if share >= 0.05:
            print(f"  thread {name}: {share:.1f}% of one core")
    win.close()
    figures: list[tuple[str, float, float, str]] = [
        ("average CPU, % of one core", cpu / wall * 100, 8.0, "%"),
        ("worst gap between frames", worst, 50.0, "ms"),
        ("resident memory", marks["rss"], 250.0, "Mi"),
    ]
    if "paused_wall_end" in marks:
        paused = (marks["paused_cpu_end"] - marks["paused_cpu"]) / (
            marks["paused_wall_end"] - marks["paused_wall"]
        )
        # not an issue target: how calm the app is while a practice stands paused
        print(f"paused (after the sound faded): CPU {paused * 100:.2f}% of one core")
    _common.report("UI during a practice (issue #4)", figures, args.json)
    print(f"frames per second: {fps:.1f} (target about 60)")


if __name__ == "__main__":
    main()
