"""The Markdown export: a plain, readable summary to share with a therapist."""

from __future__ import annotations

import logging
import re
from itertools import groupby

from kapcompanion.journal.export_data import ExportData, long_date
from kapcompanion.journal.history import WHO5_LOW, WHO5_MEANINGFUL_CHANGE
from kapcompanion.journal.records import Entry

log = logging.getLogger(__name__)

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def escape(text: str) -> str:
    """Text that Markdown shows as written (no accidental headings, links or tables)."""
    return _SPECIAL.sub(r"\\\1", text)


def _quote(text: str) -> str:
    return "\n".join(f"> {escape(line)}" if line.strip() else ">" for line in text.splitlines())


def _cell(text: str) -> str:
    return escape(" ".join(text.split())) or "—"


def _entry(data: ExportData, e: Entry) -> list[str]:
    when = e.created_at.astimezone()
    head = f"**{when:%H:%M} · {escape(data.practice_title(e))}**"
    if e.kind == "note" and e.title:
        head = f"**{when:%H:%M} · {escape(e.title)}**"
    lines = [head]
    if e.prompt:
        lines.append(f"*{escape(e.prompt)}*")
    if e.kind == "check_in":
        lines.append(f"Score: **{e.display}**")
    elif e.kind == "checklist":
        lines.extend(f"- [{'x' if done else ' '}] {escape(item)}" for item, done in e.value.items())
    else:
        lines.append(_quote(e.text))
    return [*lines, ""]


def render_markdown(data: ExportData) -> str:
    """The whole export as Markdown text."""
    out = [
        "# Practice journal — summary",
        "",
        "*Shared by choice from my private KAP Companion journal.*",
        "",
        f"**Dates:** {data.range_text}  ",
    ]
    if data.session is not None:
        out.append(f"**Session:** {escape(data.session.title)}  ")
    elif data.sessions:
        out.append("**Sessions:** " + "; ".join(escape(s.title) for s in data.sessions) + "  ")
    out.append(f"**Entries:** {len(data.entries)}")
    out.append("")

    pairs = data.intentions
    if pairs:
        out += ["## Intentions, before and after", ""]
        for p in pairs:
            out += [
                f"### {escape(p.session.title)}",
                "",
                "| Before: my intention | After |",
                "|---|---|",
            ]
            before = _cell(p.intention.text) if p.intention else "—"
            after = "<br>".join(_cell(e.text) for e in p.shown_after) or "—"
            if p.more_after:
                after += f"<br>*(and {p.more_after} more under Entries)*"
            out += [f"| {before} | {after} |", ""]

    series = data.checkins
    if series:
        out += ["## Check-ins (0–10)", "", "| Check-in | Times | First | Latest | Average |"]
        out.append("|---|---:|---:|---:|---:|")
        for name, points in sorted(series.items()):
            avg = sum(p.score for p in points) / len(points)
            out.append(
                f"| {escape(data.checkin_name(name))} | {len(points)} | {points[0].score:g} "
                f"| {points[-1].score:g} | {avg:.1f} |"
            )
        if data.sessions:
            dates = ", ".join(long_date(s.on_date) for s in data.sessions)
            out += ["", f"Session dates: {dates}"]
        out.append("")

    who5 = data.who5
    if who5:
        out += [
            "## Weekly wellbeing (WHO-5, 0–100)",
            "",
            "| Date | Score | Change |",
            "|---|---:|---:|",
        ]
        for w in who5:
            change = "" if w.change is None else f"{w.change:+g}"
            if w.meaningful_change:
                change += " (a real change)"
            out.append(f"| {long_date(w.at.astimezone().date())} | {w.score:g} | {change} |")
        out += [
            "",
            f"Higher is better. A change of {WHO5_MEANINGFUL_CHANGE} points or more is taken as a "
            f"real change; {WHO5_LOW} or lower suggests talking it through with a professional. "
            "WHO-5 © Psychiatric Center North Zealand.",
            "",
        ]

    out += ["## Entries", ""]
    if not data.entries:
        out += ["No entries in these dates.", ""]
    for day, items in groupby(data.entries, key=lambda e: e.day):
        out += [f"### {day:%A} {long_date(day)}", ""]
        for e in items:
            out += _entry(data, e)
    return "\n".join(out).rstrip() + "\n"
