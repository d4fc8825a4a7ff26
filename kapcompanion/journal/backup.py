"""Daily backup copies of the journal (seven kept), health checks, and recovery.

A damaged journal is never silently emptied: it is moved aside (kept, renamed), the
newest healthy backup takes its place, and the store shows a message saying so.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from datetime import date, datetime
from pathlib import Path

log = logging.getLogger(__name__)

MAGIC = b"SQLite format 3\x00"
KEEP = 7
DAILY_PREFIX = "journal-"
SIDECARS = ("-wal", "-shm")
#: SQLITE_CORRUPT and SQLITE_NOTADB: the only errors that mean the file is damaged.
DAMAGE_CODES = (11, 26)


def backups_dir(journal: Path) -> Path:
    """The folder of the journal's backup copies (next to it, ``backups/``)."""
    return journal.parent / "backups"


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to a new file at ``path`` readable by the owner alone (0600)."""
    path.unlink(missing_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def private_dir(folder: Path) -> Path:
    """Create ``folder`` if needed and make it the owner's alone (0700), whatever the umask."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    with contextlib.suppress(OSError):
        os.chmod(folder, 0o700)
    return folder


def private_file(path: Path) -> Path:
    """Create ``path`` empty if it does not exist, readable by the owner alone (0600)."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    with contextlib.suppress(OSError):
        os.chmod(path, 0o600)
    return path


def make_private(journal: Path) -> None:
    """The journal and its ``-wal`` and ``-shm`` readable by the owner alone (0600)."""
    for p in (journal, *(journal.with_name(journal.name + side) for side in SIDECARS)):
        with contextlib.suppress(OSError):
            if p.exists():
                os.chmod(p, 0o600)


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable (a no-op where unsupported)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def is_healthy(path: Path, timeout: float = 5.0) -> bool:
    """Whether ``path`` is a readable SQLite file that passes ``quick_check``.

    An empty file counts as damaged (a journal is never empty on disk once written):
    opening restores a copy, or says that the file was empty. A file that is only busy
    (another process writing) is not damaged: that is left to the normal open.
    """
    try:
        size = path.stat().st_size
        if size == 0:
            return False  # recovery says so (and restores a copy if there is one)
        with path.open("rb") as f:
            if f.read(16) != MAGIC:
                return False
    except OSError:
        return False
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=timeout)
        try:
            row = conn.execute("PRAGMA quick_check").fetchone()
            return bool(row) and row[0] == "ok"
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        code = getattr(exc, "sqlite_errorcode", None)
        if code is not None and code & 0xFF not in DAMAGE_CODES:
            log.warning("journal %s could not be checked now (%s)", path, exc)
            return True
        log.warning("journal %s failed its check: %s", path, exc)
        return False


def daily_backups(folder: Path) -> list[Path]:
    """The daily copies, newest first."""
    if not folder.is_dir():
        return []
    found = [
        p
        for p in folder.glob(f"{DAILY_PREFIX}*.sqlite3")
        if p.name[len(DAILY_PREFIX) : -len(".sqlite3")].count("-") == 2
    ]
    return sorted(found, key=lambda p: p.name, reverse=True)


def snapshot(conn: sqlite3.Connection, dest: Path) -> Path:
    """Copy the database behind ``conn`` to ``dest`` consistently, fsynced, atomically."""
    if not dest.parent.is_dir():
        private_dir(dest.parent)
    tmp = dest.with_name(dest.name + ".tmp")
    tmp.unlink(missing_ok=True)
    private_file(tmp)
    out = sqlite3.connect(tmp)
    try:
        conn.backup(out)
        out.execute("PRAGMA journal_mode = DELETE")
    finally:
        out.close()
    with tmp.open("rb+") as f:
        os.fsync(f.fileno())
    os.replace(tmp, dest)
    fsync_dir(dest.parent)
    return dest


def daily_backup(
    conn: sqlite3.Connection, journal: Path, today: date | None = None, *, refresh: bool = False
) -> Path | None:
    """Keep today's copy (made once a day, or renewed with ``refresh``) and rotate to 7.

    A failure is logged, never raised: a missing backup must not stop a practice.
    """
    day = today or date.today()
    dest = backups_dir(journal) / f"{DAILY_PREFIX}{day.isoformat()}.sqlite3"
    if dest.exists() and not refresh:
        return None
    try:
        private_dir(dest.parent)
        snapshot(conn, dest)
        rotate(backups_dir(journal))
    except (OSError, sqlite3.Error) as exc:
        log.warning("could not make the daily journal backup in %s (%s)", dest.parent, exc)
        return None
    return dest


def rotate(folder: Path, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest ``keep`` daily copies; returns what was removed."""
    removed = daily_backups(folder)[keep:]
    for p in removed:
        p.unlink(missing_ok=True)
    return removed


