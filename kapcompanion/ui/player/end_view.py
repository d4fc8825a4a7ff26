"""The end screen: what was practised, for how long, and a gentle close."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kapcompanion.ui.catalogue import length_text

log = logging.getLogger(__name__)


@dataclass
class SessionResult:
    """What one practice session came to (the journal stores it when present)."""

    practice_id: str
    title: str
    elapsed: float  # seconds practised (pauses and skipped steps left out)
    total: float
    completed: bool
    answers: dict[int, Any] = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)
    grounding: bool = False


class EndView(QFrame):
    """A calm card after a practice."""

    library_requested = Signal()
    again_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(40, 36, 40, 36)
        lay.setSpacing(16)
        self.heading = QLabel()
        self.heading.setProperty("role", "h1")
        self.heading.setWordWrap(True)
        self.what = QLabel()
        self.what.setWordWrap(True)
        self.what.setProperty("role", "h2")
        self.answers = QLabel()
        self.answers.setWordWrap(True)
        self.answers.setProperty("role", "muted")
        self.close_words = QLabel()
        self.close_words.setWordWrap(True)
        for w in (self.heading, self.what, self.answers, self.close_words):
            lay.addWidget(w)
        lay.addStretch(1)
        row = QHBoxLayout()
        self.again = QPushButton(self.tr("Practise again"))
        self.again.setAutoDefault(True)
        self.again.setAccessibleName(self.tr("Practise again"))
        self.done = QPushButton(self.tr("Back to the library"))
        self.done.setAutoDefault(True)
        self.done.setProperty("primary", True)
        self.done.setAccessibleName(self.tr("Back to the library"))
        row.addWidget(self.again)
        row.addStretch(1)
        row.addWidget(self.done)
        lay.addLayout(row)
        self.done.clicked.connect(self.library_requested.emit)
        self.again.clicked.connect(self.again_requested.emit)
        self.setFocusProxy(self.done)

    def show_result(self, result: SessionResult) -> None:
        """Fill the card from ``result``."""
        how_long = length_text(result.elapsed)
        if result.grounding:
            self.heading.setText(self.tr("You took a minute to land"))
        elif result.completed:
            self.heading.setText(self.tr("Thank you for taking this time"))
        else:
            self.heading.setText(self.tr("Stopping is always okay"))
        if result.completed:
            self.what.setText(
                self.tr("You practised {title} for {length}.").format(
                    title=result.title, length=how_long
                )
            )
        else:
            self.what.setText(
                self.tr("You spent {length} with {title}.").format(
                    title=result.title, length=how_long
                )
            )
        n = sum(1 for a in result.answers.values() if a not in (None, "", {}))
        self.answers.setText(
            (
                self.tr("Your answer is kept with this session.")
                if n == 1
                else self.tr("{n} answers kept with this session.").format(n=n)
            )
            if n
            else ""
        )
        self.answers.setVisible(n > 0)
        self.close_words.setText(
            self.tr(
                "Take a moment before you move on. You might notice how you feel now — "
                "there's no need to change it. When you're ready, come back gently."
            )
        )
        self.setAccessibleName(self.heading.text())
        self.setAccessibleDescription(self.what.text())
