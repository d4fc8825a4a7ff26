"""Installing into a Linux desktop: launcher, icons, file type; and removing them cleanly."""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from kapcompanion.desktop import SIZES, install_desktop_entry, installed_files, remove_desktop_entry
from kapcompanion.resources import asset


def test_icons_ship_at_every_size() -> None:
    assert asset("icons", "kapcompanion.svg").read_text().startswith("<svg")
    for size in SIZES:
        image = QImage(str(asset("icons", f"kapcompanion-{size}.png")))
        assert (image.width(), image.height()) == (size, size)
        # not blank: the middle of the icon is opaque
        assert image.pixelColor(size // 2, size // 2).alpha() == 255


def run_cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, XDG_DATA_HOME=str(home))
    return subprocess.run(
        [sys.executable, "-m", "kapcompanion", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_install_then_remove_leaves_nothing_behind(tmp_path: Path) -> None:
    home = tmp_path / "share"
    r = run_cli("--install-desktop-entry", home=home)
    assert r.returncode == 0, r.stderr
    assert "applications menu" in r.stdout
    files = installed_files(home)
    assert all(f.is_file() for f in files)
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(home / "applications" / "kapcompanion.desktop")
    d = entry["Desktop Entry"]
    assert d["Name"] == "KAP Companion" and d["Icon"] == "kapcompanion"
    assert d["Exec"].endswith(" %f") and "application/x-kappack" in d["MimeType"]
    assert (home / "icons/hicolor/48x48/apps/kapcompanion.png").read_bytes() == asset(
        "icons", "kapcompanion-48.png"
    ).read_bytes()
    # a file of the person's own beside ours is left alone
    mine = home / "applications" / "something-else.desktop"
    mine.write_text("[Desktop Entry]\n")
    r = run_cli("--remove-desktop-entry", home=home)
    assert r.returncode == 0 and "Removed" in r.stdout
    assert not any(f.exists() for f in files)
    assert mine.is_file()
    r = run_cli("--remove-desktop-entry", home=home)
    assert "Nothing to remove" in r.stdout


def test_unwritable_place_gives_a_plain_message(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    r = run_cli("--install-desktop-entry", home=blocker / "share")
    assert r.returncode == 1
    assert "could not write" in r.stderr and "Traceback" not in r.stderr


def test_install_is_idempotent(tmp_path: Path) -> None:
    a = install_desktop_entry(tmp_path, command="/opt/kap/bin/kapcompanion-gui")
    b = install_desktop_entry(tmp_path, command="/opt/kap/bin/kapcompanion-gui")
    assert a == b
    text = (tmp_path / "applications" / "kapcompanion.desktop").read_text()
    assert "Exec=/opt/kap/bin/kapcompanion-gui %f" in text
    assert len(remove_desktop_entry(tmp_path)) == len(a)


def test_the_window_has_the_app_icon(qtbot) -> None:
    from kapcompanion.ui.app import app_icon

    icon = app_icon()
    assert not icon.isNull()
    sizes = {s.width() for s in icon.availableSizes()}
    # up to 256 px: on X11 every size is sent with the window at each start (512 px: 1 MiB)
    assert sizes == {16, 24, 32, 48, 64, 128, 256}
    pixmap = icon.pixmap(256, 256)
    assert pixmap.width() == 256 and not pixmap.toImage().isNull()
