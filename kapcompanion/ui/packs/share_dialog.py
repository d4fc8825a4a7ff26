"""Share with a client: choose practices, write a note, and save a signed pack."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.core.model import Practice, Program
from kapcompanion.core.packs import PackError, inspect_pack, signing
from kapcompanion.core.packs.format import MAX_MESSAGE, MAX_TEXT, PackInfo, version_key
from kapcompanion.paths import data_folders
from kapcompanion.ui.packs.assemble import PACK_SUFFIX, PackDetails, share
from kapcompanion.ui.packs.key_page import DonePage, KeyPage
from kapcompanion.ui.packs.widgets import indicator_style, label

log = logging.getLogger(__name__)

#: Asks where to save: (parent, suggested path) -> chosen path, or None when cancelled.
PathChooser = Callable[[QWidget, Path], Path | None]

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
_VERSION = re.compile(r"^\d{1,9}(\.\d{1,9}){0,3}$")


def choose_save_path(parent: QWidget, suggested: Path) -> Path | None:
    """The system's save dialog, for ``.kappack`` files."""
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ShareDialog", "Save the pack"),
        str(suggested),
        QCoreApplication.translate("ShareDialog", "KAP Companion packs (*.kappack)"),
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == PACK_SUFFIX else path.with_name(path.name + PACK_SUFFIX)


