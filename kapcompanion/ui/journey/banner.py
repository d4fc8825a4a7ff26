"""The journal's notice under the header (journal not available, restored, ...).

A thin handle on the main window's notices (:meth:`MainWindow.notify`), so the app has one
kind of notice, and the journal's replaces itself rather than piling up.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QPushButton

if TYPE_CHECKING:
    from kapcompanion.ui.main_window import MainWindow

log = logging.getLogger(__name__)

KEY = "journal"


class Banner:
    """The journal's one notice: :meth:`say` shows or replaces it, :meth:`hide` clears it."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def say(self, message: str) -> None:
        """Show ``message`` (replacing what was shown)."""
        self.window.notify(message, KEY)

    def hide(self) -> None:
        """Take the notice away."""
        self.window.clear_notice(KEY)

    def isHidden(self) -> bool:  # noqa: N802  (reads like the Qt widget it stands for)
        """Whether no journal notice shows."""
        return self.window.notice(KEY) is None

    def message(self) -> str:
        """The text shown, or "" when nothing shows."""
        box = self.window.notice(KEY)
        label = box.findChild(QLabel) if box is not None else None
        return label.text() if label is not None else ""

    @property
    def dismiss(self) -> QPushButton:
        """The notice's Dismiss button (it must be showing)."""
        box = self.window.notice(KEY)
        button = box.findChild(QPushButton) if box is not None else None
        assert button is not None
        return button


def attach(window: MainWindow) -> Banner:
    """The journal's notice handle for ``window``."""
    return Banner(window)
