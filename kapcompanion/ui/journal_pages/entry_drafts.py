"""Changes to a journal entry are kept as a draft until saved (issue #17: no lost words).

While the person changes an entry's words (or a note's title) in the Journal page, the
change is kept as a draft (``entry:<id>``) 0.6 s after typing stops, as answers in the
player are (:class:`~kapcompanion.ui.player.answer_drafts.AnswerDrafts`). When the entry
shows again (after the window closed, or the app was ended) the changed words are back in
place with "You were changing this entry last time…" — *Save changes* keeps them, *Let
them go* brings back what is saved. Saving or deleting the entry lets the draft go.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QSignalBlocker
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.ui.player.answer_drafts import AnswerDrafts
from kapcompanion.ui.widgets import text_label

if TYPE_CHECKING:
    from kapcompanion.journal.records import Entry
    from kapcompanion.journal.store import JournalStore

log = logging.getLogger(__name__)


class DraftPane(Protocol):
    """What the drafts need of the entry pane (:class:`EntryPane`)."""

    store: JournalStore | None
    entry: Entry | None
    text_edit: QPlainTextEdit
    title_edit: QLineEdit
    body: QWidget
    saved: Any  # Signal(Entry)
    deleted: Any  # Signal(int)

    def unsaved(self) -> bool:
        """Whether what shows differs from what is stored."""
        ...


def entry_place(entry_id: int) -> str:
    """The place of an entry's draft."""
    return f"entry:{int(entry_id)}"


class EntryDrafts(QObject):
    """Keeps and offers back the draft of the entry an :class:`EntryPane` shows."""

    def __init__(self, pane: DraftPane, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pane = pane
        self.keeper = AnswerDrafts(lambda: pane.store, self)
        self._showing = False
        # Entries changed since the page opened: their drafts are this sitting's own
        # (the journal view keeps or drops those changes itself), never offered back.
        self._touched: set[str] = set()
        self.offer = QFrame()
        self.offer.setObjectName("draftOffer")
        row = QHBoxLayout(self.offer)
        row.setContentsMargins(0, 0, 0, 0)
        words = self.tr(
            "You were changing this entry last time; your words are back. "
            "Save changes to keep them."
        )
        row.addWidget(text_label(words, "safety"), 1)
        self.let_go = QPushButton(self.tr("Let them go"))
        self.let_go.setAutoDefault(True)
        self.let_go.setAccessibleName(self.tr("Let go of the changes and show what is saved"))
        row.addWidget(self.let_go)
        self.offer.setAccessibleName(words)
        self.offer.hide()
        self.let_go.clicked.connect(self._let_go)
        pane.text_edit.textChanged.connect(self._changed)
        pane.title_edit.textChanged.connect(self._changed)
        pane.saved.connect(lambda entry: self._forget(entry.id))
        pane.deleted.connect(self._forget)

    def _place(self) -> str | None:
        entry = self.pane.entry
        if entry is None or entry.kind not in ("reflect", "note"):
            return None
        return entry_place(entry.id)

    def _value(self) -> dict[str, str] | None:
        if not self.pane.unsaved():
            return None  # back as saved: no draft
        return {"text": self.pane.text_edit.toPlainText(), "title": self.pane.title_edit.text()}

    def _changed(self) -> None:
        place = self._place()
        if self._showing or place is None:
            return
        self._touched.add(place)
        self.keeper.note(place, "note", self._value)

    def before_show(self) -> None:
        """Another entry (or none) is about to show: keep this one's change first."""
        self.keeper.flush()
        self._showing = True
        self.offer.hide()

    def after_show(self) -> None:
        """The entry shows: put a kept change back in place, and say so."""
        self._showing = False
        place = self._place()
        if place is None:
            return
        kept = self.keeper.load(place)
        if kept is not None and place in self._touched:
            self.keeper.discard(place)  # changed and left in this sitting (kept or declined)
            return
        value = kept.value if kept is not None else None
        if not isinstance(value, dict) or not isinstance(value.get("text"), str):
            return
        with QSignalBlocker(self.pane.text_edit), QSignalBlocker(self.pane.title_edit):
            self.pane.text_edit.setPlainText(value["text"])
            if self.pane.entry is not None and self.pane.entry.kind == "note":
                self.pane.title_edit.setText(str(value.get("title") or ""))
        self.pane.text_edit.moveCursor(QTextCursor.MoveOperation.End)
        if not self.pane.unsaved():  # the same as saved: nothing to offer
            self.keeper.discard(place)
            return
        layout = self.pane.body.layout()
        if isinstance(layout, QVBoxLayout) and layout.indexOf(self.offer) < 0:
            layout.insertWidget(3, self.offer)  # under the prompt, above the words
        self.offer.setVisible(True)

    def _let_go(self) -> None:
        place, entry = self._place(), self.pane.entry
        self.offer.hide()
        if place is None or entry is None:
            return
        self.keeper.discard(place)
        with QSignalBlocker(self.pane.text_edit), QSignalBlocker(self.pane.title_edit):
            self.pane.text_edit.setPlainText(entry.text)
            self.pane.title_edit.setText(entry.title)
        self.pane.text_edit.moveCursor(QTextCursor.MoveOperation.End)
        self.pane.text_edit.setFocus()

    def _forget(self, entry_id: int) -> None:
        self.offer.hide()
        self.keeper.discard(entry_place(entry_id))

    def flush(self) -> None:
        """Keep the waiting change now (the window closes, the app is ending)."""
        self.keeper.flush()
