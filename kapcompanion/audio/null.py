"""The silent player: used when there is no sound device or sound is turned off."""

from __future__ import annotations

import logging

from kapcompanion.audio.base import Player, Volumes
from kapcompanion.core.session import SessionState
from kapcompanion.core.timeline import Timeline

log = logging.getLogger(__name__)

NO_DEVICE_NOTICE = "No sound device found — the practice will play silently."
SOUND_OFF_NOTICE = "Sound is turned off — the practice will play silently."


class NullPlayer(Player):
    """Plays nothing, keeps no device, never fails; the timing is the session's alone."""

    available = False

    def __init__(self, notice: str | None = NO_DEVICE_NOTICE) -> None:
        self.notice = notice
        self.volumes = Volumes()
        self.timeline: Timeline | None = None
        self.last_state: SessionState | None = None

    def prepare(self, timeline: Timeline) -> list[str]:
        """Remember the timeline; nothing to decode, so no warnings."""
        self.timeline = timeline
        return []

    def update(self, state: SessionState) -> None:
        """Remember the state (useful to tests); nothing sounds."""
        self.last_state = state

    def seek(self, position: float) -> None:
        """Nothing sounds, so nothing to cut."""

    def set_volumes(self, volumes: Volumes) -> None:
        """Remember the volumes."""
        self.volumes = volumes

    def stop(self, fade_ms: int = 800) -> None:
        """Nothing to stop."""

    def shutdown(self) -> None:
        """No device to release."""
