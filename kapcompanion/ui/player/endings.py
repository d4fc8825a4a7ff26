"""How a practice ends: Esc and its question, "I need to stop", grounding, the end screen.

Mixed into :class:`~kapcompanion.ui.player.view.PlayerView`, whose widgets and session
it uses.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt

from kapcompanion.core.session import Status
from kapcompanion.ui.catalogue import length_text
from kapcompanion.ui.player.end_view import SessionResult
from kapcompanion.ui.player.grounding import grounding_practice

log = logging.getLogger(__name__)

CONFIRM_AFTER = 30.0  # seconds in, after which Esc asks before stopping
STOP_FADE_MS = 2000


class PlayerEndings:
    """Stopping, grounding and finishing a practice."""

    tr: Any

    def request_stop(self) -> None:
        """Esc: stop, asking first when more than 30 seconds in."""
        if self.session is None:
            return
        if self.confirm.isVisible():
            self._keep_going()
            return
        if self.ready_until is not None:  # not begun yet: simply back to the library
            self.leave()
            return
        if self.session.position <= CONFIRM_AFTER:
            self.stop_now()
            return
        self._resume_after_confirm = self.session.status is Status.PLAYING
        self.session.pause()
        self.confirm_text.setText(
            self.tr("Stop here? You've been practising for {t}.").format(
                t=length_text(self.session.position)
            )
        )
        self.confirm.show()
        self._set_keys(False)
        self.keep_going.setFocus(Qt.FocusReason.OtherFocusReason)
        self.tick()

    def _keep_going(self) -> None:
        self.confirm.hide()
        self._set_keys(True)
        if self.session is not None and self._resume_after_confirm:
            self.session.play()
        self.play_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.tick()

    def stop_now(self) -> None:
        """End the practice now."""
        self.confirm.hide()
        if self.session is not None:
            self.session.stop()
        if self.player is not None:
            self.player.stop()
        self._finish(completed=False)

    def need_to_stop(self) -> None:
        """Fade the sound out gently and offer a minute of grounding."""
        if self.session is None:
            return
        self.session.pause()
        if self.player is not None:
            self.player.stop(fade_ms=STOP_FADE_MS)
        self._halt(keep_session=True)
        self.pages.setCurrentWidget(self.offer)
        self.ground.setFocus(Qt.FocusReason.OtherFocusReason)

    def start_grounding(self) -> None:
        """Play the one-minute grounding."""
        if self.session is not None:
            self.session.stop()
        self.start(grounding_practice(), grounding=True)

    # -- ending ------------------------------------------------------------------

    def result(self) -> SessionResult | None:
        """What the current session came to."""
        if self.session is None or self.practice is None:
            return None
        s = self.session
        return SessionResult(
            practice_id=self.practice.id,
            title=self.practice.title,
            elapsed=s.position,
            total=s.timeline.total,
            completed=s.status is Status.FINISHED,
            answers=dict(s.answers),
            values=dict(s.values),
            grounding=self.grounding,
        )

    def _finish(self, *, completed: bool) -> None:
        result = self.result()
        if self.session is not None and not self.session.done:
            self.session.stop()
        if self.player is not None:
            if self.session is not None:
                self.player.update(self.session.state())
            self.player.stop()
        self._halt(keep_session=True)
        if result is None:
            return
        result.completed = completed and result.completed
        self.end_view.show_result(result)
        self.pages.setCurrentIndex(3)
        self.end_view.done.setFocus(Qt.FocusReason.OtherFocusReason)
        self.finished.emit(result)

    def _again(self) -> None:
        if self.practice is not None:
            practice = self.practice
            self.start(practice, grounding=self.grounding)
