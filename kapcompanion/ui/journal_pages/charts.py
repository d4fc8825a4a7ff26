"""History charts drawn with QPainter: the shared base, and check-ins over time.

Each chart (here, in pairs_chart.py and who5_chart.py) reads the theme's palette, tells
series apart by marker shape and line style as well as colour, summarises its data in
words (its accessible description) and gives the same data as table rows. ``marks()``
returns where each plotted point is drawn, so what is drawn can be checked against the data.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import date, datetime

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from kapcompanion.journal.checkin_labels import checkin_label
from kapcompanion.journal.history import Point
from kapcompanion.ui.i18n import QT_TRANSLATE_NOOP, known_label
from kapcompanion.ui.journal_pages.dates import short_day
from kapcompanion.ui.numbers import score
from kapcompanion.ui.theme import Palette, current_palette

log = logging.getLogger(__name__)

SHAPES = ("circle", "square", "triangle", "diamond")
DASHES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine)


def series_colours(p: Palette) -> list[str]:
    """Line colours that read on the theme's card."""
    return [p.accent, p.focus, p.muted, p.help_text]


#: Names for the check-ins of the built-in library (their ``save_as``), for translation.
CHECKIN_NAMES: dict[str, str] = {
    "grounded_after": QT_TRANSLATE_NOOP("CheckinNames", "feeling grounded after a session"),
    "week_connected": QT_TRANSLATE_NOOP("CheckinNames", "connected to your session"),
    "value_relationships_close": QT_TRANSLATE_NOOP("CheckinNames", "close to: relationships"),
    "value_work_close": QT_TRANSLATE_NOOP("CheckinNames", "close to: work"),
    "value_health_close": QT_TRANSLATE_NOOP("CheckinNames", "close to: health"),
    "value_meaning_close": QT_TRANSLATE_NOOP("CheckinNames", "close to: meaning"),
    "who5_1": QT_TRANSLATE_NOOP("CheckinNames", "WHO-5: cheerful"),
    "who5_2": QT_TRANSLATE_NOOP("CheckinNames", "WHO-5: calm"),
    "who5_3": QT_TRANSLATE_NOOP("CheckinNames", "WHO-5: active"),
    "who5_4": QT_TRANSLATE_NOOP("CheckinNames", "WHO-5: rested"),
    "who5_5": QT_TRANSLATE_NOOP("CheckinNames", "WHO-5: interested"),
}


def nice_name(name: str, question: str | None = None) -> str:
    """A check-in as read: the built-in ones' labels translated, others by their question.

    A check-in of someone's own practice with no question known is named in words.
    """
    return known_label("CheckinNames", CHECKIN_NAMES, name, checkin_label(name, question))


def draw_marker(painter: QPainter, at: QPointF, shape: str, size: float, filled: bool) -> None:
    """A marker of ``shape`` centred on ``at``."""
    if not filled:
        painter.setBrush(Qt.BrushStyle.NoBrush)
    h = size / 2
    if shape == "square":
        painter.drawRect(QRectF(at.x() - h, at.y() - h, size, size))
    elif shape == "triangle":
        painter.drawPolygon(
            QPolygonF([QPointF(at.x(), at.y() - h), QPointF(at.x() + h, at.y() + h),
                       QPointF(at.x() - h, at.y() + h)])
        )  # fmt: skip
    elif shape == "diamond":
        painter.drawPolygon(
            QPolygonF([QPointF(at.x(), at.y() - h), QPointF(at.x() + h, at.y()),
                       QPointF(at.x(), at.y() + h), QPointF(at.x() - h, at.y())])
        )  # fmt: skip
    else:
        painter.drawEllipse(at, h, h)


