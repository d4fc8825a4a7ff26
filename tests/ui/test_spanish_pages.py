"""The app in Spanish: every main screen, looked at as a client would, shows no English.

Walks the pages (Today, Library with a practice's details, Journal, History), a practice
(its stop rules, the practice playing with the no-sound notice, "I need to stop", the end
screen), Settings (every tab) and Get help now, and collects every text a person can see or
hear there (labels, buttons, names for screen readers, drop-down items). None may be one of
the interface's English source texts whose Spanish differs (see tests/ui/test_language.py).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QApplication

from kapcompanion.audio.null import NO_DEVICE_NOTICE, SOUND_OFF_NOTICE, NullPlayer
from kapcompanion.settings import Settings, SettingsStore
from kapcompanion.ui.app import create_window
from kapcompanion.ui.audio_link import SILENT_NOTICE
from kapcompanion.ui.i18n import install_translations
from kapcompanion.ui.notices import SOUND_NOTICES, sound_notice
from kapcompanion.ui.settings_dialog import SettingsDialog
from tests.ui.test_language import english_in, widget_texts

#: Texts that are the same in both languages (names), beyond those the .ts already keeps;
#: the language drop-down names each language in itself, so "English" stays English there.
ALLOWED = {"KAP Companion", "WHO-5", "Fireside Project", "English"}


def look(root, into: dict[str, list[str]], name: str) -> None:
    QApplication.processEvents()
    into.setdefault(name, []).extend(t for t in widget_texts(root) if t not in ALLOWED)


def test_the_sound_notices_are_known_word_for_word() -> None:
    from kapcompanion.audio.pygame_player import LOST_NOTICE

    assert set(SOUND_NOTICES) == {NO_DEVICE_NOTICE, SOUND_OFF_NOTICE, LOST_NOTICE, SILENT_NOTICE}
    assert sound_notice(None) == "" and sound_notice("Something new.") == "Something new."


def test_the_main_screens_in_spanish_show_no_english(qtbot) -> None:
    from kapcompanion.journal.demo import fill_demo
    from kapcompanion.journal.store import JournalStore

    store = JournalStore.open()
    fill_demo(store, 30)
    store.close()
    SettingsStore().save(
        replace(
            Settings(),
            language="es",
            get_ready_seconds=0,
            clinic_number="555-0199",
            show_days_in_a_row=True,  # Today's run of days is words too
        )
    )
    win = create_window([])
    qtbot.addWidget(win)
    win.resize(1280, 820)
    seen: dict[str, list[str]] = {}
    try:
        for page in list(win.pages):
            win.show_page(page)
            look(win, seen, page)
        win.show_page("library")
        for pid in ("cyclic-sigh", "breathing-4-7-8", "grounding-54321"):
            win.library.select(pid)
            look(win, seen, f"library: {pid}")

        win.player.player = NullPlayer(NO_DEVICE_NOTICE)  # no sound card
        win.start_practice("cyclic-sigh")
        view = win.player
        assert view.pages.currentWidget() is view.rules_holder
        look(win, seen, "stop rules")
        view.rules.begin.click()
        qtbot.wait(30)
        view.tick()
        assert view.notice.isVisible()
        assert view.notice.text().startswith("No se ha encontrado ningún dispositivo de sonido")
        look(win, seen, "practice")
        view.need_to_stop()
        look(win, seen, "I need to stop")
        view.end_here.click()
        look(win, seen, "end screen")
        view.leave()

        dlg = SettingsDialog(win.settings, win)
        qtbot.addWidget(dlg)
        dlg.show()
        for tab in range(dlg.tabs.count()):
            dlg.tabs.setCurrentIndex(tab)
            look(dlg, seen, f"settings: {dlg.tabs.tabText(tab)}")
        dlg.close()

        panel = win.show_help()
        look(panel, seen, "help")
        panel.close()

        bad = {name: english_in(texts) for name, texts in seen.items()}
        assert {k: v for k, v in bad.items() if v} == {}
    finally:
        win.close()
        install_translations(QApplication.instance(), "en")
