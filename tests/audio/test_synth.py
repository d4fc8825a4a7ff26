"""The bundled sounds: the committed OGG files, decoded with soundfile, as a listener gets them."""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from kapcompanion.audio import synth
from kapcompanion.audio.synth import (
    AMBIENT_NAMES,
    CUE_NAMES,
    SAMPLE_RATE,
    SOUND_NAMES,
    loudness_db,
    peak_db,
)
from kapcompanion.cli import sounds
from kapcompanion.core.model import AMBIENT_SOUNDS, CUE_SOUNDS
from kapcompanion.resources import asset

EDGE = int(0.005 * SAMPLE_RATE)  # 5 ms
SEAM_WINDOW = 4096
SEAM_FLOOR_DB = 45.0  # a seam click this far under the bed's level is below hearing


@cache
def decoded(name: str) -> np.ndarray:
    data, rate = sf.read(asset("sounds", f"{name}.ogg"), dtype="float64", always_2d=True)
    assert rate == SAMPLE_RATE
    return data


def db(x: float) -> float:
    return 20 * np.log10(max(x, 1e-12))


# ---------------------------------------------------------------- files, lengths, levels


def test_names_match_the_practice_format_and_every_file_is_bundled() -> None:
    assert set(CUE_NAMES) == set(CUE_SOUNDS)
    assert set(AMBIENT_NAMES) == set(AMBIENT_SOUNDS)
    for name in SOUND_NAMES:
        assert asset("sounds", f"{name}.ogg").is_file(), name
        assert sf.info(str(asset("sounds", f"{name}.ogg"))).format == "OGG"


@pytest.mark.parametrize("name", SOUND_NAMES)
def test_duration_and_channels(name: str) -> None:
    x = decoded(name)
    seconds = x.shape[0] / SAMPLE_RATE
    if name == "singing-bowl":
        assert 6.0 <= seconds <= 8.0
    elif name in ("rise", "fall"):
        assert 0.6 <= seconds <= 0.95
    elif name in CUE_NAMES:
        assert 0.6 <= seconds <= 4.0
    else:
        assert 60.0 <= seconds <= 90.0
    assert x.shape[1] == (1 if name in CUE_NAMES else 2)


@pytest.mark.parametrize("name", SOUND_NAMES)
def test_decoded_peak_is_below_minus_1_dbfs(name: str) -> None:
    assert peak_db(decoded(name)) < -1.0


@pytest.mark.parametrize("name", CUE_NAMES)
def test_cues_start_and_end_in_silence(name: str) -> None:
    x = decoded(name)
    assert db(np.abs(x[:EDGE]).max()) < -40.0
    assert db(np.abs(x[-EDGE:]).max()) < -40.0
    # ...and they are not silent altogether
    assert peak_db(x) > -20.0


def test_cue_loudness_matched_and_beds_quieter() -> None:
    cues = [loudness_db(decoded(n)) for n in CUE_NAMES]
    beds = [loudness_db(decoded(n)) for n in AMBIENT_NAMES]
    assert max(cues) - min(cues) <= 1.5, dict(zip(CUE_NAMES, cues, strict=True))
    assert max(beds) - min(beds) <= 1.5, dict(zip(AMBIENT_NAMES, beds, strict=True))
    assert max(beds) < min(cues) - 6.0


def test_loudness_measure_is_a_gated_rms() -> None:
    t = np.arange(SAMPLE_RATE) / SAMPLE_RATE
    sine = np.sin(2 * np.pi * 440 * t)
    assert abs(loudness_db(sine) - (-3.01)) < 0.05
    # a tone followed by a long silence measures the tone, not the silence
    padded = np.concatenate((0.5 * sine, np.zeros(5 * SAMPLE_RATE)))
    assert abs(loudness_db(padded) - (-3.01 - 6.02)) < 0.3


# ---------------------------------------------------------------- seamless beds


BANDS = [(20, 500), (500, 2000), (2000, 6000), (6000, 20000)]


def band_db(w: np.ndarray) -> np.ndarray:
    """Energy (dB, unnormalised) of a Hann-windowed block in each of BANDS."""
    freqs = np.fft.rfftfreq(len(w), 1 / SAMPLE_RATE)
    p = np.abs(np.fft.rfft(w * np.hanning(len(w)))) ** 2
    return np.array([10 * np.log10(p[(freqs >= a) & (freqs < b)].sum() + 1e-20) for a, b in BANDS])


