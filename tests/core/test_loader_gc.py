"""Checking a file holds the cycle collector and leaves it as it found it."""

from __future__ import annotations

import gc
from pathlib import Path

from kapcompanion.core.loader import check_text

ROOT = Path(__file__).resolve().parents[2]
TEXT = (ROOT / "scripts" / "integrate" / "guided-journaling.yaml").read_text(encoding="utf-8")


def test_the_collector_is_back_on_after_a_check() -> None:
    assert gc.isenabled()
    item, problems = check_text(TEXT, "t.yaml")
    assert item is not None and not [p for p in problems if p.is_error]
    assert gc.isenabled()


def test_a_caller_that_turned_it_off_keeps_it_off() -> None:
    gc.disable()
    try:
        check_text(TEXT, "t.yaml")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_failing_check_still_turns_it_back_on() -> None:
    item, problems = check_text("steps: [unclosed", "bad.yaml")
    assert item is None and problems
    assert gc.isenabled()
