"""Start-up marks for the benchmark: when the window was first painted, when it answered.

Only when ``KAPCOMPANION_STARTUP_MARKS`` is set in the environment (the start-up benchmark,
``benchmarks/bench_ui_startup.py``, sets it) does :func:`watch` print two lines to stdout,
each with the system's monotonic clock (``time.monotonic()``, the clock the benchmark
reads too)::

    kap-mark painted <seconds>      the window's first paint is done
    kap-mark responsive <seconds>   the event loop answered after it, with the work the
                                    start deferred past the first paint done (the player
                                    built) and the library listing practices: a click is
                                    answered now

Otherwise nothing is watched and nothing printed.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

ENV = "KAPCOMPANION_STARTUP_MARKS"


def wanted() -> bool:
    """Whether the benchmark asked for the marks."""
    return bool(os.environ.get(ENV))


def mark(name: str) -> None:
    """Print one mark with the monotonic clock."""
    print(f"kap-mark {name} {time.monotonic():.6f}", file=sys.stdout, flush=True)


class _FirstPaint(QObject):
    """Prints "painted" after the window's first paint, then "responsive" when answered."""

    def __init__(self, window: QWidget, ready: Callable[[], bool]) -> None:
        super().__init__(window)
        self._ready = ready
        window.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        """On the first paint: mark it and queue the "responsive" check behind what waits."""
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, lambda: mark("painted"))  # after this paint is done
            QTimer.singleShot(0, self._answered)
        return False

    def _answered(self) -> None:
        if self._ready():
            mark("responsive")
        else:  # the library is not listed yet: ask again on the next turn
            QTimer.singleShot(1, self._answered)


def watch(window: QWidget, ready: Callable[[], bool] = lambda: True) -> None:
    """Print the marks for ``window`` when the benchmark asked for them (else nothing)."""
    if wanted():
        _FirstPaint(window, ready)
