"""The PDF export: a tidy clinical summary (title, dates, intentions, charts, chosen entries).

Built with reportlab (no Qt, so it works from the command line anywhere). Text uses
DejaVu Sans when the system has it (wide language coverage), else reportlab's own Vera.
"""

from __future__ import annotations

import io
import logging
from datetime import date
from itertools import groupby
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from kapcompanion.journal.export import ExportData, IntentionPair, long_date
from kapcompanion.journal.history import WHO5_LOW, WHO5_MEANINGFUL_CHANGE, Point
from kapcompanion.journal.pdf_text import TextBlock, TextLine, wrap
from kapcompanion.journal.records import Entry

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


def _styles() -> dict[str, ParagraphStyle]:
    reg, bold, ital = fonts()
    base = ParagraphStyle("body", fontName=reg, fontSize=9.5, leading=13, textColor=INK)
    return {
        "title": ParagraphStyle("title", base, fontName=bold, fontSize=18, leading=22),
        "sub": ParagraphStyle("sub", base, textColor=MUTED, fontSize=9.5),
        "h2": ParagraphStyle(
            "h2", base, fontName=bold, fontSize=12.5, leading=16, spaceBefore=10, spaceAfter=4
        ),
        "h3": ParagraphStyle(
            "h3",
            base,
            fontName=bold,
            fontSize=10,
            leading=13,
            spaceBefore=6,
            spaceAfter=2,
            textColor=MUTED,
            keepWithNext=1,
        ),
        "body": base,
        "entry": ParagraphStyle("entry", base, spaceAfter=5),
        "small": ParagraphStyle("small", base, fontSize=8, leading=10, textColor=MUTED),
        "italic": ParagraphStyle("italic", base, fontName=ital),
    }


