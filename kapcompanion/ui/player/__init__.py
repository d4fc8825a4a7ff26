"""The player: plays one practice full-window (see :mod:`kapcompanion.ui.player.view`)."""

from kapcompanion.ui.player.view import PlayerView

__all__ = ["PlayerView"]