def seam_problems(x: np.ndarray, floor_db: float = SEAM_FLOOR_DB) -> list[str]:
    """Why the wrap from the last sample to the first would be heard (empty: it wouldn't)."""
    problems = []
    for ch in range(x.shape[1]):
        sig = x[:, ch]
        steps = np.abs(np.diff(sig))
        jump = abs(sig[-1] - sig[0])
        if jump > np.percentile(steps, 99):
            typical = np.percentile(steps, 99)
            problems.append(f"ch{ch}: jump {jump:.5f} > 99th percentile step {typical:.5f}")
        half = SEAM_WINDOW // 2
        seam = band_db(np.concatenate((sig[-half:], sig[:half])))
        # Neighbours: windows just before the end and just after the start, where the
        # sound is locally the same as at the seam.
        near = [
            band_db(sig[-half - k * SEAM_WINDOW : -half - (k - 1) * SEAM_WINDOW or None])
            for k in range(1, 5)
        ]
        near += [
            band_db(sig[half + (k - 1) * SEAM_WINDOW : half + k * SEAM_WINDOW]) for k in range(1, 5)
        ]
        near_arr = np.array(near)
        lo, hi = near_arr.min(axis=0) - 3.0, near_arr.max(axis=0) + 3.0
        # Lossy coding leaves independent noise at each end of the file, so the decoded
        # wrap of a pure tone carries a tiny kink; count excess energy only where it
        # comes within SEAM_FLOOR_DB of the window's whole level.
        total = 10 * np.log10(np.sum(10 ** (seam / 10)))
        for (a, b), s, low, high in zip(BANDS, seam, lo, hi, strict=True):
            if s < low or (s > high and s > total - floor_db):
                problems.append(
                    f"ch{ch}: {a}-{b} Hz at the seam {s:.1f} dB, "
                    f"neighbours {low + 3:.1f}..{high - 3:.1f} dB"
                )
    return problems


@pytest.mark.parametrize("name", AMBIENT_NAMES)
def test_bed_loops_without_a_seam(name: str) -> None:
    assert seam_problems(decoded(name)) == []


@pytest.mark.parametrize("name", ["brown-noise", "drone"])
def test_seam_check_catches_a_loop_cut_in_the_wrong_place(name: str) -> None:
    # 0.37 s shorter: the end no longer runs on into the start.
    cut = decoded(name)[: -int(0.37 * SAMPLE_RATE)]
    assert seam_problems(cut) != []


