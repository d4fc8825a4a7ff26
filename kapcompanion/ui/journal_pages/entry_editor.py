"""Reading and changing one entry, the before/after beside it, and the new-note dialog."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.journal.records import Entry
from kapcompanion.journal.store import JournalStore
from kapcompanion.ui.journal_pages.dates import day_month_year
from kapcompanion.ui.journal_pages.entry_drafts import EntryDrafts
from kapcompanion.ui.journal_pages.entry_model import STORE_ERRORS, as_journal_error
from kapcompanion.ui.widgets import text_label

log = logging.getLogger(__name__)

#: Reflections this many days after a session sit beside its intention (as in the export).
AFTER_DAYS = 7
AFTER_SHOWN = 3

Confirm = Callable[[QWidget, str, str], bool]


def ask_yes_no(parent: QWidget, title: str, text: str) -> bool:
    """Ask a plain question; True when the person chose Yes (No is the default)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setAccessibleName(title)
    return box.exec() == QMessageBox.StandardButton.Yes


class BeforeAfterBox(QFrame):
    """A session's intention (before) beside the first reflections after it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.before_title = text_label(self.tr("Before your session"), "muted", selectable=True)
        self.before = text_label(selectable=True)
        self.after_title = text_label(self.tr("After it"), "muted", selectable=True)
        self.after = text_label(selectable=True)
        self.heading = text_label("", "muted", selectable=True)
        cols = QHBoxLayout()
        for title, body in ((self.before_title, self.before), (self.after_title, self.after)):
            col = QVBoxLayout()
            col.addWidget(title)
            col.addWidget(body)
            col.addStretch(1)
            cols.addLayout(col, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.addWidget(self.heading)
        lay.addLayout(cols)

    def show_for(self, store: JournalStore, entry: Entry) -> bool:
        """Fill in for the entry's session; False (and hidden) when there is nothing."""
        sid = entry.session_id
        if sid is None:
            self.hide()
            return False
        try:
            session = store.session(sid)
            intention = store.intention_for(sid)
            after = [
                e
                for e in store.entries(
                    session_id=sid,
                    kinds=("reflect", "note"),
                    date_from=session.on_date,
                    date_to=session.on_date + timedelta(days=AFTER_DAYS),
                    newest_first=False,
                )
                if e.name != "intention"
            ]
        except STORE_ERRORS as caught:
            exc = as_journal_error(caught)
            log.warning("no before/after: %s", exc)
            self.hide()
            return False
        if intention is None and not after:
            self.hide()
            return False
        self.heading.setText(
            self.tr("Session {0}, {1}").format(session.number, day_month_year(session.on_date))
        )
        self.before.setText(intention or self.tr("No intention was written for this session."))
        shown = [f"• {' '.join(e.display.split())}" for e in after[:AFTER_SHOWN]]
        if len(after) > AFTER_SHOWN:
            shown.append(self.tr("…and {0} more in your journal").format(len(after) - AFTER_SHOWN))
        self.after.setText("\n".join(shown) or self.tr("Nothing written after it yet."))
        self.setAccessibleName(self.tr("Before and after your session"))
        self.setAccessibleDescription(
            self.tr("Before: {0}. After: {1}").format(self.before.text(), self.after.text())
        )
        self.show()
        return True


