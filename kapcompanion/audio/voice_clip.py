"""Voice clips for say steps: import, trim, level and store them as Ogg Vorbis.

A therapist records or imports a clip for one say step. The clip is trimmed of leading
and trailing silence (keeping a short, faded margin), brought to the loudness of the
bundled cues with the same gated-RMS measure (:func:`kapcompanion.audio.synth.loudness_db`),
kept below -1 dBFS, and written as mono OGG next to the practice in ``audio/``. The
practice refers to it by the returned relative path. No Qt and no pygame here.
"""

from __future__ import annotations

import io
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile as sf

from kapcompanion.audio.sounds import RATE, SoundError, decode
from kapcompanion.audio.synth import CUE_LOUDNESS_DB, encode_ogg, loudness_db, peak_db
from kapcompanion.core.errors import KapError

log = logging.getLogger(__name__)

#: File types a clip may be imported from (what libsndfile reads here).
SUPPORTED_SUFFIXES = (".wav", ".ogg", ".oga", ".flac", ".mp3")
#: Voice is levelled to the bundled cues, so a voice and a bell sound equally present.
TARGET_LOUDNESS_DB = CUE_LOUDNESS_DB
#: Decoded peaks stay below this (the brief asks below -1 dBFS; a little headroom for Vorbis).
PEAK_LIMIT_DB = -1.5
#: Silence is anything this far under the loudest 10 ms of the clip.
SILENCE_BELOW_PEAK_DB = 40.0
#: Margin of quiet kept before the first and after the last sound, and its fade.
MARGIN_S = 0.15
FADE_S = 0.03
#: Clips shorter than this after trimming are refused (a click, not a voice).
MIN_SECONDS = 0.2
#: Vorbis quality for voice (speech is clear at 0.4, ~40 kB per 10 s mono).
VOICE_QUALITY = 0.4


class VoiceClipError(KapError):
    """A clip that cannot be used; the message says what and where, with a hint.

    ``kind`` (unsupported, unreadable, silent, short, unwritable) and ``name`` (the file)
    let a translated interface say the same in its own words.
    """

    def __init__(self, message: str, kind: str, name: str = "") -> None:
        super().__init__(message)
        self.kind = kind
        self.name = name


@dataclass(frozen=True, slots=True)
class ClipReport:
    """What processing did: for the editor's status line and for tests."""

    relative_path: str
    seconds: float
    trimmed_seconds: float
    loudness_db: float
    peak_db: float


def supported_text() -> str:
    """The supported formats, for messages ("WAV, OGG, FLAC or MP3")."""
    return "WAV, OGG, FLAC or MP3"


def read_clip(path: Path) -> np.ndarray:
    """Read an audio file as mono float32 at :data:`RATE` Hz.

    Raises:
        VoiceClipError: an unsupported type, a missing, unreadable or empty file.
    """
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise VoiceClipError(
            f"“{path.name}” is not a supported audio file. "
            f"Please choose a {supported_text()} file.",
            "unsupported",
            path.name,
        )
    try:
        decoded = decode(path, RATE, 1)
    except SoundError as exc:
        log.info("cannot read clip %s: %s", path, exc)
        raise VoiceClipError(
            f"“{path.name}” could not be read as audio — the file may be damaged or not "
            f"really a {path.suffix.lstrip('.').upper()} file. "
            f"Try exporting it again as {supported_text()}.",
            "unreadable",
            path.name,
        ) from exc
    return decoded.samples[:, 0].astype(np.float64)


def _block_levels(x: np.ndarray, block: int) -> np.ndarray:
    n = len(x) // block
    if n == 0:
        return np.array([float(np.sqrt(np.mean(np.square(x))))]) if len(x) else np.zeros(1)
    blocks = x[: n * block].reshape(n, block)
    return np.sqrt(np.mean(np.square(blocks), axis=1))


