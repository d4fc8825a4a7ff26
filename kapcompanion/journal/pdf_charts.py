"""The two PDF charts: check-ins over time (0–10) and weekly WHO-5 (0–100), sessions marked."""

from __future__ import annotations

import logging
from datetime import date

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors

from kapcompanion.journal.checkin_labels import scores_text
from kapcompanion.journal.export_data import ExportData
from kapcompanion.journal.history import WHO5_LOW, Point
from kapcompanion.journal.pdf_text import (
    CHART_H,
    CHART_W,
    INK,
    LINE_COLOURS,
    MAX_SERIES,
    MUTED,
    RULE,
    SESSION,
    fonts,
)

log = logging.getLogger(__name__)


def _rect(
    x: float,
    y: float,
    w: float,
    h: float,
    *,
    fill: colors.Color | None,
    stroke: colors.Color | None,
    stroke_width: float | None = None,
) -> Rect:
    """A rectangle with these colours.

    They are set one by one: the type stub of ``Rect`` (unlike the other shapes') takes no
    keyword properties.
    """
    rect = Rect(x, y, w, h)
    rect.fillColor = fill
    rect.strokeColor = stroke
    if stroke_width is not None:
        rect.strokeWidth = stroke_width
    return rect


def _axes(d: Drawing, x0: float, y0: float, w: float, h: float, top: float, step: float) -> None:
    reg = fonts()[0]
    d.add(_rect(x0, y0, w, h, fill=None, stroke=RULE, stroke_width=0.5))
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
        d.add(_rect(lx, ly, 8, 3, fill=colour, stroke=None))
        d.add(
            String(
                lx + 12,
                ly - 1,
                f"{data.checkin_name(name)} ({scores_text(len(pts))})",
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
