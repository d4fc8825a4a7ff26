"""Keyboard all the way: Tab reaches every control of every page, Ctrl+1…4, the list of keys,
a focus ring on every control (Get help now too), Space after Continue, the two Backs."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from kapcompanion.core.session import Status
from kapcompanion.settings import Settings
from kapcompanion.ui.extensions import install_all
from kapcompanion.ui.main_window import MainWindow
from kapcompanion.ui.theme import DARK, LIGHT
from tests.ui.conftest import at
from tests.ui.test_keyboard import shown_controls

QUICK = replace(Settings(), get_ready_seconds=0)


def tab_walk(win: MainWindow, limit: int = 80) -> list[QWidget]:
    """Press Tab (a real key event on the focused widget) until the focus comes round."""
    seen: list[QWidget] = []
    for _ in range(limit):
        QTest.keyClick(QApplication.focusWidget() or win, Qt.Key.Key_Tab)
        w = QApplication.focusWidget()
        if w is None or (seen and w is seen[0]):
            break
        seen.append(w)
    return seen


def names(widgets: list[QWidget]) -> list[str]:
    return [w.accessibleName() for w in widgets]


@pytest.fixture
def app_window(make_window, qtbot):
    """The whole app's window (every part installed), a session in three days."""

    def make(settings: Settings = QUICK) -> MainWindow:
        win = make_window(settings)
        win.resize(1280, 820)
        install_all(win)
        assert win.journal is not None
        win.journal.add_session(win.pages["today"].today() + timedelta(days=3))
        win.pages["today"].refresh()
        win.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
        return win

    return make


PAGE_TABS = ["Today", "Library", "Journal", "History"]


@pytest.mark.parametrize("page", ["today", "library", "journal", "history"])
def test_tab_reaches_every_control_on_every_page(app_window, page) -> None:
    win = app_window()
    win.show_page(page)
    QApplication.processEvents()
    chain = tab_walk(win)
    for w in shown_controls(win):
        assert w in chain, f"{type(w).__name__} {w.accessibleName()!r} not reached by Tab"
    reached = names(chain)
    for name in [*PAGE_TABS, "More actions", "Settings", "Get help now"]:
        assert name in reached
    # Shift+Tab goes back the same way
    here = QApplication.focusWidget()
    QTest.keyClick(here, Qt.Key.Key_Tab)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is here


def test_today_tab_reaches_your_sessions_and_the_checkbox(app_window) -> None:
    win = app_window()
    win.show_page("today")
    reached = names(tab_walk(win))
    today = win.pages["today"]
    for name in (
        today.sessions_button.accessibleName(),
        today.show_run.accessibleName(),
        "Write your intention",
        *(b.accessibleName() for b in today.anytime_buttons.values()),
    ):
        assert name in reached, name
    # reading order: the page tabs come first, then the header's right, then the page
    assert reached.index("Today") < reached.index("History") < reached.index("Get help now")


