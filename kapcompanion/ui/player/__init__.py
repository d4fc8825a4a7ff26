"""The player: plays one practice full-window (see :mod:`kapcompanion.ui.player.view`).

Its parts load when the window first needs the player (:mod:`kapcompanion.ui.player_slot`),
not when the package is imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kapcompanion.core.lazy_names import lazy_getattr

if TYPE_CHECKING:
    from kapcompanion.ui.player.view import PlayerView

__all__ = ["PlayerView"]

__getattr__ = lazy_getattr(__name__, {"PlayerView": "view"})
