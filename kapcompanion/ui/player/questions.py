"""The questions a practice asks on the way (its gates): shown, answered, put away."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, Signal

from kapcompanion.core.session import SessionState
from kapcompanion.ui.player.gates import Gate, make_gate
from kapcompanion.ui.player.host import PlayerHost
from kapcompanion.ui.player.layout import STAGE_RUN, PlayerLayout

log = logging.getLogger(__name__)


class PlayerQuestions(QObject):
    """Shows the gate the session waits at and hands its answer back to the session."""

    answered = Signal(str, int, object, object)  # practice id, step, save_as, answer

    def __init__(
        self, host: PlayerHost, parts: PlayerLayout, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.host = host
        self.parts = parts
        self.gate: Gate | None = None
        self._segment = -1  # the segment whose gate is shown

    def show(self, state: SessionState) -> None:
        """Show the gate of ``state``'s segment (once; later frames leave it be)."""
        seg = state.segment
        if seg is None or seg.gate is None or self.host.session is None:
            return
        if self._segment == seg.index and self.gate is not None:
            return
        self.close()
        self._segment = seg.index
        self.gate = make_gate(seg.gate, self.host.values())
        self.gate.continued.connect(self._answer)
        self.gate.setMaximumWidth(760)
        self.gate.setMinimumWidth(min(520, max(300, self.host.width() - 420)))
        self.parts.put_gate(self.gate)
        self.host.set_keys(False)
        self.gate.first_focus().setFocus(Qt.FocusReason.OtherFocusReason)
        self.parts.guidance.show_text("")

    def close(self) -> None:
        """Put the gate away (if one shows) and go back to the practice."""
        if self.gate is not None:
            self.gate.hide()
            self.gate.deleteLater()
            self.gate = None
        self._segment = -1
        self.parts.stage.setCurrentIndex(STAGE_RUN)
        session = self.host.session
        if self.host.ready_until is None and session is not None and not session.done:
            self.host.set_keys(True)

    def _answer(self, answer: object) -> None:
        session = self.host.session
        if session is None or session.waiting_gate is None:
            return
        seg = session.waiting_gate
        session.continue_gate(answer)
        name = getattr(seg.gate, "save_as", None)
        if self.host.practice is not None:
            self.answered.emit(self.host.practice.id, seg.step, name, answer)
        self.close()
        self.host.tick()  # draws the play button enabled again, so it can take the focus
        # focus back on the player (not the header's Back): Space then pauses
        self.parts.play_button.setFocus(Qt.FocusReason.OtherFocusReason)
