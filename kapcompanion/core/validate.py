"""Validate files, folders and packs the way ``kapcompanion validate`` reports them."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path

from kapcompanion.core.cache import CheckCache, check_files
from kapcompanion.core.errors import ERROR, Diagnostic
from kapcompanion.core.library import yaml_files
from kapcompanion.core.loader import YAML_SUFFIXES
from kapcompanion.core.model import Practice, Program
from kapcompanion.core.packs.names import PACK_SUFFIX

log = logging.getLogger(__name__)

#: Checks one .kappack file for ``validate``: given by the caller, who knows the data dir.
PackChecker = Callable[[Path], list[Diagnostic]]


class UsageError(Exception):
    """A path that cannot be validated at all (missing, not a practice file)."""


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files to check: each file as given, each folder's YAML files; raises on a missing path."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            if path.suffix.lower() in YAML_SUFFIXES:
                raise UsageError(
                    f"{path}: is a folder — validate a folder by naming it without {path.suffix}"
                )
            out.extend(yaml_files(path))
        elif path.is_file():
            out.append(path)
        elif path.exists():  # a pipe, a device, a socket: reading it could wait for ever
            raise UsageError(f"{path}: is not a regular file")
        else:
            raise UsageError(f"{path}: no such file or folder")
    return out


def validate_paths(
    paths: Iterable[Path],
    *,
    known_practices: Iterable[str] = (),
    cache: CheckCache | None = None,
    check_pack: PackChecker | None = None,
) -> list[Diagnostic]:
    """Check every file below ``paths``; return all problems (errors and warnings).

    Besides each file's own problems this reports ids used twice among the files, and
    program days naming practices that are neither among the files nor in
    ``known_practices``. A .kappack file is checked by ``check_pack`` (for instance
    :func:`kapcompanion.core.packs.validate_pack` bound to the data dir); without one it
    is reported as a file that cannot be checked here.
    """
    diagnostics: list[Diagnostic] = []
    seen: dict[str, str] = {}
    practices: set[str] = set(known_practices)
    programs: list[Program] = []
    files = expand(paths)
    yaml_paths = [p for p in files if p.suffix.lower() in YAML_SUFFIXES]
    checked = dict(zip(yaml_paths, check_files(yaml_paths, cache), strict=True))
    for path in files:
        if path.suffix.lower() == PACK_SUFFIX:
            diagnostics.extend(_check_pack(path, check_pack))
            continue
        if path not in checked:
            diagnostics.append(
                Diagnostic(
                    str(path),
                    0,
                    0,
                    ERROR,
                    "not a practice file",
                    "practices are .yaml files; packs are .kappack files",
                )
            )
            continue
        item, found = checked[path]
        diagnostics.extend(found)
        if item is None:
            continue
        key = f"{'program' if isinstance(item, Program) else 'practice'}:{item.id}:{item.language}"
        if key in seen:
            diagnostics.append(
                Diagnostic(
                    str(path),
                    _id_line(path),
                    1,
                    ERROR,
                    f'id "{item.id}" is also used by {seen[key]}',
                    "every practice in a library needs its own id",
                )
            )
        seen.setdefault(key, str(path))
        if isinstance(item, Practice):
            practices.add(item.id)
        else:
            programs.append(item)
    for program in programs:
        for day in program.days:
            for pid in day.practices:
                if pid not in practices:
                    diagnostics.append(
                        Diagnostic(
                            str(program.source),
                            day.line,
                            1,
                            ERROR,
                            f'day {day.day} names practice "{pid}", which is not in the library',
                            "check the id, or include the practice's file",
                        )
                    )
    return diagnostics


def _id_line(path: Path) -> int:
    try:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.startswith("id:"):
                return n
    except (OSError, UnicodeDecodeError):
        pass
    return 1


def _check_pack(path: Path, check_pack: PackChecker | None) -> list[Diagnostic]:
    if check_pack is None:
        return [Diagnostic(str(path), 0, 0, ERROR, "packs cannot be checked here")]
    return list(check_pack(path))
