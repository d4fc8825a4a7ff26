"""The benchmark table: re-running some scripts keeps the other rows and says when."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _modules() -> tuple[object, object]:
    for folder in (ROOT / "benchmarks", ROOT / "tools"):
        if str(folder) not in sys.path:
            sys.path.insert(0, str(folder))
    runner = importlib.import_module("benchmarks.__main__")
    table = importlib.import_module("perf_table")
    return runner, table


def row(script: str, figure: str, value: float) -> dict[str, object]:
    return {"script": script, "figure": figure, "value": value, "target": 1.0, "unit": "s",
            "pass": value <= 1.0}  # fmt: skip


def test_a_merged_rerun_replaces_only_its_scripts_rows_and_is_dated() -> None:
    runner, table = _modules()
    old = {
        "machine": "m",
        "quick": False,
        "results": [row("bench_core", "old core", 2.0), row("bench_ui_startup", "old start", 1.5)],
        "failed": ["bench_ui_startup.py"],
    }
    new = {"machine": "m", "quick": False, "results": [row("bench_ui_startup", "new", 0.2)],
           "failed": []}  # fmt: skip
    out = runner.merged(old, new, [Path("bench_ui_startup.py")])  # type: ignore[attr-defined]
    assert [r["figure"] for r in out["results"]] == ["old core", "new"]
    assert out["failed"] == []
    assert set(out["rerun"]) == {"bench_ui_startup"}
    text = table.table(out)  # type: ignore[attr-defined]
    assert "Re-run since: bench_ui_startup on " in text
    assert "| #21 start-up | new | 0.20 s |" in text
    assert "| #2 core | old core | 2.00 s |" in text