def test_ctrl_1_to_4_show_the_four_pages_and_say_so(app_window) -> None:
    win = app_window()
    for n, page in enumerate(["today", "library", "journal", "history"], start=1):
        QTest.keyClick(win, Qt.Key(Qt.Key.Key_0 + n), Qt.KeyboardModifier.ControlModifier)
        assert win.current_view() == page
        button = win.nav_buttons[page]
        assert button.isChecked()
        assert button.toolTip().endswith(f"(Ctrl+{n})")
        assert [k for k, b in win.nav_buttons.items() if b.isChecked()] == [page]
    QTest.keyClick(win, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # as before
    assert win.current_view() == "library"
    assert win.help_button.toolTip() == "Get help now (F1)"


def test_more_lists_the_keyboard_shortcuts(app_window, qtbot) -> None:
    win = app_window()
    assert win.more_menu.actions()[-1] is win.keys_action
    win.keys_action.trigger()
    dialog = next(
        w for w in QApplication.topLevelWidgets() if w.windowTitle() == "Keyboard shortcuts"
    )
    qtbot.addWidget(dialog)
    rows = dict(dialog.rows())
    assert rows["Ctrl+1"] == "Today" and rows["Ctrl+2"] == "Library"
    assert rows["Ctrl+3"] == "Journal" and rows["Ctrl+4"] == "History"
    assert rows["F1"] == "Get help now" and rows["Space"] == "Pause or continue the practice"
    assert rows["Ctrl+O"] == "Open a pack…"
    assert "Ctrl+N" not in rows  # a therapist tool: not listed unless Therapist mode is on


def test_after_continue_the_focus_is_on_the_player_and_space_pauses(make_window, clock, qtbot):
    win = make_window(QUICK)
    win.start_practice("intention-setting")
    view = win.player
    at(win, clock, 9.0)
    gate = view.gate
    assert gate is not None
    qtbot.keyClicks(gate.edit, "calm")
    gate.continue_button.setFocus()
    qtbot.keyClick(gate.continue_button, Qt.Key.Key_Space)
    assert view.gate is None
    assert QApplication.focusWidget() is view.play_button
    assert view.session is not None and view.session.status is Status.PLAYING
    QTest.keyClick(view.play_button, Qt.Key.Key_Space)
    view.tick()
    assert view.session.status is Status.PAUSED
    assert not view.endings.parts.confirm.isVisible()  # paused, not asked to stop


def test_the_header_back_asks_before_ending_a_practice(make_window, clock) -> None:
    win = make_window(QUICK)
    win.start_practice("box-4")
    view = win.player
    if view.pages.currentWidget() is view.rules_holder:
        view.rules.begin.click()
    at(win, clock, 5.0)  # early: Esc would simply stop; the header's Back asks anyway
    assert win.library_button.isVisible()
    win.library_button.click()
    assert view.confirm.isVisible() and "Stop here?" in view.confirm_text.text()
    assert win.current_view() == "player" and view.session.status is Status.PAUSED
    view.keep_going.click()
    assert view.session.status is Status.PLAYING


def test_the_two_backs_have_distinct_names(make_window) -> None:
    win = make_window(QUICK)
    win.start_practice("box-4")
    assert win.player.back_button.accessibleName() == "Previous step"
    assert "Previous step" in win.player.back_button.text()
    assert win.library_button.accessibleName() == "Leave the practice"


def _ring_colour_seen(button: QWidget, colour: str) -> bool:
    image = button.grab().toImage()
    want = QColor(colour)
    for x in range(0, image.width(), 2):
        for y in (1, 2, image.height() // 2):
            got = image.pixelColor(QPoint(x, y)) if y < image.height() else want
            if (
                max(abs(got.red() - want.red()), abs(got.green() - want.green())) < 24
                and abs(got.blue() - want.blue()) < 24
            ):
                return True
    return False


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_get_help_now_shows_a_clear_focus_ring(make_window, qtbot, theme) -> None:
    win = make_window(replace(QUICK, theme=theme))
    palette = LIGHT if theme == "light" else DARK
    help_button = win.help_button
    win.library.list.setFocus()
    assert not _ring_colour_seen(help_button, palette.focus)
    help_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: help_button.hasFocus())
    assert _ring_colour_seen(help_button, palette.focus)
    sheet = QApplication.instance().styleSheet()
    assert "focus ring" in sheet and "QPushButton#help:focus" in sheet


def test_every_stop_in_get_help_now_shows_the_focus_ring(make_window, qtbot) -> None:
    win = make_window(QUICK)
    panel = win.show_help()
    qtbot.waitExposed(panel)
    panel.close_button.setFocus(Qt.FocusReason.TabFocusReason)
    stops: list[QWidget] = []
    for _ in range(12):
        w = panel.focusWidget()
        assert w is not None
        if stops and w is stops[0]:
            break
        stops.append(w)
        w.focusNextPrevChild(True)
    # the lines, Edit and Close: no stop without a ring (the scroll frame is not one)
    assert [type(w).__name__ for w in stops].count("QScrollArea") == 0
    assert panel.close_button in stops and panel.edit_button in stops
    assert sum(type(w).__name__ == "QLabel" for w in stops) == len(panel.cards)
