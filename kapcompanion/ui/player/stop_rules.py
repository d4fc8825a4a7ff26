"""The stop rules, shown before breath practices and practices with a safety note."""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from kapcompanion.core.model import Practice
from kapcompanion.core.text import reflow

log = logging.getLogger(__name__)


def needs_rules(practice: Practice, dismissed: tuple[str, ...]) -> bool:
    """Whether to show the stop rules before ``practice``."""
    return (practice.has_breathing or bool(practice.safety)) and practice.id not in dismissed


class StopRules(QFrame):
    """A card with the stop rules, the practice's own safety note and "don't show again"."""

    accepted = Signal(bool)  # don't show again
    declined = Signal()

    def __init__(self, practice: Practice, parent: QFrame | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(36, 30, 36, 30)
        lay.setSpacing(14)
        head = QLabel(self.tr("Before you begin"))
        head.setProperty("role", "h1")
        lay.addWidget(head)
        rules = [
            self.tr("Breathe gently, not deeply. Nothing here needs effort."),
            self.tr(
                "If you notice dizziness, tingling, air hunger, chest pain or panic, return "
                "to your natural breath. You can stop at any time."
            ),
            self.tr("Practise seated or lying down — never while driving or in water."),
            self.tr("Holds are always optional: you can breathe through them."),
        ]
        if not practice.has_breathing:
            rules = [self.tr("You can pause or stop at any time.")]
        if practice.safety:  # its own note says it for this practice: said once, not twice
            rules = []
        # A list, so a long rule wraps under its own first word, not back at the margin.
        items = "".join(f"<li>{html.escape(r, quote=False)}</li>" for r in rules)
        self.rules = QLabel(f"<ul style='margin-left:-20px'>{items}</ul>")
        self.rules.setTextFormat(Qt.TextFormat.RichText)
        self.rules.setWordWrap(True)
        self.rules.setAccessibleName(self.tr("Stop rules"))
        self.rules.setAccessibleDescription(" ".join(rules))
        self.rules.setVisible(bool(rules))
        lay.addWidget(self.rules)
        self.note = QLabel(reflow(practice.safety or ""))
        self.note.setWordWrap(True)
        self.note.setProperty("role", "safety")
        self.note.setVisible(bool(practice.safety))
        lay.addWidget(self.note)
        self.dont_show = QCheckBox(self.tr("Don't show this again for this practice"))
        self.dont_show.setAccessibleName(self.dont_show.text())
        lay.addWidget(self.dont_show)
        lay.addStretch(1)
        row = QHBoxLayout()
        self.back = QPushButton(self.tr("Not now"))
        self.back.setAutoDefault(True)
        self.back.setAccessibleName(self.tr("Not now, back to the library"))
        self.begin = QPushButton(self.tr("I understand, begin"))
        self.begin.setAutoDefault(True)
        self.begin.setProperty("primary", True)
        self.begin.setAccessibleName(self.tr("I understand, begin"))
        self.begin.setDefault(True)
        row.addWidget(self.back)
        row.addStretch(1)
        row.addWidget(self.begin)
        lay.addLayout(row)
        self.begin.clicked.connect(lambda: self.accepted.emit(self.dont_show.isChecked()))
        self.back.clicked.connect(self.declined.emit)
        self.setFocusProxy(self.begin)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Esc means "not now"."""
        if event.key() == Qt.Key.Key_Escape:
            self.declined.emit()
            return
        super().keyPressEvent(event)
