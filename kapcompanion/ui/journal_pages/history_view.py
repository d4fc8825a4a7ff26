"""The History page: the practice calendar, check-ins over time, before/after, WHO-5.

Views stay thin: every figure comes from :mod:`kapcompanion.journal.history`. Each chart
has a "Show as a table" switch with the same data in rows, for anyone who reads tables
more easily than pictures (and for screen readers).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date, timedelta

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.journal import history
from kapcompanion.journal.checkin_labels import questions_of
from kapcompanion.journal.store import JournalStore
from kapcompanion.settings import Settings
from kapcompanion.ui.journal_pages.charts import Chart, CheckinChart
from kapcompanion.ui.journal_pages.dates import month_year
from kapcompanion.ui.journal_pages.entry_model import STORE_ERRORS, as_journal_error
from kapcompanion.ui.journal_pages.heatmap import MonthHeatMap
from kapcompanion.ui.journal_pages.journal_view import calm_state
from kapcompanion.ui.journal_pages.pairs_chart import PairsChart
from kapcompanion.ui.journal_pages.who5_chart import Who5Chart
from kapcompanion.ui.numbers import days_in_a_row_words

log = logging.getLogger(__name__)

#: The check-in chart's ranges: label key -> days back (None: everything).
RANGES = (("30", 30), ("90", 90), ("365", 365), ("all", None))


def add_months(day: date, months: int) -> date:
    """The first of the month ``months`` away from ``day``'s month."""
    n = day.year * 12 + day.month - 1 + months
    return date(n // 12, n % 12 + 1, 1)


class ChartCard(QFrame):
    """A titled card holding a chart and its table, with a switch between them."""

    def __init__(self, chart: Chart, extra: QWidget | None = None) -> None:
        super().__init__()
        self.setObjectName("card")
        self.chart = chart
        heading = QLabel(chart.title)
        heading.setProperty("role", "h2")
        self.toggle = QPushButton(self.tr("Show as a table"))
        self.toggle.setCheckable(True)
        self.toggle.setAutoDefault(True)
        self.toggle.setAccessibleName(self.tr("Show {0} as a table").format(chart.title))
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("{0}, as a table").format(chart.title))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(240)
        self.stack = QStackedWidget()
        self.stack.addWidget(chart)
        self.stack.addWidget(self.table)
        self.summary = QLabel("")
        self.summary.setProperty("role", "muted")
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        if extra is not None:
            top.addWidget(extra)
        top.addWidget(self.toggle)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 14, 18, 14)
        lay.addLayout(top)
        lay.addWidget(self.stack)
        lay.addWidget(self.summary)
        self.toggle.toggled.connect(self._switch)

    def _switch(self, as_table: bool) -> None:
        self.toggle.setText(self.tr("Show as a chart") if as_table else self.tr("Show as a table"))
        self.stack.setCurrentIndex(1 if as_table else 0)
        wanted = self.chart.wanted_height()
        self.stack.setFixedHeight(max(260, wanted) if as_table else wanted)

    def refresh(self) -> None:
        """Copy the chart's data into the table and its summary under it."""
        heads, rows = self.chart.rows()
        self.table.clear()
        self.table.setColumnCount(len(heads))
        self.table.setHorizontalHeaderLabels(heads)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        # An empty chart says so itself, once: no summary repeating it, no empty table.
        has_data = self.chart.has_data()
        self.summary.setText(self.chart.summary() if has_data else "")
        self.summary.setVisible(has_data)
        if not has_data and self.toggle.isChecked():
            self.toggle.setChecked(False)
        self.toggle.setVisible(has_data)
        wanted = self.chart.wanted_height()
        self.stack.setFixedHeight(max(260, wanted) if self.toggle.isChecked() else wanted)


