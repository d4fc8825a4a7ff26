"""Start-up side by side: the app beside a bare PySide6 window, on Xvfb and offscreen.

Run: python3 benchmarks/bench_ui_startup.py [--runs 7] [--platforms xcb offscreen]

Each launch is a fresh interpreter of the same Python, started the way a person starts
the app (``python -m kapcompanion``, no arguments). The bare window is QApplication +
QMainWindow + QLabel, the floor any PySide6 app stands on. Launches are interleaved
(bare, app, app with a big library, first launches, bare, ...) so that a busy moment of
the shared machine falls on all of them. Three moments are timed from the launch:

* visible: on Xvfb (Qt's xcb platform) the window is mapped on the X server (read through
  Xlib every 5 ms); offscreen, the window's first paint is done;
* painted: the first paint is done (both platforms);
* responsive: the event loop answered after the first paint with the work the start
  deferred done (the player, built right after the first paint) and the library
  listed: a click is answered from here on.

The app reports the paint and the answer itself when ``KAPCOMPANION_STARTUP_MARKS`` is
set (see ``kapcompanion/ui/startup_marks.py``; the bare window does the same in a few
lines). Scenarios: a later launch (a data folder an untimed launch set up), a first
launch (a new, empty data folder every time), a later launch with 200 practices of the
person's own and a 10,000-entry journal, and the first launch with those 200 practices
(no check cache yet). The voice (hibari) is installed on the machine when
``installed_voices()`` lists one; the figures say so.

Bytecode is compiled as an installed app's is (pip compiles it at install): an untimed
launch of each program writes it to a private ``PYTHONPYCACHEPREFIX`` first.
The machine is shared with other work, so figures may be noisy; medians are compared.
"""

from __future__ import annotations

import argparse
import os
import re
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import _common

BARE = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

def mark(name):
    print(f"kap-mark {name} {time.monotonic():.6f}", flush=True)

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, lambda: mark("painted"))
            QTimer.singleShot(0, lambda: mark("responsive"))
        return False

app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("KAP Companion")
window.setCentralWidget(QLabel("A bare PySide6 window"))
window.resize(1180, 780)
watch = FirstPaint(window)
window.installEventFilter(watch)
window.show()
app.exec()
"""

# For an earlier checkout (``--before DIR``) without the app's own marks: the same marks
# from outside, on the first paint of the main window (an application-wide event filter,
# taken away after it).
BEFORE = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QMainWindow
import kapcompanion.ui.app as app_module

def mark(name):
    print(f"kap-mark {name} {time.monotonic():.6f}", flush=True)

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
            self.parent().removeEventFilter(self)
            QTimer.singleShot(0, lambda: mark("painted"))
            QTimer.singleShot(0, lambda: mark("responsive"))
        return False

made = app_module.new_application

def new_application(argv):
    app = made(argv)
    if not hasattr(app, "_kap_watch"):
        app._kap_watch = FirstPaint(app)
        app.installEventFilter(app._kap_watch)
    return app

app_module.new_application = new_application
from kapcompanion.cli import main
sys.exit(main([]))
"""

PYCACHE = str(Path(tempfile.gettempdir()) / "kapcompanion-bench-pycache")
MARK = re.compile(r"kap-mark (\w+) ([0-9.]+)")
USER_PRACTICES = 200
JOURNAL_ENTRIES = 10_000


@dataclass
class Launch:
    """Seconds from the launch to each moment, and the CPU time used by the last."""

    visible: float
    painted: float
    responsive: float
    cpu: float  # CPU seconds the program used by the time it answered (all threads)


@dataclass
class Program:
    """One program to time: a label, its command and how its data folder is made."""

    label: str
    command: list[str]
    data: str  # "none", "kept", "new", "big", "big-first" or "before"
    root: Path = _common.ROOT  # the checkout it runs from
    launches: list[Launch] = field(default_factory=list)

    def median(self, moment: str) -> float:
        """The median seconds to ``moment`` over the launches."""
        return statistics.median(getattr(launch, moment) for launch in self.launches)

    def best(self, moment: str) -> float:
        """The best (smallest) seconds to ``moment``."""
        return min(getattr(launch, moment) for launch in self.launches)


