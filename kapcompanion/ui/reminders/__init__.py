"""Reminders in the app: the service (tray, notifications) and the "Reminders…" dialog."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QSystemTrayIcon

from kapcompanion.core.reminders import ReminderPlan
from kapcompanion.ui.reminders.service import Now, Reminders, local_now, set_login_start

if TYPE_CHECKING:
    from kapcompanion.ui.main_window import MainWindow
    from kapcompanion.ui.reminders.dialog import ReminderDialog

log = logging.getLogger(__name__)

Ask = Callable[["ReminderDialog"], bool]


def _ask(dialog: ReminderDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


def edit_reminders(window: MainWindow, service: Reminders, ask: Ask = _ask) -> ReminderPlan | None:
    """Show the dialog; apply and store what was saved. Returns the new plan, or None.

    The dialog and the login entry's module load here, when first asked for (not at start).
    """
    from kapcompanion import autostart
    from kapcompanion.ui.reminders.dialog import ReminderDialog

    dialog = ReminderDialog(
        window.settings.reminders,
        has_tray=service.has_tray,
        can_autostart=autostart.supported(),
        parent=window,
    )
    if not ask(dialog):
        return None
    plan = dialog.plan()
    window.set_settings(replace(window.settings, reminders=plan))
    want = plan.enabled and plan.start_at_login
    if want != autostart.enabled() and autostart.supported():
        problem = set_login_start(want)
        if problem:
            window.notify(problem, "autostart")
    return plan


def install(
    window: MainWindow,
    *,
    now: Now = local_now,
    tray_available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
) -> Reminders:
    """Start the reminder service and add "Reminders…" to the More menu.

    The service reads the programs from the window's library; ``now`` and
    ``tray_available`` are for tests.
    """
    service = Reminders(
        window, programs=lambda: window.programs, now=now, tray_available=tray_available
    )
    window.add_menu_action(
        QCoreApplication.translate("Reminders", "Reminders…"),
        lambda: edit_reminders(window, service),
    )
    log.info("reminders ready (tray: %s)", QSystemTrayIcon.isSystemTrayAvailable())
    return service