class HistoryView(QWidget):
    """The history page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.store: JournalStore | None = None
        self._stale = False
        self.titles: Mapping[str, str] = {}
        self.show_days_in_a_row = False
        self.today: date | None = None  # None: date.today()
        self.month = date.today().replace(day=1)
        title = QLabel(self.tr("History"))
        title.setProperty("role", "h1")
        self.run_label = QLabel("")
        self.run_label.setProperty("role", "muted")
        self.run_label.hide()
        self.notice = QLabel("")
        self.notice.setProperty("role", "safety")
        self.notice.setWordWrap(True)
        self.notice.hide()

        self.heatmap = MonthHeatMap()
        self.month_label = QLabel("")
        self.month_label.setProperty("role", "h2")
        self.prev_button = QPushButton(self.tr("‹ Earlier month"))
        self.next_button = QPushButton(self.tr("Later month ›"))
        for b in (self.prev_button, self.next_button):
            b.setAutoDefault(True)
        self.prev_button.setAccessibleName(self.tr("Show the month before"))
        self.next_button.setAccessibleName(self.tr("Show the month after"))
        self.day_text = QLabel("")
        self.day_text.setAccessibleName(self.tr("Chosen day"))
        hint = QLabel(self.tr("Arrow keys move by day and week; Page Up and Page Down by month."))
        hint.setProperty("role", "muted")
        hint.setWordWrap(True)
        cal = QFrame()
        cal.setObjectName("card")
        nav = QHBoxLayout()
        nav.addWidget(self.month_label)
        nav.addStretch(1)
        nav.addWidget(self.prev_button)
        nav.addWidget(self.next_button)
        cl = QVBoxLayout(cal)
        cl.setContentsMargins(18, 14, 18, 14)
        cl.addLayout(nav)
        cl.addWidget(self.heatmap)
        cl.addWidget(self.day_text)
        cl.addWidget(hint)

        self.range = QComboBox()
        self.range.setAccessibleName(self.tr("Dates shown"))
        for key, label in zip(
            (k for k, _ in RANGES),
            (self.tr("Last 30 days"), self.tr("Last 90 days"), self.tr("Last year"),
             self.tr("Everything")),
            strict=True,
        ):  # fmt: skip
            self.range.addItem(label, key)
        self.range.setCurrentIndex(1)
        self.checkins = CheckinChart()
        self.pairs = PairsChart()
        self.who5 = Who5Chart()
        self.cards = [
            ChartCard(self.checkins, self.range),
            ChartCard(self.pairs),
            ChartCard(self.who5),
        ]
        content = QWidget()
        content.setObjectName("page")
        inner = QVBoxLayout(content)
        inner.setContentsMargins(24, 8, 24, 24)
        inner.setSpacing(16)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.run_label)
        inner.addLayout(head)
        inner.addWidget(self.notice)
        inner.addWidget(cal)
        for card in self.cards:
            inner.addWidget(card)
        inner.addStretch(1)
        self.body = QScrollArea()
        self.body.setWidgetResizable(True)
        self.body.setFrameShape(QFrame.Shape.NoFrame)
        self.body.setWidget(content)
        self.closed_state = calm_state(
            self.tr("Your journal isn't open"),
            self.tr("Your history is drawn from your journal. Practices still play as usual."),
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(self.closed_state)
        self.stack.addWidget(self.body)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.stack)
        self.setFocusProxy(self.heatmap)

        self.prev_button.clicked.connect(lambda: self.show_month(add_months(self.month, -1)))
        self.next_button.clicked.connect(lambda: self.show_month(add_months(self.month, 1)))
        self.heatmap.month_requested.connect(self._month_requested)
        self.heatmap.current_changed.connect(self.day_text.setText)
        self.range.currentIndexChanged.connect(lambda _i: self._draw_checkins())
        self.set_store(None, {})

    # -- feeding -----------------------------------------------------------------------

    def set_store(self, store: JournalStore | None, titles: Mapping[str, str]) -> None:
        """Draw from ``store`` (None: the calm "isn't open" state)."""
        self.store = store
        self.titles = dict(titles)
        if store is None:
            self.refresh()  # the calm state at once (cheap)
        else:
            self.refresh_soon()  # the charts are drawn when the page is shown

    def set_settings(self, settings: Settings) -> None:
        """Follow the "days in a row" option."""
        self.show_days_in_a_row = settings.show_days_in_a_row
        self._draw_run()

    def _today(self) -> date:
        return self.today or date.today()

    def refresh_soon(self) -> None:
        """Draw again now when shown, else the next time the page is shown."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Catch up with changes made while the page was hidden."""
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Draw everything again from the journal."""
        self._stale = False
        if self.store is None:
            self.stack.setCurrentWidget(self.closed_state)
            return
        self.stack.setCurrentWidget(self.body)
        self.notice.hide()
        try:
            self.show_month(self.month, self.heatmap_day())
            self._draw_checkins()
            self.pairs.set_data(history.before_after_pairs(self.store), self.titles)
            self.who5.set_data(history.who5_series(self.store))
            self._draw_run()
        except STORE_ERRORS as caught:
            exc = as_journal_error(caught)
            self.notice.setText(str(exc))
            self.notice.show()
        for card in self.cards:
            card.refresh()

    def heatmap_day(self) -> date | None:
        """The day chosen in the calendar (None before any month is shown)."""
        hm = self.heatmap
        return hm.days[hm.current].day if hm.days else None

    def show_month(self, first: date, focus_day: date | None = None) -> None:
        """Show the month that starts on ``first``, choosing ``focus_day`` in it."""
        self.month = first.replace(day=1)
        self.month_label.setText(month_year(self.month))
        if self.store is None:
            return
        days = history.month_heatmap(self.store, self.month.year, self.month.month)
        if focus_day is None or focus_day.replace(day=1) != self.month:
            today = self._today()
            focus_day = today if today.replace(day=1) == self.month else self.month
        self.heatmap.set_days(days, focus_day)

    def _month_requested(self, delta: int, wanted: object) -> None:
        target = add_months(self.month, delta)
        day = wanted if isinstance(wanted, date) and wanted.replace(day=1) == target else None
        if day is None and isinstance(wanted, date):  # Page Up/Down: the same day number
            last = (add_months(target, 1) - timedelta(days=1)).day
            day = target.replace(day=min(wanted.day, last))
        self.show_month(target, day)

    def _draw_checkins(self) -> None:
        if self.store is None:
            return
        back = dict(RANGES).get(str(self.range.currentData()))
        last = self._today()
        first = last - timedelta(days=back - 1) if back else None
        entries = self.store.entries(
            date_from=first, date_to=last, kinds=("check_in",), newest_first=False
        )
        series = history.series_from(entries)
        # named here, in the app's language (the back end's names are English)
        sessions = [
            (s.on_date, self.tr("Session {0}").format(s.number)) for s in self.store.sessions()
        ]
        # the axis starts at the first score or session in the range, not at empty weeks
        known = [pt.day for pts in series.values() for pt in pts]
        known += [d for d, _ in sessions if (first is None or d >= first) and d <= last]
        if known:
            first = min(known)
        self.checkins.set_data(series, sessions, first or last, last, questions_of(entries))
        self.cards[0].refresh()

    def _draw_run(self) -> None:
        if self.store is None or not self.show_days_in_a_row:
            self.run_label.hide()
            return
        n = history.days_in_a_row(self.store, self._today())
        self.run_label.setText(days_in_a_row_words(n))
        self.run_label.setVisible(n > 0)
