"""Turning the passphrase lock on and off, re-sealing every row in one transaction."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from kapcompanion.journal import backup
from kapcompanion.journal.crypto import KeyBox
from kapcompanion.journal.errors import JournalError

if TYPE_CHECKING:
    from kapcompanion.journal.store import JournalStore

log = logging.getLogger(__name__)

#: What the app shows (and the person confirms) before the lock is turned on.
ENABLE_WARNING = (
    "With a passphrase, your entries are encrypted on this computer. Nobody can read them "
    "without it — not the app, not your therapist, not us. If you forget the passphrase, "
    "your journal cannot be recovered. You might write it down and keep it somewhere safe."
)


def _scrub(store: JournalStore) -> None:
    """Rebuild the search index and the file so no readable copy of old text lingers."""
    conn = store.connection
    conn.execute("INSERT INTO entries_fts(entries_fts) VALUES ('rebuild')")
    conn.execute("VACUUM")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def enable(store: JournalStore, passphrase: str) -> None:
    """Encrypt all entries under a new data key wrapped by ``passphrase``."""
    if store.locked:
        raise JournalError("your journal already has a passphrase")
    box = KeyBox.new()
    lock = box.wrap(passphrase)
    with store.transaction() as c:
        rows = c.execute(
            "SELECT id, body, score, title FROM entries WHERE sealed IS NULL"
        ).fetchall()
        for entry_id, body, score, title in rows:
            sealed = box.seal({"text": body, "score": score, "title": title})
            c.execute(
                "UPDATE entries SET body = NULL, score = NULL, title = '', sealed = ? WHERE id = ?",
                (sealed, entry_id),
            )
        c.execute("INSERT INTO meta (key, value) VALUES ('lock', ?)", (lock,))
    store._box = box
    _scrub(store)
    backup.replace_daily_backups(store.connection, store.path)
    log.info("journal lock enabled (%d entries sealed)", len(rows))


def disable(store: JournalStore, passphrase: str) -> None:
    """Decrypt all entries and remove the lock (the passphrase is asked again)."""
    lock = store._meta("lock")
    if lock is None:
        raise JournalError("your journal has no passphrase")
    box = KeyBox.unwrap(lock, passphrase)
    with store.transaction() as c:
        rows = c.execute("SELECT id, sealed FROM entries WHERE sealed IS NOT NULL").fetchall()
        for entry_id, sealed in rows:
            data = box.open(sealed)
            c.execute(
                "UPDATE entries SET body = ?, score = ?, title = ?, sealed = NULL WHERE id = ?",
                (data.get("text"), data.get("score"), data.get("title") or "", entry_id),
            )
        c.execute("DELETE FROM meta WHERE key = 'lock'")
    store._box = None
    store._haystacks = {}
    store._opened = {}
    _scrub(store)
    log.info("journal lock removed (%d entries opened)", len(rows))


def change(store: JournalStore, old: str, new: str) -> None:
    """Wrap the same data key under a new passphrase."""
    lock = store._meta("lock")
    if lock is None:
        raise JournalError("your journal has no passphrase")
    box = KeyBox.unwrap(lock, old)
    with store.transaction() as c:
        c.execute("UPDATE meta SET value = ? WHERE key = 'lock'", (box.wrap(new),))
    # Older backups still open with the old passphrase; keep only a copy under the new one.
    backup.replace_daily_backups(store.connection, store.path)
