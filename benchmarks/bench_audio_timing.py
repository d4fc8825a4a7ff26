"""Live timing, end to end: bells at irregular known times through the real mixer.

A child process plays a practice of bells with ``play --no-window``'s loop and
SDL_AUDIODRIVER=disk; this process samples the written file's size against the monotonic
clock every ~0.5 ms (the disk driver writes at its own pace -- it sleeps whole
milliseconds per buffer -- and through stdio, which holds back one 4096-byte buffer; so
file position is mapped to wall time through those samples, never by the sample rate).
Each bell's onset is found in the samples and compared with its timeline time.

Run: python benchmarks/bench_audio_timing.py [--minutes 10] [--busy] [--json out.json]
Targets: median < 10 ms, worst < 25 ms, drift (last minute - first minute) < 5 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _common
import numpy as np
import soundfile as sf

from kapcompanion.audio.pygame_player import BUFFER as CHUNK  # the mixer buffer, frames

RATE = 44100
FRAME_BYTES = 4  # s16 stereo


def child(spec_json: str) -> int:
    """Play the bells (runs in the child, with the SDL env set)."""
    from kapcompanion.audio.factory import create_player
    from kapcompanion.cli.terminal_player import TerminalPlay
    from tests.audio.fixtures import bells_at

    spec = json.loads(spec_json)
    first: list[float] = []

    def clock() -> float:
        t = time.monotonic()
        if not first:
            first.append(t)
        return t

    player = create_player()
    if not player.available:
        print(json.dumps({"error": player.notice}), flush=True)
        return 1
    with open(os.devnull, "w") as devnull:
        play = TerminalPlay(
            bells_at(spec["times"], sound=spec["sound"], end=1.0),
            player,
            stdin=sys.stdin,
            out=devnull,
            clock=clock,
        )
        player.prepare(play.timeline)
        play.run()
    player.shutdown()
    print(json.dumps({"t0": first[0]}), flush=True)
    return 0


def onsets(x: np.ndarray, threshold: float = 0.05) -> list[int]:
    loud = np.nonzero(np.abs(x) > threshold)[0]
    out: list[int] = []
    last = -(10**9)
    for i in loud:
        if i - last > RATE // 2:
            out.append(int(i))
        last = i
    return out


def measure(minutes: float, busy: bool, seed: int) -> dict[str, float]:
    rng = np.random.default_rng(seed)
    gaps = rng.uniform(1.7, 9.3, int(minutes * 60 / 3))
    times = [round(float(t), 4) for t in np.cumsum(gaps) if t < minutes * 60 - 2]
    with tempfile.TemporaryDirectory() as tmp:
        bell = Path(tmp) / "bell.wav"
        t = np.arange(int(0.6 * RATE)) / RATE
        tone = 0.6 * np.sin(2 * np.pi * 660 * t) * np.exp(-6 * t)
        sf.write(bell, tone.astype(np.float32), RATE)
        raw = Path(tmp) / "out.raw"
        env = {
            **os.environ,
            "SDL_AUDIODRIVER": "disk",
            "SDL_DISKAUDIOFILE": str(raw),
            "PYGAME_HIDE_SUPPORT_PROMPT": "1",
        }
        spec = json.dumps({"times": times, "sound": str(bell)})
        hog = None
        if busy:
            hog = subprocess.Popen([sys.executable, "-c", "while True: pass"])
        proc = subprocess.Popen(
            [sys.executable, __file__, "--child", spec],
            env=env,
            cwd=_common.ROOT,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            text=True,
        )
        samples: list[tuple[float, int]] = []
        last = -1
        while proc.poll() is None:
            try:
                size = raw.stat().st_size
            except FileNotFoundError:
                size = 0
            now = time.monotonic()
            if size != last:
                samples.append((now, size))
                last = size
            time.sleep(0.0005)
        if hog is not None:
            hog.kill()
            hog.wait()
        out = proc.stdout.read() if proc.stdout else ""
        result = json.loads(out.strip().splitlines()[-1])
        if "error" in result:
            raise SystemExit(f"no device: {result['error']}")
        t0 = result["t0"]
        data = np.frombuffer(raw.read_bytes(), dtype=np.int16).reshape(-1, 2)[:, 0] / 32768.0
    # times at which the file grew past each size (a flush of one or more mixer buffers)
    st = np.array([s[0] for s in samples])
    sz = np.array([s[1] for s in samples], dtype=np.float64)
    found = onsets(data)
    if len(found) != len(times):
        print(f"warning: found {len(found)} onsets for {len(times)} bells")
    errors, at = [], []
    chunk_bytes = CHUNK * FRAME_BYTES
    for frame, cue in zip(found, times, strict=False):
        # When was the mixer buffer holding the onset written? SDL writes through stdio
        # (4096-byte buffer): glibc flushes a full buffer only on the *next* write, so the
        # file reaches size S when the buffer after the one ending at S is written. The
        # buffer ending at byte E was thus written when the size E - chunk was observed;
        # between observations, interpolate linearly.
        end_byte = (frame * FRAME_BYTES // chunk_bytes + 1) * chunk_bytes
        wall = float(np.interp(end_byte - chunk_bytes, sz, st))
        errors.append((wall - (t0 + cue)) * 1000)
        at.append(cue)
    errs = np.array(errors)
    at_arr = np.array(at)
    first = errs[at_arr < 60]
    lastm = errs[at_arr >= at_arr.max() - 60]
    slope = float(np.polyfit(at_arr, errs, 1)[0]) * (minutes * 60) if len(errs) > 2 else 0.0
    return {
        "bells": len(errs),
        "median": float(np.median(errs)),
        "p95": float(np.percentile(errs, 95)),
        "worst": float(np.abs(errs).max()),
        "min": float(errs.min()),
        "first_min": float(np.median(first)),
        "last_min": float(np.median(lastm)),
        "drift": abs(float(np.median(lastm) - np.median(first))),
        "trend": slope,
        "flush_bytes": float(statistics.median(np.diff(sz))) if len(sz) > 2 else 0.0,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--busy", action="store_true", help="keep the other core busy meanwhile")
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--child")
    args = ap.parse_args()
    if args.child:
        sys.exit(child(args.child))
    r = measure(args.minutes, args.busy, args.seed)
    load = "other core busy" if args.busy else "no extra load (machine shared with others)"
    print(f"uname -m: {os.uname().machine}; {args.minutes:g} min, {r['bells']} bells; {load}")
    print(
        f"onset error ms: median {r['median']:.2f}, p95 {r['p95']:.2f}, min {r['min']:.2f}, "
        f"worst |{r['worst']:.2f}|; first minute median {r['first_min']:.2f}, "
        f"last minute median {r['last_min']:.2f}; linear trend over the run {r['trend']:+.2f} ms; "
        f"file grew {r['flush_bytes']:.0f} bytes per flush"
    )
    _common.report(
        f"Live audio timing ({args.minutes:g} min, SDL disk driver, {load})",
        [
            ("median onset error", r["median"], 10, "ms"),
            ("worst onset error", r["worst"], 25, "ms"),
            ("drift first minute -> last minute", r["drift"], 5, "ms"),
        ],
        args.json,
    )


if __name__ == "__main__":
    main()
