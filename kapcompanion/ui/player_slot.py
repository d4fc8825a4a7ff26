"""The main window's player, built when first needed or just after the window's first paint.

The player (its pacer, gates, questions and end screens, and the modules behind them) is
not on the first screen: the window opens on Today or the library. So the window starts
without it, and :class:`PlayerSlot` builds it the moment something asks for it
(``window.player``), or else right after the first paint, before the window answers its
first click, so Begin practice opens it as fast as before. Parts that need the player
when it exists (to connect to its signals, to give it the journal's recall) register
with :meth:`PlayerSlot.when_built`, which runs at once if it is already built.
Start-up time this saves is measured by ``benchmarks/bench_ui_startup.py``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from kapcompanion.ui.player.view import PlayerView

log = logging.getLogger(__name__)

Hook = Callable[["PlayerView"], object]


class PlayerSlot(QObject):
    """Holds the window's player: ``built`` (None until made), :meth:`get` makes it."""

    def __init__(self, window: QWidget, make: Callable[[], PlayerView]) -> None:
        super().__init__(window)
        self._make = make
        self._hooks: list[Hook] = []
        #: The player, once built.
        self.built: PlayerView | None = None
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """On the window's first paint: build the player on the next turn of the loop."""
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self.get)  # not at all if the window is gone
        return False

    def get(self) -> PlayerView:
        """The player, built now if it was not yet (then every registered hook runs)."""
        if self.built is None:
            player = self._make()
            self.built = player
            hooks, self._hooks = self._hooks, []
            for hook in hooks:
                hook(player)
            log.debug("player built")
        return self.built

    def when_built(self, hook: Hook) -> None:
        """Run ``hook(player)`` once the player is built (at once if it is)."""
        if self.built is not None:
            hook(self.built)
        else:
            self._hooks.append(hook)
