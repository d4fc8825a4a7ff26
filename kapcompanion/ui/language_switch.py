"""A new language at once: the window is built again in it, where the person left it.

Qt's widgets keep the words they were given, so a translation installed later changes only
what is made after it. Rather than teach every page to re-word itself, the switch builds
the whole main window again with the new translation installed, exactly as a start of the
app would (the library, Today, the journal, History, the reminders), and puts the person
back where they were: the same page, window size and place, the same selected practice and
search, full screen if it was, and "Get help now" open again if it was open.

A practice is never cut short for it: while the player shows (the stop rules, a practice
under way, its end screen), the words change from the moment the practice's screens close,
and a notice under the header says so in the new language. That is what a client would
expect: what they are doing goes on undisturbed, and the next screen speaks their language.
The same holds while another of the app's windows is open (the practice editor, a dialog):
they work with this window, so the change waits until they are closed.

The old window closes as it does when the app quits (its journal is closed, a journal
entry being changed is offered for saving), so every part of the new window opens afresh.
A locked journal asks for its passphrase again, as at a start.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from kapcompanion.settings import Settings
from kapcompanion.ui.i18n import install_translations, resolve

if TYPE_CHECKING:
    from kapcompanion.ui.main_window import MainWindow

log = logging.getLogger(__name__)

#: Builds the main window in a language ("en", "es"), reading the library from ``like``.
Build = Callable[[str, "MainWindow"], "MainWindow"]

NOTICE_KEY = "language"
RETRY_MS = 1000


class LanguageSwitch(QObject):
    """Follows the language setting of the window it serves; ``window`` is the one shown."""

    #: The window was built again in a new language (the new window).
    replaced = Signal(object)

    def __init__(self, window: MainWindow, build: Build) -> None:
        super().__init__()  # no parent: it outlives each window it serves
        self.window = window
        self._build = build
        self._waiting = False
        #: While waiting, looks again now and then (another window may have closed).
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._try)
        self._follow(window)

    def _follow(self, window: MainWindow) -> None:
        window.hub.settings_changed.connect(self._settings_changed)
        window.when_player(lambda player: player.closed.connect(self._practice_closed))

    def wanted(self, settings: Settings | None = None) -> str:
        """The language the settings ask for ("en", "es")."""
        return resolve((settings or self.window.settings).language)

    def _settings_changed(self, settings: Settings) -> None:
        language = self.wanted(settings)
        if language == self.window.language:
            if self._waiting:  # changed back before it could be shown
                self._stop_waiting()
                _install(settings.language)
            return
        _install(settings.language)  # words made from now on
        QTimer.singleShot(0, self._try)  # after the settings dialog has closed

    def _try(self) -> None:
        """Build the window again now, or wait (and say why) while something is open."""
        why = self.blocked()
        if not why:
            self._stop_waiting()
            self.rebuild()
            return
        if not self._waiting:
            self._waiting = True
            self._retry.start()
            log.info("the new language waits: %s", why)
        if why == "practice":
            text = QCoreApplication.translate(
                "LanguageSwitch",
                "Your new language will show in full as soon as this practice ends.",
            )
        else:
            text = QCoreApplication.translate(
                "LanguageSwitch",
                "Your new language will show in full once the app's other windows are closed.",
            )
        if text not in self.window.notice_texts():
            self.window.notify(text, NOTICE_KEY)

    def _stop_waiting(self) -> None:
        self._waiting = False
        self._retry.stop()
        self.window.clear_notice(NOTICE_KEY)

    def blocked(self) -> str:
        """Why the window cannot be built again now ("" when it can).

        "practice" while the player shows (its stop rules, a practice, its end screen);
        "windows" while another of the app's windows is open (the editor, a dialog): it
        works with this window, and would lose its place.
        """
        if self.window.current_view() == "player":
            return "practice"
        app = _app()
        ours = {self.window, self.window.help_panel}
        kinds = (Qt.WindowType.Window, Qt.WindowType.Dialog)
        for widget in app.topLevelWidgets() if app is not None else []:
            if widget.isVisible() and widget not in ours and widget.windowType() in kinds:
                return "windows"
        return ""

    def _practice_closed(self) -> None:
        if self._waiting:
            QTimer.singleShot(0, self._try)

    def rebuild(self) -> MainWindow:
        """Build the window again in the language of its settings; returns the new window.

        Nothing happens (the same window is returned) while the player shows, or when the
        window already speaks that language.
        """
        old = self.window
        language = self.wanted()
        if language == old.language or self.blocked():
            return old
        page = old.current_view()
        shown = old.isVisible()
        full, maximized, geometry = old.isFullScreen(), old.isMaximized(), old.geometry()
        help_open = old.help_panel is not None and old.help_panel.isVisible()
        old.remember()  # size, place, selected practice, search
        app = _app()
        quits = app.quitOnLastWindowClosed() if app is not None else True
        if app is not None:
            app.setQuitOnLastWindowClosed(False)  # this window's close is no goodbye
        reminders = getattr(getattr(old, "parts", None), "reminders", None)
        if reminders is not None:
            old.removeEventFilter(reminders)  # it would keep the window in the tray
        if not old.close() and old.isVisible():  # something asked to keep it open
            if reminders is not None:
                old.installEventFilter(reminders)
            if app is not None:
                app.setQuitOnLastWindowClosed(quits)
            log.info("the window stayed open; the new language waits")
            return old
        log.info("building the window again in %s", language)
        new = self._build(language, old)
        if page in new.pages:
            new.show_page(page)
        if not (full or maximized):
            new.setGeometry(geometry)  # exactly where it was (not clamped as at a start)
        if shown and full:
            new.showFullScreen()
        elif shown and maximized:
            new.showMaximized()
        elif shown:
            new.show()
        if app is not None and getattr(getattr(new, "parts", None), "reminders", None) is None:
            app.setQuitOnLastWindowClosed(quits)  # (the reminders set it for themselves)
        if help_open:
            new.show_help()
        old.hide()
        old.deleteLater()
        self.window = new
        self._follow(new)
        self.replaced.emit(new)
        return new


def _install(choice: str) -> None:
    app = _app()
    if app is not None:
        install_translations(app, choice)


def _app() -> QApplication | None:
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else None
