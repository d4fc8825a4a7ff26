"""The keyboard: shortcuts shown the way the desktop writes them, and More ▸ Keyboard shortcuts.

The list is read from the window as it is (its pages, the More menu's actions that show),
so a shortcut added by a part of the app is listed without being written here twice.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)


def key_text(keys: str | QKeySequence) -> str:
    """``keys`` as the desktop writes them ("Ctrl+1"; "⌘1" on a Mac)."""
    sequence = keys if isinstance(keys, QKeySequence) else QKeySequence(keys)
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def with_key(title: str, keys: str | QKeySequence) -> str:
    """A tooltip naming a control and its shortcut: "Today (Ctrl+1)"."""
    return f"{title} ({key_text(keys)})"


def player_keys() -> list[tuple[str, str]]:
    """The keys of a practice under way (the player's own, see its layout)."""
    return [
        (
            QCoreApplication.translate("Keys", "Space"),
            QCoreApplication.translate("Keys", "Pause or continue the practice"),
        ),
        (
            key_text("Left"),
            QCoreApplication.translate("Keys", "Previous step (or the start of this one)"),
        ),
        (key_text("Right"), QCoreApplication.translate("Keys", "Skip to the next step")),
        (key_text("M"), QCoreApplication.translate("Keys", "Sound off or on")),
        ("+ / −", QCoreApplication.translate("Keys", "Louder / quieter")),
        (key_text("Esc"), QCoreApplication.translate("Keys", "Stop the practice (asks first)")),
        (key_text("Ctrl+Return"), QCoreApplication.translate("Keys", "Continue after a question")),
    ]


def general_keys() -> list[tuple[str, str]]:
    """Keys that work everywhere in the window."""
    return [
        (key_text("F1"), QCoreApplication.translate("Keys", "Get help now")),
        (
            key_text("Tab") + " / " + key_text("Shift+Tab"),
            QCoreApplication.translate("Keys", "Move to the next / previous control"),
        ),
        (key_text("Ctrl+,"), QCoreApplication.translate("Keys", "Settings")),
        (key_text("Ctrl+F"), QCoreApplication.translate("Keys", "Search the library")),
        (key_text("F11"), QCoreApplication.translate("Keys", "Full screen on or off")),
    ]


class KeysDialog(QDialog):
    """A plain table of keys and what each does, grouped under small headings."""

    def __init__(
        self, groups: Sequence[tuple[str, Sequence[tuple[str, str]]]], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.resize(560, 620)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(20, 20, 20, 20)
        intro = QLabel(self.tr("Everything in the app works from the keyboard. These keys help."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        rows = sum(len(items) + 1 for _title, items in groups)
        self.table = QTableWidget(rows, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        r = 0
        for title, items in groups:
            head = QTableWidgetItem(title)
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(r, 0, head)
            self.table.setSpan(r, 0, 1, 2)
            r += 1
            for keys, what in items:
                self.table.setItem(r, 0, QTableWidgetItem(keys))
                self.table.setItem(r, 1, QTableWidgetItem(what))
                r += 1
        lay.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        lay.addWidget(buttons)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def rows(self) -> list[tuple[str, str]]:
        """Every (keys, what) row shown, headings as (heading, "") (for tests)."""
        out: list[tuple[str, str]] = []
        for r in range(self.table.rowCount()):
            keys, what = self.table.item(r, 0), self.table.item(r, 1)
            out.append((keys.text() if keys else "", what.text() if what else ""))
        return out
