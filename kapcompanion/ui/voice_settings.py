"""Settings → Voice: the built-in voice, which one, its pace, spoken breath cues, its cache.

The cache's size is shown with a button to clear it (clips are made again when needed).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.settings import MAX_VOICE_SPEED, MIN_VOICE_SPEED, Settings
from kapcompanion.ui.numbers import decimal
from kapcompanion.ui.wrap_check import WrapCheckBox

if TYPE_CHECKING:
    from kapcompanion.audio.voice import VoiceCache

log = logging.getLogger(__name__)


def _megabytes(n: int) -> str:
    return decimal(n / 1e6, 1)


class VoiceTab(QWidget):
    """The Voice tab of Settings; :meth:`apply` writes its choices into settings."""

    def __init__(
        self, settings: Settings, cache_folder: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.cache_folder = cache_folder
        form = QFormLayout(self)
        form.setSpacing(14)
        self.voice_on = WrapCheckBox(self.tr("Speak each practice's words with the built-in voice"))
        self.voice_on.setAccessibleName(self.voice_on.text())
        self.voice_on.setChecked(settings.voice_on)
        form.addRow("", self.voice_on)
        note = QLabel(
            self.tr(
                "The voice works offline, on this computer. It speaks English; practices in "
                "other languages use your system's voice for that language, if there is one."
            )
        )
        note.setProperty("role", "muted")
        note.setWordWrap(True)
        form.addRow("", note)
        self.voice_name = QComboBox()
        self.voice_name.setAccessibleName(self.tr("Which voice"))
        voices = self._installed()
        for name, label in voices:
            self.voice_name.addItem(label, name)
        i = self.voice_name.findData(settings.voice_name)
        self.voice_name.setCurrentIndex(max(i, 0))
        self.voice_name.setEnabled(bool(voices))
        form.addRow(self.tr("Voice"), self.voice_name)
        self.no_voice = QLabel(
            self.tr("No voice is installed on this computer; the words are shown on screen.")
        )
        self.no_voice.setProperty("role", "muted")
        self.no_voice.setWordWrap(True)
        self.no_voice.setVisible(not voices)
        form.addRow("", self.no_voice)
        self.speed = QSlider(Qt.Orientation.Horizontal)
        self.speed.setRange(round(MIN_VOICE_SPEED * 100), round(MAX_VOICE_SPEED * 100))
        self.speed.setSingleStep(5)
        self.speed.setPageStep(10)
        self.speed.setValue(round(settings.voice_speed * 100))
        self.speed.setAccessibleName(self.tr("Pace of the voice"))
        self.speed_label = QLabel()
        self.speed.valueChanged.connect(self._show_speed)
        self._show_speed(self.speed.value())
        row = QHBoxLayout()
        row.addWidget(self.speed, 1)
        row.addWidget(self.speed_label)
        form.addRow(self.tr("Pace"), row)
        self.spoken_cues = WrapCheckBox(self.tr("Say the first breaths aloud: “in”, “hold”, “out”"))
        self.spoken_cues.setAccessibleName(self.spoken_cues.text())
        self.spoken_cues.setToolTip(
            self.tr("On the first three breaths of a breathing practice; tones after that.")
        )
        self.spoken_cues.setChecked(settings.spoken_cues)
        form.addRow("", self.spoken_cues)
        self.cache_label = QLabel()
        self.cache_label.setWordWrap(True)
        self.clear = QPushButton(self.tr("Clear"))
        self.clear.setAccessibleName(self.tr("Clear the saved speech"))
        self.clear.clicked.connect(self.clear_cache)
        # the words above the button: a wrapped label beside a button is cut at the top
        cache_row = QVBoxLayout()
        cache_row.addWidget(self.cache_label)
        cache_row.addWidget(self.clear, 0, Qt.AlignmentFlag.AlignLeft)
        form.addRow(self.tr("Saved speech"), cache_row)
        self.voice_on.toggled.connect(self._enable)
        self._enable(settings.voice_on)
        self.show_cache()

    def _installed(self) -> list[tuple[str, str]]:
        try:
            from kapcompanion.audio.voice import installed_voices

            found = installed_voices()
        except Exception:  # a broken install: no voices to offer
            log.exception("voices could not be listed")
            return []
        out = []
        for v in found:
            british = v.language == "en-GB"
            accent = self.tr("British English") if british else self.tr("American English")
            out.append((v.name, f"{v.name.title()} ({accent})"))
        return out

    def _show_speed(self, value: int) -> None:
        text = self.tr("{n}×").format(n=decimal(value / 100, 2))
        self.speed_label.setText(text)
        self.speed.setAccessibleDescription(text)

    def _enable(self, on: bool) -> None:
        for w in (self.voice_name, self.speed, self.spoken_cues):
            w.setEnabled(on and (w is not self.voice_name or self.voice_name.count() > 0))

    def _cache(self) -> VoiceCache | None:
        if self.cache_folder is None:
            return None
        from kapcompanion.audio.voice import VoiceCache

        return VoiceCache(self.cache_folder)

    def show_cache(self) -> None:
        """Show how much space the saved speech takes."""
        cache = self._cache()
        size = cache.size() if cache is not None else 0
        self.cache_label.setText(
            self.tr("{mb} MB of speech saved on this computer, so practices start at once.").format(
                mb=_megabytes(size)
            )
        )
        self.clear.setEnabled(size > 0)

    def clear_cache(self) -> None:
        """Remove the saved speech (it is made again when next needed)."""
        cache = self._cache()
        if cache is not None:
            try:
                cache.clear()
            except OSError as exc:
                log.warning("the voice cache could not be cleared: %s", exc)
        self.show_cache()

    def apply(self, settings: Settings) -> Settings:
        """``settings`` with the voice fields as chosen here."""
        name = self.voice_name.currentData()
        return replace(
            settings,
            voice_on=self.voice_on.isChecked(),
            voice_speed=self.speed.value() / 100,
            voice_name=str(name) if name else settings.voice_name,
            spoken_cues=self.spoken_cues.isChecked(),
        )