def base_env(
    platform: str, display: str | None, data_dir: Path | None, root: Path = _common.ROOT
) -> dict[str, str]:
    """The environment of one launch of the code in ``root``."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        QT_QPA_PLATFORM=platform,
        SDL_AUDIODRIVER=os.environ.get("SDL_AUDIODRIVER", "dummy"),
        PYGAME_HIDE_SUPPORT_PROMPT="1",
        KAPCOMPANION_STARTUP_MARKS="1",
        PYTHONPYCACHEPREFIX=PYCACHE,
        PYTHONPATH=os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH")])),
    )
    if display:
        env["DISPLAY"] = display
    if data_dir is not None:
        env["KAPCOMPANION_DATA_DIR"] = str(data_dir)
    return env


def launch(
    command: list[str], env: dict[str, str], watch: object | None, root: Path = _common.ROOT
) -> Launch:
    """Start ``command`` in ``root``, time its moments, then stop it (and its window go).

    ``root`` is the working folder too: ``python -c``/``-m`` look there before PYTHONPATH.
    """
    t0 = time.monotonic()
    proc = subprocess.Popen(
        command, env=env, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    assert proc.stdout is not None
    marks: dict[str, float] = {}
    visible: float | None = None
    buffer = b""
    try:
        while "responsive" not in marks or (watch is not None and visible is None):
            if time.monotonic() - t0 > 60:
                raise SystemExit(f"{command}: not ready in 60 s (marks: {marks})")
            ready, _, _ = select.select([proc.stdout], [], [], 0.005)
            if ready:
                chunk = os.read(proc.stdout.fileno(), 4096)
                if not chunk and proc.poll() is not None:
                    raise SystemExit(f"{command} ended ({proc.returncode}) before it answered")
                buffer += chunk
                for name, at in MARK.findall(buffer.decode(errors="replace")):
                    marks.setdefault(name, float(at) - t0)
            if watch is not None and visible is None and watch.shown():  # type: ignore[attr-defined]
                visible = time.monotonic() - t0
        cpu = cpu_seconds(proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    if watch is not None:
        while watch.shown():  # type: ignore[attr-defined]
            time.sleep(0.01)
    shown = visible if visible is not None else marks["painted"]
    return Launch(shown, marks["painted"], marks["responsive"], cpu)


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system, all threads) the process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def user_practices(folder: Path, count: int) -> int:
    """Write ``count`` valid practices of the person's own (copies of built-in ones)."""
    from kapcompanion.core.library import Library

    builtin = [p for p in Library.load(None).practices.values() if p.source is not None]
    builtin = [p for p in builtin if p.language == "en"]
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        practice = builtin[n % len(builtin)]
        assert practice.source is not None
        text = practice.source.read_text(encoding="utf-8")
        new_id = f"mine-{n:03d}-{practice.id}"
        text = re.sub(r"(?m)^id:.*$", f"id: {new_id}", text, count=1)
        (folder / f"{new_id}.yaml").write_text(text, encoding="utf-8")
    return count


def big_data(root: Path) -> None:
    """A data folder with 200 practices of the person's own and a 10,000-entry journal."""
    from kapcompanion.core.folders import DataFolders
    from kapcompanion.journal.demo import fill_demo
    from kapcompanion.journal.store import JournalStore

    folders = DataFolders(root)
    user_practices(folders.practices, USER_PRACTICES)
    with JournalStore.open(folders.journal) as store:
        fill_demo(store, JOURNAL_ENTRIES)


def voice_installed() -> bool:
    """Whether a voice model is on this computer (then the app may use it)."""
    try:
        from kapcompanion.audio.voice import installed_voices

        return bool(installed_voices())
    except Exception:
        return False


SCENARIOS = ("kept", "new", "big", "big-first")


def measure(
    platform: str,
    runs: int,
    work: Path,
    scenarios: tuple[str, ...] = SCENARIOS,
    before: Path | None = None,
) -> list[Program]:
    """Interleaved launches of every program on ``platform``; the programs with their times."""
    display = None
    watch = None
    if platform == "xcb":
        from _xserver import stop_started, watched_xvfb

        _server, display, watch = watched_xvfb()
    app = [sys.executable, "-m", "kapcompanion"]
    programs = [
        Program("bare PySide6 window", [sys.executable, "-c", BARE], "none"),
        Program("later launch", app, "kept"),
        Program("first launch (new data folder)", app, "new"),
        Program(f"{USER_PRACTICES} own practices + 10,000-entry journal", app, "big"),
        Program(f"first launch with {USER_PRACTICES} own practices", app, "big-first"),
    ]
    programs = [p for p in programs if p.data == "none" or p.data in scenarios]
    if before is not None:
        programs.append(
            Program("later launch, before (--before)", [sys.executable, "-c", BEFORE], "before")
        )
        programs[-1].root = before
    kept = work / f"{platform}-kept"
    kept_before = work / f"{platform}-kept-before"
    big = work / f"{platform}-big"
    if "big" in scenarios or "big-first" in scenarios:
        big_data(big)
    try:
        # the untimed first launches: settings, cache, bytecode
        for folder in (kept, big) if "big" in scenarios else (kept,):
            launch(app, base_env(platform, display, folder), watch)
        launch(programs[0].command, base_env(platform, display, None), watch)
        if before is not None:
            env = base_env(platform, display, kept_before, before)
            launch(programs[-1].command, env, watch, before)
        for _ in range(runs):
            for program in programs:
                data_dir: Path | None = None
                if program.data == "kept":
                    data_dir = kept
                elif program.data == "before":
                    data_dir = kept_before
                elif program.data == "big":
                    data_dir = big
                elif program.data in ("new", "big-first"):
                    data_dir = Path(tempfile.mkdtemp(prefix="kap-first-", dir=work))
                    if program.data == "big-first":
                        shutil.copytree(big / "practices", data_dir / "practices")
                env = base_env(platform, display, data_dir, program.root)
                program.launches.append(launch(program.command, env, watch, program.root))
    finally:
        if platform == "xcb":
            stop_started()
    return programs


