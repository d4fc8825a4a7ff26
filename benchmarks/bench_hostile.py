"""Hostile input is refused fast (issue #19): every case under 1 s and 100 MiB extra memory;
``list`` with the worst pack a client could import stays under 0.5 s.

Run: python benchmarks/bench_hostile.py [--json out.json] [--runs N]

Each practice case is checked in this process (the time) and by ``kapcompanion validate``
in a fresh process (its peak resident size, less that of validating a small valid file).
Pack cases are refused imports in this process (time, and the peak of Python's
allocations). The worst pack holds 497 practices of 20,000
half-second breaths each (the most allowed); ``list`` is timed in this process after one
warm-up run (which fills the check cache), median of N runs.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import _common
import yaml

HEADER = "kapcompanion: 1\nid: {id}\ntitle: {title}\ncategory: anytime\nsummary: x\nsteps:\n"
BOMB = (
    "  - repeat: 1000\n    steps:\n"
    "      - breathe: {inhale: 1e-300, exhale: 1e-300, cycles: 2000}\n"
)
FLOOD = BOMB.replace("1e-300", "0.5")
#: With pack.yaml, the manifest and the signature: the 500 files a pack may hold.
WORST_PRACTICES = 497
WORST = "  - repeat: 5\n    steps:\n      - breathe: {inhale: 0.5, exhale: 0.5, cycles: 2000}\n"


def practice_cases(folder: Path) -> dict[str, Path]:
    """Practice files as an attacker writes them, by name; ``valid`` is the baseline."""
    long = "calm " * 190_000
    texts = {
        "valid": HEADER.format(id="ok", title="Fine") + "  - silence: 5\n",
        "breaths of 1e-300 s, repeat 1000 x 2000 cycles": HEADER.format(id="b", title="B") + BOMB,
        "4,000,000 segments of 0.5 s": HEADER.format(id="f", title="F") + FLOOD,
        "0.95 MB string aliased 400 times": HEADER.format(id="a", title="A")
        + f'  - say: &t "{long}"\n'
        + "  - say: *t\n" * 400,
        "silence: 1 and 400 zeros": HEADER.format(id="n", title="N")
        + "  - silence: 1"
        + "0" * 400
        + "\n",
        "silence: 1e308": HEADER.format(id="e", title="E") + "  - silence: 1e308\n",
        "ESC and U+202E in the title": HEADER.format(id="t", title='"A\\e[2J\\u202eB"')
        + "  - silence: 5\n",
    }
    found = {}
    for n, (name, text) in enumerate(texts.items()):
        path = folder / f"case-{n}.yaml"
        path.write_text(text, encoding="utf-8")
        found[name] = path
    folder_case = folder / "x.yaml"
    folder_case.mkdir()
    found["a folder named x.yaml"] = folder_case
    return found


def run_validate(path: Path, data: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of ``kapcompanion validate path`` in a new process."""
    env = {**os.environ, "KAPCOMPANION_DATA_DIR": str(data)}
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kapcompanion", "validate", str(path)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _pid, _status, usage = os.wait4(proc.pid, 0)
    took = time.perf_counter() - start
    proc.returncode = 0
    return took, usage.ru_maxrss / 1024


def checked(path: Path) -> float:
    """Seconds :func:`validate_paths` takes to refuse ``path`` in this process."""
    from kapcompanion.core.validate import UsageError, validate_paths

    start = time.perf_counter()
    with contextlib.suppress(UsageError):
        validate_paths([path])
    return time.perf_counter() - start


