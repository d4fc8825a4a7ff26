"""Issue 20: voice clips named in YAML are levelled like the editor's Import audio."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyloudnorm as pyln
import pytest
import soundfile as sf

from kapcompanion.audio.sounds import RATE, SoundBank, voice_clips_of
from kapcompanion.audio.voice_clip import import_clip
from kapcompanion.core.cliplevel import VOICE_LUFS, _measure, clip_level
from kapcompanion.core.loader import check_file, load_practice
from kapcompanion.core.timeline import compile_practice
from tests.core.helpers import practice_text, write


def speechlike(seconds: float = 3.0, level: float = 0.5, rate: int = RATE) -> np.ndarray:
    """Syllables: a 200 Hz voice with harmonics, on and off four times a second."""
    t = np.arange(int(seconds * rate)) / rate
    tone = sum(np.sin(2 * np.pi * 200 * k * t) / k for k in range(1, 6))
    gate = (np.sin(2 * np.pi * 4 * t) > -0.3).astype(float)
    x = tone * gate
    return (level * x / np.abs(x).max()).astype(np.float32)


def lufs(x: np.ndarray, rate: int = RATE) -> float:
    return float(pyln.Meter(rate).integrated_loudness(x))


def practice_with(tmp_path: Path, clip: np.ndarray, name: str = "clip.wav") -> Path:
    (tmp_path / "audio").mkdir(exist_ok=True)
    sf.write(tmp_path / "audio" / name, clip, RATE)
    return write(tmp_path, practice_text(f"- say: Welcome.\n  voice: audio/{name}"))


def test_a_quiet_clip_plays_at_the_app_voice_level(tmp_path: Path) -> None:
    quiet = speechlike(level=0.04)  # about 13 dB under an imported clip
    assert lufs(quiet) < VOICE_LUFS - 12
    path = practice_with(tmp_path, quiet)
    timeline = compile_practice(load_practice(path))
    bank = SoundBank(RATE, 1)
    assert bank.load([c.sound for c in timeline.cues], voices=voice_clips_of(timeline)) == []
    (played,) = bank.sounds.values()
    assert abs(lufs(played.samples[:, 0]) - VOICE_LUFS) < 0.5
    assert 20 * np.log10(np.abs(played.samples).max()) <= -1.4
    assert check_file(path)[1] == []  # fixable: no warning


def test_a_clip_the_editor_imported_is_left_as_it_is(tmp_path: Path) -> None:
    src = tmp_path / "raw.wav"
    sf.write(src, speechlike(level=0.05), RATE)
    report = import_clip(src, tmp_path, "welcome")
    level = clip_level(tmp_path / report.relative_path)
    assert level is not None and abs(level.gain_db) < 1.0


def test_measurements_are_remembered(tmp_path: Path) -> None:
    path = tmp_path / "c.wav"
    sf.write(path, speechlike(), RATE)
    clip_level(path)
    hits = _measure.cache_info().hits
    clip_level(path)
    assert _measure.cache_info().hits == hits + 1


def test_too_quiet_to_fix_is_a_warning_at_the_clip(tmp_path: Path) -> None:
    clip = speechlike(level=0.02)
    clip[1000] = 0.9  # one click: the gain would clip it, so it stays quiet
    path = practice_with(tmp_path, clip, "quiet.wav")
    (d,) = check_file(path)[1]
    assert str(d) == (
        f"{path}:8:12: warning: audio/quiet.wav is too quiet to level well: it will play "
        "about 20 dB under the app's voice and bells — record it again closer to the "
        "microphone, or use Import audio… in the editor"
    )


def test_a_clipped_clip_is_a_warning_at_the_clip(tmp_path: Path) -> None:
    clip = np.clip(speechlike(level=1.0) * 3, -1, 1)
    path = practice_with(tmp_path, clip, "loud.wav")
    (d,) = check_file(path)[1]
    assert str(d) == (
        f"{path}:8:12: warning: audio/loud.wav is clipped (distorted where it is loudest) — "
        "record it again a little further from the microphone; levelling cannot undo "
        "distortion"
    )


@pytest.mark.parametrize("voices", [frozenset(), None])
def test_other_sounds_are_not_levelled(tmp_path: Path, voices: frozenset[str] | None) -> None:
    path = tmp_path / "bell.wav"
    x = speechlike(level=0.04)
    sf.write(path, x, RATE)
    bank = SoundBank(RATE, 1, resolver=lambda name: Path(name))
    bank.load([str(path)], voices=voices or frozenset())
    assert np.allclose(bank.sounds[str(path)].samples[:, 0], x, atol=1e-4)
