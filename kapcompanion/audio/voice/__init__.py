"""The synthetic voice: every practice's words heard, offline (hibari-tts, English).

Nothing here imports hibari or onnxruntime until a clip is first needed, so importing
this package costs the app's start nothing.

* :class:`VoiceEngine` — one voice; ``synthesize(text, speed)`` → mono float32 at 24 kHz.
* :func:`installed_voices` — the voices whose model is on this computer (never downloads).
* :class:`VoiceCache` — clips on disk under the data dir, LRU with a size cap.
* :class:`VoiceService` — a background worker: ``request``, ``ready``, ``wait``,
  ``seconds``, ``lengths``, ``future``; private texts stay in memory only.
* :class:`VoiceUnavailable` — the one error, with a plain message and a ``kind``.
"""

from kapcompanion.audio.voice.cache import DEFAULT_MAX_BYTES, VoiceCache
from kapcompanion.audio.voice.engine import (
    DEFAULT_VOICE,
    MAX_SPEED,
    MIN_SPEED,
    SAMPLE_RATE,
    VoiceEngine,
    VoiceInfo,
    VoiceUnavailable,
    installed_voices,
)
from kapcompanion.audio.voice.service import VoiceService

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_VOICE",
    "MAX_SPEED",
    "MIN_SPEED",
    "SAMPLE_RATE",
    "VoiceCache",
    "VoiceEngine",
    "VoiceInfo",
    "VoiceService",
    "VoiceUnavailable",
    "installed_voices",
]
