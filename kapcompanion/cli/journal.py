"""The ``kapcompanion journal`` commands: export, backup and restore.

Exit codes: 0 done, 1 with one plain line saying why not.
"""

from __future__ import annotations

import getpass
import logging
import sys
from datetime import date
from pathlib import Path

from kapcompanion.core.folders import DataFolders
from kapcompanion.journal.errors import ExportError, JournalError, JournalLocked
from kapcompanion.journal.export import FORMATS, collect, write
from kapcompanion.journal.store import JournalStore

log = logging.getLogger(__name__)


def practice_titles(folders: DataFolders) -> dict[str, str]:
    """Practice and program titles from the library (ids stand in when it cannot load)."""
    try:
        from kapcompanion.core.library import Library

        lib = Library.load(folders)
    except Exception as exc:  # titles are a nicety; the export goes on
        log.warning("library not loaded for titles (%s)", exc)
        return {}
    return {pid: p.title for pid, p in lib.practices.items()}


def open_for_cli(folders: DataFolders) -> JournalStore:
    """Open the journal for a command, asking for the passphrase in a terminal if locked.

    Raises:
        JournalError: the journal cannot be opened (with the reason).
    """
    try:
        return JournalStore.open(folders.journal)
    except JournalLocked:
        if not sys.stdin.isatty():
            raise JournalLocked(
                "your journal is locked — run this command in a terminal to enter your passphrase"
            ) from None
        return JournalStore.open(
            folders.journal, passphrase=getpass.getpass("Journal passphrase: ")
        )


def _fail(exc: JournalError) -> int:
    print(f"kapcompanion: {exc}", file=sys.stderr)
    return 1


def export_cli(
    folders: DataFolders,
    fmt: str,
    out: Path,
    date_from: date | None,
    date_to: date | None,
    session: int | None,
) -> int:
    """``kapcompanion journal export``: 0 when written, 1 (with a plain message) otherwise."""
    try:
        if fmt not in FORMATS:
            raise ExportError(f'the format "{fmt}" is not known; use md or pdf')
        store = open_for_cli(folders)
        try:
            if store.notice:
                print(store.notice, file=sys.stderr)
            data = collect(store, date_from, date_to, session, practice_titles(folders))
        finally:
            store.close()
        write(data, fmt, out)
    except JournalError as exc:
        return _fail(exc)
    n = len(data.entries)
    what = f"{n} entr{'y' if n == 1 else 'ies'}" if n else "no entries (the file says so)"
    print(f"Wrote {out} — {what}, {data.range_text}.")
    return 0


def backup_cli(folders: DataFolders, out: Path) -> int:
    """``kapcompanion journal backup -o FILE``: all user data in one file."""
    from kapcompanion.journal.archive import make_archive

    try:
        path = make_archive(Path(out), folders.root)
    except JournalError as exc:
        return _fail(exc)
    print(f"Saved all your data to {path}. Keep it somewhere safe; it holds your journal.")
    return 0


def restore_cli(folders: DataFolders, file: Path, yes: bool = False) -> int:
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
        message = restore_archive(Path(file), folders.root, confirm=confirm)
    except JournalError as exc:
        return _fail(exc)
    print(message)
    return 0
