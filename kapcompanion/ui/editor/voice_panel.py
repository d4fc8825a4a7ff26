"""The voice part of the side panel: record, import or remove the clip of one say step."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kapcompanion.core.model import SayStep, Step
from kapcompanion.core.spoken import step_speech

log = logging.getLogger(__name__)


class VoicePanel(QWidget):
    """Buttons for the chosen step's voice; the editor does the work on its signals."""

    record_requested = Signal()
    import_requested = Signal()
    remove_requested = Signal()
    listen_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        head = QLabel(self.tr("Voice"))
        head.setProperty("role", "h2")
        self.what = QLabel()
        self.what.setWordWrap(True)
        self.no_mic = QLabel(self.tr("No microphone found — you can import a recording instead."))
        self.no_mic.setWordWrap(True)
        self.no_mic.setProperty("role", "muted")
        self.no_mic.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setProperty("role", "muted")
        self.record = QPushButton(self.tr("Record…"))
        self.record.setAccessibleName(self.tr("Record a voice clip for this step"))
        self.import_ = QPushButton(self.tr("Import audio…"))
        self.import_.setAccessibleName(self.tr("Import an audio file for this step"))
        self.import_.setAccessibleDescription(self.tr("WAV, OGG, FLAC or MP3"))
        self.remove = QPushButton(self.tr("Remove voice"))
        self.remove.setAccessibleName(self.tr("Remove this step's voice clip"))
        self.listen = QPushButton(self.tr("Listen"))
        self.listen.setAccessibleName(self.tr("Listen to this step"))
        self.listen.setAccessibleDescription(
            self.tr("Its recorded clip, or the built-in voice saying its words")
        )
        self.listen.clicked.connect(self.listen_requested.emit)
        self.record.clicked.connect(self.record_requested.emit)
        self.import_.clicked.connect(self.import_requested.emit)
        self.remove.clicked.connect(self.remove_requested.emit)
        row = QHBoxLayout()
        for b in (self.listen, self.record, self.import_, self.remove):
            row.addWidget(b)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(head)
        lay.addWidget(self.what)
        lay.addLayout(row)
        lay.addWidget(self.no_mic)
        lay.addWidget(self.status)
        self.has_microphone = False
        self.step: Step | None = None
        self.show_step(-1, None)

    def set_microphone(self, available: bool) -> None:
        """Enable recording, or say plainly that there is no microphone."""
        self.has_microphone = available
        self.no_mic.setVisible(not available)
        none = self.tr("No microphone found — you can import a recording instead.")
        self.record.setToolTip("" if available else none)
        self.record.setAccessibleDescription(
            self.tr("Choose a microphone, record, listen back, then use it.")
            if available
            else self.tr("No microphone found — you can import a recording instead.")
        )
        self._enable()

    def show_step(self, index: int, step: Step | None) -> None:
        """Show the voice of step ``index`` (buttons only work for say steps)."""
        self.step = step
        self.index = index
        if not isinstance(step, SayStep):
            self.what.setText(
                self.tr("Choose a guidance (say) step to give it your voice.")
                if index < 0 or step is None
                else self.tr(
                    "Step {n} is not a guidance step; only say steps carry a voice."
                ).format(n=index + 1)
            )
        elif step.voice is not None:
            self.what.setText(
                self.tr("Step {n} plays your clip “{name}”.").format(
                    n=index + 1, name=Path(step.voice).name
                )
            )
        else:
            self.what.setText(
                self.tr("Step {n} has no voice yet; its words are shown on screen.").format(
                    n=index + 1
                )
            )
        self._enable()

    def _enable(self) -> None:
        step = self.step
        say = isinstance(step, SayStep)
        self.listen.setEnabled(step is not None and (say or step_speech(step) is not None))
        self.record.setEnabled(say and self.has_microphone)
        self.import_.setEnabled(say)
        self.remove.setEnabled(isinstance(step, SayStep) and step.voice is not None)

    def say(self, text: str) -> None:
        """A status line under the buttons (what just happened, or what went wrong)."""
        self.status.setText(text)
