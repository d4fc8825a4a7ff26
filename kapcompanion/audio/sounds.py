"""Find, decode and cache the sounds a timeline uses, identically for live and rendered play.

Every sound becomes a float32 array of shape ``(frames, channels)`` at one sample rate,
decoded once (before a practice starts) and kept in a :class:`SoundBank`. The live
player turns these arrays into mixer sounds; the offline renderer mixes them directly,
so both hear exactly the same samples.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import soundfile as sf

from kapcompanion.core.cliplevel import clip_level
from kapcompanion.core.model import AMBIENT_SOUNDS, CUE_SOUNDS
from kapcompanion.core.timeline import CHANNEL_SPEECH, CHANNEL_VOICE, Timeline
from kapcompanion.resources import asset

log = logging.getLogger(__name__)

Resolver = Callable[[str], Path]

#: Sample rate of the bundled sounds, of the live mixer by default and of renders.
RATE = 44100
#: Seconds of tail crossfaded into the head so an ambient bed loops without a seam.
LOOP_CROSSFADE = 0.5
#: Longest clip we agree to hold in memory (a 30-minute voice track is plenty).
MAX_SECONDS = 30 * 60
#: Clips up to this long are resampled band-limited (FFT); longer ones linearly.
FFT_RESAMPLE_SECONDS = 5 * 60


def resolve_sound(name: str) -> Path:
    """Return the file for a sound name: a bundled name, or an absolute file path."""
    if name in CUE_SOUNDS or name in AMBIENT_SOUNDS:
        return asset("sounds", f"{name}.ogg")
    return Path(name)


def is_bundled_bed(name: str) -> bool:
    """Whether ``name`` is one of the bundled ambient beds (built to loop exactly)."""
    return name in AMBIENT_SOUNDS


def display_name(name: str) -> str:
    """A short name for messages: the bundled name, or the file's name."""
    return name if name in CUE_SOUNDS or name in AMBIENT_SOUNDS else Path(name).name


@dataclass(frozen=True, slots=True)
class Decoded:
    """One decoded sound, ready to mix."""

    samples: np.ndarray  # float32, (frames, channels), C-contiguous
    rate: int

    @property
    def seconds(self) -> float:
        """Length in seconds."""
        return self.samples.shape[0] / self.rate


class SoundError(Exception):
    """A sound file could not be read (missing, corrupt, or not audio)."""


