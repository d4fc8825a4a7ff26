"""Issue 20: renders meet a phone-listening target, measured with pyloudnorm (BS.1770)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pyloudnorm as pyln
import pytest
import soundfile as sf
from scipy.signal import resample_poly

from kapcompanion.audio.loudness import StreamMeter
from kapcompanion.audio.render import GATE_SECONDS, RenderSummary, render_practice
from kapcompanion.audio.voice import VoiceCache, VoiceEngine, VoiceService
from kapcompanion.core.loader import check_text
from kapcompanion.core.model import Practice
from kapcompanion.core.timeline import CHANNEL_SPEECH, compile_practice

TEXT = """\
kapcompanion: 1
id: arriving
title: Arriving
category: prepare
summary: A short practice for trying renders.
sound:
  ambient: rain
steps:
  - say: Welcome. Let yourself arrive, just as you are, and let the breath be easy.
  - silence: 20s
  - reflect:
      prompt: What are you bringing today?
      save_as: word
  - say: "You are arriving with: {word}. Let it be here with you."
  - bell: soft-bell
"""


def practice() -> Practice:
    item, found = check_text(TEXT, "arriving.yaml")
    assert isinstance(item, Practice), found
    return item


def loudness(x: np.ndarray, rate: int) -> float:
    return float(pyln.Meter(rate).integrated_loudness(x))


def true_peak_db(x: np.ndarray) -> float:
    return float(20 * np.log10(np.abs(resample_poly(x, 4, 1, axis=0)).max()))


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, RenderSummary, dict]:
    tmp = tmp_path_factory.mktemp("render")
    summary = RenderSummary()
    with VoiceService(VoiceEngine(), VoiceCache(tmp / "cache")) as voice:
        out = render_practice(practice(), tmp / "arriving.wav", voice=voice, summary=summary)
        lengths = voice.lengths()
    return out, summary, lengths


def test_a_render_is_at_minus_16_lufs_with_peaks_under_minus_1_dbtp(rendered) -> None:
    out, summary, _ = rendered
    x, rate = sf.read(str(out), dtype="float32")
    assert abs(loudness(x, rate) - -16.0) <= 1.0
    assert true_peak_db(x) <= -1.0
    assert abs(summary.loudness - loudness(x, rate)) < 0.1
    assert summary.gates == 1 and summary.spoken


def test_the_voice_is_clearly_above_the_bed_and_silence_keeps_the_bed(rendered) -> None:
    out, _, lengths = rendered
    x, rate = sf.read(str(out), dtype="float32")
    timeline = compile_practice(practice(), gate_seconds=GATE_SECONDS, voice_lengths=lengths)
    meter = pyln.Meter(rate)
    speech = [c for c in timeline.cues if c.channel == CHANNEL_SPEECH]
    first = speech[0]
    a, b = round((first.time + 0.3) * rate), round((first.time + lengths[first.sound]) * rate)
    voiced = meter.integrated_loudness(x[a:b])
    silence = next(s for s in timeline.steps if s.kind == "silence")
    quiet = x[round((silence.start + 5) * rate) : round((silence.start + 15) * rate)]
    bed = meter.integrated_loudness(quiet)
    assert voiced - bed >= 10.0, (voiced, bed)
    windows = quiet[: len(quiet) // 4410 * 4410].reshape(-1, 4410, 2)
    assert (np.abs(windows).max(axis=(1, 2)) > 1e-3).all()  # never digital zero


def test_broadcast_is_minus_23(tmp_path: Path) -> None:
    out = render_practice(practice(), tmp_path / "b.flac", speak=False, loudness="broadcast")
    x, rate = sf.read(str(out), dtype="float32")
    assert abs(loudness(x, rate) - -23.0) <= 1.0 and true_peak_db(x) <= -1.0


def test_lossy_files_keep_the_ceiling_too(tmp_path: Path) -> None:
    out = render_practice(practice(), tmp_path / "p.ogg", speak=False)
    x, rate = sf.read(str(out), dtype="float32")
    assert abs(loudness(x, rate) - -16.0) <= 1.0 and true_peak_db(x) <= -1.0


def test_the_block_meter_matches_pyloudnorm() -> None:
    rng = np.random.default_rng(7)
    rate = 44100
    t = np.arange(rate * 6) / rate
    x = np.stack([0.3 * np.sin(2 * np.pi * 440 * t), 0.05 * rng.standard_normal(len(t))], 1)
    x[rate * 2 : rate * 3] *= 0.01  # a quiet stretch the gates leave out
    meter = StreamMeter(rate, 2)
    for i in range(0, len(x), 12345):
        meter.feed(x[i : i + 12345].astype(np.float32))
    assert abs(meter.integrated() - loudness(x.astype(np.float32), rate)) < 0.05


def test_render_says_what_it_did(tmp_path: Path) -> None:
    path = tmp_path / "arriving.yaml"
    path.write_text(TEXT, encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "kapcompanion", "render", path, "-o", tmp_path / "a.wav"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith(f"Saved “Arriving” to {tmp_path / 'a.wav'} (")
    assert lines[1].startswith("  Length: ")
    assert lines[2] == (
        "  The step that asks for an answer became 5 s of quiet with a soft bell (a file "
        "cannot wait for you)."
    )
    assert lines[3].startswith("  Loudness: -1") and "(target -16 for phone listening)" in lines[3]
