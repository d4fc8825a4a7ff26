"""Start the desktop app: ``run_app(argv, practice=None)``."""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtWidgets import QApplication, QWidget

from kapcompanion.core.library import Library
from kapcompanion.core.model import Practice
from kapcompanion.logs import rotate_file_log
from kapcompanion.paths import data_dir, data_folders
from kapcompanion.settings import SettingsStore
from kapcompanion.ui.desktop_link import app_icon, bring_forward
from kapcompanion.ui.ending_signals import EndingSignals, exit_now
from kapcompanion.ui.extensions import Parts, install_all
from kapcompanion.ui.i18n import install_translations
from kapcompanion.ui.language_switch import LanguageSwitch
from kapcompanion.ui.library_source import load_library
from kapcompanion.ui.main_window import MainWindow
from kapcompanion.ui.single import SingleInstance
from kapcompanion.ui.startup_marks import watch as watch_start
from kapcompanion.ui.theme import one_polish

log = logging.getLogger(__name__)


class AppWindow(MainWindow):
    """The main window with every part installed; ``parts`` says what was installed.

    ``language_switch`` builds it again when the language changes (its ``window`` is the
    one shown since).
    """

    def __init__(self, library: Library, *, language: str, store: SettingsStore) -> None:
        super().__init__(library=library, language=language, store=store)
        self.parts: Parts = install_all(self)
        self.language_switch: LanguageSwitch | None = None

    def end_now(self, signum: int = 0) -> None:
        """The app is told to end (a logout, SIGTERM): lose nothing, ask nothing, quit.

        The answer being written is kept as a draft, a practice under way is recorded as
        unfinished, a changed journal entry is saved, the journal is closed, and the
        event loop ends (the process exits 0).
        """
        log.info("ending the app (signal %d)", signum)
        pages = self.parts.journal_pages
        if pages is not None:  # nobody is there to answer "Save your changes?": keep them
            pages.ask_at_close = _keep_changes
        reminders = self.parts.reminders
        self.close_guard.forced = True
        if reminders is not None:
            reminders.quit()  # closes the window for real (not to the tray) and quits
        self.close_guard.end_now()
        journey = self.parts.journey
        if journey is not None:
            journey.link.close()  # closed with the window already; never left open
        app = QApplication.instance()
        if app is not None:
            app.quit()


def build_window(library: Library, language: str, store: SettingsStore) -> AppWindow:
    """The main window in ``language`` (its translation already installed), parts wired."""
    window = one_polish(lambda: AppWindow(library, language=language, store=store))
    voice = data_folders().cache / "voice"  # the voice's clip cache
    window.when_player(lambda player: setattr(player.voice_link, "folder", voice))
    window.library.selected.connect(lambda _id: window.player.warm_voice())  # loads off-thread
    return window


def _keep_changes(parent: QWidget, title: str, text: str) -> bool:
    """The answer to "Save your changes?" when the app is told to end: yes."""
    return True


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
    window = build_window(load_library(), language, store)
    switch = LanguageSwitch(window, lambda lang, old: _again(old, lang, store))
    window.language_switch = switch
    switch.replaced.connect(lambda new: setattr(new, "language_switch", switch))
    # benchmark's marks only: answered once the library lists and the player is built
    watch_start(window, lambda: bool(window.library.visible_ids() and window.built_player))
    reminders = window.parts.reminders
    tray = reminders.tray if reminders is not None else None
    if not (background and tray is not None and tray.isVisible()):
        window.show()  # a background start with no icon in the tray would be invisible
    if practice is not None:
        window.play(practice)
    return window


def _again(old: MainWindow, language: str, store: SettingsStore) -> AppWindow:
    """The window built again in ``language``, with the library ``old`` had read."""
    return build_window(old.collection, language, store)


def _shown(window: AppWindow) -> AppWindow:
    """The window shown now: ``window``, or the one built again for a new language."""
    switch = window.language_switch
    shown = switch.window if switch is not None else window
    return shown if isinstance(shown, AppWindow) else window


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
    window.when_player(lambda _player: rotate_file_log())  # after the first paint
    switch = window.language_switch  # the window shown is switch.window (see LanguageSwitch)
    if switch is not None:
        single.requested.connect(lambda _args: bring_forward(switch.window))
        single.requested.connect(lambda args: switch.window.hub.open_requested.emit(args))
    shown = [window]  # emptied before the teardown, so the window is not kept alive by this
    ending = EndingSignals(lambda signum: _shown(shown[0]).end_now(signum))
    try:
        code = app.exec()
    finally:
        ending.close()
        single.release()
    if ending.ended:  # a logout or kill: all is kept and closed, the teardown is skipped
        exit_now(int(code))
    shown.clear()
    del window
    return int(code)
