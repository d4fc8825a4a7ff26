"""Pack speed targets (issue #7): build and import a pack of 20 practices and 60 MiB of
audio in under 3 s each; inspect it without importing in under 200 ms.

Run: python benchmarks/bench_packs.py [--json out.json] [--runs N]
Figures are the median of N runs (default 3). The machine may be shared: figures are noisy.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import _common
import numpy as np
import soundfile as sf

from kapcompanion.core.library import builtin_ids
from kapcompanion.paths import data_folders

PRACTICE = """\
kapcompanion: 1
id: bench-{n}
title: Bench practice {n}
category: anytime
summary: A benchmark practice with a recorded voice.
author: Sam Rivera
steps:
  - say: Welcome to practice {n}. Settle in however feels right.
    voice: audio/voice-{n}.wav
  - breathe: {{inhale: 4, exhale: 6, cycles: 6}}
  - silence: 30s
    prompt: Rest with whatever is here.
"""

PACK_YAML = """\
kappack: 1
id: bench-pack
name: Bench pack
author: Sam Rivera
message: Practices for the benchmark.
version: {version}
"""

AUDIO_BYTES = 3 * 1024 * 1024  # 20 files x 3 MiB = 60 MiB


def make_source(root: Path, version: int) -> Path:
    (root / "practices" / "audio").mkdir(parents=True)
    (root / "pack.yaml").write_text(PACK_YAML.format(version=version), encoding="utf-8")
    rate = 22050
    frames = (AUDIO_BYTES - 44) // 2  # 16-bit mono
    t = np.arange(frames) / rate
    rng = np.random.default_rng(0)
    for n in range(20):
        wave = 0.2 * np.sin(2 * np.pi * (180 + n) * t) + 0.02 * rng.standard_normal(frames)
        sf.write(root / "practices" / "audio" / f"voice-{n}.wav", wave, rate, subtype="PCM_16")
        (root / "practices" / f"bench-{n}.yaml").write_text(PRACTICE.format(n=n), encoding="utf-8")
    return root


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-packs-"))
    os.environ["KAPCOMPANION_DATA_DIR"] = str(work / "data")
    from kapcompanion.core.packs import build_pack, import_pack, inspect_pack
    from kapcompanion.core.packs.signing import SigningKey
    from kapcompanion.paths import packs_dir

    try:
        key = SigningKey.generate("Sam Rivera")
        src = make_source(work / "src", 1)
        audio = sum(p.stat().st_size for p in src.rglob("*.wav")) / 2**20
        builds, imports, inspects = [], [], []
        for run in range(args.runs):
            out = work / f"bench-{run}.kappack"
            (src / "pack.yaml").write_text(PACK_YAML.format(version=run + 1), encoding="utf-8")
            builds.append(
                timed(lambda out=out: build_pack(src, out, key=key, known_ids=builtin_ids()))
            )
            for _ in range(5):
                inspects.append(timed(lambda out=out: inspect_pack(out, data_folders())))
            # run 0 is a fresh import; later runs replace the previous version in place
            imports.append(
                timed(
                    lambda out=out: import_pack(
                        out, data_folders(), known_ids=builtin_ids(), confirm=lambda i: True
                    )
                )
            )
        installed = sum(p.stat().st_size for p in packs_dir().rglob("*") if p.is_file())
        print(
            f"pack: 20 practices, {audio:.1f} MiB audio; "
            f"file {out.stat().st_size / 2**20:.1f} MiB; installed {installed / 2**20:.1f} MiB"
        )
        print(f"build runs (s): {', '.join(f'{v:.3f}' for v in builds)}")
        print(
            f"import runs (s): {', '.join(f'{v:.3f}' for v in imports)} "
            "(first fresh, then updates in place)"
        )
        _common.report(
            "Packs (median of runs)",
            [
                ("build 20 practices + 60 MiB audio (signed)", statistics.median(builds), 3.0, "s"),
                ("import (check, extract, validate, install)", statistics.median(imports), 3, "s"),
                ("inspect without importing", statistics.median(inspects) * 1000, 200, "ms"),
            ],
            args.json,
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
