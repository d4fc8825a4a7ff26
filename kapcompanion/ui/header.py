"""The main window's header: the app's name, the pages' navigation and the buttons on the right.

From left to right: "KAP Companion", one checkable button per page (see
:meth:`MainWindow.add_page`), then Library (shown during a practice), More ▾ (shown once it
has an action), Settings and "Get help now".
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QWidget,
)

log = logging.getLogger(__name__)

# The header was built by the main window: its words keep the "MainWindow" translation
# context (written out in each call, where lupdate finds them).


class Header(QHBoxLayout):
    """The header's layout and its buttons; ``window`` owns the More menu."""

    def __init__(self, window: QWidget) -> None:
        super().__init__()
        self.help_button = QPushButton(QCoreApplication.translate("MainWindow", "Get help now"))
        self.help_button.setAutoDefault(True)
        self.help_button.setObjectName("help")
        self.help_button.setAccessibleName(QCoreApplication.translate("MainWindow", "Get help now"))
        self.help_button.setAccessibleDescription(
            QCoreApplication.translate(
                "MainWindow", "Opens a list of help lines. Works offline. Shortcut F1."
            )
        )
        self.settings_button = QPushButton(QCoreApplication.translate("MainWindow", "Settings"))
        self.settings_button.setAutoDefault(True)
        self.settings_button.setAccessibleName(QCoreApplication.translate("MainWindow", "Settings"))
        self.settings_button.setAccessibleDescription(
            QCoreApplication.translate("MainWindow", "Sound, motion, text size, theme")
        )
        self.library_button = QPushButton(QCoreApplication.translate("MainWindow", "Library"))
        self.library_button.setAutoDefault(True)
        self.library_button.setAccessibleName(
            QCoreApplication.translate("MainWindow", "Leave the practice")
        )
        self.library_button.setAccessibleDescription(
            QCoreApplication.translate(
                "MainWindow", "Back to the page you came from; asks first during a practice"
            )
        )
        self.library_button.hide()
        brand = QLabel(QCoreApplication.translate("MainWindow", "KAP Companion"))
        brand.setProperty("role", "h2")
        self.more_menu = QMenu(window)
        self.more_button = QToolButton()
        self.more_button.setText(QCoreApplication.translate("MainWindow", "More ▾"))
        self.more_button.setAccessibleName(QCoreApplication.translate("MainWindow", "More actions"))
        self.more_button.setMenu(self.more_menu)
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.hide()
        #: The pages' buttons (checkable, one checked: the page shown, which the window
        #: keeps so). Deliberately in no QButtonGroup: Qt then lets Tab reach only the
        #: checked button, and every page tab must be reachable by Tab.
        self.nav = QHBoxLayout()
        self.nav.setSpacing(6)
        self.setContentsMargins(24, 14, 24, 6)
        self.setSpacing(8)  # the buttons on the right stand apart, not edge to edge
        self.addWidget(brand)
        self.addSpacing(18)
        self.addLayout(self.nav)
        self.addStretch(1)
        self.addWidget(self.library_button)
        self.addWidget(self.more_button)
        self.addWidget(self.settings_button)
        self.addWidget(self.help_button)