class Chart(QWidget):
    """What every chart shares: size, the plot area, axes, and the summary in words."""

    title = ""
    empty_text = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(240)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def sizeHint(self) -> QSize:  # noqa: N802
        """Wide and low (taller with larger text)."""
        return QSize(640, max(260, self.fontMetrics().height() * 15))

    def wanted_height(self) -> int:
        """How tall the chart would like to be."""
        return self.sizeHint().height()

    def plot_rect(self) -> QRectF:
        """The area inside the axes."""
        fm = self.fontMetrics()
        return QRectF(
            fm.horizontalAdvance("100") + 16, fm.height() * 2.4,
            self.width() - fm.horizontalAdvance("100") - 32, self.height() - fm.height() * 4.4,
        )  # fmt: skip

    def has_data(self) -> bool:
        """Whether there is anything to draw."""
        return bool(self.marks())

    def marks(self) -> list[QPointF]:
        """Where the data points are drawn."""
        return []

    def rows(self) -> tuple[list[str], list[list[str]]]:
        """The data as a table: headings and rows."""
        return [], []

    def summary(self) -> str:
        """The data in a sentence or two."""
        return ""

    def _described(self) -> None:
        self.setAccessibleName(self.title)
        self.setAccessibleDescription(self.summary() if self.has_data() else self.empty_text)
        self.update()

    def _frame(self, painter: QPainter, p: Palette, top: float, ticks: Sequence[float]) -> None:
        """The y axis from 0 to ``top`` with gridlines at ``ticks``."""
        area = self.plot_rect()
        painter.setFont(self.font())
        for t in ticks:
            y = area.bottom() - area.height() * t / top
            painter.setPen(QPen(QColor(p.border), 1))
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(QColor(p.muted))
            painter.drawText(
                QRectF(0, y - 10, area.left() - 6, 20),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                score(t),
            )

    def _ring(self, painter: QPainter, p: Palette) -> None:
        """The focus ring, when the chart has the keyboard's focus."""
        if self.hasFocus():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor(p.focus), 3))
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5), 8, 8)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        """Show the focus ring."""
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        """Hide the focus ring."""
        super().focusOutEvent(event)
        self.update()

    def _empty(self, painter: QPainter, p: Palette) -> None:
        painter.setPen(QColor(p.muted))
        painter.drawText(
            QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            self.empty_text,
        )  # fmt: skip


