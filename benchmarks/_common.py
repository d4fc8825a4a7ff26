"""Shared helpers for benchmark scripts: machine description and a figure table."""

from __future__ import annotations

import json
import os
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def machine() -> str:
    """CPU model, cores and Python, for the printed figures."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"
    )


def report(title: str, rows: list[tuple[str, float, float, str]], out: Path | None = None) -> None:
    """Print rows of (figure, value, target, unit) with pass/short, optionally as JSON."""
    print(f"\n{title}\n{machine()}")
    print(f"{'figure':<52} {'value':>12} {'target':>10}  result")
    results = []
    for name, value, target, unit in rows:
        ok = value <= target
        print(
            f"{name:<52} {value:>10.3f}{unit:>2} {target:>8g}{unit:>2}  {'pass' if ok else 'SHORT'}"
        )
        results.append({"figure": name, "value": value, "target": target, "unit": unit, "pass": ok})
    if out:
        out.write_text(
            json.dumps({"title": title, "machine": machine(), "results": results}, indent=2)
        )
