"""Small pieces the views share: a wrapped label, the soft cards of the two lists, a split.

The library list and the journal list draw the same way: a quiet heading for a group, a
rounded card for an item whose border shows selection and keyboard focus. What goes on a
card differs; :class:`CardDelegate` draws the rest once.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from kapcompanion.ui.theme import current_palette

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex


def text_label(
    text: str = "", role: str = "", *, selectable: bool = False, by_keyboard: bool = False
) -> QLabel:
    """A word-wrapped label with a style ``role`` ("h1", "h2", "muted", ...).

    ``selectable``: the mouse can select its text; with ``by_keyboard`` the keyboard can too
    (Tab reaches it), for words a person may need to copy, like a phone number.
    """
    lab = QLabel(text)
    lab.setWordWrap(True)
    if role:
        lab.setProperty("role", role)
    if selectable:
        flags = Qt.TextInteractionFlag.TextSelectableByMouse
        if by_keyboard:
            flags |= Qt.TextInteractionFlag.TextSelectableByKeyboard
        lab.setTextInteractionFlags(flags)  # this sets the focus policy too, so it goes first
        if by_keyboard:
            lab.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return lab


class CardDelegate(QStyledItemDelegate):
    """Draws a row as a quiet heading or as a soft rounded card; subclasses fill the card."""

    def is_heading(self, index: Index) -> bool:
        """Whether the row at ``index`` is a group's heading (else an item's card)."""
        raise NotImplementedError

    def heading_font(self, font: QFont) -> QFont:
        """The font of a heading, from the list's ``font``."""
        raise NotImplementedError

    def paint_card(self, painter: QPainter, index: Index, rect: QRectF, font: QFont) -> None:
        """Draw what a card says inside ``rect`` in the list's ``font`` (over its background)."""
        raise NotImplementedError

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Paint one row."""
        pal = current_palette()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(option.rect).adjusted(4, 3, -4, -3)
        if self.is_heading(index):
            painter.setFont(self.heading_font(option.font))
            painter.setPen(QColor(pal.muted))
            painter.drawText(
                rect.adjusted(8, 0, 0, -4),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                str(index.data(Qt.ItemDataRole.DisplayRole)),
            )
        else:
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
            path = QPainterPath()
            path.addRoundedRect(rect, 12, 12)
            painter.fillPath(path, QColor(pal.pacer_glow if selected else pal.card))
            if focused:
                painter.setPen(QPen(QColor(pal.focus), 3))
            elif selected:
                painter.setPen(QPen(QColor(pal.accent), 2))
            else:
                painter.setPen(QPen(QColor(pal.border), 1))
            painter.drawPath(path)
            self.paint_card(painter, index, rect, option.font)
        painter.restore()


class ProportionalSplit(QSplitter):
    """Two panes side by side that first open in the given proportions (2:3: 40 % | 60 %).

    Qt's own first split follows the panes' size hints, which depend on when they were
    first measured; this one is the same however the window was built. The panes keep
    their minimum widths, and the person may move the handle as they like.
    """

    def __init__(self, first: QWidget, second: QWidget, stretch: tuple[int, int]) -> None:
        super().__init__()
        self._stretch = stretch
        self._placed = False
        for i, pane in enumerate((first, second)):
            self.addWidget(pane)
            self.setStretchFactor(i, stretch[i])
        self.setChildrenCollapsible(False)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Shown for the first time (it was laid out while hidden): split in proportion."""
        super().showEvent(event)
        self._place()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """Laid out for the first time while shown: split in proportion."""
        super().resizeEvent(event)
        self._place()

    def _place(self) -> None:
        if self._placed or not self.isVisible() or self.width() <= 0:
            return
        self._placed = True
        total = sum(self.sizes())
        a, b = self._stretch
        self.setSizes([total * a // (a + b), total - total * a // (a + b)])
