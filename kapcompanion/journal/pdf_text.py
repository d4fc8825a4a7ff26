"""The PDF look (fonts, colours, sizes) and a fast text block for long exports.

DejaVu Sans is used when the system has it (wide language coverage), else reportlab's
own Vera, so the export works from the command line anywhere.

reportlab's Paragraph parses markup and re-measures on every layout pass; for thousands
of plain journal entries that dominates the export. :class:`TextBlock` measures each
distinct word once (a cache), wraps once, and splits across pages at line boundaries.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import reportlab
from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable

log = logging.getLogger(__name__)

INK = colors.HexColor("#2b3440")
MUTED = colors.HexColor("#6b7480")
RULE = colors.HexColor("#c9d1d9")
SESSION = colors.HexColor("#8a6fb0")
LINE_COLOURS = [
    colors.HexColor(c) for c in ("#2f7f8a", "#c0713a", "#4f6fb3", "#7a9a3a", "#b3475e", "#8a6fb0")
]
MAX_SERIES = len(LINE_COLOURS)
CHART_W, CHART_H = 170 * mm, 62 * mm

_FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/Library/Fonts"),
    Path.home() / "Library/Fonts",
    Path("C:/Windows/Fonts"),
)
_fonts: tuple[str, str, str] | None = None


def fonts() -> tuple[str, str, str]:
    """Register and return the (regular, bold, italic) font names."""
    global _fonts
    if _fonts is not None:
        return _fonts
    names = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")
    for folder in _FONT_DIRS:
        if all((folder / n).is_file() for n in names):
            files = [folder / n for n in names]
            break
    else:
        base = Path(reportlab.__file__).parent / "fonts"
        files = [base / "Vera.ttf", base / "VeraBd.ttf", base / "VeraIt.ttf"]
    keys = ("KapSans", "KapSans-Bold", "KapSans-Italic")
    for key, file in zip(keys, files, strict=True):
        pdfmetrics.registerFont(TTFont(key, str(file)))
    pdfmetrics.registerFontFamily("KapSans", normal=keys[0], bold=keys[1], italic=keys[2])
    _fonts = keys
    return _fonts


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

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:  # noqa: D102, N803 - Flowable's names
        self.width = aW
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
