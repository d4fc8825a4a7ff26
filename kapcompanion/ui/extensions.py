"""The parts of the app that attach themselves to the main window after it is built.

Each entry names a module with ``install(window: MainWindow) -> None``. An installer adds
its pages with :meth:`MainWindow.add_page`, its actions with
:meth:`MainWindow.add_menu_action` and listens on ``window.hub``. One that fails is logged
and skipped, so the library and the player (and "Get help now") always open.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kapcompanion.ui.main_window import MainWindow

log = logging.getLogger(__name__)

#: Modules installed in this order (one line each).
INSTALLERS: list[str] = [
    "kapcompanion.ui.journey",
    "kapcompanion.ui.reminders",
    "kapcompanion.ui.packs",
    "kapcompanion.ui.editor",
    "kapcompanion.ui.journal_pages",
]


def install_all(window: MainWindow, names: list[str] | None = None) -> list[str]:
    """Install every extension; return the names of those that failed."""
    failed: list[str] = []
    for name in INSTALLERS if names is None else names:
        try:
            importlib.import_module(name).install(window)
        except Exception:  # one broken part must not keep the window from opening
            log.exception("could not install %s", name)
            failed.append(name)
    return failed
