"""UI test fixtures: a fake clock, the sample library, a main window with injected parts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kapcompanion.audio.base import Player
from kapcompanion.settings import Settings, SettingsStore
from kapcompanion.ui.main_window import MainWindow
from tests.fakes import FakeClock
from tests.ui.samples import library


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
        qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
        return win

    return make


class RecordingPlayer(Player):
    """A silent stand-in that notes what the app asked of the audio layer.

    Used only where a test checks the app's side of the Player contract (seek after a
    skip, a fade on "I need to stop"); the real factory is tested in test_no_sound.
    """

    available = False
    notice = None

    def __init__(self) -> None:
        self.calls: list[tuple] = []
        self.updates = 0

    def prepare(self, timeline):
        self.calls.append(("prepare", timeline.practice_id))
        return []

    def update(self, state) -> None:
        self.updates += 1
        self.last_state = state

    def seek(self, position: float) -> None:
        self.calls.append(("seek", round(position, 3)))

    def set_volumes(self, volumes) -> None:
        self.calls.append(("volumes", volumes.master, volumes.muted))

    def stop(self, fade_ms: int = 800) -> None:
        self.calls.append(("stop", fade_ms))

    def shutdown(self) -> None:
        self.calls.append(("shutdown",))


@pytest.fixture
def recorder() -> RecordingPlayer:
    return RecordingPlayer()


def begin(win: MainWindow, pid: str, clock: FakeClock) -> None:
    """Open ``pid``, accept the stop rules when shown, and run out the get-ready countdown."""
    win.start_practice(pid)
    view = win.player
    if view.pages.currentWidget() is view.rules_holder:
        view.rules.begin.click()
    clock.advance(win.settings.get_ready_seconds + 0.001)
    view.tick()


def at(win: MainWindow, clock: FakeClock, position: float) -> None:
    """Move the fake clock so the session stands at ``position`` and draw a frame."""
    session = win.player.session
    assert session is not None
    clock.advance(position - session.position)
    win.player.tick()


@pytest.fixture(autouse=True)
def _no_synthetic_voice(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """The offline voice stays quiet in UI tests not about it (mark a test ``voice``).

    Loading the model and saying every text of every practice opened would cost each
    test a second or more on a busy machine; tests/ui/test_voice_live.py uses it for real.
    """
    if request.node.get_closest_marker("voice") is None:
        from kapcompanion.ui.voice_link import VoiceLink

        monkeypatch.setattr(VoiceLink, "enabled", False)
