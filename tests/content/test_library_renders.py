"""Every built-in practice renders to an audio file as long as its timeline."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from kapcompanion.audio.render import GATE_SECONDS, render_practice
from kapcompanion.core.library import Library
from kapcompanion.core.model import AMBIENT_SOUNDS, CUE_SOUNDS
from kapcompanion.core.timeline import compile_practice
from kapcompanion.resources import asset

LIBRARY = Library.load(None)
IDS = sorted(LIBRARY.practices)
BUNDLED_PRESENT = all(
    asset("sounds", f"{name}.ogg").is_file() for name in (*CUE_SOUNDS, *AMBIENT_SOUNDS)
)


def _render(pid: str, folder: Path) -> tuple[Path, list[str], float]:
    practice = LIBRARY.practice(pid)
    notes: list[str] = []
    # The sounds alone (the spoken voice is checked in tests/audio/test_voice_render.py).
    path = render_practice(practice, folder / f"{pid}.wav", warnings=notes, speak=False)
    return path, notes, compile_practice(practice, gate_seconds=GATE_SECONDS).total


@pytest.mark.slow
@pytest.mark.parametrize("pid", IDS)
def test_practice_renders_to_a_file_as_long_as_its_timeline(pid: str, tmp_path: Path):
    path, notes, total = _render(pid, tmp_path)
    info = sf.info(str(path))
    assert info.channels == 2
    assert total <= info.duration <= total + 2.0, (pid, info.duration, total)
    # Only bundled sounds are named: any note is about a bundled file, never a typo.
    bundled = (*CUE_SOUNDS, *AMBIENT_SOUNDS)
    assert all(any(name in note for name in bundled) for note in notes), notes
    path.unlink()


@pytest.mark.slow
@pytest.mark.skipif(not BUNDLED_PRESENT, reason="the bundled sounds are not in assets/ yet")
@pytest.mark.parametrize("pid", IDS)
def test_practice_renders_with_every_sound_and_is_not_silent(pid: str, tmp_path: Path):
    path, notes, _ = _render(pid, tmp_path)
    assert notes == []
    audio, _rate = sf.read(str(path), frames=30 * 44100, dtype="float32")
    assert float(np.abs(audio).max()) > 0.01
    path.unlink()
