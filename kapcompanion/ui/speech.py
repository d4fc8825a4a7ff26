"""Read-aloud of guidance text with the system voice (QtTextToSpeech), when installed."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger(__name__)


def _tts_class() -> type[QTextToSpeech] | None:
    """QTextToSpeech, imported only when first needed (it loads QtMultimedia, which is slow).

    It ships in PySide6-Addons, which may be missing.
    """
    try:
        # lazy: start-up speed (QtMultimedia loads slowly), and the add-on may be missing
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:  # pragma: no cover - depends on the install
        return None
    return QTextToSpeech


def speech_available() -> bool:
    """Whether a system voice can be used at all."""
    tts = _tts_class()
    if tts is None:
        return False
    try:
        return any(e != "mock" for e in tts.availableEngines())
    except Exception:  # pragma: no cover
        return False


class Speaker(QObject):
    """Speaks text; silently does nothing when no voice is available."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tts: QTextToSpeech | None = None
        self.spoken: list[str] = []  # newest last, kept short (for tests and logs)

    def _engine(self) -> QTextToSpeech | None:
        tts = _tts_class() if self._tts is None and speech_available() else None
        if tts is not None:
            try:
                self._tts = tts(self)
            except Exception as exc:  # pragma: no cover
                log.warning("no system voice (%s)", exc)
        return self._tts

    def say(self, text: str, volume: float = 1.0) -> None:
        """Speak ``text`` (stopping whatever was being said)."""
        self.spoken.append(text)
        del self.spoken[:-10]
        tts = self._engine()
        if tts is None:
            return
        tts.stop()
        tts.setVolume(max(0.0, min(1.0, volume)))
        tts.say(text)

    def stop(self) -> None:
        """Stop speaking."""
        if self._tts is not None:
            self._tts.stop()