def show(platform: str, programs: list[Program]) -> list[tuple[str, float, float, str]]:
    """Print one platform's table; the figures for the summary (name, value, target, unit)."""
    bare = programs[0]
    where = "Xvfb" if platform == "xcb" else "offscreen"
    seen = "window mapped on X" if platform == "xcb" else "first paint"
    print(f"\n{where}: visible = {seen}; medians (best) over {len(bare.launches)} launches")
    print(
        f"{'program':<46} {'visible':>15} {'responsive':>15} {'Δ visible':>10} {'Δ resp.':>8}"
        f" {'CPU s':>6}"
    )
    for p in programs:
        dv = p.median("visible") - bare.median("visible")
        dr = p.median("responsive") - bare.median("responsive")
        print(
            f"{p.label:<46} {p.median('visible'):>6.3f} ({p.best('visible'):.3f})"
            f" {p.median('responsive'):>6.3f} ({p.best('responsive'):.3f})"
            f" {dv:>+10.3f} {dr:>+8.3f} {p.median('cpu'):>6.2f}"
        )
    rows: list[tuple[str, float, float, str]] = []
    # Targets (issue #21): app ≤ bare + 0.20 s visible, + 0.35 s responsive; with the big
    # library and journal no more than 0.10 s more than that. A first launch is held to
    # the targets of the later launch of the same data.
    targets = {"kept": (0.20, 0.35), "new": (0.20, 0.35), "big": (0.30, 0.45)}
    targets["before"] = targets["kept"]
    targets["big-first"] = targets["big"]
    for p in programs[1:]:
        tv, tr = targets[p.data]
        moments = [("visible", tv, "to visible"), ("responsive", tr, "to answer")]
        if p.data in ("kept", "big"):
            # CPU time varies less than wall time on a shared machine; on an idle one a
            # start-up (one thread) takes about its CPU time, so it is held to "visible".
            moments.append(("cpu", tv, "CPU seconds to answer"))
        for moment, target, what in moments:
            app, floor = p.median(moment), bare.median(moment)
            rows.append(
                (
                    f"{where}, {p.label}: {what}, app {app:.2f} s − bare {floor:.2f} s",
                    app - floor,
                    target,
                    "s",
                )
            )
    return rows


def main() -> None:
    """Measure, print the side-by-side tables and the summary."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--platforms", nargs="+", default=["xcb", "offscreen"])
    ap.add_argument("--scenarios", nargs="+", default=list(SCENARIOS), choices=SCENARIOS)
    ap.add_argument(
        "--before", type=Path, help="also time a later launch of another checkout (e.g. main)"
    )
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    platforms = [p for p in args.platforms if p != "xcb" or shutil.which("Xvfb")]
    if platforms != args.platforms:
        print("Xvfb is not installed: offscreen only (apt-get install xvfb)")
    print(f"{_common.machine()}; voice installed: {'yes' if voice_installed() else 'no'}")
    print(time.strftime("run at %Y-%m-%d %H:%M UTC", time.gmtime()))
    rows: list[tuple[str, float, float, str]] = []
    with tempfile.TemporaryDirectory(prefix="kap-bench-start-") as tmp:
        for platform in platforms:
            programs = measure(platform, args.runs, Path(tmp), tuple(args.scenarios), args.before)
            rows += show(platform, programs)
    _common.report("Start-up side by side (issue #21)", rows, args.json)


if __name__ == "__main__":
    main()
