"""Small builders for practice files in tests."""

from __future__ import annotations

import textwrap
from pathlib import Path

HEADER = """\
kapcompanion: 1
id: {id}
title: Test practice
category: anytime
summary: A practice for tests.
"""


def practice_text(steps: str, *, id: str = "test-practice", extra: str = "") -> str:
    """A whole practice file with the given steps block (indented YAML list)."""
    return (
        HEADER.format(id=id)
        + textwrap.dedent(extra)
        + "steps:\n"
        + textwrap.indent(textwrap.dedent(steps).strip("\n"), "  ")
        + "\n"
    )


def write(tmp_path: Path, text: str, name: str = "p.yaml") -> Path:
    """Write ``text`` to ``tmp_path/name`` and return the path."""
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
