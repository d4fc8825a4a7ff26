"""The side panel: every step with its start time and length, and "Preview from here".

Times come from the compiled timeline of the last version without errors
(:func:`kapcompanion.core.timeline.compile_practice`, via
:func:`kapcompanion.ui.editor.live_check.step_rows`), so they are exactly what plays.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.core.model import Practice
from kapcompanion.ui.editor.live_check import StepRow, clock_text

__all__ = ["StepModel", "StepPanel", "clock_text"]

log = logging.getLogger(__name__)

_ROOT = QModelIndex()
_DISPLAY = Qt.ItemDataRole.DisplayRole


class StepModel(QAbstractTableModel):
    """The step rows as a table; a new list replaces the old in one signal, however long."""

    def __init__(self, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.rows: list[tuple[str, str, str, str, str]] = []

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802
        """Rows (none under a row: a flat list)."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802
        """Number, step, starts, length."""
        return 0 if parent.isValid() else 4

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        """Text, the full title as a tooltip, times aligned right."""
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (_DISPLAY, Qt.ItemDataRole.AccessibleTextRole):
            return row[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
            return row[4]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY
    ) -> Any:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY:
            return self.headers[section]
        return None

    def set_rows(self, rows: list[tuple[str, str, str, str, str]]) -> None:
        """Replace the rows: one signal when the count is unchanged, else a reset."""
        if rows == self.rows:
            return
        if len(rows) == len(self.rows) and rows:
            changed = [i for i, (a, b) in enumerate(zip(rows, self.rows, strict=True)) if a != b]
            self.rows = rows
            # only the changed span repaints (typing in one step's text changes one row)
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], 3))
        else:
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()


class StepPanel(QWidget):
    """Lists the steps; emits :attr:`chosen` (index) and :attr:`preview_requested` (index)."""

    chosen = Signal(int)
    preview_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.practice: Practice | None = None
        head = QLabel(self.tr("Steps"))
        head.setProperty("role", "h2")
        self.total = QLabel()
        self.total.setProperty("role", "muted")
        self.stale = QLabel(
            self.tr("Showing the last version without errors — fix the marked lines to update.")
        )
        self.stale.setProperty("role", "muted")
        self.stale.setWordWrap(True)
        self.stale.hide()
        self.model = StepModel(
            [self.tr("#"), self.tr("Step"), self.tr("Starts"), self.tr("Length")]
        )
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAccessibleName(self.tr("Steps with start times and lengths"))
        self.tree.setAccessibleDescription(
            self.tr("Choose a step to see its line, add a voice, or preview from there.")
        )
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, header.ResizeMode.Stretch)
        for col in (0, 2, 3):
            header.setSectionResizeMode(col, header.ResizeMode.Interactive)
        self.fit_columns()
        self.preview = QPushButton(self.tr("Preview from here"))
        self.preview.setAccessibleName(self.tr("Preview from the chosen step"))
        self.preview.setAccessibleDescription(
            self.tr(
                "Plays this draft in the player, starting at the chosen step. Nothing is saved."
            )
        )
        self.preview.setEnabled(False)
        self.preview.clicked.connect(self._preview)
        self.tree.selectionModel().currentRowChanged.connect(self._current_changed)
        self.tree.activated.connect(lambda *_: self._preview())
        row = QHBoxLayout()
        row.addWidget(self.total, 1)
        row.addWidget(self.preview)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(head)
        lay.addWidget(self.stale)
        lay.addWidget(self.tree, 1)
        lay.addLayout(row)

    def fit_columns(self) -> None:
        """Widths from the font (resizing to contents would scan every row on each change)."""
        fm = self.tree.fontMetrics()
        header = self.tree.header()
        hfm = header.fontMetrics() if header else fm
        samples = {0: "0000", 2: "0:00:00", 3: self.tr("waits for you")}
        for col, sample in samples.items():
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            width = max(fm.horizontalAdvance(sample), hfm.horizontalAdvance(title) + 8)
            self.tree.setColumnWidth(col, width + 28)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Refit the columns when the text size or the style changes."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit_columns()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Fit the columns to the font in use once shown (the style sheet sets it)."""
        super().showEvent(event)
        self.fit_columns()

    @property
    def selected(self) -> int:
        """The chosen step's index (repeat-expanded), or -1."""
        index = self.tree.currentIndex()
        return index.row() if index.isValid() else -1

    def row_count(self) -> int:
        """How many steps are listed."""
        return self.model.rowCount()

    def cell(self, row: int, column: int) -> str:
        """The text shown at ``row``, ``column`` (0 number, 1 step, 2 starts, 3 length)."""
        return str(self.model.data(self.model.index(row, column)))

    def select(self, index: int) -> None:
        """Choose step ``index`` (when it exists)."""
        if 0 <= index < self.model.rowCount():
            self.tree.setCurrentIndex(self.model.index(index, 0))

    def show_rows(self, practice: Practice, rows: tuple[StepRow, ...], total: float) -> None:
        """List the steps (see :func:`~kapcompanion.ui.editor.live_check.step_rows`).

        The model swaps its rows in one signal and the view paints only what is visible,
        so a keystroke in a long practice costs little (see benchmarks/bench_editor.py).
        """
        self.practice = practice
        waits = self.tr("waits for you")
        keep = self.selected
        self.model.set_rows(
            [(n, what, start, length or waits, tip) for n, what, start, length, tip in rows]
        )
        self.total.setText(
            self.tr("{n} steps · about {length} in all").format(
                n=len(rows), length=clock_text(total)
            )
        )
        if rows and self.selected < 0:
            self.select(min(max(keep, 0), len(rows) - 1))
        self.preview.setEnabled(bool(rows))

    def set_stale(self, stale: bool) -> None:
        """Say whether the list lags behind the text (the text has errors now)."""
        self.stale.setVisible(stale)

    def clear(self) -> None:
        """No valid version yet."""
        self.practice = None
        self.model.set_rows([])
        self.total.setText(self.tr("The steps appear here once the practice has no errors."))
        self.preview.setEnabled(False)

    def _current_changed(self, *_args: object) -> None:
        self.chosen.emit(self.selected)

    def _preview(self) -> None:
        if self.selected >= 0:
            self.preview_requested.emit(self.selected)
