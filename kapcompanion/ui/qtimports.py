"""A quicker answer to the question PySide6 asks of every module imported after it.

For its opt-in ``from __feature__ import ...`` switches, PySide6 replaces ``__import__``
and, after each import, asks whether the new module's source mentions "PySide6"
(``shibokensupport.feature._mod_uses_pyside``, PYSIDE-2029). It reads the source with
:func:`inspect.getsource`, which looks the module up again among all of ``sys.modules``
on every call, and through :mod:`linecache`, which keeps the text of every file it read:
over the ~150 modules the app imports before its first paint that was 11-17 ms of a 0.19 s
start-up lead (``benchmarks/bench_ui_startup.py``), and with the player's modules 5.6 MB of
source text held for good, 20 MiB of the app's resident memory (December 2026).

:func:`quicken` gives PySide6 the same answer from the module file's bytes. Anything
unusual (no ``.py`` file, a file that cannot be read, text that is not UTF-8) is passed to
PySide6's own function, and a PySide6 without that function is left as it is.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import ModuleType

log = logging.getLogger(__name__)

_MARK = "_kapcompanion_quick"


def _quick(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                data = source.read()
            if b"PySide6" in data:
                return True
            data.decode("utf-8")  # the name would be found in any other UTF-8 text
        except (OSError, UnicodeDecodeError):
            return original(module)
        return False

    setattr(uses_pyside, _MARK, True)
    uses_pyside.__wrapped__ = original  # type: ignore[attr-defined]
    return uses_pyside


def quicken() -> bool:
    """Answer PySide6's per-import question from file bytes; whether it is in place."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original):
        log.debug("PySide6 asks nothing per import here; left as it is")
        return False
    if not getattr(original, _MARK, False):
        feature._mod_uses_pyside = _quick(original)  # type: ignore[attr-defined]
    return True
