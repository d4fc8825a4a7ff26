"""Exports the person chooses: what goes in (dates, a session, left-out entries).

:func:`collect` gathers an :class:`ExportData`; the app's preview lists its entries and
calls :meth:`ExportData.without` for any the person leaves out; then
:func:`~kapcompanion.journal.export_md.write_markdown` or
:func:`~kapcompanion.journal.export_pdf.write_pdf` writes the file. Left-out entries are
gone from every part (charts and intentions included).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from kapcompanion.journal import backup
from kapcompanion.journal.errors import ExportError
from kapcompanion.journal.export_data import ExportData, IntentionPair, long_date
from kapcompanion.journal.store import JournalStore

log = logging.getLogger(__name__)

__all__ = ["FORMATS", "ExportData", "IntentionPair", "collect", "long_date", "write"]

FORMATS = ("md", "pdf")


def collect(
    store: JournalStore,
    date_from: date | None = None,
    date_to: date | None = None,
    session: int | None = None,
    titles: Mapping[str, str] | None = None,
) -> ExportData:
    """Gather the entries to export: a date range and/or session number N (1 = first).

    Raises:
        ExportError: the dates are the wrong way round, or there is no session N.
    """
    if date_from and date_to and date_from > date_to:
        raise ExportError(f"--from {date_from} is after --to {date_to}; the first date comes first")
    sessions = store.sessions()
    chosen = None
    if session is not None:
        if not sessions:
            raise ExportError(
                f"there is no session {session}: your journal has no sessions yet — "
                "leave out --session to export everything"
            )
        if not 1 <= session <= len(sessions):
            raise ExportError(
                f"there is no session {session}: your sessions are numbered 1 to {len(sessions)}"
            )
        chosen = sessions[session - 1]
    entries = store.entries(
        date_from=date_from,
        date_to=date_to,
        session_id=chosen.id if chosen else None,
        newest_first=False,
    )
    days = {e.day for e in entries}
    if chosen is not None:
        in_scope = [chosen]
    else:
        in_scope = [
            s
            for s in sessions
            if (date_from is None or s.on_date >= date_from)
            and (date_to is None or s.on_date <= date_to)
        ] or [s for s in sessions if any(e.session_id == s.id for e in entries)]
    log.info("export: %d entries over %d days, %d sessions", len(entries), len(days), len(in_scope))
    return ExportData(tuple(entries), tuple(in_scope), date_from, date_to, chosen, titles or {})


def write(data: ExportData, fmt: str, out: Path) -> Path:
    """Write ``data`` as Markdown (``md``) or PDF (``pdf``) to ``out``, atomically.

    Raises:
        ExportError: unknown format, or the file cannot be written.
    """
    if fmt not in FORMATS:
        raise ExportError(f'the format "{fmt}" is not known; use md or pdf')
    out = Path(out)
    if out.is_dir():
        raise ExportError(
            f"{out} is a folder; give a file name, for example {out / ('journal.' + fmt)}"
        )
    if not out.parent.is_dir():
        raise ExportError(f"cannot write {out}: the folder {out.parent} does not exist")
    tmp = out.with_name(f".{out.name}.tmp")
    try:
        if fmt == "md":
            from kapcompanion.journal.export_md import render_markdown

            content = render_markdown(data).encode("utf-8")
        else:
            from kapcompanion.journal.export_pdf import render_pdf

            content = render_pdf(data)
        backup.write_private(tmp, content)  # 0600 whatever the umask: it holds the journal
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"cannot write {out} ({exc.strerror or exc})") from None
    return out