class TimeChart(Chart):
    """A chart with time along the bottom."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first: date | None = None
        self.last: date | None = None

    def x_of(self, moment: datetime | date) -> float:
        """Where a time (or a day, at noon) sits across the plot."""
        area = self.plot_rect()
        if self.first is None or self.last is None:
            return area.left()
        start = datetime.combine(self.first, datetime.min.time()).astimezone()
        end = datetime.combine(self.last, datetime.max.time()).astimezone()
        if not isinstance(moment, datetime):
            moment = datetime.combine(moment, datetime.min.time().replace(hour=12)).astimezone()
        span = max(1.0, (end - start).total_seconds())
        return area.left() + area.width() * (moment - start).total_seconds() / span

    def _dates(self, painter: QPainter, p: Palette) -> None:
        if self.first is None or self.last is None:
            return
        area = self.plot_rect()
        painter.setPen(QColor(p.muted))
        for d, align in (
            (self.first, Qt.AlignmentFlag.AlignLeft),
            (self.last, Qt.AlignmentFlag.AlignRight),
        ):
            painter.drawText(
                QRectF(area.left(), area.bottom() + 4, area.width(), self.fontMetrics().height()),
                align | Qt.AlignmentFlag.AlignTop,
                short_day(d),
            )


class CheckinChart(TimeChart):
    """Check-in scores (0–10) over time, one line per question, sessions as dashed lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = self.tr("Check-in scores over time")
        self.empty_text = self.tr("No check-in scores in these dates yet.")
        self.series: dict[str, list[Point]] = {}
        self.questions: dict[str, str] = {}
        self.sessions: list[tuple[date, str]] = []

    def set_data(
        self,
        series: Mapping[str, list[Point]],
        sessions: Sequence[tuple[date, str]],
        first: date,
        last: date,
        questions: Mapping[str, str] | None = None,
    ) -> None:
        """Show ``series`` between ``first`` and ``last``, marking the ``sessions`` in it.

        ``questions`` (by check-in name) name the check-ins the library has no label for.
        """
        self.series = {k: list(v) for k, v in series.items() if v}
        self.questions = dict(questions or {})
        self.first, self.last = first, last
        self.sessions = [(d, label) for d, label in sessions if first <= d <= last]
        self._described()

    def marks(self) -> list[QPointF]:
        """Every score's place, series by series."""
        area = self.plot_rect()
        return [
            QPointF(self.x_of(pt.at), area.bottom() - area.height() * pt.score / 10)
            for pts in self.series.values()
            for pt in pts
        ]

    def session_xs(self) -> list[float]:
        """Where the session lines are drawn."""
        return [self.x_of(d) for d, _ in self.sessions]

    def label(self, name: str) -> str:
        """What the check-in ``name`` is called in the legend, table and summary."""
        return nice_name(name, self.questions.get(name))

    def rows(self) -> tuple[list[str], list[list[str]]]:
        """Date, question, score."""
        out = [
            [f"{pt.day:%Y-%m-%d}", self.label(name), score(pt.score)]
            for name, pts in self.series.items()
            for pt in pts
        ]
        out += [[f"{d:%Y-%m-%d}", label, ""] for d, label in self.sessions]
        out.sort(key=lambda r: r[0])
        return [self.tr("Date"), self.tr("Question"), self.tr("Score (0–10)")], out

    def summary(self) -> str:
        """Per question: how many scores, the first and the latest."""
        parts = [
            self.tr("{0} — 1 score, {1}").format(self.label(name), score(pts[0].score))
            if len(pts) == 1
            else self.tr("{0} — {1} scores, first {2}, latest {3}").format(
                self.label(name), len(pts), score(pts[0].score), score(pts[-1].score)
            )
            for name, pts in self.series.items()
        ]
        if self.sessions:
            parts.append(
                self.tr("Sessions marked: {0}").format(", ".join(lab for _, lab in self.sessions))
            )
        return ". ".join(parts) + "."

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        """Grid, session lines, then each series with its own marker and dash."""
        p = current_palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.series:
            self._empty(painter, p)
            self._ring(painter, p)
            painter.end()
            return
        area = self.plot_rect()
        self._frame(painter, p, 10, (0, 5, 10))
        self._dates(painter, p)
        for (_d, label), x in zip(self.sessions, self.session_xs(), strict=True):
            painter.setPen(QPen(QColor(p.muted), 1.5, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()))
            painter.setPen(QColor(p.muted))
            painter.drawText(QPointF(x + 3, area.top() - 4), label)
        colours = series_colours(p)
        legend_x = area.left()
        fm = self.fontMetrics()
        for n, (name, pts) in enumerate(self.series.items()):
            colour = QColor(colours[n % len(colours)])
            where = [
                QPointF(self.x_of(pt.at), area.bottom() - area.height() * pt.score / 10)
                for pt in pts
            ]
            painter.setPen(QPen(colour, 1.6, DASHES[n % len(DASHES)]))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPolyline(QPolygonF(where))
            painter.setPen(QPen(colour, 1.4))
            painter.setBrush(colour)
            shape = SHAPES[n % len(SHAPES)]
            for pt in where:
                draw_marker(painter, pt, shape, 7, True)
                painter.setBrush(colour)
            draw_marker(painter, QPointF(legend_x + 6, fm.height() * 0.8), shape, 9, True)
            painter.setPen(QColor(p.text))
            painter.drawText(QPointF(legend_x + 16, fm.height() * 0.8 + fm.ascent() / 2.5),
                             self.label(name))  # fmt: skip
            legend_x += fm.horizontalAdvance(self.label(name)) + 40
        self._ring(painter, p)
        painter.end()
