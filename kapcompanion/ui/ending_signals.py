"""SIGTERM, SIGINT and SIGHUP end the window app cleanly (issue #17).

A logout sends SIGTERM. Python runs its signal handlers only when the interpreter runs,
and Qt's event loop may sleep for long stretches in C++; so the signal's number is also
written to a pipe (:func:`signal.set_wakeup_fd`) that a :class:`QSocketNotifier`
watches: the loop wakes at once and :class:`EndingSignals` calls its ``on_end``.

SDL (the mixer) would otherwise take SIGINT and SIGTERM for itself and ignore them; it
is told not to (``SDL_NO_SIGNAL_HANDLERS`` in ``audio/pygame_player.py``), and it never
replaces a handler that is not the default one.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
from collections.abc import Callable
from typing import NoReturn

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

log = logging.getLogger(__name__)

WAKE_MS = 250  # without a wake-up file: how often Python gets to run its handlers

#: The signals that end the app: a logout or ``kill``, Ctrl-C, the terminal closed.
ENDING = tuple(
    s for s in (getattr(signal, n, None) for n in ("SIGTERM", "SIGINT", "SIGHUP")) if s is not None
)


class EndingSignals(QObject):
    """Calls ``on_end(signum)`` on the Qt event loop when an ending signal arrives.

    Only in the main thread (where Python allows signal handlers); :meth:`close` puts the
    earlier handlers back. Where a pipe cannot be the wake-up file (Windows takes only
    sockets, and the app opens none), a quiet timer lets the handler run instead.
    """

    def __init__(self, on_end: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_end = on_end
        #: An ending signal came (the app is ending because of it).
        self.ended = False
        self._pending: int | None = None
        self._read, self._write = os.pipe()
        self.notifier: QSocketNotifier | None = None
        self.timer: QTimer | None = None
        self._old_fd: int | None = None
        try:
            os.set_blocking(self._read, False)
            os.set_blocking(self._write, False)
            self._old_fd = signal.set_wakeup_fd(self._write, warn_on_full_buffer=False)
            self.notifier = QSocketNotifier(self._read, QSocketNotifier.Type.Read, self)
            self.notifier.activated.connect(self._wake)
        except (ValueError, OSError, AttributeError):  # Windows: wake now and then instead
            self.timer = QTimer(self)
            self.timer.timeout.connect(self._end_if_asked)
            self.timer.start(WAKE_MS)
        self._saved: dict[int, object] = {}
        for sig in ENDING:
            self._saved[sig] = signal.signal(sig, self._noted)

    def _noted(self, signum: int, _frame: object) -> None:
        """The Python side of the handler (the wake-up file has woken the loop)."""
        self._pending = signum

    def _wake(self) -> None:
        try:
            got = os.read(self._read, 64)
        except (BlockingIOError, InterruptedError):
            return
        signums = [b for b in got if b in ENDING]
        if signums:
            self._pending = signums[0]
        self._end_if_asked()

    def _end_if_asked(self) -> None:
        signum = self._pending
        if signum is None or self.ended:
            return
        self.ended = True
        log.info("told to end (signal %d): keeping drafts, closing", signum)
        self._on_end(signum)

    def close(self) -> None:
        """Put the earlier handlers back and close the wake-up pipe."""
        if self.notifier is not None:
            self.notifier.setEnabled(False)
        if self.timer is not None:
            self.timer.stop()
        for sig, old in self._saved.items():
            signal.signal(sig, old)  # type: ignore[arg-type]
        self._saved = {}
        if self._old_fd is not None:
            signal.set_wakeup_fd(self._old_fd)
        for fd in (self._read, self._write):
            with contextlib.suppress(OSError):
                os.close(fd)


def exit_now(code: int) -> NoReturn:
    """Leave at once: told to end by the system, with everything saved and closed.

    Python's and Qt's own teardown (freeing every widget and module) takes over a second
    on a busy machine, and a logout should not wait for it; the logs and the terminal
    are flushed first.
    """
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):  # closed or absent
            continue
    os._exit(code)
