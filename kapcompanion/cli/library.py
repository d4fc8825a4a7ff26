"""The library commands: validate, list, timeline, schema, and resolving FILE|ID."""

from __future__ import annotations

import json
import logging
import sys
from datetime import date
from pathlib import Path

from kapcompanion.core.cache import CheckCache
from kapcompanion.core.durations import format_duration
from kapcompanion.core.errors import Diagnostic, KapError, NotFoundError
from kapcompanion.core.folders import DataFolders
from kapcompanion.core.library import Library, library_key
from kapcompanion.core.loader import YAML_SUFFIXES, load_practice
from kapcompanion.core.model import Practice
from kapcompanion.core.packs import validate_pack
from kapcompanion.core.timeline import CHANNEL_SPEECH, Timeline, compile_practice, practice_seconds
from kapcompanion.core.validate import UsageError, validate_paths
from kapcompanion.core.visible import printable, shown

#: Newlines stay in a diagnostic's own text (its hint is on the next line).
NL = "\n"

log = logging.getLogger(__name__)


class CommandLineError(KapError):
    """A command-line value that cannot be used."""


def looks_like_path(target: str) -> bool:
    """Whether a FILE|ID argument is written as a path (has a slash or a .yaml ending)."""
    return "/" in target or "\\" in target or Path(target).suffix.lower() in YAML_SUFFIXES


def resolve_practice(target: str, folders: DataFolders) -> Practice:
    """A practice from a file path, or from an id in the library of ``folders``.

    An id in the library wins over a file or folder of the same name in the working
    folder, unless the argument looks like a path (``./calm``, ``calm.yaml``).
    """
    path = Path(target)
    if looks_like_path(target):
        if path.is_dir():
            raise NotFoundError(f"{target}: is a folder, not a practice file")
        if path.exists() and not path.is_file():
            raise NotFoundError(f"{target}: is not a regular file")
        if not path.is_file():
            raise NotFoundError(f"{target}: no such file")
        return load_practice(path)
    lib = Library.load(folders)
    try:
        return lib.practice(target)
    except NotFoundError:
        pass
    if path.is_file():
        return load_practice(path)
    ids = sorted(lib.practices)
    import difflib

    close = difflib.get_close_matches(target, ids, n=1)
    if path.exists():
        raise NotFoundError(
            f'no practice in the library has the id "{target}", and "{target}" here is a '
            f"folder, not a practice file — give an id from `kapcompanion list`"
            + (f' (did you mean "{close[0]}"?)' if close else "")
            + f", or a file path such as ./{target}/practice.yaml"
        )
    hint = f' — did you mean "{close[0]}"?' if close else " — `kapcompanion list` shows them"
    raise NotFoundError(f'no practice with id "{target}"{hint}')


