"""Start the desktop app: ``run_app(argv, practice=None)``."""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtWidgets import QApplication

from kapcompanion.core.library import Library
from kapcompanion.core.model import Practice
from kapcompanion.paths import data_dir, data_folders
from kapcompanion.settings import SettingsStore
from kapcompanion.ui.desktop_link import app_icon, bring_forward
from kapcompanion.ui.extensions import Parts, install_all
from kapcompanion.ui.i18n import install_translations
from kapcompanion.ui.library_source import load_library
from kapcompanion.ui.main_window import MainWindow
from kapcompanion.ui.single import SingleInstance
from kapcompanion.ui.startup_marks import watch as watch_start

log = logging.getLogger(__name__)


class AppWindow(MainWindow):
    """The main window with every part installed; ``parts`` says what was installed."""

    def __init__(self, library: Library, *, language: str, store: SettingsStore) -> None:
        super().__init__(library=library, language=language, store=store)
        self.parts: Parts = install_all(self)


def new_application(argv: list[str]) -> QApplication:
    """The QApplication this app runs in (or the one already made).

    Qt hands large fills to a pool of helper threads. The pacer's fills are small, so on
    every frame the hand-over cost more than it saved (0.8% of a core during a practice,
    measured by benchmarks/bench_ui_practice.py) and woke a second core 60 times a second;
    painting stays on the UI thread unless ``QT_NO_GUI_THREADPOOL`` is already set.
    """
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
    return QApplication(argv or [sys.argv[0]])


def create_window(
    argv: list[str], practice: Practice | None = None, *, background: bool = False
) -> AppWindow:
    """Create the QApplication (or reuse one) and the shown main window, parts installed.

    With ``background`` (start at login) the window stays hidden when the reminders' icon
    is in the tray; otherwise (no tray, or reminders off) it shows as usual.
    """
    app = new_application(argv)
    app.setApplicationName("KAP Companion")
    app.setOrganizationName("kapcompanion")
    app.setApplicationDisplayName("KAP Companion")
    app.setDesktopFileName("kapcompanion")
    app.setWindowIcon(app_icon())
    store = SettingsStore()
    language = install_translations(app, store.load().language)
    window = AppWindow(load_library(), language=language, store=store)
    window.player.voice_link.folder = data_folders().cache / "voice"  # the voice's clip cache
    window.library.selected.connect(lambda _id: window.player.warm_voice())  # loads off-thread
    watch_start(window, lambda: bool(window.library.visible_ids()))  # benchmark's marks only
    reminders = window.parts.reminders
    tray = reminders.tray if reminders is not None else None
    if not (background and tray is not None and tray.isVisible()):
        window.show()  # a background start with no icon in the tray would be invisible
    if practice is not None:
        window.play(practice)
    return window


def run_app(
    argv: list[str],
    practice: Practice | None = None,
    args: list[str] | None = None,
    *,
    background: bool = False,
) -> int:
    """Run the app until its window closes; returns the exit code.

    With ``practice`` the window opens straight into the player. When the app is already
    open, its window is brought forward instead (``args`` are passed on to it) and 0 is
    returned at once.
    """
    app = new_application(argv)
    single = SingleInstance(data_dir(), app)
    if not single.acquire():
        asked = single.ask_first_to_show(list(args or []))
        print(
            "KAP Companion is already open — bringing its window forward."
            if asked
            else "KAP Companion is already open in another window.",
            file=sys.stderr,
        )
        return 0
    window = create_window(argv, practice, background=background)
    single.requested.connect(lambda _args, w=window: bring_forward(w))
    single.requested.connect(window.hub.open_requested.emit)
    try:
        code = app.exec()
    finally:
        single.release()
    del window
    return int(code)
