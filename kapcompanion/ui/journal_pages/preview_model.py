"""The export preview's model: every entry the choice covers, each ticked unless left out.

Rows are made only when drawn (a model, not 10,000 list items), so a preview of the whole
journal opens quickly. An entry left out is struck through and says so to screen
readers, so the choice never rests on the tick alone.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from kapcompanion.journal.export_data import ExportData
from kapcompanion.journal.records import Entry
from kapcompanion.ui.journal_pages.dates import clock_time, day_month_year, short_day

log = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class PreviewModel(QAbstractListModel):
    """Entries newest first with a tick each; :attr:`excluded` holds the ids left out."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_: ExportData | None = None
        self.entries: list[Entry] = []
        self.excluded: set[int] = set()
        self._text: dict[int, tuple[str, str]] = {}  # row -> (two lines, accessible words)

    def set_data(self, data: ExportData | None) -> None:
        """Show the entries of ``data`` (None: nothing), all ticked."""
        self.beginResetModel()
        self.data_ = data
        self.entries = list(reversed(data.entries)) if data is not None else []
        self.excluded = set()
        self._text = {}
        self.endResetModel()

    def set_all(self, included: bool) -> None:
        """Tick (or untick) every entry."""
        self.excluded = set() if included else {e.id for e in self.entries}
        if self.entries:
            self.dataChanged.emit(self.index(0), self.index(len(self.entries) - 1))

    def set_included(self, row: int, included: bool) -> None:
        """Tick or untick the entry on ``row``."""
        entry_id = self.entries[row].id
        if included:
            self.excluded.discard(entry_id)
        else:
            self.excluded.add(entry_id)
        idx = self.index(row)
        self.dataChanged.emit(idx, idx)

    def row_of(self, entry_id: int) -> int:
        """The row of entry ``entry_id`` (-1 when not listed)."""
        return next((i for i, e in enumerate(self.entries) if e.id == entry_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """One row per entry."""
        return 0 if parent.isValid() else len(self.entries)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Chosen and ticked with the keyboard or the mouse."""
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def _words(self, row: int) -> tuple[str, str]:
        if row not in self._text:
            e = self.entries[row]
            if e.practice_id is None:  # a note: its title, else the words the journal uses
                title = e.title or self.tr("Your own words")
            else:
                title = self.data_.practice_title(e) if self.data_ is not None else ""
            when = e.created_at.astimezone()
            text = " ".join(e.display.split())
            self._text[row] = (
                f"{short_day(when.date())} {clock_time(when)} · {title}\n{text}",
                f"{title}, {day_month_year(when.date())}: {text}",
            )
        return self._text[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The two lines, the tick, and (for an entry left out) the strike and the words."""
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        e = self.entries[index.row()]
        left_out = e.id in self.excluded
        if role == Qt.ItemDataRole.DisplayRole:
            return self._words(index.row())[0]
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Unchecked if left_out else Qt.CheckState.Checked
        if role == ID_ROLE:
            return e.id
        if role == Qt.ItemDataRole.AccessibleTextRole:
            words = self._words(index.row())[1]
            return self.tr("Left out: {0}").format(words) if left_out else words
        if role == Qt.ItemDataRole.FontRole and left_out:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and left_out:
            return self.tr("Left out of the file")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """A tick changed (Space, or a click on it)."""
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(value)
        self.set_included(index.row(), state == Qt.CheckState.Checked)
        return True
