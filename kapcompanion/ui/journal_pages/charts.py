"""History charts drawn with QPainter: check-ins over time, before/after pairs, WHO-5.

Each chart reads the theme's palette, tells series apart by marker shape and line style
as well as colour, summarises its data in words (its accessible description) and gives
the same data as table rows. ``marks()`` returns where each plotted point is drawn, so
what is drawn can be checked against the data.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from kapcompanion.journal.history import WHO5_LOW, WHO5_MEANINGFUL_CHANGE, BeforeAfter, Point
from kapcompanion.journal.history import Who5Point as Who5
from kapcompanion.ui.theme import Palette, current_palette

log = logging.getLogger(__name__)

SHAPES = ("circle", "square", "triangle", "diamond")
DASHES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine)


def series_colours(p: Palette) -> list[str]:
    """Line colours that read on the theme's card."""
    return [p.accent, p.focus, p.muted, p.help_text]


def nice_name(name: str) -> str:
    """A save-as name in words: ``settled_before`` → "settled before"."""
    return name.replace("_", " ").strip()


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
        """Wide and low."""
        return QSize(640, 260)

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
                f"{t:g}",
            )

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
                f"{d.day} {d:%b %Y}",
            )


class CheckinChart(TimeChart):
    """Check-in scores (0–10) over time, one line per question, sessions as dashed lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = self.tr("Check-in scores over time")
        self.empty_text = self.tr("No check-in scores in these dates yet.")
        self.series: dict[str, list[Point]] = {}
        self.sessions: list[tuple[date, str]] = []

    def set_data(
        self,
        series: Mapping[str, list[Point]],
        sessions: Sequence[tuple[date, str]],
        first: date,
        last: date,
    ) -> None:
        """Show ``series`` between ``first`` and ``last``, marking the ``sessions`` in it."""
        self.series = {k: list(v) for k, v in series.items() if v}
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

    def rows(self) -> tuple[list[str], list[list[str]]]:
        """Date, question, score."""
        out = [
            [f"{pt.day:%Y-%m-%d}", nice_name(name), f"{pt.score:g}"]
            for name, pts in self.series.items()
            for pt in pts
        ]
        out += [[f"{d:%Y-%m-%d}", label, ""] for d, label in self.sessions]
        out.sort(key=lambda r: r[0])
        return [self.tr("Date"), self.tr("Question"), self.tr("Score (0–10)")], out

    def summary(self) -> str:
        """Per question: how many scores, the first and the latest."""
        parts = [
            self.tr("{0}: {1} scores, first {2:g}, latest {3:g}").format(
                nice_name(name), len(pts), pts[0].score, pts[-1].score
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
                             nice_name(name))  # fmt: skip
            legend_x += fm.horizontalAdvance(nice_name(name)) + 40
        painter.end()


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
        row = self.fontMetrics().height() * 2.2
        self.setFixedHeight(int(max(3, len(self.pairs)) * row + self.fontMetrics().height() * 4))
        self._described()

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
             f"{s.before:.1f}", f"{s.after:.1f}", str(s.count)]
            for s in self.pairs
        ]  # fmt: skip

    def summary(self) -> str:
        """Each practice's average before and after."""
        return (
            ". ".join(
                self.tr("{0}: {1:.1f} before and {2:.1f} after on average, {3} times").format(
                    self.label(s), s.before, s.after, s.count
                )
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
                             f"{s.before:.1f} → {s.after:.1f} ({s.count}×)")  # fmt: skip
        painter.end()


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
            [f"{w.at.astimezone():%Y-%m-%d}", f"{w.score:g}",
             "" if w.change is None else f"{w.change:+g}" + (" *" if w.meaningful_change else "")]
            for w in self.points
        ]  # fmt: skip

    def summary(self) -> str:
        """How many, the first and the latest, and the changes of 10 points or more."""
        first, last = self.points[0], self.points[-1]
        big = sum(1 for w in self.points if w.meaningful_change)
        return self.tr(
            "{0} weekly scores, first {1:g}, latest {2:g}; changes of {4} points or more: {3} "
            "(marked with a ring). A score of {5} or lower is a good reason to talk with "
            "someone you trust, such as your therapist."
        ).format(len(self.points), first.score, last.score, big, WHO5_MEANINGFUL_CHANGE, WHO5_LOW)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        """Grid, the line at 50, the scores, rings on big changes."""
        p = current_palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.points:
            self._empty(painter, p)
            painter.end()
            return
        area = self.plot_rect()
        fm = self.fontMetrics()
        self._frame(painter, p, 100, (0, 25, 50, 75, 100))
        self._dates(painter, p)
        painter.setPen(QPen(QColor(p.focus), 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(area.left(), self._y(WHO5_LOW)),
                         QPointF(area.right(), self._y(WHO5_LOW)))  # fmt: skip
        painter.setPen(QColor(p.muted))
        painter.drawText(QPointF(area.left() + 4, fm.height() * 1.2),
                         self.tr("- - line at {0}    ◯ a change of {1} points or more")
                         .format(WHO5_LOW, WHO5_MEANINGFUL_CHANGE))  # fmt: skip
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
                painter.drawText(QPointF(pt.x() + 10, pt.y() - 8), f"{w.change:+g}")
                painter.setFont(self.font())
        painter.end()