@pytest.mark.parametrize("name", AMBIENT_NAMES)
def test_bed_is_periodic_before_encoding(name: str) -> None:
    x = synth.synthesise(name).astype(np.float64)
    # Circular by construction: the seam sits in the middle of the rolled signal and looks
    # like any other point.
    # No codec noise here, so almost no allowance: only the window's own leakage into the
    # drone's empty top bands (~110 dB down, varying by more than 3 dB from window to
    # window) is ignored.
    assert seam_problems(x, floor_db=90.0) == []
    assert seam_problems(np.roll(x, x.shape[0] // 2, axis=0), floor_db=90.0) == []


def test_periodicity_check_catches_one_missing_sample() -> None:
    x = synth.synthesise("drone").astype(np.float64)
    assert seam_problems(x[:-1], floor_db=90.0) != []


@pytest.mark.parametrize("name", ["brown-noise", "rain", "ocean"])
def test_noise_beds_are_decorrelated_left_right(name: str) -> None:
    x = decoded(name)
    r = np.corrcoef(x[:, 0], x[:, 1])[0, 1]
    assert abs(r) < 0.2


def test_drone_channels_differ() -> None:
    x = decoded("drone")
    assert np.corrcoef(x[:, 0], x[:, 1])[0, 1] < 0.9


def test_ocean_swells_have_the_stated_period() -> None:
    x = decoded("ocean")
    block = SAMPLE_RATE // 10
    env = np.sqrt(
        np.mean(np.square(x[: x.shape[0] // block * block].mean(axis=1)).reshape(-1, block), axis=1)
    )
    spec = np.abs(np.fft.rfft(env - env.mean()))
    swells = int(spec[1:].argmax()) + 1  # cycles per loop
    period = x.shape[0] / SAMPLE_RATE / swells
    assert 8.0 <= period <= 12.0


# ---------------------------------------------------------------- rise and fall


def centroid_track(x: np.ndarray) -> np.ndarray:
    sig = x[:, 0]
    size, hop = 2048, 512
    hann = np.hanning(size)
    freqs = np.fft.rfftfreq(size, 1 / SAMPLE_RATE)
    out, energy = [], []
    for start in range(0, len(sig) - size, hop):
        p = np.abs(np.fft.rfft(sig[start : start + size] * hann)) ** 2
        out.append((p * freqs).sum() / p.sum())
        energy.append(p.sum())
    loud = np.array(energy) > 0.1 * max(energy)
    return np.array(out)[loud]


def test_rise_goes_up_and_fall_goes_down() -> None:
    rise, fall = centroid_track(decoded("rise")), centroid_track(decoded("fall"))
    assert np.polyfit(np.arange(len(rise)), rise, 1)[0] > 0
    assert np.polyfit(np.arange(len(fall)), fall, 1)[0] < 0
    # by a clear interval: more than a minor third each way
    assert rise[-1] / rise[0] > 1.19
    assert fall[0] / fall[-1] > 1.19


# ---------------------------------------------------------------- repeatable


@pytest.mark.parametrize("name", SOUND_NAMES)
def test_synthesis_is_deterministic(name: str) -> None:
    a, b = synth.synthesise(name), synth.synthesise(name)
    assert a.dtype == np.float32
    assert a.shape[1] == (1 if name in CUE_NAMES else 2)
    assert np.array_equal(a, b)


def test_encoding_gives_identical_bytes_twice() -> None:
    x = synth.synthesise("soft-bell")
    first, second = synth.encode_ogg(x), synth.encode_ogg(x)
    assert first == second
    back, rate = sf.read(synth.io.BytesIO(first), always_2d=True)
    assert rate == SAMPLE_RATE and back.shape == x.shape


def test_fixing_the_serial_keeps_a_valid_stream() -> None:
    x = synth.synthesise("tick")
    data = synth.encode_ogg(x)
    assert data[14:18] == synth._OGG_SERIAL.to_bytes(4, "little")
    # a corrupted CRC would make libvorbisfile refuse the page; it decodes all frames
    back, _ = sf.read(synth.io.BytesIO(data), always_2d=True)
    assert back.shape[0] == x.shape[0]
    with pytest.raises(ValueError, match="not an Ogg page"):
        synth.fix_ogg_serial(b"RIFF" + data[4:])


@pytest.mark.slow
def test_check_finds_changed_and_missing_files_and_passes_the_rest(tmp_path: Path) -> None:
    copy = tmp_path / "sounds"
    shutil.copytree(asset("sounds"), copy)
    (copy / "wood.ogg").write_bytes((copy / "wood.ogg").read_bytes()[:-10])
    (copy / "rain.ogg").unlink()
    # the same tick, encoded without fixing the serial: same sound, other bytes
    with sf.SoundFile(copy / "tick.ogg", "w", SAMPLE_RATE, 1, format="OGG") as out:
        out.write(synth.synthesise("tick"))
    # every other committed file matches a fresh build byte for byte
    assert synth.check(copy) == {
        "wood": "different sound",
        "tick": "same sound, different bytes",
        "rain": "missing",
    }


def test_unknown_name_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match=r"no bundled sound called 'gong'.*soft-bell"):
        synth.synthesise("gong")


@pytest.mark.slow
def test_cli_check_passes_on_the_committed_files(capsys: pytest.CaptureFixture[str]) -> None:
    assert sounds.main(["--check", "--out", str(asset("sounds"))]) == 0
    assert "match a fresh build" in capsys.readouterr().out


@pytest.mark.slow
def test_cli_check_names_what_differs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert sounds.main(["--check", "--out", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "soft-bell.ogg: missing" in out and "Run without --check" in out


def test_cli_refuses_a_file_as_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "not-a-folder.ogg"
    target.write_bytes(b"x")
    assert sounds.main(["--out", str(target)]) == 2
    err = capsys.readouterr().err
    assert "is a file, not a folder" in err and str(target) in err


def test_cli_reports_an_unwritable_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_bytes(b"x")
    assert sounds.main(["--out", str(blocker / "sounds")]) == 2
    assert "Could not write the sounds" in capsys.readouterr().err
