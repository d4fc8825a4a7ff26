"""Asking the person a question with named answers (replaceable in tests)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

log = logging.getLogger(__name__)

#: ``ask(title, text, [(key, label), ...], default_key) -> chosen key`` ("cancel" on Esc).
Ask = Callable[[str, str, Sequence[tuple[str, str]], str], str]
#: ``choose_audio() -> path or None``.
ChooseFile = Callable[[], Path | None]


def ask_box(parent: QWidget | None) -> Ask:
    """An :data:`Ask` that shows a message box over ``parent``."""

    def ask(title: str, text: str, choices: Sequence[tuple[str, str]], default: str) -> str:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(title)
        box.setText(text)
        buttons = {}
        for key, label in choices:
            role = (
                QMessageBox.ButtonRole.RejectRole
                if key == "cancel"
                else QMessageBox.ButtonRole.AcceptRole
                if key == default
                else QMessageBox.ButtonRole.ActionRole
            )
            buttons[box.addButton(label, role)] = key
            if key == default:
                box.setDefaultButton(list(buttons)[-1])
        box.exec()
        return buttons.get(box.clickedButton(), "cancel")

    return ask


def audio_file_dialog(parent: QWidget | None) -> ChooseFile:
    """A :data:`ChooseFile` showing the platform's open dialog for audio files."""

    def choose() -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("Questions", "Import audio"),
            str(Path.home()),
            "Audio (*.wav *.ogg *.oga *.flac *.mp3);;All files (*)",
        )
        return Path(name) if name else None

    return choose