def _text(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


TEXT_WIDTH = A4[0] - 40 * mm


def _entry_block(data: ExportData, e: Entry) -> TextBlock:
    """One entry as fast pre-wrapped lines: time and practice, prompt, then the answer."""
    reg, bold, ital = fonts()
    size, lead = 9.5, 13.0
    when = e.created_at.astimezone()
    head = e.title if e.kind == "note" and e.title else data.practice_title(e)
    lines = [
        TextLine(t, bold, size, INK, lead)
        for t in wrap(f"{when:%H:%M} · {head}", bold, size, TEXT_WIDTH)
    ]
    if e.prompt:
        lines += [
            TextLine(t, ital, size, MUTED, lead) for t in wrap(e.prompt, ital, size, TEXT_WIDTH)
        ]
    if e.kind == "check_in":
        body = f"Score: {e.display}"
    elif e.kind == "checklist":
        body = "\n".join(f"[{'x' if v else ' '}] {k}" for k, v in e.value.items())
    else:
        body = e.text
    lines += [TextLine(t, reg, size, INK, lead) for t in wrap(body, reg, size, TEXT_WIDTH)]
    return TextBlock(lines, space_after=5)


def _count(n: int) -> str:
    return f"{n} entry" if n == 1 else f"{n} entries"


def _after_text(pair: IntentionPair) -> str:
    text = "<br/><br/>".join(_text(e.text) for e in pair.shown_after) or "—"
    if pair.more_after:
        text += f"<br/><br/><font color='#6b7480'>(and {pair.more_after} more under Entries)</font>"
    return text


def _axes(d: Drawing, x0: float, y0: float, w: float, h: float, top: float, step: float) -> None:
    reg = fonts()[0]
    d.add(Rect(x0, y0, w, h, strokeColor=RULE, fillColor=None, strokeWidth=0.5))
    v = 0.0
    while v <= top + 1e-9:
        y = y0 + h * v / top
        d.add(Line(x0, y, x0 + w, y, strokeColor=RULE, strokeWidth=0.3))
        d.add(
            String(
                x0 - 4, y - 3, f"{v:g}", fontName=reg, fontSize=7, fillColor=MUTED, textAnchor="end"
            )
        )
        v += step


def _x_of(day: date, first: date, span: int, x0: float, w: float) -> float:
    return x0 + w * ((day - first).days / span if span else 0.5)


def _dates_axis(d: Drawing, first: date, last: date, x0: float, y0: float, w: float) -> int:
    reg = fonts()[0]
    span = (last - first).days
    for day in (first, last) if span else (first,):
        d.add(
            String(
                _x_of(day, first, span, x0, w),
                y0 - 10,
                f"{day.day} {day:%b}",
                fontName=reg,
                fontSize=7,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )
    return span


def _session_marks(
    d: Drawing, data: ExportData, first: date, last: date, box: tuple[float, ...]
) -> None:
    x0, y0, w, h = box
    span = (last - first).days
    for s in data.sessions:
        if first <= s.on_date <= last:
            x = _x_of(s.on_date, first, span, x0, w)
            d.add(
                Line(x, y0, x, y0 + h, strokeColor=SESSION, strokeWidth=0.8, strokeDashArray=[3, 2])
            )
            d.add(
                String(
                    x + 2,
                    y0 + h - 8,
                    f"Session {s.number}",
                    fontName=fonts()[0],
                    fontSize=7,
                    fillColor=SESSION,
                )
            )


def checkin_chart(data: ExportData) -> Drawing | None:
    """Check-in scores over time (one line per question, 0–10), sessions marked."""
    series = data.checkins
    if not series:
        return None
    chosen = sorted(series.items(), key=lambda kv: -len(kv[1]))[:MAX_SERIES]
    points = [p for _, pts in chosen for p in pts]
    first = min(min(p.day for p in points), data.first_day or date.max)
    last = max(max(p.day for p in points), data.last_day or date.min)
    d = Drawing(CHART_W, CHART_H + 14 * ((len(chosen) + 2) // 3))
    legend_h = 14 * ((len(chosen) + 2) // 3)
    x0, y0, w, h = 18.0, 14.0 + legend_h, CHART_W - 24, CHART_H - 22
    _axes(d, x0, y0, w, h, 10, 2)
    span = _dates_axis(d, first, last, x0, y0, w)
    _session_marks(d, data, first, last, (x0, y0, w, h))
    for i, (name, pts) in enumerate(chosen):
        colour = LINE_COLOURS[i]
        xy = _plot(pts, first, span, (x0, y0, w, h), 10)
        if len(xy) >= 4:
            d.add(PolyLine(xy, strokeColor=colour, strokeWidth=1.1))
        for j in range(0, len(xy), 2):
            d.add(Circle(xy[j], xy[j + 1], 1.6, fillColor=colour, strokeColor=None))
        lx, ly = 4 + (i % 3) * (CHART_W / 3), legend_h - 10 - 14 * (i // 3)
        d.add(Rect(lx, ly, 8, 3, fillColor=colour, strokeColor=None))
        d.add(
            String(
                lx + 12,
                ly - 1,
                name.replace("_", " "),
                fontName=fonts()[0],
                fontSize=7.5,
                fillColor=INK,
            )
        )
    return d


def _plot(
    pts: list[Point], first: date, span: int, box: tuple[float, ...], top: float
) -> list[float]:
    x0, y0, w, h = box
    xy: list[float] = []
    for p in pts:
        xy += [_x_of(p.day, first, span, x0, w), y0 + h * p.score / top]
    return xy


def who5_chart(data: ExportData) -> Drawing | None:
    """WHO-5 scores 0–100 with the line at 50 and the size of a real (10-point) change."""
    series = data.who5
    if not series:
        return None
    days = [w.at.astimezone().date() for w in series]
    first, last = min(days), max(days)
    d = Drawing(CHART_W, CHART_H)
    x0, y0, w, h = 22.0, 14.0, CHART_W - 28, CHART_H - 22
    _axes(d, x0, y0, w, h, 100, 20)
    span = _dates_axis(d, first, last, x0, y0, w)
    _session_marks(d, data, first, last, (x0, y0, w, h))
    y_low = y0 + h * WHO5_LOW / 100
    d.add(
        Line(
            x0,
            y_low,
            x0 + w,
            y_low,
            strokeColor=colors.HexColor("#b3475e"),
            strokeWidth=0.7,
            strokeDashArray=[2, 2],
        )
    )
    d.add(
        String(
            x0 + 3,
            y_low - 9,
            f"{WHO5_LOW} or lower: worth talking it through",
            fontName=fonts()[0],
            fontSize=7,
            fillColor=MUTED,
        )
    )
    xy: list[float] = []
    for day, pt in zip(days, series, strict=True):
        xy += [_x_of(day, first, span, x0, w), y0 + h * pt.score / 100]
    if len(xy) >= 4:
        d.add(PolyLine(xy, strokeColor=LINE_COLOURS[0], strokeWidth=1.2))
    for j, pt in enumerate(series):
        ring = colors.HexColor("#c0713a") if pt.meaningful_change else None
        d.add(
            Circle(
                xy[2 * j],
                xy[2 * j + 1],
                2.2,
                fillColor=LINE_COLOURS[0],
                strokeColor=ring,
                strokeWidth=1.2,
            )
        )
    return d


def _footer(canvas: Canvas, doc: SimpleDocTemplate) -> None:
    canvas.saveState()
    canvas.setFont(fonts()[0], 7.5)
    canvas.setFillColor(MUTED)
    canvas.drawString(
        20 * mm, 10 * mm, "Private journal — shared by choice. Made with KAP Companion."
    )
    canvas.drawRightString(A4[0] - 20 * mm, 10 * mm, f"Page {doc.page}")
    canvas.restoreState()


def render_pdf(data: ExportData) -> bytes:
    """The whole export as PDF bytes."""
    st = _styles()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title="Practice journal — summary",
        author="",
        creator="KAP Companion",
    )
    story: list = [Paragraph("Practice journal — summary", st["title"]), Spacer(1, 3)]
    story.append(Paragraph(_text(data.range_text), st["sub"]))
    if data.session is not None:
        story.append(Paragraph(_text(data.session.title), st["sub"]))
    elif data.sessions:
        story.append(
            Paragraph(_text("Sessions: " + "; ".join(s.title for s in data.sessions)), st["sub"])
        )
    story.append(Paragraph(f"{_count(len(data.entries))} chosen to share", st["sub"]))

    pairs = data.intentions
    if pairs:
        story.append(Paragraph("Intentions, before and after", st["h2"]))
        rows = [
            [
                Paragraph("<b>Session</b>", st["body"]),
                Paragraph("<b>Before: my intention</b>", st["body"]),
                Paragraph("<b>After</b>", st["body"]),
            ]
        ]
        for p in pairs:
            rows.append(
                [
                    Paragraph(
                        _text(f"Session {p.session.number}\n{long_date(p.session.on_date)}"),
                        st["small"],
                    ),
                    Paragraph(_text(p.intention.text) if p.intention else "—", st["body"]),
                    Paragraph(_after_text(p), st["body"]),
                ]
            )
        table = Table(rows, colWidths=[28 * mm, 66 * mm, 76 * mm], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef1f4")),
                ]
            )
        )
        story.append(table)

    chart = checkin_chart(data)
    if chart is not None:
        heading = Paragraph("Check-ins over time (0–10)", st["h2"])
        note = Paragraph("Dashed lines mark session days.", st["small"])
        story.append(KeepTogether([heading, chart, note]))
    w5 = who5_chart(data)
    if w5 is not None:
        note = Paragraph(
            f"Higher is better. A change of {WHO5_MEANINGFUL_CHANGE} points or more "
            f"(ringed) is taken as a real change; {WHO5_LOW} or lower suggests "
            "talking it through with a professional. WHO-5 © Psychiatric Center North Zealand.",
            st["small"],
        )
        heading = Paragraph("Weekly wellbeing (WHO-5, 0–100)", st["h2"])
        story.append(KeepTogether([heading, w5, note]))

    story.append(Paragraph("Entries", st["h2"]))
    if not data.entries:
        story.append(Paragraph("No entries in these dates.", st["body"]))
    for day, items in groupby(data.entries, key=lambda e: e.day):
        story.append(Paragraph(f"{day:%A} {long_date(day)}", st["h3"]))
        story.extend(_entry_block(data, e) for e in items)
    # Binary (not ASCII85) streams: smaller files and ~40% faster; every reader takes them.
    a85 = rl_config.useA85
    rl_config.useA85 = 0
    try:
        doc.build(story, onFirstPage=_footer, onLaterPages=_footer)
    finally:
        rl_config.useA85 = a85
    return buf.getvalue()
