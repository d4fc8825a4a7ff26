"""Loudness for renders: ITU-R BS.1770 measured in blocks, and a true-peak limiter.

A rendered practice is meant for a phone and earbuds: integrated loudness −16 LUFS (or
−23 LUFS, the broadcast target, on request) with true peaks at or below −1 dBTP. The mix
is made twice, block by block, so memory stays small however long the practice: the
first pass measures (:class:`StreamMeter`), the second applies one gain and, where a bell
or a breath cue would then peak too high, a smooth look-ahead limiter (:class:`Limiter`).

The measure is :mod:`kapcompanion.core.bs1770` (BS.1770-4 with pyloudnorm's K-weighting
coefficients: 400 ms blocks every 100 ms, an absolute gate at −70 LUFS and a relative gate
10 LU under the loudness of the blocks above it). Everything here is NumPy: the true peak
is found by 4× oversampling through a 48-tap windowed-sinc filter applied phase by phase,
and the limiter's running minimum and moving average are computed in O(n) (van Herk /
Gil-Werman for the minimum, a cumulative sum for the average). SciPy is not needed (it
would add about 80 MB to the bundle); the tests compare all of this with SciPy's and
pyloudnorm's results.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

import numpy as np

from kapcompanion.core.bs1770 import Loudness

log = logging.getLogger(__name__)

#: Integrated loudness targets (LUFS): phone listening, and EBU R 128 broadcast.
TARGETS: dict[str, float] = {"phone": -16.0, "broadcast": -23.0}
#: True peaks stay at or below this (dBTP) once written.
TRUE_PEAK_DB = -1.0
#: The limiter aims a little lower, so rounding and lossy encoding keep under the ceiling.
_MARGIN_DB = {"lossless": 0.3, "lossy": 1.0}
#: Oversampling for true-peak estimation (BS.1770 annex 2 suggests 4x at 48 kHz).
OVERSAMPLE = 4
#: The limiter's look-ahead (and release) window, seconds.
LIMIT_WINDOW_S = 0.05


def db(value: float) -> float:
    """Decibels of an amplitude ratio (−inf for 0)."""
    return 20.0 * math.log10(value) if value > 0 else -math.inf


def lowpass(taps: int, cutoff: float) -> np.ndarray:
    """A Hamming-windowed sinc low pass with unit gain at 0 Hz (as ``scipy.signal.firwin``).

    Args:
        taps: the filter's length.
        cutoff: the cut-off as a fraction of the Nyquist frequency.
    """
    m = np.arange(taps) - (taps - 1) / 2.0
    h = cutoff * np.sinc(cutoff * m) * np.hamming(taps)
    return h / h.sum()


#: The oversampling filter: 12 taps per phase, as in BS.1770-4 annex 2 (48 at 4x).
_FIR = lowpass(12 * OVERSAMPLE, 1.0 / OVERSAMPLE) * OVERSAMPLE
_DELAY = (len(_FIR) - 1) // 2
#: For each oversampled point between a frame and the next: its filter phase and where,
#: in that phase's convolution with the frames, the point falls (as an offset to add).
_PHASES = [((_DELAY + r) % OVERSAMPLE, (_DELAY + r) // OVERSAMPLE) for r in range(OVERSAMPLE)]


def sample_peak(block: np.ndarray) -> np.ndarray:
    """Per-frame largest absolute sample over the channels."""
    peak = np.abs(block[:, 0])
    for ch in range(1, block.shape[1]):
        np.maximum(peak, np.abs(block[:, ch]), out=peak)
    return peak


def true_peak(block: np.ndarray) -> np.ndarray:
    """Per-frame true peak (max over channels and the oversampled points around each frame)."""
    frames = len(block)
    if frames == 0:
        return np.zeros(0, dtype=np.float32)
    peak = sample_peak(block).astype(np.float64)
    for ch in range(block.shape[1]):
        x = np.ascontiguousarray(block[:, ch], dtype=np.float64)
        for phase, offset in _PHASES:
            # The points at OVERSAMPLE * f + phase of the zero-stuffed, filtered signal.
            points = np.convolve(x, _FIR[phase::OVERSAMPLE])[offset : offset + frames]
            np.maximum(peak, np.abs(points), out=peak)
    return peak.astype(np.float32)


#: True peaks are never more than this far above the sample peak in practice (a full-scale
#: tone at a quarter of the rate gives 3 dB), so a block whose sample peak is more than 6 dB
#: under what matters needs no oversampling.
_TP_HEADROOM = 2.0


class StreamMeter:
    """Integrated loudness (BS.1770-4) and true peak of audio fed block by block."""

    def __init__(self, rate: int, channels: int) -> None:
        self.rate = rate
        self.channels = channels
        self.loudness = Loudness(rate, channels)
        self.peak = 0.0

    def feed(self, block: np.ndarray) -> None:
        """Measure the next ``(frames, channels)`` float block."""
        if len(block) == 0:
            return
        if float(sample_peak(block).max()) * _TP_HEADROOM > self.peak:
            self.peak = max(self.peak, float(true_peak(block).max()))
        self.loudness.feed(block)

    @property
    def true_peak_db(self) -> float:
        """The highest true peak so far, dBTP."""
        return db(self.peak)

    def integrated(self) -> float:
        """Integrated loudness (LUFS) of everything fed; −inf for silence or under 0.4 s."""
        return self.loudness.integrated()


@dataclass(frozen=True)
class Plan:
    """How a render is brought to its target: one gain, and a ceiling for the limiter."""

    target: float
    measured: float
    gain_db: float
    ceiling: float  # linear amplitude the limiter keeps true peaks under
    limit: bool  # whether any peak would pass the ceiling with the gain

    @property
    def gain(self) -> float:
        """The gain as an amplitude ratio."""
        return 10.0 ** (self.gain_db / 20.0)


def plan(meter: StreamMeter, target: float, *, lossy: bool) -> Plan:
    """The gain to ``target`` LUFS, and whether the limiter must act to keep −1 dBTP."""
    measured = meter.integrated()
    gain_db = 0.0 if not math.isfinite(measured) else target - measured
    ceiling = 10.0 ** ((TRUE_PEAK_DB - _MARGIN_DB["lossy" if lossy else "lossless"]) / 20.0)
    peak_after = meter.peak * 10.0 ** (gain_db / 20.0)
    return Plan(target, measured, gain_db, ceiling, peak_after > ceiling)


class Limiter:
    """A look-ahead peak limiter over random-access blocks of a deterministic mix.

    The gain needed at each frame (ceiling / true peak, at most 1) is turned into a smooth
    gain curve: the minimum over the next window, then averaged over the previous window,
    so the gain is already down when a peak arrives and never above what any frame needs.
    The caller mixes each block with ``pad`` frames either side (:meth:`apply` takes them).
    """

    def __init__(self, rate: int, ceiling: float) -> None:
        self.ceiling = ceiling
        window = round(LIMIT_WINDOW_S * rate)
        self.window = window + (1 - window % 2)  # odd, so the look-ahead is exact
        self.pad = self.window

    def apply(self, padded: np.ndarray, before: int, frames: int) -> np.ndarray:
        """The middle ``frames`` of ``padded`` (after ``before`` frames), limited."""
        if float(sample_peak(padded).max()) * _TP_HEADROOM <= self.ceiling:
            return padded[before : before + frames].astype(np.float32)
        peak = true_peak(padded)
        with np.errstate(divide="ignore"):
            need = np.minimum(1.0, self.ceiling / np.maximum(peak, 1e-12))
        ahead = running_min(need, self.window)
        smooth = trailing_mean(ahead, self.window)
        gain = np.minimum(smooth, need)[before : before + frames]
        return (padded[before : before + frames] * gain[:, None]).astype(np.float32)


def running_min(x: np.ndarray, w: int) -> np.ndarray:
    """``out[i] = min(x[i : i + w])``, the last value standing in past the end.

    Van Herk / Gil-Werman: in blocks of ``w``, a running minimum from each block's end
    (``back``) and from its start (``front``); a window starting at ``i`` is the rest of
    its block from ``i`` and the start of the next, so ``min(back[i], front[i + w - 1])``.
    O(n) whatever ``w``, in three arrays the size of ``x``.
    """
    n = len(x)
    if n == 0:
        return x.copy()
    blocks = -(-(n + w - 1) // w)
    padded = np.full(blocks * w, x[-1], dtype=np.float64)
    padded[:n] = x
    grid = padded.reshape(blocks, w)
    front = np.minimum.accumulate(grid, axis=1).reshape(-1)
    back = np.minimum.accumulate(grid[:, ::-1], axis=1)[:, ::-1].reshape(-1)
    return np.minimum(back[:n], front[w - 1 : w - 1 + n])


def trailing_mean(x: np.ndarray, w: int) -> np.ndarray:
    """``out[i] = mean(x[i - w + 1 : i + 1])``, the first value standing in before the start."""
    if len(x) == 0:
        return x.astype(np.float64)
    sums = np.empty(len(x) + w)
    sums[0] = 0.0
    np.cumsum(np.concatenate([np.full(w - 1, x[0], dtype=np.float64), x]), out=sums[1:])
    return (sums[w:] - sums[:-w]) / w
