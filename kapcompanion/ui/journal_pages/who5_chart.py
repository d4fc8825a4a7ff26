"""Weekly WHO-5 on 0–100: the line at 50, a band of 10 points, big changes ringed."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from kapcompanion.journal.history import WHO5_LOW, WHO5_MEANINGFUL_CHANGE
from kapcompanion.journal.history import Who5Point as Who5
from kapcompanion.ui.journal_pages.charts import TimeChart
from kapcompanion.ui.numbers import score
from kapcompanion.ui.theme import current_palette

log = logging.getLogger(__name__)


class Who5Chart(TimeChart):
    """Weekly WHO-5 (0–100): the line at 50, and changes of 10 points or more ringed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = self.tr("Weekly wellbeing (WHO-5, 0–100)")
        self.empty_text = self.tr(
            "No complete WHO-5 check-ins yet. The weekly WHO-5 practice adds one."
        )
        self.points: list[Who5] = []

    def set_data(self, points: Sequence[Who5]) -> None:
        """Show the WHO-5 ``points`` (oldest first)."""
        self.points = list(points)
        if self.points:
            self.first = self.points[0].at.astimezone().date()
            self.last = self.points[-1].at.astimezone().date()
        self._described()

    def legend(self) -> str:
        """The key to the line, the band and the rings."""
        return self.tr(
            "- - line at {0}    ··· band: within {1} points of your first score    "
            "◯ a change of {1} points or more since the week before"
        ).format(WHO5_LOW, WHO5_MEANINGFUL_CHANGE)

    def legend_rect(self) -> QRectF:
        """Where the key is drawn: wrapped to the chart's width (large text, long words)."""
        fm = self.fontMetrics()
        left = fm.horizontalAdvance("100") + 20
        width = max(1, self.width() - left - 16)
        flags = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
        box = fm.boundingRect(QRect(0, 0, width, 100000), flags, self.legend())
        return QRectF(left, fm.height() * 0.5, width, box.height())

    def plot_rect(self) -> QRectF:
        """Below the key (lower when the key takes more than one line)."""
        area = super().plot_rect()
        top = self.legend_rect().bottom() + self.fontMetrics().height() * 0.9
        return area.adjusted(0, max(0.0, top - area.top()), 0, 0)

    def _y(self, score: float) -> float:
        area = self.plot_rect()
        return area.bottom() - area.height() * score / 100

    def marks(self) -> list[QPointF]:
        """Every WHO-5 score's place."""
        return [QPointF(self.x_of(w.at), self._y(w.score)) for w in self.points]

    def rows(self) -> tuple[list[str], list[list[str]]]:
        """Date, score, change since the last."""
        heads = [self.tr("Date"), self.tr("Score (0–100)"), self.tr("Change")]
        return heads, [
            [f"{w.at.astimezone():%Y-%m-%d}", score(w.score),
             "" if w.change is None else f"{w.change:+g}" + (" *" if w.meaningful_change else "")]
            for w in self.points
        ]  # fmt: skip

    def summary(self) -> str:
        """How many, the first and the latest, and the changes of 10 points or more."""
        first, last = self.points[0], self.points[-1]
        big = sum(1 for w in self.points if w.meaningful_change)
        return self.tr(
            "{0} weekly scores, first {1}, latest {2}; changes of {4} points or more: {3} "
            "(marked with a ring); the band shows {4} points either side of your first score. "
            "A score of {5} or lower is a good reason to talk with "
            "someone you trust, such as your therapist."
        ).format(
            len(self.points),
            score(first.score),
            score(last.score),
            big,
            WHO5_MEANINGFUL_CHANGE,
            WHO5_LOW,
        )

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        """Grid, the line at 50, the scores, rings on big changes."""
        p = current_palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.points:
            self._empty(painter, p)
            self._ring(painter, p)
            painter.end()
            return
        area = self.plot_rect()
        self._frame(painter, p, 100, (0, 25, 50, 75, 100))
        self._dates(painter, p)
        base = self.points[0].score
        band = QColor(p.accent)
        band.setAlphaF(0.14)
        top = self._y(min(100, base + WHO5_MEANINGFUL_CHANGE))
        bottom = self._y(max(0, base - WHO5_MEANINGFUL_CHANGE))
        painter.fillRect(QRectF(area.left(), top, area.width(), bottom - top), band)
        painter.setPen(QPen(QColor(p.muted), 1, Qt.PenStyle.DotLine))
        for y in (top, bottom):
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        painter.setPen(QPen(QColor(p.focus), 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(area.left(), self._y(WHO5_LOW)),
                         QPointF(area.right(), self._y(WHO5_LOW)))  # fmt: skip
        painter.setPen(QColor(p.muted))
        painter.drawText(
            self.legend_rect(),
            Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
            self.legend(),
        )
        where = self.marks()
        accent = QColor(p.accent)
        painter.setPen(QPen(accent, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolyline(QPolygonF(where))
        painter.setBrush(accent)
        for w, pt in zip(self.points, where, strict=True):
            painter.setPen(QPen(accent, 1))
            painter.setBrush(accent)
            painter.drawEllipse(pt, 4.5, 4.5)
            if w.meaningful_change and w.change is not None:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(QColor(p.text), 1.5))
                painter.drawEllipse(pt, 9, 9)
                small = QFont(self.font())
                small.setPointSizeF(max(6.0, small.pointSizeF() * 0.85))
                painter.setFont(small)
                label = f"{w.change:+g}"
                width = QFontMetrics(small).horizontalAdvance(label)
                x = pt.x() + 10 if pt.x() + 12 + width < self.width() else pt.x() - 10 - width
                painter.drawText(QPointF(x, pt.y() - 8), label)
                painter.setFont(self.font())
        self._ring(painter, p)
        painter.end()
