"""Print benchmarks/results.json as the README's Performance table (Markdown).

Run: python tools/perf_table.py [benchmarks/results.json] [--readme README.md]

With ``--readme`` the table replaces what sits between the ``<!-- perf:start -->`` and
``<!-- perf:end -->`` markers in that file.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ISSUES = {
    "bench_core": "#2 core",
    "bench_audio_timing": "#3 audio",
    "bench_audio_render": "#3 audio",
    "bench_audio_cpu": "#3 audio",
    "bench_ui_startup": "#21 start-up",
    "bench_ui_practice": "#4 app",
    "bench_journal_speed": "#6 journal",
    "bench_journal_view": "#6 journal",
    "bench_today": "#6 journal",
    "bench_journal_durability": "#6 journal",
    "bench_editor": "#7 therapist tools",
    "bench_packs": "#7 therapist tools",
    "bench_packs_ui": "#7 therapist tools",
    "bench_library_language": "#9 languages",
}


def _value(v: float, unit: str) -> str:
    if unit == "s":
        return f"{v:.2f} s"
    if unit in ("ms", "µs"):
        return f"{v:.1f} {unit}" if v < 100 else f"{v:.0f} {unit}"
    if unit == "%":
        return f"{v:.1f} %"
    if unit == "Mi":
        return f"{v:.0f} MiB" if v >= 1 else f"{v:.3f} MiB"
    return f"{v:g} {unit}".strip()


def table(data: dict) -> str:
    """The Markdown table and the line naming the machine."""
    rows = ["| area | figure | measured | target | |", "|---|---|---:|---:|---|"]
    results = sorted(data["results"], key=lambda r: ISSUES.get(r["script"], "#9"))
    for r in results:
        area = ISSUES.get(r["script"], r["script"])
        mark = "pass" if r["pass"] else "**short**"
        rows.append(
            f"| {area} | {r['figure']} | {_value(r['value'], r['unit'])} "
            f"| {_value(r['target'], r['unit'])} | {mark} |"
        )
    kind = "quick smoke run" if data.get("quick") else "full run"
    head = f"Machine: {data['machine']} ({kind}; a shared machine, so figures vary)."
    rerun: dict[str, str] = data.get("rerun", {})
    if rerun:
        by_time: dict[str, list[str]] = {}
        for script, when in sorted(rerun.items()):
            by_time.setdefault(when, []).append(script)
        head += " Re-run since: " + "; ".join(
            f"{', '.join(names)} on {when}" for when, names in sorted(by_time.items())
        )
        head += "."
    return head + "\n\n" + "\n".join(rows) + "\n"


def main() -> None:
    """Print the table, or write it into the README."""
    ap = argparse.ArgumentParser()
    ap.add_argument("results", nargs="?", type=Path, default=ROOT / "benchmarks/results.json")
    ap.add_argument("--readme", type=Path)
    args = ap.parse_args()
    text = table(json.loads(args.results.read_text(encoding="utf-8")))
    if args.readme is None:
        print(text)
        return
    readme = args.readme.read_text(encoding="utf-8")
    pattern = re.compile(r"(<!-- perf:start -->\n).*?(<!-- perf:end -->)", re.S)
    if not pattern.search(readme):
        raise SystemExit(f"{args.readme}: no <!-- perf:start --> / <!-- perf:end --> markers")
    args.readme.write_text(pattern.sub(lambda m: m[1] + text + m[2], readme), encoding="utf-8")
    print(f"updated {args.readme}")


if __name__ == "__main__":
    main()
