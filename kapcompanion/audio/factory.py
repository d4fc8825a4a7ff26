"""Choose the player: the pygame mixer when a device opens, else the silent player."""

from __future__ import annotations

import logging

from kapcompanion.audio.base import Player
from kapcompanion.audio.null import NO_DEVICE_NOTICE, SOUND_OFF_NOTICE, NullPlayer

log = logging.getLogger(__name__)


def create_player(enabled: bool = True) -> Player:
    """Return a working player; never raises.

    Args:
        enabled: False when the person turned sound off (``--silent``).

    Returns:
        A :class:`~kapcompanion.audio.pygame_player.PygamePlayer`, or a
        :class:`~kapcompanion.audio.null.NullPlayer` whose ``notice`` says, in one plain
        line, that the practice will play silently.
    """
    if not enabled:
        return NullPlayer(SOUND_OFF_NOTICE)
    try:
        # lazy: start-up speed (pygame loads only when sound is wanted); it may also fail
        from kapcompanion.audio.pygame_player import PygamePlayer

        return PygamePlayer()
    except Exception as exc:  # no device, no driver, or pygame missing: play silently
        log.warning("no sound device (%s); playing silently", exc)
        return NullPlayer(NO_DEVICE_NOTICE)
