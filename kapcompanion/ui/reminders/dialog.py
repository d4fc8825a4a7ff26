"""The Reminders dialog: off until turned on; times per weekday, quiet hours, login start."""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.core.reminders import (
    MAX_REMINDERS,
    MAX_SNOOZE,
    DailyReminder,
    ReminderPlan,
    parse_hhmm,
)
from kapcompanion.ui.wrap_check import WrapCheckBox

log = logging.getLogger(__name__)

DAY_KEYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _time_edit(text: str, name: str) -> QTimeEdit:
    t = parse_hhmm(text)
    edit = QTimeEdit(QTime(t.hour, t.minute) if t else QTime(9, 0))
    edit.setDisplayFormat("HH:mm")
    edit.setAccessibleName(name)
    return edit


def _text(edit: QTimeEdit) -> str:
    t = edit.time()
    return f"{t.hour():02d}:{t.minute():02d}"


class ReminderRow(QWidget):
    """One daily reminder: a time, seven weekday boxes and Remove."""

    def __init__(self, reminder: DailyReminder, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.at = _time_edit(reminder.at, self.tr("Reminder {n}: time").format(n=number))
        self.days: list[QCheckBox] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.at)
        names = [self.tr(k) for k in DAY_KEYS]
        for i, name in enumerate(names):
            box = QCheckBox(name)
            box.setChecked(i in reminder.weekdays)
            box.setAccessibleName(self.tr("Reminder {n}: {day}").format(n=number, day=name))
            self.days.append(box)
            row.addWidget(box)
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.setAccessibleName(self.tr("Remove reminder {n}").format(n=number))
        row.addWidget(self.remove)
        self.setMinimumHeight(self.remove.sizeHint().height() + 6)

    def value(self) -> DailyReminder:
        """The reminder as set."""
        return DailyReminder(
            _text(self.at), tuple(i for i, b in enumerate(self.days) if b.isChecked())
        )


class ReminderDialog(QDialog):
    """Edit a :class:`ReminderPlan`; :meth:`plan` gives the result."""

    def __init__(
        self,
        plan: ReminderPlan,
        *,
        has_tray: bool,
        can_autostart: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reminders"))
        self.setAccessibleName(self.tr("Reminders"))
        self._plan = plan
        intro = QLabel(
            self.tr(
                "Gentle reminders, only if you would like them. You can change or turn them "
                "off at any time, and a reminder you miss is simply let go."
            )
        )
        intro.setWordWrap(True)
        self.enabled = WrapCheckBox(self.tr("Remind me to practise"))
        self.enabled.setChecked(plan.enabled)
        self.tray_note = QLabel(
            self.tr(
                "Reminders arrive as notifications while KAP Companion runs. Closing the "
                "window keeps it running in the tray."
            )
            if has_tray
            else self.tr(
                "This desktop has no tray for KAP Companion to wait in, so reminders appear "
                "only while the app is open."
            )
        )
        self.tray_note.setWordWrap(True)
        self.tray_note.setProperty("role", "muted")

        self.add = QPushButton(self.tr("Add a time"))
        self.add.setMaximumWidth(200)
        self.add.clicked.connect(lambda: self._add_row(DailyReminder()))
        self.rows_box = QVBoxLayout()
        self.rows: list[ReminderRow] = []
        for r in plan.daily:
            self._add_row(r)

        self.program = WrapCheckBox(self.tr("Also a reminder from my session plan, at"))
        self.program.setChecked(plan.program)
        self.program_at = _time_edit(plan.program_at, self.tr("Session plan reminder time"))
        prog = QHBoxLayout()
        prog.addWidget(self.program)
        prog.addWidget(self.program_at)
        prog.addStretch(1)
        self.quiet_from = _time_edit(plan.quiet_from, self.tr("Quiet hours from"))
        self.quiet_until = _time_edit(plan.quiet_until, self.tr("Quiet hours until"))
        quiet = QHBoxLayout()
        quiet.addWidget(self.quiet_from)
        quiet.addWidget(QLabel(self.tr("to")))
        quiet.addWidget(self.quiet_until)
        quiet.addStretch(1)
        self.snooze = QSpinBox()
        self.snooze.setRange(1, MAX_SNOOZE)
        self.snooze.setValue(plan.snooze_minutes)
        self.snooze.setSuffix(self.tr(" min"))
        self.snooze.setAccessibleName(self.tr("Remind again after (minutes)"))
        self.snooze.setMaximumWidth(160)
        self.keep_running = WrapCheckBox(
            self.tr("Keep running in the tray when I close the window")
        )
        self.keep_running.setChecked(plan.keep_running)
        self.keep_running.setEnabled(has_tray)
        self.login = WrapCheckBox(self.tr("Start quietly when I log in"))
        self.login.setChecked(plan.start_at_login)
        self.login.setEnabled(can_autostart)

        form = QFormLayout()
        form.addRow(self.tr("Quiet hours"), quiet)
        form.addRow(self.tr("Remind again after"), self.snooze)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 20)
        lay.setSpacing(10)
        lay.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # never clip a row
        for w in (intro, self.enabled, self.tray_note):
            lay.addWidget(w)
        times = QLabel(self.tr("Daily times"))
        times.setProperty("role", "h2")
        lay.addWidget(times)
        lay.addLayout(self.rows_box)
        lay.addWidget(self.add)
        lay.addLayout(prog)
        lay.addLayout(form)
        lay.addWidget(self.keep_running)
        lay.addWidget(self.login)
        lay.addWidget(buttons)
        self.enabled.toggled.connect(self._follow_enabled)
        self._follow_enabled(plan.enabled)

    def _add_row(self, reminder: DailyReminder) -> None:
        if len(self.rows) >= MAX_REMINDERS:
            return
        row = ReminderRow(reminder, len(self.rows) + 1)
        row.remove.clicked.connect(lambda _c=False, r=row: self._remove_row(r))
        self.rows.append(row)
        self.rows_box.addWidget(row)
        self.add.setEnabled(len(self.rows) < MAX_REMINDERS)

    def _remove_row(self, row: ReminderRow) -> None:
        self.rows.remove(row)
        self.rows_box.removeWidget(row)
        row.deleteLater()
        self.add.setEnabled(True)

    def _follow_enabled(self, on: bool) -> None:
        for w in (*self.rows, self.add, self.program, self.program_at, self.quiet_from,
                  self.quiet_until, self.snooze):  # fmt: skip
            w.setEnabled(on)

    def plan(self) -> ReminderPlan:
        """The plan as set in the dialog."""
        return replace(
            self._plan,
            enabled=self.enabled.isChecked(),
            daily=tuple(r.value() for r in self.rows),
            program=self.program.isChecked(),
            program_at=_text(self.program_at),
            quiet_from=_text(self.quiet_from),
            quiet_until=_text(self.quiet_until),
            snooze_minutes=self.snooze.value(),
            keep_running=self.keep_running.isChecked(),
            start_at_login=self.login.isChecked() and self.enabled.isChecked(),
        )
