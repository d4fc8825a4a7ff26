"""The app speaking: Play → first words audible on a cold cache, and memory while playing.

Each figure is taken in a fresh child process (a clean interpreter, an empty data dir, so
an empty voice cache): the real main window offscreen, the real audio player (SDL's dummy
driver unless SDL_AUDIODRIVER says otherwise), the real clock, get-ready countdown 0 (the
harshest case: Play starts the practice at once).

* cold, from nothing: Play pressed with the voice never loaded (hibari not imported);
* cold, voice warmed: the practice was chosen in the library a moment before (the app
  loads the voice in the background then), the cache still empty;
* resident memory after 20 s of playing a practice with the voice loaded;
* the window's frame stalls while it plays: the longest gap between ticks of a 16 ms
  timer from Play on, and how many gaps exceed 50 ms.

The voice reads hibari's dictionaries from its pronunciation store (made once per
install in the data dir, kapcompanion/audio/voice/lexicon_store.py). The runs start from
an empty clip cache with the store already made (every start but the very first), and
once more from a data dir without it (the first start after installing: the voice uses
hibari's dictionaries in memory while the store is made in the background).

"Audible" is the moment the player's voice channel starts sounding the first clip; the
figure is that moment less the first words' own time in the practice (body-scan-short
opens with a 6-second bell), so 0 would be words exactly on time. The voice runs in a
process of its own, ended after 20 s with nothing to say; memory is read 5 s into the
practice (app + voice process) and after 40 s (the voice's process has ended).

Run: python benchmarks/bench_voice_live.py [--practice body-scan-short] [--json out.json]
Targets: ≤ 1.0 s from Play to the first words with the voice warmed (≤ 2.0 s from nothing,
and on the first start after installing); no frame stall over 100 ms; resident memory of
the app playing with the voice loaded ≤ 300 MiB.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import _common

ROOT = _common.ROOT


def _rss(pid: object) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def child(practice: str, warm: float, play_seconds: float) -> dict[str, float]:
    """In a fresh process: open the app, (warm the voice), press Play, time the first words."""
    import time
    from dataclasses import replace

    from PySide6.QtCore import QTimer

    from kapcompanion.paths import data_folders
    from kapcompanion.settings import Settings, SettingsStore
    from kapcompanion.ui.app import new_application
    from kapcompanion.ui.library_source import load_library
    from kapcompanion.ui.main_window import MainWindow

    app = new_application(sys.argv[:1])
    settings = replace(
        Settings(), get_ready_seconds=0, rules_dismissed=(practice,), voice_on=warm >= 0
    )
    win = MainWindow(library=load_library(), store=SettingsStore(), settings=settings)
    win.player.voice_link.folder = data_folders().cache / "voice"
    win.show()
    app.processEvents()
    out: dict[str, float] = {}
    ticks: list[float] = []
    tick = QTimer()
    tick.setInterval(16)
    tick.timeout.connect(lambda: ticks.append(time.perf_counter()))
    if warm > 0:
        win.player.warm_voice()  # as when the practice is chosen in the library
        end = time.monotonic() + warm
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)
    t0 = time.perf_counter()
    tick.start()
    win.start_practice(practice)
    view = win.player

    def poll() -> None:
        player, session = view.player, view.session
        if "start" not in out and session is not None and session.status.value == "playing":
            out["start"] = time.perf_counter() - t0 - session.position
            if warm < 0:  # the voice is off: only the start is measured
                finish()
                return
        if "first" not in out and player is not None and player.busy("voice"):
            # Play → audible, less where the first words sit in the practice (after a bell)
            assert session is not None
            out["at"] = session.timeline.speech[0].time
            out["first"] = time.perf_counter() - t0 - out["at"]
            QTimer.singleShot(int(play_seconds * 1000), finish)
            QTimer.singleShot(min(5000, int(play_seconds * 500)), loaded)
        if time.perf_counter() - t0 > 30 and "first" not in out:
            out["first"] = float("inf")
            finish()

    def voice_rss() -> float:
        service = view.voice_link._service
        proc = getattr(getattr(service, "engine", None), "_proc", None)
        return _rss(proc.pid) if proc is not None and proc.is_alive() else 0.0

    def loaded() -> None:
        out["loaded_app"] = _rss("self")
        out["loaded_voice"] = voice_rss()

    def finish() -> None:
        gaps = [b - a for a, b in itertools.pairwise(ticks)]
        out["stall_ms"] = max(gaps, default=0.0) * 1000
        out["stalls_50ms"] = float(sum(g > 0.05 for g in gaps))
        store = getattr(getattr(view.voice_link._service, "engine", None), "from_store", None)
        out["from_store"] = float(bool(store))
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(("VmRSS:", "VmHWM:")):
                out[line.split(":")[0]] = int(line.split()[1]) / 1024
        out["voice_child"] = voice_rss()
        live = view.voicing.live
        out["pending"] = float(live.pending()) if live is not None else -1.0
        # Quitting mid-practice: nothing to ask (past 30 s the window asks "Stop here?").
        win.close_guard.forced = True
        app.quit()

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(1)
    app.exec()
    return out


def data_dir(store: bool) -> str:
    """A new, empty data dir; with ``store``, the pronunciation store already made there."""
    root = tempfile.mkdtemp(prefix="kap-voice-live-")
    if store:
        from kapcompanion.audio.voice import lexicon_store
        from kapcompanion.core.folders import DataFolders

        folder = DataFolders(Path(root)).cache / "voice" / "g2p"
        if lexicon_store.prepare(folder, "heart") is None:
            raise SystemExit("the pronunciation store could not be made")
    return root


def run_child(
    practice: str, warm: float, play_seconds: float, *, store: bool = True
) -> dict[str, float]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "SDL_AUDIODRIVER": os.environ.get("SDL_AUDIODRIVER", "dummy"),
        "PYGAME_HIDE_SUPPORT_PROMPT": "1",
        "KAPCOMPANION_DATA_DIR": data_dir(store),
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, __file__, "--child", practice, str(warm), str(play_seconds)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0:
        raise SystemExit(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def build_figures() -> tuple[float, float]:
    """Seconds and peak memory (MiB) of making the store, in its own process."""
    from kapcompanion.audio.voice import lexicon_store

    folder = Path(tempfile.mkdtemp(prefix="kap-g2p-"))
    if lexicon_store.prepare(folder, "heart") is None:
        raise SystemExit("the pronunciation store could not be made")
    return lexicon_store.last_build["seconds"], lexicon_store.last_build["peak_mib"]


def memory_line(name: str, run: dict[str, float]) -> str:
    app, voice = run["loaded_app"], run["loaded_voice"]
    return (
        f"  {name}: app {app:.0f} MiB + voice process {voice:.0f} MiB = {app + voice:.0f} MiB "
        f"(dictionaries {'from the store' if run['from_store'] else 'in memory'})"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--practice", default="body-scan-short")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        got = child(args.child[0], float(args.child[1]), float(args.child[2]))
        print(json.dumps(got))
        return
    cold_runs = [run_child(args.practice, 0.0, 0.5) for _ in range(args.runs)]
    warm_runs = [run_child(args.practice, 2.0, 0.5) for _ in range(args.runs)]
    first_runs = [run_child(args.practice, 0.0, 0.5, store=False) for _ in range(args.runs)]
    cold = [r["first"] for r in cold_runs]
    warmed = [r["first"] for r in warm_runs]
    first = [r["first"] for r in first_runs]
    for name, runs in (
        ("from nothing", cold_runs),
        ("voice warmed", warm_runs),
        ("first start", first_runs),
    ):
        parts = ", ".join(
            f"{r['start']:.2f} s + on time {r['first'] - r['start']:+.3f} s" for r in runs
        )
        print(f"  {name}: Play → practice moving, then the words vs their time: {parts}")
    playing = run_child(args.practice, 2.0, 40.0)
    first_playing = run_child(args.practice, 2.0, 8.0, store=False)
    seconds, peak = build_figures()
    print(f"{args.practice}, cold cache, get-ready 0, Play → first words audible (late by):")
    print(f"  from nothing (voice not loaded): {', '.join(f'{x:.2f} s' for x in cold)}")
    print(f"  voice warmed when chosen:        {', '.join(f'{x:.2f} s' for x in warmed)}")
    print(f"  first start after installing:    {', '.join(f'{x:.2f} s' for x in first)}")
    print("5 s into playing, voice loaded:")
    print(memory_line("usual start (store made)", playing))
    print(memory_line("first start after installing", first_playing))
    print(
        f"after 40 s playing (voice process {'running' if playing['voice_child'] else 'ended'}): "
        f"RSS {playing['VmRSS']:.0f} MiB "
        f"(high-water {playing['VmHWM']:.0f} MiB), texts still to say: {playing['pending']:.0f}"
    )
    print(
        f"frame stalls while playing (16 ms timer, 40 s): longest gap "
        f"{playing['stall_ms']:.0f} ms, gaps over 50 ms: {playing['stalls_50ms']:.0f}"
    )
    print(f"making the pronunciation store (own process): {seconds:.1f} s, peak {peak:.0f} MiB")
    silent = [run_child(args.practice, -1.0, 0.5)["start"] for _ in range(args.runs)]
    print(
        f"  voice off (baseline): Play → practice moving {', '.join(f'{x:.2f} s' for x in silent)}"
    )
    figures = [
        ("Play → first words, cold cache, voice warmed (median)", median(warmed), 1.0, "s"),
        ("Play → first words, cold cache, from nothing (median)", median(cold), 2.0, "s"),
        ("Play → first words, first start after installing (median)", median(first), 2.0, "s"),
        ("Play → practice moving, voice off (median)", median(silent), 1.0, "s"),
        (
            "resident memory playing, voice loaded (app + voice process)",
            playing["loaded_app"] + playing["loaded_voice"],
            300.0,
            "Mi",
        ),
        ("resident memory playing, voice idle (app)", playing["VmRSS"], 300.0, "Mi"),
        ("longest frame stall while playing", playing["stall_ms"], 100.0, "ms"),
    ]
    _common.report("The app speaking (issue #16)", figures, args.json)


if __name__ == "__main__":
    main()
