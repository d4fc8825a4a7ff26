"""What the player's collaborators (its endings, its questions) may ask of the player."""

from __future__ import annotations

import logging
from typing import Protocol

from kapcompanion.audio.base import Player
from kapcompanion.core.model import Practice
from kapcompanion.core.session import Session

log = logging.getLogger(__name__)


class PlayerHost(Protocol):
    """The player as its parts see it (:class:`~kapcompanion.ui.player.view.PlayerView`)."""

    session: Session | None
    practice: Practice | None
    player: Player | None
    grounding: bool
    ready_until: float | None

    def width(self) -> int:
        """The player's width in pixels."""
        ...

    def values(self) -> dict[str, object]:
        """Answers that fill ``{name}`` placeholders."""
        ...

    def tick(self) -> None:
        """Draw one frame from the clock."""

    def set_keys(self, on: bool) -> None:
        """Turn the single-key shortcuts on or off."""

    def halt(self, keep_session: bool = False) -> None:
        """Stop the frames, the cue wake, speech and any question."""

    def start(self, practice: Practice, *, grounding: bool = False, start_step: int = 0) -> None:
        """Begin ``practice``."""

    def leave(self) -> None:
        """Stop everything quietly and go back to the library."""
