"""``kapcompanion render``: mix a practice to an audio file, with a progress bar."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kapcompanion.audio.render import RenderError, render_practice
from kapcompanion.core.model import Practice
from kapcompanion.core.visible import printable

if TYPE_CHECKING:
    from kapcompanion.audio.voice import VoiceService

log = logging.getLogger(__name__)


def _bar(fraction: float, width: int = 30, label: str = "Rendering") -> str:
    full = round(fraction * width)
    return f"\r{label}  [{'#' * full}{'.' * (width - full)}] {fraction * 100:3.0f}%"


def render_cli(
    practice: Practice,
    out: Path,
    *,
    voice_cache: Path | None = None,
    voice: VoiceService | None = None,
    speak: bool = True,
    spoken_cues: bool | None = None,
) -> int:
    """Render for the command line: a progress bar on a terminal, plain errors, exit code.

    The bar shows synthesis ("Speaking", texts done) and then mixing ("Rendering").
    ``voice`` is the service to speak with (Settings' voice and speed); ``speak`` False
    renders without the voice (turned off in Settings).
    """
    tty = sys.stderr.isatty()

    def show(fraction: float) -> None:
        sys.stderr.write(_bar(fraction))
        sys.stderr.flush()

    def speaking(done: int, total: int) -> None:
        if not total:
            return
        sys.stderr.write(_bar(done / total, label="Speaking "))
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    notes: list[str] = []
    try:
        path = render_practice(
            practice,
            Path(out),
            progress=show if tty else None,
            warnings=notes,
            voice_cache=voice_cache,
            speech_progress=speaking if tty else None,
            speak=speak,
            voice=voice,
            spoken_cues=spoken_cues,
        )
    except RenderError as exc:
        if tty:
            sys.stderr.write("\n")
        print(f"kapcompanion render: {printable(str(exc), chr(10))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nRendering stopped; nothing was saved.", file=sys.stderr)
        return 1
    if tty:
        sys.stderr.write("\n")
    for note in notes:
        print(f"Note: {printable(note)}", file=sys.stderr)
    size = path.stat().st_size / 1e6
    print(f"Saved “{printable(practice.title)}” to {path} ({size:.1f} MB).")
    return 0
