"""A fast text block for long PDF exports: lines wrapped once, drawn with one text object.

reportlab's Paragraph parses markup and re-measures on every layout pass; for thousands
of plain journal entries that dominates the export. :class:`TextBlock` measures each
distinct word once (a cache), wraps once, and splits across pages at line boundaries.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

log = logging.getLogger(__name__)

#: Entries this short (in lines) are never split between pages.
KEEP_WHOLE = 8

_widths: dict[tuple[str, str, float], float] = {}


def width_of(text: str, font: str, size: float) -> float:
    """The printed width of ``text`` (cached per word, font and size)."""
    key = (text, font, size)
    w = _widths.get(key)
    if w is None:
        if len(_widths) > 200_000:
            _widths.clear()
        w = _widths[key] = stringWidth(text, font, size)
    return w


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (long words are cut)."""
    out: list[str] = []
    space = width_of(" ", font, size)
    for para in text.splitlines() or [""]:
        line: list[str] = []
        used = 0.0
        for word in para.split(" "):
            w = width_of(word, font, size)
            while w > width and word:  # a word longer than the line: cut it
                if line:
                    out.append(" ".join(line))
                    line, used = [], 0.0
                cut = len(word)
                while cut > 1 and width_of(word[:cut], font, size) > width:
                    cut = max(1, cut * 3 // 4)
                out.append(word[:cut])
                word = word[cut:]
                w = width_of(word, font, size)
            extra = w + (space if line else 0.0)
            if line and used + extra > width:
                out.append(" ".join(line))
                line, used = [word], w
            else:
                line.append(word)
                used += extra
        out.append(" ".join(line))
    return out


@dataclass(frozen=True, slots=True)
class TextLine:
    """One printed line in one font and colour."""

    text: str
    font: str
    size: float
    colour: Color
    leading: float


class TextBlock(Flowable):
    """Pre-wrapped lines that flow down the page and split between pages."""

    def __init__(self, lines: list[TextLine], space_after: float = 0.0) -> None:
        super().__init__()
        self.lines = lines
        self.space_after = space_after

    def _height(self, lines: list[TextLine]) -> float:
        return sum(ln.leading for ln in lines)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:  # noqa: D102
        self.width = avail_width
        self.height = self._height(self.lines) + self.space_after
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:  # noqa: D102
        used, n = 0.0, 0
        for ln in self.lines:
            if used + ln.leading > avail_height:
                break
            used += ln.leading
            n += 1
        # Short entries move whole to the next page; long ones keep two lines together.
        if len(self.lines) <= KEEP_WHOLE or n < 2 or len(self.lines) - n < 2:
            return []
        return [TextBlock(self.lines[:n]), TextBlock(self.lines[n:], self.space_after)]

    def draw(self) -> None:  # noqa: D102
        c = self.canv
        y = self.height - self.space_after
        text = c.beginText()
        font: tuple[str, float] | None = None
        colour: Color | None = None
        for ln in self.lines:
            y -= ln.leading
            text.setTextOrigin(0, y + (ln.leading - ln.size) * 0.5)
            if font != (ln.font, ln.size):
                font = (ln.font, ln.size)
                text.setFont(ln.font, ln.size)
            if colour is not ln.colour:
                colour = ln.colour
                text.setFillColor(ln.colour)
            text.textOut(ln.text)
        c.drawText(text)
