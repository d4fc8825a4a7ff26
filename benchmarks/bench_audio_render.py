"""Render speed: a 20-minute practice with ambient, voice clips and cues, to each format.

The bundled sounds are used where present (assets/sounds), generated stand-ins otherwise;
the voice clips are generated at 22050 Hz mono, so resampling is part of the figure.
Times include decoding every sound and writing the file.

Run: python benchmarks/bench_audio_render.py [--minutes 20] [--json out.json]
Targets: WAV at least 300x faster than real time, OGG at least 100x.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import _common
import numpy as np
import soundfile as sf

from kapcompanion.audio.render import render_practice
from kapcompanion.audio.sounds import resolve_sound
from kapcompanion.core.model import (
    BellStep,
    BreatheStep,
    BreathPattern,
    PhaseCues,
    ReflectStep,
    SayStep,
    SilenceStep,
    Step,
)
from kapcompanion.core.timeline import compile_practice
from tests.audio.fixtures import practice, resolver_for, write_sounds


def build(minutes: int, folder: Path) -> tuple:
    fallback = write_sounds(folder / "standins")
    bundled = {n: resolve_sound(n) for n in fallback if n != "voice"}
    paths = {n: (p if p.is_file() else fallback[n]) for n, p in bundled.items()}
    used = sorted(n for n, p in paths.items() if p == bundled[n])
    steps: list[Step] = []
    for i in range(minutes):
        clip = folder / f"voice-{i}.wav"
        t = np.arange(15 * 22050) / 22050
        tone = 0.3 * np.sin(2 * np.pi * (150 + 5 * i) * t) * (0.6 + 0.4 * np.sin(2 * np.pi * 3 * t))
        sf.write(clip, tone.astype(np.float32), 22050)
        steps += [
            SayStep(text=f"Part {i + 1}.", duration=15.0, voice=clip),
            BreatheStep(
                pattern=BreathPattern(inhale=(4.0,), exhale=6.0),
                cycles=3,
                cues=PhaseCues(inhale="rise", exhale="fall"),
            ),
            SilenceStep(duration=10.0),
            BellStep(sound="singing-bowl", duration=5.0),
        ]
    steps.insert(len(steps) // 2, ReflectStep(prompt="What do you notice?"))
    return practice(steps, ambient="rain", volume=0.4), resolver_for(paths), used


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=int, default=20)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        p, resolver, used = build(args.minutes, Path(tmp))
        total = compile_practice(p, gate_seconds=5.0).total
        print(f"uname -m: {os.uname().machine}; practice {total / 60:.1f} min; bundled sounds")
        print(f"used: {', '.join(used) or 'none (stand-ins)'}; machine shared with others")
        targets = {".wav": 300, ".ogg": 100}
        for ext in (".wav", ".flac", ".ogg", ".mp3"):
            out = Path(tmp) / f"out{ext}"
            t0 = time.perf_counter()
            render_practice(p, out, resolver=resolver)
            secs = time.perf_counter() - t0
            speed = total / secs
            size = out.stat().st_size / 1e6
            print(f"{ext:6} {secs:7.2f} s  {speed:7.0f}x real time  {size:7.1f} MB")
            if ext in targets:
                # report() wants "lower is better": give the time budget the target allows
                rows.append((f"{ext} render seconds (target = {targets[ext]}x)", secs,
                             round(total / targets[ext], 2), "s"))  # fmt: skip
    _common.report(f"Offline render of a {args.minutes}-minute practice", rows, args.json)


if __name__ == "__main__":
    main()
