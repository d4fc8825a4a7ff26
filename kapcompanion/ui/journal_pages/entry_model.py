"""The journal list's model: entries newest first, grouped by day, read a page at a time.

Rows are day headings and entries in one flat list: :data:`FIRST` entries at first (more
than a screenful), then :data:`PAGE` at a time through ``canFetchMore``/``fetchMore`` as
the list scrolls, so 10,000 entries never become 10,000 rows at once. Without a search
each page is read from the store; a search shows its first hits at once, then finds
every hit (for the count, and for the rows made as the list scrolls).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from kapcompanion.journal.errors import JournalError
from kapcompanion.journal.records import Entry
from kapcompanion.journal.store import JournalStore
from kapcompanion.ui.journal_pages.dates import clock_time, long_day

log = logging.getLogger(__name__)

#: Entries read when the list opens or a search answers (a screen holds about ten).
FIRST = 60
#: Entries read each time the list scrolls near its end.
PAGE = 200
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # "day" | "entry"
ANSWER_ROLE = Qt.ItemDataRole.UserRole + 3
META_ROLE = Qt.ItemDataRole.UserRole + 4

Index = QModelIndex | QPersistentModelIndex


@dataclass(slots=True)
class Row:
    """One row: a day heading (``entry`` None) or an entry."""

    day: date
    entry: Entry | None = None
    texts: tuple[str, str, str] | None = None  # heading, answer, details (made when drawn)


def unreadable(exc: BaseException) -> JournalError:
    """The plain message for a journal that cannot be read just now."""
    return JournalError(
        f"your journal could not be reached just now ({exc}). Nothing was changed; "
        "try again in a moment, or close and reopen the app"
    )


#: What reading or writing the journal can raise (the store's own errors, and SQLite's
#: when the file goes away under the app).
STORE_ERRORS = (JournalError, sqlite3.Error)


def as_journal_error(exc: BaseException) -> JournalError:
    """A store error as a JournalError with words for the person."""
    return exc if isinstance(exc, JournalError) else unreadable(exc)


def one_line(text: str) -> str:
    """Text on one line (line breaks become spaces)."""
    return " ".join(text.split())


class EntryListModel(QAbstractListModel):
    """Day headings and entries of the open journal, newest first."""

    trouble = Signal(str)  # reading more entries failed (the words to show)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store: JournalStore | None = None
        self._rows: list[Row] = []
        self._loaded = 0  # entries read from the store so far
        self._total = 0  # entries there are to read (all, or the hits of a search)
        self._query = ""
        self._hits: list[Entry] = []  # the hits of the search shown
        self._counted = True  # False while only the first page of hits is known
        self.titles: Mapping[str, str] = {}
        self._sessions: dict[int, str] = {}
        self.today: date | None = None  # for "Today" / "Yesterday"; None = date.today()
        #: The last problem met while reading more (shown by the view), or "".
        self.problem = ""

    # -- filling -----------------------------------------------------------------

    @property
    def store(self) -> JournalStore | None:
        """The journal shown (None when it is not open)."""
        return self._store

    @property
    def query(self) -> str:
        """The search words, or "" for every entry."""
        return self._query

    @property
    def total(self) -> int:
        """How many entries match (all of them without a search)."""
        return self._total

    def attach(self, store: JournalStore | None, titles: Mapping[str, str]) -> None:
        """Use ``store`` and practice ``titles`` from the next :meth:`reload` on."""
        self._store = store
        self.titles = dict(titles)

    def set_store(self, store: JournalStore | None, titles: Mapping[str, str]) -> None:
        """Show ``store`` (or nothing) with practice ``titles`` for the headings."""
        self.attach(store, titles)
        self.reload()

    def forget_query(self) -> None:
        """Show every entry from the next :meth:`reload` on."""
        self._query = ""

    def set_query(self, text: str) -> None:
        """Search for ``text`` ("" shows every entry again)."""
        self._query = text.strip()
        self.reload()

    def reload(self) -> None:
        """Read the journal again from the start.

        Raises:
            JournalError: the journal cannot be read (the list is left empty).
        """
        self.beginResetModel()
        self._rows, self._loaded, self._total, self._hits = [], 0, 0, []
        self._counted = True
        try:
            self._read_first()
        except sqlite3.Error as exc:
            raise unreadable(exc) from None
        finally:
            self.endResetModel()

    def _read_first(self) -> None:
        store = self._store
        if store is None:
            return
        self._sessions = {s.id: self.tr("Session {0}").format(s.number) for s in store.sessions()}
        if self._query:
            # the first page answers at once; every hit is found when counted
            first = store.search(self._query, limit=FIRST + 1)
            self._counted = len(first) <= FIRST
            self._hits = first[:FIRST]
            self._total = len(self._hits)
            self._extend(self._hits)
        else:
            self._total = store.count_entries()
            self._extend(store.entries(limit=FIRST))

    def _rows_for(self, entries: list[Entry]) -> list[Row]:
        out: list[Row] = []
        last = self._rows[-1].day if self._rows else None
        for e in entries:
            day = e.day
            if day != last:
                out.append(Row(day))
                last = day
            out.append(Row(day, e))
        return out

    def _extend(self, entries: list[Entry]) -> None:
        self._rows.extend(self._rows_for(entries))
        self._loaded += len(entries)

    @property
    def counted(self) -> bool:
        """Whether :attr:`total` is every match (False: the first page of a search)."""
        return self._counted

    def count_all(self) -> None:
        """Find every hit of the search shown (rows stay as they are)."""
        if self._counted or self._store is None:
            return
        try:
            hits = self._store.search(self._query)
        except sqlite3.Error as exc:
            raise unreadable(exc) from None
        self._hits = hits
        self._total = len(self._hits)
        self._counted = True

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        """More entries wait (in the store, or among the hits of a search)."""
        return (
            not parent.isValid()
            and self._store is not None
            and (self._loaded < self._total or not self._counted)
        )

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        """Make rows for the next page of entries."""
        if not self.canFetchMore(parent) or self._store is None:
            return
        try:  # called by the view while scrolling: a problem stops the paging, quietly
            if self._query:
                self.count_all()
                batch = self._hits[self._loaded : self._loaded + PAGE]
            else:
                batch = self._store.entries(limit=PAGE, offset=self._loaded)
        except STORE_ERRORS as exc:
            log.warning("journal list stopped at %d entries: %s", self._loaded, exc)
            self._total, self._counted = self._loaded, True
            self.problem = str(as_journal_error(exc))
            self.trouble.emit(self.problem)
            return
        if not batch:
            self._total = self._loaded
            return
        more = self._rows_for(batch)
        before = len(self._rows)
        self.beginInsertRows(QModelIndex(), before, before + len(more) - 1)
        self._rows.extend(more)
        self._loaded += len(batch)
        self.endInsertRows()

    # -- changes made in the view --------------------------------------------------

    def row_of(self, entry_id: int) -> int:
        """The row of entry ``entry_id`` (-1 when not listed)."""
        for i, r in enumerate(self._rows):
            if r.entry is not None and r.entry.id == entry_id:
                return i
        return -1

    def entry_at(self, row: int) -> Entry | None:
        """The entry on ``row`` (None for a day heading or outside the list)."""
        return self._rows[row].entry if 0 <= row < len(self._rows) else None

    def replace_entry(self, entry: Entry) -> None:
        """Show an edited entry in place."""
        row = self.row_of(entry.id)
        if row >= 0:
            self._rows[row].entry = entry
            self._rows[row].texts = None
            idx = self.index(row)
            self.dataChanged.emit(idx, idx)

    def drop_entry(self, entry_id: int) -> None:
        """Take a deleted entry out (and its day heading when it was the day's last)."""
        row = self.row_of(entry_id)
        if row < 0:
            return
        first = row
        lonely = self._rows[row - 1].entry is None and (
            row + 1 >= len(self._rows) or self._rows[row + 1].entry is None
        )
        if lonely:
            first = row - 1
        self.beginRemoveRows(QModelIndex(), first, row)
        del self._rows[first : row + 1]
        self._loaded -= 1
        self._total -= 1
        self.endRemoveRows()

    # -- reading -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Rows shown so far."""
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Entries can be chosen; day headings are passed over by the keyboard."""
        row = self._rows[index.row()] if index.isValid() else None
        if row is None or row.entry is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, answer, details and accessible text of one row."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        e = row.entry
        if role == KIND_ROLE:
            return "day" if e is None else "entry"
        if role == ENTRY_ROLE:
            return e
        if e is None:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return self.day_text(row.day)
            return None
        if role in (Qt.ItemDataRole.DisplayRole, ANSWER_ROLE, META_ROLE):
            if row.texts is None:
                row.texts = (self.heading(e), self.answer(e), self.meta(e))
            if role == Qt.ItemDataRole.DisplayRole:
                return row.texts[0]
            return row.texts[1] if role == ANSWER_ROLE else row.texts[2]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.heading(e)}. {self.answer(e)}. {self.meta(e)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return e.prompt or None
        return None

    def day_text(self, day: date) -> str:
        """A day heading: "Today — Sunday 29 November 2026"."""
        today = self.today or date.today()
        words = long_day(day)
        if day == today:
            return self.tr("Today — {0}").format(words)
        if day == today - timedelta(days=1):
            return self.tr("Yesterday — {0}").format(words)
        return words

    def heading(self, e: Entry) -> str:
        """What the entry answers: the practice and the question, or the note's title."""
        if e.kind == "note":
            return e.title or self.tr("Your own words")
        practice = self.titles.get(e.practice_id or "", e.practice_id or "")
        prompt = one_line(e.prompt)
        return f"{practice} — {prompt}" if prompt else practice

    def pane_heading(self, e: Entry) -> str:
        """The heading above an open entry: the practice (its question shows below)."""
        if e.kind == "note":
            return e.title or self.tr("Your own words")
        return self.titles.get(e.practice_id or "", e.practice_id or "")

    def answer(self, e: Entry) -> str:
        """The answer or score on one line."""
        return one_line(e.display) or self.tr("(nothing written)")

    def kind_text(self, kind: str) -> str:
        """The kind of entry in words."""
        return {
            "reflect": self.tr("Reflection"),
            "check_in": self.tr("Check-in"),
            "checklist": self.tr("Checklist"),
            "note": self.tr("Your note"),
        }.get(kind, kind)

    def session_text(self, e: Entry) -> str:
        """The entry's session ("Session 2"), or ""."""
        return self._sessions.get(e.session_id or -1, "")

    def meta(self, e: Entry) -> str:
        """Time, session and kind: "21:40 · Session 2 · Reflection"."""
        parts = [clock_time(e.created_at)]
        if self.session_text(e):
            parts.append(self.session_text(e))
        parts.append(self.kind_text(e.kind))
        return " · ".join(parts)
