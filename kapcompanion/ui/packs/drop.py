"""Dropping a .kappack on the main window opens it (an event filter, not a subclass)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from kapcompanion.core.packs.names import PACK_SUFFIX

log = logging.getLogger(__name__)


def dropped_files(mime: QMimeData) -> list[Path]:
    """Local files in a drag (web links and text are not files)."""
    if not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]


def is_pack(path: Path) -> bool:
    """Whether ``path`` is named like a pack."""
    return path.suffix.lower() == PACK_SUFFIX


class PackDropFilter(QObject):
    """Accepts dragged files on a window; a pack is opened, anything else explained."""

    def __init__(
        self,
        window: QWidget,
        open_pack: Callable[[Path], object],
        explain: Callable[[Path], object],
    ) -> None:
        super().__init__(window)
        self._open = open_pack
        self._explain = explain
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        # Text fields take drops themselves: a file dropped on the search box opens too.
        for child in window.findChildren(QWidget):
            if child.acceptDrops():
                child.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        """Handle drag enter/move/drop of local files; let everything else through."""
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(
            event, QDragEnterEvent | QDragMoveEvent
        ):
            if dropped_files(event.mimeData()):
                event.acceptProposedAction()
                return True
            return False
        if kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            files = dropped_files(event.mimeData())
            if not files:
                return False
            event.acceptProposedAction()
            packs = [f for f in files if is_pack(f)]
            if packs:
                log.info("pack dropped: %s", packs[0])
                self._open(packs[0])
            else:
                self._explain(files[0])
            return True
        return super().eventFilter(obj, event)
