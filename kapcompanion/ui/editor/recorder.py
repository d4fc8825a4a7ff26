"""Recording a voice clip with QtMultimedia: choose a microphone, watch the level, listen back.

QtMultimedia is an add-on that may be missing or slow to load, so it is imported only
when the editor first asks for microphones, and any failure just means "no microphone"
(importing a file still works).
"""

from __future__ import annotations

import logging
from types import ModuleType
from typing import Any

import numpy as np
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.audio.sounds import RATE, resample
from kapcompanion.ui.numbers import decimal

log = logging.getLogger(__name__)

_multimedia: ModuleType | None = None
_tried = False
#: Longest recording kept (a say step's clip, not a podcast).
MAX_SECONDS = 10 * 60


def multimedia() -> ModuleType | None:
    """PySide6.QtMultimedia, imported on first use; None when it cannot be loaded."""
    global _multimedia, _tried
    if not _tried:
        _tried = True
        try:
            # lazy: start-up speed (QtMultimedia loads slowly), and the add-on may be missing
            from PySide6 import QtMultimedia

            _multimedia = QtMultimedia
        except Exception as exc:  # an add-on: a missing or broken one means no recording
            log.warning("QtMultimedia is not available: %s", exc)
            _multimedia = None
    return _multimedia


def microphones() -> list[Any]:
    """The audio inputs (QAudioDevice) found now; empty when none or no QtMultimedia."""
    qm = multimedia()
    if qm is None:
        return []
    try:
        return list(qm.QMediaDevices.audioInputs())
    except Exception as exc:  # a broken audio backend is the same as no microphone
        log.warning("cannot list microphones: %s", exc)
        return []


def to_float(data: bytes, sample_format: str, channels: int) -> np.ndarray:
    """Raw input bytes as float64 mono in -1..1 (``sample_format``: Int16, Int32, Float, UInt8)."""
    dtype = {"Int16": "<i2", "Int32": "<i4", "Float": "<f4", "UInt8": "u1"}[sample_format]
    x = np.frombuffer(data, dtype=dtype).astype(np.float64)
    if sample_format == "Int16":
        x /= 32768.0
    elif sample_format == "Int32":
        x /= 2147483648.0
    elif sample_format == "UInt8":
        x = (x - 128.0) / 128.0
    channels = max(1, channels)
    usable = len(x) - len(x) % channels
    return x[:usable].reshape(-1, channels).mean(axis=1)


def level(samples: np.ndarray) -> float:
    """The meter's reading, 0..1: peak on a dB scale from -60 dBFS to 0."""
    if len(samples) == 0:
        return 0.0
    peak = float(np.max(np.abs(samples)))
    if peak <= 1e-3:
        return 0.0
    return min(1.0, max(0.0, 1.0 + 20.0 * np.log10(peak) / 60.0))


