"""The app's language decides which practices it shows: the client's first, English after."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QApplication

from kapcompanion.paths import user_practices_dir
from kapcompanion.settings import Settings, SettingsStore
from kapcompanion.ui.app import create_window
from kapcompanion.ui.i18n import install_translations


def open_in(language: str, qtbot):
    SettingsStore().save(replace(Settings(), language=language))
    win = create_window([])
    qtbot.addWidget(win)
    return win


def test_spanish_app_shows_spanish_practices_and_english_where_untranslated(qtbot) -> None:
    english_only = (
        "kapcompanion: 1\nid: solo-en\ntitle: Only in English\ncategory: anytime\n"
        "summary: Not translated.\nlanguage: en\nsteps:\n  - say: Hello.\n"
    )
    user_practices_dir().mkdir(parents=True, exist_ok=True)
    (user_practices_dir() / "solo-en.yaml").write_text(english_only, encoding="utf-8")
    win = open_in("es", qtbot)
    try:
        assert win.language == "es"
        assert win.help_button.text() == "Ayuda ahora"  # the interface speaks Spanish
        assert win.nav_buttons["library"].text() == "Biblioteca"
        assert win.practices["container"].language == "es"  # an Anytime practice, translated
        assert win.practices["cyclic-sigh"].language == "es"  # a Prepare practice, translated
        assert win.practices["solo-en"].language == "en"  # not translated: English
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


def test_spanish_today_says_where_you_are_in_spanish(qtbot) -> None:
    from datetime import date, timedelta

    from kapcompanion.journal.store import JournalStore

    store = JournalStore.open()
    store.add_session(date.today() + timedelta(days=3), "")
    store.close()
    win = open_in("es", qtbot)
    try:
        today = win.journey.today
        assert today.where.text() == "Faltan 3 días para tu sesión"
        assert today.session_line.text().startswith("Sesión 1 — ")
        assert "de 20" in today.session_line.text()  # "… de diciembre de 2026": the locale's date
    finally:
        win.close()
        install_translations(QApplication.instance(), "en")