def trim_silence(x: np.ndarray, rate: int = RATE) -> np.ndarray:
    """Cut leading and trailing silence, keeping :data:`MARGIN_S` with short fades.

    Silence is judged on 10 ms blocks, relative to the loudest block, so a quiet
    recording is trimmed as well as a loud one.

    Raises:
        VoiceClipError: the clip is silent or too short to be speech.
    """
    block = max(1, rate // 100)
    levels = _block_levels(x, block)
    loudest = float(levels.max()) if len(levels) else 0.0
    if loudest <= 1e-6:
        raise VoiceClipError(
            "The recording seems to be silent. Check that the right microphone was "
            "chosen, or import another file.",
            "silent",
        )
    loud = np.flatnonzero(levels >= loudest * 10 ** (-SILENCE_BELOW_PEAK_DB / 20))
    margin = round(MARGIN_S * rate)
    start = max(0, int(loud[0]) * block - margin)
    end = min(len(x), (int(loud[-1]) + 1) * block + margin)
    out = np.array(x[start:end], dtype=np.float64)
    if (int(loud[-1]) - int(loud[0]) + 1) * block < MIN_SECONDS * rate:
        raise VoiceClipError(
            "The recording is too short to use (under a fifth of a second of sound). "
            "Please record or import a longer clip.",
            "short",
        )
    fade = min(round(FADE_S * rate), len(out) // 4)
    if fade > 0:
        ramp = 0.5 - 0.5 * np.cos(np.linspace(0.0, np.pi, fade))
        if start > 0:
            out[:fade] *= ramp
        if end < len(x):
            out[-fade:] *= ramp[::-1]
    return out


def _limit(x: np.ndarray, ceiling: float, rate: int = RATE) -> np.ndarray:
    """Smooth peak limiting: no sample above ``ceiling``, gain eased over ~5 ms.

    The gain curve is a moving minimum then a moving average of the same width, so each
    sample's gain is at most what it needs (the average of values each no larger).
    """
    width = max(3, (rate // 200) | 1)
    need = np.minimum(1.0, ceiling / np.maximum(np.abs(x), 1e-12))
    if need.min() >= 1.0:
        return x
    pad = width // 2
    padded = np.pad(need, pad, mode="edge")
    windows = np.lib.stride_tricks.sliding_window_view(padded, width)
    floor = windows.min(axis=1)
    kernel = np.ones(width) / width
    smooth = np.convolve(np.pad(floor, pad, mode="edge"), kernel, mode="valid")
    return x * np.minimum(smooth, need)


def normalise(x: np.ndarray, target_db: float = TARGET_LOUDNESS_DB) -> np.ndarray:
    """Bring ``x`` to ``target_db`` gated loudness with peaks below :data:`PEAK_LIMIT_DB`."""
    ceiling = 10 ** (PEAK_LIMIT_DB / 20)
    out = np.asarray(x, dtype=np.float64)
    for _ in range(4):  # limiting lowers loudness a little; a few rounds settle it
        level = loudness_db(out)
        if not np.isfinite(level):
            raise VoiceClipError("The recording seems to be silent.", "silent")
        out = out * 10 ** ((target_db - level) / 20)
        out = _limit(out, ceiling)
        if abs(loudness_db(out) - target_db) < 0.25:
            break
    return out


def process(x: np.ndarray, rate: int = RATE) -> np.ndarray:
    """Trim and level mono samples at ``rate`` (see the module docstring)."""
    return normalise(trim_silence(x, rate))


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def store_clip(samples: np.ndarray, practice_dir: Path, name: str) -> ClipReport:
    """Process mono ``samples`` (at :data:`RATE`) and write ``practice_dir/audio/<name>.ogg``.

    Returns:
        A report whose ``relative_path`` (``audio/<name>.ogg``) goes into ``voice:``.

    Raises:
        VoiceClipError: silent or too short, or the folder cannot be written.
    """
    raw_seconds = len(samples) / RATE
    clip = process(np.asarray(samples, dtype=np.float64))
    data = encode_ogg(clip.astype(np.float32)[:, None], VOICE_QUALITY)
    # Vorbis can lift a peak a little; check the decoded result and turn down if needed.
    decoded, _sr = sf.read(io.BytesIO(data), dtype="float64")
    for _ in range(3):
        over = peak_db(decoded) - (PEAK_LIMIT_DB + 0.4)
        if over <= 0:
            break
        clip = clip * 10 ** (-(over + 0.1) / 20)
        data = encode_ogg(clip.astype(np.float32)[:, None], VOICE_QUALITY)
        decoded, _sr = sf.read(io.BytesIO(data), dtype="float64")
    relative = f"audio/{name}.ogg"
    target = practice_dir / relative
    try:
        _atomic_write(target, data)
    except OSError as exc:
        raise VoiceClipError(
            f"The clip could not be saved in {target.parent} ({exc.strerror or exc}). "
            "Check there is free space and that the folder can be written.",
            "unwritable",
            str(target.parent),
        ) from exc
    log.info("voice clip %s: %.2f s (from %.2f s)", target, len(clip) / RATE, raw_seconds)
    return ClipReport(
        relative,
        len(clip) / RATE,
        raw_seconds - len(clip) / RATE,
        loudness_db(clip),
        peak_db(decoded),
    )


def import_clip(source: Path, practice_dir: Path, name: str) -> ClipReport:
    """Read ``source`` (WAV, OGG, FLAC or MP3) and store it as a voice clip.

    Raises:
        VoiceClipError: an unsupported, unreadable, silent or too short file.
    """
    return store_clip(read_clip(Path(source)), practice_dir, name)
