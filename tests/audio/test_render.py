"""Offline rendering: onsets to the sample, formats, ducking, gates, plain errors."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from kapcompanion.audio.render import (
    GATE_SECONDS,
    TAIL,
    RenderError,
    render_practice,
)
from kapcompanion.cli.render import render_cli
from kapcompanion.core.model import ReflectStep
from kapcompanion.core.timeline import compile_practice
from tests.audio.fixtures import bells_at, mixed, practice


def first_onsets(x: np.ndarray, rate: int, threshold: float = 0.02) -> list[float]:
    """Onset times (s): first sample above threshold after >= 0.2 s below it."""
    loud = np.nonzero(np.abs(x) > threshold)[0]
    out: list[float] = []
    last = -(10**9)
    for i in loud:
        if i - last > 0.2 * rate:
            out.append(i / rate)
        last = i
    return out


def test_every_cue_starts_within_1ms_of_its_timeline_time(tmp_path: Path, resolver) -> None:
    rng = np.random.default_rng(7)
    times = list(np.round(np.cumsum(rng.uniform(0.9, 2.7, 12)), 4))
    p = bells_at(times, sound="wood")
    out = render_practice(p, tmp_path / "bells.wav", resolver=resolver, speak=False)
    x, rate = sf.read(out, always_2d=True)
    timeline = compile_practice(p, gate_seconds=GATE_SECONDS)
    expected = [c.time for c in timeline.cues]
    found = first_onsets(x[:, 0], rate)
    assert len(found) == len(expected)
    errors = [abs(f - e) for f, e in zip(found, expected, strict=True)]
    assert max(errors) < 0.001, errors
    assert len(x) == round((timeline.total + TAIL) * rate)


def test_gates_become_a_short_silence_with_a_bell(tmp_path: Path, resolver) -> None:
    p = practice([*bells_at([0.5], sound="wood").steps, ReflectStep(prompt="Notice.")])
    out = render_practice(p, tmp_path / "gate.flac", resolver=resolver, speak=False)
    x, rate = sf.read(out, always_2d=True)
    timeline = compile_practice(p, gate_seconds=GATE_SECONDS)
    gate = timeline.gates[0]
    assert gate.end - gate.start == GATE_SECONDS
    assert first_onsets(x[:, 0], rate) == [
        pytest.approx(0.5, abs=1e-3),
        pytest.approx(gate.start, abs=1e-3),
    ]


def rms(x: np.ndarray, rate: int, t0: float, t1: float) -> float:
    seg = x[int(t0 * rate) : int(t1 * rate)]
    return float(np.sqrt(np.mean(seg**2)))


def test_ambient_fades_in_ducks_under_voice_and_fades_out(
    tmp_path: Path, resolver, sound_files
) -> None:
    # no voice: the bed alone, to read the envelope back from the samples
    from kapcompanion.core.model import SayStep, SilenceStep

    steps = [
        SilenceStep(duration=10.0),
        SayStep(text="Hello", duration=3.0, voice=sound_files["voice"]),
        SilenceStep(duration=8.0),
    ]
    p = practice(steps, ambient="brown-noise", volume=1.0)
    out = render_practice(p, tmp_path / "bed.wav", resolver=resolver, speak=False)
    x, rate = sf.read(out, always_2d=True)
    x = x[:, 1]
    steady = rms(x, rate, 4.0, 9.5)
    assert rms(x, rate, 0.0, 0.5) < steady * 0.2  # fading in
    assert rms(x, rate, 21.0 - 0.5, 21.0) < steady * 0.2  # fading out
    # voice (220 Hz tone) at 10.0-11.5 s: measure the bed there by removing the tone band
    seg = x[int(10.4 * rate) : int(11.4 * rate)]
    spec = np.fft.rfft(seg)
    freqs = np.fft.rfftfreq(len(seg), 1 / rate)
    spec[(freqs > 200) & (freqs < 240)] = 0
    bed_under_voice = float(np.sqrt(np.mean(np.fft.irfft(spec, len(seg)) ** 2)))
    ref = x[int(5.0 * rate) : int(6.0 * rate)]
    rspec = np.fft.rfft(ref)
    rspec[(freqs > 200) & (freqs < 240)] = 0
    bed_free = float(np.sqrt(np.mean(np.fft.irfft(rspec, len(ref)) ** 2)))
    drop_db = 20 * np.log10(bed_under_voice / bed_free)
    assert -11.5 < drop_db < -6.5


@pytest.mark.parametrize("ext", [".wav", ".flac", ".ogg", ".mp3"])
def test_each_format_writes_a_readable_file(
    tmp_path: Path, resolver, sound_files, ext: str
) -> None:
    seen: list[float] = []
    out = render_practice(
        mixed(sound_files["voice"]),
        tmp_path / f"out{ext}",
        resolver=resolver,
        progress=seen.append,
        speak=False,
    )
    info = sf.info(str(out))
    timeline = compile_practice(mixed(sound_files["voice"]), gate_seconds=GATE_SECONDS)
    assert info.samplerate == 44100 and info.channels == 2
    assert abs(info.duration - (timeline.total + TAIL)) < 0.1
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)
    assert not list(tmp_path.glob(".*.part"))


def test_unknown_extension_names_the_supported_ones(tmp_path: Path, resolver) -> None:
    with pytest.raises(RenderError, match=r"\.wav, \.flac, \.ogg, \.mp3"):
        render_practice(bells_at([0.1]), tmp_path / "out.aac", resolver=resolver, speak=False)


def test_missing_folder_and_folder_target(tmp_path: Path, resolver) -> None:
    with pytest.raises(RenderError, match="doesn't exist"):
        render_practice(
            bells_at([0.1]), tmp_path / "nope" / "out.wav", resolver=resolver, speak=False
        )
    with pytest.raises(RenderError, match="is a folder"):
        render_practice(bells_at([0.1]), tmp_path, resolver=resolver, speak=False)


def test_parent_is_a_file_and_a_place_that_refuses_writes(tmp_path: Path, resolver) -> None:
    plain = tmp_path / "notes.txt"
    plain.write_text("x")
    with pytest.raises(RenderError, match="is a file, not a folder"):
        render_practice(bells_at([0.1]), plain / "out.wav", resolver=resolver, speak=False)
    with pytest.raises(RenderError, match=r"Couldn't write /proc/kap-out\.wav"):
        render_practice(bells_at([0.1]), Path("/proc/kap-out.wav"), resolver=resolver, speak=False)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_folder(tmp_path: Path, resolver) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(RenderError, match="no permission"):
            render_practice(bells_at([0.1]), locked / "out.wav", resolver=resolver, speak=False)
    finally:
        locked.chmod(stat.S_IRWXU)


def test_missing_voice_clip_warns_and_the_rest_renders(tmp_path: Path, resolver) -> None:
    notes: list[str] = []
    out = render_practice(
        mixed(tmp_path / "gone.ogg"), tmp_path / "out.wav", resolver=resolver, warnings=notes
    )
    assert len(notes) == 1 and "gone.ogg" in notes[0]
    x, _ = sf.read(out, always_2d=True)
    assert np.abs(x).max() > 0.1  # cues and bed are there


def test_render_cli_plain_error_and_exit_code(tmp_path: Path, capsys) -> None:
    assert render_cli(bells_at([0.1]), tmp_path / "out.xyz") == 1
    err = capsys.readouterr().err
    assert err.startswith("kapcompanion render: ") and "Traceback" not in err
    assert err.count("\n") == 1


def test_render_cli_writes_and_reports(tmp_path: Path, capsys, sound_files) -> None:
    p = bells_at([0.2], sound=str(sound_files["wood"]))
    assert render_cli(p, tmp_path / "ok.ogg") == 0
    assert "Saved" in capsys.readouterr().out
    assert (tmp_path / "ok.ogg").stat().st_size > 0


def test_rendered_bed_loops_without_a_click(tmp_path: Path, resolver, sound_files) -> None:
    # a bed whose end does not meet its start: a naive loop would jump at every repeat
    rate = 44100
    t = np.arange(2 * rate) / rate
    ramp = (0.4 * np.sin(2 * np.pi * 2 * t) + np.linspace(-0.3, 0.3, len(t))).astype(np.float32)
    bed = tmp_path / "bed.wav"
    sf.write(bed, ramp, rate)
    from kapcompanion.core.model import SilenceStep

    p = practice([SilenceStep(duration=12.0)], ambient=str(bed), volume=1.0)
    x, _ = sf.read(
        render_practice(p, tmp_path / "loop.wav", resolver=resolver, speak=False), always_2d=True
    )
    steps = np.abs(np.diff(x[:, 0]))
    assert steps.max() < 0.002  # smooth everywhere: no seam at ~1.5 s, 3 s, 4.5 s...
    assert np.abs(ramp[-1] - ramp[0]) > 0.5
