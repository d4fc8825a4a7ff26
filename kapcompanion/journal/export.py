"""Exports the person chooses: what goes in (dates, a session, left-out entries), and the CLI.

:func:`collect` gathers an :class:`ExportData`; the app's preview lists its entries and
calls :meth:`ExportData.without` for any the person leaves out; then
:func:`~kapcompanion.journal.export_md.write_markdown` or
:func:`~kapcompanion.journal.export_pdf.write_pdf` writes the file. Left-out entries are
gone from every part (charts and intentions included).
"""

from __future__ import annotations

import getpass
import logging
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from kapcompanion.journal import backup
from kapcompanion.journal.errors import ExportError, JournalError, JournalLocked
from kapcompanion.journal.history import Point, Who5Point, series_from, who5_from
from kapcompanion.journal.records import Entry, KapSession
from kapcompanion.journal.store import JournalStore

log = logging.getLogger(__name__)

FORMATS = ("md", "pdf")
#: Reflections this many days after a session sit beside its intention.
AFTER_DAYS = 7
#: At most this many of them are shown there (all are in the entries).
AFTER_SHOWN = 5


@dataclass(frozen=True, slots=True)
class IntentionPair:
    """A session's intention (before) beside what was written after it."""

    session: KapSession
    intention: Entry | None
    after: tuple[Entry, ...] = ()

    @property
    def shown_after(self) -> tuple[Entry, ...]:
        """The first few reflections after the session, to sit beside the intention."""
        return self.after[:AFTER_SHOWN]

    @property
    def more_after(self) -> int:
        """How many more reflections there are (they appear under Entries)."""
        return max(0, len(self.after) - AFTER_SHOWN)


@dataclass(frozen=True, slots=True)
class ExportData:
    """Everything one export holds, already filtered."""

    entries: tuple[Entry, ...]  # oldest first
    sessions: tuple[KapSession, ...]
    date_from: date | None = None
    date_to: date | None = None
    session: KapSession | None = None
    titles: Mapping[str, str] = field(default_factory=dict)

    def without(self, excluded: set[int]) -> ExportData:
        """The same export with the entries whose ids are in ``excluded`` left out."""
        return replace(self, entries=tuple(e for e in self.entries if e.id not in excluded))

    @property
    def first_day(self) -> date | None:
        """The first day covered (asked for, else the oldest entry)."""
        return self.date_from or (self.entries[0].day if self.entries else None)

    @property
    def last_day(self) -> date | None:
        """The last day covered (asked for, else the newest entry)."""
        return self.date_to or (self.entries[-1].day if self.entries else None)

    @property
    def range_text(self) -> str:
        """The dates covered, in words."""
        a, b = self.first_day, self.last_day
        if a is None or b is None:
            return "No entries"
        if a == b:
            return long_date(a)
        return f"{long_date(a)} – {long_date(b)}"

    def practice_title(self, entry: Entry) -> str:
        """The title of the practice an entry came from ("Your own words" for notes)."""
        if entry.practice_id is None:
            return entry.title or "Your own words"
        return self.titles.get(entry.practice_id, entry.practice_id)

    @property
    def checkins(self) -> dict[str, list[Point]]:
        """Check-in scores by name (WHO-5 items apart)."""
        return series_from(self.entries)

    @property
    def who5(self) -> list[Who5Point]:
        """Complete WHO-5 check-ins as 0–100 scores."""
        return who5_from(self.entries)

    @property
    def intentions(self) -> list[IntentionPair]:
        """For each session covered: its intention and the reflections written after it."""
        out = []
        for s in self.sessions:
            mine = [e for e in self.entries if e.session_id == s.id]
            intents = [e for e in mine if e.name == "intention"]
            after = tuple(
                e
                for e in mine
                if e.kind in ("reflect", "note")
                and e.name != "intention"
                and 0 <= (e.day - s.on_date).days <= AFTER_DAYS
            )
            if intents or after:
                out.append(IntentionPair(s, intents[-1] if intents else None, after))
        return out


def long_date(d: date) -> str:
    """A date as words: "28 November 2026"."""
    return f"{d.day} {d:%B %Y}"


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


def practice_titles() -> dict[str, str]:
    """Practice and program titles from the library (ids stand in when it cannot load)."""
    try:
        from kapcompanion.core.library import Library

        lib = Library.load()
    except Exception as exc:  # titles are a nicety; the export goes on
        log.warning("library not loaded for titles (%s)", exc)
        return {}
    return {pid: p.title for pid, p in lib.practices.items()}


def open_for_cli() -> JournalStore:
    """Open the journal for a command, asking for the passphrase in a terminal if locked.

    Raises:
        JournalError: the journal cannot be opened (with the reason).
    """
    try:
        return JournalStore.open()
    except JournalLocked:
        if not sys.stdin.isatty():
            raise JournalLocked(
                "your journal is locked — run this command in a terminal to enter your passphrase"
            ) from None
        return JournalStore.open(passphrase=getpass.getpass("Journal passphrase: "))


def _fail(exc: JournalError) -> int:
    print(f"kapcompanion: {exc}", file=sys.stderr)
    return 1


def export_cli(
    fmt: str, out: Path, date_from: date | None, date_to: date | None, session: int | None
) -> int:
    """``kapcompanion journal export``: 0 when written, 1 (with a plain message) otherwise."""
    try:
        if fmt not in FORMATS:
            raise ExportError(f'the format "{fmt}" is not known; use md or pdf')
        store = open_for_cli()
        try:
            if store.notice:
                print(store.notice, file=sys.stderr)
            data = collect(store, date_from, date_to, session, practice_titles())
        finally:
            store.close()
        write(data, fmt, out)
    except JournalError as exc:
        return _fail(exc)
    n = len(data.entries)
    what = f"{n} entr{'y' if n == 1 else 'ies'}" if n else "no entries (the file says so)"
    print(f"Wrote {out} — {what}, {data.range_text}.")
    return 0


def backup_cli(out: Path) -> int:
    """``kapcompanion journal backup -o FILE``: all user data in one file."""
    from kapcompanion.journal.archive import make_archive

    try:
        path = make_archive(Path(out))
    except JournalError as exc:
        return _fail(exc)
    print(f"Saved all your data to {path}. Keep it somewhere safe; it holds your journal.")
    return 0


def restore_cli(file: Path, yes: bool = False) -> int:
    """``kapcompanion journal restore FILE [--yes]``: show what will be replaced, ask, restore.

    Without a terminal to ask in, only ``--yes`` restores (for scripts).
    """
    from kapcompanion.journal.archive import restore_archive
    from kapcompanion.journal.restore_plan import RestorePlan

    def confirm(plan: RestorePlan) -> bool:
        print(plan.text())
        if yes:
            return True
        if not sys.stdin.isatty():
            print("kapcompanion: add --yes to restore without being asked", file=sys.stderr)
            return False
        return input("Restore? [y/N] ").strip().lower() in ("y", "yes")

    try:
        message = restore_archive(Path(file), confirm=confirm)
    except JournalError as exc:
        return _fail(exc)
    print(message)
    return 0
