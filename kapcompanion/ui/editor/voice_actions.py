"""Giving a say step a voice: record, import or remove, then set ``voice:`` in the text."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication

from kapcompanion.audio.voice_clip import ClipReport, VoiceClipError, import_clip, store_clip
from kapcompanion.core.model import SayStep
from kapcompanion.paths import user_practices_dir
from kapcompanion.ui.editor import recorder
from kapcompanion.ui.editor.drafts import EditError, remove_voice, set_voice
from kapcompanion.ui.numbers import decimal

if TYPE_CHECKING:
    from kapcompanion.ui.editor.host import EditorHost

log = logging.getLogger(__name__)

GetRecording = Callable[[list[Any], Any], tuple[np.ndarray | None, bool]]


class VoiceActions(QObject):
    """Works the voice panel of one editor."""

    def __init__(self, editor: EditorHost) -> None:
        super().__init__(editor.window())
        self.ed = editor
        self.devices: list[Any] = []
        self.get_recording: GetRecording = recorder.RecordDialog.get_recording
        editor.voice.record_requested.connect(self.record_voice)
        editor.voice.import_requested.connect(lambda: self.import_voice())
        editor.voice.remove_requested.connect(self.remove_voice)

    def detect_microphones(self) -> bool:
        """Look for microphones (loads QtMultimedia); returns whether any was found."""
        self.devices = recorder.microphones()
        self.ed.voice.set_microphone(bool(self.devices))
        return bool(self.devices)

    def _target(self) -> tuple[int, SayStep] | None:
        ed = self.ed
        ed.check_now()
        index = ed.steps.selected
        steps = ed.practice.steps if ed.practice else ()
        step = steps[index] if 0 <= index < len(steps) else None
        if not isinstance(step, SayStep):
            ed.voice.say(self.tr("Choose a guidance (say) step first."))
            return None
        if not ed.valid:
            ed.voice.say(
                self.tr("Fix the marked problems first, so the voice goes to the right step.")
            )
            return None
        return index, step

    def _apply(self, index: int, step: SayStep, make: Callable[[Path, str], ClipReport]) -> bool:
        ed = self.ed
        assert ed.practice is not None
        name = f"{ed.practice.id}-step{index + 1}"
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            folder = ed.file_path.parent if ed.file_path else user_practices_dir()
            report = make(folder, name)
        except VoiceClipError as exc:
            ed.voice.say(self.clip_message(exc))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        try:
            ed.replace_text(set_voice(ed.text, step.line, report.relative_path))
        except EditError as exc:
            ed.voice.say(
                self.tr("The clip was saved, but the text could not be changed: {e}.").format(e=exc)
            )
            return False
        ed.steps.select(index)
        ed.voice.say(
            self.tr(
                "Step {n} now plays your voice ({s} s; {t} s of silence trimmed, "
                "levelled to match the bells)."
            ).format(
                n=index + 1,
                s=decimal(report.seconds),
                t=decimal(max(0.0, report.trimmed_seconds)),
            )
        )
        return True

    def clip_message(self, exc: VoiceClipError) -> str:
        """The plain message for a refused clip, in the interface's language."""
        messages = {
            "unsupported": self.tr(
                "“{name}” is not a supported audio file. Please choose a WAV, OGG, FLAC or "
                "MP3 file."
            ),
            "unreadable": self.tr(
                "“{name}” could not be read as audio — the file may be damaged. Try "
                "exporting it again as WAV, OGG, FLAC or MP3."
            ),
            "silent": self.tr(
                "The recording seems to be silent. Check that the right microphone was "
                "chosen, or import another file."
            ),
            "short": self.tr(
                "The recording is too short to use (under a fifth of a second of sound). "
                "Please record or import a longer clip."
            ),
            "unwritable": self.tr(
                "The clip could not be saved in {name}. Check there is free space and that "
                "the folder can be written."
            ),
        }
        template = messages.get(exc.kind)
        return template.format(name=exc.name) if template else str(exc)

    def import_voice(self, source: Path | None = None) -> bool:
        """Import ``source`` (or ask for a file) as the chosen say step's voice."""
        target = self._target()
        if target is None:
            return False
        if source is None:
            source = self.ed.choose_audio()
            if source is None:
                return False
        return self._apply(*target, lambda folder, name: import_clip(source, folder, name))

    def record_voice(self) -> bool:
        """Record with the microphone dialog and use the take as the chosen step's voice."""
        target = self._target()
        if target is None:
            return False
        if not self.devices and not self.detect_microphones():
            return False
        samples, ok = self.get_recording(self.devices, self.ed.window())
        if not ok or samples is None:
            return False
        return self._apply(*target, lambda folder, name: store_clip(samples, folder, name))

    def remove_voice(self) -> bool:
        """Take the voice off the chosen say step (the clip file itself is kept)."""
        target = self._target()
        if target is None:
            return False
        index, step = target
        try:
            self.ed.replace_text(remove_voice(self.ed.text, step.line))
        except EditError as exc:
            self.ed.voice.say(str(exc))
            return False
        self.ed.steps.select(index)
        self.ed.voice.say(
            self.tr("Step {n} shows its words again, without a voice.").format(n=index + 1)
        )
        return True
