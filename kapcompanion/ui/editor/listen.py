"""The editor's "Listen": hear one step as the client will, without recording.

A step with a recorded clip plays the clip (it always wins); otherwise the step's words
are said by the app's voice (the offline voice for English, asked for first, ahead of
anything queued; the system's voice for the practice's language otherwise).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kapcompanion.core.model import Practice, SayStep, Step
from kapcompanion.core.spoken import step_speech
from kapcompanion.ui.voice_link import VoiceLink

if TYPE_CHECKING:
    import numpy as np

    from kapcompanion.audio.preview import ClipPlayer

log = logging.getLogger(__name__)


class StepListener(QObject):
    """Says a step aloud; :attr:`said` carries a status line for the voice panel."""

    said = Signal(str)

    def __init__(self, link: VoiceLink | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.link = link or VoiceLink(self)
        self._player: ClipPlayer | None = None
        #: Texts handed to a voice, newest last (for tests).
        self.heard: list[str] = []

    def _clips(self) -> ClipPlayer:
        if self._player is None:
            # lazy: pygame's mixer is opened only when someone listens
            from kapcompanion.audio.preview import ClipPlayer

            self._player = ClipPlayer()
        return self._player

    def listen(self, practice: Practice, step: Step) -> None:
        """Say ``step`` of ``practice`` now."""
        settings = self.link.settings
        volume = settings.volumes.master * settings.volumes.voice
        clips = self._clips()
        if isinstance(step, SayStep) and step.voice is not None:
            if clips.play_file(step.voice, volume):
                self.said.emit(self.tr("Playing the recorded clip."))
            else:
                self.said.emit(self.tr("The recorded clip could not be played here."))
            return
        got = step_speech(step)
        if got is None:
            self.said.emit(self.tr("This step has no words to say."))
            return
        text = got[0]
        self.heard.append(text)
        del self.heard[:-10]

        def play(clip: np.ndarray) -> None:
            from kapcompanion.audio.voice import SAMPLE_RATE

            if clips.play_samples(clip, SAMPLE_RATE, volume):
                self.said.emit(self.tr("Speaking the step."))
            else:
                self.said.emit(self.tr("No sound device was found, so nothing can be heard."))

        self.said.emit(self.tr("Getting the voice ready…"))
        self.link.listen(text, practice.language, settings, play, self.said.emit)

    def stop(self) -> None:
        """Stop what is sounding."""
        if self._player is not None:
            self._player.stop()
