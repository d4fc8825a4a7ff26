"""Get help now: the person's own list of help lines, offline, one click from anywhere."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.settings import HelpLine, Settings
from kapcompanion.ui.widgets import text_label

log = logging.getLogger(__name__)


def shown_lines(settings: Settings, clinic_label: str) -> list[HelpLine]:
    """The lines the panel lists: the person's list, with the clinic after the third line.

    That follows the content brief's order (emergency, 988, findahelpline, the clinic,
    Fireside); the clinic appears only once its number is entered.
    """
    lines = list(settings.help_lines)
    if settings.clinic_number.strip():
        clinic = HelpLine(settings.clinic_name.strip() or clinic_label, settings.clinic_number)
        lines.insert(min(3, len(lines)), clinic)
    return lines


class HelpPanel(QDialog):
    """An always-offline panel with help lines and plain words about monitoring."""

    edit_requested = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpPanel")
        self.setWindowTitle(self.tr("Get help now"))
        self.setAccessibleName(self.tr("Get help now"))
        self.setMinimumSize(560, 560)
        self.setModal(False)
        head = text_label(self.tr("Get help now"), "h1")
        intro = text_label(
            self.tr(
                "If you are in danger, or might act on thoughts of harming yourself, please "
                "call your local emergency number now. You deserve support, and reaching "
                "out is a strong thing to do."
            )
        )
        self.not_monitored = text_label(
            self.tr(
                "This app is not monitored. Nobody sees what you write here, and nobody "
                "will be alerted — so if you need someone, please reach out directly."
            ),
            "safety",
        )
        self.not_monitored.setAccessibleName(self.tr("This app is not monitored"))
        self.lines_box = QVBoxLayout()
        self.lines_box.setSpacing(10)
        holder = QWidget()
        holder.setLayout(self.lines_box)
        scroll = QScrollArea()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the lines, each with a ring
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(holder)
        self.clinic_hint = text_label(
            self.tr("You can add your clinic's after-hours number under “Edit this list”."),
            "muted",
        )
        self.edit_button = QPushButton(self.tr("Edit this list"))
        self.edit_button.setAccessibleName(self.tr("Edit this list of help lines"))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setProperty("primary", True)
        self.close_button.setAccessibleName(self.tr("Close help"))
        row = QHBoxLayout()
        row.addWidget(self.edit_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(28, 24, 28, 24)
        lay.setSpacing(14)
        self._wrapped = (intro, self.not_monitored)
        for w in (head, intro, self.not_monitored):
            lay.addWidget(w)
        lay.addWidget(scroll, 1)
        lay.addWidget(self.clinic_hint)
        lay.addLayout(row)
        self.close_button.clicked.connect(self.close)
        self.edit_button.clicked.connect(self.edit_requested.emit)
        self.show_settings(settings)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """Keep the safety words whole at any width and text size (the list scrolls instead)."""
        super().resizeEvent(event)
        for label in self._wrapped:
            label.setMinimumHeight(label.heightForWidth(label.width()))

    def show_settings(self, settings: Settings) -> None:
        """List the help lines from ``settings``."""
        while self.lines_box.count():
            item = self.lines_box.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.hide()
                old.deleteLater()
        self.cards: list[QFrame] = []
        for line in shown_lines(settings, self.tr("Your clinic (after hours)")):
            card = QFrame()
            card.setObjectName("card")
            cl = QVBoxLayout(card)
            cl.setContentsMargins(18, 12, 18, 12)
            cl.setSpacing(4)
            name = text_label(line.name)
            name.setStyleSheet("font-weight: 600;")
            contact = text_label(line.contact, "h2", selectable=True, by_keyboard=True)
            contact.setAccessibleName(f"{line.name}: {line.contact}")
            contact.setAccessibleDescription(line.note)
            cl.addWidget(name)
            cl.addWidget(contact)
            if line.note:
                cl.addWidget(text_label(line.note, "muted"))
            self.lines_box.addWidget(card)
            card.setVisible(True)
            self.cards.append(card)
        self.lines_box.addStretch(1)
        self.clinic_hint.setVisible(not settings.clinic_number.strip())

    def texts(self) -> list[str]:
        """Every line of text the panel shows (for tests and screen readers)."""
        out = []
        for lab in self.findChildren(QLabel):
            if lab.isVisibleTo(self) and lab.text():
                out.append(lab.text())
        return out
