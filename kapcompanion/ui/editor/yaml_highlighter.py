"""Quiet YAML colouring for practice files: keys, step kinds, durations, comments.

Colour only helps reading here; nothing depends on it (problems have their own marks).
Block scalars (``|`` and ``>``) are kept as text across lines with the block state.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from kapcompanion.core.parse import STEP_KINDS
from kapcompanion.ui.theme import Palette, current_palette

log = logging.getLogger(__name__)

_KEY = re.compile(r"^(\s*(?:-\s+)*)([A-Za-z_][A-Za-z0-9_]*)(\s*:)(?=\s|$)")
_FLOW_KEY = re.compile(r"(?<=[{,]\s)([A-Za-z_][A-Za-z0-9_]*)(\s*:)|(?<=[{,])([A-Za-z_]\w*)(:)")
_NUMBER = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?(?:h|m|s)?(?:\d+(?:\.\d+)?[ms])*)(?![\w.])")
_STRING = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^']|'')*'")
#: A placeholder that opens an unquoted value: YAML reads it as a mapping, so the live check
#: reports it; it is not coloured as a placeholder.
_BARE_BRACE = re.compile(r"^\s*(?:-\s+)*(?:[A-Za-z_]\w*:\s+)?(?=\{)")
_PLACEHOLDER = re.compile(r"(?<!\{)\{[a-z_][a-z0-9_]*\}(?!\})")
_BLOCK_START = re.compile(r":\s*[|>][-+0-9]*\s*(?:#.*)?$")

#: Per-theme colours: key, step kind, number, string, comment, placeholder.
COLOURS = {
    "light": ("#33617F", "#7A3E9D", "#2E6B3A", "#6B4C1E", "#6F7780", "#B8572E"),
    "dark": ("#9CC3DE", "#D7A8F0", "#A5D6A7", "#E8C89A", "#9AA4AE", "#F0B27A"),
}


def _fmt(colour: str, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    f = QTextCharFormat()
    f.setForeground(QColor(colour))
    if bold:
        f.setFontWeight(QFont.Weight.DemiBold)
    f.setFontItalic(italic)
    return f


def _opens_value(text: str, i: int) -> bool:
    """Whether a quote at ``i`` starts a value (not an apostrophe inside a word)."""
    before = text[:i].rstrip(" \t")
    return not before or before[-1] in ":-[{," or before.endswith(("? ", "- "))


def _strings(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quoted value; a quote inside a word ("I'm") is a letter."""
    out: list[tuple[int, int]] = []
    i = 0
    while (i := _next_quote(text, i)) >= 0:
        m = _STRING.match(text, i)
        if m is None or not _opens_value(text, i):
            i += 1
            continue
        out.append((m.start(), m.end()))
        i = m.end()
    return out


def _next_quote(text: str, start: int) -> int:
    found = [p for p in (text.find('"', start), text.find("'", start)) if p >= 0]
    return min(found) if found else -1


def _comment_start(text: str) -> int:
    """Where a ``#`` comment starts outside quotes, or -1."""
    quote = ""
    for i, ch in enumerate(text):
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'" and _opens_value(text, i):
            quote = ch
        elif ch == "#" and (i == 0 or text[i - 1] in " \t"):
            return i
    return -1


class YamlHighlighter(QSyntaxHighlighter):
    """Highlights a practice document; call :meth:`use_palette` when the theme changes."""

    def __init__(self, document: QTextDocument, palette: Palette | None = None) -> None:
        super().__init__(document)
        self.use_palette(palette or current_palette(), rehighlight=False)

    def use_palette(self, palette: Palette, *, rehighlight: bool = True) -> None:
        """Take the colours of ``palette`` (light or dark)."""
        key, kind, number, string, comment, placeholder = COLOURS[palette.name]
        self.key = _fmt(key, bold=True)
        self.kind = _fmt(kind, bold=True)
        self.number = _fmt(number)
        self.string = _fmt(string)
        self.comment = _fmt(comment, italic=True)
        self.placeholder = _fmt(placeholder, bold=True)
        if rehighlight:
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802
        """Colour one line (state 1 = inside a block scalar indented more than state>>1)."""
        indent = len(text) - len(text.lstrip(" "))
        state = self.previousBlockState()
        if state > 0 and (not text.strip() or indent > (state >> 1)):
            self.setFormat(0, len(text), self.string)
            self._placeholders(text)
            self.setCurrentBlockState(state)
            return
        self.setCurrentBlockState(0)
        cut = _comment_start(text)
        body = text if cut < 0 else text[:cut]
        for m in _NUMBER.finditer(body):
            self.setFormat(m.start(), m.end() - m.start(), self.number)
        for start, end in _strings(body):
            self.setFormat(start, end - start, self.string)
        m = _KEY.match(body)
        if m:
            name = m.group(2)
            fmt = self.kind if name in STEP_KINDS and "-" in m.group(1) else self.key
            self.setFormat(m.start(2), len(name), fmt)
        for fm in _FLOW_KEY.finditer(body):
            g = 1 if fm.group(1) else 3
            self.setFormat(fm.start(g), len(fm.group(g)), self.key)
        bare = _BARE_BRACE.match(body)
        self._placeholders(body, skip=bare.end() if bare and m is not None else -1)
        if cut >= 0:
            self.setFormat(cut, len(text) - cut, self.comment)
        if _BLOCK_START.search(body if cut < 0 else body.rstrip()):
            key_col = m.start(2) if m else indent
            self.setCurrentBlockState(1 | (key_col << 1))

    def _placeholders(self, text: str, skip: int = -1) -> None:
        """Colour ``{name}`` placeholders, except one starting at ``skip`` (unquoted)."""
        for m in _PLACEHOLDER.finditer(text):
            if m.start() != skip:
                self.setFormat(m.start(), m.end() - m.start(), self.placeholder)
