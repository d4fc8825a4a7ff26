"""UI test fixtures: a fake clock, the sample library, a main window with injected parts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kapcompanion.settings import Settings, SettingsStore
from kapcompanion.ui.main_window import MainWindow
from tests.ui.samples import library


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path: Path) -> SettingsStore:
    return SettingsStore(tmp_path / "settings.json")


@pytest.fixture
def make_window(qtbot, clock: FakeClock, store: SettingsStore) -> Callable[..., MainWindow]:
    def make(settings: Settings | None = None, **kw) -> MainWindow:
        if settings is not None:
            store.save(settings)
        win = MainWindow(library(), store=store, clock=clock, **kw)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        win.activateWindow()
        return win

    return make
