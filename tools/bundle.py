"""Build the Linux bundle: the app in one folder with its own Python, packed as a .tar.gz.

Run: python3 tools/bundle.py [--reuse] [--appimage]

1. PyInstaller builds ``packaging/kapcompanion-linux.spec`` (one folder, ``KAP-Companion/``):
   the built-in library, sounds, icons, compiled translations and the offline voice inside.
2. The folder gets what a desktop needs: ``kapcompanion.desktop``, the icons, ``install.sh``
   (adds the launcher, icons and the ``.kappack`` file type to the menu, through the app's
   own ``--install-desktop-entry``) and a ``README.txt`` for the client. The folder is also
   an AppDir (``AppRun``, desktop file and icon at the top).
3. It is packed as ``dist/KAP-Companion-<version>-linux-x86_64.tar.gz``; with ``--appimage``
   and ``appimagetool`` on PATH, also as ``dist/KAP-Companion-<version>-x86_64.AppImage``.

``--reuse`` skips the build when the .tar.gz was built from the same sources (a stamp of
every source file sits beside it). Set ``KAPCOMPANION_BUNDLE_RECORDING=1`` to keep Qt
Multimedia's FFmpeg backend (voice recording in the editor, ~40 MB more).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
sys.path.insert(0, str(ROOT))

import spec_common  # noqa: E402

log = logging.getLogger(__name__)

SPEC = ROOT / "packaging" / "kapcompanion-linux.spec"
BUILD = ROOT / "build" / "bundle"
DIST = ROOT / "dist"
#: What the bundle is built from: a change to any of these makes --reuse build again.
SOURCES = ("kapcompanion", "assets", "scripts", "i18n", "packaging", "pyproject.toml",
           "tools/bundle.py")  # fmt: skip

CLIENT_README = """\
KAP Companion {version}
=======================

A calm, offline practice companion for the time around your KAP sessions.
Nothing here needs an internet connection, and nothing leaves your computer.

Open it
-------
Double-click "kapcompanion" in this folder, or in a terminal:

    ./kapcompanion

Add it to your applications menu (and let .kappack files from your therapist open
with it):

    ./install.sh

To take it out of the menu again:

    ./kapcompanion --remove-desktop-entry

Keep this folder where it is after running install.sh (for example in your home
folder): the menu entry points here. To remove the app completely, take it out of
the menu, then delete this folder. Your journal and settings stay in
~/.local/share/kapcompanion until you delete them yourself.

Play a practice without the window, or save one as a sound file for your phone:

    ./kapcompanion list
    ./kapcompanion play box-breathing --no-window
    ./kapcompanion render box-breathing -o box-breathing.wav
"""

INSTALL_SH = """\
#!/bin/sh
# Add KAP Companion to the applications menu: launcher, icons and the .kappack file type.
# Everything goes under ~/.local/share; "./kapcompanion --remove-desktop-entry" undoes it.
set -e
here="$(cd "$(dirname "$0")" && pwd)"
exec "$here/kapcompanion" --install-desktop-entry
"""


def source_stamp() -> str:
    """A hash of every source file the bundle is built from, and of the build's tools."""
    digest = hashlib.sha256()
    for name in SOURCES:
        path = ROOT / name
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for f in files:
            if not f.is_file() or "__pycache__" in f.parts or f.suffix in (".pyc", ".qm"):
                continue
            digest.update(str(f.relative_to(ROOT)).encode())
            digest.update(f.read_bytes())
    import PyInstaller

    digest.update(f"{sys.version} {PyInstaller.__version__}".encode())
    digest.update(os.environ.get("KAPCOMPANION_BUNDLE_RECORDING", "").encode())
    return digest.hexdigest()


def archive_path(version: str) -> Path:
    """Where the .tar.gz of ``version`` goes."""
    return DIST / f"{spec_common.APP_NAME}-{version}-linux-{platform.machine()}.tar.gz"


