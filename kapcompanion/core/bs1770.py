"""ITU-R BS.1770-4 loudness with NumPy alone: K-weighting, gating, integrated loudness.

The K-weighting is BS.1770's two biquads — a +4 dB high shelf at 1500 Hz and a high pass
at 38 Hz — with their coefficients recomputed for the sample rate by the formulas
pyloudnorm uses (its ``IIRfilter``, after the RBJ cookbook), so this meter and
``pyloudnorm.Meter`` agree. The measure: 400 ms blocks every 100 ms, an absolute gate at
−70 LUFS and a relative gate 10 LU under the loudness of the blocks above it.

An IIR filter run sample by sample in Python would be far too slow for a 30-minute render,
so :class:`KWeighting` applies the two biquads exactly, 128 frames at a time, with matrix
products (state-space form, the biquads kept in series as ``lfilter`` runs them): each
chunk's own response is its frames times a Toeplitz matrix of the impulse response's
first 128 samples (nothing is truncated: later samples of the response cannot reach
inside the chunk) plus the free response of the state it starts from; the states at the
chunk boundaries come from a prefix scan over the chunks (log2 of their number in matrix
products). The only error is floating-point rounding: against ``scipy.signal.lfilter`` it
stays under 1e-10 of full scale at 8–96 kHz (``tests/audio/test_bs1770.py`` checks it),
far below anything a loudness figure shows. Cost: about 2 ms of CPU a second of stereo
(``lfilter``: 1 ms); NumPy's BLAS may use a second core for it.
"""

from __future__ import annotations

import functools
import logging
import math

import numpy as np

log = logging.getLogger(__name__)

ABSOLUTE_GATE = -70.0
RELATIVE_GATE = 10.0
#: 400 ms gating blocks overlap by 75%, so energies are kept per 100 ms.
SUB_BLOCK_S = 0.1
#: Frames filtered at a time (see :class:`KWeighting`); 128 measured fastest at 44.1 kHz.
CHUNK = 128
#: Frames measured at a time, so memory stays small however long a block fed in.
PIECE = 1 << 18


def biquad(
    gain_db: float, q: float, fc: float, rate: float, kind: str
) -> tuple[np.ndarray, np.ndarray]:
    """A biquad's ``(b, a)`` normalised to ``a[0] == 1``, as pyloudnorm's ``IIRfilter``.

    Args:
        gain_db: shelf gain, dB (unused by the high pass).
        q: the quality factor.
        fc: the shelf's or the cut-off's frequency, Hz.
        rate: the sample rate, Hz.
        kind: ``"high_shelf"`` or ``"high_pass"``.
    """
    big_a = 10.0 ** (gain_db / 40.0)
    w0 = 2.0 * math.pi * (fc / rate)
    alpha = math.sin(w0) / (2.0 * q)
    cos = math.cos(w0)
    if kind == "high_shelf":
        root = 2.0 * math.sqrt(big_a) * alpha
        b = [
            big_a * ((big_a + 1) + (big_a - 1) * cos + root),
            -2 * big_a * ((big_a - 1) + (big_a + 1) * cos),
            big_a * ((big_a + 1) + (big_a - 1) * cos - root),
        ]
        a = [
            (big_a + 1) - (big_a - 1) * cos + root,
            2 * ((big_a - 1) - (big_a + 1) * cos),
            (big_a + 1) - (big_a - 1) * cos - root,
        ]
    elif kind == "high_pass":
        b = [(1 + cos) / 2, -(1 + cos), (1 + cos) / 2]
        a = [1 + alpha, -2 * cos, 1 - alpha]
    else:
        raise ValueError(f"unknown biquad kind {kind!r}")
    return np.array(b) / a[0], np.array(a) / a[0]


def _state_space(
    sections: list[tuple[np.ndarray, np.ndarray]],
) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """``(A, B, C, D)`` of biquads in series (``s' = A s + B x``, ``y = C s + D x``).

    Each biquad is in transposed direct form II, as ``lfilter`` runs it; the series keeps
    them apart (a block-triangular ``A``) rather than multiplying them into one
    fourth-order polynomial, whose clustered poles near 1 would cost precision.
    """
    big_a = np.zeros((0, 0))
    big_b = np.zeros(0)
    big_c = np.zeros(0)
    big_d = 1.0
    for b, a in sections:
        a2 = np.array([[-a[1], 1.0], [-a[2], 0.0]])
        b2 = np.array([b[1] - a[1] * b[0], b[2] - a[2] * b[0]])
        c2 = np.array([1.0, 0.0])
        d2 = float(b[0])
        n = len(big_a)
        joined = np.zeros((n + 2, n + 2))
        joined[:n, :n] = big_a
        joined[n:, :n] = np.outer(b2, big_c)
        joined[n:, n:] = a2
        big_b = np.concatenate([big_b, b2 * big_d])
        big_c = np.concatenate([d2 * big_c, c2])
        big_d = big_d * d2
        big_a = joined
    return big_a, big_b, big_c, big_d


