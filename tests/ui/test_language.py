"""The app's language decides which practices it shows: the client's first, English after."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QApplication

from kapcompanion.settings import Settings, SettingsStore
from kapcompanion.ui.app import create_window
from kapcompanion.ui.i18n import install_translations


def open_in(language: str, qtbot):
    SettingsStore().save(replace(Settings(), language=language))
    win = create_window([])
    qtbot.addWidget(win)
    return win


def test_spanish_app_shows_spanish_practices_and_english_where_untranslated(qtbot) -> None:
    win = open_in("es", qtbot)
    try:
        assert win.language == "es"
        assert win.practices["container"].language == "es"  # an Anytime practice, translated
        assert win.practices["cyclic-sigh"].language == "en"  # not translated yet: English
        assert win.entries["container"].practice.title != "The container"
        programs = win.journey.programs()
        assert set(programs) >= {"week-before", "week-after"}
        assert programs["week-before"].language == "es"
        assert not any("@" in pid for pid in win.practices)  # one row per practice
        win.reload_library()
        assert win.practices["container"].language == "es"
    finally:
        win.close()
        install_translations(QApplication.instance(), "en")


def test_english_app_shows_english_only(qtbot) -> None:
    win = open_in("en", qtbot)
    try:
        assert all(p.language == "en" for p in win.practices.values())
        assert win.journey.programs()["week-after"].language == "en"
    finally:
        win.close()
