"""The synthetic voice for the command line: the person's voice settings, one service.

``play --no-window``, ``timeline`` and ``render`` all say a practice with the voice and
speed chosen in Settings, from the same disk cache as the app, so the three (and the
app) agree on every step's length to the millisecond.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from kapcompanion.core.folders import DataFolders
from kapcompanion.settings import FILE_NAME, Settings, SettingsStore

if TYPE_CHECKING:
    from kapcompanion.audio.voice import VoiceService

log = logging.getLogger(__name__)


def voice_settings(folders: DataFolders) -> Settings:
    """The person's settings (for the voice, its speed and spoken breath cues)."""
    return SettingsStore(folders.root / FILE_NAME).load()


def cli_voice(folders: DataFolders, settings: Settings | None = None) -> VoiceService | None:
    """A voice service as Settings chose it (None when the voice is turned off)."""
    s = settings or voice_settings(folders)
    if not s.voice_on:
        return None
    from kapcompanion.audio.voice.live import open_service

    return open_service(s.voice_name, s.voice_speed, folders.cache / "voice")


def spoken_cues(settings: Settings) -> bool | None:
    """``compile_practice(spoken_cues=…)``: on when Settings asks, else as the practice says."""
    return True if settings.spoken_cues else None
