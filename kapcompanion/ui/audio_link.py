"""How the app reaches the audio layer: lazily, guarded, never at start-up.

The real factory lives in :mod:`kapcompanion.audio.factory`; if it cannot be imported or
no device opens, the app plays silently and says so once, gently.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from kapcompanion.audio.base import Player, Volumes
from kapcompanion.core.session import SessionState
from kapcompanion.core.timeline import Timeline

log = logging.getLogger(__name__)

PlayerFactory = Callable[[], Player]

SILENT_NOTICE = "Sound isn't available right now, so this practice plays silently."


class SilentPlayer(Player):
    """Plays nothing; used only when the audio layer cannot be loaded at all."""

    available = False

    def __init__(self, notice: str | None = SILENT_NOTICE) -> None:
        self.notice = notice
        self.volumes = Volumes()

    def prepare(self, timeline: Timeline) -> list[str]:
        """Nothing to decode."""
        return []

    def update(self, state: SessionState) -> None:
        """Nothing to sound."""

    def seek(self, position: float) -> None:
        """Nothing to cut."""

    def set_volumes(self, volumes: Volumes) -> None:
        """Remember the volumes."""
        self.volumes = volumes

    def stop(self, fade_ms: int = 800) -> None:
        """Nothing to stop."""

    def shutdown(self) -> None:
        """Nothing to release."""


def default_player() -> Player:
    """The real player from the audio layer, or a silent one with a notice."""
    try:
        # lazy: start-up speed (the audio layer loads pygame), and it may be missing
        from kapcompanion.audio.factory import create_player
    except ImportError as exc:
        log.warning("audio layer not available (%s); playing silently", exc)
        return SilentPlayer()
    try:
        return create_player(enabled=True)
    except Exception as exc:  # a broken device must never stop a practice
        log.warning("cannot open audio (%s); playing silently", exc)
        return SilentPlayer()
