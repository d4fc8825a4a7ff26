"""Get help now: reachable from every view, offline, with the person's own list."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QLocale, QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel

from kapcompanion.helplines import COUNTRIES, country
from kapcompanion.settings import HelpLine, Settings, SettingsStore
from kapcompanion.ui.help_panel import HelpPanel, system_territory
from kapcompanion.ui.i18n import install_translations
from kapcompanion.ui.settings_dialog import SettingsDialog
from tests.ui.conftest import at

QUICK = replace(Settings(), get_ready_seconds=0)
ENGLISH_OF_THE_PANEL = (
    "Local emergency",
    "whichever",
    "Call or text",
    "call or text",
    "Emergency",
    "Find a helpline",
    "clinic",
    "Edit this list",
)
ANYWHERE = "112 · 911 · 999 — whichever serves where you are"


def open_help_by_click_and_key(win, qtbot) -> None:
    assert win.help_button.isVisible()
    win.help_button.click()
    assert win.help_panel.isVisible()
    win.help_panel.close()
    qtbot.keyClick(QApplication.focusWidget() or win, Qt.Key.Key_F1)
    assert win.help_panel.isVisible()
    texts = " ".join(win.help_panel.texts())
    assert "not monitored" in texts
    win.help_panel.close()


def test_help_from_every_view(make_window, clock, qtbot) -> None:
    win = make_window(QUICK)
    open_help_by_click_and_key(win, qtbot)  # library
    win.start_practice("intention-setting")
    view = win.player
    at(win, clock, 2.0)
    open_help_by_click_and_key(win, qtbot)  # player (help pauses the practice)
    view.toggle()
    at(win, clock, 9.0)
    assert view.gate is not None
    view.gate.edit.setFocus()
    open_help_by_click_and_key(win, qtbot)  # reflect gate (F1 while typing)
    view.leave()
    win.start_practice("cyclic-sigh")
    assert view.pages.currentWidget() is view.rules_holder
    open_help_by_click_and_key(win, qtbot)  # stop rules
    view.rules.begin.click()
    view.need_to_stop()
    open_help_by_click_and_key(win, qtbot)  # "I need to stop"
    view.end_here.click()
    open_help_by_click_and_key(win, qtbot)  # end screen
    win.set_settings(replace(win.settings, theme="dark"))
    open_help_by_click_and_key(win, qtbot)


def test_help_panel_lists_the_country_lines_in_order(qtbot) -> None:
    panel = HelpPanel(Settings(), territory="US")
    qtbot.addWidget(panel)
    texts = panel.texts()
    positions = [texts.index(h.contact) for h in country("US").lines]
    assert positions == sorted(positions)
    assert texts.index("911") < texts.index("988") < texts.index("623-473-7433")
    assert any("Fireside" in t for t in texts)
    assert any("not a crisis line" in t for t in texts)
    assert any("press 2" in t and "AYUDA" in t for t in texts)  # 988's Spanish option
    assert panel.clinic_hint.isVisibleTo(panel)


def test_clinic_number_comes_first(qtbot) -> None:
    s = replace(Settings(), clinic_name="Riverside Clinic", clinic_number="555-0199")
    panel = HelpPanel(s, territory="US")
    qtbot.addWidget(panel)
    texts = panel.texts()
    assert texts.index("555-0199") < texts.index("911") < texts.index("623-473-7433")
    assert "Riverside Clinic" in texts
    assert not panel.clinic_hint.isVisibleTo(panel)


def test_edited_help_lines_are_shown_and_kept(make_window, store, qtbot) -> None:
    def edit(parent, settings, help_lines=False):
        dlg = SettingsDialog(settings, parent, help_lines=help_lines)
        qtbot.addWidget(dlg)
        assert help_lines and dlg.tabs.currentWidget() is dlg.help_page
        dlg._add_line()
        dlg.lines.item(dlg.lines.rowCount() - 1, 0).setText("My sister Ana")
        dlg.lines.item(dlg.lines.rowCount() - 1, 1).setText("555-0123")
        dlg.clinic_number.setText("555-0199")
        return dlg.values(), True

    win = make_window(edit_settings=edit)
    panel = win.show_help()
    panel.edit_button.click()
    saved = store.load()
    assert saved.help_lines[-1] == HelpLine("My sister Ana", "555-0123", "")
    assert saved.clinic_number == "555-0199"
    texts = panel.texts()
    assert "My sister Ana" in texts and "555-0199" in texts


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_help_contacts_can_be_selected_by_keyboard(qtbot, theme) -> None:
    panel = HelpPanel(replace(Settings(), theme=theme), territory="US")
    qtbot.addWidget(panel)
    contacts = [lab for lab in panel.findChildren(type(panel.clinic_hint)) if lab.text() == "988"]
    assert contacts and contacts[0].focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert contacts[0].accessibleName().startswith("988 Suicide")


def test_opening_help_pauses_a_practice(make_window, clock) -> None:
    from kapcompanion.core.session import Status

    win = make_window(replace(QUICK, rules_dismissed=("box-4",)))
    win.start_practice("box-4")
    at(win, clock, 6.0)
    win.help_button.click()
    assert win.player.session.status is Status.PAUSED
    clock.advance(60)
    win.player.tick()
    assert win.player.session.position == 6.0
    assert win.player.play_button.text() == "Play"


# -- help lines by country -------------------------------------------------------------


def contacts(panel: HelpPanel) -> list[str]:
    """The numbers and addresses of the cards, in order."""
    out = []
    for card in panel.cards:
        labels = [lab for lab in card.findChildren(QLabel) if lab.property("role") == "h2"]
        out += [lab.text() for lab in labels]
    return out


@pytest.mark.parametrize(
    ("locale", "first", "country_name"),
    [
        ("es_ES", ["112", "024", "findahelpline.com"], "Spain"),
        ("es_MX", ["911", "800 911 2000", "findahelpline.com"], "Mexico"),
        ("en_US", ["911", "988", "623-473-7433", "findahelpline.com"], "United States"),
        ("es_US", ["911", "988", "623-473-7433", "findahelpline.com"], "United States"),
        ("en_CA", ["911", "9-8-8", "findahelpline.com"], "Canada"),
        ("en_GB", ["999", "116 123", "111", "findahelpline.com"], "United Kingdom"),
        ("de_DE", [ANYWHERE, "findahelpline.com"], "Another country"),
        ("C", [ANYWHERE, "findahelpline.com"], "Another country"),
    ],
)
def test_the_country_comes_from_the_system_locale(qtbot, locale, first, country_name) -> None:
    panel = HelpPanel(Settings(), territory=system_territory(QLocale(locale)))
    qtbot.addWidget(panel)
    assert contacts(panel) == first
    assert panel.country.currentText() == country_name


def test_the_clinic_stays_first_in_every_country(qtbot) -> None:
    s = replace(Settings(), clinic_number="555-0199", help_lines=(HelpLine("Ana", "555-0123"),))
    for place in COUNTRIES:
        panel = HelpPanel(replace(s, help_country=place.code), territory="ES")
        qtbot.addWidget(panel)
        got = contacts(panel)
        assert got[0] == "555-0199" and got[-1] == "555-0123", place.code  # own lines last
        assert got[1:-1] == [line.contact for line in place.lines]


def test_changing_the_country_in_the_panel_is_remembered(make_window, store, qtbot) -> None:
    win = make_window()
    panel = win.show_help()
    panel.choose_country("MX")
    assert "800 911 2000" in contacts(panel)
    assert store.load().help_country == "MX"
    panel.close()
    assert "800 911 2000" in contacts(win.show_help())  # opened again: still Mexico
    panel.choose_country("ES")
    assert contacts(panel)[:2] == ["112", "024"]
    assert SettingsStore(store.path).load().help_country == "ES"
    fresh = HelpPanel(store.load(), territory="US")  # the choice wins over the locale
    qtbot.addWidget(fresh)
    assert fresh.country.currentData() == "ES"


def test_older_settings_lose_the_english_suggestions_but_keep_their_own(tmp_path) -> None:
    import json

    from kapcompanion.settings import FORMER_SUGGESTED_LINES

    path = tmp_path / "settings.json"
    own = {"name": "My sister Ana", "contact": "555-0123", "note": ""}
    former = [
        {"name": h.name, "contact": h.contact, "note": h.note} for h in FORMER_SUGGESTED_LINES
    ]
    path.write_text(json.dumps({"version": 2, "help_lines": [*former, own]}), encoding="utf-8")
    assert SettingsStore(path).load().help_lines == (HelpLine("My sister Ana", "555-0123"),)


@pytest.mark.parametrize("place", [c.code for c in COUNTRIES])
def test_every_line_shows_whole_without_a_hidden_scroll(qtbot, place) -> None:
    from kapcompanion.ui.theme import apply_theme

    apply_theme(QApplication.instance(), "light", 1.0)  # the standard text size
    s = replace(Settings(), clinic_number="555-0199", help_country=place)
    panel = HelpPanel(s)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    QApplication.processEvents()
    assert not panel.list_scrolls()
    view = panel.list_area.viewport().rect()
    for card in panel.cards:
        top_left = card.mapTo(panel.list_area.viewport(), card.rect().topLeft())
        assert view.contains(QRect(top_left, card.size())), card.findChild(QLabel).text()


def test_at_the_largest_text_the_list_scrolls_only_when_the_screen_is_too_short(qtbot) -> None:
    from kapcompanion.ui.theme import apply_theme

    app = QApplication.instance()
    apply_theme(app, "light", 1.5)
    try:
        for place in ("ES", "US"):
            panel = HelpPanel(replace(Settings(), help_country=place))
            qtbot.addWidget(panel)
            panel.show()
            qtbot.waitExposed(panel)
            QApplication.processEvents()
            room = panel.screen().availableGeometry().height()
            if panel.list_scrolls():  # only when it takes all the height there is
                assert panel.height() >= room - 60, (place, panel.height(), room)
            panel.close()
    finally:
        apply_theme(app, "light", 1.0)


def test_spanish_panel_shows_no_english(qtbot) -> None:
    from tests.ui.test_language import english_in, widget_texts

    app = QApplication.instance()
    install_translations(app, "es")
    try:
        for place in COUNTRIES:
            s = replace(Settings(), help_country=place.code, clinic_number="555-0199")
            panel = HelpPanel(s)
            qtbot.addWidget(panel)
            panel.show()
            QApplication.processEvents()
            texts = widget_texts(panel)
            assert english_in(texts) == [], place.code
            shown = " ".join(texts)
            for english in ENGLISH_OF_THE_PANEL:
                assert english not in shown, (place.code, english)
            assert "Tu clínica" in shown
            panel.close()
        us = HelpPanel(replace(Settings(), help_country="US"))
        qtbot.addWidget(us)
        assert any("marca 2" in t and "AYUDA" in t for t in us.texts())
    finally:
        install_translations(app, "en")
