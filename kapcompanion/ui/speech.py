"""Read-aloud of guidance text with the system voice (QtTextToSpeech), when installed."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

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


def _base(language: str) -> str:
    return language.lower().replace("_", "-").split("-")[0]


def locale_voice_available(language: str) -> bool:
    """Whether a system voice for ``language`` (``es``, ``es-MX``…) is installed.

    Asks each real engine (never Qt's "mock" one) for its locales; an engine that fails
    to start (on Linux, speech-dispatcher not running) offers none.
    """
    tts = _tts_class()
    if tts is None:
        return False
    want = _base(language)
    try:
        for name in tts.availableEngines():
            if name == "mock":
                continue
            engine = tts(name)
            try:
                if engine.state() == tts.State.Error:
                    continue
                if any(_base(loc.name()) == want for loc in engine.availableLocales()):
                    return True
            finally:
                engine.deleteLater()
    except Exception as exc:  # pragma: no cover - depends on the system
        log.info("system voices could not be listed: %s", exc)
    return False


def file_voice_problem(language: str) -> str:
    """Why no system voice can say ``language`` into a file (a render), for the log.

    Qt 6.6 added ``QTextToSpeech.synthesize``: an engine with the ``Synthesize``
    capability hands its audio to the program instead of the speakers. PySide6 (6.12,
    the version this was written against) does not bind it: it is a C++ template; only
    ``QTextToSpeechEngine.synthesize`` is bound, and a ``QTextToSpeech`` does not expose
    its engine to Python. The engines on Linux add their own reasons: speech-dispatcher
    cannot synthesise to a buffer at all; Qt's flite plugin can (Qt 6.6 on) but is not in
    PySide6's wheels, and a distribution's build is for its own Qt. So a render of a
    practice that is not in English carries no voice, and ``kapcompanion render`` says
    so (:func:`file_voice_note`). This function names the first obstacle found.
    """
    tts = _tts_class()
    if tts is None:
        return "Qt's text-to-speech is not installed"
    if not hasattr(tts, "synthesize"):
        return "this PySide6 does not bind QTextToSpeech.synthesize"
    return (  # pragma: no cover - a PySide6 that binds it
        f"taking a system voice's audio for {language} is not supported by this version"
    )


def file_voice_note(app_language: str = "system") -> str:
    """The one note of a render that cannot carry the practice's voice, in the app's language.

    For ``kapcompanion render`` of a practice that is not in English (see
    :func:`file_voice_problem`). ``app_language`` is the interface language chosen in
    Settings ("system", "en", "es"...). Makes a Qt core application when there is none.
    """
    from kapcompanion.ui.i18n import install_translations  # lazy: only renders need it

    app = QCoreApplication.instance() or QCoreApplication([])
    install_translations(app, app_language)
    return QCoreApplication.translate(
        "FileVoice",
        "This practice is not in English. The built-in voice speaks English only, and no "
        "voice on this computer can record this practice's language into a file, so the "
        "file has its bells and sounds but no spoken guidance.",
    )


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

    def say(self, text: str, volume: float = 1.0, language: str | None = None) -> None:
        """Speak ``text`` (stopping whatever was being said).

        With ``language``, only a voice for that language speaks: when the system has
        none, nothing is said (Spanish words are never read by an English voice).
        """
        self.spoken.append(text)
        del self.spoken[:-10]
        tts = self._engine()
        if tts is None:
            return
        if language is not None and not self._use_language(tts, language):
            return
        tts.stop()
        tts.setVolume(max(0.0, min(1.0, volume)))
        tts.say(text)

    def _use_language(self, tts: QTextToSpeech, language: str) -> bool:
        want = _base(language)
        if _base(tts.locale().name()) == want:
            return True
        for loc in tts.availableLocales():
            if _base(loc.name()) == want:
                tts.setLocale(loc)
                return True
        return False

    def stop(self) -> None:
        """Stop speaking."""
        if self._tts is not None:
            self._tts.stop()
