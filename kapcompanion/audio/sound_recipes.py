"""The recipes of the bundled sounds: numpy building blocks, the cues and the beds.

Each recipe takes a seeded random generator and returns raw samples at
:data:`SAMPLE_RATE`: cues mono, beds stereo with independent left and right noise. Beds
loop exactly: noise is shaped in the frequency domain over the whole loop (so it is
circular), tones use a whole number of cycles per loop, and drops are placed with
wrap-around. :mod:`kapcompanion.audio.synth` levels them and writes the files.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import numpy as np

log = logging.getLogger(__name__)

SAMPLE_RATE = 44100
#: Length of one bed loop: 60 s holds 6 swells of 10 s and whole cycles of every tone.
BED_SECONDS = 60

Recipe = Callable[[np.random.Generator], np.ndarray]


# ---------------------------------------------------------------- building blocks


def _t(seconds: float) -> np.ndarray:
    return np.arange(round(seconds * SAMPLE_RATE)) / SAMPLE_RATE


def _edges(x: np.ndarray, attack_s: float, release_s: float) -> np.ndarray:
    """Raised-cosine fade in and out; the first and last samples become exactly 0."""
    n = len(x)
    out = x.copy()
    for length, rising in (
        (int(attack_s * SAMPLE_RATE), True),
        (int(release_s * SAMPLE_RATE), False),
    ):
        length = max(2, min(length, n))
        ramp = 0.5 - 0.5 * np.cos(np.pi * np.arange(length) / (length - 1))
        if rising:
            out[:length] *= ramp
        else:
            out[n - length :] *= ramp[::-1]
    return out


def _partials(t: np.ndarray, spec: list[tuple[float, float, float]]) -> np.ndarray:
    """Sum of exponentially decaying sines: (frequency Hz, amplitude, decay time s)."""
    out = np.zeros_like(t)
    for freq, amp, tau in spec:
        out += amp * np.exp(-t / tau) * np.sin(2 * np.pi * freq * t)
    return out


def _glide(seconds: float, f_from: float, f_to: float, peak_at: float) -> np.ndarray:
    """A soft tone gliding exponentially between two pitches, swelling to ``peak_at``."""
    t = _t(seconds)
    frac = t / seconds
    freq = f_from * (f_to / f_from) ** frac
    phase = 2 * np.pi * np.cumsum(freq) / SAMPLE_RATE
    tone = np.sin(phase) + 0.25 * np.sin(2 * phase) + 0.08 * np.sin(3 * phase)
    # Smooth one-hump envelope: sin^2 rising to peak_at, then falling to zero.
    env = np.where(
        frac < peak_at,
        np.sin(0.5 * np.pi * frac / peak_at) ** 2,
        np.cos(0.5 * np.pi * (frac - peak_at) / (1 - peak_at)) ** 2,
    )
    return _edges(tone * env, 0.01, 0.01)


def _shaped_noise(
    rng: np.random.Generator, n: int, gain: Callable[[np.ndarray], np.ndarray]
) -> np.ndarray:
    """Circular noise of length ``n``: random phases, magnitude ``gain(freq_hz)``.

    Being built from whole bins of an ``n``-point spectrum, it repeats with period ``n``
    exactly, so sample ``n - 1`` runs on into sample ``0`` like any other pair.
    """
    freqs = np.fft.rfftfreq(n, 1.0 / SAMPLE_RATE)
    spec = rng.standard_normal(len(freqs)) + 1j * rng.standard_normal(len(freqs))
    spec *= gain(freqs)
    spec[0] = 0.0
    out = np.fft.irfft(spec, n)
    return out / np.sqrt(np.mean(out**2))


def _periodic(n: int, cycles: int, phase: float = 0.0) -> np.ndarray:
    """A sine with exactly ``cycles`` periods over ``n`` samples (exact integer phase)."""
    idx = (np.arange(n, dtype=np.int64) * cycles) % n
    return np.sin(2 * np.pi * idx / n + phase)


def _highpass(f: np.ndarray, corner: float, order: int = 2) -> np.ndarray:
    r = (f / corner) ** order
    return np.sqrt(r / (1 + r))


def _lowpass(f: np.ndarray, corner: float, order: int = 2) -> np.ndarray:
    return 1 / np.sqrt(1 + (f / corner) ** (2 * order))


# ---------------------------------------------------------------- cues (mono)


def _soft_bell(rng: np.random.Generator) -> np.ndarray:
    t = _t(3.5)
    f0 = 523.25
    spec = [
        (f0, 1.0, 1.1),
        (f0 * 2.0, 0.35, 0.7),
        (f0 * 2.76, 0.18, 0.45),
        (f0 * 5.40, 0.06, 0.22),
        (f0 * 0.5, 0.12, 1.4),
    ]
    x = _partials(t, spec) + 0.15 * _partials(t, [(f0 + 1.3, 1.0, 1.1)])
    return _edges(x, 0.006, 0.4)


def _singing_bowl(rng: np.random.Generator) -> np.ndarray:
    t = _t(7.5)
    f0 = 196.0
    spec: list[tuple[float, float, float]] = []
    # Inharmonic bowl modes, each a close pair that beats slowly (0.5-1.7 Hz).
    for ratio, amp, tau, beat in (
        (1.0, 1.0, 3.2, 0.55),
        (2.71, 0.55, 2.4, 0.9),
        (5.15, 0.22, 1.5, 1.3),
        (8.43, 0.08, 0.8, 1.7),
    ):
        f = f0 * ratio
        spec += [(f, amp * 0.6, tau), (f + beat, amp * 0.4, tau * 0.9)]
    x = _partials(t, spec)
    return _edges(x, 0.02, 1.2)


def _wood(rng: np.random.Generator) -> np.ndarray:
    t = _t(0.6)
    modes = [
        (710.0, 1.0, 0.045),
        (1230.0, 0.45, 0.03),
        (1960.0, 0.25, 0.018),
        (2870.0, 0.12, 0.012),
    ]
    x = _partials(t, modes)
    burst = rng.standard_normal(len(t)) * np.exp(-t / 0.003) * 0.5
    x = x + np.convolve(burst, np.hanning(16) / 8, mode="same")  # a dull, not glassy, tap
    return _edges(x, 0.003, 0.25)


def _rise(rng: np.random.Generator) -> np.ndarray:
    return _glide(0.8, 330.0, 554.0, peak_at=0.7)


def _fall(rng: np.random.Generator) -> np.ndarray:
    return _glide(0.9, 494.0, 277.0, peak_at=0.3)


def _tick(rng: np.random.Generator) -> np.ndarray:
    t = _t(0.6)
    x = _partials(t, [(1480.0, 1.0, 0.018), (2960.0, 0.2, 0.008), (740.0, 0.3, 0.03)])
    return _edges(x, 0.004, 0.3)


# ---------------------------------------------------------------- beds (stereo, looping)


def _bed_n() -> int:
    return BED_SECONDS * SAMPLE_RATE


def _stereo_noise(
    rng: np.random.Generator, n: int, gain: Callable[[np.ndarray], np.ndarray]
) -> np.ndarray:
    return np.stack([_shaped_noise(rng, n, gain) for _ in range(2)], axis=1)


def _brown_noise(rng: np.random.Generator) -> np.ndarray:
    n = _bed_n()

    def gain(f: np.ndarray) -> np.ndarray:
        return _highpass(f, 25.0) / np.maximum(f, 1.0) * _lowpass(f, 4000.0, 1)

    return _stereo_noise(rng, n, gain)


def _drop_kernel(rng: np.random.Generator, low: float, high: float) -> np.ndarray:
    length = int(rng.uniform(0.008, 0.03) * SAMPLE_RATE)
    t = np.arange(length) / SAMPLE_RATE
    f = rng.uniform(low, high)
    k = np.sin(2 * np.pi * f * (1 - 0.3 * t / t[-1]) * t) * np.exp(-t / (t[-1] / 4))
    return _edges(k, 0.0005, 0.002) * rng.uniform(0.3, 1.0)


def _rain(rng: np.random.Generator) -> np.ndarray:
    n = _bed_n()

    def hiss(f: np.ndarray) -> np.ndarray:
        return _highpass(f, 400.0, 2) * _lowpass(f, 7000.0, 2) / np.sqrt(np.maximum(f, 1.0))

    out = []
    for side in range(2):
        bed = _shaped_noise(rng, n, hiss)
        # The shower thickens and thins a little: whole cycles per loop.
        swell = 1.0 + 0.12 * _periodic(n, 3, side * 0.7) + 0.06 * _periodic(n, 7, side * 1.3)
        drops = np.zeros(n)
        # Many small bright drops and a few heavier, lower ones, placed with wrap-around.
        for i in range(BED_SECONDS * 60):
            heavy = i % 12 == 0
            k = (
                _drop_kernel(rng, 700.0, 1800.0) * 2.0
                if heavy
                else _drop_kernel(rng, 2500.0, 6500.0)
            )
            start = int(rng.integers(0, n))
            idx = (start + np.arange(len(k))) % n
            drops[idx] += k
        drops /= np.sqrt(np.mean(drops**2))
        out.append(bed * swell + 0.55 * drops)
    return np.stack(out, axis=1)


def _ocean(rng: np.random.Generator) -> np.ndarray:
    n = _bed_n()
    swells = BED_SECONDS // 10  # 6 swells of 10 s
    dark = _stereo_noise(rng, n, lambda f: _highpass(f, 30.0) * _lowpass(f, 500.0, 2))
    bright = _stereo_noise(rng, n, lambda f: _highpass(f, 300.0) * _lowpass(f, 3500.0, 2))
    fizz = _stereo_noise(rng, n, lambda f: _highpass(f, 2500.0, 2) * _lowpass(f, 9000.0, 2))
    out = np.empty((n, 2))
    for side in range(2):
        # Exact phase of the swell (whole swells per loop), warped so each wave builds in
        # about 3-4 s and washes out over 6-7 s.
        ph = 2 * np.pi * ((np.arange(n, dtype=np.int64) * swells) % n) / n + side * 0.3
        psi = ph + 0.6 * (1 - np.cos(ph))
        wave = 0.5 - 0.5 * np.cos(psi)
        # Each swell a little different, yet the whole envelope repeats every loop.
        wave *= 1.0 + 0.18 * _periodic(n, 1, 0.5 + side) + 0.1 * _periodic(n, 2, 2.0)
        out[:, side] = (
            dark[:, side] * (0.35 + 0.65 * wave)
            + bright[:, side] * 0.6 * wave**2
            + fizz[:, side] * 0.25 * wave**4
        )
    return out


def _drone(rng: np.random.Generator) -> np.ndarray:
    n = _bed_n()
    # A warm just-intonation chord on A: 110, 165, 220, 275 Hz (+ a soft 55 Hz root).
    voices = [(55.0, 0.5), (110.0, 1.0), (165.0, 0.6), (220.0, 0.45), (275.0, 0.3)]
    out = np.empty((n, 2))
    for side in range(2):
        # (cycles per loop, amplitude, phase) of cosines: every partial and both sidebands
        # of its slow swell have a whole number of cycles per loop, so the loop is exact.
        parts: list[tuple[int, float, float]] = []
        for i, (freq, amp) in enumerate(voices):
            base = round(freq * BED_SECONDS)
            # Slow bloom: each voice swells 1-3 times per loop, (0.65 + 0.35 cos) in gain.
            swell, swell_ph = 1 + i % 3, rng.uniform(0, 2 * np.pi)
            for harmonic, h_amp in ((1, 1.0), (2, 0.22), (3, 0.07), (4, 0.03)):
                for detune in (0, 2 + side):  # a second copy 2-3 cycles/loop apart: slow chorus
                    c, a, ph = (
                        base * harmonic + detune,
                        amp * h_amp * 0.5,
                        rng.uniform(0, 2 * np.pi),
                    )
                    parts += [
                        (c, 0.65 * a, ph),
                        (c - swell, 0.175 * a, ph - swell_ph),
                        (c + swell, 0.175 * a, ph + swell_ph),
                    ]
        spec = np.zeros(n // 2 + 1, dtype=np.complex128)
        bins, amps, phases = (np.array(v) for v in zip(*parts, strict=True))
        np.add.at(spec, bins, amps * n / 2 * np.exp(1j * phases))  # a*cos(2π c t/n + ph)
        out[:, side] = np.fft.irfft(spec, n)
    return out


#: Each bundled sound's recipe, by name.
RECIPES: dict[str, Recipe] = {
    "soft-bell": _soft_bell,
    "singing-bowl": _singing_bowl,
    "wood": _wood,
    "rise": _rise,
    "fall": _fall,
    "tick": _tick,
    "brown-noise": _brown_noise,
    "rain": _rain,
    "ocean": _ocean,
    "drone": _drone,
}
