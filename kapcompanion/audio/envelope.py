"""The ambient bed's loudness over a practice: fade in, duck under voice, fade out.

One piecewise-linear envelope, a pure function of the timeline position, read by the
live player (one value per update) and by the offline renderer (a vector per block), so
both sound the same.
"""

from __future__ import annotations

import bisect
import itertools
import logging
from collections.abc import Sequence

import numpy as np

log = logging.getLogger(__name__)

FADE_IN = 3.0
FADE_OUT = 4.0
DUCK_DB = -9.0
DUCK_RAMP = 0.3


def _interp(xs: Sequence[float], ys: Sequence[float], t: float) -> float:
    if t <= xs[0]:
        return ys[0]
    if t >= xs[-1]:
        return ys[-1]
    k = bisect.bisect_right(xs, t) - 1
    x0, x1 = xs[k], xs[k + 1]
    if x1 <= x0:
        return ys[k + 1]
    return ys[k] + (ys[k + 1] - ys[k]) * (t - x0) / (x1 - x0)


class AmbientEnvelope:
    """Gain 0..1 of the ambient bed at each position of the timeline."""

    def __init__(
        self,
        total: float,
        volume: float,
        voice_spans: Sequence[tuple[float, float]] = (),
        *,
        fade_in: float = FADE_IN,
        fade_out: float = FADE_OUT,
        duck_db: float = DUCK_DB,
        ramp: float = DUCK_RAMP,
    ) -> None:
        self.total = total
        self.volume = volume
        self.duck = 10.0 ** (duck_db / 20.0)
        if total <= 0:
            fi = fo = 0.0
        elif fade_in + fade_out > total:
            fi, fo = total * fade_in / (fade_in + fade_out), total * fade_out / (fade_in + fade_out)
        else:
            fi, fo = fade_in, fade_out
        self.fade_x = [0.0, fi, total - fo, total]
        self.fade_y = [0.0, 1.0, 1.0, 0.0]
        # Starts before 0 so a voice at 0 ramps down "before" the practice begins.
        self.duck_x: list[float] = [-1.0]
        self.duck_y: list[float] = [1.0]
        for s, e in self._merged(voice_spans, ramp):
            self.duck_x += [s - ramp, s, e, e + ramp]
            self.duck_y += [1.0, self.duck, self.duck, 1.0]
        self._fx = np.array(self.fade_x)
        self._fy = np.array(self.fade_y)
        self._dx = np.array(self.duck_x)
        self._dy = np.array(self.duck_y)

    @staticmethod
    def _merged(spans: Sequence[tuple[float, float]], ramp: float) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for s, e in sorted(spans):
            if out and s - ramp <= out[-1][1] + ramp:
                out[-1] = (out[-1][0], max(out[-1][1], e))
            else:
                out.append((s, e))
        return out

    def ducked(self, t: float) -> bool:
        """Whether a voice clip is lowering the bed at ``t``."""
        return _interp(self.duck_x, self.duck_y, t) < 0.999

    def at(self, t: float) -> float:
        """Gain at position ``t`` (seconds): cheap, no allocation beyond floats."""
        return (
            self.volume
            * _interp(self.fade_x, self.fade_y, t)
            * _interp(self.duck_x, self.duck_y, t)
        )

    def apply(self, buf: np.ndarray, t0: float, rate: int) -> None:
        """Multiply ``buf`` (frames starting at ``t0`` seconds) by the gains, in place.

        Same result as ``buf *= over(t)``, but the stretches between breakpoints where the
        gain holds still (most of a practice) are scaled by one number, and only the ramps
        are computed sample by sample.
        """
        n = len(buf)
        t1 = t0 + n / rate
        cuts = sorted({x for x in (*self.fade_x, *self.duck_x) if t0 < x < t1})
        edges = [0, *(min(n, max(0, round((x - t0) * rate))) for x in cuts), n]
        for a, b in itertools.pairwise(edges):
            if b <= a:
                continue
            ta, tb = t0 + a / rate, t0 + (b - 1) / rate
            ga, gb, gm = self.at(ta), self.at(tb), self.at((ta + tb) / 2)
            if abs(ga - gb) < 1e-9 and abs(gm - ga) < 1e-9:
                if ga == 0.0:
                    buf[a:b] = 0.0
                elif ga != 1.0:
                    buf[a:b] *= np.float32(ga)
            else:
                t = t0 + np.arange(a, b, dtype=np.float64) / rate
                buf[a:b] *= self.over(t)[:, None]

    def over(self, t: np.ndarray) -> np.ndarray:
        """Gains at the positions in ``t`` (vectorised, for rendering)."""
        fade = np.interp(t, self._fx, self._fy)
        duck = np.interp(t, self._dx, self._dy)
        return (self.volume * fade * duck).astype(np.float32)
