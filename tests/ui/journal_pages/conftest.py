"""Fixtures for the journal pages: a real journal file in the private data dir, a window."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from kapcompanion.journal.store import JournalStore
from kapcompanion.ui.journal_pages import JournalPages, install


@pytest.fixture
def journal() -> Iterator[JournalStore]:
    store = JournalStore.open()  # the private data dir of tests/conftest.py
    yield store
    store.close()


@pytest.fixture
def pages(make_window, journal) -> Callable[..., JournalPages]:
    def make(open_journal: bool = True, **kw) -> JournalPages:
        win = make_window(**kw)
        pages = install(win)
        # the harness closes the window after the test: nobody is there to answer
        pages.ask_at_close = lambda *_a: False
        if open_journal:
            win.journal = journal
            win.hub.journal_changed.emit(journal)
        return pages

    return make


def at(day: date, hour: int = 12, minute: int = 0) -> datetime:
    """A local time on ``day`` (stored as UTC by the journal)."""
    return datetime.combine(day, time(hour, minute)).astimezone()


def when_modal(qtbot, act: Callable[[QWidget], None]) -> None:
    """Run ``act`` on the next modal window as soon as it shows (a person answering it)."""
    done: list[bool] = []

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(20, poll)
            return
        done.append(True)
        act(modal)

    QTimer.singleShot(0, poll)
