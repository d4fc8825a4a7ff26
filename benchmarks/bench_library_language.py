"""Practices per language: the cost of loading translations and of choosing a language.

Run: python benchmarks/bench_library_language.py [--practices 1000] [--json out.json]

Figures: the built-in library (English and Spanish) loaded with no cache and with a warm
cache, ``Library.for_language("es")`` on it, and ``for_language`` on a large library of
``--practices`` ids in three languages each (built in memory, so only the choice is timed).
"""

from __future__ import annotations

import argparse
import logging
import statistics
import time
from pathlib import Path

import _common

from kapcompanion.core.library import Library
from kapcompanion.core.model import Practice, SayStep
from kapcompanion.paths import data_folders

log = logging.getLogger(__name__)


def best_of(runs: int, work: object) -> float:
    """The median seconds of ``runs`` calls of ``work``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def big_library(ids: int) -> Library:
    """A library of ``ids`` practices, each in English, Spanish and Portuguese."""
    lib = Library()
    for n in range(ids):
        for language in ("en", "es", "pt"):
            practice = Practice(
                id=f"p-{n}",
                title=f"Practice {n}",
                category="anytime",
                summary="A practice.",
                steps=(SayStep(text="Hello.", duration=5.0),),
                language=language,
            )
            lib.add(Path(f"p-{n}-{language}.yaml"), "user", practice, [])
    return lib


def main() -> None:
    """Print the figures (and write them as JSON with --json)."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--practices", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    cold = best_of(args.runs, lambda: Library.load(None))
    Library.load(data_folders(), user=False, packs=False)  # fill the cache
    warm = best_of(args.runs, lambda: Library.load(data_folders(), user=False, packs=False))
    builtin = Library.load(data_folders(), user=False, packs=False)
    choose = best_of(args.runs, lambda: builtin.for_language("es"))
    big = big_library(args.practices)
    choose_big = best_of(args.runs, lambda: big.for_language("es-MX"))
    rows = [
        (f"built-in library load, no cache ({len(builtin.practices)} practices)", cold, 2.0, "s"),
        ("built-in library load, warm cache", warm, 0.5, "s"),
        ('for_language("es") on the built-in library', choose * 1000, 5, "ms"),
        (f"for_language on {args.practices} ids x 3 languages", choose_big * 1000, 50, "ms"),
    ]
    _common.report("Practices per language", rows, args.json)


if __name__ == "__main__":
    import os
    import tempfile

    os.environ.setdefault("KAPCOMPANION_DATA_DIR", tempfile.mkdtemp(prefix="kap-bench-"))
    main()
