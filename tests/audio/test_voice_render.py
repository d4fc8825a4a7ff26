"""Renders carry the voice: heard on time (an offline recogniser listens), bed ducked,
fallbacks that still give a file and say why."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from kapcompanion.audio.render import (
    GATE_SECONDS,
    NOT_ENGLISH,
    TAIL,
    RenderSummary,
    render_practice,
)
from kapcompanion.audio.sounds import resample
from kapcompanion.audio.voice import VoiceCache, VoiceEngine, VoiceService
from kapcompanion.audio.voice.cache import SUFFIX
from kapcompanion.core.loader import load_practice
from kapcompanion.core.model import Practice, ReflectStep, SayStep, SilenceStep
from kapcompanion.core.spoken import spoken_items
from kapcompanion.core.timeline import compile_practice
from tests.audio.fixtures import practice

ROOT = Path(__file__).resolve().parents[2]
BODY_SCAN = ROOT / "scripts" / "prepare" / "body-scan-short.yaml"
#: Words the recogniser is not asked to find: too short or too common to mean much.
STOP = set(
    [
        "a",
        "an",
        "and",
        "the",
        "your",
        "you",
        "to",
        "of",
        "in",
        "on",
        "or",
        "at",
        "is",
        "it",
        "as",
        "be",
        "can",
        "this",
        "that",
        "with",
        "any",
        "may",
        "might",
        "let",
        "just",
        "now",
        "here",
        "there",
        "into",
        "from",
        "for",
        "will",
        "if",
        "are",
        "so",
        "by",
        "its",
    ]
)


def small() -> Practice:
    return practice(
        [
            SayStep("Welcome. Let your shoulders soften.", 3.0, explicit=False),
            SilenceStep(4.0, "Rest here."),
            ReflectStep("What do you notice?"),
        ],
        ambient="brown-noise",
    )


def test_a_voice_that_cannot_start_still_renders_and_says_so(tmp_path: Path) -> None:
    bad = tmp_path / "bad.onnx"
    bad.write_bytes(b"not a model")
    notes: list[str] = []
    p = small()
    with VoiceService(VoiceEngine(model=bad)) as voice:
        out = render_practice(p, tmp_path / "out.wav", voice=voice, warnings=notes)
    assert any("damaged" in n and "no spoken guidance" in n for n in notes), notes
    info = sf.info(str(out))
    plain = compile_practice(p, gate_seconds=GATE_SECONDS)
    assert info.frames == round((plain.total + TAIL) * 44100)


def test_a_spanish_practice_is_never_spoken_with_the_english_voice(tmp_path: Path) -> None:
    p = replace(small(), language="es")
    notes: list[str] = []
    with VoiceService(VoiceEngine()) as voice:
        render_practice(p, tmp_path / "es.wav", voice=voice, warnings=notes)
        assert voice.synthesised == 0 and voice.pending() == 0
    assert NOT_ENGLISH in notes


def test_speech_progress_and_the_voice_lengthens_the_file(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    p = small()
    cache = tmp_path / "cache"
    out = render_practice(
        p, tmp_path / "v.wav", voice_cache=cache, speech_progress=lambda d, n: seen.append((d, n))
    )
    assert seen[0] == (0, 3) and seen[-1] == (3, 3) and len(seen) == 4
    assert len(list(cache.glob(f"*{SUFFIX}"))) == 3
    with VoiceService(VoiceEngine(), VoiceCache(cache)) as voice:
        voice.request(spoken_items(p))
        lengths = {i.text: len(voice.wait(i.text, 60)) / 24000 for i in spoken_items(p)}
    timeline = compile_practice(p, gate_seconds=GATE_SECONDS, voice_lengths=lengths)
    assert sf.info(str(out)).frames == round((timeline.total + TAIL) * 44100)
    assert timeline.total > compile_practice(p, gate_seconds=GATE_SECONDS).total


def test_the_clients_words_are_rendered_but_never_cached(tmp_path: Path) -> None:
    p = practice([SayStep("Before your session you wrote: {intention}", 3.0, explicit=False)])
    cache = tmp_path / "cache"
    out = render_practice(
        p, tmp_path / "mine.wav", voice_cache=cache, values={"intention": "to rest"}
    )
    x, _ = sf.read(str(out))
    assert np.abs(x).max() > 0.05  # spoken
    assert not cache.exists() or not list(cache.iterdir())


def _content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z']+", text.lower()) if w not in STOP and len(w) > 2]


def _heard(decoder, audio: np.ndarray, rate: int) -> set[str]:
    pcm16 = resample(audio[:, None].astype(np.float32), rate, 16000)[:, 0]
    decoder.start_utt()
    decoder.process_raw((np.clip(pcm16, -1, 1) * 32767).astype(np.int16).tobytes(), full_utt=True)
    decoder.end_utt()
    hyp = decoder.hyp()
    return set(hyp.hypstr.split()) if hyp is not None else set()


def _gain(mix: np.ndarray, bed: np.ndarray) -> float:
    """How loud the bed is in ``mix`` relative to ``bed``: the projection of one on the other.

    The mix is gain × bed + voice (+ nothing else in these windows); the voice does not
    correlate with the noise, so the projection leaves it out.
    """
    return float(np.dot(mix, bed) / np.dot(bed, bed))


def test_body_scan_render_is_heard_on_time_and_the_bed_ducks(tmp_path: Path) -> None:
    pocketsphinx = pytest.importorskip("pocketsphinx")
    p = load_practice(BODY_SCAN)
    notes: list[str] = []
    with VoiceService(VoiceEngine(), VoiceCache(tmp_path / "cache")) as voice:
        spoken = RenderSummary()
        out = render_practice(p, tmp_path / "scan.wav", voice=voice, warnings=notes, summary=spoken)
        lengths = voice.lengths()
    assert notes == []
    timeline = compile_practice(p, gate_seconds=GATE_SECONDS, voice_lengths=lengths)
    x, rate = sf.read(str(out), dtype="float32")
    assert len(x) == round((timeline.total + TAIL) * rate)
    mono = x.mean(axis=1)
    decoder = pocketsphinx.Decoder(samprate=16000, loglevel="FATAL")
    said = [
        c
        for c in timeline.speech
        if isinstance(p.steps[timeline.segments[c.segment].step], SayStep)
    ]
    assert len(said) == sum(isinstance(s, SayStep) for s in p.steps) == 15
    found = total = 0
    for cue in said:
        seg = timeline.segments[cue.segment]
        end = min(seg.end, cue.time + lengths[cue.sound] + 0.3)
        heard = _heard(decoder, mono[round(seg.start * rate) : round(end * rate)], rate)
        words = _content_words(cue.sound)
        got = [w for w in words if w in heard]
        assert len(got) >= 0.5 * len(words), (cue.sound, sorted(heard))
        found, total = found + len(got), total + len(words)
    assert found >= 0.7 * total, (found, total)
    # The bed ducks under the voice. The same practice rendered without voice has the
    # same bed samples at the same sample positions (the loop is indexed by sample), so
    # projecting one render on the other measures the bed's gain, free of the voice.
    # Each file is brought to the same loudness with its own gain: that difference is
    # taken out, so what is left is the mix's own balance.
    bed = RenderSummary()
    bed_only = render_practice(p, tmp_path / "bed.wav", speak=False, summary=bed)
    y = sf.read(str(bed_only), dtype="float32")[0].mean(axis=1)
    inside = 3.5 * rate, len(y) - 5 * rate  # away from the fades of either file
    under, free = [], []
    for cue in timeline.speech:
        v = lengths[cue.sound]
        a, b = round((cue.time + 0.4) * rate), round((cue.time + v - 0.4) * rate)
        after = round((cue.time + v + 0.8) * rate)
        if b - a < rate or not (inside[0] < a and after + 2 * rate < inside[1]):
            continue
        under.append(_gain(mono[a:b], y[a:b]))
        if timeline.segments[cue.segment].end - cue.time - v > 3.0:
            w = slice(after, after + 2 * rate)
            free.append(_gain(mono[w], y[w]))
    assert len(under) >= 15 and len(free) >= 10
    shift = spoken.gain_db - bed.gain_db
    ducked = 20 * np.log10(np.median(under)) - shift
    open_db = 20 * np.log10(np.median(free)) - shift
    assert -10.0 < ducked < -8.0, ducked  # the live player's -9 dB
    assert abs(open_db) < 0.5, open_db
