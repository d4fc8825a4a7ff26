"""The journal's passphrase lock, a collaborator the store owns.

Turning it on and off re-seals every row in one transaction; while the journal is open
with its passphrase, rows are sealed and opened with the data key held here.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from kapcompanion.journal import backup
from kapcompanion.journal.crypto import KeyBox, check_passphrase
from kapcompanion.journal.errors import JournalError, JournalLocked

log = logging.getLogger(__name__)

#: What the app shows (and the person confirms) before the lock is turned on.
ENABLE_WARNING = (
    "With a passphrase, your entries are encrypted on this computer. Nobody can read them "
    "without it — not the app, not your therapist, not us. If you forget the passphrase, "
    "your journal cannot be recovered. You might write it down and keep it somewhere safe."
)


Transaction = Callable[[], AbstractContextManager[sqlite3.Connection]]


def _scrub(conn: sqlite3.Connection) -> None:
    """Rebuild the search index and the file so no readable copy of old text lingers."""
    conn.execute("INSERT INTO entries_fts(entries_fts) VALUES ('rebuild')")
    conn.execute("VACUUM")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


class JournalLock:
    """The passphrase lock of one open journal: its data key, sealing and opening rows.

    Owned by :class:`~kapcompanion.journal.store.JournalStore` as ``store.lock``; it is
    given the store's connection, file path and write transaction. While the journal is
    open with its passphrase the data key is held here (and nowhere else), with the rows
    it decrypted kept in memory.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, transaction: Transaction) -> None:
        self._conn = conn
        self._path = path
        self._transaction = transaction
        self._box: KeyBox | None = None
        self._haystacks: dict[int, tuple[str, str]] = {}  # id -> (updated_at, words)
        self._opened: dict[int, tuple[str, dict[str, Any]]] = {}  # id -> (updated_at, data)

    # -- state -------------------------------------------------------------------

    def _wrapped_key(self) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'lock'").fetchone()
        return row[0] if row else None

    @property
    def locked(self) -> bool:
        """Whether a passphrase protects the journal (entry text and scores encrypted)."""
        return self._wrapped_key() is not None

    @property
    def has_key(self) -> bool:
        """Whether the data key is held (the journal is locked and was opened with it)."""
        return self._box is not None

    def unlock(self, passphrase: str) -> None:
        """Take the data key out from under ``passphrase`` for this opening.

        Raises:
            JournalError: the journal has no passphrase.
            WrongPassphrase: the passphrase does not open it.
        """
        lock = self._wrapped_key()
        if lock is None:
            raise JournalError("your journal has no passphrase")
        self._box = KeyBox.unwrap(lock, passphrase)

    # -- turning the lock on and off ---------------------------------------------

    def enable(self, passphrase: str) -> None:
        """Encrypt every entry's text and score under ``passphrase``.

        Forgetting the passphrase loses the journal — the app must say so first. Older
        daily backups still hold readable text, so they are replaced by a locked copy.
        """
        check_passphrase(passphrase)
        if self.locked:
            raise JournalError("your journal already has a passphrase")
        box = KeyBox.new()
        lock = box.wrap(passphrase)
        with self._transaction() as c:
            rows = c.execute(
                "SELECT id, body, score, title FROM entries WHERE sealed IS NULL"
            ).fetchall()
            for entry_id, body, score, title in rows:
                sealed = box.seal({"text": body, "score": score, "title": title})
                c.execute(
                    "UPDATE entries SET body = NULL, score = NULL, title = '', sealed = ?"
                    " WHERE id = ?",
                    (sealed, entry_id),
                )
            c.execute("INSERT INTO meta (key, value) VALUES ('lock', ?)", (lock,))
        self._box = box
        _scrub(self._conn)
        backup.replace_daily_backups(self._conn, self._path)
        log.info("journal lock enabled (%d entries sealed)", len(rows))

    def disable(self, passphrase: str) -> None:
        """Decrypt everything and remove the passphrase (asks for it once more)."""
        lock = self._wrapped_key()
        if lock is None:
            raise JournalError("your journal has no passphrase")
        box = KeyBox.unwrap(lock, passphrase)
        with self._transaction() as c:
            rows = c.execute("SELECT id, sealed FROM entries WHERE sealed IS NOT NULL").fetchall()
            for entry_id, sealed in rows:
                data = box.open(sealed)
                c.execute(
                    "UPDATE entries SET body = ?, score = ?, title = ?, sealed = NULL WHERE id = ?",
                    (data.get("text"), data.get("score"), data.get("title") or "", entry_id),
                )
            c.execute("DELETE FROM meta WHERE key = 'lock'")
        self._box = None
        self._haystacks = {}
        self._opened = {}
        _scrub(self._conn)
        log.info("journal lock removed (%d entries opened)", len(rows))

    def change(self, old: str, new: str) -> None:
        """Wrap the same data key under a new passphrase."""
        check_passphrase(new)
        lock = self._wrapped_key()
        if lock is None:
            raise JournalError("your journal has no passphrase")
        box = KeyBox.unwrap(lock, old)
        with self._transaction() as c:
            c.execute("UPDATE meta SET value = ? WHERE key = 'lock'", (box.wrap(new),))
        # Older backups still open with the old passphrase; keep only a copy under the new one.
        backup.replace_daily_backups(self._conn, self._path)

    # -- rows --------------------------------------------------------------------

    def seal(self, text: str | None, score: float | None, title: str) -> tuple[Any, ...]:
        """Row values (body, score, title, sealed) — encrypted when the key is held."""
        if self._box is None:
            return text, score, title, None
        return None, None, "", self._box.seal({"text": text, "score": score, "title": title})

    def open_row(self, entry_id: int, updated: str, sealed: bytes) -> dict[str, Any]:
        """Decrypt a sealed row once per change; kept in memory while the journal is open.

        Raises:
            JournalLocked: the data key is not held.
        """
        if self._box is None:
            raise JournalLocked("your journal is locked — enter your passphrase to open it")
        hit = self._opened.get(entry_id)
        if hit is not None and hit[0] == updated:
            return hit[1]
        data = self._box.open(sealed)
        self._opened[entry_id] = (updated, data)
        return data

    def search(self, text: str) -> set[int]:
        """Ids matching ``text`` in a locked journal (decrypted words cached while open)."""
        from kapcompanion.journal.search import haystack, wanted

        cache: dict[int, tuple[str, str]] = {}
        stale: dict[int, tuple[str, str]] = {}
        for entry_id, updated, prompt in self._conn.execute(
            "SELECT id, updated_at, prompt FROM entries"
        ):
            hit = self._haystacks.get(entry_id)
            if hit is not None and hit[0] == updated:
                cache[entry_id] = hit
            else:
                stale[entry_id] = (updated, prompt)
        if stale:
            rows = self._conn.execute(
                "SELECT id, sealed, body, title FROM entries"
                " WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(list(stale)),),
            )
            for entry_id, sealed, body, title in rows:
                updated, prompt = stale[entry_id]
                data = (
                    self.open_row(entry_id, updated, sealed)
                    if sealed is not None
                    else {"text": body, "title": title}
                )
                words = f"{data.get('title') or ''} {data.get('text') or ''} {prompt}"
                cache[entry_id] = (updated, haystack(words))
        self._haystacks = cache
        if len(self._opened) > len(cache):  # forget deleted entries
            self._opened = {i: v for i, v in self._opened.items() if i in cache}
        words = wanted(text)
        return {i for i, (_, hay) in cache.items() if all(w in hay for w in words)}
