"""Turning the passphrase lock on and off, re-sealing every row in one transaction."""

from __future__ import annotations

import json
import logging
import sqlite3
from typing import TYPE_CHECKING, Any

from kapcompanion.journal import backup
from kapcompanion.journal.crypto import KeyBox, check_passphrase
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


class LockMixin:
    """The passphrase lock and reading sealed rows, for :class:`JournalStore`."""

    _conn: sqlite3.Connection
    _box: KeyBox | None
    _haystacks: dict[int, tuple[str, str]]
    _opened: dict[int, tuple[str, dict[str, Any]]]

    def _meta(self, key: str) -> str | None:
        raise NotImplementedError

    def _unseal(self, entry_id: int, updated: str, sealed: bytes) -> dict[str, Any]:
        """Decrypt a row once per change; kept in memory while the journal is open."""
        hit = self._opened.get(entry_id)
        if hit is not None and hit[0] == updated:
            return hit[1]
        assert self._box is not None
        data = self._box.open(sealed)
        self._opened[entry_id] = (updated, data)
        return data

    def _locked_search(self, text: str) -> set[int]:
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
                    self._unseal(entry_id, updated, sealed)
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

    # -- passphrase lock ---------------------------------------------------------

    @property
    def locked(self) -> bool:
        """Whether a passphrase protects the journal (entry text and scores encrypted)."""
        return self._meta("lock") is not None

    def enable_lock(self, passphrase: str) -> None:
        """Encrypt every entry's text and score under ``passphrase``.

        Forgetting the passphrase loses the journal — the app must say so first. Older
        daily backups still hold readable text, so they are replaced by a locked copy.
        """
        check_passphrase(passphrase)
        enable(self, passphrase)

    def disable_lock(self, passphrase: str) -> None:
        """Decrypt everything and remove the passphrase (asks for it once more)."""
        disable(self, passphrase)

    def change_passphrase(self, old: str, new: str) -> None:
        """Re-wrap the data key under a new passphrase."""
        check_passphrase(new)
        change(self, old, new)
