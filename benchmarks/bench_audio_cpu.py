"""CPU and memory of ``play --no-window`` while a practice plays (ambient, voice, cues).

A child process runs :func:`kapcompanion.cli.terminal_player.play_in_terminal` with the real
mixer on SDL's disk driver writing to /dev/null (so SDL mixes every buffer as with a
sound card). This process reads the child's CPU time and resident memory from /proc:
CPU is counted from the first step (after imports and decoding) to the end.

Run: python benchmarks/bench_audio_cpu.py [--minutes 2] [--json out.json]
Targets: under 3 % of one core on average; resident memory under 120 MiB.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _common
import numpy as np
import soundfile as sf

TICK = os.sysconf("SC_CLK_TCK")


def child(spec_json: str) -> int:
    from kapcompanion.cli.terminal_player import play_in_terminal
    from kapcompanion.core.model import (
        BreatheStep,
        BreathPattern,
        PhaseCues,
        SayStep,
        SilenceStep,
    )
    from tests.audio.fixtures import practice

    spec = json.loads(spec_json)
    d = Path(spec["dir"])
    block = [
        SayStep(text="Settle in.", duration=12.0, voice=d / "voice.wav"),
        BreatheStep(
            pattern=BreathPattern(inhale=(4.0,), exhale=6.0),
            cycles=3,
            cues=PhaseCues(inhale=str(d / "rise.wav"), exhale=str(d / "fall.wav")),
        ),
        SilenceStep(duration=18.0, prompt="Rest."),
    ]
    n = max(1, round(spec["minutes"] * 60 / 60))
    p = practice(block * n, ambient=str(d / "bed.wav"), volume=0.4)
    return play_in_terminal(p)


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime, stime


def rss_mib(pid: int, field: str = "VmRSS") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def write_sounds(d: Path) -> None:
    rate = 44100
    rng = np.random.default_rng(1)
    x = np.cumsum(rng.standard_normal((rate * 60, 2)), axis=0)
    x -= np.linspace(x[0], x[-1], len(x))
    sf.write(d / "bed.wav", (0.3 * x / np.abs(x).max()).astype(np.float32), rate)
    t = np.arange(10 * 22050) / 22050
    sf.write(d / "voice.wav", (0.4 * np.sin(2 * np.pi * 180 * t)).astype(np.float32), 22050)
    t = np.arange(int(1.5 * rate)) / rate
    for name, f in (("rise", 520.0), ("fall", 390.0)):
        tone = 0.5 * np.sin(2 * np.pi * f * t) * np.exp(-3 * t)
        sf.write(d / f"{name}.wav", tone.astype(np.float32), rate)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=2.0)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--child")
    args = ap.parse_args()
    if args.child:
        sys.exit(child(args.child))
    with tempfile.TemporaryDirectory() as tmp:
        write_sounds(Path(tmp))
        env = {
            **os.environ,
            "SDL_AUDIODRIVER": "disk",
            "SDL_DISKAUDIOFILE": os.devnull,
            "PYGAME_HIDE_SUPPORT_PROMPT": "1",
        }
        spec = json.dumps({"dir": tmp, "minutes": args.minutes})
        proc = subprocess.Popen(
            [sys.executable, __file__, "--child", spec],
            env=env,
            cwd=_common.ROOT,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert proc.stdout is not None
        proc.stdout.readline()  # "Step 1/..." : imports and decoding are done
        c0, t0 = cpu_seconds(proc.pid), time.monotonic()
        peak, hwm, c1, t1 = 0.0, 0.0, c0, t0
        while proc.poll() is None:
            try:
                peak = max(peak, rss_mib(proc.pid))
                hwm = max(hwm, rss_mib(proc.pid, "VmHWM"))
                c1, t1 = cpu_seconds(proc.pid), time.monotonic()
            except (FileNotFoundError, ProcessLookupError, IndexError):
                break
            time.sleep(0.5)
        proc.wait()
    cpu = 100 * (c1 - c0) / (t1 - t0)
    print(f"uname -m: {os.uname().machine}; played {t1 - t0:.0f} s; machine shared with others")
    _common.report(
        "play --no-window: CPU and memory (SDL disk driver to /dev/null)",
        [
            ("CPU, % of one core (average while playing)", cpu, 3.0, "%"),
            ("resident memory, peak while playing", peak, 120.0, "Mi"),
            ("resident memory, high-water mark incl. decoding", hwm, 120.0, "Mi"),
        ],
        args.json,
    )


if __name__ == "__main__":
    main()
