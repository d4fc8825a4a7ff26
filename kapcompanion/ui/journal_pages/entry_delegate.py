"""Draws the journal list: quiet day headings and soft entry cards (three lines each)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from kapcompanion.ui.journal_pages.entry_model import ANSWER_ROLE, KIND_ROLE, META_ROLE, Index
from kapcompanion.ui.theme import current_palette

log = logging.getLogger(__name__)


class EntryDelegate(QStyledItemDelegate):
    """A day as a heading; an entry as a card: what it answers, the answer, the details."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._heights: dict[str, tuple[int, int]] = {}  # font -> (heading, card)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        """Headings are one line tall, cards three (measured once per font)."""
        key = option.font.key()
        heights = self._heights.get(key)
        if heights is None:
            line = QFontMetrics(option.font).height()
            heights = self._heights[key] = (int(line * 2.3), int(line * 4.7))
        return QSize(200, heights[0] if index.data(KIND_ROLE) == "day" else heights[1])

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Paint one row."""
        pal = current_palette()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(option.rect).adjusted(4, 3, -4, -3)
        font = QFont(option.font)
        if index.data(KIND_ROLE) == "day":
            font.setWeight(QFont.Weight.DemiBold)
            painter.setFont(font)
            painter.setPen(QColor(pal.muted))
            painter.drawText(
                rect.adjusted(8, 0, 0, -4),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                str(index.data(Qt.ItemDataRole.DisplayRole)),
            )
            painter.restore()
            return
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
        fm = QFontMetrics(font)
        inner = rect.adjusted(14, 6, -14, -6)
        width = int(inner.width())
        line = fm.height() * 1.15
        bold = QFont(font)
        bold.setWeight(QFont.Weight.DemiBold)
        painter.setFont(bold)
        painter.setPen(QColor(pal.text))
        left_mid = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        texts = (
            (bold, pal.text, str(index.data(Qt.ItemDataRole.DisplayRole) or "")),
            (font, pal.text, str(index.data(ANSWER_ROLE) or "")),
            (font, pal.muted, str(index.data(META_ROLE) or "")),
        )
        for n, (f, colour, text) in enumerate(texts):
            painter.setFont(f)
            painter.setPen(QColor(colour))
            elided = QFontMetrics(f).elidedText(text, Qt.TextElideMode.ElideRight, width)
            painter.drawText(
                QRectF(inner.left(), inner.top() + line * n, inner.width(), line), left_mid, elided
            )
        painter.restore()