class _Plan:
    """What applying a filter ``chunk`` frames at a time needs, worked out once per rate.

    A stretch of ``J`` chunks is filtered in three matrix products: every chunk's own
    response (a ``chunk``-square Toeplitz matrix of the impulse response) and its share of
    the state at its end; the states at the chunk boundaries by a prefix scan (log2 J
    steps); and each chunk's free response to the state it starts from.
    """

    def __init__(self, sections: list[tuple[np.ndarray, np.ndarray]], chunk: int) -> None:
        step, feed, out, direct = _state_space(sections)
        order = len(step)
        powers = [np.eye(order)]
        for _ in range(chunk):
            powers.append(powers[-1] @ step)
        power = np.array(powers)  # A^k, k = 0..chunk (applied one by one, as lfilter does)
        self.order = order
        self.chunk = chunk
        self.power = power
        response = np.empty(chunk)
        response[0] = direct
        response[1:] = out @ power[: chunk - 1] @ feed  # C A^(k-1) B
        k = np.arange(chunk)
        toeplitz = np.where(k[:, None] >= k[None, :], response[k[:, None] - k[None, :]], 0.0)
        drive = (power[:chunk] @ feed)[::-1].T  # column i: A^(chunk-1-i) B
        self.forced = np.concatenate([toeplitz, drive])  # (chunk + order, chunk)
        self.drive = drive
        self.free = np.einsum("j,kji->ki", out, power[:chunk])  # (chunk, order): C A^k
        jumps = [power[chunk]]  # A^(chunk 2^i), for the scan
        while len(jumps) < 24:
            jumps.append(jumps[-1] @ jumps[-1])
        self.jumps = jumps
        self.toeplitz = toeplitz


@functools.lru_cache(maxsize=8)
def _plan(rate: float, chunk: int) -> _Plan:
    return _Plan(
        [
            biquad(4.0, 1 / math.sqrt(2), 1500.0, rate, "high_shelf"),
            biquad(0.0, 0.5, 38.0, rate, "high_pass"),
        ],
        chunk,
    )


class KWeighting:
    """K-weighting of a stream of ``(frames, channels)`` blocks, block boundaries seamless."""

    def __init__(self, rate: float, channels: int, chunk: int = CHUNK) -> None:
        p = self.plan = _plan(float(rate), chunk)
        self.channels = channels
        self.state = np.zeros((channels, p.order))  # one row per channel
        self.forced = np.ascontiguousarray(p.forced.T)  # (chunk, chunk + order)
        self.free = np.ascontiguousarray(p.free.T)  # (order, chunk)
        self.jumps = [np.ascontiguousarray(q.T) for q in p.jumps]

    def __call__(self, block: np.ndarray) -> np.ndarray:
        """The next block, filtered (float64, ``(frames, channels)``)."""
        return self.channel_major(np.asarray(block, dtype=np.float64).T).T

    def channel_major(self, x: np.ndarray) -> np.ndarray:
        """The next block given and returned as ``(channels, frames)`` (float64)."""
        x = np.ascontiguousarray(x, dtype=np.float64)
        p = self.plan
        whole = x.shape[1] // p.chunk * p.chunk
        if whole == x.shape[1]:
            return self._chunks(x)
        out = np.empty(x.shape)
        if whole:
            out[:, :whole] = self._chunks(x[:, :whole])
        out[:, whole:] = self._tail(x[:, whole:])
        return out

    def _chunks(self, x: np.ndarray) -> np.ndarray:
        p, ch, m = self.plan, self.channels, self.plan.chunk
        j = x.shape[1] // m
        both = (x.reshape(ch * j, m) @ self.forced).reshape(ch, j, m + p.order)
        acc = both[:, :, m:]  # each chunk's share of the state at its end
        acc[:, 0] += self.state @ p.power[m].T
        d, i = 1, 0
        while d < j:  # acc[:, k] becomes the state at the end of chunk k
            acc[:, d:] += acc[:, :-d] @ self.jumps[i]
            d, i = 2 * d, i + 1
        y = both[:, :, :m]
        y[:, 1:] += acc[:, :-1] @ self.free
        y[:, 0] += self.state @ self.free
        self.state = acc[:, -1].copy()
        return y.reshape(ch, j * m) if y.flags.c_contiguous else y.reshape(ch, j * m).copy()

    def _tail(self, x: np.ndarray) -> np.ndarray:
        p, r = self.plan, x.shape[1]
        y = x @ p.toeplitz[:r, :r].T + self.state @ p.free[:r].T
        self.state = self.state @ p.power[r].T + x @ p.drive[:, p.chunk - r :].T
        return y


class Loudness:
    """Integrated loudness (BS.1770-4) of audio fed block by block, in constant memory.

    Only the K-weighted energy of each 100 ms is kept (16 bytes a channel), so a
    30-minute practice needs about 300 kB.
    """

    def __init__(self, rate: int, channels: int) -> None:
        self.rate = rate
        self.channels = channels
        self.weighting = KWeighting(rate, channels)
        self.sub = round(SUB_BLOCK_S * rate)
        self.energies: list[np.ndarray] = []  # sum of squares per 100 ms, per channel
        self.carry = np.zeros((channels, 0))

    def feed(self, block: np.ndarray) -> None:
        """Measure the next ``(frames, channels)`` block."""
        for i in range(0, len(block), PIECE):  # bounded memory, however long the block
            self._feed(block[i : i + PIECE])

    def _feed(self, block: np.ndarray) -> None:
        y = self.weighting.channel_major(np.asarray(block).T)  # (channels, frames)
        y = np.concatenate([self.carry, y], axis=1) if self.carry.shape[1] else y
        whole = y.shape[1] // self.sub * self.sub
        if whole:
            sq = np.square(y[:, :whole]).reshape(self.channels, -1, self.sub).sum(axis=2)
            self.energies.append(sq.T)
        self.carry = y[:, whole:]

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
        above = loud >= ABSOLUTE_GATE
        if not above.any():
            return -math.inf
        relative = -0.691 + 10.0 * math.log10(power[above].mean()) - RELATIVE_GATE
        gated = above & (loud >= relative)
        return -0.691 + 10.0 * math.log10(power[gated].mean())


def integrated_loudness(samples: np.ndarray, rate: int) -> float:
    """Integrated loudness (LUFS) of ``(frames,)`` or ``(frames, channels)`` samples."""
    x = samples[:, None] if samples.ndim == 1 else samples
    meter = Loudness(rate, x.shape[1])
    meter.feed(x)
    return meter.integrated()
