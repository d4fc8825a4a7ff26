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
import ctypes
import ctypes.util
import os
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _common

TITLE = b"KAP Companion"
DEFAULT_BUNDLE = _common.ROOT / "build" / "bundle" / "dist" / "KAP-Companion" / "kapcompanion"


#: Programs this script started (Xvfb, the app being timed), stopped if Xlib ends the script.
_STARTED: list[subprocess.Popen[bytes]] = []


def _stop_started() -> None:
    for proc in reversed(_STARTED):
        if proc.poll() is None:
            proc.kill()
            proc.wait()


class _Attributes(ctypes.Structure):
    """Xlib's XWindowAttributes."""

    _fields_ = [
        ("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int),
        ("height", ctypes.c_int), ("border_width", ctypes.c_int), ("depth", ctypes.c_int),
        ("visual", ctypes.c_void_p), ("root", ctypes.c_ulong), ("class_", ctypes.c_int),
        ("bit_gravity", ctypes.c_int), ("win_gravity", ctypes.c_int),
        ("backing_store", ctypes.c_int), ("backing_planes", ctypes.c_ulong),
        ("backing_pixel", ctypes.c_ulong), ("save_under", ctypes.c_int),
        ("colormap", ctypes.c_ulong), ("map_installed", ctypes.c_int),
        ("map_state", ctypes.c_int), ("all_event_masks", ctypes.c_long),
        ("your_event_mask", ctypes.c_long), ("do_not_propagate_mask", ctypes.c_long),
        ("override_redirect", ctypes.c_int), ("screen", ctypes.c_void_p),
    ]  # fmt: skip


class XWatch:
    """Reads the top-level windows of one X display through Xlib (no subprocess per look)."""

    VIEWABLE = 2

    def __init__(self, display: str) -> None:
        name = ctypes.util.find_library("X11")
        if name is None:
            raise SystemExit("libX11 is needed to watch the X server (apt-get install libx11-6)")
        x = ctypes.CDLL(name)
        x.XOpenDisplay.restype = ctypes.c_void_p
        x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x.XDefaultRootWindow.restype = ctypes.c_ulong
        x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x.XQueryTree.argtypes = [
            ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)),
            ctypes.POINTER(ctypes.c_uint),
        ]  # fmt: skip
        x.XFetchName.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_char_p)]
        x.XGetWindowAttributes.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(_Attributes),
        ]
        x.XFree.argtypes = [ctypes.c_void_p]
        x.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
        # A window listed by XQueryTree may be gone by the next call: ignore such errors
        # (Xlib's default handler would end this process).
        handler = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
        self._on_error = handler(lambda _dpy, _event: 0)
        x.XSetErrorHandler.argtypes = [handler]
        x.XSetErrorHandler(self._on_error)
        # A lost connection to the X server is fatal in Xlib (it calls exit()): stop what
        # this script started first, so no app or Xvfb is left behind.
        io_handler = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p)
        self._on_io_error = io_handler(self._lost)
        x.XSetIOErrorHandler.argtypes = [io_handler]
        x.XSetIOErrorHandler(self._on_io_error)
        self.x = x
        deadline = time.monotonic() + 5
        self.dpy = x.XOpenDisplay(display.encode())
        while not self.dpy and time.monotonic() < deadline:  # the server is still starting
            time.sleep(0.1)
            self.dpy = x.XOpenDisplay(display.encode())
        if not self.dpy:
            raise SystemExit(f"cannot open X display {display}")
        self.root = x.XDefaultRootWindow(self.dpy)

    @staticmethod
    def _lost(_dpy: int) -> int:
        print("the connection to the X server was lost", file=sys.stderr, flush=True)
        _stop_started()
        os._exit(1)

    def shown(self, title: bytes = TITLE) -> bool:
        """Whether a viewable top-level window named ``title`` is on the screen now."""
        x = self.x
        x.XSync(self.dpy, 0)
        root, parent = ctypes.c_ulong(), ctypes.c_ulong()
        children = ctypes.POINTER(ctypes.c_ulong)()
        count = ctypes.c_uint()
        if not x.XQueryTree(self.dpy, self.root, root, parent, children, count):
            return False
        try:
            for i in range(count.value):
                name = ctypes.c_char_p()
                if x.XFetchName(self.dpy, children[i], ctypes.byref(name)) and name.value:
                    found = name.value == title
                    x.XFree(name)
                    if found:
                        attrs = _Attributes()
                        x.XGetWindowAttributes(self.dpy, children[i], ctypes.byref(attrs))
                        if attrs.map_state == self.VIEWABLE:
                            return True
        finally:
            if children:
                x.XFree(children)
        return False


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """A private X server on a free display; (process, DISPLAY)."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        raise SystemExit("Xvfb is needed (apt-get install xvfb)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [
            xvfb,
            "-displayfd",
            str(write_end),
            "-screen",
            "0",
            "1280x800x24",
            "-nolisten",
            "tcp",
            "-noreset",
        ],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        # A log file, not /dev/null: Xvfb was seen to exit at once with stderr on /dev/null.
        stderr=(Path(tempfile.gettempdir()) / "kap-bench-xvfb.log").open("wb"),
    )
    os.close(write_end)
    _STARTED.append(server)
    ready, _, _ = select.select([read_end], [], [], 15)
    number = os.read(read_end, 32).decode().strip() if ready else ""
    os.close(read_end)
    if not number.isdigit():
        server.kill()
        raise SystemExit("Xvfb did not start")
    return server, f":{number}"


def watched_xvfb(tries: int = 3) -> tuple[subprocess.Popen[bytes], str, XWatch]:
    """A private X server and a watch on it (a new server if the first cannot be opened)."""
    for attempt in range(tries):
        server, display = start_xvfb()
        try:
            return server, display, XWatch(display)
        except SystemExit:
            server.kill()
            server.wait(timeout=10)
            if attempt == tries - 1:
                raise
    raise AssertionError("unreachable")


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
    _STARTED.append(proc)
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
        _STARTED.remove(proc)
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
        _stop_started()
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
