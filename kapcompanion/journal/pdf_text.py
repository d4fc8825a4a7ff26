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
        import reportlab

        base = Path(reportlab.__file__).parent / "fonts"
        files = [base / "Vera.ttf", base / "VeraBd.ttf", base / "VeraIt.ttf"]
    keys = ("KapSans", "KapSans-Bold", "KapSans-Italic")
    for key, file in zip(keys, files, strict=True):
        pdfmetrics.registerFont(TTFont(key, str(file)))
    pdfmetrics.registerFontFamily("KapSans", normal=keys[0], bold=keys[1], italic=keys[2])
    _fonts = keys
    return _fonts


def has_glyphs(font: str, text: str) -> bool:
    """Whether the registered TrueType ``font`` can draw every character of ``text``."""
    face = getattr(pdfmetrics.getFont(font), "face", None)
    chars = getattr(face, "charToGlyph", None)
    return chars is not None and all(ord(ch) in chars for ch in text)


#: A ticked and an open checklist item: drawn in the text font when it has the glyphs
#: (DejaVu Sans does), else in the PDF's own ZapfDingbats ("4" is its tick, "o" a box).
TICK, BOX = "\u2713", "\u2610"
DINGBATS = {TICK: "4", BOX: "o"}


def tick_marks(font: str) -> tuple[dict[str, str], str]:
    """The tick and box glyphs to print and the font to print them in."""
    if has_glyphs(font, TICK + BOX):
        return {TICK: TICK, BOX: BOX}, font
    return dict(DINGBATS), "ZapfDingbats"


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
    #: Where the text starts, from the left edge (room for a mark).
    indent: float = 0.0
    #: A mark drawn at the left edge before the text (a tick), and its font.
    mark: str = ""
    mark_font: str = ""


class TextBlock(Flowable):
    """Pre-wrapped lines that flow down the page and split between pages."""

    def __init__(self, lines: list[TextLine], space_after: float = 0.0) -> None:
        super().__init__()
        self.lines = lines
        self.space_after = space_after

    def _height(self, lines: list[TextLine]) -> float:
        return sum(ln.leading for ln in lines)

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:  # noqa: N803 - Flowable's names
        """Take the whole width; the height of every line (``aH`` is not needed)."""
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
            base = y + (ln.leading - ln.size) * 0.5
            if ln.mark:
                text.setTextOrigin(0, base)
                font = (ln.mark_font, ln.size)
                text.setFont(ln.mark_font, ln.size)
                if colour is not ln.colour:
                    colour = ln.colour
                    text.setFillColor(ln.colour)
                text.textOut(ln.mark)
            text.setTextOrigin(ln.indent, base)
            if font != (ln.font, ln.size):
                font = (ln.font, ln.size)
                text.setFont(ln.font, ln.size)
            if colour is not ln.colour:
                colour = ln.colour
                text.setFillColor(ln.colour)
            text.textOut(ln.text)
        c.drawText(text)