def folder_size(folder: Path) -> int:
    """Bytes of every file under ``folder`` (symlinks not followed)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def run_pyinstaller() -> Path:
    """Build the one-folder app; return its folder."""
    cmd = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", str(BUILD / "dist"), "--workpath", str(BUILD / "work"), str(SPEC),
    ]  # fmt: skip
    path = os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    env = dict(os.environ, PYTHONPATH=path)
    subprocess.run(cmd, check=True, cwd=ROOT, env=env)
    return BUILD / "dist" / spec_common.APP_NAME


def add_desktop_files(folder: Path, version: str) -> None:
    """The desktop entry, icons, install script, README and AppDir links."""
    from kapcompanion.desktop import APP_ID, desktop_entry

    icons = ROOT / "assets" / "icons"
    shutil.copyfile(icons / f"{APP_ID}-256.png", folder / f"{APP_ID}.png")
    shutil.copyfile(icons / f"{APP_ID}.svg", folder / f"{APP_ID}.svg")
    # For an AppImage (AppRun starts the app); install.sh writes one with the full path.
    (folder / f"{APP_ID}.desktop").write_text(desktop_entry(spec_common.EXE_NAME), "utf-8")
    (folder / ".DirIcon").unlink(missing_ok=True)
    (folder / ".DirIcon").symlink_to(f"{APP_ID}.png")
    for link in ("AppRun", "kapcompanion-gui"):
        # kapcompanion-gui beside the app is what --install-desktop-entry puts in the
        # launcher (kapcompanion.desktop.launcher_command): the same program.
        (folder / link).unlink(missing_ok=True)
        (folder / link).symlink_to(spec_common.EXE_NAME)
    (folder / "README.txt").write_text(CLIENT_README.format(version=version), "utf-8")
    script = folder / "install.sh"
    script.write_text(INSTALL_SH, "utf-8")
    script.chmod(0o755)


def pack(folder: Path, out: Path) -> None:
    """``folder`` as ``out`` (.tar.gz), under its own name, symlinks kept."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    with tarfile.open(tmp, "w:gz", compresslevel=6) as tar:
        tar.add(folder, arcname=folder.name)
    os.replace(tmp, out)


def appimage(folder: Path, version: str) -> Path | None:
    """Make the AppImage when ``appimagetool`` is installed; else say how."""
    out = DIST / f"{spec_common.APP_NAME}-{version}-{platform.machine()}.AppImage"
    tool = shutil.which("appimagetool")
    if tool is None:
        print(
            "appimagetool is not installed (it is on no package registry reachable here). "
            f"With it, the AppImage is one command:\n  ARCH={platform.machine()} "
            f"appimagetool {folder} {out}"
        )
        return None
    subprocess.run([tool, str(folder), str(out)], check=True,
                   env=dict(os.environ, ARCH=platform.machine()))  # fmt: skip
    return out


def build(reuse: bool = False, make_appimage: bool = False) -> dict[str, object]:
    """Build (or reuse) the bundle; return what was made, with sizes and times."""
    version = spec_common.version()
    out = archive_path(version)
    info_file = out.with_name(out.name + ".json")
    stamp = source_stamp()
    if reuse and out.is_file() and info_file.is_file():
        info = json.loads(info_file.read_text("utf-8"))
        if info.get("stamp") == stamp:
            info["reused"] = True
            return info
    t0 = time.perf_counter()
    folder = run_pyinstaller()
    add_desktop_files(folder, version)
    built = time.perf_counter() - t0
    pack(folder, out)
    info = {
        "version": version,
        "archive": str(out),
        "folder": str(folder),
        "stamp": stamp,
        "unpacked_bytes": folder_size(folder),
        "archive_bytes": out.stat().st_size,
        "build_seconds": round(built, 1),
        "pack_seconds": round(time.perf_counter() - t0 - built, 1),
        "reused": False,
    }
    if make_appimage:
        made = appimage(folder, version)
        info["appimage"] = str(made) if made else None
    info_file.write_text(json.dumps(info, indent=2), "utf-8")
    return info


def main() -> int:
    """Build and print the sizes."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reuse", action="store_true", help="keep a build made from these sources")
    ap.add_argument("--appimage", action="store_true", help="also make an AppImage")
    args = ap.parse_args()
    if not sys.platform.startswith("linux"):
        print("tools/bundle.py builds the Linux bundle; see docs/packaging.md for Windows "
              "and macOS", file=sys.stderr)  # fmt: skip
        return 2
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print("PyInstaller is needed: python3 -m pip install -e '.[test]'", file=sys.stderr)
        return 2
    info = build(reuse=args.reuse, make_appimage=args.appimage)
    mb = 1024 * 1024
    times = f"; build {info['build_seconds']} s, pack {info['pack_seconds']} s"
    print(
        f"{'reused' if info['reused'] else 'built'} {info['archive']}\n"
        f"  unpacked {info['unpacked_bytes'] / mb:.0f} MiB, "
        f".tar.gz {info['archive_bytes'] / mb:.0f} MiB" + ("" if info["reused"] else times)
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
