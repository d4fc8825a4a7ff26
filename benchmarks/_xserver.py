"""A private X server (Xvfb) for benchmarks and tests, and a watch on its windows.

``start_xvfb()`` starts Xvfb on a free display (``-displayfd``); :class:`XWatch` reads the
top-level windows through Xlib (ctypes: no subprocess per look) to see when a window with
a given title is mapped. Used by ``startup_bundle.py``, ``bench_ui_startup.py`` and the
bundle test (``tests/packaging/test_bundle.py``). Whatever :func:`start_xvfb` started is
in :data:`STARTED`; :func:`stop_started` stops it (also when Xlib loses the server).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TITLE = b"KAP Companion"


#: Programs this script started (Xvfb, the app being timed), stopped if Xlib ends the script.
STARTED: list[subprocess.Popen[bytes]] = []


def stop_started() -> None:
    """Stop every program this module's caller registered in :data:`STARTED`."""
    for proc in reversed(STARTED):
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
        stop_started()
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


def start_xvfb(log: Path | None = None) -> tuple[subprocess.Popen[bytes], str]:
    """A private X server on a free display; (process, DISPLAY). Its messages go to ``log``."""
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
        stderr=(log or Path(tempfile.gettempdir()) / "kap-bench-xvfb.log").open("wb"),
    )
    os.close(write_end)
    STARTED.append(server)
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
