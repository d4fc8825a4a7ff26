"""Privacy and backups: the passphrase lock, a full backup, and restoring one.

The lock can be turned on, changed and turned off; the backup goes to a file the person
chooses; restoring closes the journal first and opens it again after.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.journal import archive
from kapcompanion.journal.errors import JournalError
from kapcompanion.ui.journey import passphrase
from kapcompanion.ui.journey.journal_link import sentence

if TYPE_CHECKING:
    from kapcompanion.journal.restore_plan import RestorePlan
    from kapcompanion.journal.store import JournalStore
    from kapcompanion.ui.journey.journal_link import JournalLink

log = logging.getLogger(__name__)

#: (parent, title, suggested path) -> the chosen path, or "" when cancelled.
ChooseFile = Callable[[QWidget, str, str], str]
Confirm = Callable[[QWidget, str, str], bool]


def backup_filter() -> str:
    """The file dialogs' filter for backups, in the app's language."""
    return QCoreApplication.translate("PrivacyDialog", "KAP Companion backups (*.kapbackup)")


def choose_save(parent: QWidget, title: str, suggested: str) -> str:
    """Ask where to write a backup."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, backup_filter())
    return path


def choose_open(parent: QWidget, title: str, suggested: str) -> str:
    """Ask which backup to restore."""
    path, _ = QFileDialog.getOpenFileName(parent, title, suggested, backup_filter())
    return path


