"""Pack UI fixtures: a therapist's and a client's data dir, real practices with real audio."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from kapcompanion.paths import packs_dir, user_practices_dir
from kapcompanion.ui import packs as packs_ui
from kapcompanion.ui.main_window import MainWindow

PRACTICE = """\
kapcompanion: 1
id: {id}
title: {title}
category: prepare
summary: A short hello and a few easy breaths.
steps:
  - say: Welcome. Settle in however feels right.
    voice: audio/{id}.ogg
  - breathe:
      inhale: 4
      exhale: 6
      cycles: {cycles}
"""

PROGRAM = """\
kapcompanion: 1
kind: program
id: my-week
title: The week before, with Sam
days:
  - day: -2
    practices: [sam-welcome]
  - day: -1
    practices: [sam-evening]
"""

TITLES = {"sam-welcome": "Welcome from Sam", "sam-evening": "Evening settle"}


def ogg(seconds: float = 2.0, rate: int = 22050) -> bytes:
    """A real OGG Vorbis tone."""
    t = np.arange(int(seconds * rate)) / rate
    buf = io.BytesIO()
    sf.write(buf, (0.2 * np.sin(2 * np.pi * 220 * t)).astype("float32"), rate, format="OGG")
    return buf.getvalue()


def write_user_practices(cycles: int = 2, titles: dict[str, str] | None = None) -> Path:
    """The therapist's own two practices, each with a voice clip, in the data dir."""
    folder = user_practices_dir()
    (folder / "audio").mkdir(parents=True, exist_ok=True)
    for pid, title in (titles or TITLES).items():
        (folder / "audio" / f"{pid}.ogg").write_bytes(ogg())
        (folder / f"{pid}.yaml").write_text(
            PRACTICE.format(id=pid, title=title, cycles=cycles), encoding="utf-8"
        )
    return folder


def tree(root: Path) -> dict[str, bytes | None]:
    """Every file and folder under ``root`` with its bytes (empty when missing)."""
    if not root.exists():
        return {}
    return {
        p.relative_to(root).as_posix(): (p.read_bytes() if p.is_file() else None)
        for p in sorted(root.rglob("*"))
    }


def tamper(src: Path, out: Path, name: str, offset: int = 40) -> Path:
    """Copy a pack with one byte of ``name`` changed (re-zipped, signature kept)."""
    with zipfile.ZipFile(src) as zf:
        entries = {n: zf.read(n) for n in zf.namelist()}
    data = bytearray(entries[name])
    data[offset] ^= 0x01
    entries[name] = bytes(data)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, b in entries.items():
            zf.writestr(n, b)
    return out


@pytest.fixture
def dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Path]:
    """Switch the data dir between people: ``dirs("therapist")``, ``dirs("client")``."""

    def use(who: str) -> Path:
        folder = tmp_path / f"data-{who}"
        folder.mkdir(exist_ok=True)
        monkeypatch.setenv("KAPCOMPANION_DATA_DIR", str(folder))
        return folder

    return use


@pytest.fixture
def app_window(make_window) -> Callable[[], MainWindow]:
    """A main window with the packs installer run, showing the library from disk."""

    def make() -> MainWindow:
        win = make_window()
        packs_ui.install(win)
        win.reload_library()
        return win

    return make


@pytest.fixture
def no_packs_written() -> Callable[[], dict[str, bytes | None]]:
    return lambda: tree(packs_dir())
