"""The file dialog's toolbar icons, drawn in the theme's own colours.

Where the desktop offers no icon theme (and always offscreen), Qt's own file dialog falls
back to small black bitmaps, which vanish on the dark theme. :class:`ThemeStyle` wraps the
application's style and hands out line icons in the palette's text colour for those
buttons (back, forward, up, new folder, list, details); everything else is the style's.
Only ``standardIcon`` is overridden: it is asked when a dialog is built, never per frame.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

log = logging.getLogger(__name__)

#: The sizes each icon is drawn at (Qt picks the nearest for the button).
SIZES = (16, 20, 24, 32, 48)
_SP = QStyle.StandardPixmap
_PATHS: dict[QStyle.StandardPixmap, str] = {
    _SP.SP_ArrowBack: "M15 5l-7 7 7 7",
    _SP.SP_FileDialogBack: "M15 5l-7 7 7 7",
    _SP.SP_ArrowForward: "M9 5l7 7-7 7",
    _SP.SP_FileDialogToParent: "M12 19V6M6 11l6-6 6 6",
    _SP.SP_FileDialogNewFolder: "M3 7h6l2 2h10v10H3zM12 12v5M9.5 14.5h5",
    _SP.SP_FileDialogListView: "M4 6h16M4 12h16M4 18h16",
    _SP.SP_FileDialogDetailedView: "M4 5h16v14H4zM4 10h16M4 15h16M10 5v14",
}


def line_icon(path: str, colour: str) -> QIcon:
    """A 24-unit line drawing (an SVG path) as an icon in ``colour``, crisp at each size."""
    icon = QIcon()
    for size in SIZES:
        svg = (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
            f'viewBox="0 0 24 24"><path d="{path}" fill="none" stroke="{colour}" '
            'stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/></svg>'
        )
        pixmap = QPixmap()
        if not pixmap.loadFromData(QByteArray(svg.encode()), "SVG"):
            log.debug("no SVG image support; keeping the style's icon")
            return QIcon()
        icon.addPixmap(pixmap)
    return icon


class ThemeStyle(QProxyStyle):
    """The application's style with the file dialog's icons in the theme's colour."""

    def __init__(self, colour: Callable[[], str]) -> None:
        super().__init__()
        self._colour = colour

    def standardIcon(  # noqa: N802 - Qt's name
        self,
        standard_icon: QStyle.StandardPixmap,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> QIcon:
        """A themed line icon for the file dialog's buttons; the style's own otherwise."""
        path = _PATHS.get(standard_icon)
        if path is not None:
            icon = line_icon(path, self._colour())
            if not icon.isNull():
                return icon
        return super().standardIcon(standard_icon, option, widget)


#: The style installed on the running application (kept referenced from Python).
_installed: tuple[QApplication, ThemeStyle] | None = None


def install_style(app: QApplication, colour: Callable[[], str]) -> None:
    """Wrap ``app``'s style once in :class:`ThemeStyle` (before its style sheet is set)."""
    global _installed
    if _installed is not None and _installed[0] is app:
        return
    style = ThemeStyle(colour)
    app.setStyle(style)
    _installed = (app, style)
