"""The app's place on the desktop: its icon, and bringing its window to the front."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

from kapcompanion.resources import asset

log = logging.getLogger(__name__)


#: The sizes a window or tray icon is given. On X11 every size is sent to the display
#: server as the window's icon when it is shown; the 512-pixel one alone was 1 MiB and
#: 9 ms of each start there. Desktops draw launchers from the installed icon theme
#: (``--install-desktop-entry`` installs all sizes, 512 too), not from this.
WINDOW_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """The app's icon for its windows and tray, at each of :data:`WINDOW_ICON_SIZES`."""
    icon = QIcon()
    for size in WINDOW_ICON_SIZES:
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
