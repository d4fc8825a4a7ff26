"""The journal's passphrase lock, a collaborator the store owns.

Turning it on and off re-seals every row in one transaction; while the journal is open
with its passphrase, rows are sealed and opened with the data key held here. Every value
that carries the person's words is sealed — an entry's text, title, score and prompt
(prompts hold filled-in placeholders such as the intention) and a session's label — each
bound to its row (associated data with the table and row id), so sealed values cannot be
swapped between rows unnoticed.

Turning the lock on is crash-safe: the same transaction that seals the rows records a
clean-up still to do (``meta.lock_cleanup``); the clean-up rebuilds the file without old
pages, replaces the daily copies with a locked one and encrypts every other earlier
copy (before-restore backups, damaged files moved aside). If the process dies part way,
the next opening with the passphrase finishes it.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from kapcompanion.journal import backup
from kapcompanion.journal.crypto import FIELD_AAD, KeyBox, check_passphrase, row_aad
from kapcompanion.journal.errors import JournalError, JournalLocked

log = logging.getLogger(__name__)

#: What the app shows (and the person confirms) before the lock is turned on.
ENABLE_WARNING = (
    "With a passphrase, your entries are encrypted on this computer. Nobody can read them "
    "without it — not the app, not your therapist, not us. If you forget the passphrase, "
    "your journal cannot be recovered. You might write it down and keep it somewhere safe."
)
#: The sealing format of a locked journal (``meta.seal``); absent means version 1.
SEAL_VERSION = "2"
SEALED_SUFFIX = ".locked"
#: Beside the journal: the wrapped key of a locked journal, so that a damaged locked
#: journal is never silently replaced by an unlocked one (see ``store.py``).
MARKER_SUFFIX = ".passphrase"

Transaction = Callable[[], AbstractContextManager[sqlite3.Connection]]


def marker_path(journal: Path) -> Path:
    """Where the lock's marker (the wrapped key, no secret without the passphrase) lives."""
    return journal.with_name(journal.name + MARKER_SUFFIX)


def write_marker(journal: Path, lock: str) -> None:
    """Write the lock marker atomically (0600)."""
    dest = marker_path(journal)
    tmp = dest.with_name(dest.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(lock)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, dest)
    backup.fsync_dir(dest.parent)


def _scrub(conn: sqlite3.Connection) -> None:
    """Rebuild the search index and the file so no readable copy of old text lingers."""
    conn.execute("INSERT INTO entries_fts(entries_fts) VALUES ('rebuild')")
    conn.execute("VACUUM")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def earlier_copies(journal: Path) -> list[Path]:
    """Files the app made that may hold readable text from before the lock."""
    folder = backup.backups_dir(journal)
    found = [
        *journal.parent.glob(f"{journal.name}.damaged-*"),
        *folder.glob("before-restore-*.kapbackup"),
        *folder.glob("*.damaged-*"),
    ]
    return sorted(p for p in found if p.is_file() and not p.name.endswith(SEALED_SUFFIX))


