"""Audio in child processes: the disk driver's bytes, no device at all, terminal play."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]


def play(spec: dict, env: dict[str, str], stdin=subprocess.DEVNULL, timeout: float = 60):
    full = {**os.environ, "PYGAME_HIDE_SUPPORT_PROMPT": "1", **env}
    proc = subprocess.run(
        [sys.executable, "-m", "tests.audio.play_script", json.dumps(spec)],
        cwd=ROOT,
        env=full,
        stdin=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    result = json.loads(proc.stderr.strip().splitlines()[-1])
    return proc, result


def onsets(x: np.ndarray, threshold: float = 0.05) -> list[int]:
    """Sample indices where sound starts after at least 0.1 s of quiet."""
    loud = np.nonzero(np.abs(x) > threshold)[0]
    out: list[int] = []
    last = -(10**9)
    for i in loud:
        if i - last > 4410:
            out.append(int(i))
        last = i
    return out


def test_disk_driver_writes_each_cue_at_its_time(tmp_path: Path, sound_files) -> None:
    raw = tmp_path / "out.raw"
    proc, result = play(
        {"bells": [0.3, 1.1], "sound": str(sound_files["soft-bell"])},
        {"SDL_AUDIODRIVER": "disk", "SDL_DISKAUDIOFILE": str(raw)},
    )
    assert proc.returncode == 0, proc.stderr
    data = np.frombuffer(raw.read_bytes(), dtype=np.int16).reshape(-1, 2)[:, 0] / 32768.0
    found = onsets(data)
    assert len(found) == 2, found
    gap = (found[1] - found[0]) / 44100
    # The player started each bell when its loop found the position past the bell's time:
    # on a quiet machine within a few ms, on a loaded one later (a cue more than a second
    # late is skipped instead). What it played must be in the bytes at that spacing.
    (t1, p1), (t2, p2) = result["played"]
    assert (t1, t2) == (0.3, 1.1)
    assert 0.0 <= p1 - t1 < 1.0 and 0.0 <= p2 - t2 < 1.0
    # SDL's disk driver writes a buffer (512 frames, 11.6 ms) per whole-ms sleep, so its
    # file runs a little off real time: two buffers and 5 % either way
    played_gap = p2 - p1
    assert played_gap * 0.95 - 0.024 < gap < played_gap * 1.05 + 0.024, (gap, played_gap)
    # the cue is the bell: 440 Hz (first of the generated cue sounds)
    seg = data[found[0] : found[0] + 4410]
    spec = np.abs(np.fft.rfft(seg))
    assert abs(np.fft.rfftfreq(len(seg), 1 / 44100)[spec.argmax()] - 440) < 15


def test_no_device_plays_silently_with_notice_and_same_timing(sound_files) -> None:
    proc, result = play(
        {"bells": [0.2, 0.8], "sound": str(sound_files["wood"]), "end": 0.7},
        {"SDL_AUDIODRIVER": "nonexistent"},
    )
    assert proc.returncode == 0
    assert "No sound device found — the practice will play silently." in proc.stderr
    assert "Traceback" not in proc.stderr
    assert "The practice is complete" in proc.stdout
    total = 1.5
    assert total - 0.01 < result["wall"] < total + 0.5


def test_terminal_play_without_a_tty_skips_interactive_steps_with_a_note(sound_files) -> None:
    proc, _ = play(
        {"bells": [0.2, 0.6], "sound": str(sound_files["wood"]), "gate": True},
        {"SDL_AUDIODRIVER": "dummy"},
    )
    assert proc.returncode == 0, proc.stderr
    assert "Skipping “What do you notice?”" in proc.stdout
    assert "Step 1/4" in proc.stdout and "Step 4/4" in proc.stdout
    assert "The practice is complete" in proc.stdout


def test_silent_flag_plays_without_sound(sound_files) -> None:
    proc, _ = play(
        {"bells": [0.1], "sound": str(sound_files["wood"]), "silent": True},
        {"SDL_AUDIODRIVER": "dummy"},
    )
    assert proc.returncode == 0
    assert "Sound is turned off" in proc.stderr
