"""The new-note dialog, whose words are kept as a draft until saved (issue #17).

While the person writes a new entry, the title and words are kept as a draft
(:data:`NEW_NOTE_PLACE`) 0.6 s after typing stops, as answers in the player are
(:class:`~kapcompanion.ui.player.answer_drafts.AnswerDrafts`), and at once when the dialog
closes without a choice (the window closed, the app told to end). The next *New entry*
opens with those words back in place and says so; the Journal's button reads *Continue
your entry* while a draft waits. Saving the entry lets the draft go (the journal page does
that once the entry is stored); *Cancel* (or Escape) with words written asks before letting
them go, and closing the dialog's window keeps them for next time, as a closed letter would.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.ui.player.answer_drafts import AnswerDrafts, StoreSource
from kapcompanion.ui.widgets import text_label

if TYPE_CHECKING:
    from kapcompanion.journal.store import JournalStore

log = logging.getLogger(__name__)

# Where the draft of the new entry being written is kept.
NEW_NOTE_PLACE = "note:new"


def _no_store() -> JournalStore | None:
    return None


class NoteDialog(QDialog):
    """A free-form entry: a title (optional) and the words, kept as a draft while written."""

    def __init__(self, parent: QWidget | None = None, store: StoreSource = _no_store) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New entry"))
        self.setAccessibleName(self.tr("New entry"))
        intro = text_label(
            self.tr("Write whatever you would like to keep. Only you see this."), selectable=True
        )
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("A title, if you like"))
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.text_edit = QPlainTextEdit()
        self.text_edit.setAccessibleName(self.tr("Your words"))
        self.text_edit.setTabChangesFocus(True)
        # Shown when words kept from last time are back in place.
        self.restored = text_label("", "safety", selectable=True)
        self.restored.hide()
        self.hint = text_label("", "muted", selectable=True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.restored)
        lay.addWidget(self.title_edit)
        lay.addWidget(self.text_edit, 1)
        lay.addWidget(self.hint)
        lay.addWidget(self.buttons)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.cancel)
        self.resize(520, 380)
        # Keeps the words as a draft (nowhere when there is no journal store).
        self.keeper = AnswerDrafts(store, self)
        # The person chose to let the words go (Cancel, then yes).
        self.let_go = False
        self._restore()
        self.title_edit.textChanged.connect(self._changed)
        self.text_edit.textChanged.connect(self._changed)
        # The app told to end closes its window, and the journal with it: the words are
        # kept first (a filter installed last runs first, before the journal's own).
        self._window = parent.window() if parent is not None else None
        if self._window is not None:
            self._window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """The window closes under the dialog (a logout, the app ending): keep the words."""
        if watched is self._window and event.type() == QEvent.Type.Close and not self.let_go:
            self.keeper.flush()
        return False

    def _words(self) -> dict[str, str] | None:
        title, text = self.title_edit.text(), self.text_edit.toPlainText()
        return {"title": title, "text": text} if (title.strip() or text.strip()) else None

    def _changed(self) -> None:
        self.keeper.note(NEW_NOTE_PLACE, "note", self._words)

    def _restore(self) -> None:
        kept = self.keeper.load(NEW_NOTE_PLACE)
        value = kept.value if kept is not None else None
        if not isinstance(value, dict) or not isinstance(value.get("text"), str):
            return
        self.title_edit.setText(str(value.get("title") or ""))
        self.text_edit.setPlainText(value["text"])
        self.text_edit.moveCursor(QTextCursor.MoveOperation.End)
        self.restored.setText(self.tr("You were writing this last time; your words are back."))
        self.restored.show()
        self.text_edit.setFocus()

    def _accept(self) -> None:
        if not self.text_edit.toPlainText().strip():
            self.hint.setText(self.tr("Write a few words first, or choose Cancel."))
            self.text_edit.setFocus()
            return
        self.accept()

    def cancel(self) -> None:
        """Cancel or Escape: with words written, ask before letting them go."""
        if self._words() is not None:
            box = QMessageBox(
                QMessageBox.Icon.Question,
                self.tr("Let these words go?"),
                self.tr("What you wrote here has not been saved. Let it go?"),
                parent=self,
            )
            keep = box.addButton(self.tr("Keep writing"), QMessageBox.ButtonRole.RejectRole)
            box.addButton(self.tr("Let them go"), QMessageBox.ButtonRole.DestructiveRole)
            box.setDefaultButton(keep)
            box.setAccessibleName(self.tr("Let these words go?"))
            box.exec()
            if box.clickedButton() is keep or box.clickedButton() is None:
                self.text_edit.setFocus()
                return
        self.let_go = True
        self.keeper.discard(NEW_NOTE_PLACE)
        self.reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Escape is Cancel (it asks first); closing the dialog otherwise keeps the words."""
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.cancel()
            return
        super().keyPressEvent(event)

    @classmethod
    def get_note(
        cls, parent: QWidget | None, store: StoreSource = _no_store
    ) -> tuple[str, str, bool]:
        """Ask for a note: (title, text, ok).

        Unless the person let the words go, they are kept as a draft when this returns;
        the caller lets it go once the note is stored (:func:`forget_new_note`).
        """
        dlg = cls(parent, store)
        ok = dlg.exec() == QDialog.DialogCode.Accepted
        if not dlg.let_go:
            dlg.keeper.flush()  # saved next, or the app is ending: the words are kept
        title, text = dlg.title_edit.text().strip(), dlg.text_edit.toPlainText().strip()
        dlg.deleteLater()
        return title, text, ok


def has_new_note(store: JournalStore | None) -> bool:
    """Whether words of a new entry are waiting from last time."""
    if store is None:
        return False
    try:
        return store.draft(NEW_NOTE_PLACE) is not None
    except Exception:  # an unreadable draft is not offered
        log.exception("cannot read the new entry's draft")
        return False


def forget_new_note(store: JournalStore) -> None:
    """The new entry was stored: its draft goes."""
    try:
        store.discard_draft(NEW_NOTE_PLACE)
    except Exception as exc:  # the entry is saved; a draft left behind is offered later
        log.warning("the new entry's draft could not be let go: %s", type(exc).__name__)
