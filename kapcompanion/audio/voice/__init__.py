"""The synthetic voice: every practice's words heard, offline (hibari-tts, English).

Nothing here imports hibari or onnxruntime until a clip is first needed, so importing
this package costs the app's start nothing. The names below are loaded on first use
(PEP 562), so the voice's own process, which imports only
:mod:`~kapcompanion.audio.voice.process` and the engine, does not also load the clip
cache's sound-file library and the service (a few MiB of its memory).

* :class:`VoiceEngine` — one voice; ``synthesize(text, speed)`` → mono float32 at 24 kHz.
* :func:`installed_voices` — the voices whose model is on this computer (never downloads).
* :class:`VoiceCache` — clips on disk under the data dir, LRU with a size cap.
* :class:`VoiceService` — a background worker: ``request``, ``ready``, ``wait``,
  ``seconds``, ``lengths``, ``future``; private texts stay in memory only.
* :class:`VoiceUnavailable` — the one error, with a plain message and a ``kind``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kapcompanion.core.lazy_names import lazy_getattr

if TYPE_CHECKING:
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

#: Where each public name lives.
_HOMES = {
    "DEFAULT_MAX_BYTES": "cache",
    "VoiceCache": "cache",
    "DEFAULT_VOICE": "engine",
    "MAX_SPEED": "engine",
    "MIN_SPEED": "engine",
    "SAMPLE_RATE": "engine",
    "VoiceEngine": "engine",
    "VoiceInfo": "engine",
    "VoiceUnavailable": "engine",
    "installed_voices": "engine",
    "VoiceService": "service",
}

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


__getattr__ = lazy_getattr(__name__, _HOMES)


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOMES])
