"""A disk cache of synthesised clips, so each sentence is synthesised once.

Clips live as 16-bit FLAC files named by a hash of (voice, speed, text, processing
version) in one folder the caller gives (the app uses ``DataFolders(root).cache /
"voice"``). The cache survives restarts, holds at most ``max_bytes`` and evicts the least
recently used clips beyond that (use is recorded in each file's modification time). It
is only a cache: a folder that cannot be written (a full disk, no permission) makes a
logged miss, never an error. Texts holding the client's own words are never given to it
(see :class:`~kapcompanion.audio.voice.service.VoiceService`); nothing here logs a text.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import os
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
import soundfile as sf

from kapcompanion.audio.voice.engine import PROCESSING_VERSION, SAMPLE_RATE

log = logging.getLogger(__name__)

#: Default size cap: about 90 hours of speech in 16-bit FLAC; a practice needs ~5 MB.
DEFAULT_MAX_BYTES = 200 * 1024 * 1024
SUFFIX = ".flac"


def clip_key(voice: str, speed: float, text: str) -> str:
    """The hash that names a clip: voice, speed (to 0.01), text and processing version."""
    raw = f"{PROCESSING_VERSION}\0{voice}\0{speed:.2f}\0{text}".encode()
    return hashlib.sha256(raw).hexdigest()


class VoiceCache:
    """Synthesised clips on disk, with a size cap and least-recently-used eviction.

    Safe to use from several threads. Nothing is created until the first clip is stored.
    """

    def __init__(self, folder: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.folder = Path(folder)
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._index: dict[str, tuple[int, float]] | None = None  # key -> (bytes, last use)
        self._warned = False

    def _scan(self) -> dict[str, tuple[int, float]]:
        if self._index is None:
            index: dict[str, tuple[int, float]] = {}
            with contextlib.suppress(OSError):
                for entry in os.scandir(self.folder):
                    if entry.name.endswith(SUFFIX) and entry.is_file():
                        st = entry.stat()
                        index[entry.name[: -len(SUFFIX)]] = (st.st_size, st.st_mtime)
            self._index = index
        return self._index

    def path(self, key: str) -> Path:
        """The file of a clip key."""
        return self.folder / f"{key}{SUFFIX}"

    def get(self, voice: str, speed: float, text: str) -> np.ndarray | None:
        """The cached clip (mono float32, 24 kHz), or None; a hit counts as a use."""
        key = clip_key(voice, speed, text)
        with self._lock:
            index = self._scan()
            if key not in index:
                return None
            path = self.path(key)
            try:
                data, rate = sf.read(str(path), dtype="float32", always_2d=False)
            except (sf.LibsndfileError, RuntimeError, OSError) as exc:
                log.info("voice cache: dropping unreadable %s (%s)", path.name, exc)
                index.pop(key, None)
                with contextlib.suppress(OSError):
                    path.unlink()
                return None
            if rate != SAMPLE_RATE or data.ndim != 1:
                index.pop(key, None)
                return None
            now = time.time()
            with contextlib.suppress(OSError):
                os.utime(path, (now, now))
            index[key] = (index[key][0], now)
        return np.ascontiguousarray(data, dtype=np.float32)

    def put(self, voice: str, speed: float, text: str, samples: np.ndarray) -> bool:
        """Store a clip; False (logged once, not raised) when the folder can't be written."""
        key = clip_key(voice, speed, text)
        with self._lock:
            index = self._scan()
            try:
                size = self._write(self.path(key), samples)
            except (OSError, sf.LibsndfileError, RuntimeError) as exc:
                if not self._warned:
                    log.warning(
                        "voice cache: cannot write in %s (%s); carrying on", self.folder, exc
                    )
                    self._warned = True
                return False
            index[key] = (size, time.time())
            self._evict(index)
        return True

    def _write(self, path: Path, samples: np.ndarray) -> int:
        # Encoded in memory first: a write error then surfaces here as an OSError (inside
        # libsndfile's callbacks it would be swallowed and leave a short file).
        buf = io.BytesIO()
        sf.write(buf, np.asarray(samples, dtype=np.float32), SAMPLE_RATE,
                 format="FLAC", subtype="PCM_16")  # fmt: skip
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".clip.", suffix=".part", dir=self.folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(buf.getbuffer())
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        return path.stat().st_size

    def _evict(self, index: dict[str, tuple[int, float]]) -> None:
        total = sum(size for size, _ in index.values())
        if total <= self.max_bytes:
            return
        for key, (size, _used) in sorted(index.items(), key=lambda kv: kv[1][1]):
            if total <= self.max_bytes:
                break
            with contextlib.suppress(OSError):
                self.path(key).unlink()
            index.pop(key, None)
            total -= size
        log.info("voice cache: evicted down to %d bytes", total)

    def __contains__(self, item: tuple[str, float, str]) -> bool:
        """Whether ``(voice, speed, text)`` has a clip on disk."""
        with self._lock:
            return clip_key(*item) in self._scan()

    def size(self) -> int:
        """Bytes the cached clips take on disk."""
        with self._lock:
            return sum(size for size, _ in self._scan().values())

    def count(self) -> int:
        """How many clips are cached."""
        with self._lock:
            return len(self._scan())

    def clear(self) -> int:
        """Delete every cached clip (for Settings); return how many were removed."""
        removed = 0
        with self._lock:
            self._index = None
            with contextlib.suppress(OSError):
                for entry in os.scandir(self.folder):
                    if entry.name.endswith((SUFFIX, ".part")) and entry.is_file():
                        with contextlib.suppress(OSError):
                            os.unlink(entry.path)
                            removed += entry.name.endswith(SUFFIX)
            self._index = {}
        return removed
