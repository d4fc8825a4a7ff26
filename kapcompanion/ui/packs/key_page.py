"""The first and last steps of sharing: create the signing key (once); the pack is ready."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kapcompanion.core.packs import signing
from kapcompanion.paths import data_folders
from kapcompanion.ui.packs.widgets import label

log = logging.getLogger(__name__)


class KeyPage(QWidget):
    """Explains the signing key and creates it; emits :attr:`created` with the new key."""

    created = Signal(object)  # signing.SigningKey

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        head = label(self.tr("First, your signing key"), "h2")
        about = label(
            self.tr(
                "Packs you share are signed with a key that belongs to you. Your client's "
                "app uses it to check that a pack really comes from you and that nothing in "
                "it changed on the way.\n\n"
                "The key is made once and stays on this computer, in KAP Companion's data "
                "folder. Nothing is sent anywhere. Keep a backup of that folder: with a new "
                "key, your clients would need to confirm you again."
            )
        )
        name_label = label(self.tr("Your name, as your clients know you"))
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Your name on packs"))
        self.name.setAccessibleDescription(
            self.tr("Shown to clients when they open a pack from you, for example Dr. Sam Rivera")
        )
        self.name.setPlaceholderText(self.tr("for example, Dr. Sam Rivera"))
        self.name.setMaxLength(signing.MAX_NAME)
        name_label.setBuddy(self.name)
        self.create_button = QPushButton(self.tr("Create my key"))
        self.create_button.setProperty("primary", True)
        self.create_button.setAutoDefault(True)
        self.create_button.setAccessibleName(self.tr("Create my signing key"))
        self.create_button.setEnabled(False)
        where = label(
            self.tr("It will be kept in {folder}").format(
                folder=signing.SigningStore.of(data_folders()).keys
            ),
            "muted",
            selectable=True,
        )
        self.problem = label(role="safety")
        self.problem.setAccessibleName(self.tr("Problem"))
        self.problem.hide()
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.setAutoDefault(True)

        row = QHBoxLayout()
        row.addWidget(self.name, 1)
        row.addWidget(self.create_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(12)
        lay.addWidget(head)
        lay.addWidget(about)
        lay.addSpacing(6)
        lay.addWidget(name_label)
        lay.addLayout(row)
        lay.addWidget(where)
        lay.addWidget(self.problem)
        lay.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.cancel)
        lay.addLayout(bottom)

        self.name.textChanged.connect(lambda t: self.create_button.setEnabled(bool(t.strip())))
        self.name.returnPressed.connect(self.create_key)
        self.create_button.clicked.connect(self.create_key)

    def create_key(self) -> signing.SigningKey | None:
        """Create the key with the typed name; a problem is shown in plain words."""
        if not self.name.text().strip():
            return None
        try:
            key = signing.SigningStore.of(data_folders()).create_key(self.name.text())
        except signing.SigningError as exc:
            self._show_problem(exc.message, exc.hint)
            return None
        except OSError as exc:
            self._show_problem(
                self.tr("Your key could not be saved in {folder} ({why}).").format(
                    folder=signing.SigningStore.of(data_folders()).keys, why=exc.strerror or exc
                ),
                self.tr("Check that the data folder can be written."),
            )
            return None
        self.problem.hide()
        self.created.emit(key)
        return key

    def _show_problem(self, message: str, hint: str) -> None:
        self.problem.setText(f"{message}\n{hint}" if hint else message)
        self.problem.show()


class DonePage(QWidget):
    """The pack is saved: where, and the fingerprint to tell the client."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        head = label(self.tr("Your pack is ready"), "h2")
        self.text = label(selectable=True)
        self.fingerprint = label(role="h2", keyboard=True)
        self.fingerprint.setAccessibleName(self.tr("Your key's fingerprint"))
        hint = label(
            self.tr(
                "The first time your client opens a pack from you, their app shows this "
                "fingerprint. You might read it out to them, or send it another way, so "
                "they can check it matches."
            ),
            "muted",
        )
        self.copy = QPushButton(self.tr("Copy fingerprint"))
        self.copy.setAutoDefault(True)
        self.copy.setAccessibleDescription(self.tr("Copies the fingerprint to the clipboard"))
        self.copy.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.fingerprint.text())
        )
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setProperty("primary", True)
        self.close_button.setAutoDefault(True)
        row = QHBoxLayout()
        row.addWidget(self.copy)
        row.addStretch(1)
        row.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(14)
        for w in (head, self.text, self.fingerprint, hint):
            lay.addWidget(w)
        lay.addStretch(1)
        lay.addLayout(row)