def timed_peak(fn) -> tuple[float, float]:
    """Seconds and peak Python allocation (MiB) of ``fn()`` (a refusal is expected)."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        fn()
    except Exception as exc:  # the refusal
        if "PackError" not in type(exc).__name__:
            raise
    took = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return took, peak


def pack_meta(pack_id: str, name: str, author: str) -> bytes:
    meta = {"kappack": 1, "id": pack_id, "name": name, "author": author, "version": 1}
    return yaml.safe_dump(meta, allow_unicode=True).encode()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-hostile-"))
    os.environ["KAPCOMPANION_DATA_DIR"] = str(work / "data")
    sys.path.insert(0, str(_common.ROOT / "tests"))
    from packs.helpers import pack_files, signed_zip

    from kapcompanion.cli.library import list_command
    from kapcompanion.core.library import builtin_ids
    from kapcompanion.core.packs import build_pack, import_pack
    from kapcompanion.core.packs.signing import SigningKey
    from kapcompanion.paths import data_folders

    rows: list[tuple[str, float, float, str]] = []
    try:
        cases = practice_cases(work)
        base_t, base_m = min(
            (run_validate(cases["valid"], work / "v") for _ in range(args.runs)),
            key=lambda r: r[0],
        )
        print(f"baseline validate of a small file: {base_t:.3f} s, {base_m:.0f} MiB")
        for name, path in cases.items():
            if name == "valid":
                continue
            wall, mem = min(
                (run_validate(path, work / "v") for _ in range(args.runs)), key=lambda r: r[0]
            )
            took = min(checked(path) for _ in range(args.runs))
            print(f"{name}: validate process {wall:.3f} s, peak {mem:.0f} MiB")
            rows.append((f"validate: {name} (s)", took, 1.0, "s"))
            rows.append(("  extra memory of the process (MiB)", max(0.0, mem - base_m), 100, "M"))

        folders = data_folders()
        known = builtin_ids()
        sam = SigningKey.generate("Sam Rivera")
        import_pack(
            signed_zip(work / "sam.kappack", pack_files(), sam),
            folders,
            known_ids=known,
            confirm=lambda i: True,
        )
        mallory = SigningKey.generate("Mallory Evil")
        attacks = {
            "author is not the signer": (pack_meta("p1", "P one", "Sam Rivera"), mallory),
            "signer looks like Sam (Cyrillic a)": (
                pack_meta("p2", "P two", "Sаm Rivera"),
                SigningKey.generate("Sаm Rivera"),
            ),
            "takes over sam-welcome": (pack_meta("p3", "P three", "Mallory Evil"), mallory),
        }
        for name, (meta, key) in attacks.items():
            files = pack_files()
            files["pack.yaml"] = meta
            pack = signed_zip(work / f"{name[:8]}.kappack", files, key)
            took, peak = timed_peak(
                lambda pack=pack: import_pack(
                    pack, folders, known_ids=known, confirm=lambda i: True
                )
            )
            rows.append((f"import refused: {name} (s)", took, 1.0, "s"))
            rows.append(("  peak Python memory (MiB)", peak, 100, "M"))

        # The worst pack a client could import: 497 practices of the most segments allowed.
        src = work / "worst"
        (src / "practices").mkdir(parents=True)
        (src / "pack.yaml").write_text(
            pack_meta("worst", "Worst", "Mallory Evil").decode(), encoding="utf-8"
        )
        for n in range(WORST_PRACTICES):
            text = HEADER.format(id=f"worst-{n}", title=f"Worst {n}") + WORST
            (src / "practices" / f"w{n}.yaml").write_text(text, encoding="utf-8")
        worst = build_pack(src, work / "worst.kappack", key=mallory, known_ids=known)
        took = time.perf_counter()
        import_pack(worst, folders, known_ids=known, confirm=lambda i: True)
        took = time.perf_counter() - took
        print(f"imported the worst pack (497 x 20,000 segments) in {took:.2f} s")

        def listed() -> float:
            start = time.perf_counter()
            with (
                contextlib.redirect_stdout(io.StringIO()),
                contextlib.redirect_stderr(io.StringIO()),
            ):
                list_command(folders)
            return time.perf_counter() - start

        first = listed()  # fills the check cache
        runs = [listed() for _ in range(args.runs)]
        print(
            f"list: first (cache filled) {first:.3f} s; then {', '.join(f'{r:.3f}' for r in runs)}"
        )
        rows.append(("list with the worst pack imported (s)", statistics.median(runs), 0.5, "s"))
        env = {**os.environ, "KAPCOMPANION_DATA_DIR": str(work / "data")}
        walls = []
        for _ in range(args.runs):
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "kapcompanion", "list"],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=True,
            )
            walls.append(time.perf_counter() - start)
        wall = statistics.median(walls)
        print(f"`kapcompanion list` as a process (start-up included): {wall:.3f} s")
        _common.report("Hostile input (issue #19)", rows, args.json)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
