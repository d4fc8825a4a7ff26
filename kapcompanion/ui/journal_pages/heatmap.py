"""The practice calendar: one month as a grid of days, shaded by practice time.

Every day also shows its number of practices as a figure, so nothing rests on colour.
The arrow keys move a day or a week, Page Up and Page Down a month, Home and End to the
first and last day; each day has words ("12 November: 2 practices, 14 minutes") shown
under the grid and given to screen readers.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from kapcompanion.journal.history import HeatDay
from kapcompanion.ui.journal_pages.dates import day_month, month_year, weekday_short
from kapcompanion.ui.theme import contrast, current_palette

log = logging.getLogger(__name__)

GAP = 6.0


def mix(a: str, b: str, t: float) -> QColor:
    """Colour ``t`` of the way from ``a`` to ``b``."""
    ca, cb = QColor(a), QColor(b)
    return QColor.fromRgbF(
        ca.redF() + (cb.redF() - ca.redF()) * t,
        ca.greenF() + (cb.greenF() - ca.greenF()) * t,
        ca.blueF() + (cb.blueF() - ca.blueF()) * t,
    )


def shade(level: int) -> QColor:
    """The fill of a day at ``level`` 0–4 in the current theme."""
    p = current_palette()
    return mix(p.card, p.accent, (0.0, 0.22, 0.42, 0.64, 0.85)[max(0, min(4, level))])


class MonthHeatMap(QWidget):
    """One month of practice days; focusable and moved through with the keyboard."""

    #: The person moved past the month: (months to move, the day wanted).
    month_requested = Signal(int, object)
    current_changed = Signal(str)  # the words for the chosen day

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: list[HeatDay] = []
        self.current = 0
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Practice calendar"))

    # -- data --------------------------------------------------------------------

    def set_days(self, days: list[HeatDay], focus_day: date | None = None) -> None:
        """Show a month (``days`` from the back end), choosing ``focus_day`` when given."""
        self.days = list(days)
        self.current = 0
        if focus_day is not None:
            for i, d in enumerate(self.days):
                if d.day == focus_day:
                    self.current = i
        if self.days:
            first = self.days[0].day
            self.setAccessibleName(self.tr("Practice calendar, {0}").format(month_year(first)))
        self.setFixedHeight(self.heightForWidth(max(self.width(), 7 * 36)))
        self._announce()
        self.update()

    def cell_text(self, i: int) -> str:
        """The words for day ``i``: "12 November: 2 practices, 14 minutes"."""
        d = self.days[i]
        when = day_month(d.day)
        if d.practices == 0:
            return self.tr("{0}: no practice").format(when)
        count = (
            self.tr("1 practice")
            if d.practices == 1
            else self.tr("{0} practices").format(d.practices)
        )
        return self.tr("{0}: {1}, {2} minutes").format(when, count, round(d.minutes))

    def _announce(self) -> None:
        text = self.cell_text(self.current) if self.days else ""
        self.setAccessibleDescription(text)
        self.setToolTip(text)
        self.current_changed.emit(text)

    # -- geometry ----------------------------------------------------------------

    def _rows(self) -> int:
        if not self.days:
            return 5
        offset = self.days[0].day.weekday()
        return (offset + len(self.days) + 6) // 7

    def _cell(self) -> float:
        return max(34.0, min(64.0, (self.width() - GAP * 8) / 7))

    def sizeHint(self) -> QSize:  # noqa: N802
        """Room for a header and up to six weeks."""
        return QSize(int(7 * 56 + 8 * GAP), int(self._header() + self._rows() * (50 + GAP) + GAP))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        """At least small squares."""
        return QSize(7 * 36, int(self._header() + self._rows() * 40))

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        """Square days."""
        cell = max(34.0, min(64.0, (width - GAP * 8) / 7))
        return int(self._header() + self._rows() * (cell + GAP) + GAP)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """Keep the days square: as tall as the width asks."""
        super().resizeEvent(event)
        wanted = self.heightForWidth(self.width())
        if self.height() != wanted:
            self.setFixedHeight(wanted)

    def _header(self) -> float:
        return self.fontMetrics().height() * 1.6

    def cell_rect(self, i: int) -> QRectF:
        """Where day ``i`` is drawn."""
        cell = self._cell()
        pos = self.days[0].day.weekday() + i if self.days else i
        row, col = divmod(pos, 7)
        left = (self.width() - (7 * cell + 6 * GAP)) / 2
        return QRectF(left + col * (cell + GAP), self._header() + row * (cell + GAP), cell, cell)

    # -- drawing -----------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        """Weekday letters, then each day: shade, its number, and its count of practices."""
        p = current_palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        small = QFont(font)
        small.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        bold = QFont(font)
        bold.setWeight(QFont.Weight.Bold)
        cell = self._cell()
        left = (self.width() - (7 * cell + 6 * GAP)) / 2
        painter.setPen(QColor(p.muted))
        painter.setFont(small)
        for col, name in enumerate(self._weekday_letters()):
            painter.drawText(
                QRectF(left + col * (cell + GAP), 0, cell, self._header()),
                Qt.AlignmentFlag.AlignCenter,
                name,
            )
        for i, d in enumerate(self.days):
            r = self.cell_rect(i)
            fill = shade(d.level)
            painter.setBrush(fill)
            painter.setPen(QPen(QColor(p.border), 1))
            painter.drawRoundedRect(r, 8, 8)
            darker = contrast(p.text, fill.name()) >= contrast(p.accent_text, fill.name())
            ink = p.text if darker else p.accent_text
            painter.setPen(QColor(ink))
            painter.setFont(small)
            painter.drawText(
                r.adjusted(5, 3, -4, -4),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                str(d.day.day),
            )
            if d.practices:
                painter.setFont(bold)
                painter.drawText(
                    r.adjusted(4, 8, -4, -2),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                    f"●{d.practices}" if d.practices < 10 else "9+",
                )
        if self.days and self.hasFocus():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor(p.focus), 3))
            painter.drawRoundedRect(self.cell_rect(self.current).adjusted(-2, -2, 2, 2), 9, 9)
        painter.end()

    def _weekday_letters(self) -> list[str]:
        return [weekday_short(n) for n in range(1, 8)]

    # -- keyboard and mouse ------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Arrows by day and week, Page Up/Down by month, Home/End to the month's ends."""
        if not self.days:
            super().keyPressEvent(event)
            return
        key = event.key()
        steps = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Up: -7,
            Qt.Key.Key_Down: 7,
        }
        if key in steps:
            self.move_to(self.current + steps[Qt.Key(key)])
        elif key == Qt.Key.Key_Home:
            self.move_to(0)
        elif key == Qt.Key.Key_End:
            self.move_to(len(self.days) - 1)
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            delta = -1 if key == Qt.Key.Key_PageUp else 1
            self.month_requested.emit(delta, self.days[self.current].day)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def move_to(self, i: int) -> None:
        """Choose day ``i`` (outside the month: ask for the month before or after)."""
        if 0 <= i < len(self.days):
            self.current = i
            self._announce()
            self.update()
            return
        first = self.days[0].day
        wanted = first + timedelta(days=i)
        self.month_requested.emit(-1 if i < 0 else 1, wanted)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """A click chooses a day."""
        for i in range(len(self.days)):
            if self.cell_rect(i).contains(event.position()):
                self.setFocus(Qt.FocusReason.MouseFocusReason)
                self.move_to(i)
                return
        super().mousePressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        """Show the focus ring on the chosen day."""
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        """Hide the focus ring."""
        super().focusOutEvent(event)
        self.update()