class ShareDialog(QDialog):
    """Builds a signed pack of chosen practices and programs for a client."""

    def __init__(
        self,
        practices: Sequence[tuple[Practice, str]],
        programs: Sequence[tuple[Program, str]] = (),
        parent: QWidget | None = None,
        *,
        choose_path: PathChooser = choose_save_path,
        start_folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Share with a client"))
        self.setAccessibleName(self.tr("Share with a client"))
        self.setMinimumSize(640, 640)
        self._choose_path = choose_path
        self._start = start_folder or Path.home()
        self.key: signing.SigningKey | None = None
        self.result_info: PackInfo | None = None
        self.saved_to: Path | None = None
        try:
            self.key = signing.SigningStore.of(data_folders()).load_key()
        except signing.SigningError as exc:
            self._key_problem = f"{exc.message}\n{exc.hint}"
        else:
            self._key_problem = ""

        self.key_page = KeyPage()
        self.form_page = self._form(practices, programs)
        self.done_page = self._done()
        self.pages = QStackedWidget()
        for page in (self.key_page, self.form_page, self.done_page):
            self.pages.addWidget(page)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 20)
        lay.addWidget(self.pages)
        self.key_page.created.connect(self._key_ready)
        self.key_page.cancel.clicked.connect(self.reject)
        if self._key_problem:
            self.key_page.create_button.setEnabled(False)
            self.key_page.name.setEnabled(False)
            self.key_page.problem.setText(self._key_problem)
            self.key_page.problem.show()
        if self.key is not None:
            self._key_ready(self.key, first=False)
        else:
            self.pages.setCurrentWidget(self.key_page)
            self.key_page.name.setFocus()

    # -- pages -------------------------------------------------------------------

    def _form(
        self, practices: Sequence[tuple[Practice, str]], programs: Sequence[tuple[Program, str]]
    ) -> QWidget:
        page = QWidget()
        head = label(self.tr("Share with a client"), "h2")
        self.signed_as = label(role="muted", selectable=True)
        self.new_key_note = label(role="muted", selectable=True)
        self.new_key_note.hide()
        choose = label(self.tr("Practices and programs to share"))
        self.items = QListWidget()
        self.items.setAccessibleName(self.tr("Practices and programs to share"))
        self.items.setAccessibleDescription(
            self.tr("Press Space to tick or untick the highlighted one.")
        )
        choose.setBuddy(self.items)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find a practice"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Find a practice to share"))
        self.search.textChanged.connect(self._filter)
        self.items.setStyleSheet(indicator_style())
        order = {"user": 0}
        for p, origin in sorted(
            practices, key=lambda po: (order.get(po[1], 1), po[0].title.lower())
        ):
            self._add_item(p.title, self._origin_text(origin), ("practice", p.id), p)
        for g, origin in sorted(programs, key=lambda go: go[0].title.lower()):
            text = self.tr("Program: {title}").format(title=g.title)
            self._add_item(text, self._origin_text(origin), ("program", g.id), g)

        self.name = QLineEdit()
        self.name.setMaxLength(MAX_TEXT)
        self.name.setAccessibleName(self.tr("Pack name"))
        self.name.setPlaceholderText(self.tr("for example, A calm start"))
        self.author = QLineEdit()
        self.author.setMaxLength(MAX_TEXT)
        self.author.setAccessibleName(self.tr("From"))
        self.author.setAccessibleDescription(self.tr("Your name as your client knows you"))
        self.clinic = QLineEdit()
        self.clinic.setMaxLength(MAX_TEXT)
        self.clinic.setAccessibleName(self.tr("Practice or clinic (optional)"))
        self.message = QPlainTextEdit()
        self.message.setAccessibleName(self.tr("A personal message to your client (optional)"))
        self.message.setPlaceholderText(
            self.tr("Here are the practices we tried together. Use them whenever it feels right.")
        )
        self.message.setTabChangesFocus(True)
        self.version = QLineEdit("1")
        self.version.setAccessibleName(self.tr("Version"))
        self.version.setAccessibleDescription(
            self.tr("Raise it each time you share an updated pack, for example 2")
        )
        self.version.setMaximumWidth(120)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Pack name"), self.name)
        form.addRow(self.tr("From"), self.author)
        form.addRow(self.tr("Practice or clinic"), self.clinic)
        form.addRow(self.tr("Message"), self.message)
        form.addRow(self.tr("Version"), self.version)

        self.problem = label(role="safety", selectable=True)
        self.problem.setAccessibleName(self.tr("Problem"))
        self.problem.hide()
        self.save = QPushButton(self.tr("Save pack…"))
        self.save.setProperty("primary", True)
        self.save.setAutoDefault(True)
        self.save.setAccessibleName(self.tr("Save pack"))
        self.save.setAccessibleDescription(self.tr("Choose where to save the signed pack file"))
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.setAutoDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.save)
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(10)
        lay.addWidget(head)
        lay.addWidget(self.signed_as)
        lay.addWidget(self.new_key_note)
        lay.addWidget(choose)
        lay.addWidget(self.search)
        lay.addWidget(self.items, 1)
        lay.addLayout(form)
        lay.addWidget(self.problem)
        lay.addLayout(buttons)
        QWidget.setTabOrder(self.version, self.cancel)
        QWidget.setTabOrder(self.cancel, self.save)
        self.save.clicked.connect(self.save_pack)
        self.cancel.clicked.connect(self.reject)
        return page

    def _filter(self, text: str) -> None:
        """Show only the rows holding every typed word (ticks are kept when hidden)."""
        words = text.lower().split()
        for i in range(self.items.count()):
            item = self.items.item(i)
            item.setHidden(not all(w in item.text().lower() for w in words))

    def _origin_text(self, origin: str) -> str:
        if origin == "user":
            return self.tr("your own")
        if origin.startswith("pack:"):
            return self.tr("from a pack")
        return self.tr("built-in")

    def _add_item(self, title: str, where: str, ident: tuple[str, str], obj: object) -> None:
        item = QListWidgetItem(f"{title}  ·  {where}")
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        item.setCheckState(Qt.CheckState.Unchecked)
        item.setData(ITEM_ROLE, (ident, obj))
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}, {where}")
        self.items.addItem(item)

    def _done(self) -> QWidget:
        page = DonePage()
        self.done_text, self.fingerprint = page.text, page.fingerprint
        self.close_button = page.close_button
        self.close_button.clicked.connect(self.accept)
        return page

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Size the message box by its own (theme-scaled) font, once styles are applied."""
        self.message.setFixedHeight(self.message.fontMetrics().lineSpacing() * 4 + 24)
        super().showEvent(event)

    # -- actions -----------------------------------------------------------------

    def _key_ready(self, key: signing.SigningKey, first: bool = True) -> None:
        self.key = key
        self.signed_as.setText(
            self.tr("Signed as {name} · fingerprint {fp}").format(name=key.name, fp=key.fingerprint)
        )
        if first:
            self.new_key_note.setText(
                self.tr(
                    "Your key is made and kept on this computer. Its fingerprint is shown "
                    "above; your clients may ask you about it."
                )
            )
            self.new_key_note.show()
        # A pack is from the key that signs it: clients see the key's name, so it is fixed.
        self.author.setText(key.name)
        self.author.setReadOnly(True)
        self.pages.setCurrentWidget(self.form_page)
        self.items.setFocus()
        if self.items.count():
            self.items.setCurrentRow(0)

    def chosen(self) -> tuple[list[Practice], list[Program]]:
        """The ticked practices and programs."""
        practices: list[Practice] = []
        programs: list[Program] = []
        for i in range(self.items.count()):
            item = self.items.item(i)
            if item.checkState() != Qt.CheckState.Checked:
                continue
            (kind, _), obj = item.data(ITEM_ROLE)
            (practices if kind == "practice" else programs).append(obj)
        return practices, programs

    def set_checked(self, ids: Sequence[str]) -> None:
        """Tick the practices and programs with these ids (and untick the rest)."""
        for i in range(self.items.count()):
            item = self.items.item(i)
            (_, pid), _ = item.data(ITEM_ROLE)
            item.setCheckState(Qt.CheckState.Checked if pid in ids else Qt.CheckState.Unchecked)

    def details(self) -> PackDetails:
        """What is typed in the form."""
        return PackDetails(
            name=self.name.text().strip(),
            author=self.author.text().strip(),
            clinic=self.clinic.text().strip(),
            message=self.message.toPlainText().strip(),
            version=self.version.text().strip(),
        )

    def _check_form(self, details: PackDetails) -> tuple[str, QWidget | None]:
        practices, programs = self.chosen()
        if not practices and not programs:
            return self.tr("Tick at least one practice to share."), self.items
        if not details.name or not details.pack_id:
            return self.tr("Give the pack a name, with some letters or digits."), self.name
        if not details.author:
            return self.tr("Say who the pack is from."), self.author
        if len(details.message) > MAX_MESSAGE:
            return (
                self.tr("The message is longer than {n} characters; you might shorten it.").format(
                    n=MAX_MESSAGE
                ),
                self.message,
            )
        if not _VERSION.match(details.version):
            return (
                self.tr("The version should be a number like 1 or 2 (or 1.2)."),
                self.version,
            )
        return "", None

    def save_pack(self) -> Path | None:
        """Ask where to save, build the signed pack, and show the result or the problem."""
        if self.key is None:
            return None
        details = self.details()
        problem, widget = self._check_form(details)
        if problem:
            self._problem(problem)
            if widget is not None:
                widget.setFocus()
            return None
        out = self._choose_path(self, self._start / details.file_name())
        if out is None:
            return None
        older = self._replaced_version(out, details)
        if older:
            self._problem(
                self.tr(
                    "The pack you are replacing there is version {old}. Raise the version "
                    "so your client's app takes this one as an update."
                ).format(old=older)
            )
            self.version.setFocus()
            self.version.selectAll()
            return None
        practices, programs = self.chosen()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            info = share(practices, programs, details, out, self.key)
        except PackError as exc:
            self._problem(
                self.tr("The pack was not saved.") + f"\n{exc.message}",
                exc.hint,
            )
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.problem.hide()
        self.result_info = info
        self.saved_to = out
        self._start = out.parent
        self.done_text.setText(
            self.tr(
                "Saved “{file}” in {folder}. It holds {n} practice(s) and {m} program(s). "
                "You can send it to your client however you usually share files. Tell "
                "them this fingerprint:"
            ).format(
                file=out.name,
                folder=out.parent,
                n=len(info.practices),
                m=len(info.programs),
            )
        )
        self.fingerprint.setText(self.key.fingerprint)
        self.pages.setCurrentWidget(self.done_page)
        self.close_button.setFocus()
        log.info("shared %s (%d practices)", out, len(info.practices))
        return out

    def _replaced_version(self, out: Path, details: PackDetails) -> str:
        """The version of the same pack already at ``out`` when the new one is not newer."""
        if not out.is_file():
            return ""
        try:
            old = inspect_pack(out, data_folders())
        except (PackError, OSError):
            return ""  # not a pack of ours: the save dialog already asked about replacing
        if old.meta.pack_id != details.pack_id:
            return ""
        if version_key(details.version) > version_key(old.meta.version):
            return ""
        return old.meta.version

    def _problem(self, message: str, hint: str = "") -> None:
        self.problem.setText(f"{message}\n{hint}" if hint else message)
        self.problem.show()
