"""The offline neural voice (hibari-tts): which voices are here, and text to a clip.

hibari is imported on first need (:meth:`VoiceEngine.load`), never when the app starts.
Only voices whose model file is already on this computer are offered: the one inside
the package ("heart") and any the person copied into hibari's cache folder. A missing
voice is simply absent — this module never lets hibari download anything (the model
path is always given to hibari explicitly, so its download-on-first-use never runs).

Clips are mono float32 at 24 kHz, trimmed of leading quiet (so a word starts on its cue)
and of trailing quiet beyond a short margin, and brought to the loudness of the bundled
cues with one fixed gain (hibari's level is steady from text to text).
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from kapcompanion.audio.mixer_format import release_memory
from kapcompanion.core.errors import KapError

log = logging.getLogger(__name__)

SAMPLE_RATE = 24000
DEFAULT_VOICE = "heart"
#: The speeds offered (1.0 is hibari's own pace).
MIN_SPEED = 0.8
MAX_SPEED = 1.2
#: hibari speaks at about -25.7 dB gated loudness; the bundled cues are at -22 dB.
GAIN_DB = 3.5
PEAK = 10 ** (-1.5 / 20)
#: Quiet kept before the first sound and after the last one.
LEAD_SECONDS = 0.01
TAIL_SECONDS = 0.12
#: Anything this far below the loudest 10 ms is quiet (for trimming).
QUIET_BELOW_PEAK_DB = 45.0
#: Bumped whenever the processing above changes, so cached clips are made afresh.
PROCESSING_VERSION = 1

KIND_MISSING = "missing"  # hibari or onnxruntime is not installed
KIND_MODEL = "model"  # the voice's model could not be loaded
KIND_VOICE = "voice"  # the voice asked for is not on this computer
KIND_TEXT = "text"  # one text could not be said


def _hibari() -> Any:
    """The hibari package (lazy: it loads numpy's and onnxruntime's libraries).

    Raises:
        VoiceUnavailable: it is not installed.
    """
    try:
        import hibari
    except Exception as exc:
        raise VoiceUnavailable(
            "The spoken voice is not installed on this computer.", KIND_MISSING
        ) from exc
    return hibari


def _no_telemetry() -> None:
    """Turn onnxruntime's telemetry off (kapcompanion/__init__ already set its variable)."""
    import onnxruntime  # lazy: loaded by hibari just before this

    disable = getattr(onnxruntime, "disable_telemetry_events", None)
    if disable is not None:
        disable()


class VoiceUnavailable(KapError):  # noqa: N818  (the name the brief and callers use)
    """The synthetic voice cannot say something; the message is one plain sentence.

    The message says what is wrong, not what follows: the player adds "the words are
    shown on screen", a render "the file has no spoken guidance".

    ``kind`` is one of ``missing``, ``model``, ``voice`` (the voice as a whole is
    unavailable) or ``text`` (only this text failed; others may still be said).
    """

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind

    @property
    def whole_voice(self) -> bool:
        """Whether nothing can be said (rather than one text)."""
        return self.kind != KIND_TEXT


@dataclass(frozen=True, slots=True)
class VoiceInfo:
    """One voice whose model is on this computer."""

    name: str
    language: str  # en-US, en-GB
    accent: str
    gender: str
    path: Path
    bundled: bool


class Engine(Protocol):
    """What the voice service needs of a voice (:class:`VoiceEngine`, or one in a child)."""

    voice: str

    @property
    def loaded(self) -> bool:
        """Whether the voice is in memory."""
        ...

    def load(self) -> None:
        """Load the voice now (raises :class:`VoiceUnavailable`)."""

    def synthesize(self, text: str, speed: float = 1.0) -> np.ndarray:
        """Say ``text``: mono float32 at 24 kHz."""
        ...

    def unload(self) -> None:
        """Let the voice go (the next use loads it again)."""


