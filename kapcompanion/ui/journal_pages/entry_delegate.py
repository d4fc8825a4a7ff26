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
        self._heights: dict[tuple[str, float], tuple[int, int]] = {}  # (heading, card)
        self._fonts: dict[tuple[str, float], tuple[QFont, QFont, QFontMetrics, QFontMetrics]] = {}

    @staticmethod
    def _key(font: QFont) -> tuple[str, float]:
        return font.family(), font.pointSizeF()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        """Headings are one line tall, cards three (measured once per font)."""
        key = self._key(option.font)
        heights = self._heights.get(key)
        if heights is None:
            line = QFontMetrics(option.font).height()
            heights = self._heights[key] = (int(line * 2.3), int(line * 4.7))
        return QSize(200, heights[0] if index.data(KIND_ROLE) == "day" else heights[1])

    def fonts(self, font: QFont) -> tuple[QFont, QFont, QFontMetrics, QFontMetrics]:
        """The plain and bold fonts with their metrics (made once per font)."""
        key = self._key(font)
        found = self._fonts.get(key)
        if found is None:
            plain, bold = QFont(font), QFont(font)
            bold.setWeight(QFont.Weight.DemiBold)
            found = self._fonts[key] = (plain, bold, QFontMetrics(plain), QFontMetrics(bold))
        return found

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Paint one row."""
        pal = current_palette()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(option.rect).adjusted(4, 3, -4, -3)
        font, bold, fm, bold_fm = self.fonts(option.font)
        if index.data(KIND_ROLE) == "day":
            painter.setFont(bold)
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
        inner = rect.adjusted(14, 6, -14, -6)
        width = int(inner.width())
        line = fm.height() * 1.15
        left_mid = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        texts = (
            (bold, bold_fm, pal.text, str(index.data(Qt.ItemDataRole.DisplayRole) or "")),
            (font, fm, pal.text, str(index.data(ANSWER_ROLE) or "")),
            (font, fm, pal.muted, str(index.data(META_ROLE) or "")),
        )
        for n, (f, metrics, colour, text) in enumerate(texts):
            painter.setFont(f)
            painter.setPen(QColor(colour))
            elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
            painter.drawText(
                QRectF(inner.left(), inner.top() + line * n, inner.width(), line), left_mid, elided
            )
        painter.restore()
