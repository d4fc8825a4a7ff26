"""Closing the window mid-practice asks first, as Escape does, and loses nothing (issue #17).

:class:`CloseGuard` watches the main window's close event ahead of every other part (the
window keeps it first, see :meth:`MainWindow.installEventFilter`), so it acts while the
journal is still open:

* the draft of the answer being written is kept at once;
* a practice more than half a minute in asks "Stop here?" in the player, as Escape
  does; "Stop" ends it and then closes the window, "Keep going" carries on;
* a practice that ends with the window (a short one, or "Stop") is recorded as
  unfinished exactly as "Stop here" records it;
* when the app is told to end (:meth:`end_now`: logout, SIGTERM) or quits from elsewhere
  (the tray's Quit) nothing asks.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from kapcompanion.ui.player.view import PlayerView
    from kapcompanion.ui.player_slot import PlayerSlot

log = logging.getLogger(__name__)


class CloseGuard(QObject):
    """Ends (or asks before ending) the practice under way when the window closes."""

    def __init__(self, window: QWidget, slot: PlayerSlot) -> None:
        super().__init__(window)
        self.window = window
        self._slot = slot
        #: The app is being told to end: nothing asks, everything is kept and closed.
        self.forced = False
        #: "Stop here?" shows because the window was closed: "Stop" closes it too.
        self.close_pending = False
        slot.when_built(self._follow)  # no player yet: nothing under way to ask about
        window.installEventFilter(self)
        app = QCoreApplication.instance()
        if app is not None:  # quitting from elsewhere (the tray's Quit) ends it the same way
            app.aboutToQuit.connect(self._app_quitting)

    @property
    def player(self) -> PlayerView | None:
        """The window's player, if it is built (before that nothing can be under way)."""
        return self._slot.built

    def _follow(self, player: PlayerView) -> None:
        player.finished.connect(self._practice_ended)
        player.parts.confirm.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Act on the window's close (ahead of the other parts), and on "Keep going"."""
        kind = event.type()
        if watched is self.window and kind == QEvent.Type.Close:
            if self.hold_close():
                event.ignore()
                return True
            return False
        player = self.player
        if player is not None and watched is player.parts.confirm and kind == QEvent.Type.Hide:
            QTimer.singleShot(0, self._answered)
        return False

    def hold_close(self) -> bool:
        """The window is closing: keep the draft, end the practice; True to ask first."""
        from kapcompanion.ui.player.endings import CONFIRM_AFTER

        player = self.player
        if player is None:
            return False
        player.questions.flush()
        session = player.session
        if session is None or session.done:
            return False
        if (
            not self.forced
            and player.running
            and player.ready_until is None
            and session.position > CONFIRM_AFTER
        ):
            if not player.parts.confirm.isVisible():
                player.request_stop()  # "Stop here? You've been practising for …"
            self.close_pending = True
            self.window.raise_()
            return True
        self.end_practice()
        return False

    def end_practice(self) -> None:
        """End the practice under way as "Stop here" does (recorded as unfinished)."""
        player = self.player
        session = player.session if player is not None else None
        if player is None or session is None or session.done:
            return
        if player.ready_until is not None:  # not begun: nothing was practised
            player.leave()
            return
        player.stop_now()
        log.info("the practice under way ended with the window")

    def end_now(self) -> None:
        """End without asking: keep drafts, end the practice, close the window."""
        self.forced = True
        if self.player is not None:
            self.player.questions.flush()
        self.end_practice()
        self.window.close()

    def _app_quitting(self) -> None:
        self.forced = True
        try:
            if self.player is not None:
                self.player.questions.flush()
            self.end_practice()
        except RuntimeError:  # the window is already gone
            log.debug("quitting after the window went")

    def _practice_ended(self, _result: object) -> None:
        if self.close_pending:
            self.close_pending = False
            QTimer.singleShot(0, self.window.close)

    def _answered(self) -> None:
        """The "Stop here?" question went away; when the practice goes on, the window stays."""
        session = self.player.session if self.player is not None else None
        if session is not None and not session.done:
            self.close_pending = False