def confirm_box(parent: QWidget, title: str, text: str) -> bool:
    """Ask before going ahead; "Cancel" is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(
        QCoreApplication.translate("PrivacyDialog", "Restore"), QMessageBox.ButtonRole.AcceptRole
    )
    no = box.addButton(
        QCoreApplication.translate("PrivacyDialog", "Cancel"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(no)
    box.exec()
    return box.clickedButton() is yes


class PrivacyDialog(QDialog):
    """The lock and the backups, each one button, each with a plain result message."""

    def __init__(
        self,
        link: JournalLink,
        parent: QWidget | None = None,
        *,
        ask: Callable[..., passphrase.Passphrases | None] = passphrase.ask,
        save_file: ChooseFile = choose_save,
        open_file: ChooseFile = choose_open,
        confirm: Confirm = confirm_box,
    ) -> None:
        super().__init__(parent)
        self.link = link
        self._ask, self._save_file, self._open_file, self._confirm = (
            ask,
            save_file,
            open_file,
            confirm,
        )
        self.setWindowTitle(self.tr("Privacy and backups"))
        self.setAccessibleName(self.tr("Privacy and backups"))
        self.resize(640, 480)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 20)
        lay.setSpacing(12)
        lock_heading = QLabel(self.tr("Passphrase lock"))
        lock_heading.setProperty("role", "h2")
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(lock_heading)
        lay.addWidget(self.status)
        row = QHBoxLayout()
        self.lock_on = self._button(self.tr("Turn on the lock…"), row)
        self.change = self._button(self.tr("Change passphrase…"), row)
        self.lock_off = self._button(self.tr("Turn off the lock…"), row)
        row.addStretch(1)
        lay.addLayout(row)
        backup_heading = QLabel(self.tr("Backups"))
        backup_heading.setProperty("role", "h2")
        note = QLabel(
            self.tr(
                "A backup is one file with your journal, settings, your own practices and "
                "imported packs. Keep it somewhere safe; it stays locked if your journal is."
            )
        )
        note.setWordWrap(True)
        note.setProperty("role", "muted")
        lay.addWidget(backup_heading)
        lay.addWidget(note)
        row2 = QHBoxLayout()
        self.backup = self._button(self.tr("Back up everything…"), row2)
        self.restore = self._button(self.tr("Restore from a backup…"), row2)
        row2.addStretch(1)
        lay.addLayout(row2)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setProperty("role", "safety")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        lay.addWidget(self.message)
        lay.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        self.close_button = self._button(self.tr("Close"), bottom)
        lay.addLayout(bottom)
        self.lock_on.clicked.connect(self.turn_on)
        self.change.clicked.connect(self.change_passphrase)
        self.lock_off.clicked.connect(self.turn_off)
        self.backup.clicked.connect(self.back_up)
        self.restore.clicked.connect(self.restore_from)
        self.close_button.clicked.connect(self.accept)
        self.update_state()

    @staticmethod
    def _button(text: str, row: QHBoxLayout) -> QPushButton:
        b = QPushButton(text)
        b.setAutoDefault(True)
        b.setAccessibleName(text.rstrip("…"))
        row.addWidget(b)
        return b

    def say(self, text: str) -> None:
        """Show the result of the last action."""
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.message.setVisible(bool(text))

    def update_state(self) -> None:
        """Show whether the lock is on and enable what makes sense."""
        store = self.link.store
        locked = bool(store is not None and store.locked)
        if store is None:
            text = self.tr(
                "Your journal isn't open, so the lock can't be changed just now. Backups and "
                "restoring still work."
            )
        elif locked:
            text = self.tr(
                "Your journal is locked with a passphrase: entries are encrypted on this "
                "computer, and the app asks for the passphrase when it opens."
            )
        else:
            text = self.tr(
                "Your journal has no passphrase. It stays on this computer, readable by anyone "
                "who can use your account."
            )
        self.status.setText(text)
        self.status.setAccessibleName(text)
        self.lock_on.setEnabled(store is not None and not locked)
        self.change.setEnabled(locked)
        self.lock_off.setEnabled(locked)

    # -- the lock ------------------------------------------------------------------

    def _lock_action(
        self,
        mode: str,
        action: Callable[[passphrase.Passphrases], object],
        done: str | Callable[[], str],
    ) -> None:
        if self.link.store is None:
            return
        message = ""
        while True:
            answer = self._ask(self, mode, message)
            if answer is None:
                return
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                action(answer)
            except JournalError as exc:
                message = sentence(str(exc))
                continue
            finally:
                QGuiApplication.restoreOverrideCursor()
            break
        self.say(done if isinstance(done, str) else done())
        self.update_state()
        self.link.written.emit()

    def turn_on(self) -> None:
        """Warn, ask for the passphrase twice, then encrypt the journal."""
        store = self.link.store
        if store is None:
            return
        self._lock_action(
            passphrase.NEW,
            lambda a: store.enable_lock(a.new),
            lambda: self._locked_words(store),
        )

    def _locked_words(self, store: JournalStore) -> str:
        """What turning the lock on did, earlier copies included, in the app's language."""
        words = [
            self.tr(
                "Your journal is now locked. The app will ask for your passphrase each time it "
                "opens."
            )
        ]
        n = store.lock.copies_replaced
        if n:
            words.append(
                self.tr("An older copy was replaced by a locked one.")
                if n == 1
                else self.tr("{0} older copies were replaced by one locked copy.").format(n)
            )
        if store.lock.files_sealed:
            words.append(
                self.tr("Earlier files kept aside are now encrypted too: %1.").replace(
                    "%1", ", ".join(store.lock.files_sealed)
                )
            )
        return " ".join(words)

    def change_passphrase(self) -> None:
        """Ask for the passphrase now and the new one twice."""
        store = self.link.store
        if store is None:
            return
        self._lock_action(
            passphrase.CHANGE,
            lambda a: store.change_passphrase(a.old, a.new),
            self.tr("Your passphrase is changed. Use the new one from now on."),
        )

    def turn_off(self) -> None:
        """Ask for the passphrase, then decrypt the journal."""
        store = self.link.store
        if store is None:
            return
        self._lock_action(
            passphrase.REMOVE,
            lambda a: store.disable_lock(a.old),
            self.tr("The lock is off. Your journal opens without a passphrase now."),
        )

    # -- backups -------------------------------------------------------------------

    def back_up(self) -> Path | None:
        """Write a full backup to a file the person chooses; returns it."""
        suggested = str(Path.home() / f"kapcompanion-backup-{date.today():%Y-%m-%d}.kapbackup")
        chosen = self._save_file(self, self.tr("Back up everything"), suggested)
        if not chosen:
            return None
        out = Path(chosen)
        if out.suffix != archive.SUFFIX and not out.is_dir():
            out = out.with_name(out.name + archive.SUFFIX)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            written = archive.make_archive(out)
        except JournalError as exc:
            self.say(
                self.tr(
                    "The backup could not be made. {why} Try a folder you can write to, "
                    "such as your Documents."
                ).format(why=sentence(str(exc)))
            )
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.say(
            self.tr("Backed up everything to {file}. Keep it somewhere safe.").format(file=written)
        )
        return written

    def restore_from(self) -> bool:
        """Check the chosen backup, show what it would change and ask, then restore.

        The journal is closed first (a restore is refused while it is open anywhere) and
        opened again whatever the answer.
        """
        chosen = self._open_file(self, self.tr("Restore from a backup"), str(Path.home()))
        if not chosen:
            return False
        file = Path(chosen)
        try:  # a file that is not a backup at all is refused with the journal left open
            archive.read_manifest(file)
        except JournalError as exc:
            self.say(sentence(str(exc)))
            return False
        declined = False

        def ask(plan: RestorePlan) -> bool:
            nonlocal declined
            QGuiApplication.restoreOverrideCursor()
            question = self.tr(
                "Restore from {file}? This is what would change; a part the backup does not "
                "hold is kept as it is. What is here now is kept first as a backup file in the "
                "backups folder of your data."
            ).format(file=file)
            details = "\n".join(plan.text().splitlines()[1:-1])
            declined = not self._confirm(
                self, self.tr("Restore from this backup?"), f"{question}\n\n{details}"
            )
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            return not declined

        window = self.link.window
        self.link.close()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:  # everything is unpacked and checked before the question
            text = archive.restore_archive(file, confirm=ask)
        except JournalError as exc:
            QGuiApplication.restoreOverrideCursor()
            self.link.open()
            if not declined:
                self.say(self.tr("Nothing was changed. {why}").format(why=sentence(str(exc))))
            self.update_state()
            return False
        QGuiApplication.restoreOverrideCursor()
        self.link.open()
        window.set_settings(window.store.load())
        window.reload_library()
        self.say(sentence(text))
        self.update_state()
        self.link.written.emit()
        return True
