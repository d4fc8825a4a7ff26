"""Guard against a reference-count bug in some PySide6 builds on Python 3.11.

PySide6 6.12.0 on Python 3.11 gives back ``None``, ``True`` and ``False`` without taking
a reference to them (every void method, every ``Signal.emit`` returning ``True``), so each
call lowers their count by one. On 3.12+ these objects are immortal and nothing happens;
on 3.11 the interpreter aborts ("deallocating None", "deallocating True or False") after
a few thousand calls — seconds into a practice at 60 frames per second.

:func:`guard_none` measures whether the running build has the bug (a few void calls,
before and after) and, only then, gives the three singletons a very large count, which is
what Python 3.12 does by design. It is a no-op on healthy builds and on Python 3.12+.
"""

from __future__ import annotations

import ctypes
import logging
import sys

import PySide6
from PySide6.QtCore import QObject

log = logging.getLogger(__name__)

_PROBE_CALLS = 64
_BOOST = 1 << 40
_applied = False


def none_leak_per_call() -> float:
    """How many references to ``None`` one void Qt call loses (0 on a healthy build)."""
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(_PROBE_CALLS):
        probe.setObjectName("probe")
    after = sys.getrefcount(None)
    return max(0.0, (before - after) / _PROBE_CALLS)


def guard_none() -> bool:
    """Apply the guard when this build needs it; returns whether it was applied."""
    global _applied
    if _applied or sys.version_info >= (3, 12):
        return _applied
    leak = none_leak_per_call()
    if leak < 0.5:
        return False
    # The count is the first field of every object (Py_ssize_t ob_refcnt) on CPython 3.11.
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _BOOST
    _applied = True
    log.info(
        "PySide6 %s loses references to None/True/False on Python %d.%d; guarded. "
        "PySide6 6.11 or a later fixed release avoids this.",
        PySide6.__version__,
        *sys.version_info[:2],
    )
    return True
