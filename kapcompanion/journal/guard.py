"""Before a journal is opened: damage found, copies tried, and a locked journal kept locked.

A locked journal leaves a marker beside it (``journal.sqlite3.passphrase``: the wrapped
key, no secret without the passphrase). If the journal is damaged and no copy can take
its place, the marker says it was locked: instead of starting a new, unlocked journal
that would take new words in the clear, opening raises :class:`JournalDamagedLocked`
until the person asks for a new journal (:func:`start_new`), locked again with the same
passphrase if they like.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from kapcompanion.journal import backup
from kapcompanion.journal.crypto import KeyBox
from kapcompanion.journal.errors import (
    BackupError,
    JournalDamagedLocked,
    JournalError,
    JournalUnavailable,
)
from kapcompanion.journal.lock import SEAL_VERSION, marker_path, write_marker

log = logging.getLogger(__name__)

try:  # POSIX; elsewhere the in-use lock is not enforced (the app targets Linux first)
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


def unavailable(folder: Path, exc: BaseException) -> JournalUnavailable:
    """The plain message for a journal folder that cannot be written."""
    reason = getattr(exc, "strerror", None) or str(exc)
    return JournalUnavailable(
        f"your journal cannot be saved in {folder} ({reason}). Practices still play, but "
        "answers are not kept — check that the folder exists and can be written, or choose "
        "another with --data-dir"
    )


def _newest_aside(journal: Path) -> Path | None:
    found = sorted(journal.parent.glob(f"{journal.name}.damaged-*"), reverse=True)
    found = [p for p in found if not p.name.endswith(("-wal", "-shm"))]
    return found[0] if found else None


def _locked_in_file(journal: Path) -> bool:
    try:
        conn = sqlite3.connect(f"file:{journal}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT 1 FROM meta WHERE key = 'lock'").fetchone() is not None
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def sync_marker(journal: Path) -> None:
    """Make the marker match the journal file (after a restore put another file in place)."""
    lock = None
    try:
        conn = sqlite3.connect(f"file:{journal}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'lock'").fetchone()
            lock = row[0] if row else None
        finally:
            conn.close()
    except sqlite3.Error:
        return
    if lock is None:
        marker_path(journal).unlink(missing_ok=True)
    else:
        write_marker(journal, lock)


def damaged_locked(journal: Path) -> JournalDamagedLocked:
    """The error (and message) for a locked journal that could not be read."""
    kept = _newest_aside(journal)
    where = f" The damaged file is kept, untouched, as {kept}." if kept else ""
    return JournalDamagedLocked(
        "your locked journal could not be read and there was no healthy copy to restore it "
        f"from.{where} Nothing new is saved until you choose to start a new journal — locked "
        "again with the same passphrase, if you like",
        kept,
    )


def check(journal: Path) -> str | None:
    """Check the file before opening; returns a notice to show, or None.

    Raises:
        JournalDamagedLocked: the journal was locked, is damaged, and no locked copy
            took its place.
    """
    marker = marker_path(journal)
    was_locked = marker.exists()
    notice = None
    exists = journal.exists()
    if exists and not backup.is_healthy(journal):
        notice = backup.recover(journal, start_empty=not was_locked) or None
    if not was_locked:
        return notice
    if not journal.exists():
        raise damaged_locked(journal)
    if not _locked_in_file(journal):
        if notice is not None:  # a copy from before the lock must not replace it silently
            backup.move_aside(journal)
            raise damaged_locked(journal)
        # Healthy and unlocked: the lock was never committed (or removed) — stale marker.
        marker.unlink(missing_ok=True)
    return notice


def start_new(journal: Path, passphrase: str | None) -> None:
    """Make way for a new journal after a locked one was lost to damage.

    With ``passphrase`` (the old one, checked against the marker) the new journal is
    locked again with it; without, the marker is removed and the new journal is open.

    Raises:
        WrongPassphrase: the passphrase is not the one the lost journal had.
        JournalError: there is no lost locked journal to replace.
    """
    marker = marker_path(journal)
    if not marker.exists():
        raise JournalError("there is no locked journal waiting to be replaced")
    lock = marker.read_text(encoding="utf-8")
    if journal.exists():
        backup.move_aside(journal)
    if passphrase is None:
        marker.unlink()
        return
    KeyBox.unwrap(lock, passphrase)  # raises WrongPassphrase
    from kapcompanion.journal.migrations import migrate

    backup.private_file(journal)
    conn = sqlite3.connect(journal, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        migrate(conn)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO meta (key, value) VALUES ('lock', ?)", (lock,))
        conn.execute("INSERT INTO meta (key, value) VALUES ('seal', ?)", (SEAL_VERSION,))
        conn.execute("COMMIT")
    finally:
        conn.close()
    write_marker(journal, lock)
    log.info("a new locked journal was started after the old one was lost to damage")


def connect(path: Path) -> sqlite3.Connection:
    """Connect to the journal: WAL, full fsync, foreign keys, private files."""
    try:
        backup.private_file(path)  # -wal and -shm take the journal's mode
        backup.make_private(path)
        conn = sqlite3.connect(path, isolation_level=None, timeout=10, check_same_thread=False)
        # Bytes that are not UTF-8 (a damaged row) read as U+FFFD instead of failing
        # every read with an error that quotes the text.
        conn.text_factory = functools.partial(str, encoding="utf-8", errors="replace")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")  # freed pages are zeroed, not left readable
        backup.make_private(path)
    except (sqlite3.OperationalError, OSError) as exc:
        raise unavailable(path.parent, exc) from None
    backup.fsync_dir(path.parent)
    return conn


#: The one lock file every opener honours: the app, the commands and the API hold it
#: shared while the journal is open; a restore takes it alone.
IN_USE_SUFFIX = ".inuse"


def _in_use_file(journal: Path) -> int:
    return os.open(journal.with_name(journal.name + IN_USE_SUFFIX), os.O_RDWR | os.O_CREAT, 0o600)


def hold_open(journal: Path) -> int:
    """Mark the journal as open by this process (a shared lock); returns the handle.

    Waits while a restore is putting another journal in place.
    """
    fd = _in_use_file(journal)
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_SH)
    return fd


def release(fd: int) -> None:
    """Let go of what :func:`hold_open` or :func:`nobody_else` took."""
    with contextlib.suppress(OSError):
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


@contextlib.contextmanager
def nobody_else(journal: Path) -> Iterator[None]:
    """Hold the journal alone (for a restore), or refuse while anyone has it open.

    Raises:
        BackupError: the app, a command or another program has the journal open.
    """
    fd = _in_use_file(journal)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise BackupError(
            "your journal is open in KAP Companion or another command — close it first, "
            "then restore; nothing was changed"
        ) from None
    try:
        yield
    finally:
        release(fd)
