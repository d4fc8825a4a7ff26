"""How the app reaches the synthetic voice: one service, kept warm, never on the UI thread.

The player opens a :class:`~kapcompanion.audio.voice.live.LiveVoice` for each practice
through :meth:`VoiceLink.open`; clips are made on the voice's worker thread and the
player hears of them through the :attr:`VoiceLink.arrived` signal (queued to the UI
thread). The service is made on first need and kept while the voice, speed and cache
folder stay the same, so the model loads once (it takes about a second).

Practices that are not in English are never given to the synthetic voice: the system's
voice for their language says them when one is installed (:func:`system_voice_for`),
and otherwise the player says so once and shows the words.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTimer, Signal

from kapcompanion.core.model import Practice
from kapcompanion.settings import Settings
from kapcompanion.ui.speech import Speaker, locale_voice_available

if TYPE_CHECKING:
    import numpy as np

    from kapcompanion.audio.base import Player
    from kapcompanion.audio.voice import VoiceService, VoiceUnavailable
    from kapcompanion.audio.voice.live import LiveVoice

log = logging.getLogger(__name__)

CONTEXT = "VoiceLink"


#: Seconds with nothing left to say before the app lets the voice's model go (about
#: 110 MiB, loaded again in about a second when next needed: a practice chosen, an answer).
IDLE_UNLOAD = 20.0
#: How often a "Listen" request looks for its clip (ms); the clip is usually there at once.
LISTEN_POLL_MS = 30


class VoiceLink(QObject):
    """The app's synthetic voice: the service, its cache folder, and "Listen".

    ``folder`` is the disk cache (``DataFolders.cache / "voice"``, set by the app); None
    keeps clips in memory only. ``model`` replaces the voice's model file (tests).
    """

    #: A clip of the open practice arrived (or failed); emitted from the worker thread.
    arrived = Signal()
    #: False turns the synthetic voice off for good (the UI tests that are not about it).
    enabled = True

    def __init__(self, parent: QObject | None = None, folder: Path | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.model: Path | None = None
        #: The settings in use (the player keeps them current; "Listen" reads them).
        self.settings = Settings()
        self._service: VoiceService | None = None
        self._key: tuple[str, float, Path | None, Path | None] | None = None
        self._listen_speaker: Speaker | None = None
        self._listen_timer: QTimer | None = None

    # -- the service --------------------------------------------------------------

    def service(self, settings: Settings) -> VoiceService | None:
        """The service for the settings' voice and speed (made and preloaded on first need)."""
        if not (settings.voice_on and self.enabled):
            return None
        key = (settings.voice_name, settings.voice_speed, self.folder, self.model)
        if self._service is not None and self._key == key:
            return self._service
        self.close()
        try:
            # lazy: the voice layer (numpy, soundfile) is not needed until a practice opens
            from kapcompanion.audio.voice.live import open_service

            self._service = open_service(
                settings.voice_name,
                settings.voice_speed,
                self.folder,
                model=self.model,
                idle_unload=IDLE_UNLOAD,
                process=True,
            )
        except Exception:  # never let the voice stop a practice
            log.exception("voice: the service could not be made")
            return None
        self._key = key
        self._service.preload()
        return self._service

    def open(
        self,
        practice: Practice,
        settings: Settings,
        player: Player | None,
        *,
        values: dict[str, object],
        start_step: int = 0,
    ) -> LiveVoice | None:
        """Start saying ``practice`` (English only); None when the voice is off or absent."""
        from kapcompanion.audio.voice.live import LiveVoice, speaks

        if not speaks(practice):
            return None
        service = self.service(settings)
        if service is None:
            return None
        convert: Callable[[object], object] | None = None
        if player is not None and player.available:
            convert = player.speech_data
        return LiveVoice(
            practice,
            service,
            values=values,
            spoken_cues=True if settings.spoken_cues else None,
            convert=convert,
            notify=self.arrived.emit,
            start_step=start_step,
        )

    def close(self) -> None:
        """Let the worker go (it ends after the text it is saying)."""
        if self._service is not None:
            self._service.close(timeout=0.0)
        self._service = None
        self._key = None

    # -- "Listen" (the editor) ----------------------------------------------------

    def listen(
        self,
        text: str,
        language: str,
        settings: Settings,
        play: Callable[[np.ndarray], None],
        failed: Callable[[str], None],
    ) -> None:
        """Say ``text`` now: the synthetic voice for English, else the system's voice.

        ``play`` gets the clip (24 kHz float32) when it is ready, on the UI thread;
        ``failed`` a plain sentence when nothing can say it.
        """
        from kapcompanion.core.spoken import is_english

        if not is_english(language):
            if system_voice_for(language):
                speaker = self._listen_speaker or Speaker(self)
                self._listen_speaker = speaker
                speaker.say(text, 1.0, language=language)
            else:
                failed(no_voice_notice(language))
            return
        service = self.service(settings)
        if service is None:
            failed(self.tr("The spoken voice is turned off in Settings."))
            return
        service.request([text], first=True)
        fut = service.future(text)
        if self._listen_timer is not None:
            self._listen_timer.stop()
        timer = QTimer(self)
        self._listen_timer = timer

        def poll() -> None:
            if not fut.done():
                return
            timer.stop()
            try:
                clip = fut.result()
            except Exception as exc:
                failed(voice_failure_notice(exc))
                return
            play(clip)

        timer.timeout.connect(poll)
        timer.start(LISTEN_POLL_MS)
        poll()


def system_voice_for(language: str) -> bool:
    """Whether the system has a voice for ``language`` (Qt's text-to-speech)."""
    return locale_voice_available(language)


def language_name(code: str) -> str:
    """The name of a practice's language, in the app's language."""
    names = {
        "en": QCoreApplication.translate("VoiceLink", "English"),
        "es": QCoreApplication.translate("VoiceLink", "Spanish"),
        "fr": QCoreApplication.translate("VoiceLink", "French"),
        "de": QCoreApplication.translate("VoiceLink", "German"),
        "pt": QCoreApplication.translate("VoiceLink", "Portuguese"),
        "it": QCoreApplication.translate("VoiceLink", "Italian"),
    }
    base = code.lower().replace("_", "-").split("-")[0]
    return names.get(base) or QLocale.languageToString(QLocale(base).language())


def no_voice_notice(language: str) -> str:
    """Said once in the player when nothing can speak the practice's language."""
    text = QCoreApplication.translate(
        "VoiceLink",
        "No voice for {language} is installed on this computer; the words are shown on screen.",
    )
    return text.format(language=language_name(language))


def voice_failure_notice(exc: BaseException | VoiceUnavailable) -> str:
    """One plain sentence, in the app's language, for a voice that cannot speak."""
    kind = getattr(exc, "kind", "text")
    if kind == "missing":
        return QCoreApplication.translate(
            "VoiceLink",
            "The spoken voice is not installed on this computer; the words are shown on screen.",
        )
    if kind == "model":
        return QCoreApplication.translate(
            "VoiceLink",
            "The spoken voice could not be started; the words are shown on screen. Reinstalling KAP Companion repairs it.",  # noqa: E501
        )
    if kind == "voice":
        return QCoreApplication.translate(
            "VoiceLink",
            "The chosen voice is not on this computer; the words are shown on screen. You can choose another voice in Settings.",  # noqa: E501
        )
    return QCoreApplication.translate(
        "VoiceLink", "A passage could not be spoken; its words are shown on screen."
    )
