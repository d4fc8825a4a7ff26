"""Start at login: an XDG autostart entry on Linux, added and removed cleanly.

The entry runs the app with ``--background``: it starts quietly in the tray so reminders
can arrive, and opens its window when the person clicks a reminder or the tray icon.

Other systems (documented, not written by the app): on macOS a Login Item (System
Settings → General → Login Items → add KAP Companion); on Windows a shortcut to
``kapcompanion-gui.exe --background`` in the Startup folder (``shell:startup``).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from kapcompanion.desktop import APP_ID, launcher_command

log = logging.getLogger(__name__)


def config_home() -> Path:
    """``$XDG_CONFIG_HOME``, or ``~/.config``."""
    env = os.environ.get("XDG_CONFIG_HOME", "")
    return Path(env) if env and Path(env).is_absolute() else Path.home() / ".config"


def entry_path() -> Path:
    """Where the autostart entry lives."""
    return config_home() / "autostart" / f"{APP_ID}.desktop"


def supported() -> bool:
    """Whether this system uses XDG autostart (Linux and other freedesktop systems)."""
    return sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))


def entry_text(command: str) -> str:
    """The autostart .desktop file."""
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Name=KAP Companion",
            "Comment=Gentle practice reminders (starts quietly in the tray)",
            f"Exec={command} --background",
            f"Icon={APP_ID}",
            "Terminal=false",
            "X-GNOME-Autostart-enabled=true",
            "",
        ]
    )


def enable(command: str | None = None) -> Path:
    """Write the entry (atomically); returns its path. Raises OSError when it cannot."""
    path = entry_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_text(entry_text(command or launcher_command()), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)  # no half-made file left behind
        raise
    log.info("autostart entry written")
    return path


def disable() -> bool:
    """Remove the entry; returns whether there was one."""
    path = entry_path()
    if path.is_file():
        path.unlink()
        log.info("autostart entry removed")
        return True
    return False


def enabled() -> bool:
    """Whether the entry exists."""
    return entry_path().is_file()
