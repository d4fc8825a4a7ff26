"""How a practice ends: Esc and its question, "I need to stop", grounding, the end screen.

:class:`PlayerEndings` is given the player it ends practices for (as a
:class:`~kapcompanion.ui.player.host.PlayerHost`) and the player's layout.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, Signal

from kapcompanion.core.session import Status
from kapcompanion.ui.catalogue import length_text
from kapcompanion.ui.player.end_view import SessionResult
from kapcompanion.ui.player.grounding import grounding_practice
from kapcompanion.ui.player.host import PlayerHost
from kapcompanion.ui.player.layout import END_PAGE, PlayerLayout

log = logging.getLogger(__name__)

CONFIRM_AFTER = 30.0  # seconds in, after which Esc asks before stopping
STOP_FADE_MS = 2000


class PlayerEndings(QObject):
    """Stopping, grounding and finishing a practice."""

    finished = Signal(object)  # SessionResult, once the end screen shows

    def __init__(
        self, host: PlayerHost, parts: PlayerLayout, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.host = host
        self.parts = parts
        self._resume_after_confirm = False
        parts.need_stop_requested.connect(self.need_to_stop)
        parts.keep_going_requested.connect(self.keep_going)
        parts.stop_now_requested.connect(self.stop_now)
        parts.grounding_requested.connect(self.start_grounding)
        parts.end_here_requested.connect(lambda: self.finish(completed=False))
        parts.end_view.again_requested.connect(self.again)

    def request_stop(self, *, ask: bool = False) -> None:
        """Esc: stop, asking first when more than 30 seconds in.

        With ``ask`` (the header's Library/Back button) it asks however short the time.
        """
        host, parts = self.host, self.parts
        if host.session is None:
            return
        if parts.confirm.isVisible():
            self.keep_going()
            return
        if host.ready_until is not None:  # not begun yet: simply back to the library
            host.leave()
            return
        if host.session.position <= CONFIRM_AFTER and not ask:
            self.stop_now()
            return
        self._resume_after_confirm = host.session.status is Status.PLAYING
        host.session.pause()
        parts.confirm_text.setText(
            self.tr("Stop here? You've been practising for {t}.").format(
                t=length_text(host.session.practised)
            )
        )
        parts.confirm.show()
        host.set_keys(False)
        parts.keep_going.setFocus(Qt.FocusReason.OtherFocusReason)
        host.tick()

    def keep_going(self) -> None:
        """The answer to "Stop here?": carry on as before."""
        host = self.host
        self.parts.confirm.hide()
        host.set_keys(True)
        if host.session is not None and self._resume_after_confirm:
            host.session.play()
        self.parts.play_button.setFocus(Qt.FocusReason.OtherFocusReason)
        host.tick()

    def stop_now(self) -> None:
        """End the practice now."""
        self.parts.confirm.hide()
        if self.host.session is not None:
            self.host.session.stop()
        if self.host.player is not None:
            self.host.player.stop()
        self.finish(completed=False)

    def need_to_stop(self) -> None:
        """Fade the sound out gently and offer a minute of grounding."""
        host = self.host
        if host.session is None:
            return
        host.session.pause()
        if host.player is not None:
            host.player.stop(fade_ms=STOP_FADE_MS)
        host.halt(keep_session=True)
        self.parts.pages.setCurrentWidget(self.parts.offer)
        self.parts.ground.setFocus(Qt.FocusReason.OtherFocusReason)

    def start_grounding(self) -> None:
        """Play the one-minute grounding."""
        if self.host.session is not None:
            self.host.session.stop()
        self.host.start(grounding_practice(), grounding=True)

    # -- ending ------------------------------------------------------------------

    def result(self) -> SessionResult | None:
        """What the current session came to."""
        host = self.host
        if host.session is None or host.practice is None:
            return None
        s = host.session
        return SessionResult(
            practice_id=host.practice.id,
            title=host.practice.title,
            elapsed=s.practised,  # time spent: pauses and skipped steps do not count
            total=s.timeline.total,
            completed=s.status is Status.FINISHED,
            answers=dict(s.answers),
            values=dict(s.values),
            grounding=host.grounding,
        )

    def finish(self, *, completed: bool) -> None:
        """Stop the sound and show the end screen (``completed``: played to its end)."""
        host = self.host
        result = self.result()
        if host.session is not None and not host.session.done:
            host.session.stop()
        if host.player is not None:
            if host.session is not None:
                host.player.update(host.session.state())
            host.player.stop()
        host.halt(keep_session=True)
        if result is None:
            return
        result.completed = completed and result.completed
        self.parts.end_view.show_result(result)
        self.parts.pages.setCurrentIndex(END_PAGE)
        self.parts.end_view.done.setFocus(Qt.FocusReason.OtherFocusReason)
        self.finished.emit(result)

    def again(self) -> None:
        """Play the same practice once more (the end screen's "Again")."""
        if self.host.practice is not None:
            self.host.start(self.host.practice, grounding=self.host.grounding)
