"""Issue 22: the app's NumPy loudness agrees with pyloudnorm and SciPy (test-only references).

The app measures BS.1770-4 loudness, true peak and the limiter's gain curve with NumPy
alone (kapcompanion/core/bs1770.py, kapcompanion/audio/loudness.py) so that SciPy stays out
of the bundle. Here each piece is set beside what it replaced: pyloudnorm's meter (within
0.1 LU), ``scipy.signal.lfilter`` with pyloudnorm's filters (within 1e-9 of full scale),
the SciPy true peak (``firwin`` + ``upfirdn``, within 0.2 dB) and ``scipy.ndimage``'s
running minimum and moving average — on sines, pink noise, silence, clips shorter than a
gating block, a rendered built-in practice, at 44.1 and 48 kHz, mono and stereo.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

pyln = pytest.importorskip("pyloudnorm")
signal = pytest.importorskip("scipy.signal")
ndimage = pytest.importorskip("scipy.ndimage")
from pyloudnorm.iirfilter import IIRfilter  # noqa: E402

from kapcompanion.audio import loudness  # noqa: E402
from kapcompanion.audio.loudness import Limiter, StreamMeter  # noqa: E402
from kapcompanion.audio.render import render_practice  # noqa: E402
from kapcompanion.core.bs1770 import KWeighting, integrated_loudness  # noqa: E402
from kapcompanion.core.library import Library  # noqa: E402

RATES = (44100, 48000)
LU = 0.1  # the brief's tolerance against pyloudnorm
TP_DB = 0.2  # ... and against the SciPy true peak


def reference_lufs(x: np.ndarray, rate: int) -> float:
    return float(pyln.Meter(rate).integrated_loudness(x))


def reference_k_weighting(x: np.ndarray, rate: int) -> np.ndarray:
    y = x.astype(np.float64)
    for stage in (
        IIRfilter(4.0, 1 / np.sqrt(2), 1500.0, rate, "high_shelf"),
        IIRfilter(0.0, 0.5, 38.0, rate, "high_pass"),
    ):
        y = signal.lfilter(stage.b, stage.a, y, axis=0)
    return y


_FIR = signal.firwin(48, 0.25, window="hamming") * 4


def reference_true_peak(block: np.ndarray) -> np.ndarray:
    """The SciPy true peak the app used before issue 22 (per frame)."""
    frames = len(block)
    up = signal.upfirdn(_FIR, block, 4, axis=0)[23 : 23 + frames * 4]
    per = np.abs(up).max(axis=1).reshape(frames, 4).max(axis=1)
    return np.maximum(per, np.abs(block).max(axis=1))


def sine(rate: int, seconds: float, freq: float, level: float, channels: int = 1) -> np.ndarray:
    t = np.arange(round(rate * seconds)) / rate
    x = level * np.sin(2 * np.pi * freq * t + 0.3)
    return np.repeat(x[:, None], channels, axis=1).astype(np.float32)


def pink(rate: int, seconds: float, channels: int, seed: int = 5) -> np.ndarray:
    """Pink noise (1/f power) made in the frequency domain, at about −20 dBFS RMS."""
    rng = np.random.default_rng(seed)
    n = round(rate * seconds)
    white = rng.standard_normal((n, channels))
    spectrum = np.fft.rfft(white, axis=0)
    f = np.fft.rfftfreq(n, 1 / rate)
    spectrum[1:] /= np.sqrt(f[1:])[:, None]
    spectrum[0] = 0
    x = np.fft.irfft(spectrum, n, axis=0)
    return (0.1 * x / np.sqrt(np.mean(x**2))).astype(np.float32)


def fed(x: np.ndarray, rate: int, block: int) -> StreamMeter:
    meter = StreamMeter(rate, x.shape[1])
    for i in range(0, len(x), block):
        meter.feed(x[i : i + block])
    return meter


@pytest.mark.parametrize("rate", [8000, 22050, *RATES, 96000])
def test_k_weighting_is_lfilter_with_pyloudnorm_s_filters(rate: int) -> None:
    rng = np.random.default_rng(rate)
    x = rng.uniform(-1, 1, (rate * 3, 2))
    filt = KWeighting(rate, 2)
    sizes = [1, 7, 63, 64, 65, 1000, 12345, 100_000]
    pieces, i, k = [], 0, 0
    while i < len(x):  # block edges anywhere, inside and across the 64-frame chunks
        n = sizes[k % len(sizes)]
        pieces.append(filt(x[i : i + n]))
        i, k = i + n, k + 1
    error = np.abs(np.concatenate(pieces) - reference_k_weighting(x, rate)).max()
    assert error < 1e-9, error


@pytest.mark.parametrize("rate", RATES)
@pytest.mark.parametrize("channels", [1, 2])
@pytest.mark.parametrize(
    "name",
    ["sine 997 Hz", "sine 50 Hz", "sine 10 kHz", "pink noise", "quiet stretch", "half second"],
)
def test_integrated_loudness_matches_pyloudnorm(rate: int, channels: int, name: str) -> None:
    x = {
        "sine 997 Hz": lambda: sine(rate, 5, 997, 0.5, channels),
        "sine 50 Hz": lambda: sine(rate, 5, 50, 0.5, channels),
        "sine 10 kHz": lambda: sine(rate, 5, 10_000, 0.2, channels),
        "pink noise": lambda: pink(rate, 12, channels),
        "quiet stretch": lambda: np.concatenate(
            [pink(rate, 4, channels), 0.18 * pink(rate, 4, channels, 9), pink(rate, 2, channels)]
        ),
        "half second": lambda: pink(rate, 0.5, channels),
    }[name]()
    ours = integrated_loudness(x if channels > 1 else x[:, 0], rate)
    theirs = reference_lufs(x if channels > 1 else x[:, 0], rate)
    assert math.isfinite(theirs)
    assert abs(ours - theirs) < LU, (ours, theirs)
    streamed = fed(x, rate, 4410).integrated()  # fed block by block: the same
    assert abs(streamed - ours) < 1e-9


@pytest.mark.parametrize("rate", RATES)
def test_silence_and_clips_shorter_than_a_gating_block(rate: int) -> None:
    silence = np.zeros((rate * 2, 2), dtype=np.float32)
    assert integrated_loudness(silence, rate) == -math.inf == reference_lufs(silence, rate)
    assert integrated_loudness(1e-3 * pink(rate, 2, 1), rate) == -math.inf  # −80: under the gate
    short = pink(rate, 0.3, 2)
    assert integrated_loudness(short, rate) == -math.inf  # no 400 ms block: nothing to gate
    with pytest.raises(ValueError):
        reference_lufs(short, rate)  # pyloudnorm refuses it
    exact = pink(rate, 0.4, 2)  # one block exactly
    assert abs(integrated_loudness(exact, rate) - reference_lufs(exact, rate)) < LU
    assert integrated_loudness(np.zeros((0, 2)), rate) == -math.inf


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[np.ndarray, int]:
    """A built-in practice rendered as a client would (no voice, to keep it quick)."""
    practice = Library.load(None).practices["box-breathing"]
    out = tmp_path_factory.mktemp("render") / "box.wav"
    render_practice(practice, Path(out), speak=False)
    x, rate = sf.read(str(out), dtype="float32", always_2d=True)
    return x, rate


def test_a_rendered_practice_measures_as_pyloudnorm_measures_it(rendered) -> None:
    x, rate = rendered
    assert len(x) > 60 * rate
    ours = fed(x, rate, round(10.0 * rate))
    assert abs(ours.integrated() - reference_lufs(x, rate)) < LU
    assert abs(ours.integrated() - -16.0) < 1.0
    assert abs(ours.true_peak_db - 20 * np.log10(reference_true_peak(x).max())) < TP_DB
    assert ours.true_peak_db <= -1.0


@pytest.mark.parametrize("channels", [1, 2])
def test_true_peak_matches_the_scipy_version(channels: int) -> None:
    rate = 48000
    cases = [
        sine(rate, 1, rate / 4, 0.9, channels),  # the worst case: peaks between samples
        sine(rate, 1, 11_025.5, 0.8, channels),
        pink(rate, 2, channels),
        np.zeros((100, channels), dtype=np.float32),
        sine(rate, 0.001, 997, 0.5, channels),  # 48 frames: shorter than the filter
    ]
    rng = np.random.default_rng(3)
    clicks = np.zeros((rate, channels), dtype=np.float32)
    clicks[rng.integers(0, rate, 20)] = 0.95
    cases.append(clicks)
    for x in cases:
        ours, theirs = loudness.true_peak(x), reference_true_peak(x)
        assert ours.shape == (len(x),) and ours.dtype == np.float32
        if theirs.max() > 0:
            assert abs(20 * np.log10(ours.max() / theirs.max())) < TP_DB
        else:
            assert ours.max() == 0
        np.testing.assert_allclose(ours, theirs, atol=1e-6)
    assert loudness.true_peak(np.zeros((0, 2), dtype=np.float32)).shape == (0,)


def test_the_oversampling_filter_is_firwin_s() -> None:
    np.testing.assert_allclose(loudness.lowpass(48, 0.25) * 4, _FIR, atol=1e-15)
    np.testing.assert_allclose(
        loudness.lowpass(31, 0.4), signal.firwin(31, 0.4, window="hamming"), atol=1e-15
    )


@pytest.mark.parametrize("n", [1, 5, 2205, 2206, 10_000, 44_101])
@pytest.mark.parametrize("w", [1, 3, 2205, 2401])
def test_running_min_and_mean_are_scipy_ndimage_s(n: int, w: int) -> None:
    rng = np.random.default_rng(n + w)
    x = rng.random(n)
    ahead = loudness.running_min(x, w)
    expected = ndimage.minimum_filter1d(x, w, origin=-(w // 2), mode="nearest")
    np.testing.assert_array_equal(ahead, expected)
    smooth = loudness.trailing_mean(ahead, w)
    expected = ndimage.uniform_filter1d(ahead, w, origin=w // 2, mode="nearest")
    np.testing.assert_allclose(smooth, expected, atol=1e-12)


def test_the_limiter_keeps_true_peaks_under_its_ceiling_as_before() -> None:
    rate = 44100
    x = 0.3 * pink(rate, 6, 2)
    x[rate * 2 : rate * 2 + 2000] += sine(rate, 2000 / rate, 997, 0.9, 2)  # a bell's strike
    limiter = Limiter(rate, 10 ** (-1.3 / 20))
    pad = limiter.pad
    out = limiter.apply(x, pad, len(x) - 2 * pad)
    assert 20 * np.log10(reference_true_peak(out).max()) <= -1.3 + 0.05
    # The gain curve as SciPy made it: the same to rounding.
    peak = reference_true_peak(x)
    need = np.minimum(1.0, limiter.ceiling / np.maximum(peak, 1e-12))
    w = limiter.window
    ahead = ndimage.minimum_filter1d(need, w, origin=-(w // 2), mode="nearest")
    smooth = ndimage.uniform_filter1d(ahead, w, origin=w // 2, mode="nearest")
    gain = np.minimum(smooth, need)[pad : len(x) - pad]
    np.testing.assert_allclose(out, (x[pad : len(x) - pad] * gain[:, None]), atol=1e-6)
    quiet = 0.01 * x
    assert np.array_equal(limiter.apply(quiet, pad, len(x) - 2 * pad), quiet[pad:-pad])
