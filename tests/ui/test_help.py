"""Get help now: reachable from every view, offline, with the person's own list."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kapcompanion.helplines import COUNTRIES, country
from kapcompanion.settings import HelpLine, Settings, SettingsStore
from kapcompanion.ui.help_panel import HelpPanel
from kapcompanion.ui.settings_dialog import SettingsDialog
from tests.ui.conftest import at

QUICK = replace(Settings(), get_ready_seconds=0)


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
