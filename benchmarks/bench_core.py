"""Core speed targets (issue #2): checking practice files, compile 4 h, state lookup, bomb.

Run: python benchmarks/bench_core.py [--files 200] [--json out.json]

Checking files (issue #21 retired the cold 1,000-file figure: no therapist has 1,000
practices; the start-up benchmark times a first launch with 200 instead): the cold cost
of one 40-step practice file (read, parse, check, build), one core, beside PyYAML's own
parse of the same file with its C loader (``yaml.load(text, CSafeLoader)``: the floor no
checker of YAML goes below), and 200 files on both cores and from a warm cache.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import _common
import yaml

from kapcompanion.core import yamlsafe
from kapcompanion.core.cache import CheckCache, check_files
from kapcompanion.core.loader import check_file
from kapcompanion.core.model import BreatheStep, BreathPattern, PhaseCues, Practice, SayStep
from kapcompanion.core.session import Session
from kapcompanion.core.timeline import compile_practice

C_LOADER = yamlsafe.loader_class(yaml.CSafeLoader)  # as the app reads files

STEP_BLOCK = """\
  - say: Let your shoulders soften, and notice the weight of your body {i}.
    duration: 12s
  - breathe: {{inhale: [3, 1], exhale: 6, cycles: 4, cue: {{inhale: rise, exhale: fall}}}}
  - silence: 20s
    prompt: Rest with whatever is here.
  - check_in: {{question: "How settled do you feel?", save_as: settled_{i},
                labels: [not at all, completely]}}
"""


def practice_file(n: int) -> str:
    steps = "".join(STEP_BLOCK.format(i=i) for i in range(10))  # 40 steps
    return (
        f"kapcompanion: 1\nid: bench-{n}\ntitle: Bench {n}\ncategory: anytime\n"
        f"summary: A benchmark practice.\ntags: [breath, calm]\n"
        f"evidence: {{level: moderate, sources: [Balban et al. 2023]}}\nsteps:\n{steps}"
    )


def bench_load(folder: Path, loader: type, mode: str = "serial") -> float:
    """Seconds to load+validate every file: serial, on all cores, or from a warm cache."""
    saved = yamlsafe._Loader
    yamlsafe._Loader = loader
    paths = sorted(folder.glob("*.yaml"))
    cache_file = folder / "cache.pickle"
    try:
        if mode == "warm":
            cache = CheckCache(cache_file)
            check_files(paths, cache)
            cache.save()
        start = time.perf_counter()
        if mode == "serial":
            results = [check_file(p) for p in paths]
        elif mode == "parallel":
            results = check_files(paths)
        else:
            results = check_files(paths, CheckCache(cache_file))
        elapsed = time.perf_counter() - start
        assert all(item is not None and not diags for item, diags in results)
        return elapsed
    finally:
        yamlsafe._Loader = saved
        cache_file.unlink(missing_ok=True)


def four_hours() -> Practice:
    pattern = BreathPattern((5.5,), 5.5)
    steps = []
    for _ in range(60):  # 60 × (20 s say + 22 breaths of 11 s) ≈ 4 h
        steps.append(SayStep("Notice the breath.", 20.0))
        steps.append(BreatheStep(pattern, 20, PhaseCues("rise", None, "fall", None)))
    return Practice("four-hours", "Four hours", "anytime", "long", tuple(steps))


def per_file_ms(folder: Path, work: Callable[[Path], object], runs: int) -> float:
    """Milliseconds per file of ``work`` over the folder's files (best of ``runs``)."""
    paths = sorted(folder.glob("*.yaml"))
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        for path in paths:
            work(path)
        best = min(best, time.perf_counter() - start)
    return best / len(paths) * 1e3


def pyyaml_parse(path: Path) -> object:
    """PyYAML's own parse of the file (C loader): the floor of a check."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--json", type=Path)
    ap.add_argument("--files", type=int, default=200, help="fewer for a quick smoke run")
    args = ap.parse_args()
    rows = []
    n_files = args.files
    runs = 3 if n_files >= 200 else 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n in range(n_files):
            (folder / f"p{n:04d}.yaml").write_text(practice_file(n), encoding="utf-8")
        saved = yamlsafe._Loader
        yamlsafe._Loader = C_LOADER
        try:
            check_ms = per_file_ms(folder, check_file, runs)
        finally:
            yamlsafe._Loader = saved
        floor_ms = per_file_ms(folder, pyyaml_parse, runs)
        parallel = min(bench_load(folder, C_LOADER, "parallel") for _ in range(runs))
        warm = min(bench_load(folder, C_LOADER, "warm") for _ in range(runs))
    # 200 files in 0.5 s (the library size and the old per-library budget): 2.5 ms
    rows.append(("cold load+check of one 40-step practice file, one core", check_ms, 2.5, "ms"))
    rows.append(
        (
            f"PyYAML's own parse of that file (C loader), the floor ({check_ms / floor_ms:.1f}x)",
            floor_ms,
            2.5,
            "ms",
        )
    )
    rows.append((f"load+check {n_files} files × 40 steps, both cores", parallel, 0.5, "s"))
    rows.append((f"load+check {n_files} files × 40 steps, unchanged (warm cache)", warm, 0.5, "s"))

    practice = four_hours()
    compile_times = []
    for _ in range(20):
        start = time.perf_counter()
        tl = compile_practice(practice)
        compile_times.append(time.perf_counter() - start)
    rows.append(
        (
            f"compile 4 h practice ({len(tl.segments):,} segments)",
            min(compile_times) * 1e3,
            20,
            "ms",
        )
    )

    now = [0.0]
    session = Session(tl, lambda: now[0])
    session.play()
    probes = [tl.total * i / 10_000 for i in range(10_000)]
    start = time.perf_counter()
    for t in probes:
        tl.segment_at(t)
    seg_us = (time.perf_counter() - start) / len(probes) * 1e6
    start = time.perf_counter()
    for t in probes:
        now[0] = t
        session.state()
    state_us = (time.perf_counter() - start) / len(probes) * 1e6
    rows.append(("segment lookup at any time (bisect)", seg_us, 20, "µs"))
    rows.append(("full session state at any time", state_us, 20, "µs"))

    bomb = Path(__file__).resolve().parent.parent / "tests" / "core" / "test_yamlsafe.py"
    text = bomb.read_text().split('BILLION_LAUGHS = """\\\n', 1)[1].split('"""', 1)[0]
    times, peaks = [], []
    for _ in range(5):
        tracemalloc.start()
        start = time.perf_counter()
        with contextlib.suppress(yamlsafe.YamlError):
            yamlsafe.parse(text, "bomb.yaml")
        times.append(time.perf_counter() - start)
        peaks.append(tracemalloc.get_traced_memory()[1] / 2**20)
        tracemalloc.stop()
    rows.append(("billion laughs refused", statistics.median(times) * 1e3, 100, "ms"))
    rows.append(("billion laughs extra memory (tracemalloc peak)", max(peaks), 50, "Mi"))
    _common.report("Core benchmarks (issue #2)", rows, args.json)


if __name__ == "__main__":
    main()