def _draft_value(body: str | None) -> Any:
    """A draft's value from its JSON text.

    Raises:
        JournalError: the text is not JSON (a damaged row).
    """
    try:
        return json.loads(body) if body is not None else None
    except ValueError:
        raise JournalError("a draft is damaged and cannot be read") from None


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
        #: What the last clean-up did (for the person), or "".
        self.report = ""
        #: What the last turning-on did to earlier copies: how many older copies were
        #: replaced by one locked copy, and the names of earlier files now encrypted.
        self.copies_replaced = 0
        self.files_sealed: tuple[str, ...] = ()

    # -- state -------------------------------------------------------------------

    def _meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _wrapped_key(self) -> str | None:
        return self._meta("lock")

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

        A journal sealed by an older version is re-sealed (rows bound to their ids,
        prompts and session labels sealed too), and an unfinished clean-up is finished.

        Raises:
            JournalError: the journal has no passphrase.
            WrongPassphrase: the passphrase does not open it.
        """
        lock = self._wrapped_key()
        if lock is None:
            raise JournalError("your journal has no passphrase")
        self._box = KeyBox.unwrap(lock, passphrase)
        if self._meta("seal") != SEAL_VERSION:
            self._upgrade()
        if self._meta("lock_cleanup") is not None:
            self.finish()

    # -- turning the lock on and off ---------------------------------------------

    def enable(self, passphrase: str) -> str:
        """Encrypt everything carrying the person's words under ``passphrase``.

        Forgetting the passphrase loses the journal — the app must say so first.
        Returns what was done to earlier copies, to show the person.
        """
        check_passphrase(passphrase)
        if self.locked:
            raise JournalError("your journal already has a passphrase")
        box = KeyBox.new()
        lock = box.wrap(passphrase)
        write_marker(self._path, lock)  # before the commit: never a lock without a marker
        with self._transaction() as c:
            count = self._seal_all(c, box)
            c.execute("INSERT INTO meta (key, value) VALUES ('lock', ?)", (lock,))
            c.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('seal', ?)", (SEAL_VERSION,)
            )
            c.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('lock_cleanup', '1')")
        self._box = box
        log.info("journal lock enabled (%d entries sealed)", count)
        return self.finish()

    def _seal_all(self, c: sqlite3.Connection, box: KeyBox, *, v1: bool = False) -> int:
        """Seal every entry and session label (``v1``: rows sealed the old way are opened)."""
        rows = c.execute("SELECT id, body, score, title, prompt, sealed FROM entries").fetchall()
        done = 0
        for entry_id, body, score, title, prompt, sealed in rows:
            if sealed is not None:
                if not v1:
                    continue
                try:
                    data = box.open(sealed, FIELD_AAD)
                except JournalError:
                    log.warning("entry %d could not be opened to re-seal it", entry_id)
                    continue
            else:
                data = {"text": body, "score": score, "title": title or ""}
            data["prompt"] = data.get("prompt") or prompt or ""
            c.execute(
                "UPDATE entries SET body = NULL, score = NULL, title = '', prompt = '',"
                " sealed = ? WHERE id = ?",
                (box.seal(data, row_aad("entries", entry_id)), entry_id),
            )
            done += 1
        for session_id, label in c.execute(
            "SELECT id, label FROM sessions WHERE sealed IS NULL"
        ).fetchall():
            c.execute(
                "UPDATE sessions SET label = '', sealed = ? WHERE id = ?",
                (box.seal({"label": label}, row_aad("sessions", session_id)), session_id),
            )
        for draft_id, body in c.execute(
            "SELECT id, body FROM drafts WHERE sealed IS NULL"
        ).fetchall():
            value = _draft_value(body)
            c.execute(
                "UPDATE drafts SET body = NULL, sealed = ? WHERE id = ?",
                (box.seal({"value": value}, row_aad("drafts", draft_id)), draft_id),
            )
        return done

    def _upgrade(self) -> None:
        assert self._box is not None
        with self._transaction() as c:
            count = self._seal_all(c, self._box, v1=True)
            c.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('seal', ?)", (SEAL_VERSION,)
            )
            c.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('lock_cleanup', '1')")
        log.info("locked journal re-sealed in format %s (%d entries)", SEAL_VERSION, count)

    def finish(self) -> str:
        """Finish turning the lock on: no readable copy of earlier text left anywhere.

        Safe to run again at any point (a reopen does, if the process died part way).
        Returns the message saying what was done.
        """
        box = self._box
        if box is None:
            raise JournalLocked("your journal is locked — enter your passphrase to open it")
        lock = self._wrapped_key()
        if lock is not None:
            write_marker(self._path, lock)
        _scrub(self._conn)
        folder = backup.backups_dir(self._path)
        for stale in [*folder.glob(f"*{SEALED_SUFFIX}.tmp"), *folder.glob("*.sqlite3.tmp")]:
            stale.unlink(missing_ok=True)
        for stale in self._path.parent.glob(f"*{SEALED_SUFFIX}.tmp"):
            stale.unlink(missing_ok=True)
        old = [*backup.daily_backups(folder), *folder.glob("before-v*.sqlite3")]
        for p in old:
            p.unlink(missing_ok=True)
        sealed: list[Path] = []
        for p in earlier_copies(self._path):
            dest = p.with_name(p.name + SEALED_SUFFIX)
            if not dest.exists():
                tmp = dest.with_name(dest.name + ".tmp")
                box.seal_file(p, tmp, dest.name)
                os.chmod(tmp, 0o600)
                os.replace(tmp, dest)
                backup.fsync_dir(dest.parent)
            p.unlink(missing_ok=True)
            sealed.append(dest)
        backup.daily_backup(self._conn, self._path, refresh=True)
        backup.fsync_dir(folder)
        with self._transaction() as c:
            c.execute("DELETE FROM meta WHERE key = 'lock_cleanup'")
        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        parts = ["Your journal is now locked"]
        if old:
            parts.append(
                f"{len(old)} older cop{'y' if len(old) == 1 else 'ies'} replaced by a locked one"
            )
        if sealed:
            names = ", ".join(p.name for p in sealed)
            parts.append(
                f"{len(sealed)} earlier file{'s' if len(sealed) > 1 else ''} encrypted ({names})"
            )
        self.report = "; ".join(parts) + "."
        self.copies_replaced, self.files_sealed = len(old), tuple(p.name for p in sealed)
        log.info("lock clean-up done: %d copies removed, %d files sealed", len(old), len(sealed))
        return self.report

    def disable(self, passphrase: str) -> None:
        """Decrypt everything and remove the passphrase (asks for it once more)."""
        lock = self._wrapped_key()
        if lock is None:
            raise JournalError("your journal has no passphrase")
        box = KeyBox.unwrap(lock, passphrase)
        with self._transaction() as c:
            rows = c.execute("SELECT id, sealed FROM entries WHERE sealed IS NOT NULL").fetchall()
            for entry_id, sealed in rows:
                data = box.open(sealed, row_aad("entries", entry_id))
                c.execute(
                    "UPDATE entries SET body = ?, score = ?, title = ?, prompt = ?, sealed = NULL"
                    " WHERE id = ?",
                    (
                        data.get("text"),
                        data.get("score"),
                        data.get("title") or "",
                        data.get("prompt") or "",
                        entry_id,
                    ),
                )
            for session_id, sealed in c.execute(
                "SELECT id, sealed FROM sessions WHERE sealed IS NOT NULL"
            ).fetchall():
                label = box.open(sealed, row_aad("sessions", session_id)).get("label") or ""
                c.execute(
                    "UPDATE sessions SET label = ?, sealed = NULL WHERE id = ?", (label, session_id)
                )
            for draft_id, sealed in c.execute(
                "SELECT id, sealed FROM drafts WHERE sealed IS NOT NULL"
            ).fetchall():
                try:
                    value = box.open(sealed, row_aad("drafts", draft_id)).get("value")
                except JournalError:  # unreadable under any key: nothing to keep
                    log.warning("draft %d is damaged; let go with the lock", draft_id)
                    c.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))
                    continue
                c.execute(
                    "UPDATE drafts SET body = ?, sealed = NULL WHERE id = ?",
                    (json.dumps(value, ensure_ascii=False), draft_id),
                )
            c.execute("DELETE FROM meta WHERE key IN ('lock', 'seal', 'lock_cleanup')")
        marker_path(self._path).unlink(missing_ok=True)
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
        wrapped = box.wrap(new)
        with self._transaction() as c:
            c.execute("UPDATE meta SET value = ? WHERE key = 'lock'", (wrapped,))
        write_marker(self._path, wrapped)
        # Older backups still open with the old passphrase; keep only a copy under the new one.
        backup.replace_daily_backups(self._conn, self._path)

    def open_file(self, src: Path, dest: Path) -> None:
        """Decrypt an earlier copy the lock encrypted (``….locked``) into ``dest``."""
        if self._box is None:
            raise JournalLocked("your journal is locked — enter your passphrase to open it")
        self._box.open_file(src, dest)

    # -- rows --------------------------------------------------------------------

    def seal(
        self, entry_id: int, text: str | None, score: float | None, title: str, prompt: str
    ) -> tuple[Any, ...]:
        """Row values (body, score, title, prompt, sealed) — encrypted when the key is held."""
        if self._box is None:
            return text, score, title, prompt, None
        payload = {"text": text, "score": score, "title": title, "prompt": prompt}
        return None, None, "", "", self._box.seal(payload, row_aad("entries", entry_id))

    def open_row(self, entry_id: int, updated: str, sealed: bytes) -> dict[str, Any]:
        """Decrypt a sealed row once per change; kept in memory while the journal is open.

        Raises:
            JournalLocked: the data key is not held.
            JournalError: the row is damaged (or was moved from another row).
        """
        if self._box is None:
            raise JournalLocked("your journal is locked — enter your passphrase to open it")
        hit = self._opened.get(entry_id)
        if hit is not None and hit[0] == updated:
            return hit[1]
        data = self._box.open(sealed, row_aad("entries", entry_id))
        self._opened[entry_id] = (updated, data)
        return data

    def seal_label(self, session_id: int, label: str) -> tuple[str, bytes | None]:
        """A session label's row values (label, sealed)."""
        if self._box is None or not label:
            return label, None
        return "", self._box.seal({"label": label}, row_aad("sessions", session_id))

    def open_label(self, session_id: int, label: str, sealed: bytes | None) -> str:
        """A session's label as the person wrote it ("" when it cannot be opened)."""
        if sealed is None:
            return label
        if self._box is None:
            return ""
        try:
            return str(self._box.open(sealed, row_aad("sessions", session_id)).get("label") or "")
        except JournalError:
            log.warning("the label of session %d is damaged", session_id)
            return ""

    def seal_draft(self, draft_id: int, value: Any) -> tuple[str | None, bytes | None]:
        """A draft's row values (body, sealed): its value as JSON, or sealed to its row."""
        if self._box is None:
            return json.dumps(value, ensure_ascii=False), None
        return None, self._box.seal({"value": value}, row_aad("drafts", draft_id))

    def open_draft(self, draft_id: int, body: str | None, sealed: bytes | None) -> Any:
        """A draft's value as it was kept.

        Raises:
            JournalLocked: it is sealed and the data key is not held.
            JournalError: it is damaged.
        """
        if sealed is None:
            return _draft_value(body)
        if self._box is None:
            raise JournalLocked("your journal is locked — enter your passphrase to open it")
        return self._box.open(sealed, row_aad("drafts", draft_id)).get("value")

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
                if sealed is None:
                    data: dict[str, Any] = {"text": body, "title": title, "prompt": prompt}
                else:
                    try:
                        data = self.open_row(entry_id, updated, sealed)
                    except JournalLocked:
                        raise
                    except JournalError:
                        data = {}  # a damaged row matches nothing
                words = " ".join(str(data.get(k) or "") for k in ("title", "text", "prompt"))
                cache[entry_id] = (updated, haystack(words))
        self._haystacks = cache
        if len(self._opened) > len(cache):  # forget deleted entries
            self._opened = {i: v for i, v in self._opened.items() if i in cache}
        words = wanted(text)
        return {i for i, (_, hay) in cache.items() if all(w in hay for w in words)}
