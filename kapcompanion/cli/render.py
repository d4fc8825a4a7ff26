"""``kapcompanion render``: mix a practice to an audio file, with a progress bar."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kapcompanion.audio.loudness import TARGETS
from kapcompanion.audio.render import GATE_SECONDS, RenderError, RenderSummary, render_practice
from kapcompanion.core.durations import format_duration
from kapcompanion.core.model import Practice
from kapcompanion.core.spoken import is_english, spoken_items
from kapcompanion.core.visible import printable

if TYPE_CHECKING:
    from kapcompanion.audio.voice import VoiceService

log = logging.getLogger(__name__)


def _bar(fraction: float, width: int = 30, label: str = "Rendering") -> str:
    full = round(fraction * width)
    return f"\r{label}  [{'#' * full}{'.' * (width - full)}] {fraction * 100:3.0f}%"


def describe(summary: RenderSummary) -> list[str]:
    """What a render did, in plain lines: length, gates, loudness and peak."""
    lines = [f"Length: {format_duration(summary.seconds)}."]
    if summary.gates:
        ask = "step that asks" if summary.gates == 1 else f"{summary.gates} steps that ask"
        lines.append(
            f"The {ask} for an answer became {GATE_SECONDS:g} s of quiet with a soft bell "
            "(a file cannot wait for you)."
        )
    target = "phone listening" if summary.target == TARGETS["phone"] else "broadcast"
    lines.append(
        f"Loudness: {summary.loudness:.1f} LUFS (target {summary.target:g} for {target}), "
        f"peaks at {summary.true_peak_db:.1f} dBTP."
    )
    return lines


def render_cli(
    practice: Practice,
    out: Path,
    *,
    voice_cache: Path | None = None,
    voice: VoiceService | None = None,
    speak: bool = True,
    spoken_cues: bool | None = None,
    loudness: str = "phone",
    app_language: str = "system",
) -> int:
    """Render for the command line: a progress bar on a terminal, plain errors, exit code.

    The bar shows synthesis ("Speaking", texts done) and then mixing ("Rendering").
    ``voice`` is the service to speak with (Settings' voice and speed); ``speak`` False
    renders without the voice (turned off in Settings). A practice that is not in English
    is rendered without a voice (the built-in one speaks English only, and no system voice
    can be taken into a file: :func:`~kapcompanion.ui.speech.file_voice_problem`), and a
    note in the app's language (``app_language``, Settings' choice) says so once.
    """
    tty = sys.stderr.isatty()
    notes: list[str] = []
    if speak and not is_english(practice.language) and spoken_items(practice):
        from kapcompanion.ui.speech import file_voice_note, file_voice_problem

        log.info("render without a voice: %s", file_voice_problem(practice.language))
        notes.append(file_voice_note(app_language))
        speak = False  # never Spanish words in the English voice

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

    summary = RenderSummary()
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
            loudness=loudness,
            summary=summary,
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
    for line in describe(summary):
        print(f"  {line}")
    return 0
