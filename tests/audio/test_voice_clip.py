"""Voice clips: real files in, measured OGG out (trim, loudness, peak), plain refusals."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from kapcompanion.audio.sounds import RATE, SoundBank
from kapcompanion.audio.synth import CUE_LOUDNESS_DB, loudness_db, peak_db
from kapcompanion.audio.voice_clip import (
    MARGIN_S,
    VoiceClipError,
    import_clip,
    store_clip,
    trim_silence,
)


def speechlike(seconds: float, rate: int, level: float = 0.3, seed: int = 0) -> np.ndarray:
    """A voiced sound with syllable-like swells (a 170 Hz buzz and formant-ish partials)."""
    rng = np.random.default_rng(seed)
    t = np.arange(round(seconds * rate)) / rate
    f0 = 170 * (1 + 0.05 * np.sin(2 * np.pi * 0.7 * t))
    phase = 2 * np.pi * np.cumsum(f0) / rate
    voice = sum(a * np.sin(k * phase) for k, a in ((1, 1.0), (2, 0.6), (3, 0.4), (5, 0.25)))
    swell = np.clip(np.sin(2 * np.pi * 3.1 * t), 0, None) ** 0.7
    swell[: round(0.02 * rate)] *= np.linspace(0, 1, round(0.02 * rate))
    x = voice * (0.15 + 0.85 * swell) + rng.normal(0, 0.01, len(t))
    return level * x / np.max(np.abs(x))


def with_silence(core: np.ndarray, rate: int, before: float, after: float) -> np.ndarray:
    rng = np.random.default_rng(7)
    pre = rng.normal(0, 3e-5, round(before * rate))
    post = rng.normal(0, 3e-5, round(after * rate))
    return np.concatenate([pre, core, post])


def first_sound(x: np.ndarray, rate: int, below_peak_db: float = 30.0) -> float:
    """Seconds before the first 10 ms block within ``below_peak_db`` of the loudest."""
    block = rate // 100
    n = len(x) // block
    levels = np.sqrt(np.mean(np.square(x[: n * block].reshape(n, block)), axis=1))
    loud = np.flatnonzero(levels >= levels.max() * 10 ** (-below_peak_db / 20))
    return loud[0] * block / rate


@pytest.mark.parametrize(
    ("fmt", "suffix", "rate", "level"),
    [
        ("WAV", ".wav", 48000, 0.05),  # a quiet recording is brought up
        ("FLAC", ".flac", 44100, 0.9),  # a hot one is brought down
        ("OGG", ".ogg", 22050, 0.3),
        ("MP3", ".mp3", 44100, 0.3),
    ],
)
def test_import_trims_levels_and_writes_ogg(tmp_path: Path, fmt, suffix, rate, level) -> None:
    core = speechlike(2.0, rate, level)
    src = tmp_path / f"take{suffix}"
    sf.write(src, with_silence(core, rate, 1.2, 1.8), rate, format=fmt)
    practice_dir = tmp_path / "practices"

    report = import_clip(src, practice_dir, "calm-step1")

    assert report.relative_path == "audio/calm-step1.ogg"
    out = practice_dir / report.relative_path
    info = sf.info(out)
    assert (info.format, info.subtype, info.samplerate, info.channels) == (
        "OGG",
        "VORBIS",
        RATE,
        1,
    )
    decoded, _ = sf.read(out, dtype="float64")
    seconds = len(decoded) / RATE
    # 2 s of sound plus two 150 ms margins (3 s of silence gone); MP3 adds codec padding
    assert 2.0 + 2 * MARGIN_S - 0.05 <= seconds <= 2.0 + 2 * MARGIN_S + 0.1
    assert first_sound(decoded, RATE) == pytest.approx(MARGIN_S, abs=0.04)
    assert abs(loudness_db(decoded) - CUE_LOUDNESS_DB) <= 1.0
    assert peak_db(decoded) < -1.0
    assert peak_db(decoded[: RATE // 200]) < -40  # faded in: no click at the start
    assert peak_db(decoded[-RATE // 200 :]) < -40


def test_transients_are_limited_not_clipped(tmp_path: Path) -> None:
    """A clip with loud clicks: peaks stay under -1 dBFS and the voice still meets the target."""
    x = speechlike(3.0, RATE, 0.05)
    for at in (0.5, 1.3, 2.2):
        x[round(at * RATE) : round(at * RATE) + 40] = 0.95  # handling noise on the mic
    report = store_clip(x, tmp_path, "clicky")
    decoded, _ = sf.read(tmp_path / report.relative_path, dtype="float64")
    assert peak_db(decoded) < -1.0
    assert abs(loudness_db(decoded) - CUE_LOUDNESS_DB) <= 1.0


def test_trim_keeps_margins_when_there_is_no_silence() -> None:
    x = speechlike(1.0, RATE)
    out = trim_silence(x)
    assert len(out) == len(x)  # nothing to cut, nothing faded at the edges of the take
    assert np.array_equal(out, x)


@pytest.mark.parametrize("name", ["take.m4a", "notes.txt", "voice.aiff"])
def test_unsupported_formats_are_refused_naming_the_supported(tmp_path: Path, name) -> None:
    src = tmp_path / name
    src.write_bytes(b"\x00" * 2000)
    with pytest.raises(VoiceClipError) as err:
        import_clip(src, tmp_path / "practices", "x-step1")
    msg = str(err.value)
    assert (err.value.kind, err.value.name) == ("unsupported", name)
    assert name in msg
    for fmt in ("WAV", "OGG", "FLAC", "MP3"):
        assert fmt in msg
    assert not (tmp_path / "practices").exists()


def test_corrupt_file_gives_a_plain_message(tmp_path: Path) -> None:
    src = tmp_path / "broken.wav"
    src.write_bytes(b"RIFF\x24\x00\x00\x00WAVEjunkjunkjunk" + bytes(range(256)) * 4)
    with pytest.raises(VoiceClipError) as err:
        import_clip(src, tmp_path / "practices", "x-step1")
    assert (err.value.kind, err.value.name) == ("unreadable", "broken.wav")
    assert "broken.wav" in str(err.value)
    assert "could not be read" in str(err.value)
    assert "Traceback" not in str(err.value)
    assert not (tmp_path / "practices" / "audio" / "x-step1.ogg").exists()


def test_silent_and_tiny_clips_are_refused(tmp_path: Path) -> None:
    with pytest.raises(VoiceClipError, match="silent"):
        store_clip(np.zeros(RATE * 2), tmp_path, "quiet")
    click = np.zeros(RATE * 2)
    click[RATE : RATE + 20] = 0.5
    with pytest.raises(VoiceClipError, match="too short"):
        store_clip(click, tmp_path, "click")
    assert not (tmp_path / "audio").exists() or not any((tmp_path / "audio").iterdir())


def test_the_sound_bank_decodes_a_stored_clip(tmp_path: Path) -> None:
    report = store_clip(speechlike(1.5, RATE), tmp_path, "bank")
    path = tmp_path / report.relative_path
    bank = SoundBank(resolver=lambda name: Path(name))
    assert bank.load([str(path)]) == []
    assert bank.sounds[str(path)].seconds == pytest.approx(report.seconds, abs=0.01)