def installed_voices() -> list[VoiceInfo]:
    """The voices present on this computer (never the ones hibari would download).

    Empty when hibari is not installed. Reading the list imports only hibari's voice
    registry, not the model runtime.
    """
    try:
        from hibari import voices as registry
    except Exception as exc:  # ImportError, or a broken install
        log.info("hibari is not available: %s", exc)
        return []
    out = []
    for name, v in registry.VOICES.items():
        bundled = bool(v.get("bundled"))
        folder = registry.ASSETS if bundled else registry.cache_dir()
        path = Path(folder) / str(v["file"])
        if path.is_file():
            out.append(
                VoiceInfo(
                    name, str(v["language"]), str(v["accent"]), str(v["gender"]), path, bundled
                )
            )
    return out


def clamp_speed(speed: float) -> float:
    """``speed`` limited to the offered range (0.8–1.2)."""
    return min(MAX_SPEED, max(MIN_SPEED, float(speed)))


def text_seed(text: str) -> int:
    """A fixed seed per text, so the same text always sounds the same."""
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:4], "little")


def trim(x: np.ndarray, rate: int = SAMPLE_RATE) -> np.ndarray:
    """Cut quiet before the first and after the last sound, keeping short margins."""
    block = max(1, rate // 100)
    n = len(x) // block
    if n == 0:
        return x
    levels = np.sqrt(np.mean(np.square(x[: n * block].reshape(n, block)), axis=1))
    loudest = float(levels.max())
    if loudest <= 1e-7:
        return x[:0]
    loud = np.flatnonzero(levels >= loudest * 10 ** (-QUIET_BELOW_PEAK_DB / 20))
    start = max(0, int(loud[0]) * block - round(LEAD_SECONDS * rate))
    end = min(len(x), (int(loud[-1]) + 1) * block + round(TAIL_SECONDS * rate))
    return x[start:end]


def finish(x: np.ndarray) -> np.ndarray:
    """Trim and level one raw clip; float32, peaks below -1.5 dBFS."""
    out = trim(np.asarray(x, dtype=np.float32)) * np.float32(10 ** (GAIN_DB / 20))
    np.clip(out, -PEAK, PEAK, out=out)
    return np.ascontiguousarray(out, dtype=np.float32)


class VoiceEngine:
    """One voice, loaded on first use; turns text into a clip (thread-safe).

    Args:
        voice: a voice name from :func:`installed_voices`.
        model: an ONNX file to use instead of the voice's own (tests, other builds).
        threads: onnxruntime threads (one core is plenty: ~70x real time here).
        lexicon: the folder of the pronunciation store
            (:mod:`~kapcompanion.audio.voice.lexicon_store`; the voice's cache folder).
            None, or a store that cannot be had, keeps hibari's dictionaries in memory
            (about 100 MiB more).
        build_lexicon: when the store is missing, make it in the background (in a
            short-lived process; this voice starts with hibari's dictionaries, the next
            reads the store). False only uses one already made (the voice's own process
            cannot start processes; its parent makes the store).
    """

    rate = SAMPLE_RATE

    def __init__(
        self,
        voice: str = DEFAULT_VOICE,
        *,
        model: Path | None = None,
        threads: int = 1,
        lexicon: Path | None = None,
        build_lexicon: bool = True,
    ) -> None:
        self.voice = voice
        self.model = model
        self.threads = threads
        self.lexicon = lexicon
        self.build_lexicon = build_lexicon
        #: Whether the dictionaries are read from the store (False: hibari's, in memory).
        self.from_store = False
        self._store: Path | None = None
        self._builder: threading.Thread | None = None
        self._tts: Any = None
        self._failed: VoiceUnavailable | None = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        """Whether the model is in memory."""
        return self._tts is not None

    def _model_path(self) -> Path:
        if self.model is not None:
            return self.model
        for info in installed_voices():
            if info.name == self.voice:
                return info.path
        _hibari()  # only to tell "not installed" from "no such voice"
        raise VoiceUnavailable(
            f"The voice “{self.voice}” is not on this computer. Please choose another voice.",
            KIND_VOICE,
        )

    def load(self) -> None:
        """Load the model now (it is loaded on first use anyway).

        Raises:
            VoiceUnavailable: hibari or onnxruntime is missing, the voice is not on this
                computer, or its model is damaged. Remembered: later calls raise the same.
        """
        with self._lock:
            self._load_locked()

    def _load_locked(self) -> None:
        if self._tts is not None:
            return
        if self._failed is not None:
            raise self._failed
        try:
            path = self._model_path()
            _hibari()  # raises VoiceUnavailable when hibari is not installed
            try:
                # The model path is always given: hibari never downloads anything.
                from kapcompanion.audio.voice.lean import LeanHibari

                tts = LeanHibari(
                    self.voice, os.fspath(path), threads=self.threads, g2p=self._store_g2p()
                )
                _no_telemetry()
            except ImportError as exc:
                raise VoiceUnavailable(
                    "The spoken voice needs a part that is missing (onnxruntime); "
                    "reinstalling KAP Companion adds it.",
                    KIND_MISSING,
                ) from exc
            except Exception as exc:
                log.warning("voice model %s could not be loaded: %s", path, exc)
                raise VoiceUnavailable(
                    "The spoken voice could not be started (its model file seems damaged); "
                    "reinstalling KAP Companion repairs it.",
                    KIND_MODEL,
                ) from exc
            try:
                _ = tts.g2p  # the pronunciation dictionaries: most of the load time
            except Exception as exc:
                log.warning("voice dictionaries could not be loaded: %s", exc)
                raise VoiceUnavailable(
                    "The spoken voice could not be started (its dictionaries seem damaged); "
                    "reinstalling KAP Companion repairs it.",
                    KIND_MODEL,
                ) from exc
        except VoiceUnavailable as exc:
            self._failed = exc
            raise
        self._tts = tts
        log.info("voice %s loaded (dictionaries %s)", self.voice, self._where())

    def _where(self) -> str:
        return "from the store" if self.from_store else "in memory"

    def _store_g2p(self) -> Any:
        """The G2P of hibari reading the store, or None (hibari then loads its own)."""
        self.from_store = False
        if self.lexicon is None:
            return None
        from kapcompanion.audio.voice import lexicon_store

        try:
            got = lexicon_store.connect(self.lexicon, self.voice, build_missing=False)
            if got is None:
                log.info("voice: no pronunciation store yet; hibari's dictionaries go in memory")
                if self.build_lexicon and self._builder is None:
                    self._builder = lexicon_store.build_later(self.lexicon, self.voice)
                return None
            conn, path = got
            from kapcompanion.audio.voice.lean import StoreG2P

            g2p = StoreG2P(conn, british=lexicon_store.accent_of(self.voice) == "gb")
        except Exception as exc:  # never let the store stop the voice
            log.warning("voice: the pronunciation store cannot be used (%s)", exc)
            return None
        self._store = path
        self.from_store = True
        return g2p

    def _stock_g2p(self, exc: Exception) -> None:
        """The store failed while in use: drop it, load hibari's dictionaries, carry on."""
        log.warning(
            "voice: the pronunciation store failed (%s); using hibari's own dictionaries", exc
        )
        from kapcompanion.audio.voice import lexicon_store

        if self._store is not None:
            lexicon_store.discard(self._store)  # made afresh next time
        self._store = None
        self.from_store = False
        self.lexicon = None
        self._tts = None
        self._load_locked()

    def unload(self) -> None:
        """Let the model and its dictionaries go (about 110 MiB); the next use loads again."""
        with self._lock:
            if self._tts is None:
                return
            self._tts = None
        gc.collect()
        release_memory()
        log.info("voice %s unloaded while idle", self.voice)

    def synthesize(self, text: str, speed: float = 1.0) -> np.ndarray:
        """Say ``text``: mono float32 samples at 24 kHz (trimmed and levelled).

        Raises:
            VoiceUnavailable: the voice cannot load (``whole_voice``), or this text could
                not be said (kind ``text``).
        """
        with self._lock:
            self._load_locked()
            try:
                try:
                    raw = self._tts(text, speed=clamp_speed(speed), seed=text_seed(text))
                except sqlite3.Error as exc:  # the store went bad under us: once, then stock
                    self._stock_g2p(exc)
                    raw = self._tts(text, speed=clamp_speed(speed), seed=text_seed(text))
            except VoiceUnavailable:
                raise
            except Exception as exc:
                # Never log the text itself: it may hold the client's own words.
                log.warning("voice: a text of %d characters failed: %s", len(text), exc)
                raise VoiceUnavailable(
                    "A passage of this practice could not be spoken.",
                    KIND_TEXT,
                ) from exc
        return finish(np.asarray(raw, dtype=np.float32))
