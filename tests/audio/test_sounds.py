from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from kapcompanion.audio.sounds import (
    SoundBank,
    SoundError,
    decode,
    make_loop,
    resolve_sound,
    sounds_of,
)
from kapcompanion.core.timeline import compile_practice
from kapcompanion.resources import asset
from tests.audio.fixtures import mixed


def test_bundled_names_resolve_through_resources_and_paths_stay_paths(tmp_path: Path) -> None:
    assert resolve_sound("soft-bell") == asset("sounds", "soft-bell.ogg")
    assert resolve_sound("rain") == asset("sounds", "rain.ogg")
    clip = tmp_path / "clip.ogg"
    assert resolve_sound(str(clip)) == clip


def test_decode_resamples_and_makes_stereo(sound_files: dict[str, Path]) -> None:
    got = decode(sound_files["voice"], 44100, 2)  # 1.5 s mono at 22050 Hz
    assert got.samples.dtype == np.float32
    assert got.samples.shape[1] == 2
    assert abs(got.seconds - 1.5) < 0.001
    assert np.array_equal(got.samples[:, 0], got.samples[:, 1])
    # the 220 Hz tone survives: its spectrum peaks at 220 Hz after resampling
    spec = np.abs(np.fft.rfft(got.samples[:, 0]))
    freq = np.fft.rfftfreq(len(got.samples), 1 / 44100)[spec.argmax()]
    assert abs(freq - 220) < 2


def test_decode_errors_name_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "nothing-here.ogg"
    with pytest.raises(SoundError, match=re.escape("nothing-here.ogg")):
        decode(missing)
    corrupt = tmp_path / "broken.ogg"
    corrupt.write_bytes(b"OggS this is not really vorbis" * 20)
    with pytest.raises(SoundError, match=re.escape("broken.ogg")):
        decode(corrupt)
    empty = tmp_path / "empty.wav"
    sf.write(empty, np.zeros((0, 1), dtype=np.float32), 44100)
    with pytest.raises(SoundError, match=re.escape("empty.wav")):
        decode(empty)


def test_loop_has_no_seam() -> None:
    rate = 44100
    t = np.arange(rate * 2) / rate
    # a tone whose end does not meet its start: a naive loop would click
    x = np.sin(2 * np.pi * 3.3 * t)[:, None].astype(np.float32) * np.linspace(0.2, 1, len(t))[
        :, None
    ].astype(np.float32)
    loop = make_loop(x, rate, 0.5)
    assert len(loop) == len(x) - rate // 2
    naive_jump = abs(float(x[-1, 0] - x[0, 0]))
    seam = abs(float(loop[-1, 0] - loop[0, 0]))
    step = float(np.abs(np.diff(loop[:, 0])).max())
    assert naive_jump > 0.1
    assert seam <= step * 1.5


def test_bank_warns_by_file_name_and_caches(tmp_path: Path, resolver, sound_files) -> None:
    bank = SoundBank(resolver=resolver)
    timeline = compile_practice(mixed(tmp_path / "welcome-voice.ogg"))
    warnings = bank.load(sounds_of(timeline))
    assert len(warnings) == 1
    assert "welcome-voice.ogg" in warnings[0]
    assert "rest of the practice" in warnings[0]
    assert str(tmp_path / "welcome-voice.ogg") not in bank.sounds
    assert "rain" in bank.sounds
    first = bank.sounds["rise"]
    bank.load(["rise"])
    assert bank.sounds["rise"] is first  # decoded once, cached


def test_voice_spans_cover_the_clip(resolver, sound_files) -> None:
    bank = SoundBank(resolver=resolver)
    timeline = compile_practice(mixed(sound_files["voice"]))
    bank.load(sounds_of(timeline))
    assert bank.voice_spans(timeline) == [(0.0, pytest.approx(1.5, abs=1e-3))]


@pytest.mark.parametrize("src", [48000, 22050, 16000])
def test_resampling_keeps_pitch_length_and_level(tmp_path: Path, src: int) -> None:
    t = np.arange(src) / src  # one second
    path = tmp_path / f"tone-{src}.wav"
    sf.write(path, (0.5 * np.sin(2 * np.pi * 1000 * t)).astype(np.float32), src)
    got = decode(path, 44100, 1).samples[:, 0]
    assert len(got) == 44100
    spec = np.abs(np.fft.rfft(got))
    assert abs(np.fft.rfftfreq(len(got), 1 / 44100)[spec.argmax()] - 1000) < 2
    middle = got[4410:-4410]
    assert np.sqrt(np.mean(middle**2)) == pytest.approx(0.5 / np.sqrt(2), rel=0.01)


def test_long_clips_resample_linearly_without_error() -> None:
    from kapcompanion.audio.sounds import FFT_RESAMPLE_SECONDS, resample

    n = (FFT_RESAMPLE_SECONDS + 1) * 8000
    x = np.zeros((n, 1), dtype=np.float32)
    assert resample(x, 8000, 16000).shape == (2 * n, 1)


@pytest.mark.parametrize("rate", [44100, 48000])
def test_bundled_beds_loop_whole_without_crossfade(rate: int) -> None:
    """Bundled beds are one exact period: kept whole, and still seamless when resampled."""
    bank = SoundBank(rate=rate)
    assert bank.load(["drone"]) == []
    loop = bank.loop("drone")
    assert loop is not None
    decoded = bank.sounds["drone"].samples
    assert loop.shape == decoded.shape  # nothing cut off for a crossfade
    assert np.shares_memory(loop, decoded) or np.array_equal(loop, decoded)
    # the wrap (last sample -> first) is no bigger a step than the bed's own steps
    steps = np.abs(np.diff(loop[:, 0]))
    wrap = abs(float(loop[0, 0] - loop[-1, 0]))
    assert wrap <= float(np.percentile(steps, 99.9))
    # the level around the wrap matches the level elsewhere (no lift from a blend)
    block = rate // 20
    around = np.concatenate([loop[-block // 2 :], loop[: block // 2]])
    rms_wrap = float(np.sqrt(np.mean(around**2)))
    rms_mid = [
        float(np.sqrt(np.mean(loop[i : i + block] ** 2)))
        for i in range(block, len(loop) - block, len(loop) // 40)
    ]
    assert min(rms_mid) * 0.8 <= rms_wrap <= max(rms_mid) * 1.2


def test_user_beds_still_get_a_crossfade(tmp_path: Path) -> None:
    rate = 44100
    t = np.arange(rate * 3) / rate
    bed = tmp_path / "bed.wav"
    sf.write(bed, (0.3 * np.sin(2 * np.pi * 3.3 * t)).astype(np.float32), rate)
    bank = SoundBank()
    assert bank.load([str(bed)]) == []
    loop = bank.loop(str(bed))
    assert loop is not None
    assert len(loop) == rate * 3 - rate // 2
