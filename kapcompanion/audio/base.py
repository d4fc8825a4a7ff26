"""The Player interface every audio back end implements.

A player is driven by the session state: the owner (a QTimer in the app, a loop in the
terminal) calls :meth:`Player.update` every few milliseconds with the current
:class:`~kapcompanion.core.session.SessionState`; the player starts each cue whose
timeline time has been reached since the previous update. Timing therefore comes from
the one timeline and the one monotonic clock, never from timers that add up.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from dataclasses import dataclass

from kapcompanion.core.session import SessionState
from kapcompanion.core.timeline import Timeline

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Volumes:
    """Per-channel volumes, each 0..1."""

    master: float = 0.8
    voice: float = 1.0
    cue: float = 0.7
    ambient: float = 0.5
    muted: bool = False


class Player(ABC):
    """Plays a timeline's sounds in step with a session."""

    #: False for the silent player (no device, or sound turned off).
    available: bool = False
    #: A one-line notice for the person when sound is not available, else None.
    notice: str | None = None

    @abstractmethod
    def prepare(self, timeline: Timeline) -> list[str]:
        """Decode and cache every sound the timeline uses, before playing starts.

        Returns warnings (e.g. a missing or corrupt voice clip, naming the file); the
        rest of the practice still plays.
        """

    @abstractmethod
    def update(self, state: SessionState) -> None:
        """Follow the session: start the cues reached since the last call.

        It also manages the ambient bed (fade in, loop, duck under voice, fade out) and
        reacts to the status (paused, waiting, finished, stopped).
        """

    @abstractmethod
    def seek(self, position: float) -> None:
        """The session jumped (skip/back): cut sounding cues with a short fade.

        Then it continues from ``position`` without replaying cues before it.
        """

    @abstractmethod
    def set_volumes(self, volumes: Volumes) -> None:
        """Apply new volumes at once."""

    @abstractmethod
    def stop(self, fade_ms: int = 800) -> None:
        """Fade everything out and stop."""

    @abstractmethod
    def shutdown(self) -> None:
        """Release the device."""

    # -- the synthetic voice (optional: a silent player simply ignores it) ----------

    def speech_data(self, clip: object) -> object | None:
        """Make a 24 kHz voice clip ready to play (any thread); None: this player is silent."""
        return None

    def add_speech(self, text: str, data: object) -> None:
        """Keep the clip of ``text`` (from :meth:`speech_data`) for its ``speech`` cues."""
        return None

    def retime(self, timeline: Timeline) -> None:
        """Go on with ``timeline``: the same practice with steps ahead timed afresh.

        Nothing sounding is cut and no cue already played plays again.
        """
        return None