class RecordDialog(QDialog):
    """Record, stop, listen back, record again, then use the take (see :meth:`get_recording`)."""

    def __init__(self, devices: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record your voice"))
        self.qm = multimedia()
        self.devices = devices
        self.source: Any = None
        self.sink: Any = None
        self.io: QIODevice | None = None
        self.raw = bytearray()
        self.format_name = "Int16"
        self.channels = 1
        self.rate = RATE
        self.samples: np.ndarray | None = None
        self.mic = QComboBox()
        self.mic.setAccessibleName(self.tr("Microphone"))
        for dev in devices:
            self.mic.addItem(dev.description())
        self.meter = QProgressBar()
        self.meter.setRange(0, 100)
        self.meter.setTextVisible(False)
        self.meter.setAccessibleName(self.tr("Input level"))
        self.status = QLabel(self.tr("Press Record and speak as you would to your client."))
        self.status.setWordWrap(True)
        self.record = QPushButton(self.tr("Record"))
        self.stop = QPushButton(self.tr("Stop"))
        self.listen = QPushButton(self.tr("Listen back"))
        self.use = QPushButton(self.tr("Use this recording"))
        self.use.setProperty("primary", True)
        cancel = QPushButton(self.tr("Cancel"))
        for b in (self.stop, self.listen, self.use):
            b.setEnabled(False)
        self.record.clicked.connect(self.start_recording)
        self.stop.clicked.connect(self.stop_all)
        self.listen.clicked.connect(self.play_back)
        self.use.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        row = QHBoxLayout()
        for b in (self.record, self.stop, self.listen):
            row.addWidget(b)
        row.addStretch(1)
        end = QHBoxLayout()
        end.addStretch(1)
        end.addWidget(cancel)
        end.addWidget(self.use)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Microphone")))
        lay.addWidget(self.mic)
        lay.addWidget(self.meter)
        lay.addWidget(self.status)
        lay.addLayout(row)
        lay.addLayout(end)
        self.limit = QTimer(self)
        self.limit.setSingleShot(True)
        self.limit.timeout.connect(self.stop_all)
        # PySide6 6.12 cannot hand QAudioSink.stateChanged to a Python slot ("QAudio::State
        # cannot be converted"), so the end of a playback is noticed by looking now and then.
        self.playing = QTimer(self)
        self.playing.setInterval(100)
        self.playing.timeout.connect(self._check_playback)

    def start_recording(self) -> None:
        """Begin a new take (a re-take replaces the last one)."""
        if self.qm is None or not self.devices:
            return
        self.stop_all()
        dev = self.devices[self.mic.currentIndex()]
        fmt = dev.preferredFormat()
        sf = self.qm.QAudioFormat.SampleFormat
        if dev.isFormatSupported(_with_format(fmt, sf.Int16)):
            fmt = _with_format(fmt, sf.Int16)
        self.format_name = fmt.sampleFormat().name
        if self.format_name not in ("Int16", "Int32", "Float", "UInt8"):
            self.status.setText(self.tr("This microphone's sound format is not supported."))
            return
        self.channels = fmt.channelCount()
        self.rate = fmt.sampleRate()
        self.raw = bytearray()
        self.samples = None
        self.source = self.qm.QAudioSource(dev, fmt, self)
        self.io = self.source.start()
        if self.io is None:
            self.status.setText(
                self.tr("The microphone could not be opened. Is another app using it?")
            )
            return
        self.io.readyRead.connect(self._read)
        self.limit.start(MAX_SECONDS * 1000)
        self.status.setText(self.tr("Recording… press Stop when you have finished."))
        self.record.setEnabled(False)
        self.stop.setEnabled(True)
        self.listen.setEnabled(False)
        self.use.setEnabled(False)

    def _read(self) -> None:
        if self.io is None:
            return
        chunk = bytes(self.io.readAll().data())
        self.raw.extend(chunk)
        self.meter.setValue(round(100 * level(to_float(chunk, self.format_name, self.channels))))

    def stop_all(self) -> None:
        """Stop recording or playing back; keep the take."""
        self.limit.stop()
        if self.source is not None:
            self.source.stop()
            self.source.deleteLater()
            self.source = None
            self.io = None
            mono = to_float(bytes(self.raw), self.format_name, self.channels)
            self.samples = resample(mono[:, None].astype(np.float32), self.rate, RATE)[:, 0]
            seconds = len(self.samples) / RATE
            self.status.setText(
                self.tr("Recorded {s} seconds. Listen back, record again, or use it.").format(
                    s=decimal(seconds)
                )
            )
        if self.sink is not None:
            self.playing.stop()
            self.sink.stop()
            self.sink.deleteLater()
            self.sink = None
        self.meter.setValue(0)
        again = self.samples is not None
        self.record.setText(self.tr("Record again") if again else self.tr("Record"))
        self.record.setEnabled(True)
        self.stop.setEnabled(False)
        has = self.samples is not None and len(self.samples) > 0
        self.listen.setEnabled(has)
        self.use.setEnabled(has)

    def play_back(self) -> None:
        """Play the take through the default output."""
        if self.qm is None or self.samples is None:
            return
        self.stop_all()  # a second Listen back starts over instead of playing on top
        fmt = self.qm.QAudioFormat()
        fmt.setSampleRate(RATE)
        fmt.setChannelCount(1)
        fmt.setSampleFormat(self.qm.QAudioFormat.SampleFormat.Int16)
        pcm = (np.clip(self.samples, -1, 1) * 32767).astype("<i2").tobytes()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pcm))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.sink = self.qm.QAudioSink(self.qm.QMediaDevices.defaultAudioOutput(), fmt, self)
        self.sink.start(self._buffer)
        self.stop.setEnabled(True)
        self.playing.start()

    def _check_playback(self) -> None:
        """After the take has played to its end, release the output and offer Stop no more."""
        sink = self.sink
        if (
            self.qm is not None
            and sink is not None
            and sink.state() == self.qm.QtAudio.State.IdleState
        ):
            self.stop_all()

    def done(self, result: int) -> None:  # noqa: D102
        self.stop_all()
        super().done(result)

    @classmethod
    def get_recording(
        cls, devices: list[Any], parent: QWidget | None = None
    ) -> tuple[np.ndarray | None, bool]:
        """Open the dialog; the take (mono at RATE) and whether the person chose to use it."""
        dlg = cls(devices, parent)
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        ok = dlg.exec() == QDialog.DialogCode.Accepted
        return (dlg.samples if ok else None), ok and dlg.samples is not None


def _with_format(fmt: Any, sample_format: Any) -> Any:
    qm = multimedia()
    assert qm is not None
    out = qm.QAudioFormat(fmt)
    out.setSampleFormat(sample_format)
    return out
