"""The app under a real X server with a real system tray; run by test_tray_real.py.

Run as ``python -m tests.ui.reminders.tray_child SHOTS_DIR`` with ``QT_QPA_PLATFORM=xcb``,
``DISPLAY`` of a private Xvfb on which an XEmbed tray (trayer) runs, and a private data dir
and ``XDG_CONFIG_HOME``. It drives the real window the way a person would (the Reminders
dialog, closing the window, clicking the notification) and prints one JSON line starting
with ``RESULT `` that the test asserts on. Nothing here is faked except the clock's offset:
the service reads the real time shifted so that the next whole minute is two seconds away
(reminder times are whole minutes); the service's own timers do the waiting.
"""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTime, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QSystemTrayIcon, QWidget

log = logging.getLogger(__name__)
T = TypeVar("T")

SHOTS = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/tray")
result: dict[str, object] = {}


def spin(ms: int) -> None:
    """Run the event loop for ``ms`` milliseconds."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(what: Callable[[], T], seconds: float) -> T | None:
    """Run the event loop until ``what()`` is truthy (returned) or the time is up (None)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        got = what()
        if got:
            return got
        spin(50)
    return None


def balloons() -> list[QWidget]:
    """Qt's own notification balloons (QBalloonTip) that are showing."""
    return [
        w
        for w in QApplication.topLevelWidgets()
        if w.metaObject().className() == "QBalloonTip" and w.isVisible()
    ]


def words(widget: QWidget) -> list[str]:
    """The texts of the labels inside ``widget``."""
    return [label.text() for label in widget.findChildren(QLabel) if label.text()]


def tray_widget() -> QWidget | None:
    """The XEmbed window Qt docks into the tray (QSystemTrayIconSys), when showing."""
    for w in QApplication.topLevelWidgets():
        if w.objectName() == "QSystemTrayIconSys" and w.isVisible():
            return w
    return None


def screenshot(name: str) -> str | None:
    """The whole X screen as a PNG (ImageMagick's ``import``), or None without it."""
    tool = shutil.which("import")
    if tool is None:
        return None
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    done = subprocess.run(
        [tool, "-window", "root", str(path)], capture_output=True, timeout=20, check=False
    )
    return str(path) if done.returncode == 0 and path.is_file() else None


def colours(widget: QWidget) -> dict[str, object]:
    """What the X server shows for ``widget``: its commonest colour and its text colour."""
    g = widget.frameGeometry()
    screen = QApplication.primaryScreen()
    image = screen.grabWindow(0, g.x(), g.y(), g.width(), g.height()).toImage()
    counts: Counter[str] = Counter(
        QColor(image.pixel(x, y)).name()
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    )
    labels = widget.findChildren(QLabel)
    text = (labels[-1] if labels else widget).palette().color(QPalette.ColorRole.WindowText)
    return {"background": counts.most_common(1)[0][0] if counts else "", "text": text.name()}


def balloon_seen(name: str, needle: str) -> dict[str, object]:
    """Wait for a balloon whose words include ``needle``; describe it and take a picture."""
    found = wait_for(lambda: [b for b in balloons() if any(needle in t for t in words(b))], 20)
    if not found:
        return {"shown": False, "all_balloons": [words(b) for b in balloons()]}
    balloon = found[0]
    spin(300)  # let it paint before the picture
    g = balloon.frameGeometry()
    return {
        "shown": True,
        "words": words(balloon),
        "geometry": [g.x(), g.y(), g.width(), g.height()],
        "colours": colours(balloon),
        "screenshot": screenshot(name),
    }


def click(widget: QWidget) -> None:
    """A left click in the middle of ``widget`` (how a person dismisses a balloon)."""
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


