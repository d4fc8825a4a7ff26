"""The side panel: every step with its start time and length, and "Preview from here".

Times come from the compiled timeline of the last version without errors
(:func:`kapcompanion.core.timeline.compile_practice`), so they are exactly what plays.
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
from kapcompanion.core.timeline import Timeline

log = logging.getLogger(__name__)


def clock_text(seconds: float) -> str:
    """``m:ss`` (or ``h:mm:ss``) for a time on the timeline."""
    s = round(seconds)
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


class StepPanel(QWidget):
    """Lists the steps; emits :attr:`chosen` (index) and :attr:`preview_requested` (index)."""

    chosen = Signal(int)
    preview_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.practice: Practice | None = None
        self.timeline: Timeline | None = None
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
        for col in (0, 2, 3):
            header.setSectionResizeMode(col, header.ResizeMode.ResizeToContents)
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

    def show_timeline(self, practice: Practice, timeline: Timeline) -> None:
        """List the steps of ``timeline`` (keeps the chosen row where it still exists)."""
        keep = self.selected
        self.practice = practice
        self.timeline = timeline
        waits = self.tr("waits for you")
        items = []
        for span in timeline.steps:
            length = span.end - span.start
            title = span.title if len(span.title) <= 70 else span.title[:67].rstrip() + "…"
            kind = span.kind.replace("_", " ")
            item = QTreeWidgetItem(
                [
                    str(span.index + 1),
                    f"{kind}: {title}" if title else kind,
                    clock_text(span.start),
                    waits if span.interactive else clock_text(length),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, span.index)
            item.setToolTip(1, span.title)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            items.append(item)
        self.tree.blockSignals(True)
        self.tree.clear()
        self.tree.addTopLevelItems(items)
        self.tree.blockSignals(False)
        self.total.setText(
            self.tr("{n} steps · about {length} in all").format(
                n=len(items), length=clock_text(timeline.total)
            )
        )
        if items:
            self.select(min(max(keep, 0), len(items) - 1))
        self.preview.setEnabled(bool(items))

    def set_stale(self, stale: bool) -> None:
        """Say whether the list lags behind the text (the text has errors now)."""
        self.stale.setVisible(stale)

    def clear(self) -> None:
        """No valid version yet."""
        self.practice = None
        self.timeline = None
        self.tree.clear()
        self.total.setText(self.tr("The steps appear here once the practice has no errors."))
        self.preview.setEnabled(False)

    def _current_changed(self, *_args: object) -> None:
        self.chosen.emit(self.selected)

    def _preview(self) -> None:
        if self.selected >= 0:
            self.preview_requested.emit(self.selected)
