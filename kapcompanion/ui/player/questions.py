"""The questions a practice asks on the way (its gates): shown, answered, put away."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, Signal

from kapcompanion.core.session import SessionState
from kapcompanion.journal.drafts import answer_place
from kapcompanion.ui.player.answer_drafts import AnswerDrafts
from kapcompanion.ui.player.gates import Gate, make_gate
from kapcompanion.ui.player.host import PlayerHost
from kapcompanion.ui.player.layout import STAGE_RUN, PlayerLayout

log = logging.getLogger(__name__)


class PlayerQuestions(QObject):
    """Shows the gate the session waits at and hands its answer back to the session.

    With :attr:`drafts` set (the window gives it the journal), what is written is kept as
    a draft while the question shows, offered back when the same question opens again,
    and let go once the answer is saved.
    """

    answered = Signal(str, int, object, object)  # practice id, step, save_as, answer

    def __init__(
        self, host: PlayerHost, parts: PlayerLayout, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.host = host
        self.parts = parts
        self.gate: Gate | None = None
        self._segment = -1  # the segment whose gate is shown
        #: Where drafts of answers are kept (None: not kept).
        self.drafts: AnswerDrafts | None = None
        self._place = ""  # the shown question's place, for its draft

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
        self._keep_drafts(self.gate, seg.step)
        self.host.set_keys(False)
        self.gate.first_focus().setFocus(Qt.FocusReason.OtherFocusReason)
        self.parts.guidance.show_text("")

    def _keep_drafts(self, gate: Gate, step: int) -> None:
        """Offer back a draft kept for this question, and keep one as the person writes."""
        drafts, practice = self.drafts, self.host.practice
        if drafts is None or practice is None or self.host.grounding:
            self._place = ""
            return
        place = self._place = answer_place(practice.id, step)
        kept = drafts.load(place)
        if kept is not None and not (kept.kind == gate.kind and gate.offer_draft(kept.value)):
            drafts.discard(place)  # it no longer fits the question (the practice changed)
        gate.changed.connect(
            lambda: drafts.note(
                place, gate.kind, gate.draft_value, practice_id=practice.id, step_index=step
            )
        )
        gate.draft_let_go.connect(lambda: drafts.discard(place))

    def flush(self) -> None:
        """Keep the shown answer's draft now (the window closes, the app is ending)."""
        if self.drafts is not None:
            self.drafts.flush()

    def close(self) -> None:
        """Put the gate away (if one shows) and go back to the practice."""
        self.flush()
        self._place = ""
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
        if self.drafts is not None and self._place:
            self.drafts.discard(self._place)  # saved (or left empty on purpose)
        self.close()
        self.host.tick()  # draws the play button enabled again, so it can take the focus
        # focus back on the player (not the header's Back): Space then pauses
        self.parts.play_button.setFocus(Qt.FocusReason.OtherFocusReason)
