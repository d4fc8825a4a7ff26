"""Dialogs that ask for a passphrase: to open, to turn the lock on, to change or remove it."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.journal.lock import ENABLE_WARNING

log = logging.getLogger(__name__)

UNLOCK, NEW, CHANGE, REMOVE = "unlock", "new", "change", "remove"
MIN_LENGTH = 8


@dataclass(frozen=True, slots=True)
class Passphrases:
    """What the person typed: ``old`` (to open, change or remove) and ``new`` (to set)."""

    old: str = ""
    new: str = ""


def _field(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAccessibleName(name)
    edit.setMinimumWidth(320)
    return edit


class PassphraseDialog(QDialog):
    """One dialog for the four passphrase moments; ``mode`` is unlock/new/change/remove.

    ``new`` shows the warning that a forgotten passphrase loses the journal, asks for the
    passphrase twice and for a tick that the person understands, before OK is possible.
    """

    def __init__(self, mode: str, message: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = mode
        titles = {
            UNLOCK: self.tr("Open your journal"),
            NEW: self.tr("Turn on the passphrase lock"),
            CHANGE: self.tr("Change your passphrase"),
            REMOVE: self.tr("Turn off the passphrase lock"),
        }
        self.setWindowTitle(titles[mode])
        self.setAccessibleName(titles[mode])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 20)
        lay.setSpacing(12)
        heading = QLabel(titles[mode])
        heading.setProperty("role", "h2")
        lay.addWidget(heading)
        intro = {
            UNLOCK: self.tr(
                "Your journal is locked with a passphrase. Enter it to see and keep your "
                "answers. You can also choose “Not now”: practices still play, and answers "
                "are not kept until the journal is open."
            ),
            NEW: self.tr(ENABLE_WARNING),
            CHANGE: self.tr("Enter the passphrase you use now, then the new one twice."),
            REMOVE: self.tr(
                "Your entries will be stored unencrypted on this computer again. Enter your "
                "passphrase to turn the lock off."
            ),
        }[mode]
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        if mode == NEW:
            self.intro.setProperty("role", "safety")
        lay.addWidget(self.intro)
        form = QFormLayout()
        self.old = _field(
            self.tr("Your passphrase") if mode != CHANGE else self.tr("Passphrase now")
        )
        self.new = _field(self.tr("New passphrase"))
        self.repeat = _field(self.tr("New passphrase again"))
        if mode in (UNLOCK, REMOVE, CHANGE):
            form.addRow(self.old.accessibleName(), self.old)
        if mode in (NEW, CHANGE):
            form.addRow(self.new.accessibleName(), self.new)
            form.addRow(self.repeat.accessibleName(), self.repeat)
            self.new.setAccessibleDescription(self.tr("At least 8 characters"))
        lay.addLayout(form)
        self.understood = QCheckBox(
            self.tr("I understand: if I forget this passphrase, my journal cannot be recovered.")
        )
        self.understood.setAccessibleName(self.understood.text())
        self.understood.setVisible(mode == NEW)
        lay.addWidget(self.understood)
        self.error = QLabel(message)
        self.error.setWordWrap(True)
        self.error.setProperty("role", "safety")
        self.error.setAccessibleName(message)
        self.error.setVisible(bool(message))
        lay.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel = QPushButton(self.tr("Not now") if mode == UNLOCK else self.tr("Cancel"))
        self.cancel.setAutoDefault(True)
        self.cancel.setAccessibleName(self.cancel.text())
        ok_text = {
            UNLOCK: self.tr("Open"),
            NEW: self.tr("Turn on the lock"),
            CHANGE: self.tr("Change passphrase"),
            REMOVE: self.tr("Turn off the lock"),
        }[mode]
        self.ok = QPushButton(ok_text)
        self.ok.setDefault(True)
        self.ok.setProperty("primary", True)
        self.ok.setAccessibleName(ok_text)
        row.addWidget(self.cancel)
        row.addWidget(self.ok)
        lay.addLayout(row)
        self.cancel.clicked.connect(self.reject)
        self.ok.clicked.connect(self.try_accept)
        first = self.old if mode in (UNLOCK, REMOVE, CHANGE) else self.new
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def problem(self) -> str:
        """Why OK cannot go ahead yet ("" when it can)."""
        if self.mode in (UNLOCK, REMOVE, CHANGE) and not self.old.text():
            return self.tr("Please enter your passphrase.")
        if self.mode in (NEW, CHANGE):
            if len(self.new.text()) < MIN_LENGTH:
                return self.tr("The new passphrase needs at least 8 characters.")
            if self.new.text() != self.repeat.text():
                return self.tr("The two new passphrases are not the same — please type them again.")
        if self.mode == NEW and not self.understood.isChecked():
            return self.tr("Please tick the box to say you understand that it cannot be recovered.")
        return ""

    def show_problem(self, text: str) -> None:
        """Show ``text`` under the fields (and to screen readers)."""
        self.error.setText(text)
        self.error.setAccessibleName(text)
        self.error.setVisible(bool(text))

    def try_accept(self) -> None:
        """Accept when everything needed is there, else say what is missing."""
        text = self.problem()
        if text:
            self.show_problem(text)
            return
        self.accept()

    def value(self) -> Passphrases:
        """What was typed."""
        return Passphrases(self.old.text(), self.new.text())


def ask(parent: QWidget | None, mode: str, message: str = "") -> Passphrases | None:
    """Show the dialog modally; the passphrases, or None for "Not now"/"Cancel"."""
    dialog = PassphraseDialog(mode, message, parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.value()
        return None
    finally:
        dialog.deleteLater()
