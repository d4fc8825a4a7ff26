"""SIGTERM, SIGINT and SIGHUP end the window app cleanly (issue #17).

A logout sends SIGTERM. Python runs its signal handlers only when the interpreter runs,
and Qt's event loop may sleep for long stretches in C++; so the signal's number is also
written to a socket (:func:`signal.set_wakeup_fd`) that a :class:`QSocketNotifier`
watches: the loop wakes at once and :class:`EndingSignals` calls its ``on_end``.

SDL (the mixer) would otherwise take SIGINT and SIGTERM for itself; see
``audio/pygame_player.py`` (``SDL_NO_SIGNAL_HANDLERS``). The handlers here are installed
before any sound opens, and SDL leaves signals alone that are not at their default.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import sys
from collections.abc import Callable
from typing import NoReturn

from PySide6.QtCore import QObject, QSocketNotifier

log = logging.getLogger(__name__)

#: The signals that end the app: a logout or ``kill``, Ctrl-C, the terminal closed.
ENDING = tuple(
    s for s in (getattr(signal, n, None) for n in ("SIGTERM", "SIGINT", "SIGHUP")) if s is not None
)


class EndingSignals(QObject):
    """Calls ``on_end(signum)`` on the Qt event loop when an ending signal arrives.

    Only in the main thread (where Python allows signal handlers); :meth:`close` puts the
    earlier handlers back.
    """

    def __init__(self, on_end: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_end = on_end
        self._read, self._write = socket.socketpair()
        self._read.setblocking(False)
        self._write.setblocking(False)
        self._saved: dict[int, object] = {}
        self._old_fd = signal.set_wakeup_fd(self._write.fileno(), warn_on_full_buffer=False)
        for sig in ENDING:
            self._saved[sig] = signal.signal(sig, self._noted)
        self.notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._wake)
        #: An ending signal came (the app is ending because of it).
        self.ended = False

    def _noted(self, signum: int, _frame: object) -> None:
        """The Python side of the handler: the socket has already woken the loop."""
        log.debug("signal %d noted", signum)

    def _wake(self) -> None:
        try:
            got = self._read.recv(64)
        except (BlockingIOError, InterruptedError):
            return
        signums = [b for b in got if b in ENDING]
        if not signums or self.ended:
            return
        self.ended = True
        log.info("told to end (signal %d): keeping drafts, closing", signums[0])
        self._on_end(signums[0])

    def close(self) -> None:
        """Put the earlier handlers back and close the socket."""
        self.notifier.setEnabled(False)
        for sig, old in self._saved.items():
            signal.signal(sig, old)  # type: ignore[arg-type]
        self._saved = {}
        signal.set_wakeup_fd(self._old_fd)
        self._read.close()
        self._write.close()


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