def replace_daily_backups(conn: sqlite3.Connection, journal: Path) -> Path | None:
    """Remove every copy (and pre-migration copy) and make one fresh copy now."""
    folder = backups_dir(journal)
    for p in [*daily_backups(folder), *folder.glob("before-v*.sqlite3")]:
        p.unlink(missing_ok=True)
    return daily_backup(conn, journal, refresh=True)


def copy_before_migration(conn: sqlite3.Connection, journal: Path, old: int) -> None:
    """Keep a copy of the journal as it was before a format upgrade."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    try:
        snapshot(conn, backups_dir(journal) / f"before-v{old + 1}-{stamp}.sqlite3")
    except (OSError, sqlite3.Error) as exc:
        log.warning("could not copy the journal before upgrading it (%s)", exc)


def move_aside(journal: Path) -> Path:
    """Move a journal (and its -wal and -shm) aside as ``….damaged-<time>``; returns it."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = journal.with_name(f"{journal.name}.damaged-{stamp}")
    os.replace(journal, aside)
    with contextlib.suppress(OSError):
        os.chmod(aside, 0o600)
    for side in SIDECARS:
        s = journal.with_name(journal.name + side)
        if s.exists():
            os.replace(s, aside.with_name(aside.name + side))
    fsync_dir(journal.parent)
    return aside


def _rescued_text(n: int) -> str:
    if not n:
        return ""
    return (
        f" {n} entr{'y' if n == 1 else 'ies'} still readable in the damaged file "
        f"{'was' if n == 1 else 'were'} rescued as well."
    )


def recover(journal: Path, *, start_empty: bool = True) -> str:
    """Move a damaged journal aside and put the newest healthy backup in its place.

    Rows still readable in the damaged file that the copy lacks are rescued into it. A
    damaged copy is moved aside too (never overwritten later by a newer copy). With no
    healthy copy, a new journal holding whatever could be rescued is started (unless
    ``start_empty`` is False: then nothing is put in place).

    Returns the message to show the person (what happened, where the damaged file is
    kept, and from which day the journal was restored).
    """
    from kapcompanion.journal.salvage import salvage

    was_empty = journal.stat().st_size == 0
    aside = move_aside(journal)
    log.warning("journal %s was damaged; moved aside to %s", journal, aside.name)
    folder = backups_dir(journal)
    candidates = [*daily_backups(folder), *sorted(folder.glob("before-v*.sqlite3"), reverse=True)]
    damaged_copies: list[Path] = []
    for candidate in candidates:
        if not is_healthy(candidate):
            log.warning("backup %s is damaged too; trying an older one", candidate.name)
            damaged_copies.append(move_aside(candidate))
            continue
        src = sqlite3.connect(candidate)
        try:
            snapshot(src, journal)
        finally:
            src.close()
        rescued = 0 if was_empty else salvage(aside, journal)
        when = datetime.fromtimestamp(candidate.stat().st_mtime)
        return (
            "Your journal file was damaged, so it was restored from the backup of "
            f"{when:%A} {when.day} {when:%B at %H:%M}.{_rescued_text(rescued)} "
            "Anything else written after that could not be recovered. "
            f"The damaged file is kept, untouched, as {aside}."
        )
    if not start_empty:
        return ""
    from kapcompanion.journal.migrations import migrate

    private_file(journal)
    conn = sqlite3.connect(journal, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        migrate(conn)
    finally:
        conn.close()
    rescued = sum(salvage(p, journal) for p in [aside, *damaged_copies] if p.stat().st_size)
    if was_empty and not rescued:
        return (
            "Your journal file was empty and there was no copy to restore it from, so a new "
            f"journal was started. The empty file is kept as {aside}."
        )
    kept = "".join(f" A damaged copy is kept as {p}." for p in damaged_copies)
    if rescued:
        return (
            "Your journal file was damaged and there was no healthy copy to restore it from. "
            f"A new journal was started with the {rescued} entr{'y' if rescued == 1 else 'ies'} "
            f"that could still be read. The damaged file is kept, untouched, as {aside}.{kept}"
        )
    return (
        "Your journal file was damaged and there was no backup to restore it from, so a new, "
        f"empty journal was started. The damaged file is kept, untouched, as {aside} — "
        f"someone with technical skills may be able to rescue entries from it.{kept}"
    )


def remove_sidecars(journal: Path) -> None:
    """Delete a journal's ``-wal`` and ``-shm`` files (before replacing the journal)."""
    for side in SIDECARS:
        with contextlib.suppress(FileNotFoundError):
            journal.with_name(journal.name + side).unlink()
