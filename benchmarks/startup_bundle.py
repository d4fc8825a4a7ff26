"""Start-up of the Linux bundle beside the pip install: launch to the window shown on X.

Run:
    python3 tools/bundle.py                      # the bundle, in build/bundle/dist
    python3 -m venv /tmp/kap && /tmp/kap/bin/pip install .   # the pip install
    python3 benchmarks/startup_bundle.py --installed /tmp/kap/bin/kapcompanion [--runs 9]

Both programs are started the way a client starts them (no arguments) on a private Xvfb,
on Qt's xcb platform, each with its own data folder that a first, untimed launch has set
up (as every launch after the first). The watch stops when a window named
"KAP Companion" is mapped on the X server (the X tree is read every 5 ms through Xlib);
then the program is stopped. Runs are interleaved (bundle, pip, pip, bundle, …) so that
a busy moment of the shared machine falls on both. The CPU time each used until its
window showed (from /proc, all threads) is printed too: it varies less than the wall time
on a shared machine. A pip install has its bytecode
compiled by pip, as a user's has; the bundle has its own inside.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _common
from _xserver import STARTED, XWatch, stop_started, watched_xvfb

DEFAULT_BUNDLE = _common.ROOT / "build" / "bundle" / "dist" / "KAP-Companion" / "kapcompanion"


def one_launch(program: Path, display: str, watch: XWatch, home: Path) -> tuple[float, float]:
    """(Seconds from starting ``program`` to its window shown, CPU seconds it used by then).

    The program is then stopped.
    """
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "SDL_AUDIODRIVER": "dummy",
        "KAPCOMPANION_DATA_DIR": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / ".config"),
    }
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [str(program)], env=env, cwd=home, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    STARTED.append(proc)
    try:
        while not watch.shown():
            if proc.poll() is not None:
                raise SystemExit(f"{program} ended ({proc.returncode}) before its window showed")
            if time.perf_counter() - t0 > 60:
                raise SystemExit(f"{program}: no window in 60 s")
            time.sleep(0.005)
        elapsed = time.perf_counter() - t0
        cpu = cpu_seconds(proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        STARTED.remove(proc)
    while watch.shown():  # gone from the screen before the next launch
        time.sleep(0.01)
    return elapsed, cpu


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system, all threads) the process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=9, help="timed launches of each (>= 7)")
    ap.add_argument(
        "--bundle", type=Path, action="append",
        help="the bundle's program (default: the build of tools/bundle.py); repeat to compare "
        "builds",
    )  # fmt: skip
    ap.add_argument(
        "--installed", type=Path, default=None,
        help="the pip install's kapcompanion (default: the one on PATH)",
    )  # fmt: skip
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    installed = args.installed or Path(shutil.which("kapcompanion") or "kapcompanion")
    bundles = args.bundle or [DEFAULT_BUNDLE]
    contenders = {
        ("bundle" if i == 0 else f"bundle {i + 1}"): b.resolve() for i, b in enumerate(bundles)
    }
    contenders["pip install"] = installed.absolute()
    for label, program in contenders.items():
        if not (program.is_file() and os.access(program, os.X_OK)):
            raise SystemExit(f"{label}: {program} is not a program (see the docstring)")
    _server, display, watch = watched_xvfb()
    homes = {label: Path(tempfile.mkdtemp(prefix="kap-bench-home-")) for label in contenders}
    times: dict[str, list[float]] = {label: [] for label in contenders}
    cpu: dict[str, list[float]] = {label: [] for label in contenders}
    try:
        for label, program in contenders.items():
            one_launch(program, display, watch, homes[label])  # first launch: data set up
            one_launch(program, display, watch, homes[label])  # warms the disk cache
        order = list(contenders)
        for i in range(max(args.runs, 1)):
            for label in order if i % 2 == 0 else reversed(order):
                wall, used = one_launch(contenders[label], display, watch, homes[label])
                times[label].append(wall)
                cpu[label].append(used)
    finally:
        stop_started()
        for home in homes.values():
            shutil.rmtree(home, ignore_errors=True)
    print(f"launch to the window shown on X, {args.runs} interleaved runs each")
    for label, values in times.items():
        print(
            f"  {label:<12} median {statistics.median(values):.3f} s, best {min(values):.3f} s, "
            f"worst {max(values):.3f} s; CPU used by then median "
            f"{statistics.median(cpu[label]):.2f} s   ({contenders[label]})"
        )
    pip_median = statistics.median(times["pip install"])
    rows = [
        ("bundle: launch to window (median), target: pip's", statistics.median(times["bundle"]),
         pip_median, "s"),
        ("bundle: launch to window (best)", min(times["bundle"]), min(times["pip install"]), "s"),
        ("pip install: launch to window (median)", pip_median, pip_median, "s"),
    ]  # fmt: skip
    _common.report("Start-up: bundle beside pip install (issue #22)", rows, args.json)


if __name__ == "__main__":
    sys.exit(main())