class EntryPane(QWidget):
    """One entry to read, change (text, title or score) and delete (asking first)."""

    saved = Signal(object)  # the Entry as now stored
    deleted = Signal(int)  # its id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store: JournalStore | None = None
        self.entry: Entry | None = None
        #: Asks before deleting (replaceable where no person is there to answer).
        self.confirm: Confirm = ask_yes_no
        self.placeholder = text_label(
            self.tr("Choose an entry to read it here."), "muted", selectable=True
        )
        self.heading = text_label("", "h2", selectable=True)
        self.meta = text_label("", "muted", selectable=True)
        self.prompt = text_label("", selectable=True)
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.title_edit.setPlaceholderText(self.tr("A title, if you like"))
        self.text_edit = QPlainTextEdit()
        self.text_edit.setAccessibleName(self.tr("Your words"))
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setMinimumHeight(self.fontMetrics().height() * 6)
        self.score = QSpinBox()
        self.score.setRange(0, 10)
        self.score.setAccessibleName(self.tr("Score from 0 to 10"))
        self.score_row = QWidget()
        sr = QHBoxLayout(self.score_row)
        sr.setContentsMargins(0, 0, 0, 0)
        sr.addWidget(QLabel(self.tr("Score (0–10)")))
        sr.addWidget(self.score)
        sr.addStretch(1)
        self.checklist = text_label("", selectable=True)
        self.save_button = QPushButton(self.tr("Save changes"))
        self.save_button.setProperty("primary", True)
        self.save_button.setAutoDefault(True)
        self.save_button.setAccessibleName(self.tr("Save changes to this entry"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setAutoDefault(True)
        self.delete_button.setAccessibleName(self.tr("Delete this entry"))
        self.delete_button.setAccessibleDescription(self.tr("Asks before anything is removed."))
        self.status = text_label("", "muted", selectable=True)
        self.status.setAccessibleName(self.tr("What happened"))
        self.pair = BeforeAfterBox()
        self.pair.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        self.body = QWidget()
        bl = QVBoxLayout(self.body)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.setSpacing(8)
        for w in (self.heading, self.meta, self.prompt, self.title_edit):
            bl.addWidget(w)
        bl.addWidget(self.text_edit, 1)
        bl.addWidget(self.score_row)
        bl.addWidget(self.checklist)
        bl.addLayout(buttons)
        bl.addWidget(self.status)
        bl.addWidget(self.pair)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 0, 0, 0)
        lay.addWidget(self.placeholder)
        lay.addWidget(self.body, 1)
        self.body.hide()
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.drafts = EntryDrafts(self, self)  # changes kept until saved (no lost words)

    def show_entry(self, store: JournalStore | None, entry: Entry | None, heading: str = "",
                   meta: str = "") -> None:  # fmt: skip
        """Show ``entry`` (None: the placeholder)."""
        self.drafts.before_show()
        self.store, self.entry = store, entry
        self.status.setText("")
        if store is None or entry is None:
            self.body.hide()
            self.placeholder.show()
            self.drafts.after_show()
            return
        self.placeholder.hide()
        self.body.show()
        self.heading.setText(heading)
        self.meta.setText(meta)
        self.prompt.setText(entry.prompt)
        self.prompt.setVisible(bool(entry.prompt) and entry.kind != "note")
        is_text = entry.kind in ("reflect", "note")
        self.title_edit.setVisible(entry.kind == "note")
        self.title_edit.setText(entry.title)
        self.text_edit.setVisible(is_text)
        self.text_edit.setPlainText(entry.text if is_text else "")
        self.score_row.setVisible(entry.kind == "check_in")
        self.score.setValue(round(entry.score or 0))
        self.checklist.setVisible(entry.kind == "checklist")
        # item by item from the answer itself: an item with a comma in it stays whole
        ticks = entry.value if entry.kind == "checklist" else {}
        self.checklist.setText(
            "\n".join(f"{'☑' if done else '☐'} {item}" for item, done in ticks.items())
        )
        self.save_button.setVisible(entry.kind != "checklist")
        self.pair.show_for(store, entry)
        self.drafts.after_show()

    def unsaved(self) -> bool:
        """Whether the words, title or score shown differ from what is stored."""
        e = self.entry
        if e is None or self.store is None:
            return False
        if e.kind == "check_in":
            return self.score.value() != round(e.score or 0)
        if e.kind == "checklist":
            return False
        changed = self.text_edit.toPlainText().strip() != e.text.strip()
        return changed or (e.kind == "note" and self.title_edit.text().strip() != e.title)

    def settle(self) -> bool:
        """Before this entry makes way for another: offer to save unsaved changes.

        Returns False only when the changes could not be saved (the reason is shown).
        """
        if not self.unsaved():
            return True
        if not self.confirm(
            self,
            self.tr("Save your changes?"),
            self.tr("You changed this entry. Save the changes before moving on?"),
        ):
            return True
        return self.save()

    def save(self) -> bool:
        """Write the changes; says "Saved" only once the store has committed them."""
        store, entry = self.store, self.entry
        if store is None or entry is None:
            return False
        try:
            if entry.kind == "check_in":
                store.update_entry(entry.id, score=float(self.score.value()))
            else:
                text = self.text_edit.toPlainText().strip()
                if not text:
                    self.status.setText(
                        self.tr("There are no words to save. To remove the entry, use Delete.")
                    )
                    return False
                title = self.title_edit.text().strip() if entry.kind == "note" else None
                store.update_entry(entry.id, text=text, title=title)
            fresh = store.entry(entry.id)
        except STORE_ERRORS as caught:
            exc = as_journal_error(caught)
            self.status.setText(self.tr("Not saved: {0}").format(exc))
            return False
        self.entry = fresh
        self.status.setText(self.tr("Saved"))
        self.saved.emit(fresh)
        return True

    def delete(self) -> bool:
        """Delete the entry after asking; True when it is gone."""
        store, entry = self.store, self.entry
        if store is None or entry is None:
            return False
        if not self.confirm(
            self,
            self.tr("Delete this entry?"),
            self.tr("This entry will be removed from your journal for good."),
        ):
            self.status.setText(self.tr("Kept — nothing was deleted."))
            return False
        try:
            store.delete_entry(entry.id)
        except STORE_ERRORS as caught:
            exc = as_journal_error(caught)
            self.status.setText(self.tr("Not deleted: {0}").format(exc))
            return False
        self.show_entry(None, None)
        self.status.setText(self.tr("Deleted"))
        self.deleted.emit(entry.id)
        return True


def inform(parent: QWidget, title: str, text: str) -> None:
    """Tell the person something plainly, with one OK button."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    box.setAccessibleName(title)
    box.exec()
