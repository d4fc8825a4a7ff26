"""Therapist mode: the tools for writing and sharing practices stay out of a client's way."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kapcompanion.settings import Settings, SettingsStore
from kapcompanion.ui.extensions import install_all
from kapcompanion.ui.settings_dialog import SettingsDialog

THERAPIST_TOOLS = {"New practice…", "Open practice file…", "Edit practice…", "Share with a client…"}


def shown_actions(win) -> set[str]:
    return {a.text() for a in win.more_menu.actions() if a.isVisible() and a.text()}


def test_off_by_default_the_tools_are_hidden_and_their_keys_do_nothing(make_window) -> None:
    assert Settings().therapist_mode is False
    win = make_window()
    parts = install_all(win)
    shown = shown_actions(win)
    assert not shown & THERAPIST_TOOLS
    assert {"Your sessions…", "Open a pack…", "Keyboard shortcuts"} <= shown
    assert {a.text() for a in win.therapist_actions} == THERAPIST_TOOLS
    win.show_library()
    win.library.select("box-4")
    assert not win.detail.duplicate.isVisibleTo(win)
    QTest.keyClick(win, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert parts.editor is not None and parts.editor.editors == []


def test_turned_on_in_settings_they_show_and_it_is_kept(make_window, store, qtbot) -> None:
    win = make_window()
    parts = install_all(win)
    dialog = SettingsDialog(win.settings, win)
    qtbot.addWidget(dialog)
    assert not dialog.therapist_mode.isChecked()
    dialog.therapist_mode.setChecked(True)
    win.set_settings(dialog.values())
    assert shown_actions(win) >= THERAPIST_TOOLS
    win.show_library()
    win.library.select("box-4")
    assert win.detail.duplicate.isVisibleTo(win)
    assert SettingsStore(store.path).load().therapist_mode is True
    QTest.keyClick(win, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert parts.editor is not None and len(parts.editor.editors) == 1
    qtbot.addWidget(parts.editor.editors[0])
    parts.editor.editors[0].close()
    win.set_settings(replace(win.settings, therapist_mode=False))
    assert not shown_actions(win) & THERAPIST_TOOLS
    assert not win.detail.duplicate.isVisibleTo(win)


def test_a_window_opened_in_therapist_mode_shows_them(make_window) -> None:
    win = make_window(replace(Settings(), therapist_mode=True))
    install_all(win)
    assert shown_actions(win) >= THERAPIST_TOOLS


def test_the_setting_reads_back_and_a_bad_value_is_off() -> None:
    assert Settings.from_dict({"therapist_mode": True}).therapist_mode is True
    assert Settings.from_dict({"therapist_mode": "yes"}).therapist_mode is False
    assert Settings.from_dict({}).therapist_mode is False


def test_the_command_line_is_the_same_with_therapist_mode_off(tmp_path) -> None:
    import os
    import subprocess
    import sys

    data = tmp_path / "data"
    SettingsStore(data / "settings.json").save(Settings(therapist_mode=False))
    result = subprocess.run(
        [sys.executable, "-m", "kapcompanion", "pack", "keygen", "Sam Rivera"],
        capture_output=True,
        text=True,
        env={**os.environ, "KAPCOMPANION_DATA_DIR": str(data)},
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    assert "fingerprint" in (result.stderr + result.stdout).lower()
