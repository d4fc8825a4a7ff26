"""Launch to a shown, responsive library window (offscreen, built-in library).

Run: python benchmarks/bench_ui_startup.py [--runs 7]

Each run is a fresh interpreter: the parent starts it and stops the watch when the child
reports that its event loop answered after the window was shown. Figures are printed
with the audio layer left for later (as the app does: audio opens at the first practice)
and with the audio layer initialised at start-up, to show what laziness saves.
The machine is shared with other engineers, so figures may be noisy.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _common

CHILD = r"""
import os, sys
sys.path.insert(0, {root!r})
from PySide6.QtCore import QTimer
from kapcompanion.ui.app import create_window, new_application
audio = {audio!r}
app = new_application(["kapcompanion"])
if audio:
    from kapcompanion.ui.audio_link import default_player
    player = default_player()
window = create_window(["kapcompanion"])
def answered():
    assert window.isVisible() and window.library.visible_ids()
    print("READY", len(window.library.visible_ids()), flush=True)
    app.quit()
QTimer.singleShot(0, answered)
app.exec()
"""


PYCACHE = str(Path(tempfile.gettempdir()) / "kapcompanion-bench-pycache")


def one_run(audio: bool, data_dir: str | None = None) -> tuple[float, int]:
    """One launch; ``data_dir`` None is a first launch (a new, empty data folder)."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        SDL_AUDIODRIVER=os.environ.get("SDL_AUDIODRIVER", "dummy"),
        PYGAME_HIDE_SUPPORT_PROMPT="1",
        KAPCOMPANION_DATA_DIR=data_dir or tempfile.mkdtemp(prefix="kap-bench-"),
        # An installed app has its bytecode compiled (pip does it at install); the warm-up
        # run writes it here, so the timed runs start as a user's launch would.
        PYTHONPYCACHEPREFIX=PYCACHE,
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    code = CHILD.format(root=str(_common.ROOT), audio=audio)
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    assert proc.stdout is not None
    count = 0
    for line in proc.stdout:
        if line.startswith("READY"):
            elapsed = time.perf_counter() - t0
            count = int(line.split()[1])
            break
    else:
        raise SystemExit("the window never became ready")
    proc.wait(timeout=30)
    return elapsed, count


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    rows = []
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    bare = time.perf_counter() - t0
    print(f"a bare Python start on this machine (python -c pass): {bare * 1000:.0f} ms")
    kept = tempfile.mkdtemp(prefix="kap-bench-kept-")
    one_run(False, kept)  # the first launch: settings, journal and library cache made here
    for audio, data_dir in ((False, kept), (False, None), (True, kept)):
        one_run(audio, data_dir)  # warm the disk cache
        times = []
        count = 0
        for _ in range(args.runs):
            t, count = one_run(audio, data_dir)
            times.append(t)
        label = "audio initialised at start" if audio else "audio lazy (as shipped)"
        label += ", first launch (new data folder)" if data_dir is None else ", later launch"
        print(
            f"{label}: median {statistics.median(times):.3f} s, best {min(times):.3f} s, "
            f"worst {max(times):.3f} s over {args.runs} runs; {count} practices listed"
        )
        rows.append(
            (f"launch to responsive library, {label} (median)", statistics.median(times), 1.0, "s")
        )
    _common.report("UI start-up (issue #4)", rows, args.json)


if __name__ == "__main__":
    main()
