"""Install the app into a Linux desktop: a .desktop launcher, icons and the .kappack file type.

``kapcompanion --install-desktop-entry`` writes, under ``$XDG_DATA_HOME`` (``~/.local/share``):

- ``applications/kapcompanion.desktop`` — the launcher, opening ``.kappack`` files too;
- ``icons/hicolor/<N>x<N>/apps/kapcompanion.png`` and ``scalable/apps/kapcompanion.svg``;
- ``mime/packages/kapcompanion.xml`` — the ``application/x-kappack`` type.

``--remove-desktop-entry`` removes exactly those files and nothing else. This is the one
place the app writes outside its data dir, and only when the person asks for it.
"""

from __future__ import annotations

import logging
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from kapcompanion import __version__
from kapcompanion.resources import asset

log = logging.getLogger(__name__)

APP_ID = "kapcompanion"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
MIME_TYPE = "application/x-kappack"

MIME_XML = f"""<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="{MIME_TYPE}">
    <comment>KAP Companion practice pack</comment>
    <glob pattern="*.kappack"/>
    <sub-class-of type="application/zip"/>
  </mime-type>
</mime-info>
"""


def data_home() -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share``."""
    env = os.environ.get("XDG_DATA_HOME", "")
    return Path(env) if env and Path(env).is_absolute() else Path.home() / ".local" / "share"


def launcher_command() -> str:
    """The command the launcher runs: the installed GUI script, else this Python."""
    here = Path(sys.argv[0]).resolve().parent if sys.argv and sys.argv[0] else None
    for candidate in (
        here / "kapcompanion-gui" if here else None,
        shutil.which("kapcompanion-gui"),
    ):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return shlex.quote(str(candidate))
    return f"{shlex.quote(sys.executable)} -m kapcompanion"


def desktop_entry(command: str) -> str:
    """The text of the .desktop file."""
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Version=1.5",
            "Name=KAP Companion",
            "GenericName=Practice companion",
            "Comment=Calm breathing, grounding and reflection practices between KAP sessions",
            f"Exec={command} %f",
            f"TryExec={shlex.split(command)[0]}",
            f"Icon={APP_ID}",
            "Terminal=false",
            "Categories=Utility;Education;",
            "Keywords=breathing;meditation;journal;therapy;KAP;",
            f"MimeType={MIME_TYPE};",
            "StartupNotify=true",
            f"StartupWMClass={APP_ID}",
            f"X-KAPCompanion-Version={__version__}",
            "",
        ]
    )


def installed_files(root: Path | None = None) -> list[Path]:
    """Every file :func:`install_desktop_entry` writes."""
    root = root or data_home()
    icons = root / "icons" / "hicolor"
    return [
        root / "applications" / f"{APP_ID}.desktop",
        root / "mime" / "packages" / f"{APP_ID}.xml",
        icons / "scalable" / "apps" / f"{APP_ID}.svg",
        *(icons / f"{n}x{n}" / "apps" / f"{APP_ID}.png" for n in SIZES),
    ]


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _refresh(root: Path) -> None:
    """Ask the desktop's caches to notice (best effort: the tools may not be installed)."""
    for args in (
        ["update-desktop-database", str(root / "applications")],
        ["update-mime-database", str(root / "mime")],
        ["gtk-update-icon-cache", "-q", "-t", str(root / "icons" / "hicolor")],
    ):
        if shutil.which(args[0]):
            try:
                subprocess.run(args, check=False, capture_output=True, timeout=30)
            except (OSError, subprocess.SubprocessError) as exc:
                log.info("%s: %s", args[0], exc)


def install_desktop_entry(root: Path | None = None, command: str | None = None) -> list[Path]:
    """Write the launcher, icons and file type; return the files written."""
    root = root or data_home()
    files = installed_files(root)
    desktop, mime, svg, *pngs = files
    _write(desktop, desktop_entry(command or launcher_command()).encode("utf-8"))
    _write(mime, MIME_XML.encode("utf-8"))
    _write(svg, asset("icons", f"{APP_ID}.svg").read_bytes())
    for size, png in zip(SIZES, pngs, strict=True):
        _write(png, asset("icons", f"{APP_ID}-{size}.png").read_bytes())
    _refresh(root)
    log.info("desktop entry installed under %s", root)
    return files


def remove_desktop_entry(root: Path | None = None) -> list[Path]:
    """Remove what :func:`install_desktop_entry` wrote; return the files removed."""
    root = root or data_home()
    removed = []
    for path in installed_files(root):
        if path.is_file():
            path.unlink()
            removed.append(path)
    _refresh(root)
    return removed
