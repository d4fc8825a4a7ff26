"""Run every benchmark and print one table: figure, value, target, pass or SHORT.

    python -m benchmarks                 # the full suite (about 25 minutes)
    python -m benchmarks --quick         # a short smoke run of every script (CI)
    python -m benchmarks --only core ui  # scripts whose name contains a word
    python -m benchmarks --out results.json
    python -m benchmarks --only startup --merge   # re-run some; keep the others' rows

Each ``bench_*.py`` runs in its own process (a clean interpreter, as a user's launch would
be) with ``--json``; the figures are gathered into one table and one JSON file with the
machine they ran on. A script that fails is reported and the others still run. Times are
figures to read, not gates: the exit code is 0 unless a script itself failed.
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

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _common  # noqa: E402  (after the path is set)

#: Extra arguments per script: (full run, quick smoke run).
ARGS: dict[str, tuple[list[str], list[str]]] = {
    "bench_core": ([], ["--files", "50"]),
    "bench_audio_timing": (["--minutes", "10"], ["--minutes", "0.5"]),
    "bench_audio_render": (["--minutes", "20"], ["--minutes", "1"]),
    "bench_audio_cpu": (["--minutes", "2"], ["--minutes", "0.25"]),
    "bench_journal_speed": ([], ["--entries", "1000", "--runs", "1"]),
    "bench_journal_durability": ([], ["--entries", "1000"]),
    "bench_packs": ([], ["--runs", "1"]),
    "bench_hostile": ([], ["--runs", "1"]),
    "bench_packs_ui": ([], ["--runs", "1"]),
    "bench_editor": ([], ["--repeat", "3"]),
    "bench_library_language": ([], ["--runs", "1"]),
    "bench_today": ([], ["--entries", "1000", "--runs", "1"]),
    "bench_journal_view": ([], ["--entries", "1000", "--runs", "1"]),
    "bench_ui_practice": (["--seconds", "30"], ["--seconds", "3"]),
    "bench_ui_startup": ([], ["--runs", "1"]),
    "bench_voice": ([], []),
}
#: Seconds a script may take before it is stopped (full, quick).
TIMEOUT = (1800, 300)


def scripts(only: list[str]) -> list[Path]:
    """The benchmark scripts to run, in name order."""
    found = sorted(HERE.glob("bench_*.py"))
    if only:
        found = [p for p in found if any(word in p.stem for word in only)]
    return found


def run_one(script: Path, quick: bool, out: Path) -> tuple[int, float, list[dict[str, object]]]:
    """Run one script; return its exit code, seconds taken and its figures."""
    full, smoke = ARGS.get(script.stem, ([], []))
    args = [sys.executable, str(script), *(smoke if quick else full)]
    takes_json = "--json" in script.read_text(encoding="utf-8")
    if takes_json:
        args += ["--json", str(out)]
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE.parent), env.get("PYTHONPATH")]))
    start = time.perf_counter()
    try:
        proc = subprocess.run(args, env=env, timeout=TIMEOUT[quick], check=False)
        code = proc.returncode
    except subprocess.TimeoutExpired:
        print(f"{script.name}: stopped after {TIMEOUT[quick]} s", file=sys.stderr)
        code = 124
    took = time.perf_counter() - start
    figures: list[dict[str, object]] = []
    if takes_json and out.exists():
        figures = list(json.loads(out.read_text(encoding="utf-8")).get("results", []))
    return code, took, figures


def merged(old: dict, new: dict, ran: list[Path]) -> dict:
    """``old`` with the rows of the scripts in ``ran`` replaced by ``new``'s, noting when."""
    names = {p.stem for p in ran}
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    kept = [r for r in old.get("results", []) if r.get("script") not in names]
    out = dict(old)
    out["results"] = kept + list(new["results"])
    still = {f for f in old.get("failed", []) if Path(f).stem not in names}
    out["failed"] = sorted(still | set(new["failed"]))
    out["rerun"] = {**old.get("rerun", {}), **dict.fromkeys(sorted(names), when)}
    if new["machine"] != old.get("machine"):
        out["machine_rerun"] = new["machine"]
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the suite; print the table and write it as JSON."""
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="short smoke runs (figures are rough)")
    ap.add_argument("--only", nargs="*", default=[], help="run scripts whose name has a word")
    ap.add_argument("--out", type=Path, default=HERE / "results.json", help="the JSON table")
    ap.add_argument(
        "--merge",
        action="store_true",
        help="replace only the rows of the scripts run now in --out (their re-run time noted)",
    )
    args = ap.parse_args(argv)
    rows: list[dict[str, object]] = []
    failed: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for script in scripts(args.only):
            print(f"\n=== {script.name} ===", flush=True)
            code, took, figures = run_one(script, args.quick, Path(tmp) / f"{script.stem}.json")
            if code != 0:
                failed.append(script.name)
            rows += [{"script": script.stem, **f} for f in figures]
            print(f"--- {script.name}: exit {code}, {took:.1f} s", flush=True)
    print(f"\nAll benchmarks{' (quick smoke run)' if args.quick else ''}")
    print(_common.machine())
    print(f"{'script':<22} {'figure':<56} {'value':>12} {'target':>10}  result")
    for r in rows:
        unit = str(r["unit"])
        print(
            f"{str(r['script'])[6:]:<22} {str(r['figure'])[:56]:<56} "
            f"{float(r['value']):>10.3f}{unit:>2} {float(r['target']):>8g}{unit:>2}  "  # type: ignore[arg-type]
            f"{'pass' if r['pass'] else 'SHORT'}"
        )
    for name in failed:
        print(f"{name}: FAILED (see its output above)")
    table: dict[str, object] = {
        "machine": _common.machine(),
        "quick": args.quick,
        "results": rows,
        "failed": failed,
    }
    if args.merge and args.out.exists():
        table = merged(json.loads(args.out.read_text(encoding="utf-8")), table, scripts(args.only))
    args.out.write_text(json.dumps(table, indent=2), encoding="utf-8")
    print(f"\nWritten to {args.out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
