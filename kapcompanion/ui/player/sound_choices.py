"""The person's sound choices applied to a practice: cue style, ambient bed, volumes."""

from __future__ import annotations

import logging
from dataclasses import replace

from kapcompanion.audio.base import Volumes
from kapcompanion.core.timeline import CHANNEL_CUE, Timeline
from kapcompanion.settings import Ambient, CueStyle, Settings

log = logging.getLogger(__name__)


def tuned_timeline(timeline: Timeline, settings: Settings) -> Timeline:
    """Apply the person's cue style and ambient choice to a compiled timeline."""
    cues = timeline.cues
    if settings.cue_style == CueStyle.NONE:
        cues = tuple(c for c in cues if c.channel != CHANNEL_CUE)
    elif settings.cue_style == CueStyle.BELL:
        cues = tuple(c._replace(sound="soft-bell") if c.channel == CHANNEL_CUE else c for c in cues)
    ambient, volume = timeline.ambient, timeline.ambient_volume
    if settings.ambient == Ambient.NONE:
        ambient, volume = None, 0.0
    elif settings.ambient != Ambient.PRACTICE:
        ambient, volume = str(settings.ambient), volume or 0.3
    return replace(timeline, cues=cues, ambient=ambient, ambient_volume=volume)


def volumes_of(settings: Settings) -> Volumes:
    """The player volumes for ``settings``."""
    v = settings.volumes
    return Volumes(v.master, v.voice, v.cue, v.ambient, settings.muted)
