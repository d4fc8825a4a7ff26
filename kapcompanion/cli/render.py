"""``kapcompanion render``: mix a practice to an audio file, with a progress bar."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from kapcompanion.audio.render import RenderError, render_practice
from kapcompanion.core.model import Practice

log = logging.getLogger(__name__)


def _bar(fraction: float, width: int = 30) -> str:
    full = round(fraction * width)
    return f"\rRendering  [{'#' * full}{'.' * (width - full)}] {fraction * 100:3.0f}%"


def render_cli(practice: Practice, out: Path) -> int:
    """Render for the command line: a progress bar on a terminal, plain errors, exit code."""
    tty = sys.stderr.isatty()

    def show(fraction: float) -> None:
        sys.stderr.write(_bar(fraction))
        sys.stderr.flush()

    notes: list[str] = []
    try:
        path = render_practice(practice, Path(out), progress=show if tty else None, warnings=notes)
    except RenderError as exc:
        if tty:
            sys.stderr.write("\n")
        print(f"kapcompanion render: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nRendering stopped; nothing was saved.", file=sys.stderr)
        return 1
    if tty:
        sys.stderr.write("\n")
    for note in notes:
        print(f"Note: {note}", file=sys.stderr)
    size = path.stat().st_size / 1e6
    print(f"Saved “{practice.title}” to {path} ({size:.1f} MB).")
    return 0
