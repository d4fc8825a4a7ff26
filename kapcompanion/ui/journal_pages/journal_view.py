"""The Journal page: every entry newest first by day, search, reading, editing, new notes."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.journal.records import Entry
from kapcompanion.journal.store import JournalStore
from kapcompanion.ui.journal_pages.dates import long_day
from kapcompanion.ui.journal_pages.entry_delegate import EntryDelegate
from kapcompanion.ui.journal_pages.entry_editor import EntryPane
from kapcompanion.ui.journal_pages.entry_model import (
    ENTRY_ROLE,
    META_ROLE,
    STORE_ERRORS,
    EntryListModel,
    as_journal_error,
)
from kapcompanion.ui.journal_pages.note_dialog import NoteDialog, forget_new_note, has_new_note
from kapcompanion.ui.numbers import count

log = logging.getLogger(__name__)

#: Wait this long after the last key before searching.
SEARCH_DELAY_MS = 250

NoteAsker = Callable[[QWidget | None], tuple[str, str, bool]]


def calm_state(title: str, text: str) -> QWidget:
    """A quiet centred message (the journal is closed, or still empty)."""
    box = QWidget()
    head = QLabel(title)
    head.setProperty("role", "h2")
    head.setWordWrap(True)
    head.setAlignment(Qt.AlignmentFlag.AlignCenter)
    body = QLabel(text)
    body.setObjectName("calmText")
    body.setProperty("role", "muted")
    body.setWordWrap(True)
    body.setAlignment(Qt.AlignmentFlag.AlignCenter)
    lay = QVBoxLayout(box)
    lay.addStretch(1)
    lay.addWidget(head)
    lay.addWidget(body)
    lay.addStretch(2)
    box.setAccessibleName(title)
    box.setAccessibleDescription(text)
    return box


class JournalView(QWidget):
    """Search box, the list of entries, and the open entry beside it."""

    export_requested = Signal()
    changed = Signal()  # an entry was saved, added or deleted here

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.store: JournalStore | None = None
        self._keep_edits = False
        #: Asks for a new note (replaceable where no person is there to answer).
        self.ask_note: NoteAsker = lambda parent: NoteDialog.get_note(parent, lambda: self.store)
        self.model = EntryListModel(self)
        title = QLabel(self.tr("Journal"))
        title.setProperty("role", "h1")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search your journal"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search your journal"))
        self.search.setAccessibleDescription(
            self.tr("Words from what you wrote or what was asked. Press Down to reach the list.")
        )
        self.new_button = QPushButton(self.tr("New entry"))
        self.new_button.setAutoDefault(True)
        self.new_button.setAccessibleName(self.tr("Write a new entry"))
        self.export_button = QPushButton(self.tr("Export for my therapist…"))
        self.export_button.setAutoDefault(True)
        self.export_button.setAccessibleName(self.tr("Export for my therapist"))
        self.export_button.setAccessibleDescription(
            self.tr("Choose entries and save them as a Markdown or PDF file.")
        )
        self.count = QLabel("")
        self.count.setProperty("role", "muted")
        self.notice = QLabel("")
        self.notice.setProperty("role", "safety")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(EntryDelegate(self.list))
        self.list.setUniformItemSizes(False)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setAccessibleName(self.tr("Journal entries"))
        self.list.setAccessibleDescription(
            self.tr("Newest first, by day. Press Enter to edit the chosen entry, Escape to return.")
        )
        self.pane = EntryPane()
        split = QSplitter()
        split.addWidget(self.list)
        holder = QScrollArea()  # large text: the open entry scrolls rather than clips
        holder.setWidgetResizable(True)
        holder.setFrameShape(QFrame.Shape.NoFrame)
        holder.setWidget(self.pane)
        split.addWidget(holder)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        split.setSizes([560, 520])
        self.no_match = QLabel(self.tr("Nothing matches those words. You might try fewer."))
        self.no_match.setProperty("role", "muted")
        self.no_match.hide()
        listing = QWidget()
        ll = QVBoxLayout(listing)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.no_match)
        ll.addWidget(split, 1)
        self.closed_state = calm_state(
            self.tr("Your journal isn't open"),
            self.tr(
                "Practices still play as usual. When your journal can be opened, "
                "your answers and notes will be here."
            ),
        )
        self._empty_words = self.tr(
            "Answers you give in practices and notes you write will gather here, "
            "only on this computer. You could begin with a few words: choose New entry."
        )
        self.empty_state = calm_state(self.tr("Your journal is waiting for you"), self._empty_words)
        self.stack = QStackedWidget()
        for w in (self.closed_state, self.empty_state, listing):
            self.stack.addWidget(w)
        self.listing = listing
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.export_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 8, 24, 24)
        lay.setSpacing(10)
        lay.addLayout(top)
        lay.addWidget(self.count)
        lay.addWidget(self.notice)
        lay.addWidget(self.stack, 1)
        self.setFocusProxy(self.list)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.pane)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(lambda: self.list.setFocus(Qt.FocusReason.ShortcutFocusReason))

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._search_now)
        self.search.installEventFilter(self)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.list.activated.connect(self._edit)
        self.new_button.clicked.connect(self.new_entry)
        self.export_button.clicked.connect(self.export_requested.emit)
        self.model.trouble.connect(self._problem)
        self.pane.saved.connect(self._saved)
        self.pane.deleted.connect(self._deleted)
        self.set_store(None, {})

    # -- what is shown -------------------------------------------------------------

    def set_store(self, store: JournalStore | None, titles: Mapping[str, str]) -> None:
        """Show the journal ``store`` (None: the calm "isn't open" state)."""
        self.store = store
        self.new_button.setEnabled(store is not None)
        self.export_button.setEnabled(store is not None)
        self.search.setEnabled(store is not None)
        self.model.attach(store, titles)
        self.refresh()

    def refresh(self) -> None:
        """Read the journal again, keeping the search and (when still there) the entry.

        Changes being made to the open entry stay as they are, unsaved, while it is listed.
        """
        keep = self.pane.entry.id if self.pane.entry is not None else None
        self._keep_edits = self.pane.unsaved()
        self.notice.hide()
        try:
            self.model.reload()
        except STORE_ERRORS as caught:
            exc = as_journal_error(caught)
            self._problem(str(exc))
        self._update_states()
        self._name_new_button()
        if keep is not None and self.model.row_of(keep) >= 0:
            self.select(keep)
        else:
            self._settle()
            self.pane.show_entry(None, None)
        self._keep_edits = False

    def _name_new_button(self) -> None:
        """Name the button "Continue your entry" while a new entry's words wait."""
        waiting = has_new_note(self.store)
        if waiting:
            self.new_button.setText(self.tr("Continue your entry"))
            self.new_button.setAccessibleName(self.tr("Continue the entry you were writing"))
        else:
            self.new_button.setText(self.tr("New entry"))
            self.new_button.setAccessibleName(self.tr("Write a new entry"))
        empty = self.empty_state.findChild(QLabel, "calmText")
        if isinstance(empty, QLabel):
            empty.setText(
                self.tr(
                    "Answers you give in practices and notes you write will gather here, "
                    "only on this computer. You began an entry last time: choose Continue "
                    "your entry."
                )
                if waiting
                else self._empty_words
            )

    def _update_states(self) -> None:
        store = self.store
        if store is None:
            self.stack.setCurrentWidget(self.closed_state)
            self.count.setText("")
            return
        if not self.model.query and self.model.total == 0:
            self.stack.setCurrentWidget(self.empty_state)
            self.count.setText("")
            return
        self.stack.setCurrentWidget(self.listing)
        n = self.model.total
        self.no_match.setVisible(bool(self.model.query) and n == 0)
        if not self.model.counted:
            self.count.setText(self.tr("More than {0} entries match").format(n))
        elif self.model.query:
            self.count.setText(
                self.tr("{0} entries match").format(count(n))
                if n != 1
                else self.tr("1 entry matches")
            )
        else:
            self.count.setText(
                self.tr("{0} entries").format(count(n)) if n != 1 else self.tr("1 entry")
            )

    def _problem(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()

    # -- search --------------------------------------------------------------------

    def run_search(self) -> None:
        """Search now for what the box holds (the debounce calls this)."""
        self._timer.stop()
        if self.store is None:
            return
        self._settle()
        try:
            self.model.set_query(self.search.text())
        except STORE_ERRORS as caught:
            exc = as_journal_error(caught)
            self._problem(str(exc))
        self._update_states()
        self.pane.show_entry(None, None)
        if not self.model.counted:  # the first page shows now; the count comes next
            QTimer.singleShot(0, self._count_all)

    def _count_all(self) -> None:
        try:
            self.model.count_all()
        except STORE_ERRORS as caught:
            exc = as_journal_error(caught)
            self._problem(str(exc))
        self._update_states()

    def _search_now(self) -> None:
        self.run_search()
        self.list.setFocus(Qt.FocusReason.TabFocusReason)
        self._select_row(self._first_entry_row())

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        """Down in the search box moves to the list."""
        if (
            obj is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
        ):
            if self._timer.isActive():
                self.run_search()
            self.list.setFocus(Qt.FocusReason.TabFocusReason)
            if not self.list.currentIndex().isValid():
                self._select_row(self._first_entry_row())
            return True
        return super().eventFilter(obj, event)

    # -- choosing an entry -----------------------------------------------------------

    def _first_entry_row(self) -> int:
        for row in range(self.model.rowCount()):
            if self.model.entry_at(row) is not None:
                return row
        return -1

    def _select_row(self, row: int) -> None:
        if row < 0:
            return
        idx = self.model.index(row)
        self.list.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.list.scrollTo(idx)

    def select(self, entry_id: int) -> bool:
        """Choose entry ``entry_id`` in the list; False when it is not listed."""
        row = self.model.row_of(entry_id)
        self._select_row(row)
        return row >= 0

    def visible_entries(self) -> list[Entry]:
        """The entries listed so far, in order."""
        out = []
        for row in range(self.model.rowCount()):
            e = self.model.entry_at(row)
            if e is not None:
                out.append(e)
        return out

    def _settle(self) -> None:
        """Offer to save changes to the open entry before it makes way for another."""
        shown = self.pane.entry
        if shown is not None and not self.pane.settle():
            self._problem(
                self.tr("{0} Your words, to copy: {1}").format(
                    self.pane.status.text(), self.pane.text_edit.toPlainText()
                )
            )

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry = current.data(ENTRY_ROLE) if current.isValid() else None
        shown = self.pane.entry
        if self._keep_edits and entry is not None and shown is not None and entry.id == shown.id:
            return  # the list was read again: the changes being made stay
        if shown is not None and (entry is None or entry.id != shown.id):
            self._settle()
        if entry is None:
            self.pane.show_entry(None, None)
            return
        self.pane.show_entry(
            self.store,
            entry,
            self.model.pane_heading(entry),
            f"{long_day(entry.day)} · {current.data(META_ROLE)}",
        )

    def _edit(self, index: QModelIndex) -> None:
        """Enter on an entry: to its words (or score)."""
        if index.data(ENTRY_ROLE) is None:
            return
        for w in (self.pane.text_edit, self.pane.score):
            if w.isVisible():
                w.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        self.pane.delete_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- changes ---------------------------------------------------------------------

    def _saved(self, entry: Entry) -> None:
        self.model.replace_entry(entry)
        self.changed.emit()

    def _deleted(self, entry_id: int) -> None:
        row = self.model.row_of(entry_id)
        self.model.drop_entry(entry_id)
        self._update_states()
        nxt = next(
            (r for r in range(max(0, row - 1), self.model.rowCount()) if self.model.entry_at(r)),
            -1,
        )
        if nxt >= 0:
            self._select_row(nxt)
            self.pane.status.setText(self.tr("Deleted"))
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def new_entry(self) -> int | None:
        """Ask for a note and save it; returns its id once it is on disk."""
        if self.store is None:
            return None
        self._settle()
        title, text, ok = self.ask_note(self)
        if not ok or not text:
            self._name_new_button()
            return None
        try:
            entry_id = self.store.add_note(text, title)
        except STORE_ERRORS as caught:
            exc = as_journal_error(caught)
            self._problem(self.tr("Your entry was not saved: {0}").format(exc))
            self._name_new_button()  # its words are kept as a draft: "Continue your entry"
            return None
        forget_new_note(self.store)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.model.forget_query()  # the new entry shows at the top of all
        self.refresh()
        self.select(entry_id)
        self.pane.status.setText(self.tr("Saved"))
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()
        return entry_id
