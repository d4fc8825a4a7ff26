"""The parts of the app that attach themselves to the main window after it is built.

Each part is a module with ``install(window: MainWindow, ...)`` returning the object that
holds it (the journey, the reminders, ...). An installer adds its pages with
:meth:`MainWindow.add_page`, its actions with :meth:`MainWindow.add_menu_action`, reads the
library and the journal from the window and listens on ``window.hub``. :func:`install_all`
runs them in order and keeps what each returned in a :class:`Parts` record. One that fails
is logged and skipped, so the library and the player (and "Get help now") always open.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kapcompanion.ui.editor import EditorLauncher
    from kapcompanion.ui.journal_pages import JournalPages
    from kapcompanion.ui.journey import Journey
    from kapcompanion.ui.main_window import MainWindow
    from kapcompanion.ui.packs import Packs
    from kapcompanion.ui.reminders.service import Reminders

log = logging.getLogger(__name__)


@dataclass
class Parts:
    """What was installed on a window; None where a part is not installed (or failed)."""

    journey: Journey | None = None
    reminders: Reminders | None = None
    packs: Packs | None = None
    editor: EditorLauncher | None = None
    journal_pages: JournalPages | None = None
    #: The modules whose installer failed (logged and skipped).
    failed: list[str] = field(default_factory=list)


Installer = Callable[["MainWindow", Parts], None]

# Each installer imports its part when it runs, inside install_all's guard: a part that
# cannot even be imported is skipped like one whose install() fails.


def _journey(window: MainWindow, parts: Parts) -> None:
    from kapcompanion.ui import journey

    parts.journey = journey.install(window)


def _reminders(window: MainWindow, parts: Parts) -> None:
    from kapcompanion.ui import reminders

    parts.reminders = reminders.install(window)


def _packs(window: MainWindow, parts: Parts) -> None:
    from kapcompanion.ui import packs

    parts.packs = packs.install(window)


def _editor(window: MainWindow, parts: Parts) -> None:
    from kapcompanion.ui import editor

    parts.editor = editor.install(window)


def _journal_pages(window: MainWindow, parts: Parts) -> None:
    from kapcompanion.ui import journal_pages

    parts.journal_pages = journal_pages.install(window)


#: The parts, installed in this order (one line each).
INSTALLERS: dict[str, Installer] = {
    "kapcompanion.ui.journey": _journey,
    "kapcompanion.ui.reminders": _reminders,
    "kapcompanion.ui.packs": _packs,
    "kapcompanion.ui.editor": _editor,
    "kapcompanion.ui.journal_pages": _journal_pages,
}


def install_all(window: MainWindow, names: Sequence[str] | None = None) -> Parts:
    """Install every part (or those named, keys of :data:`INSTALLERS`); what was installed."""
    parts = Parts()
    for name in INSTALLERS if names is None else names:
        try:
            INSTALLERS[name](window, parts)
        except Exception:  # one broken part must not keep the window from opening
            log.exception("could not install %s", name)
            parts.failed.append(name)
    return parts
