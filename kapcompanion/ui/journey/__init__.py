"""The journey in the app: the journal, Today, sessions, privacy and backups.

The journal is opened at start, Today is the home page, the sessions dialog and privacy
and backups are in the More menu, and the player's answers are kept in the journal.

``install(window)`` is called by :func:`kapcompanion.ui.extensions.install_all`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer

from kapcompanion.core.model import Program
from kapcompanion.ui.journey import passphrase
from kapcompanion.ui.journey.journal_link import AskPassphrase, JournalLink, local_now
from kapcompanion.ui.journey.today_view import TodayView

if TYPE_CHECKING:
    from kapcompanion.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class Journey(QObject):
    """Holds the journey's parts for one window (``parts.journey`` of the app's window)."""

    def __init__(
        self,
        window: MainWindow,
        *,
        now: Callable[[], datetime] = local_now,
        ask_passphrase: AskPassphrase = passphrase.ask,
        programs: Callable[[], Mapping[str, Program]] | None = None,
        path: Path | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self._load_programs = programs or (lambda: window.programs)
        self._programs: dict[str, Program] | None = None
        self.link = JournalLink(window, now=now, ask_passphrase=ask_passphrase, path=path)
        self.today = TodayView(window, self.link, self.programs, self.link.today)
        window.add_page(
            "today", self.tr("Today"), self.today, shortcut="Ctrl+1", home=True, position=0
        )
        window.add_menu_action(self.tr("Your sessions…"), self.open_sessions)
        window.add_menu_action(self.tr("Privacy and backups…"), self.open_privacy)
        self.open_action = window.add_menu_action(self.tr("Open your journal…"), self.reopen)
        hub = window.hub
        hub.journal_changed.connect(self._journal_changed)
        hub.settings_changed.connect(lambda _s: self.today.refresh())
        hub.library_changed.connect(self._library_changed)
        self.link.written.connect(self.today.refresh)
        self.today.start_requested.connect(window.start_practice)
        self.today.sessions_requested.connect(self.open_sessions)

    def programs(self) -> Mapping[str, Program]:
        """The library's programs (asked once, again after the library changes)."""
        if self._programs is None:
            self._programs = dict(self._load_programs())
        return self._programs

    def _library_changed(self) -> None:
        self._programs = None
        self.today.refresh()

    def _journal_changed(self, store: object) -> None:
        self.open_action.setEnabled(store is None)
        self.today.refresh()

    def reopen(self) -> None:
        """Try to open the journal again (after "Not now" or a problem)."""
        self.link.open()

    def open_sessions(self) -> None:
        """Show the sessions dialog; Today follows the changes."""
        from kapcompanion.ui.journey.sessions_dialog import SessionsDialog  # lazy: when opened

        if self.link.store is None:
            self.link.banner.say(
                self.link.problem
                or self.tr("Your journal isn't open, so sessions can't be kept just now.")
            )
            return
        dialog = SessionsDialog(self.link, self.programs(), self.link.today, self.window)
        dialog.exec()
        dialog.deleteLater()
        self.today.refresh()

    def open_privacy(self) -> None:
        """Show the privacy and backups dialog."""
        from kapcompanion.ui.journey.privacy import PrivacyDialog  # lazy: when opened

        dialog = PrivacyDialog(self.link, self.window)
        dialog.exec()
        dialog.deleteLater()
        self.today.refresh()


def install(
    window: MainWindow,
    *,
    now: Callable[[], datetime] = local_now,
    ask_passphrase: AskPassphrase = passphrase.ask,
    programs: Callable[[], Mapping[str, Program]] | None = None,
    path: Path | None = None,
) -> Journey:
    """Open the journal, add Today (the home page) and the journey's menu actions.

    The options go to :class:`Journey` (for tests); ``programs`` defaults to the window's.
    """
    journey = Journey(window, now=now, ask_passphrase=ask_passphrase, programs=programs, path=path)
    journey.link.open()
    if window.current_view() != "player":
        window.show_page("today")
        QTimer.singleShot(0, lambda: _focus_today(window))
    return journey


def _focus_today(window: MainWindow) -> None:
    """Once the window shows, the keyboard starts on Today (its first suggestion)."""
    if window.current_view() == "today":
        window.pages["today"].setFocus(Qt.FocusReason.OtherFocusReason)
