"""Say what a YAML syntax error really is, at the place the writer must change.

PyYAML's parser reports where it gave up, in its own words ("mapping values are not
allowed in this context", "found character that cannot start any token"), and often a
line after the mistake. The usual mistakes in a hand-written practice are few: curly
quotes from a word processor, text starting with a ``{placeholder}`` left unquoted, a
key without its colon, and a tab used to indent. :func:`diagnose` looks at the text
around the parser's mark for each of them, and returns a located message naming it, or
None when the mistake is something else (the parser's own words are used then).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

log = logging.getLogger(__name__)

CURLY_QUOTES = "“”‘’„«»"
CURLY_MESSAGE = "curly quotes “ ” are not YAML quotes"
CURLY_HINT = 'use straight quotes " "'
BRACE_MESSAGE = 'text that starts with "{" must be in quotes'
TAB_MESSAGE = "use spaces to indent, not tabs"
TAB_HINT = "YAML reads only spaces as indentation; most editors can turn tabs into spaces"

#: A value that starts with a curly quote: after "key:" or "- ".
_CURLY_VALUE = re.compile(rf"(?:^\s*(?:-\s+)*[\w-]+:\s+|^\s*-\s+)([{CURLY_QUOTES}])")
#: A value that starts with a placeholder such as ``{word}``, unquoted.
_BRACE_VALUE = re.compile(r"(?:^\s*(?:-\s+)*[\w-]+:\s+|^\s*-\s+)(\{[A-Za-z_]\w*\})")
#: A line that is a key (or step kind) and its value with the colon left out.
_NO_COLON = re.compile(r"^(\s*(?:-\s+)?)([a-z_]+)(\s+)(\S[^:#]*)$")


@dataclass(frozen=True)
class Hint:
    """A better account of a syntax error: where (1-based) and what."""

    line: int
    col: int
    message: str
    hint: str = ""


def diagnose(text: str, line: int, col: int, problem: str) -> Hint | None:
    """The real mistake behind the parser's ``problem`` at ``line``:``col`` (1-based).

    Args:
        text: the whole file.
        line: the parser's line (1-based; 0 when unknown).
        col: the parser's column (1-based).
        problem: the parser's words.

    Returns:
        A located message, or None when none of the usual mistakes explains it.
    """
    lines = text.splitlines()
    if not lines or line < 1:
        return None
    last = min(line, len(lines))
    return (
        _tab(lines, last)
        or _curly(lines, last)
        or _brace(lines, last)
        or _missing_colon(lines, last, problem)
    )


def _near(lines: list[str], last: int) -> list[int]:
    """0-based indices of the error's line and the line before it, nearest first."""
    return [i for i in (last - 1, last - 2) if 0 <= i < len(lines)]


def _tab(lines: list[str], last: int) -> Hint | None:
    for i in range(last):
        indent = len(lines[i]) - len(lines[i].lstrip(" \t"))
        pos = lines[i].find("\t", 0, indent)
        if pos >= 0 and lines[i].strip():
            return Hint(i + 1, pos + 1, TAB_MESSAGE, TAB_HINT)
    return None


def _curly(lines: list[str], last: int) -> Hint | None:
    for i in _near(lines, last):
        m = _CURLY_VALUE.match(lines[i])
        if m:
            return Hint(i + 1, m.start(1) + 1, CURLY_MESSAGE, CURLY_HINT)
    return None


def _brace(lines: list[str], last: int) -> Hint | None:
    for i in _near(lines, last):
        m = _BRACE_VALUE.match(lines[i])
        if m and m.end(1) < len(lines[i].rstrip()):
            value = lines[i][m.start(1) :].strip()
            return Hint(i + 1, m.start(1) + 1, BRACE_MESSAGE, f'write it as "{value}"')
    return None


def _missing_colon(lines: list[str], last: int, problem: str) -> Hint | None:
    """A ``key value`` line just before the error, written without its colon."""
    if "expected ':'" not in problem and "mapping values are not allowed" not in problem:
        return None
    for i in range(last - 2, -1, -1):  # the lines before the parser's
        stripped = lines[i].strip()
        if not stripped or stripped.startswith("#"):
            continue
        m = _NO_COLON.match(lines[i].rstrip())
        if m is None:
            return None
        key = m.group(2)
        return Hint(
            i + 1,
            m.end(2) + 1,
            f'a ":" is missing after "{key}"',
            f"write {key}: {m.group(4).strip()}",
        )
    return None
