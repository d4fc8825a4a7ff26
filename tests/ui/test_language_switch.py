"""The language changes at once: the window is built again in it, where the person was."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QApplication

from kapcompanion.settings import Settings, SettingsStore
from kapcompanion.ui.app import create_window
from kapcompanion.ui.i18n import install_translations
from kapcompanion.ui.main_window import MainWindow


def open_app(qtbot, language: str = "en", **kw) -> MainWindow:
    SettingsStore().save(replace(Settings(), language=language, get_ready_seconds=0, **kw))
    win = create_window([])
    win.resize(1100, 760)
    qtbot.waitExposed(win)
    return win


def current(win: MainWindow) -> MainWindow:
    switch = getattr(win, "language_switch", None)
    assert switch is not None
    return switch.window


def choose_language(win: MainWindow, language: str) -> None:
    win.set_settings(replace(win.settings, language=language))


def test_choosing_spanish_retranslates_the_open_window_at_once(qtbot) -> None:
    win = open_app(qtbot)
    try:
        assert win.help_button.text() == "Get help now"
        win.show_page("history")
        win.library.select("box-breathing")
        size = win.size()
        panel = win.show_help()
        assert panel.isVisible()
        choose_language(win, "es")
        qtbot.waitUntil(lambda: current(win) is not win, timeout=5000)
        new = current(win)
        assert new.language == "es" and new.isVisible()
        assert new.help_button.text() == "Ayuda ahora"
        assert new.nav_buttons["history"].text().replace("&", "") == "Historial"
        assert new.current_view() == "history"  # the same page
        assert new.library.current_id() == "box-breathing"  # the same practice selected
        assert new.practices["box-breathing"].language == "es"  # the library in Spanish too
        assert new.help_panel is not None and new.help_panel.isVisible()
        assert "Líneas de ayuda de" in new.help_panel.texts()
        assert new.size() == size  # the same size
        assert new.journal is not None  # the journal opened again
        assert new.parts.journey is not None and new.parts.journal_pages is not None
        assert SettingsStore().load().language == "es"
        choose_language(new, "en")  # and back, as quickly
        qtbot.waitUntil(lambda: current(win) is not new, timeout=5000)
        assert current(win).help_button.text() == "Get help now"
        assert current(win).current_view() == "history"
    finally:
        current(win).close()
        install_translations(QApplication.instance(), "en")


def test_a_practice_under_way_is_never_cut_short(qtbot) -> None:
    win = open_app(qtbot, rules_dismissed=("box-breathing",))
    try:
        win.start_practice("box-breathing")
        assert win.current_view() == "player"
        choose_language(win, "es")
        QApplication.processEvents()
        qtbot.wait(50)
        assert current(win) is win and win.current_view() == "player"  # still playing
        assert win.player.session is not None and not win.player.session.done
        assert win.notice("language") is not None
        assert "en cuanto termine esta práctica" in " ".join(win.notice_texts())
        win.player.leave()  # the practice ends: now the window speaks Spanish
        qtbot.waitUntil(lambda: current(win) is not win, timeout=5000)
        assert current(win).help_button.text() == "Ayuda ahora"
        assert current(win).notice("language") is None
    finally:
        current(win).close()
        install_translations(QApplication.instance(), "en")


def test_changing_back_during_the_practice_changes_nothing(qtbot) -> None:
    win = open_app(qtbot, rules_dismissed=("box-breathing",))
    try:
        win.start_practice("box-breathing")
        choose_language(win, "es")
        choose_language(win, "en")
        assert win.notice("language") is None
        win.player.leave()
        qtbot.wait(50)
        assert current(win) is win and win.help_button.text() == "Get help now"
    finally:
        current(win).close()
        install_translations(QApplication.instance(), "en")


def test_another_open_window_is_closed_first(qtbot) -> None:
    from PySide6.QtWidgets import QMainWindow

    win = open_app(qtbot)
    other = QMainWindow()  # like the practice editor, which works with the main window
    qtbot.addWidget(other)
    other.show()
    try:
        choose_language(win, "es")
        qtbot.wait(50)
        assert current(win) is win
        assert "otras ventanas" in " ".join(win.notice_texts())
        other.close()
        qtbot.waitUntil(lambda: current(win) is not win, timeout=5000)
        assert current(win).help_button.text() == "Ayuda ahora"
    finally:
        current(win).close()
        install_translations(QApplication.instance(), "en")
