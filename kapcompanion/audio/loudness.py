"""Loudness for renders: ITU-R BS.1770 measured in blocks, and a true-peak limiter.

A rendered practice is meant for a phone and earbuds: integrated loudness −16 LUFS (or
−23 LUFS, the broadcast target, on request) with true peaks at or below −1 dBTP. The mix
is made twice, block by block, so memory stays small however long the practice: the
first pass measures (:class:`StreamMeter`), the second applies one gain and, where a bell
or a breath cue would then peak too high, a smooth look-ahead limiter (:class:`Limiter`).

The K-weighting filters are pyloudnorm's (the same coefficients its ``Meter`` uses); the
measure follows BS.1770-4: 400 ms blocks every 100 ms, an absolute gate at −70 LUFS and a
relative gate 10 LU under the loudness of the blocks above it.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

import numpy as np
from pyloudnorm.iirfilter import IIRfilter
from scipy.ndimage import minimum_filter1d, uniform_filter1d
from scipy.signal import firwin, lfilter, upfirdn

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
_ABSOLUTE_GATE = -70.0
_RELATIVE_GATE = 10.0
_SUB_BLOCK_S = 0.1  # 400 ms gating blocks overlap by 75%, so energies are kept per 100 ms


def db(value: float) -> float:
    """Decibels of an amplitude ratio (−inf for 0)."""
    return 20.0 * math.log10(value) if value > 0 else -math.inf


#: The oversampling filter: 12 taps per phase, as in BS.1770-4 annex 2 (48 at 4x).
_FIR = firwin(12 * OVERSAMPLE, 1.0 / OVERSAMPLE, window="hamming") * OVERSAMPLE
_DELAY = (len(_FIR) - 1) // 2


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
    up = upfirdn(_FIR, block, OVERSAMPLE, axis=0)[_DELAY : _DELAY + frames * OVERSAMPLE]
    per = sample_peak(up).reshape(frames, OVERSAMPLE).max(axis=1)
    return np.maximum(per, sample_peak(block)).astype(np.float32)


#: True peaks are never more than this far above the sample peak in practice (a full-scale
#: tone at a quarter of the rate gives 3 dB), so a block whose sample peak is more than 6 dB
#: under what matters needs no oversampling.
_TP_HEADROOM = 2.0


class StreamMeter:
    """Integrated loudness (BS.1770-4) and true peak of audio fed block by block."""

    def __init__(self, rate: int, channels: int) -> None:
        self.rate = rate
        self.channels = channels
        self.stages = [
            IIRfilter(4.0, 1 / np.sqrt(2), 1500.0, rate, "high_shelf"),
            IIRfilter(0.0, 0.5, 38.0, rate, "high_pass"),
        ]
        self.state = [np.zeros((len(s.a) - 1, channels)) for s in self.stages]
        self.sub = round(_SUB_BLOCK_S * rate)
        self.energies: list[np.ndarray] = []  # sum of squares per 100 ms, per channel
        self.carry = np.zeros((0, channels))
        self.peak = 0.0

    def feed(self, block: np.ndarray) -> None:
        """Measure the next ``(frames, channels)`` float block."""
        if len(block) == 0:
            return
        if float(sample_peak(block).max()) * _TP_HEADROOM > self.peak:
            self.peak = max(self.peak, float(true_peak(block).max()))
        y = block.astype(np.float64)
        for n, stage in enumerate(self.stages):
            y, self.state[n] = lfilter(stage.b, stage.a, y, axis=0, zi=self.state[n])
            y = y * stage.passband_gain
        y = np.concatenate([self.carry, y]) if len(self.carry) else y
        whole = len(y) // self.sub * self.sub
        if whole:
            sq = np.square(y[:whole]).reshape(-1, self.sub, self.channels).sum(axis=1)
            self.energies.append(sq)
        self.carry = y[whole:]

    @property
    def true_peak_db(self) -> float:
        """The highest true peak so far, dBTP."""
        return db(self.peak)

    def integrated(self) -> float:
        """Integrated loudness (LUFS) of everything fed; −inf for silence or under 0.4 s."""
        if not self.energies:
            return -math.inf
        sub = np.concatenate(self.energies)  # (n, channels)
        if len(sub) < 4:
            return -math.inf
        cum = np.concatenate([np.zeros((1, self.channels)), np.cumsum(sub, axis=0)])
        z = (cum[4:] - cum[:-4]) / (4 * self.sub)  # mean square per 400 ms block, per channel
        power = z.sum(axis=1)
        with np.errstate(divide="ignore"):
            loud = -0.691 + 10.0 * np.log10(power)
        above = loud >= _ABSOLUTE_GATE
        if not above.any():
            return -math.inf
        relative = -0.691 + 10.0 * math.log10(power[above].mean()) - _RELATIVE_GATE
        gated = above & (loud >= relative)
        return -0.691 + 10.0 * math.log10(power[gated].mean())


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
        w = self.window
        ahead = minimum_filter1d(need, w, origin=-(w // 2), mode="nearest")
        smooth = uniform_filter1d(ahead, w, origin=w // 2, mode="nearest")
        gain = np.minimum(smooth, need)[before : before + frames]
        return (padded[before : before + frames] * gain[:, None]).astype(np.float32)
