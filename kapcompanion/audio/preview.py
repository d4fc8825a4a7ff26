"""Play one clip now, outside any practice (the editor's "Listen" on a step).

It shares pygame's mixer with the live player (opening it the same way when nothing has
yet) and plays on a channel the player does not reserve. Never raises: without a sound
device it returns False and the caller says so.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import numpy as np

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
import pygame.mixer

from kapcompanion.audio.mixer_format import to_mixer_bytes
from kapcompanion.audio.pygame_player import BUFFER, CHANNELS, FREQUENCY, N_CHANNELS, SIZE
from kapcompanion.audio.sounds import SoundError, decode, fit_channels, resample

log = logging.getLogger(__name__)

#: The mixer channel "Listen" plays on (the first after the live player's own).
LISTEN_CHANNEL = N_CHANNELS


class ClipPlayer:
    """Plays one clip at a time (a new one stops the last)."""

    def __init__(self) -> None:
        self._sound: pygame.mixer.Sound | None = None
        self._channel: pygame.mixer.Channel | None = None

    def _open(self) -> tuple[int, int, int] | None:
        try:
            if pygame.mixer.get_init() is None:
                pygame.mixer.init(frequency=FREQUENCY, size=SIZE, channels=CHANNELS, buffer=BUFFER)
            got = pygame.mixer.get_init()
        except pygame.error as exc:
            log.info("no sound device for listening: %s", exc)
            return None
        return (int(got[0]), int(got[1]), int(got[2])) if got else None

    def play_samples(self, samples: np.ndarray, rate: int, volume: float = 1.0) -> bool:
        """Play mono or ``(frames, channels)`` float samples at ``rate`` Hz; False if silent."""
        mixer = self._open()
        if mixer is None:
            return False
        freq, size, channels = mixer
        x = np.asarray(samples, dtype=np.float32)
        x = x.reshape(-1, 1) if x.ndim == 1 else x
        out = fit_channels(resample(x, rate, freq), channels)
        try:
            self.stop()
            self._sound = pygame.mixer.Sound(buffer=to_mixer_bytes(out, size, consume=True))
            self._sound.set_volume(max(0.0, min(1.0, volume)))
            # A channel of its own, beyond those the live player reserves (pygame's own
            # choice of a free channel can crash after the mixer was closed and reopened).
            if pygame.mixer.get_num_channels() <= LISTEN_CHANNEL:
                pygame.mixer.set_num_channels(LISTEN_CHANNEL + 1)
            self._channel = pygame.mixer.Channel(LISTEN_CHANNEL)
            self._channel.play(self._sound)
        except pygame.error as exc:
            log.info("the clip could not be played: %s", exc)
            return False
        return self._channel is not None

    def play_file(self, path: Path, volume: float = 1.0) -> bool:
        """Play a recorded clip; False when it cannot be read or heard."""
        mixer = self._open()
        if mixer is None:
            return False
        try:
            got = decode(path, mixer[0], mixer[2])
        except SoundError as exc:
            log.info("the clip could not be read: %s", exc)
            return False
        return self.play_samples(got.samples, got.rate, volume)

    @property
    def busy(self) -> bool:
        """Whether the clip is still sounding."""
        return bool(self._channel is not None and self._channel.get_busy())

    def stop(self) -> None:
        """Stop the clip."""
        if self._channel is not None and pygame.mixer.get_init() is not None:
            self._channel.stop()
        self._channel = None
