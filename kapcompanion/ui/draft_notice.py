"""On the next start, say where words were left unfinished and offer to go back (issue #17).

When the journal opens and holds drafts of answers (the window closed, or the app was
ended, while the person was writing), a calm notice names the practice and offers
"Go back to it": the practice opens at that question, where the words are offered back
in place ("keep it" / "let it go", see :meth:`Gate.offer_draft`).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton

if TYPE_CHECKING:
    from kapcompanion.core.model import Practice
    from kapcompanion.journal.drafts import Draft
    from kapcompanion.ui.player.view import PlayerView

log = logging.getLogger(__name__)

KEY = "drafts"


class NoticeWindow(Protocol):
    """What the notice needs of the main window (:class:`MainWindow`)."""

    hub: Any  # journal_changed, answer_given

    @property
    def player(self) -> PlayerView:
        """The window's player (built when first asked for)."""
        ...

    @property
    def practices(self) -> Mapping[str, Practice]:
        """The library's practices by id."""
        ...

    def notify(self, text: str, key: str = "") -> QFrame:
        """Show a notice under the header."""
        ...

    def clear_notice(self, key: str) -> None:
        """Take a notice away."""

    def play(self, practice: Practice) -> None:
        """Open ``practice`` in the player."""


class DraftNotice(QObject):
    """Shows the notice once per opening of the journal, for the newest draft."""

    def __init__(self, window: NoticeWindow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.button: QPushButton | None = None
        window.hub.journal_changed.connect(self.show_for)
        window.hub.answer_given.connect(lambda *_a: window.clear_notice(KEY))

    def show_for(self, store: object) -> None:
        """The journal opened (or closed): offer the newest draft of a practice's answer."""
        read: Any = getattr(store, "drafts", None)  # an open JournalStore's
        if read is None:
            self.window.clear_notice(KEY)
            return
        try:
            drafts = [d for d in read() if d.practice_id and d.step_index is not None]
        except Exception:  # the notice is a kindness; the drafts stay where they are
            log.exception("cannot read the drafts")
            return
        found = [(d, self.window.practices.get(d.practice_id or "")) for d in drafts]
        found = [(d, p) for d, p in found if p is not None]
        if not found:
            return
        draft, practice = found[0]
        text = self.tr(
            "You were writing in “{title}” when it last closed. Your words are kept for you."
        ).format(title=practice.title)
        box = self.window.notify(text, KEY)
        self.button = QPushButton(self.tr("Go back to it"))
        self.button.setAccessibleName(self.tr("Go back to what you were writing"))
        self.button.clicked.connect(lambda: self.go_back(draft))
        row = box.layout()
        if isinstance(row, QHBoxLayout):
            row.insertWidget(1, self.button)

    def go_back(self, draft: Draft) -> None:
        """Open the draft's practice at its question (the words are offered there)."""
        practice = self.window.practices.get(draft.practice_id or "")
        self.window.clear_notice(KEY)
        if practice is None:
            return
        self.window.play(practice)
        if draft.step_index:
            self.window.player.start(practice, start_step=draft.step_index)
