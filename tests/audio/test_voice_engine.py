"""The neural voice itself (the real hibari model): voices present, clips, clean failures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from kapcompanion.audio.voice import (
    SAMPLE_RATE,
    VoiceEngine,
    VoiceUnavailable,
    installed_voices,
)
from kapcompanion.audio.voice.engine import KIND_MISSING, KIND_MODEL, KIND_VOICE, PEAK
from kapcompanion.core.spoken import estimate_seconds

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def engine() -> VoiceEngine:
    return VoiceEngine()


def test_only_voices_present_on_this_computer_are_offered(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("HIBARI_HOME", str(tmp_path))
    assert [v.name for v in installed_voices()] == ["heart"]
    (heart,) = installed_voices()
    assert heart.bundled and heart.path.is_file() and heart.language == "en-US"
    # A voice someone copied into hibari's folder counts; nothing is ever downloaded.
    from hibari.voices import VOICES

    (tmp_path / VOICES["emma"]["file"]).write_bytes(b"x")
    assert [v.name for v in installed_voices()] == ["heart", "emma"]


def test_an_absent_voice_is_absent_not_downloaded(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("HIBARI_HOME", str(tmp_path))
    with pytest.raises(VoiceUnavailable) as caught:
        VoiceEngine("fable").synthesize("Hello.")
    assert caught.value.kind == KIND_VOICE and "fable" in str(caught.value)
    assert list(tmp_path.iterdir()) == []  # no download was even begun


def test_text_becomes_a_trimmed_levelled_clip(engine: VoiceEngine) -> None:
    text = "Find a comfortable seat, and let your shoulders soften."
    clip = engine.synthesize(text)
    assert clip.dtype == np.float32 and clip.ndim == 1 and engine.rate == SAMPLE_RATE
    seconds = len(clip) / SAMPLE_RATE
    assert 0.6 * estimate_seconds(text) < seconds < 1.6 * estimate_seconds(text) + 0.3
    assert float(np.abs(clip).max()) <= PEAK + 1e-6
    # Speech starts at once (the word lands on its cue): sound within the first 30 ms.
    first = np.flatnonzero(np.abs(clip) > 0.01 * np.abs(clip).max())[0]
    assert first < 0.03 * SAMPLE_RATE
    assert np.array_equal(engine.synthesize(text), clip)  # the same text sounds the same


def test_speed_changes_the_pace(engine: VoiceEngine) -> None:
    text = "Breathe in slowly, and let the breath go."
    slow, fast = engine.synthesize(text, 0.8), engine.synthesize(text, 1.2)
    assert len(slow) > 1.2 * len(fast)
    assert len(engine.synthesize(text, 3.0)) == len(fast)  # held to 0.8–1.2


def test_the_app_does_not_import_the_voice_until_needed() -> None:
    code = (
        "import sys, kapcompanion.audio.voice, kapcompanion.audio.render, "
        "kapcompanion.core.timeline\n"
        "print('onnxruntime' in sys.modules, 'hibari.tts' in sys.modules and "
        "'hibari.g2p' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert out.stdout.split() == ["False", "False"]


def test_onnxruntime_missing_is_a_plain_error(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # "import onnxruntime" now fails
    engine = VoiceEngine()
    with pytest.raises(VoiceUnavailable) as caught:
        engine.synthesize("Hello.")
    assert caught.value.kind == KIND_MISSING and "onnxruntime" in str(caught.value)
    assert caught.value.whole_voice
    with pytest.raises(VoiceUnavailable):  # remembered, not retried on every text
        engine.load()


def test_a_damaged_model_is_a_plain_error(tmp_path: Path) -> None:
    bad = tmp_path / "hibari.onnx"
    bad.write_bytes(b"\x08\x01garbage" * 100)
    with pytest.raises(VoiceUnavailable) as caught:
        VoiceEngine(model=bad).synthesize("Hello.")
    assert caught.value.kind == KIND_MODEL and "damaged" in str(caught.value)
    assert "Traceback" not in str(caught.value)


def test_clips_are_as_loud_as_each_other_by_the_broadcast_measure(engine: VoiceEngine) -> None:
    pyloudnorm = pytest.importorskip("pyloudnorm")
    meter = pyloudnorm.Meter(SAMPLE_RATE)
    texts = [
        "Bring your attention to your feet, and notice whatever is there.",
        "Let your breath come and go on its own, without changing anything.",
        "Now your arms, from your shoulders down to your wrists and your hands.",
    ]
    levels = [meter.integrated_loudness(engine.synthesize(t).astype(np.float64)) for t in texts]
    assert all(-26.0 < lufs < -14.0 for lufs in levels), levels  # near the cues, not shouting
    assert max(levels) - min(levels) < 3.0, levels
