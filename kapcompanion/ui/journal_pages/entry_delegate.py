"""Draws the journal list: quiet day headings and soft entry cards (three lines each)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

from kapcompanion.ui.journal_pages.entry_model import ANSWER_ROLE, KIND_ROLE, META_ROLE, Index
from kapcompanion.ui.theme import current_palette
from kapcompanion.ui.widgets import CardDelegate

log = logging.getLogger(__name__)


class EntryDelegate(CardDelegate):
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

    def is_heading(self, index: Index) -> bool:
        """A day is a heading."""
        return index.data(KIND_ROLE) == "day"

    def heading_font(self, font: QFont) -> QFont:
        """The bold list font."""
        return self.fonts(font)[1]

    def paint_card(self, painter: QPainter, index: Index, rect: QRectF, font: QFont) -> None:
        """What it answers, the answer, the details: a line each."""
        pal = current_palette()
        font, bold, fm, bold_fm = self.fonts(font)
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
