"""The app's place on the desktop: its icon, and bringing its window to the front."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

from kapcompanion.resources import asset

log = logging.getLogger(__name__)


def app_icon() -> QIcon:
    """The app's icon at every size it ships in."""
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        path = asset("icons", f"kapcompanion-{size}.png")
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon


def bring_forward(window: QWidget) -> None:
    """Show the window on top (a later launch, or the tray, asked for it)."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
