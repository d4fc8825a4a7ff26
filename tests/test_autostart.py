"""Start at login: the XDG autostart entry is written and removed cleanly."""

from __future__ import annotations

from pathlib import Path

from kapcompanion import autostart


def test_enable_then_disable_leaves_nothing(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert not autostart.enabled()
    path = autostart.enable("/opt/kap/bin/kapcompanion-gui")
    assert path == tmp_path / "autostart" / "kapcompanion.desktop"
    text = path.read_text()
    assert "Exec=/opt/kap/bin/kapcompanion-gui --background" in text
    assert "Type=Application" in text
    assert autostart.disable() is True
    assert list((tmp_path / "autostart").iterdir()) == []
    assert autostart.disable() is False


def test_background_start_without_a_tray_shows_the_window(qtbot) -> None:
    from PySide6.QtWidgets import QSystemTrayIcon

    from kapcompanion.ui.app import create_window

    assert not QSystemTrayIcon.isSystemTrayAvailable()  # offscreen: no tray
    win = create_window([], background=True)
    qtbot.addWidget(win)
    assert win.isVisible()  # with nowhere to wait, the window shows as usual
    win.close()
