"""Today's intention card: the intention shown, and written or changed right there.

An intention looks forward: what is written here is saved in the journal as the intention
for the next session not yet done (:func:`kapcompanion.journal.journey.session_for`), the
same entry the "Setting your intention" practice saves. In the days after a session the
card still shows that session's intention, and offers to write one for the next session.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout

from kapcompanion.journal.journey import session_for
from kapcompanion.journal.records import KapSession
from kapcompanion.ui.widgets import text_label

if TYPE_CHECKING:
    from kapcompanion.ui.journey.journal_link import JournalLink

log = logging.getLogger(__name__)

#: The practice whose intention entry the card writes (the same kind of entry it saves).
INTENTION_PRACTICE = "intention-setting"
NAME = "intention"


class IntentionCard(QFrame):
    """The intention of the session today belongs to, with "Write"/"Change" in place."""

    saved = Signal()

    def __init__(self, link: JournalLink) -> None:
        super().__init__()
        self.link = link
        self.setObjectName("card")
        #: The session a new intention is saved for (None: no session, nothing to edit).
        self.target: KapSession | None = None
        self._same = True  # the target is the session whose intention shows
        self._shown = ""  # the intention shown (of the session today belongs to)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(22, 16, 22, 16)
        self.heading = text_label(self.tr("Your intention"), "h2")
        self.text = text_label()
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty = text_label(
            self.tr("Nothing written yet. A few words are enough, and you can change them."),
            "muted",
        )
        self.next_line = text_label(role="muted")
        self.edit_button = QPushButton()
        self.edit_button.setAutoDefault(True)
        self.edit_button.clicked.connect(self.start_editing)
        self.editor = QPlainTextEdit()
        self.editor.setTabChangesFocus(True)
        self.editor.setAccessibleName(self.tr("Your intention"))
        self.editor.setAccessibleDescription(
            self.tr("Saved in your journal for your next session. Ctrl+Enter saves.")
        )
        self.editor.setPlaceholderText(self.tr("For example: I want to be curious"))
        self.editor.setMaximumHeight(120)
        self.save_button = QPushButton(self.tr("Save intention"))
        self.save_button.setProperty("primary", True)
        self.save_button.setAutoDefault(True)
        self.save_button.setAccessibleName(self.tr("Save intention"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(True)
        self.cancel_button.setAccessibleName(self.tr("Cancel, keep it as it was"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.stop_editing)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            sc = QShortcut(QKeySequence(keys), self.editor)
            sc.setContext(Qt.ShortcutContext.WidgetShortcut)
            sc.activated.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        self.edit_row = QHBoxLayout()
        self.edit_row.addWidget(self.edit_button)
        self.edit_row.addStretch(1)
        for w in (self.heading, self.text, self.empty, self.next_line):
            lay.addWidget(w)
        lay.addLayout(self.edit_row)
        lay.addWidget(self.editor)
        lay.addLayout(buttons)
        self._editing(False)

    # -- showing -----------------------------------------------------------------

    def editing(self) -> bool:
        """Whether the intention is being written now."""
        return self.editor.isVisibleTo(self)

    def _editing(self, on: bool) -> None:
        # while its own words are in the field, they are not shown twice
        self.text.setVisible(bool(self._shown) and not (on and self._same))
        self.empty.setVisible(not self._shown and self._same and not on)
        self.editor.setVisible(on)
        self.save_button.setVisible(on)
        self.cancel_button.setVisible(on)
        self.edit_button.setVisible(not on and self.target is not None)

    def show_for(
        self, shown: KapSession | None, intention: str | None, sessions: list[KapSession], day: date
    ) -> None:
        """Show ``intention`` (of ``shown``, the session today belongs to) and what can be edited.

        Left as it is while the person is writing (Today redraws often).
        """
        if self.editing():
            return
        self.target = session_for(day, sessions, NAME) or shown
        self._same = self.target is None or shown is None or self.target.id == shown.id
        self._shown = intention or ""
        self.text.setText(self._shown)
        self.text.setAccessibleName(self.tr("Your intention: {text}").format(text=self._shown))
        upcoming = self.upcoming()
        self.next_line.setText(
            self.tr("For your next session: {text}").format(text=upcoming) if upcoming else ""
        )
        self.next_line.setVisible(not self._same and bool(upcoming))
        if self._same and intention:
            label = self.tr("Change your intention")
        elif self._same:
            label = self.tr("Write your intention")
        elif upcoming:
            label = self.tr("Change your intention for your next session")
        else:
            label = self.tr("Write your intention for your next session")
        self.edit_button.setText(label)
        self.edit_button.setAccessibleName(label)
        self._editing(False)

    def upcoming(self) -> str:
        """The intention saved for the session a new one would be saved for ('' if none)."""
        store = self.link.store
        if store is None or self.target is None:
            return ""
        try:
            return store.intention_for(self.target.id) or ""
        except Exception:  # a read problem: offer an empty field rather than no card
            log.exception("cannot read the intention")
            return ""

    # -- writing -----------------------------------------------------------------

    def start_editing(self) -> None:
        """Open the field with the intention as saved, the cursor at its end."""
        if self.target is None:
            return
        self.editor.setPlainText(self.upcoming())
        self._editing(True)
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def stop_editing(self) -> None:
        """Close the field without saving; the keyboard goes back to the button."""
        self._editing(False)
        self.edit_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Esc while writing: leave it as it was."""
        if event.key() == Qt.Key.Key_Escape and self.editing():
            self.stop_editing()
            return
        super().keyPressEvent(event)

    def save(self) -> bool:
        """Save the words as the intention for the next session; empty words change nothing."""
        text = self.editor.toPlainText().strip()
        target = self.target
        if target is None:
            return False
        if not text or text == self.upcoming():
            self.stop_editing()
            return bool(text)
        prompt = self.tr("My intention for this session is...")
        self._editing(False)  # Today redraws once it is saved, showing the new words
        done = self.link.write(
            self.tr("your intention"),
            lambda store: store.record_answer(
                INTENTION_PRACTICE, 0, NAME, "reflect", text, target.id, prompt=prompt
            ),
        )
        if done is None:  # the banner says why; the words stay in the field
            self._editing(True)
            self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        self.saved.emit()
        self.edit_button.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