def parse_date(text: str | None, flag: str) -> date | None:
    """A YYYY-MM-DD date from the command line."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandLineError(f'{flag} "{text}" is not a date; write it as YYYY-MM-DD') from None


def validate_command(folders: DataFolders, paths: list[Path], *, as_json: bool = False) -> int:
    """Print every problem as ``path:line:col: severity: message``; 0/1/2 exit codes."""
    known = frozenset(Library.load(folders, user=False, packs=False).practices)

    def check_pack(pack: Path) -> list[Diagnostic]:
        return validate_pack(pack, folders, known_ids=known)

    try:
        cache = CheckCache(folders.check_cache)
        diagnostics = validate_paths(
            paths, known_practices=known, cache=cache, check_pack=check_pack
        )
        cache.save()
    except UsageError as exc:
        print(f"kapcompanion validate: {printable(str(exc))}", file=sys.stderr)
        return 2
    if as_json:
        print(
            json.dumps(
                [
                    {
                        "path": d.path,
                        "line": d.line,
                        "col": d.col,
                        "severity": d.severity,
                        "message": d.message,
                        "hint": d.hint,
                    }
                    for d in diagnostics
                ],
                indent=2,
            )
        )
    else:
        for d in diagnostics:
            print(printable(str(d), NL))
    errors = sum(d.is_error for d in diagnostics)
    warnings = len(diagnostics) - errors
    if not as_json:
        summary = "all valid" if not errors else f"{errors} error{'s' * (errors != 1)}"
        if warnings:
            summary += f", {warnings} warning{'s' * (warnings != 1)}"
        print(summary)
    return 1 if errors else 0


def _language_mark(row: dict[str, object]) -> str:
    """A mark such as " [es]" after a title not in English; nothing for English."""
    return "" if row.get("language", "en") == "en" else f" [{row['language']}]"


def list_command(folders: DataFolders, *, as_json: bool = False) -> int:
    """Print the library, grouped by category, then programs."""
    lib = Library.load(folders)
    signers = _pack_signers(folders, lib)
    rows = []

    english = {p.id: p.title.lower() for p in lib.practices.values() if p.language == "en"}

    def order(p: Practice) -> tuple[str, str, bool, str]:
        # by title as before; a translation sits right under its English original
        return p.category, english.get(p.id, p.title.lower()), p.language != "en", p.language

    for p in sorted(lib.practices.values(), key=order):
        total = practice_seconds(p)  # summed, not compiled: a list stays instant
        rows.append(
            {
                "id": p.id,
                "title": p.title,
                "category": p.category,
                "language": p.language,
                "seconds": round(total, 1),
                "origin": lib.origin(library_key(p.id, p.language)),
                "tags": list(p.tags),
                "summary": p.summary,
                "author": _author(p, lib, signers),
            }
        )
    programs = [
        {
            "id": g.id,
            "title": g.title,
            "language": g.language,
            "origin": lib.origin(library_key(g.id, g.language)),
            "days": [d.day for d in g.days],
        }
        for g in sorted(lib.programs.values(), key=lambda g: (g.id, g.language != "en", g.language))
    ]
    if as_json:
        print(json.dumps({"practices": rows, "programs": programs}, indent=2, ensure_ascii=False))
        return 0
    for category in ("prepare", "anytime", "integrate"):
        group = [r for r in rows if r["category"] == category]
        if group:
            print(f"{category.capitalize()}")
            for r in group:
                origin = "" if r["origin"] == "built-in" else f"  ({r['origin']})"
                if str(r["origin"]).startswith("pack:") and r["author"]:
                    origin = f"  ({r['origin']}, from {r['author']})"
                length = format_duration(r["seconds"])
                line = f"  {r['id']:<26} {length:>7}  {r['title']}{_language_mark(r)}{origin}"
                print(shown(line))
    if programs:
        print("Programs")
        for g in programs:
            span = f"days {min(g['days']):+d}…{max(g['days']):+d}"
            print(shown(f"  {g['id']:<26} {span}  {g['title']}{_language_mark(g)}"))
    for problem in lib.problems:
        print(printable(str(problem), NL), file=sys.stderr)
    return 0


def _pack_signers(folders: DataFolders, lib: Library) -> dict[str, tuple[str, bool]]:
    """Who each installed pack is from (its key's confirmed name), when any practice is."""
    if not any(o.startswith("pack:") for o in lib.origins.values()):
        return {}
    from kapcompanion.core.packs import SigningStore, pack_signers

    return pack_signers(folders.packs, SigningStore.of(folders))


def _author(p: Practice, lib: Library, signers: dict[str, tuple[str, bool]]) -> str:
    """Who a practice is from: for a pack's, the signer (verified or not), else its author."""
    origin = lib.origin(library_key(p.id, p.language))
    if origin.startswith("pack:"):
        name, verified = signers.get(origin, ("", False))
        return f"{name}, verified" if name and verified else name
    return p.author


def schema_command() -> int:
    """Print the JSON Schema of the practice format, for editors."""
    from kapcompanion.core.schema import practice_schema

    print(json.dumps(practice_schema(), indent=2, ensure_ascii=False))
    return 0


def voiced_timeline(practice: Practice, folders: DataFolders) -> Timeline:
    """The live timeline with the voice's real lengths (from the cache, or said now).

    English practices only (the voice speaks English); with the voice off in Settings, or
    a voice that cannot start, the timeline has no voice, as live play would.
    """
    from kapcompanion.cli.voice import cli_voice, spoken_cues, voice_settings
    from kapcompanion.core.spoken import is_english

    settings = voice_settings(folders)
    cues = spoken_cues(settings)
    service = cli_voice(folders, settings) if is_english(practice.language) else None
    if service is None:
        return compile_practice(practice)
    from kapcompanion.audio.voice.live import wait_lengths

    with service:
        lengths, error = wait_lengths(practice, service, spoken_cues=cues)
    if error is not None:
        print(f"Note: {error} The timeline has no spoken voice.", file=sys.stderr)
        return compile_practice(practice)
    return compile_practice(practice, voice_lengths=lengths, spoken_cues=cues)


def timeline_command(folders: DataFolders, target: str, *, as_json: bool = False) -> int:
    """Print the compiled timeline: steps, segments and cues with times (voice included)."""
    timeline = voiced_timeline(resolve_practice(target, folders), folders)
    if as_json:
        print(json.dumps(timeline.to_dict(), indent=2, ensure_ascii=False))
        return 0
    head = f"{timeline.title} ({timeline.practice_id}) — {format_duration(timeline.total)}"
    print(shown(head))
    cues = {c.segment: c for c in timeline.cues}
    for span in timeline.steps:
        print(shown(f"{_clock(span.start)}  step {span.index + 1}: {span.kind} — {span.title}"))
        segs = timeline.segments[span.first_segment : span.end_segment]
        if span.kind == "breathe":
            segs = [s for s in segs if s.cycle == 1]
            print(f"           (one cycle shown of {segs[0].cycles if segs else 0})")
        for s in segs:
            cue = cues.get(s.index)
            sound = f"  ♪ {Path(cue.sound).name}" if cue else ""
            if cue is not None and cue.channel == CHANNEL_SPEECH:
                sound = "  (spoken)"
            line = f"  {_clock(s.start)}–{_clock(s.end)}  {s.phase:<8} {s.text[:60]}{sound}"
            print(shown(line))
    print(f"{_clock(timeline.total)}  end")
    return 0


def _clock(seconds: float) -> str:
    m, s = divmod(seconds, 60)
    return f"{int(m):02d}:{s:05.2f}"
