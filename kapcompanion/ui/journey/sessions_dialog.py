"""Your sessions: add, change and remove KAP session dates.

Sessions can be marked done, and each has its programs for the days before and after.
Every part works from the keyboard.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import date
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.core.model import Program
from kapcompanion.journal.journey import AFTER, BEFORE
from kapcompanion.journal.records import DEFAULT_AFTER, DEFAULT_BEFORE, KapSession
from kapcompanion.ui.journey.words import session_title
from kapcompanion.ui.theme import current_palette

if TYPE_CHECKING:
    from kapcompanion.journal.store import JournalStore
    from kapcompanion.ui.journey.journal_link import JournalLink

log = logging.getLogger(__name__)

T = TypeVar("T")

Confirm = Callable[[QWidget, str, str], bool]


def confirm_box(parent: QWidget, title: str, text: str) -> bool:
    """Ask yes/no with a message box; "No" is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(
        QCoreApplication.translate("SessionsDialog", "Delete"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    no = box.addButton(
        QCoreApplication.translate("SessionsDialog", "Keep it"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(no)
    box.exec()
    return box.clickedButton() is yes


def fits(program: Program, when: str) -> bool:
    """Whether ``program`` suggests practices ``when`` ("before" or "after" the session).

    Days before the session (or "before" on its day) fit Before; days after (or "after"
    on its day) fit After. A program without days fits both (it says nothing either way).
    """
    if not program.days:
        return True
    for d in program.days:
        if d.day == 0 and d.when in (None, when):
            return True
        if (d.day < 0 and when == BEFORE) or (d.day > 0 and when == AFTER):
            return True
    return False


def drop_down_style(kind: str) -> str:
    """A style for a field that opens a list or a calendar: its arrow shows, as a drop-down.

    ``kind`` is the widget's class name ("QComboBox", "QDateEdit").
    """
    pal = current_palette()
    arrow = resources.files("kapcompanion.ui") / "icons" / f"drop-arrow-{pal.name}.svg"
    return (
        f"{kind} {{ background: {pal.card}; border: 1px solid {pal.border};"
        f" border-radius: 10px; padding: 8px 36px 8px 8px; }}"
        f" {kind}:focus {{ border: 3px solid {pal.focus}; }}"
        f" {kind}::drop-down {{ subcontrol-origin: padding; subcontrol-position: center right;"
        f" border: none; width: 32px; }}"
        f' {kind}::down-arrow {{ image: url("{Path(str(arrow)).as_posix()}");'
        f" width: 16px; height: 16px; }}"
    )


def to_qdate(day: date) -> QDate:
    """A Python date as a QDate."""
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    """A QDate as a Python date."""
    return date(day.year(), day.month(), day.day())


class SessionsDialog(QDialog):
    """The list of sessions on the left, the chosen one's details on the right."""

    def __init__(
        self,
        link: JournalLink,
        programs: Mapping[str, Program],
        today: Callable[[], date],
        parent: QWidget | None = None,
        *,
        confirm: Confirm = confirm_box,
    ) -> None:
        super().__init__(parent)
        self.link = link
        self.programs = dict(programs)
        self.today = today
        self._confirm = confirm
        self.setWindowTitle(self.tr("Your sessions"))
        self.setAccessibleName(self.tr("Your sessions"))
        self.resize(860, 520)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 20)
        lay.setSpacing(12)
        heading = QLabel(self.tr("Your sessions"))
        heading.setProperty("role", "h2")
        intro = QLabel(
            self.tr(
                "Add the dates of your KAP sessions, past or upcoming. Today uses them to "
                "suggest practices for the days around each one."
            )
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")
        lay.addWidget(heading)
        lay.addWidget(intro)
        body = QHBoxLayout()
        body.setSpacing(18)
        left = QVBoxLayout()
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Session dates"))
        self.list.setAccessibleDescription(self.tr("Choose one to change it"))
        self.list.setMinimumWidth(320)
        self.list.setWordWrap(True)
        left.addWidget(self.list, 1)
        self.new_button = QPushButton(self.tr("New session"))
        self.new_button.setAutoDefault(False)
        self.new_button.setAccessibleName(self.tr("Start a new session date"))
        left.addWidget(self.new_button)
        body.addLayout(left, 1)

        right = QVBoxLayout()
        self.form_heading = QLabel()
        self.form_heading.setProperty("role", "h2")
        right.addWidget(self.form_heading)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMMM yyyy")
        self.date.setStyleSheet(drop_down_style("QDateEdit"))
        self.date.setAccessibleName(self.tr("Session date"))
        self.date.setAccessibleDescription(
            self.tr("Arrow keys change the day; Alt+Down opens a calendar")
        )
        self.label = QLineEdit()
        self.label.setPlaceholderText(self.tr("For example: first session, with Dr. Rivera"))
        self.label.setAccessibleName(self.tr("Label (optional)"))
        self.before = QComboBox()
        self.before.setAccessibleName(self.tr("Program for the days before"))
        self.after = QComboBox()
        self.after.setAccessibleName(self.tr("Program for the days after"))
        # Each offers only the programs that suggest something on its side of the session.
        for combo, default, when in (
            (self.before, DEFAULT_BEFORE, BEFORE),
            (self.after, DEFAULT_AFTER, AFTER),
        ):
            combo.setStyleSheet(drop_down_style("QComboBox"))
            for pid, program in sorted(self.programs.items(), key=lambda kv: kv[1].title):
                if fits(program, when):
                    combo.addItem(program.title, pid)
            if combo.findData(default) < 0:
                combo.addItem(self.tr("{id} (not in your library)").format(id=default), default)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Label"), self.label)
        form.addRow(self.tr("Before"), self.before)
        form.addRow(self.tr("After"), self.after)
        right.addLayout(form)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setProperty("role", "muted")
        right.addWidget(self.state)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setProperty("role", "safety")
        self.message.hide()
        right.addWidget(self.message)
        row = QHBoxLayout()
        self.save_button = QPushButton()
        self.save_button.setAutoDefault(True)
        self.save_button.setProperty("primary", True)
        self.done_button = QPushButton()
        self.done_button.setAutoDefault(True)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setAutoDefault(True)
        self.delete_button.setAccessibleName(self.tr("Delete this session date"))
        for b in (self.save_button, self.done_button, self.delete_button):
            row.addWidget(b)
        row.addStretch(1)
        right.addLayout(row)
        right.addStretch(1)
        body.addLayout(right, 1)
        lay.addLayout(body, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAutoDefault(True)
        self.close_button.setAccessibleName(self.tr("Close"))
        bottom.addWidget(self.close_button)
        lay.addLayout(bottom)

        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.done_button.clicked.connect(self.toggle_done)
        self.delete_button.clicked.connect(self.delete)
        self.close_button.clicked.connect(self.accept)
        chain = [
            self.list,
            self.new_button,
            self.date,
            self.label,
            self.before,
            self.after,
            self.save_button,
            self.done_button,
            self.delete_button,
            self.close_button,
        ]
        for a, b in pairwise(chain):
            QWidget.setTabOrder(a, b)
        self.save_button.setDefault(True)
        self.editing: int | None = None
        self.reload()
        if self.list.count():
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.date.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- reading -----------------------------------------------------------------

    def sessions(self) -> list[KapSession]:
        """The sessions in the journal (none when it is closed)."""
        store = self.link.store
        return store.sessions() if store is not None else []

    def reload(self, select: int | None = None) -> None:
        """Fill the list again, keeping (or moving to) ``select``."""
        self.list.blockSignals(True)
        self.list.clear()
        today = self.today()
        for s in self.sessions():
            when = (
                self.tr("done")
                if s.done_at
                else (self.tr("upcoming") if s.on_date >= today else self.tr("past"))
            )
            first = self.tr("Session {n} · {day}").format(
                n=s.number, day=f"{s.on_date.day} {s.on_date:%B %Y}"
            )
            second = f"{s.label} · {when}" if s.label else when
            item = QListWidgetItem(f"{first}\n{second}")
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{first}, {second}")
            self.list.addItem(item)
            if s.id == select:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.list.currentItem() is None:
            self.start_new()
        else:
            self._show_current()

    def current(self) -> KapSession | None:
        """The session chosen in the list."""
        item = self.list.currentItem()
        if item is None:
            return None
        sid = item.data(Qt.ItemDataRole.UserRole)
        return next((s for s in self.sessions() if s.id == sid), None)

    def _set_program(self, combo: QComboBox, pid: str) -> None:
        index = combo.findData(pid)
        if index < 0:  # chosen before: kept, by its title when it is in the library
            program = self.programs.get(pid)
            if program is not None:
                combo.addItem(program.title, pid)
            else:
                combo.addItem(self.tr("{id} (not in your library)").format(id=pid), pid)
            index = combo.count() - 1
        combo.setCurrentIndex(index)

    def _show_current(self) -> None:
        s = self.current()
        if s is None:
            self.start_new()
            return
        self.editing = s.id
        self.form_heading.setText(self.tr("Session {n}").format(n=s.number))
        self.date.setDate(to_qdate(s.on_date))
        self.label.setText(s.label)
        self._set_program(self.before, s.before_program)
        self._set_program(self.after, s.after_program)
        self.save_button.setText(self.tr("Save changes"))
        self.save_button.setAccessibleName(self.tr("Save changes to this session"))
        done = s.done_at is not None
        self.done_button.setText(self.tr("Not done yet") if done else self.tr("Mark as done"))
        self.done_button.setAccessibleName(self.done_button.text())
        self.done_button.show()
        self.delete_button.show()
        self.state.setText(
            self.tr("Marked as done: Today shows the days after it.")
            if done
            else self.tr("Not marked as done yet.")
        )

    def start_new(self) -> None:
        """Clear the form for a new session (today's date)."""
        self.list.blockSignals(True)
        self.list.setCurrentIndex(QModelIndex())
        self.list.clearSelection()
        self.list.blockSignals(False)
        self.editing = None
        self.form_heading.setText(self.tr("A new session"))
        self.date.setDate(to_qdate(self.today()))
        self.label.clear()
        self._set_program(self.before, DEFAULT_BEFORE)
        self._set_program(self.after, DEFAULT_AFTER)
        self.save_button.setText(self.tr("Add session"))
        self.save_button.setAccessibleName(self.tr("Add this session"))
        self.done_button.hide()
        self.delete_button.hide()
        self.state.setText("")
        if self.sender() is self.new_button:
            self.date.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- writing -----------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.message.setVisible(bool(text))

    def _write(self, what: str, action: Callable[[JournalStore], T]) -> T | None:
        if self.link.store is None:
            self._say(self.tr("Your journal isn't open, so sessions can't be saved just now."))
            return None
        result = self.link.write(what, action)
        self._say(self.link.last_error)
        return result

    def save(self) -> None:
        """Add the new session, or save the changes to the chosen one."""
        on = from_qdate(self.date.date())
        label = self.label.text().strip()
        before = self.before.currentData()
        after = self.after.currentData()
        before = None if before == DEFAULT_BEFORE else before
        after = None if after == DEFAULT_AFTER else after
        if self.editing is None:
            sid = self._write(
                self.tr("the new session"),
                lambda store: store.add_session(on, label, before, after),
            )
            if sid is not None:
                self.reload(select=sid)
            return
        sid = self.editing
        ok = self._write(
            self.tr("the changes to this session"),
            lambda store: (
                store.update_session(
                    sid, on_date=on, label=label, program_before=before, program_after=after
                )
                or True
            ),
        )
        if ok:
            self.reload(select=sid)

    def toggle_done(self) -> None:
        """Mark the chosen session done, or not done."""
        s = self.current()
        if s is None:
            return
        done = s.done_at is None
        if self._write(
            self.tr("marking the session"),
            lambda store: store.mark_session_done(s.id, done) or True,
        ):
            self.reload(select=s.id)
            self.done_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def delete(self) -> None:
        """Delete the chosen session after asking; its journal entries are kept."""
        s = self.current()
        if s is None:
            return
        question = self.tr(
            "Delete {title}? Your journal entries from around it are kept — only the date goes."
        ).format(title=session_title(s))
        if not self._confirm(self, self.tr("Delete this session?"), question):
            return
        if self._write(self.tr("deleting the session"), lambda st: st.delete_session(s.id) or True):
            self.reload()
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)
