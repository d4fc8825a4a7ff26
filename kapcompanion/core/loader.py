"""Load a practice or program file: parse, check, build — or say exactly what is wrong."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from kapcompanion.core.errors import ERROR, Diagnostic, ValidationError
from kapcompanion.core.gcpause import no_cycle_collection
from kapcompanion.core.model import Practice, Program
from kapcompanion.core.parse import PracticeParser
from kapcompanion.core.program import ProgramParser
from kapcompanion.core.yamlsafe import Document, YamlError, load, parse

log = logging.getLogger(__name__)

YAML_SUFFIXES = (".yaml", ".yml")


def check_file(
    path: Path, shown: str | None = None
) -> tuple[Practice | Program | None, list[Diagnostic]]:
    """Read ``path`` and return what it defines (None when invalid) and every problem."""
    shown = shown or str(path)
    return _check(lambda: load(path, shown), path)


def check_text(
    text: str, shown: str, source: Path | None = None
) -> tuple[Practice | Program | None, list[Diagnostic]]:
    """Like :func:`check_file` for text in memory (the editor's live check)."""
    return _check(lambda: parse(text, shown), source)


def _check(
    read: Callable[[], Document], source: Path | None
) -> tuple[Practice | Program | None, list[Diagnostic]]:
    """Parse with ``read`` and build what it defines, the cycle collector held throughout."""
    with no_cycle_collection():
        try:
            doc = read()
        except YamlError as exc:
            return None, [exc.diagnostic]
        return check_document(doc, source)


def check_document(
    doc: object, source: Path | None
) -> tuple[Practice | Program | None, list[Diagnostic]]:
    """Build a practice or program from a parsed document."""
    assert isinstance(doc, Document)
    data = doc.data
    if isinstance(data, dict) and data.get("kind") == "program":
        pparser = ProgramParser(doc, source)
        return pparser.program(), _sorted(pparser.diagnostics)
    if isinstance(data, dict) and "kind" in data and data["kind"] != "practice":
        mark = doc.value_mark(data, "kind")
        return None, [
            Diagnostic(
                doc.path,
                *mark,
                ERROR,
                f'kind "{data["kind"]}" is not known',
                "use kind: program for a program; practices need no kind",
            )
        ]
    parser = PracticeParser(doc, source.parent if source else None, source)
    return parser.practice(), _sorted(parser.diagnostics)


def load_file(path: Path | str) -> Practice | Program:
    """Load a practice or program, raising :class:`ValidationError` when it is invalid."""
    path = Path(path)
    item, diagnostics = check_file(path)
    if item is None or any(d.is_error for d in diagnostics):
        raise ValidationError(path, diagnostics)
    return item


def load_practice(path: Path | str) -> Practice:
    """Load a practice file (a program file is an error here)."""
    item = load_file(path)
    if not isinstance(item, Practice):
        raise ValidationError(
            path, [Diagnostic(str(path), 1, 1, ERROR, "this file is a program, not a practice")]
        )
    return item


def _sorted(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=lambda d: (d.line, d.col))
