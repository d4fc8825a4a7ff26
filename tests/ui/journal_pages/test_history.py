"""The History page: calendar, charts and their tables drawn from a real journal file."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from kapcompanion.journal.store import JournalStore
from kapcompanion.ui.journal_pages.charts import CheckinChart
from kapcompanion.ui.journal_pages.history_view import add_months
from kapcompanion.ui.journal_pages.pairs_chart import PairsChart
from kapcompanion.ui.journal_pages.who5_chart import Who5Chart
from kapcompanion.ui.theme import current_palette
from tests.ui.journal_pages.conftest import at

TODAY = date.today()
FIRST = TODAY.replace(day=1)


def practise(journal: JournalStore, day: date, times: int, minutes: float = 5) -> None:
    for n in range(times):
        journal.log_practice("box-4", at(day, 8 + n), minutes * 60, True)


def test_calendar_counts_days_and_words_each_one(pages, journal) -> None:
    practise(journal, FIRST, 2, 7)
    practise(journal, FIRST + timedelta(days=1), 1, 3)
    jp = pages()
    hist = jp.history
    hist.show_month(FIRST, FIRST)
    hm = hist.heatmap
    assert len(hm.days) == (add_months(FIRST, 1) - FIRST).days
    assert [d.practices for d in hm.days[:3]] == [2, 1, 0]
    assert hm.days[0].level > hm.days[1].level > hm.days[2].level == 0
    name = f"{FIRST:%B}"
    assert hm.cell_text(0) == f"1 {name}: 2 practices, 14 minutes"
    assert hm.cell_text(1) == f"2 {name}: 1 practice, 3 minutes"
    assert hm.cell_text(2) == f"3 {name}: no practice"
    assert hm.accessibleDescription() == hm.cell_text(0)
    assert hist.day_text.text() == hm.cell_text(0)
    assert hist.month_label.text() == f"{FIRST:%B %Y}"


def test_calendar_is_moved_through_with_the_keyboard(pages, journal, qtbot) -> None:
    practise(journal, FIRST, 1)
    jp = pages()
    win, hist = jp.window, jp.history
    qtbot.keyClick(win, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert win.current_view() == "history"
    hm = hist.heatmap
    assert hm.hasFocus()
    hist.show_month(FIRST, FIRST)
    qtbot.keyClick(hm, Qt.Key.Key_Right)
    assert hm.days[hm.current].day == FIRST + timedelta(days=1)
    qtbot.keyClick(hm, Qt.Key.Key_Down)
    assert hm.days[hm.current].day == FIRST + timedelta(days=8)
    assert hm.accessibleDescription().startswith(f"9 {FIRST:%B}")
    qtbot.keyClick(hm, Qt.Key.Key_Home)
    qtbot.keyClick(hm, Qt.Key.Key_Left)  # past the first: the month before, its last day
    assert hist.month == add_months(FIRST, -1)
    assert hm.days[hm.current].day == FIRST - timedelta(days=1)
    qtbot.keyClick(hm, Qt.Key.Key_PageDown)
    assert hist.month == FIRST
    assert hm.days[hm.current].day.day == min((FIRST - timedelta(days=1)).day, len(hm.days))
    qtbot.keyClick(hm, Qt.Key.Key_End)
    qtbot.keyClick(hm, Qt.Key.Key_Right)
    assert hist.month == add_months(FIRST, 1)
    assert hm.days[hm.current].day == add_months(FIRST, 1)


def background(widget) -> QColor:
    img = widget.grab().toImage()
    return img.pixelColor(2, 2)


def drawn_near(widget, point, radius: int = 2) -> bool:
    """Whether something other than the background is drawn at ``point``."""
    img = widget.grab().toImage()
    ratio = img.devicePixelRatio()
    bg = img.pixelColor(2, 2)
    for dx in range(-radius, radius + 1):
        for dy in range(-radius, radius + 1):
            p = QPoint(int((point.x() + dx) * ratio), int((point.y() + dy) * ratio))
            if img.pixelColor(p) != bg:
                return True
    return False


def test_checkin_chart_draws_every_score_and_marks_sessions(pages, journal, qtbot) -> None:
    days = [TODAY - timedelta(days=n) for n in (20, 12, 5)]
    for n, d in enumerate(days):
        journal.record_answer("box-4", 0, "settled", "check_in", 3 + n, at=at(d, 0, 30))
    journal.record_answer("coherent", 0, "calm", "check_in", 8, at=at(days[1], 0, 40))
    journal.add_session(TODAY - timedelta(days=14))
    journal.add_session(TODAY - timedelta(days=400))  # outside the 90 days shown
    jp = pages()
    jp.window.show_page("history")
    chart = jp.history.checkins
    assert chart.isVisible()
    assert {k: [p.score for p in v] for k, v in chart.series.items()} == {
        "settled": [3, 4, 5],
        "calm": [8],
    }
    assert len(chart.marks()) == 4
    assert len(chart.session_xs()) == 1
    for point in chart.marks():
        assert drawn_near(chart, point)
    # higher scores sit higher
    settled = chart.marks()[:3]
    assert settled[0].y() > settled[1].y() > settled[2].y()
    # negative control: the same chart without data leaves those places blank
    empty = CheckinChart()
    qtbot.addWidget(empty)
    empty.resize(chart.size())
    empty.show()
    empty.set_data({}, [], chart.first, chart.last)
    assert not empty.has_data()
    assert not any(drawn_near(empty, p, 1) for p in chart.marks())
    assert "settled — 3 scores, first 3, latest 5" in chart.accessibleDescription()
    _heads, rows = chart.rows()
    assert len(rows) == 4 + 1  # scores and the session
    card = jp.history.cards[0]
    card.toggle.click()
    assert card.stack.currentWidget() is card.table
    assert card.table.rowCount() == 5
    assert card.toggle.text() == "Show as a chart"


def test_before_after_pairs_are_averaged_per_practice(pages, journal, qtbot) -> None:
    d = TODAY - timedelta(days=1)
    for n, (before, after) in enumerate(((3, 6), (5, 8))):
        t = at(d - timedelta(days=n), 0, 10)
        journal.record_answer("box-4", 0, "settled_before", "check_in", before, at=t)
        journal.record_answer(
            "box-4", 5, "settled_after", "check_in", after, at=t + timedelta(minutes=6)
        )
    jp = pages()
    jp.window.show_page("history")
    chart = jp.history.pairs
    assert len(chart.pairs) == 1
    s = chart.pairs[0]
    assert (s.name, s.before, s.after, s.count) == ("settled", 4.0, 7.0, 2)
    before, after = chart.marks()
    assert after.x() > before.x()
    assert drawn_near(chart, before) and drawn_near(chart, after)
    assert "Box breathing — settled: 4.0 before and 7.0 after on average, 2 times" in (
        chart.accessibleDescription()
    )
    empty = PairsChart()
    qtbot.addWidget(empty)
    empty.set_data([], {})
    empty.resize(chart.size())
    empty.show()
    assert not any(drawn_near(empty, p, 1) for p in chart.marks())


def test_who5_is_shown_0_to_100_with_big_changes_marked(pages, journal, qtbot) -> None:
    for weeks_ago, answers in ((2, (5, 5, 5, 5, 5)), (1, (7, 7, 7, 7, 7)), (0, (7, 7, 7, 7, 6))):
        t = at(TODAY - timedelta(days=7 * weeks_ago), 0, 5)
        for i, v in enumerate(answers, start=1):
            journal.record_answer(
                "who5-weekly", 2 + i, f"who5_{i}", "check_in", v, at=t + timedelta(seconds=i)
            )
    jp = pages()
    jp.window.show_page("history")
    chart = jp.history.who5
    assert [w.score for w in chart.points] == [50, 70, 68]
    assert [w.meaningful_change for w in chart.points] == [False, True, False]
    assert len(chart.marks()) == 3
    for p in chart.marks():
        assert drawn_near(chart, p)
    assert chart.marks()[1].y() < chart.marks()[0].y()
    _heads, rows = chart.rows()
    assert [r[1] for r in rows] == ["50", "70", "68"]
    assert rows[1][2] == "+20 *"
    assert "changes of 10 points or more: 1 (marked with a ring)" in chart.accessibleDescription()
    empty = Who5Chart()
    qtbot.addWidget(empty)
    empty.set_data([])
    empty.resize(chart.size())
    empty.show()
    assert not any(drawn_near(empty, p, 1) for p in chart.marks())
    assert "No complete WHO-5" in empty.accessibleDescription()
    assert jp.history.cards[2].summary.text() == chart.summary()


def test_charts_follow_the_dark_theme(pages, journal) -> None:
    from kapcompanion.settings import Settings

    journal.record_answer("box-4", 0, "settled", "check_in", 5, at=at(TODAY, 0, 1))
    jp = pages(settings=replace(Settings(), theme="dark"))
    assert current_palette().name == "dark"
    jp.window.show_page("history")
    chart = jp.history.checkins
    mark = chart.marks()[0]
    img = chart.grab().toImage()
    colour = img.pixelColor(int(mark.x()), int(mark.y()))
    assert colour == QColor(current_palette().accent)


def test_days_in_a_row_only_when_turned_on(pages, journal) -> None:
    for n in range(3):
        practise(journal, TODAY - timedelta(days=n), 1)
    jp = pages()
    jp.window.show_page("history")
    hist = jp.history
    assert not hist.run_label.isVisibleTo(hist)
    win = jp.window
    win.set_settings(replace(win.settings, show_days_in_a_row=True))
    assert hist.run_label.isVisibleTo(hist)
    assert hist.run_label.text() == "3 days in a row with a practice"
    win.set_settings(replace(win.settings, show_days_in_a_row=False))
    assert not hist.run_label.isVisibleTo(hist)


def test_a_change_made_elsewhere_shows_when_the_page_is_next_shown(pages, journal, qtbot):
    jp = pages()
    win, hist = jp.window, jp.history
    win.show_page("history")
    win.show_page("journal")
    assert hist.checkins.series == {}
    journal.record_answer("box-4", 0, "settled", "check_in", 6, at=at(TODAY, 0, 2))
    jp.journal.changed.emit()  # e.g. an entry saved on the Journal page
    assert hist.checkins.series == {}  # not drawn while hidden
    win.show_page("history")
    assert [p.score for p in hist.checkins.series["settled"]] == [6]


def test_the_dates_shown_choose_the_scores(pages, journal) -> None:
    journal.record_answer("box-4", 0, "settled", "check_in", 2, at=at(TODAY - timedelta(days=60)))
    journal.record_answer("box-4", 0, "settled", "check_in", 9, at=at(TODAY, 0, 3))
    jp = pages()
    jp.window.show_page("history")
    hist = jp.history
    assert [p.score for p in hist.checkins.series["settled"]] == [2, 9]  # last 90 days
    hist.range.setCurrentIndex(hist.range.findData("30"))
    assert [p.score for p in hist.checkins.series["settled"]] == [9]
    assert hist.cards[0].table.rowCount() == 1


def test_dates_follow_the_language(pages, journal) -> None:
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from kapcompanion.ui.i18n import install_translations

    practise(journal, date(2026, 11, 12), 2)
    hist = pages().history
    app = QApplication.instance()
    install_translations(app, "es")
    try:
        assert QLocale().name().startswith("es")
        hist.show_month(date(2026, 11, 1), date(2026, 11, 12))
        assert hist.month_label.text().lower() == "noviembre de 2026"  # the Spanish pattern
        assert hist.heatmap.cell_text(11).startswith("12 de noviembre: 2 prácticas")
        assert hist.heatmap._weekday_letters()[0].lower().startswith("lun")
    finally:
        install_translations(app, "en")
    hist.show_month(date(2026, 11, 1), date(2026, 11, 12))
    assert hist.month_label.text() == "November 2026"
