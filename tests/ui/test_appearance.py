"""Settings dialog round trip, theme, text size, contrast, reduced motion."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from kapcompanion.settings import HelpLine, Settings, TextSize
from kapcompanion.ui.settings_dialog import SettingsDialog
from kapcompanion.ui.theme import DARK, LIGHT, contrast, current_palette


@pytest.mark.parametrize("pal", [LIGHT, DARK], ids=["light", "dark"])
def test_palettes_have_sufficient_contrast(pal) -> None:
    assert contrast(pal.text, pal.window) >= 7
    assert contrast(pal.text, pal.card) >= 7
    assert contrast(pal.muted, pal.window) >= 4.5
    assert contrast(pal.muted, pal.card) >= 4.5
    assert contrast(pal.accent_text, pal.accent) >= 4.5
    assert contrast(pal.help_text, pal.help) >= 7
    assert contrast(pal.focus, pal.window) >= 3  # the focus ring is a visible edge
    assert contrast(pal.text, pal.pacer) >= 4.5  # pacer words sit on the shape


def test_settings_dialog_round_trip(qtbot) -> None:
    own = (HelpLine("My sister Ana", "555-0123"), HelpLine("Sam", "555-0100"))
    start = replace(Settings(), rules_dismissed=("box-4",), help_lines=own)
    dlg = SettingsDialog(start)
    qtbot.addWidget(dlg)
    assert dlg.values() == start  # opening and saving changes nothing
    dlg.master.setValue(40)
    dlg.voice.setValue(90)
    dlg.cue.setValue(20)
    dlg.ambient_volume.setValue(10)
    dlg.ambient.setCurrentIndex(dlg.ambient.findData("ocean"))
    dlg.cue_style.setCurrentIndex(dlg.cue_style.findData("none"))
    dlg.get_ready.setValue(0)
    dlg.reduced_motion.setChecked(True)
    dlg.reset_rules.setChecked(True)
    dlg.theme.setCurrentIndex(dlg.theme.findData("dark"))
    dlg.text_scale.setCurrentIndex(dlg.text_scale.findData(1.3))
    dlg.clinic_name.setText("  Riverside  ")
    dlg._remove_line() if dlg.lines.currentRow() >= 0 else None
    dlg.lines.setCurrentCell(0, 0)
    dlg._remove_line()
    got = dlg.values()
    assert (got.volumes.master, got.volumes.voice, got.volumes.cue, got.volumes.ambient) == (
        0.4,
        0.9,
        0.2,
        0.1,
    )
    assert got.ambient == "ocean" and got.cue_style == "none"
    assert got.get_ready_seconds == 0 and got.reduced_motion
    assert got.rules_dismissed == ()
    assert got.theme == "dark" and got.text_scale == 1.3
    assert got.clinic_name == "Riverside"
    assert len(got.help_lines) == len(start.help_lines) - 1


def test_every_settings_control_is_named(qtbot) -> None:
    dlg = SettingsDialog(Settings())
    qtbot.addWidget(dlg)
    from PySide6.QtWidgets import QAbstractButton, QAbstractSlider, QComboBox, QLineEdit, QSpinBox

    for kind in (QAbstractSlider, QComboBox, QLineEdit, QSpinBox, QAbstractButton):
        for w in dlg.findChildren(kind):
            if w.objectName().startswith("qt_") or type(w).__name__ in ("QScrollBar", "QTabBar"):
                continue
            if isinstance(w, QLineEdit) and isinstance(w.parent(), QSpinBox | QComboBox):
                continue
            if type(w).__name__ in ("QToolButton",) or not isinstance(w, QWidget):
                continue
            assert w.accessibleName() or (isinstance(w, QAbstractButton) and w.text()), (
                f"{type(w).__name__} has no name"
            )


def test_theme_and_text_size_apply_at_once(make_window, store) -> None:
    win = make_window(replace(Settings(), theme="light"))
    assert current_palette() is LIGHT
    sheet_before = QApplication.instance().styleSheet()
    win.set_settings(replace(win.settings, theme="dark", text_scale=TextSize.LARGEST.value))
    assert current_palette() is DARK
    sheet = QApplication.instance().styleSheet()
    assert DARK.window in sheet and sheet != sheet_before

    def body_pt(text: str) -> float:
        return float(text.split("font-size: ", 1)[1].split("pt", 1)[0])

    assert body_pt(sheet) == pytest.approx(body_pt(sheet_before) * TextSize.LARGEST, rel=0.02)
    assert store.load().theme == "dark"


def test_reduced_motion_setting_reaches_the_player(make_window) -> None:
    win = make_window()
    assert not win.player.pacer.reduced_motion
    win.set_settings(replace(win.settings, reduced_motion=True))
    assert win.player.pacer.reduced_motion and win.player.guidance.reduced_motion


def test_f11_toggles_full_screen(make_window, qtbot) -> None:
    win = make_window()
    qtbot.keyClick(win, Qt.Key.Key_F11)
    assert win.isFullScreen()
    qtbot.keyClick(win, Qt.Key.Key_F11)
    assert not win.isFullScreen()
