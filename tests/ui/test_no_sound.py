"""The app with no sound card: the practice plays silently with a gentle notice."""

from __future__ import annotations

from dataclasses import replace

from kapcompanion.core.session import Status
from kapcompanion.settings import Settings
from kapcompanion.ui.audio_link import default_player
from tests.ui.conftest import at


def test_practice_plays_through_without_a_sound_device(make_window, clock, monkeypatch) -> None:
    monkeypatch.setenv("SDL_AUDIODRIVER", "no-such-driver")
    win = make_window(
        replace(Settings(), get_ready_seconds=0, rules_dismissed=("box-4",)),
        player_factory=default_player,
    )
    win.start_practice("box-4")
    view = win.player
    assert view.player is not None
    assert not view.player.available
    assert view.notice.isVisible() and view.notice.text()
    at(win, clock, 30.0)
    assert view.pacer.breathing
    view.skip()
    view.tick()
    assert view.pages.currentIndex() == 3
    assert view.session.status is Status.FINISHED
    win.close()  # releases the (silent) device without error
