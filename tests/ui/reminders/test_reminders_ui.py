"""Reminders in the app: the dialog, notices where there is no tray, snooze, login start."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QTime

from kapcompanion import autostart
from kapcompanion.core.reminders import DailyReminder, ReminderPlan
from kapcompanion.settings import Settings
from kapcompanion.ui.reminders import edit_reminders, install
from kapcompanion.ui.reminders.dialog import ReminderDialog

TZ = UTC


class Now:
    def __init__(self) -> None:
        self.t = datetime(2026, 11, 30, 8, 0, tzinfo=TZ)  # a Monday

    def __call__(self) -> datetime:
        return self.t


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch) -> Path:
    home = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    return home


def test_off_by_default_and_nothing_shows(make_window) -> None:
    win = make_window()
    now = Now()
    service = install(win, now=now, tray_available=lambda: False)
    assert win.settings.reminders.enabled is False
    now.t += timedelta(days=2)
    assert service.check() is None
    assert service.shown == [] and win.notice_texts() == []
    assert not service.timer.isActive()


def test_turned_on_in_the_dialog_then_a_reminder_arrives(make_window, config_home) -> None:
    win = make_window()
    now = Now()
    service = install(win, now=now, tray_available=lambda: False)

    def fill(dialog: ReminderDialog) -> bool:
        assert "no tray" in dialog.tray_note.text()  # says reminders need the app open
        assert not dialog.keep_running.isEnabled()
        dialog.enabled.setChecked(True)
        dialog.rows[0].at.setTime(QTime(8, 30))
        for box in dialog.rows[0].days[5:]:
            box.setChecked(False)  # weekdays only
        dialog.program.setChecked(False)
        dialog.login.setChecked(True)
        return True

    plan = edit_reminders(win, service, ask=fill)
    assert plan is not None and plan.enabled
    assert plan.daily == (DailyReminder("08:30", (0, 1, 2, 3, 4)),)
    assert win.store.load().reminders == plan  # stored
    assert autostart.entry_path().is_file()  # start at login: the XDG entry
    assert "--background" in autostart.entry_path().read_text()
    assert service.timer.isActive()  # armed for 08:30
    assert 29 * 60_000 <= service.timer.remainingTime() <= 31 * 60_000
    now.t = now.t.replace(hour=8, minute=31)
    got = service.check()
    assert got is not None and got.kind == "daily"
    texts = win.notice_texts()
    assert len(texts) == 1 and "practice" in texts[0]
    for word in ("should", "missed", "streak", "forgot"):
        assert word not in texts[0].lower()
    assert service.check() is None  # shown once


def test_turning_reminders_off_removes_the_login_entry(make_window, config_home) -> None:
    on = replace(ReminderPlan(), enabled=True, start_at_login=True)
    win = make_window(replace(Settings(), reminders=on))
    service = install(win, now=Now(), tray_available=lambda: False)
    autostart.enable("/opt/kap/bin/kapcompanion-gui")
    assert autostart.enabled()

    def switch_off(dialog: ReminderDialog) -> bool:
        dialog.enabled.setChecked(False)
        return True

    edit_reminders(win, service, ask=switch_off)
    assert not autostart.entry_path().exists()
    assert not list((config_home / "autostart").iterdir())  # nothing left behind
    assert not service.timer.isActive() and not service.minute.isActive()


def test_missed_while_away_is_not_a_pile(make_window) -> None:
    plan = replace(
        ReminderPlan(),
        enabled=True,
        program=False,
        daily=(DailyReminder("09:00"), DailyReminder("12:00"), DailyReminder("18:00")),
    )
    win = make_window(replace(Settings(), reminders=plan))
    now = Now()
    service = install(win, now=now, tray_available=lambda: False)
    now.t += timedelta(days=2, hours=10, minutes=10)  # back on Wednesday at 18:10
    got = service.check()
    assert got is not None and got.at.strftime("%a %H:%M") == "Wed 18:00"
    assert len(service.shown) == 1


def test_snooze_shows_it_again_later(make_window, qtbot) -> None:
    plan = replace(ReminderPlan(), enabled=True, program=False, snooze_minutes=1)
    win = make_window(replace(Settings(), reminders=plan))
    now = Now()
    service = install(win, now=now, tray_available=lambda: False)
    now.t = now.t.replace(hour=9, minute=5)
    assert service.check() is not None
    service.snooze()
    assert service.snooze_timer.isActive()
    assert 55_000 <= service.snooze_timer.remainingTime() <= 65_000
    service.snooze_timer.stop()
    service._snooze_due()
    assert len(service.shown) == 2


def test_program_reminder_speaks_from_the_session_plan(make_window) -> None:
    from kapcompanion.ui.journey import install as install_journey

    plan = replace(ReminderPlan(), enabled=True, daily=(), program=True, program_at="10:00")
    win = make_window(replace(Settings(), reminders=plan))
    win.reload_library()  # the built-in library, with its programs
    now = Now()
    install_journey(win, now=lambda: now.t)
    service = install(win, now=now, tray_available=lambda: False)
    now.t = now.t.replace(hour=10, minute=1)
    service.check()
    assert service.shown == []  # no session yet: the plan has nothing to say
    assert win.journal is not None
    win.journal.add_session(now.t.date() + timedelta(days=2), "with Dr. Rivera")
    now.t += timedelta(days=1)
    got = service.check()
    assert got is not None and got.kind == "program"
    kind, text = service.shown[-1]
    assert kind == "program" and "before your session" in text


def test_with_a_tray_closing_keeps_the_app_and_says_so_once(make_window, qtbot) -> None:
    from PySide6.QtWidgets import QApplication

    plan = replace(ReminderPlan(), enabled=True, program=False)
    win = make_window(replace(Settings(), reminders=plan))
    service = install(win, now=Now(), tray_available=lambda: True)
    app = QApplication.instance()
    try:
        assert service.tray is not None and service.tray.isVisible()
        assert service.keeps_running() and not app.quitOnLastWindowClosed()
        assert [a.text() for a in service.tray.contextMenu().actions()] == [
            "Open KAP Companion",
            "Remind me again in a little while",
            "Turn reminders off",
            "Quit",
        ]
        win.close()
        assert not win.isVisible()  # hidden, not gone
        assert win.settings.reminders.told_about_tray  # told once, remembered
        service.open_window()
        assert win.isVisible()
        service.turn_off()  # from the tray menu: reminders off, the tray goes away
        assert not win.settings.reminders.enabled and not service.tray.isVisible()
        assert app.quitOnLastWindowClosed()
    finally:
        app.setQuitOnLastWindowClosed(True)


def test_turning_off_from_the_tray_menu_removes_the_login_entry(make_window, config_home) -> None:
    from PySide6.QtWidgets import QApplication

    on = replace(ReminderPlan(), enabled=True, program=False, start_at_login=True)
    win = make_window(replace(Settings(), reminders=on))
    service = install(win, now=Now(), tray_available=lambda: True)
    autostart.enable("/opt/kap/bin/kapcompanion-gui")
    try:
        service.turn_off()  # the window is open: reminders off, the app stays
        assert not win.settings.reminders.enabled and win.isVisible()
        assert not autostart.entry_path().exists()
        assert not list((config_home / "autostart").iterdir())
    finally:
        QApplication.instance().setQuitOnLastWindowClosed(True)


def test_login_start_that_cannot_be_written_says_where_and_why(config_home) -> None:
    from PySide6.QtWidgets import QApplication

    from kapcompanion import autostart
    from kapcompanion.ui.i18n import install_translations
    from kapcompanion.ui.reminders.service import set_login_start

    blocker = autostart.entry_path()
    (blocker / "in-the-way").mkdir(parents=True)  # a folder where the entry should go
    message = set_login_start(True)
    assert message is not None and str(blocker) in message
    assert "Reminders still work while the app is open" in message
    app = QApplication.instance()
    try:
        install_translations(app, "es")
        spanish = set_login_start(True)
        assert spanish is not None and spanish.startswith("No se pudo activar el inicio")
        assert str(blocker) in spanish
    finally:
        install_translations(app, "en")
    assert blocker.is_dir()  # nothing of the person's was removed
    assert [f.name for f in blocker.parent.iterdir()] == [blocker.name]  # no temp file left