def main() -> int:
    """Drive the app; print the result."""
    app = QApplication([sys.argv[0]])
    result["platform"] = app.platformName()
    # The tray program may still be starting: wait for its selection owner.
    result["tray_available"] = bool(wait_for(QSystemTrayIcon.isSystemTrayAvailable, 15))
    if not result["tray_available"]:
        return 0

    from kapcompanion import autostart
    from kapcompanion.ui.app import create_window
    from kapcompanion.ui.reminders import edit_reminders
    from kapcompanion.ui.reminders.dialog import ReminderDialog
    from kapcompanion.ui.reminders.service import local_now

    window = create_window([sys.argv[0]])
    service = window.parts.reminders
    result["has_tray"] = service.has_tray
    result["tray_before"] = service.tray is not None and service.tray.isVisible()
    wait_for(window.isVisible, 5)

    # The next whole minute, two seconds from the service's "now".
    real = local_now()
    boundary = (real + timedelta(seconds=63)).replace(second=0, microsecond=0)
    shift = boundary - timedelta(seconds=2) - real
    service.now = lambda: local_now() + shift
    at = QTime(boundary.hour, boundary.minute)
    result["reminder_at"] = at.toString("HH:mm")

    def turn_on(dialog: ReminderDialog) -> bool:
        result["dialog_note"] = dialog.tray_note.text()
        dialog.enabled.setChecked(True)
        dialog.rows[0].at.setTime(at)
        for box in dialog.rows[0].days:
            box.setChecked(True)
        dialog.program.setChecked(False)
        dialog.quiet_from.setTime(at.addSecs(3 * 3600))  # quiet hours well away from it
        dialog.quiet_until.setTime(at.addSecs(4 * 3600))
        dialog.keep_running.setChecked(True)
        dialog.login.setChecked(True)
        return True

    started = datetime.now().astimezone()
    plan = edit_reminders(window, service, ask=turn_on)
    result["plan_enabled"] = bool(plan and plan.enabled)
    result["autostart_after_on"] = autostart.enabled()
    result["tray_visible"] = service.tray is not None and service.tray.isVisible()
    result["tray_docked"] = wait_for(tray_widget, 10) is not None

    reminder = balloon_seen("reminder", "practice")
    if service.tray is not None:  # where the icon sits now, and what the screen shows there
        g = service.tray.geometry()
        result["tray_geometry"] = [g.x(), g.y(), g.width(), g.height()]
        shot = QApplication.primaryScreen().grabWindow(0, g.x(), g.y(), g.width(), g.height())
        image = shot.toImage()
        result["tray_icon_colours"] = len(
            {image.pixel(x, y) for x in range(image.width()) for y in range(image.height())}
        )
    reminder["after_seconds"] = round((datetime.now().astimezone() - started).total_seconds(), 1)
    result["reminder"] = reminder
    result["shown"] = [list(s) for s in service.shown]
    for b in balloons():
        click(b)  # dismissed by a click, as a person would
    result["balloon_gone_after_click"] = bool(wait_for(lambda: not balloons(), 5))

    # Close to tray: the window hides, the app stays, and says so once.
    window.close()
    spin(200)
    result["window_hidden_after_close"] = not window.isVisible()
    result["quit_on_last_closed"] = app.quitOnLastWindowClosed()
    told = balloon_seen("still-here", "still here")
    result["told"] = told
    result["told_stored"] = window.store.load().reminders.told_about_tray
    for b in balloons():
        click(b)  # clicking the message brings the window back
    result["window_back_after_click"] = bool(wait_for(window.isVisible, 5))
    window.close()
    spin(1500)
    result["window_hidden_second_close"] = not window.isVisible()
    result["balloons_second_close"] = [words(b) for b in balloons()]

    # Reminders off: the tray icon goes, and so does the login entry.
    service.open_window()
    wait_for(window.isVisible, 5)

    def turn_off(dialog: ReminderDialog) -> bool:
        dialog.enabled.setChecked(False)
        return True

    edit_reminders(window, service, ask=turn_off)
    result["tray_visible_after_off"] = service.tray is not None and service.tray.isVisible()
    result["tray_docked_after_off"] = wait_for(lambda: tray_widget() is None, 5) is not None
    result["autostart_after_off"] = autostart.enabled()
    folder = autostart.entry_path().parent
    result["autostart_folder_after_off"] = (
        sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
    )
    result["quit_on_last_closed_after_off"] = app.quitOnLastWindowClosed()
    result["desktop_shot"] = screenshot("reminders-off")

    # On again, window closed to the tray; then "Turn reminders off" from the tray icon's
    # own menu: the app quits (its window is hidden) and the login entry goes too.
    edit_reminders(window, service, ask=turn_on)
    result["autostart_on_again"] = autostart.enabled()
    window.close()
    dock = wait_for(tray_widget, 10)
    menu = service.tray.contextMenu() if service.tray is not None else None
    if dock is None or menu is None:
        result["tray_menu"] = None
        return 0

    def pick(text: str) -> None:
        result["tray_menu"] = [a.text() for a in menu.actions()] if menu.isVisible() else None
        action = next(a for a in menu.actions() if a.text() == text)
        where = menu.actionGeometry(action).center()
        QTest.mouseMove(menu, where)  # hovered, as a person pointing at it
        spin(300)
        result["tray_menu_colours"] = colours(menu)
        result["tray_menu_shot"] = screenshot("tray-menu")
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=where)

    def open_menu() -> None:
        QTest.mouseClick(dock, Qt.MouseButton.RightButton, pos=dock.rect().center())
        QTimer.singleShot(400, lambda: pick("Turn reminders off"))

    QTimer.singleShot(100, open_menu)
    QTimer.singleShot(20_000, lambda: app.exit(3))  # never hang
    result["exit_code_from_tray_menu"] = app.exec()
    result["enabled_after_tray_off"] = window.store.load().reminders.enabled
    result["tray_visible_after_tray_off"] = service.tray is not None and service.tray.isVisible()
    result["autostart_after_tray_off"] = autostart.enabled()
    return 0


def background() -> int:
    """Started at login (``--background``): hidden in the tray only when its icon is there."""
    app = QApplication([sys.argv[0]])
    result["tray_available"] = bool(wait_for(QSystemTrayIcon.isSystemTrayAvailable, 15))
    if not result["tray_available"]:
        return 0
    from kapcompanion.core.reminders import ReminderPlan
    from kapcompanion.settings import SettingsStore
    from kapcompanion.ui.app import create_window

    for name, plan in (("off", ReminderPlan()), ("on", ReminderPlan(enabled=True, program=False))):
        store = SettingsStore()
        store.save(replace(store.load(), reminders=plan))
        window = create_window([sys.argv[0]], background=True)
        tray = window.parts.reminders.tray
        result[f"{name}_tray_visible"] = tray is not None and tray.isVisible()
        if plan.enabled:
            result[f"{name}_tray_docked"] = wait_for(tray_widget, 5) is not None
        spin(500)
        result.setdefault(f"{name}_tray_docked", tray_widget() is not None)
        result[f"{name}_window_visible"] = window.isVisible()
        result[f"{name}_shot"] = screenshot(f"background-{name}")
        window.parts.reminders.quit()
        spin(300)
    app.quit()
    return 0


if __name__ == "__main__":
    code = background() if sys.argv[2:] == ["background"] else main()
    print("RESULT " + json.dumps(result), flush=True)
    sys.exit(code)
