"""Reminders while the app runs: a tray icon, system notifications, snooze, close to tray.

The timing rules live in :mod:`kapcompanion.core.reminders`; this module wakes at the next
reminder (and once a minute, so sleep and clock changes are noticed), asks what is due and
shows it: as a system notification from the tray icon, or, where the desktop has no tray,
as a notice in the window (reminders then need the app open, and the settings say so).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from kapcompanion.core.model import Program
from kapcompanion.core.reminders import (
    DAILY_TEXT,
    Occurrence,
    ReminderPlan,
    due,
    next_after,
    program_text,
)
from kapcompanion.journal.today import today_for
from kapcompanion.ui.desktop_link import app_icon, bring_forward

if TYPE_CHECKING:
    from kapcompanion.ui.main_window import MainWindow

log = logging.getLogger(__name__)

Now = Callable[[], datetime]
Programs = Callable[[], Mapping[str, Program]]
CHECK_MS = 60_000
MAX_WAIT_MS = 60 * 60 * 1000


def local_now() -> datetime:
    """The local time, aware."""
    return datetime.now().astimezone()


def set_login_start(on: bool) -> str | None:
    """Add or remove the login entry; a plain message when that fails, else None."""
    from kapcompanion import autostart  # the login entry's module, loaded when used

    try:
        if on:
            autostart.enable()
        else:
            autostart.disable()
    except OSError as exc:
        where = str(autostart.entry_path())  # the file a person would look for
        why = exc.strerror or str(exc)
        if on:
            text = QCoreApplication.translate(
                "Reminders",
                "Starting at login could not be set up: {where} could not be written "
                "({why}). Reminders still work while the app is open.",
            )
        else:
            text = QCoreApplication.translate(
                "Reminders",
                "Starting at login could not be turned off: {where} could not be removed "
                "({why}). You can delete that file yourself.",
            )
        return text.format(where=where, why=why)
    return None


class Reminders(QObject):
    """Shows reminders for one window; owns the tray icon when there is a tray.

    ``programs`` gives the library's programs, for the words of a program reminder.
    """

    def __init__(
        self,
        window: MainWindow,
        *,
        programs: Programs,
        now: Now = local_now,
        tray_available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.programs = programs
        self.now = now
        self.has_tray = bool(tray_available())
        self.last = now()
        self.shown: list[tuple[str, str]] = []  # (kind, text), newest last, for tests
        self._snoozed: Occurrence | None = None
        self._quitting = False
        self.tray: QSystemTrayIcon | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)
        self.minute = QTimer(self)
        self.minute.setInterval(CHECK_MS)
        self.minute.timeout.connect(self.check)
        self.snooze_timer = QTimer(self)
        self.snooze_timer.setSingleShot(True)
        self.snooze_timer.timeout.connect(self._snooze_due)
        window.installEventFilter(self)
        window.hub.settings_changed.connect(lambda _s: self.apply())
        self.apply()

    @property
    def plan(self) -> ReminderPlan:
        """The person's reminder choices."""
        return self.window.settings.reminders

    # -- turning on and off --------------------------------------------------------

    def apply(self) -> None:
        """Follow the settings: start or stop the timers and the tray icon."""
        on = self.plan.enabled
        if on and self.has_tray and self.tray is None:
            self._make_tray()
        if self.tray is not None:
            self.tray.setVisible(on)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(not self.keeps_running())
        if on:
            self.minute.start()
            self._arm()
        else:
            self.minute.stop()
            self.timer.stop()
            self.snooze_timer.stop()

    def keeps_running(self) -> bool:
        """Whether closing the window keeps the app in the tray."""
        return bool(self.plan.enabled and self.plan.keep_running and self.tray is not None)

    def _make_tray(self) -> None:
        tray = QSystemTrayIcon(app_icon(), self)
        tray.setToolTip(self.tr("KAP Companion"))
        menu = QMenu()
        for text, slot in (
            (self.tr("Open KAP Companion"), self.open_window),
            (self.tr("Remind me again in a little while"), self.snooze),
            (self.tr("Turn reminders off"), self.turn_off),
            (self.tr("Quit"), self.quit),
        ):
            action = QAction(text, menu)
            action.triggered.connect(lambda _c=False, f=slot: f())
            menu.addAction(action)
        tray.setContextMenu(menu)
        tray.activated.connect(lambda reason: self._activated(reason))
        tray.messageClicked.connect(self.open_window)
        self._menu = menu
        self.tray = tray

    # -- timing ------------------------------------------------------------------------

    def _arm(self) -> None:
        nxt = next_after(self.plan, self.now())
        if nxt is None:
            self.timer.stop()
            return
        wait = (nxt - self.now()).total_seconds() * 1000
        self.timer.start(int(min(MAX_WAIT_MS, max(0.0, wait))) + 50)

    def check(self) -> Occurrence | None:
        """Show what is due since the last check (at most one); re-arm the timer."""
        now = self.now()
        got = due(self.plan, self.last, now)
        self.last = now
        if got is not None:
            self.show(got)
        if self.plan.enabled:
            self._arm()
        return got

    # -- showing -----------------------------------------------------------------------

    def text_for(self, occurrence: Occurrence) -> str | None:
        """The words for a reminder; None when a program reminder has nothing to say."""
        if occurrence.kind == "daily":
            return self.tr(DAILY_TEXT)
        return self._program_words(occurrence.at)

    def _program_words(self, at: datetime) -> str | None:
        journal = self.window.journal  # open only where the journey is installed
        if journal is None:
            return None
        try:
            today = today_for(journal, self.programs(), at.date(), self.window.practices)
        except Exception:  # a reminder is never worth a crash
            log.exception("cannot read today's plan for a reminder")
            return None
        if today.position.session is None:
            return None
        todo = [i for i in today.plan if not i.done and i.available]
        if today.plan and not todo:
            return None  # everything suggested is done: nothing to remind of
        titles = [
            self.window.practices[i.practice_id].title
            for i in todo
            if i.practice_id in self.window.practices
        ]
        note = next((i.note for i in todo if i.note), "")
        # lazy: the reminders stand apart from the journey's package until a program speaks
        from kapcompanion.ui.journey.words import arc_text

        return program_text(arc_text(today.position), titles, note)

    def show(self, occurrence: Occurrence) -> None:
        """Show one reminder: a system notification, or a notice in the window."""
        text = self.text_for(occurrence)
        if not text:
            return
        self._snoozed = occurrence
        self.shown.append((occurrence.kind, text))
        log.info("reminder shown (%s)", occurrence.kind)
        if self.tray is not None and self.tray.isVisible():
            self.tray.showMessage(
                self.tr("KAP Companion"), text, QSystemTrayIcon.MessageIcon.NoIcon, 15_000
            )
        else:
            self.window.notify(text, "reminder")

    def snooze(self) -> None:
        """Show the last reminder again after the snooze time."""
        if self._snoozed is not None:
            self.snooze_timer.start(self.plan.snooze_minutes * 60_000)

    def _snooze_due(self) -> None:
        if self._snoozed is not None and self.plan.enabled:
            self.show(self._snoozed)

    # -- the window and the tray ---------------------------------------------------

    def open_window(self) -> None:
        """Bring the window forward on Today (or wherever it was)."""
        bring_forward(self.window)
        if "today" in self.window.pages and self.window.current_view() != "player":
            self.window.show_page("today")

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_window()

    def turn_off(self) -> None:
        """Turn reminders off (from the tray menu); the login entry goes with them."""
        plan = replace(self.plan, enabled=False)
        self.window.set_settings(replace(self.window.settings, reminders=plan))
        from kapcompanion import autostart

        problem = set_login_start(False) if autostart.enabled() else None
        if problem:
            self.window.notify(problem, "autostart")
            self.open_window()  # say so where it can be read, rather than quit silently
        elif not self.window.isVisible():
            self.quit()

    def quit(self) -> None:
        """Quit for real (closing the window would only hide it)."""
        self._quitting = True
        self.window.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        """Closing the window keeps the app in the tray while reminders are on."""
        if (
            obj is self.window
            and event.type() == QEvent.Type.Close
            and self.keeps_running()
            and not self._quitting
        ):
            event.ignore()
            self.window.remember()
            self.window.hide()
            if not self.plan.told_about_tray and self.tray is not None:
                self.tray.showMessage(
                    self.tr("KAP Companion is still here"),
                    self.tr(
                        "Your reminders will arrive from here. To quit, choose Quit in this "
                        "icon's menu, or turn reminders off."
                    ),
                    QSystemTrayIcon.MessageIcon.NoIcon,
                    15_000,
                )
                told = replace(self.plan, told_about_tray=True)
                self.window.set_settings(replace(self.window.settings, reminders=told))
            return True
        return False
