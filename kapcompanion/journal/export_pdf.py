"""The PDF export: a tidy clinical summary (title, dates, intentions, charts, chosen entries).

Built with reportlab (no Qt, so it works from the command line anywhere). Text uses
DejaVu Sans when the system has it (wide language coverage), else reportlab's own Vera.
"""

from __future__ import annotations

import io
import logging
from itertools import groupby
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from kapcompanion.journal.export_data import ExportData, IntentionPair, long_date
from kapcompanion.journal.history import WHO5_LOW, WHO5_MEANINGFUL_CHANGE
from kapcompanion.journal.pdf_charts import checkin_chart, who5_chart
from kapcompanion.journal.pdf_text import (
    BOX,
    INK,
    MUTED,
    RULE,
    TICK,
    TextBlock,
    TextLine,
    fonts,
    tick_marks,
    wrap,
)
from kapcompanion.journal.records import Entry

log = logging.getLogger(__name__)


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
    if e.kind == "checklist":
        return TextBlock(lines + _checklist_lines(e.value, reg, size, lead), space_after=5)
    body = f"Score: {e.display}" if e.kind == "check_in" else e.text
    lines += [TextLine(t, reg, size, INK, lead) for t in wrap(body, reg, size, TEXT_WIDTH)]
    return TextBlock(lines, space_after=5)


def _checklist_lines(ticks: dict[str, bool], font: str, size: float, lead: float) -> list[TextLine]:
    """Each item whole on its own line(s), after a tick (done) or an open box."""
    glyphs, mark_font = tick_marks(font)
    indent = size * 1.6
    out: list[TextLine] = []
    for item, done in ticks.items():
        mark = glyphs[TICK if done else BOX]
        for n, t in enumerate(wrap(str(item), font, size, TEXT_WIDTH - indent)):
            out.append(
                TextLine(t, font, size, INK, lead, indent, mark if n == 0 else "", mark_font)
            )
    return out


def _count(n: int) -> str:
    return f"{n} entry" if n == 1 else f"{n} entries"


def _after_text(pair: IntentionPair) -> str:
    text = "<br/><br/>".join(_text(e.text) for e in pair.shown_after) or "—"
    if pair.more_after:
        text += f"<br/><br/><font color='#6b7480'>(and {pair.more_after} more under Entries)</font>"
    return text


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
