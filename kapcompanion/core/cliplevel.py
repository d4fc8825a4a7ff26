"""How loud a recorded voice clip is, and the gain that brings it to the app's voice.

A clip the editor imports is levelled once, when it is stored (see
:mod:`kapcompanion.audio.voice_clip`). A clip written into a practice by hand (``voice:
audio/welcome.ogg``) is not; so it is measured here — ITU-R BS.1770 integrated loudness
(:mod:`kapcompanion.core.bs1770`) — and played and rendered with the gain that brings it
to the same level an imported clip has (about −23 LUFS, where the app's own voice and the
bells sit), never lifting a peak above −1.5 dBFS. The file itself is never changed.

Measurements are remembered by file, size and modification time, so preparing a practice
again (or checking it as you type) does not read the clip again.
"""

from __future__ import annotations

import functools
import logging
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kapcompanion.core.bs1770 import integrated_loudness
from kapcompanion.core.errors import ERROR, WARNING

log = logging.getLogger(__name__)

#: Integrated loudness of a clip the editor has imported (its gated −22 dBFS, in LUFS).
VOICE_LUFS = -23.0
#: Peaks stay below this after the gain (as the editor's import keeps them).
PEAK_CEILING_DB = -1.5
#: A clip left more than this under :data:`VOICE_LUFS` (its peaks stop the gain) is
#: reported as too quiet.
QUIET_BY_DB = 6.0
#: Samples at or above this are at full scale; a clip with many of them is clipped.
FULL_SCALE = 0.999
#: ... where "many" is this share of the samples (and at least a few).
CLIPPED_SHARE = 0.0005


@dataclass(frozen=True)
class ClipLevel:
    """A clip's measured loudness and peak, and the gain it plays with."""

    loudness: float  # LUFS (−inf for silence)
    peak_db: float  # sample peak, dBFS
    gain_db: float  # applied at play and render
    clipped: bool  # full-scale samples: distorted before it reached us

    @property
    def gain(self) -> float:
        """The gain as an amplitude ratio."""
        return 10.0 ** (self.gain_db / 20.0)

    @property
    def short_by(self) -> float:
        """How many dB under the app's voice the clip still plays after its gain."""
        if not math.isfinite(self.loudness):
            return math.inf
        return max(0.0, VOICE_LUFS - (self.loudness + self.gain_db))

    @property
    def too_quiet(self) -> bool:
        """Whether the gain cannot bring it near the app's voice without clipping."""
        return self.short_by > QUIET_BY_DB


def clip_level(path: Path) -> ClipLevel | None:
    """The level of the clip at ``path``, or None when it cannot be read as audio."""
    try:
        st = path.stat()
    except OSError:
        return None
    return _measure(str(path), st.st_size, st.st_mtime_ns)


@functools.lru_cache(maxsize=256)
def _measure(path: str, size: int, mtime_ns: int) -> ClipLevel | None:
    """Measure once per file version (``size`` and ``mtime_ns`` are the cache's key)."""
    try:
        import soundfile

        samples, rate = soundfile.read(path, dtype="float32", always_2d=True)
    except Exception as exc:  # unreadable: the checker reports it, located
        log.debug("cannot measure %s: %s", path, exc)
        return None
    if len(samples) == 0:
        return None
    peak = float(np.abs(samples).max())
    peak_db = 20.0 * math.log10(peak) if peak > 0 else -math.inf
    full = int(np.count_nonzero(np.abs(samples) >= FULL_SCALE))
    clipped = full >= max(3, CLIPPED_SHARE * samples.size)
    if len(samples) < round(0.4 * rate):  # shorter than one gating block
        padded = np.zeros((round(0.4 * rate), samples.shape[1]), dtype=np.float32)
        padded[: len(samples)] = samples
        samples = padded
    loudness = integrated_loudness(samples, rate)
    if not math.isfinite(loudness) or not math.isfinite(peak_db):
        return ClipLevel(-math.inf, peak_db, 0.0, clipped)
    gain = min(VOICE_LUFS - loudness, PEAK_CEILING_DB - peak_db)
    return ClipLevel(loudness, peak_db, gain, clipped)


def clip_seconds(path: Path) -> float | None:
    """Length of an audio clip from its header, or None when it cannot be read."""
    try:
        import soundfile

        info = soundfile.info(str(path))
        if not info.samplerate or info.frames <= 0:
            return None
        return float(info.frames) / float(info.samplerate)
    except Exception as exc:  # the checker reports it, located, as an error
        log.debug("cannot read the length of %s: %s", path, exc)
        return None


def check_clip(written: str, path: Path) -> tuple[float | None, list[tuple[str, str, str]]]:
    """A ``voice:`` clip's length, and its problems as (severity, message, hint).

    Args:
        written: the path as the practice writes it (``audio/welcome.ogg``).
        path: the file.
    """
    seconds = clip_seconds(path)
    if seconds is None:
        return None, [
            (
                ERROR,
                f"{written} is not audio this app can read",
                "export it again as .ogg, .wav, .flac or .mp3, or record it in the editor",
            )
        ]
    level = clip_level(path)
    if level is None:
        return seconds, []
    if not math.isfinite(level.loudness):
        return seconds, [
            (
                WARNING,
                f"{written} is silent",
                "record it again and check that the right microphone is chosen",
            )
        ]
    if level.clipped:
        return seconds, [
            (
                WARNING,
                f"{written} is clipped (distorted where it is loudest)",
                "record it again a little further from the microphone; levelling cannot "
                "undo distortion",
            )
        ]
    if level.too_quiet:
        return seconds, [
            (
                WARNING,
                f"{written} is too quiet to level well: it will play about "
                f"{level.short_by:.0f} dB under the app's voice and bells",
                "record it again closer to the microphone, or use Import audio… in the editor",
            )
        ]
    return seconds, []
