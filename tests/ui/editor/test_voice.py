"""Voice for a say step: import (real files), record (the take handed in), remove, refusals."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from kapcompanion.audio.factory import create_player
from kapcompanion.audio.sounds import RATE, SoundBank, sounds_of
from kapcompanion.audio.synth import CUE_LOUDNESS_DB, loudness_db, peak_db
from kapcompanion.core.loader import check_file
from kapcompanion.core.timeline import compile_practice
from kapcompanion.paths import user_practices_dir
from kapcompanion.ui.editor import recorder
from tests.audio.test_voice_clip import speechlike, with_silence


def _take(tmp_path: Path, fmt: str = "WAV", suffix: str = ".wav") -> Path:
    src = tmp_path / f"welcome{suffix}"
    sf.write(src, with_silence(speechlike(2.5, 48000, 0.2), 48000, 1.0, 1.0), 48000, format=fmt)
    return src


@pytest.mark.parametrize(("fmt", "suffix"), [("WAV", ".wav"), ("FLAC", ".flac"), ("OGG", ".ogg")])
def test_import_sets_voice_and_the_practice_validates_and_plays(
    win, open_editor, tmp_path, fmt, suffix
) -> None:
    ed = open_editor()
    ed.steps.select(0)
    ed.choose_audio = lambda: _take(tmp_path, fmt, suffix)
    ed.voice.import_.click()

    clip = user_practices_dir() / "audio" / "my-practice-step1.ogg"
    assert clip.is_file()
    lines = ed.text.split("\n")
    assert lines[6].startswith("  - say: Find a comfortable position.")
    assert lines[7] == "    voice: audio/my-practice-step1.ogg"
    assert ed.valid, ed.diagnostics
    step = ed.practice.steps[0]
    assert step.voice == clip
    decoded, rate = sf.read(clip, dtype="float64")
    assert rate == RATE
    assert abs(loudness_db(decoded) - CUE_LOUDNESS_DB) <= 1.0
    assert peak_db(decoded) < -1.0
    assert len(decoded) / RATE < 3.0  # 2 s of silence trimmed from the 4.5 s take
    assert step.duration == pytest.approx(len(decoded) / RATE, abs=0.05)  # the clip's length
    assert "Step 1 now plays your voice" in ed.voice.status.text()
    assert "my-practice-step1.ogg" in ed.voice.what.text()
    assert ed.voice.remove.isEnabled()

    assert ed.save()
    practice, problems = check_file(user_practices_dir() / "my-practice.yaml")
    assert practice is not None and not [d for d in problems if d.is_error]
    timeline = compile_practice(practice)
    assert str(clip) in sounds_of(timeline)
    assert SoundBank().load(sounds_of(timeline)) == []  # the real decoder reads the clip
    player = create_player()
    try:
        assert player.prepare(timeline) == []
    finally:
        player.shutdown()


def test_remove_voice_and_reimport_replace_the_key_in_place(open_editor, tmp_path) -> None:
    ed = open_editor()
    original = ed.text
    ed.steps.select(0)
    assert ed.voice_actions.import_voice(_take(tmp_path))
    assert ed.voice_actions.import_voice(_take(tmp_path, "FLAC", ".flac"))
    assert ed.text.count("voice:") == 1
    ed.voice.remove.click()
    assert ed.text == original
    assert "without a voice" in ed.voice.status.text()
    assert (user_practices_dir() / "audio" / "my-practice-step1.ogg").is_file()  # kept
    ed.edit.undo()
    assert "voice: audio/my-practice-step1.ogg" in ed.text


def test_unsupported_and_corrupt_files_get_plain_messages(open_editor, tmp_path) -> None:
    ed = open_editor()
    before = ed.text
    ed.steps.select(0)
    m4a = tmp_path / "memo.m4a"
    m4a.write_bytes(b"\x00\x00\x00\x18ftypM4A " + bytes(500))
    assert not ed.voice_actions.import_voice(m4a)
    msg = ed.voice.status.text()
    assert "memo.m4a" in msg and "WAV, OGG, FLAC or MP3" in msg
    bad = tmp_path / "broken.flac"
    bad.write_bytes(b"fLaC" + bytes(range(256)) * 8)
    assert not ed.voice_actions.import_voice(bad)
    assert "broken.flac" in ed.voice.status.text()
    assert "could not be read" in ed.voice.status.text()
    assert ed.text == before
    assert not (user_practices_dir() / "audio").exists()


def test_voice_needs_a_say_step_and_a_text_without_errors(open_editor, tmp_path) -> None:
    ed = open_editor()
    ed.steps.select(1)  # breathe
    assert not ed.voice.import_.isEnabled()
    assert not ed.voice_actions.import_voice(_take(tmp_path))
    assert "say" in ed.voice.status.text()
    ed.steps.select(0)
    ed.replace_text(ed.text.replace("category: anytime", "category: later"))
    assert not ed.voice_actions.import_voice(_take(tmp_path))
    assert "Fix the marked problems first" in ed.voice.status.text()
    assert "voice:" not in ed.text


def test_no_microphone_disables_record_and_says_so(open_editor, qtbot) -> None:
    ed = open_editor()
    found = recorder.microphones()
    qtbot.waitUntil(lambda: ed.voice_actions.devices == found or not found, timeout=3000)
    assert ed.voice_actions.detect_microphones() == bool(found)
    ed.voice.set_microphone(False)  # what this machine (and any without a mic) shows
    ed.steps.select(0)
    assert not ed.voice.record.isEnabled()
    assert ed.voice.no_mic.isVisibleTo(ed)
    assert ed.voice.no_mic.text() == "No microphone found — you can import a recording instead."
    assert ed.voice.import_.isEnabled()  # import still works
    assert "No microphone found" in ed.voice.record.accessibleDescription()


def test_a_recorded_take_is_processed_like_an_import(open_editor) -> None:
    """The recording dialog hands back samples; they are trimmed, levelled and used."""
    ed = open_editor()
    take = with_silence(speechlike(1.5, RATE, 0.1), RATE, 0.8, 0.8)
    ed.voice_actions.devices = ["a microphone"]
    ed.voice_actions.get_recording = lambda devices, parent: (take, True)
    ed.voice.set_microphone(True)
    ed.steps.select(0)
    assert ed.voice.record.isEnabled()
    ed.voice.record.click()
    clip = user_practices_dir() / "audio" / "my-practice-step1.ogg"
    decoded, _ = sf.read(clip, dtype="float64")
    assert len(decoded) / RATE == pytest.approx(1.5 + 0.3, abs=0.05)
    assert abs(loudness_db(decoded) - CUE_LOUDNESS_DB) <= 1.0
    assert "voice: audio/my-practice-step1.ogg" in ed.text
    ed.voice_actions.get_recording = lambda devices, parent: (None, False)  # cancelled
    before = ed.text
    assert not ed.voice_actions.record_voice()
    assert ed.text == before


def test_meter_and_sample_conversion() -> None:
    pcm = (np.array([0, 16384, -32768, 8192], dtype="<i2")).tobytes()
    x = recorder.to_float(pcm, "Int16", 1)
    assert list(x) == [0.0, 0.5, -1.0, 0.25]
    stereo = recorder.to_float(np.array([0.5, -0.5, 1.0, 0.0], dtype="<f4").tobytes(), "Float", 2)
    assert list(stereo) == [0.0, 0.5]
    assert recorder.level(np.zeros(100)) == 0.0
    assert recorder.level(np.array([1.0])) == 1.0
    assert recorder.level(np.array([10 ** (-30 / 20)])) == pytest.approx(0.5)


def test_without_qtmultimedia_there_is_no_microphone_and_import_still_works(
    open_editor, tmp_path, monkeypatch
) -> None:
    import sys

    import PySide6

    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)  # as if not installed
    monkeypatch.delattr(PySide6, "QtMultimedia", raising=False)
    monkeypatch.setattr(recorder, "_tried", False)
    monkeypatch.setattr(recorder, "_multimedia", None)
    ed = open_editor()
    assert recorder.multimedia() is None
    assert not ed.voice_actions.detect_microphones()
    ed.steps.select(0)
    assert not ed.voice.record.isEnabled() and ed.voice.no_mic.isVisibleTo(ed)
    assert not ed.voice_actions.record_voice()
    assert ed.voice_actions.import_voice(_take(tmp_path))
