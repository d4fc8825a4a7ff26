"""Before and after each practice: the averages as paired dots (hollow before, filled after)."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from kapcompanion.journal.history import BeforeAfter
from kapcompanion.ui.journal_pages.charts import Chart, nice_name
from kapcompanion.ui.numbers import decimal
from kapcompanion.ui.theme import current_palette

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PairSummary:
    """The average before and after for one question of one practice."""

    practice_id: str
    name: str
    before: float
    after: float
    count: int


def summarise_pairs(pairs: Sequence[BeforeAfter]) -> list[PairSummary]:
    """Average each practice's question before and after, most played first."""
    groups: dict[tuple[str, str], list[BeforeAfter]] = defaultdict(list)
    for pair in pairs:
        groups[(pair.practice_id, pair.name)].append(pair)
    out = [
        PairSummary(pid, name, sum(x.before for x in g) / len(g), sum(x.after for x in g) / len(g),
                    len(g))
        for (pid, name), g in groups.items()
    ]  # fmt: skip
    return sorted(out, key=lambda s: (-s.count, s.practice_id, s.name))


class PairsChart(Chart):
    """Before and after, per practice: a hollow dot (before) joined to a filled one (after)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = self.tr("Before and after each practice")
        self.empty_text = self.tr("No practices with a check-in before and after yet.")
        self.pairs: list[PairSummary] = []
        self.titles: Mapping[str, str] = {}

    def set_data(self, pairs: Sequence[BeforeAfter], titles: Mapping[str, str]) -> None:
        """Show the averages of ``pairs``, naming practices with ``titles``."""
        self.pairs = summarise_pairs(pairs)
        self.titles = titles
        self.setFixedHeight(self.wanted_height())
        self._described()

    def wanted_height(self) -> int:
        """A row for each practice's question (room for three at least)."""
        row = self.fontMetrics().height() * 2.2
        return int(max(3, len(self.pairs)) * row + self.fontMetrics().height() * 4)

    def label(self, s: PairSummary) -> str:
        """The row's name, e.g. "Box breathing — settled"."""
        return f"{self.titles.get(s.practice_id, s.practice_id)} — {nice_name(s.name)}"

    def plot_rect(self) -> QRectF:
        """Room on the left for the names and on the right for the figures."""
        fm = self.fontMetrics()
        names = max((fm.horizontalAdvance(self.label(s)) for s in self.pairs), default=100)
        left = min(self.width() * 0.45, names + 24)
        right = fm.horizontalAdvance("10.0 → 10.0 (999×)") + 24
        return QRectF(left, fm.height() * 2.4, self.width() - left - right,
                      self.height() - fm.height() * 3.4)  # fmt: skip

    def _y(self, n: int) -> float:
        area = self.plot_rect()
        return area.top() + (n + 0.5) * area.height() / max(1, len(self.pairs))

    def _x(self, score: float) -> float:
        area = self.plot_rect()
        return area.left() + area.width() * score / 10

    def marks(self) -> list[QPointF]:
        """Before then after, for each practice's question."""
        out = []
        for n, s in enumerate(self.pairs):
            out += [QPointF(self._x(s.before), self._y(n)), QPointF(self._x(s.after), self._y(n))]
        return out

    def rows(self) -> tuple[list[str], list[list[str]]]:
        """Practice, question, average before and after, times."""
        heads = [self.tr("Practice"), self.tr("Question"), self.tr("Before (average)"),
                 self.tr("After (average)"), self.tr("Times")]  # fmt: skip
        return heads, [
            [self.titles.get(s.practice_id, s.practice_id), nice_name(s.name),
             decimal(s.before), decimal(s.after), str(s.count)]
            for s in self.pairs
        ]  # fmt: skip

    def summary(self) -> str:
        """Each practice's average before and after."""
        return (
            ". ".join(
                (
                    self.tr("{0}: {1} before and {2} after, once")
                    if s.count == 1
                    else self.tr("{0}: {1} before and {2} after on average, {3} times")
                ).format(self.label(s), decimal(s.before), decimal(s.after), s.count)
                for s in self.pairs
            )
            + "."
        )

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        """A 0–10 scale, then one row per practice's question."""
        p = current_palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.pairs:
            self._empty(painter, p)
            self._ring(painter, p)
            painter.end()
            return
        area = self.plot_rect()
        fm = self.fontMetrics()
        for t in (0, 5, 10):
            x = self._x(t)
            painter.setPen(QPen(QColor(p.border), 1))
            painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()))
            painter.setPen(QColor(p.muted))
            painter.drawText(QRectF(x - 20, area.bottom() + 2, 40, fm.height()),
                             Qt.AlignmentFlag.AlignCenter, str(t))  # fmt: skip
        painter.setPen(QColor(p.muted))
        painter.drawText(QPointF(area.left(), fm.height() * 1.2),
                         self.tr("○ before   ● after   (average, 0–10)"))  # fmt: skip
        accent = QColor(p.accent)
        for n, s in enumerate(self.pairs):
            y = self._y(n)
            painter.setPen(QColor(p.text))
            painter.drawText(QRectF(0, y - fm.height(), area.left() - 12, fm.height() * 2),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             fm.elidedText(self.label(s), Qt.TextElideMode.ElideMiddle,
                                           int(area.left() - 12)))  # fmt: skip
            a, b = QPointF(self._x(s.before), y), QPointF(self._x(s.after), y)
            painter.setPen(QPen(accent, 3))
            painter.drawLine(a, b)
            painter.setBrush(QColor(p.card))
            painter.drawEllipse(a, 6, 6)
            painter.setBrush(accent)
            painter.drawEllipse(b, 6, 6)
            painter.setPen(QColor(p.text))
            painter.drawText(QPointF(area.right() + 12, y + fm.ascent() / 2.5),
                             f"{decimal(s.before)} → {decimal(s.after)} ({s.count}×)")  # fmt: skip
        self._ring(painter, p)
        painter.end()