def resample(samples: np.ndarray, src: int, dst: int, *, periodic: bool = False) -> np.ndarray:
    """Resample ``(frames, channels)`` audio from ``src`` to ``dst`` Hz, with numpy only.

    Band-limited (FFT) resampling for clips up to five minutes, with silence padded on
    both ends so the edges do not ring; linear interpolation beyond that, to bound memory.
    With ``periodic`` (a loop built to repeat exactly, like the bundled beds) nothing is
    padded: the FFT treats the clip as one period, so the result still loops exactly.
    (scipy would do as well but costs ~75 MiB of memory just to import.)
    """
    if src == dst or samples.shape[0] == 0:
        return samples
    n = samples.shape[0]
    n_out = max(1, round(n * dst / src))
    if n <= FFT_RESAMPLE_SECONDS * src:
        pad = 0 if periodic else min(n, src // 10)
        padded = np.concatenate([np.zeros((pad, samples.shape[1]), np.float32), samples,
                                 np.zeros((pad, samples.shape[1]), np.float32)])  # fmt: skip
        total_in = padded.shape[0]
        total_out = round(total_in * dst / src)
        spec = np.fft.rfft(padded, axis=0)
        keep = min(spec.shape[0], total_out // 2 + 1)
        out_spec = np.zeros((total_out // 2 + 1, samples.shape[1]), dtype=spec.dtype)
        out_spec[:keep] = spec[:keep]
        out = np.fft.irfft(out_spec, n=total_out, axis=0) * (total_out / total_in)
        lead = round(pad * dst / src)
        out = out[lead : lead + n_out]
    else:
        x_out = np.arange(n_out, dtype=np.float64) * (src / dst)
        x_in = np.arange(n, dtype=np.float64)
        out = np.stack([np.interp(x_out, x_in, samples[:, c]) for c in range(samples.shape[1])], 1)
    return np.ascontiguousarray(out, dtype=np.float32)


def fit_channels(samples: np.ndarray, channels: int) -> np.ndarray:
    """Mono to stereo by copying, more channels down to the first ``channels``."""
    have = samples.shape[1]
    if have == channels:
        return samples
    if have == 1:
        return np.ascontiguousarray(np.repeat(samples, channels, axis=1))
    if channels == 1:
        return np.ascontiguousarray(samples.mean(axis=1, keepdims=True, dtype=np.float32))
    return np.ascontiguousarray(samples[:, :channels])


def decode(path: Path, rate: int = RATE, channels: int = 2, *, periodic: bool = False) -> Decoded:
    """Read a sound file into float32 at ``rate`` Hz with ``channels`` channels.

    ``periodic`` marks a file that is one exact period of a loop (see :func:`resample`).

    Raises:
        SoundError: the file is missing, unreadable, empty, too long or not audio.
    """
    if not path.is_file():
        raise SoundError(f"{path} was not found")
    try:
        info = sf.info(str(path))
        if info.frames > MAX_SECONDS * info.samplerate:
            raise SoundError(f"{path} is longer than {MAX_SECONDS // 60} minutes")
        data, src_rate = sf.read(str(path), dtype="float32", always_2d=True)
    except SoundError:
        raise
    except (sf.LibsndfileError, RuntimeError, ValueError, OSError) as exc:
        raise SoundError(f"{path} could not be read as audio ({exc})") from exc
    if data.shape[0] == 0:
        raise SoundError(f"{path} holds no audio")
    data = fit_channels(resample(data, int(src_rate), rate, periodic=periodic), channels)
    np.clip(data, -1.0, 1.0, out=data)
    return Decoded(np.ascontiguousarray(data, dtype=np.float32), rate)


def make_loop(
    samples: np.ndarray, rate: int, crossfade: float = LOOP_CROSSFADE, *, inplace: bool = False
) -> np.ndarray:
    """Return a version of ``samples`` that repeats without a click or a gap.

    The last ``crossfade`` seconds are blended into the first (equal power), and the
    result is that much shorter; played end to end it has no seam. With ``inplace`` the
    head of ``samples`` is overwritten and a view returned (no copy of a long bed).
    """
    n = samples.shape[0]
    k = min(int(crossfade * rate), n // 3)
    if k < 2:
        return samples
    t = np.linspace(0.0, 1.0, k, dtype=np.float32)[:, None]
    out = samples[: n - k] if inplace else samples[: n - k].copy()
    out[:k] = samples[:k] * np.sin(t * (np.pi / 2)) + samples[n - k :] * np.cos(t * (np.pi / 2))
    return out


def sounds_of(timeline: Timeline) -> list[str]:
    """Every sound file a timeline uses (cues, voice clips, ambient), in first-use order.

    Speech cues (synthetic voice, whose ``sound`` is a text) are not files and not listed.
    """
    names = dict.fromkeys(c.sound for c in timeline.cues if c.channel != CHANNEL_SPEECH)
    if timeline.ambient:
        names[timeline.ambient] = None
    return list(names)


def voice_clips_of(timeline: Timeline) -> frozenset[str]:
    """The recorded voice clips a timeline plays (levelled as they are loaded)."""
    return frozenset(c.sound for c in timeline.cues if c.channel == CHANNEL_VOICE)


def levelled(decoded: Decoded, path: Path) -> Decoded:
    """A voice clip at the app's voice level (see :mod:`kapcompanion.core.cliplevel`)."""
    level = clip_level(path)
    if level is None or abs(level.gain_db) < 0.1:
        return decoded
    log.info("voice clip %s: %+.1f dB to the app's voice", path.name, level.gain_db)
    samples = decoded.samples * np.float32(level.gain)
    np.clip(samples, -1.0, 1.0, out=samples)
    return replace(decoded, samples=samples)


class SoundBank:
    """Decoded sounds by name, cached across practices (keyed by file, size and mtime)."""

    def __init__(
        self,
        rate: int = RATE,
        channels: int = 2,
        resolver: Resolver = resolve_sound,
        *,
        cache: bool = True,
    ) -> None:
        self.rate = rate
        self.channels = channels
        self.resolver = resolver
        self.cache = cache
        self._cache: dict[tuple[str, int, int], Decoded] = {}
        self._loops: dict[tuple[str, int, int], np.ndarray] = {}
        self.sounds: dict[str, Decoded] = {}

    def key(self, name: str) -> tuple[str, int, int]:
        """What identifies the decoded sound of ``name``: its file, size and mtime."""
        return self._key(self.resolver(name))

    def _key(self, path: Path) -> tuple[str, int, int]:
        try:
            st = path.stat()
            return (str(path), st.st_size, st.st_mtime_ns)
        except OSError:
            return (str(path), -1, -1)

    def load(self, names: Iterable[str], *, voices: Collection[str] = ()) -> list[str]:
        """Decode ``names`` (cached); return a plain warning for each that failed.

        Names in ``voices`` are recorded voice clips: each is brought to the level of the
        app's voice with the gain :func:`~kapcompanion.core.cliplevel.clip_level`
        measures (the file is never changed). After this, :attr:`sounds` holds exactly
        the names that decoded.
        """
        warnings: list[str] = []
        self.sounds = {}
        for name in names:
            path = self.resolver(name)
            key = self._key(path)
            if name in voices:
                key = (f"{key[0]}\0levelled", key[1], key[2])
            got = self._cache.get(key)
            if got is None:
                try:
                    got = decode(path, self.rate, self.channels, periodic=self._bundled_bed(name))
                except SoundError as exc:
                    log.warning("sound %s: %s", name, exc)
                    warnings.append(
                        f"The sound “{display_name(name)}” could not be played ({exc}). "
                        "The rest of the practice plays as usual."
                    )
                    continue
                if name in voices:
                    got = levelled(got, path)
                if self.cache:
                    self._cache[key] = got
            self.sounds[name] = got
        return warnings

    def _bundled_bed(self, name: str) -> bool:
        """Whether ``name`` is a bundled bed read from the bundled file itself."""
        return is_bundled_bed(name) and self.resolver(name) == resolve_sound(name)

    def loop(self, name: str) -> np.ndarray | None:
        """The seamless-loop version of a loaded sound (for ambient beds), cached.

        A bundled bed is built as one exact period (docs/sounds.md) and is returned as it
        is: a crossfade would only lift the drone's level for a moment at every wrap.
        Any other file gets :func:`make_loop`'s crossfade.
        """
        got = self.sounds.get(name)
        if got is None:
            return None
        if self._bundled_bed(name):
            return got.samples
        key = self._key(self.resolver(name))
        loop = self._loops.get(key)
        if loop is None:
            loop = make_loop(got.samples, self.rate, inplace=not self.cache)
            if self.cache:
                self._loops[key] = loop
        return loop

    def voice_spans(self, timeline: Timeline) -> list[tuple[float, float]]:
        """(start, end) seconds of every voice clip that loaded, for ducking."""
        spans = []
        for cue in timeline.cues:
            if cue.channel == CHANNEL_VOICE and cue.sound in self.sounds:
                spans.append((cue.time, cue.time + self.sounds[cue.sound].seconds))
        return spans
