"""The side panel: every step with its start time and length, and "Preview from here".

Times come from the compiled timeline of the last version without errors
(:func:`kapcompanion.core.timeline.compile_practice`, via
:func:`kapcompanion.ui.editor.live_check.step_rows`), so they are exactly what plays.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.core.model import Practice
from kapcompanion.ui.editor.live_check import StepRow, clock_text

__all__ = ["StepPanel", "clock_text"]

log = logging.getLogger(__name__)


class StepPanel(QWidget):
    """Lists the steps; emits :attr:`chosen` (index) and :attr:`preview_requested` (index)."""

    chosen = Signal(int)
    preview_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.practice: Practice | None = None
        self._rows: list[tuple[str, str, str, str, str]] = []
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
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [self.tr("#"), self.tr("Step"), self.tr("Starts"), self.tr("Length")]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAccessibleName(self.tr("Steps with start times and lengths"))
        self.tree.setAccessibleDescription(
            self.tr("Choose a step to see its line, add a voice, or preview from there.")
        )
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, header.ResizeMode.Stretch)
        # fixed widths from the font: resizing to contents scans every row on each change
        fm = self.tree.fontMetrics()
        widths = {0: "0000", 2: "0:00:00", 3: self.tr("waits for you")}
        for col, sample in widths.items():
            header.setSectionResizeMode(col, header.ResizeMode.Interactive)
            self.tree.setColumnWidth(col, fm.horizontalAdvance(sample) + 28)
        self.preview = QPushButton(self.tr("Preview from here"))
        self.preview.setAccessibleName(self.tr("Preview from the chosen step"))
        self.preview.setAccessibleDescription(
            self.tr(
                "Plays this draft in the player, starting at the chosen step. Nothing is saved."
            )
        )
        self.preview.setEnabled(False)
        self.preview.clicked.connect(self._preview)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemActivated.connect(lambda *_: self._preview())
        row = QHBoxLayout()
        row.addWidget(self.total, 1)
        row.addWidget(self.preview)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(head)
        lay.addWidget(self.stale)
        lay.addWidget(self.tree, 1)
        lay.addLayout(row)

    @property
    def selected(self) -> int:
        """The chosen step's index (repeat-expanded), or -1."""
        item = self.tree.currentItem()
        return int(item.data(0, Qt.ItemDataRole.UserRole)) if item is not None else -1

    def select(self, index: int) -> None:
        """Choose step ``index`` (when it exists)."""
        if 0 <= index < self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(index))

    def show_rows(self, practice: Practice, rows: tuple[StepRow, ...], total: float) -> None:
        """List the steps (see :func:`~kapcompanion.ui.editor.live_check.step_rows`).

        Rows are updated in place and only where their text changed, so a keystroke in a
        long practice costs little (see benchmarks/bench_editor.py).
        """
        self.practice = practice
        waits = self.tr("waits for you")
        shown = [(n, what, start, length or waits, tip) for n, what, start, length, tip in rows]
        if shown != self._rows:
            self._update_rows(shown)
        self.total.setText(
            self.tr("{n} steps · about {length} in all").format(
                n=len(rows), length=clock_text(total)
            )
        )
        if rows and self.tree.currentItem() is None:
            self.select(0)
        self.preview.setEnabled(bool(rows))

    def _update_rows(self, rows: list[tuple[str, str, str, str, str]]) -> None:
        tree = self.tree
        tree.setUpdatesEnabled(False)
        tree.blockSignals(True)
        keep = self.selected
        old = self._rows
        while tree.topLevelItemCount() > len(rows):
            tree.takeTopLevelItem(tree.topLevelItemCount() - 1)
        new_items = []
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for i, row in enumerate(rows):
            if i < len(old):
                if old[i] != row:
                    item = tree.topLevelItem(i)
                    for col in range(4):
                        if old[i][col] != row[col]:
                            item.setText(col, row[col])
                    item.setToolTip(1, row[4])
                continue
            item = QTreeWidgetItem(list(row[:4]))
            item.setData(0, Qt.ItemDataRole.UserRole, i)
            item.setToolTip(1, row[4])
            item.setTextAlignment(2, right)
            item.setTextAlignment(3, right)
            new_items.append(item)
        if new_items:
            tree.addTopLevelItems(new_items)
        self._rows = rows
        tree.blockSignals(False)
        tree.setUpdatesEnabled(True)
        if rows and keep >= len(rows):
            self.select(len(rows) - 1)
        elif keep >= 0 and self.selected != keep:
            self.select(keep)

    def set_stale(self, stale: bool) -> None:
        """Say whether the list lags behind the text (the text has errors now)."""
        self.stale.setVisible(stale)

    def clear(self) -> None:
        """No valid version yet."""
        self.practice = None
        self._rows = []
        self.tree.clear()
        self.total.setText(self.tr("The steps appear here once the practice has no errors."))
        self.preview.setEnabled(False)

    def _current_changed(self, *_args: object) -> None:
        self.chosen.emit(self.selected)

    def _preview(self) -> None:
        if self.selected >= 0:
            self.preview_requested.emit(self.selected)
