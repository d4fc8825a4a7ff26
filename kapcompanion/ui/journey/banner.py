"""A calm notice across the top of the window (journal not available, restored, ...)."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

log = logging.getLogger(__name__)


class Banner(QFrame):
    """One plain message with a "Dismiss" button; hidden until :meth:`say` is called."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setAccessibleName(self.tr("Notice"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(18, 10, 12, 10)
        lay.setSpacing(12)
        self.mark = QLabel(self.tr("Please note:"))
        self.mark.setProperty("role", "h2")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.dismiss = QPushButton(self.tr("Dismiss"))
        self.dismiss.setAutoDefault(True)
        self.dismiss.setAccessibleName(self.tr("Dismiss this notice"))
        self.dismiss.clicked.connect(self.hide)
        lay.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)
        lay.addWidget(self.text, 1)
        lay.addWidget(self.dismiss, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def say(self, message: str) -> None:
        """Show ``message`` (replacing what was shown)."""
        self.text.setText(message)
        self.text.setAccessibleName(message)
        self.setAccessibleDescription(message)
        self.show()

    def message(self) -> str:
        """The text shown, or "" when the banner is hidden."""
        return self.text.text() if not self.isHidden() else ""


def attach(window: QWidget) -> Banner:
    """Put a banner under the window's header (above the pages)."""
    banner = Banner()
    central = getattr(window, "centralWidget", lambda: None)()
    layout = central.layout() if central is not None else None
    if layout is not None:
        holder = QWidget()
        hl = QHBoxLayout(holder)
        hl.setContentsMargins(24, 0, 24, 4)
        hl.addWidget(banner)
        layout.insertWidget(1, holder)  # type: ignore[attr-defined]
    return banner
