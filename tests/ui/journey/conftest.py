"""Fixtures for the journey tests: the real built-in library, a movable day, and helpers
that drive modal dialogs and play a practice through with the fake clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from kapcompanion.core.library import Library
from kapcompanion.settings import Settings, SettingsStore
from kapcompanion.ui.journey import Journey, install
from kapcompanion.ui.library_source import load_library
from kapcompanion.ui.main_window import MainWindow
from tests.fakes import FakeClock

START = date(2026, 12, 1)
QUICK = replace(Settings(), get_ready_seconds=0)

_LIBRARY: dict[str, Library] = {}


def built_in() -> Library:
    """The real library (read once per test run; it does not change)."""
    if "lib" not in _LIBRARY:
        _LIBRARY["lib"] = load_library()
    return _LIBRARY["lib"]


class Day:
    """The day the app believes it is (noon local time), moved by the test."""

    def __init__(self, day: date = START) -> None:
        self.day = day

    def __call__(self) -> datetime:
        return datetime.combine(self.day, time(12, 0)).astimezone()


@pytest.fixture
def store() -> SettingsStore:
    """Settings in the (private) data dir, as in the app, so backups include them."""
    return SettingsStore()


@pytest.fixture
def day() -> Day:
    return Day()


@pytest.fixture
def journey_window(
    qtbot, clock: FakeClock, store: SettingsStore, day: Day
) -> Callable[..., tuple[MainWindow, Journey]]:
    """A main window on the built-in library with the journey installed."""

    def make(settings: Settings = QUICK, **options) -> tuple[MainWindow, Journey]:
        store.save(settings)
        win = MainWindow(library=built_in(), store=store, clock=clock)
        qtbot.addWidget(win)
        options.setdefault("now", day)
        journey = install(win, **options)
        win.show()
        qtbot.waitExposed(win)
        return win, journey

    return make


def when_modal(act: Callable[[QWidget], None], *, tries: int = 200) -> None:
    """Run ``act`` on the next modal dialog once it shows (the test's hands on it)."""

    def look(left: int = tries) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or not widget.isVisible():
            if left > 0:
                QTimer.singleShot(20, lambda: look(left - 1))
            return
        try:
            act(widget)
        except BaseException:
            widget.close()  # never leave a modal dialog waiting: the test fails, not hangs
            raise

    QTimer.singleShot(0, look)


def play_through(
    win: MainWindow, clock: FakeClock, answer: Callable[[object], None] | None = None
) -> None:
    """Play the open practice to its end, giving each gate ``answer`` (or leaving it)."""
    view = win.player
    if view.pages.currentWidget() is view.rules_holder:
        view.rules.begin.click()
    view.tick()
    for _ in range(1000):
        if view.gate is not None:
            if answer is not None:
                answer(view.gate)
            view.gate.continue_button.click()
            continue
        session = view.session
        if session is None or session.done:
            return
        later = [g.start for g in session.timeline.gates if g.start > session.position + 1e-6]
        target = min(later) if later else session.timeline.total
        clock.advance(target - session.position + 0.01)
        view.tick()
    raise AssertionError("the practice did not end")
