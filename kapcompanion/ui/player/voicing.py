"""The player's voice: the synthetic voice live, the system's voice, and their notices.

When a practice opens, :meth:`PlayerVoicing.open` starts saying it (English: the offline
voice, first needed first, on the voice's own thread) and gives the timeline compiled with
the lengths known so far. As clips arrive (:attr:`VoiceLink.arrived`, queued to the UI
thread) they are handed to the audio player and the steps still ahead are retimed, so the
words always fit their steps. Answers given at a question that later steps say are
synthesised after the question, and those steps retimed the same way.

A practice in another language is said by the system's voice for that language when
one is installed; otherwise the player says so once and shows the words.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from kapcompanion.core.model import Phase, Practice
from kapcompanion.core.session import Session, Status
from kapcompanion.core.spoken import is_english
from kapcompanion.core.timeline import CHANNEL_SPEECH, CHANNEL_VOICE, Timeline, compile_practice
from kapcompanion.settings import Settings
from kapcompanion.ui.player.sound_choices import tuned_timeline
from kapcompanion.ui.speech import Speaker
from kapcompanion.ui.voice_link import (
    VoiceLink,
    no_voice_notice,
    system_voice_for,
    voice_failure_notice,
)

if TYPE_CHECKING:
    from kapcompanion.audio.base import Player
    from kapcompanion.audio.voice.live import LiveVoice

log = logging.getLogger(__name__)

#: Arrivals are gathered for this long before the steps ahead are retimed (ms).
GATHER_MS = 40
#: Seconds Play waits at most for the first words (a cold start takes about 1.5 s here).
FIRST_WAIT = 3.0


class PlayerVoicing(QObject):
    """Keeps one practice's voice in step with its session (owned by the player view).

    Args:
        retimed: called with the new timeline: after the steps ahead were retimed (the
            session and the player follow it already), or before play (the owner makes
            the session and the player afresh from it).
        notice: called with a sentence to show once in the player.
        link: the app's voice (service, cache folder); one is made when not given.
    """

    def __init__(
        self,
        retimed: Callable[[Timeline], None],
        notice: Callable[[str], None],
        parent: QObject | None = None,
        link: VoiceLink | None = None,
    ) -> None:
        super().__init__(parent)
        self.link = link or VoiceLink(self)
        self._retimed = retimed
        self._notice = notice
        self.live: LiveVoice | None = None
        #: The system's voice (Qt's text-to-speech), for other languages and read-aloud.
        self.speaker = Speaker(self)
        self.session: Session | None = None
        self.player: Player | None = None
        self.settings = Settings()
        self.practice: Practice | None = None
        self.start_step = 0
        #: The system's voice says this practice (not English, a voice installed).
        self.system_voice = False
        self._said: set[str] = set()
        self._hold_since: float | None = None
        self._gather = QTimer(self)
        self._gather.setSingleShot(True)
        self._gather.setInterval(GATHER_MS)
        self._gather.timeout.connect(self.follow)
        self.link.arrived.connect(self._gather.start)

    def open(
        self,
        practice: Practice,
        settings: Settings,
        player: Player | None,
        values: dict[str, object],
        start_step: int = 0,
    ) -> Timeline:
        """Start saying ``practice``; the timeline with the voice's lengths known now."""
        self.close()
        self.practice, self.settings, self.player = practice, settings, player
        self.start_step = start_step
        self.system_voice = False
        self._said = set()
        self._hold_since = None
        if settings.voice_on and not is_english(practice.language):
            self.system_voice = system_voice_for(practice.language)
            if not self.system_voice:
                self._say_once(no_voice_notice(practice.language))
        try:
            self.live = self.link.open(
                practice, settings, player, values=values, start_step=start_step
            )
        except Exception:  # the practice plays with its words on screen
            log.exception("voice: could not start for %s", practice.id)
            self.live = None
        timeline = None
        if self.live is not None:
            timeline = self.live.timeline()
        if timeline is None:
            timeline = compile_practice(practice, values=values)
        self._check_errors()
        return tuned_timeline(timeline, settings)

    def attach(self, session: Session) -> None:
        """Follow ``session`` (made from the timeline :meth:`open` gave); take clips ready."""
        self.session = session
        self.follow()

    def hold(self, now: float) -> bool:
        """Whether Play should wait a moment longer for the first words.

        Only when they come within :data:`FIRST_WAIT` seconds of the start, and at most
        that long: a cold start from nothing takes about 1.5 s on a quiet machine.
        """
        live, session = self.live, self.session
        if live is None or live.first_ready():
            return False
        first = live.first_step()
        steps = session.timeline.steps if session is not None else ()
        ahead = (
            steps[first].start - session.position
            if session is not None and first is not None and first < len(steps)
            else 0.0
        )
        if ahead > FIRST_WAIT:  # later words (after an opening bell) are made as it plays
            return False
        if self._hold_since is None:
            self._hold_since = now
        return now - self._hold_since < FIRST_WAIT

    def answered(self, values: dict[str, object]) -> None:
        """An answer was given: texts it fills are said next (and steps ahead retimed)."""
        if self.live is not None:
            self.live.set_values(values, first=True)
            self.follow()

    def follow(self) -> None:
        """Hand arrived clips to the player and retime the steps still ahead."""
        self._take_clips()
        self._check_errors()
        live, session = self.live, self.session
        if live is None or session is None or self.practice is None or session.done:
            return
        started = session.status is not Status.READY
        timeline = live.timeline(session.current_step if started else None)
        if timeline is None:
            return
        timeline = tuned_timeline(timeline, self.settings)
        if len(timeline.segments) != len(session.timeline.segments):
            log.warning("voice: a retimed timeline does not match; keeping the old one")
            return
        if started:
            session.retime(timeline)
            if self.player is not None:
                self.player.retime(timeline)
        self._retimed(timeline)

    def read_aloud(
        self, session: Session, index: int, text: str, phase: Phase | None, volume: float
    ) -> None:
        """The system's voice, where neither a clip nor the synthetic voice says the words.

        It speaks a practice in another language (when a voice for it is installed), or
        with "Read guidance aloud" when the synthetic voice is off or cannot speak.
        """
        wanted = self.system_voice or self.settings.read_aloud
        if not (wanted and text and phase in (Phase.SAY, Phase.SILENCE)) or not self.practice:
            return
        voiced = any(
            c.segment == index and c.channel in (CHANNEL_VOICE, CHANNEL_SPEECH)
            for c in session.timeline.cues
        )
        if not voiced:
            self.speaker.say(text, volume, language=self.practice.language)

    def _take_clips(self) -> None:
        if self.live is None:
            return
        for text, data in self.live.drain():
            if self.player is not None:
                self.player.add_speech(text, data)

    def _check_errors(self) -> None:
        live = self.live
        if live is None:
            return
        if live.error is not None:
            self._say_once(voice_failure_notice(live.error))
        elif live.failed:
            self._say_once(voice_failure_notice(RuntimeError()))

    def _say_once(self, text: str) -> None:
        if text not in self._said:
            self._said.add(text)
            self._notice(text)

    def close(self) -> None:
        """Stop following the practice; its private clips are forgotten."""
        self._gather.stop()
        if self.live is not None:
            self.live.close()
        self.live = None
        self.session = None
