"""The journal store: one SQLite file under the data dir (WAL, foreign keys, full fsync).

Every write is its own committed transaction before the method returns, with
``synchronous=FULL`` so the commit is on disk: when the UI says "saved", it is. Opening
checks the file, recovers a damaged one from the newest backup (with a notice, never
silently), applies migrations, and keeps one backup copy a day (seven kept).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from kapcompanion.journal import backup, guard
from kapcompanion.journal.drafts import DraftsMixin
from kapcompanion.journal.errors import JournalError, JournalLocked
from kapcompanion.journal.guard import unavailable
from kapcompanion.journal.journey import arc_position
from kapcompanion.journal.lock import JournalLock
from kapcompanion.journal.migrations import LATEST, migrate, schema_version
from kapcompanion.journal.records import (
    DAMAGED_TEXT,
    KINDS,
    UNKNOWN_TIME,
    Entry,
    day_start,
    local_date,
    time_or_none,
    to_text,
    utc_now,
)
from kapcompanion.journal.sessions import SessionsMixin
from kapcompanion.paths import data_dir

log = logging.getLogger(__name__)

FILE_NAME = "journal.sqlite3"
_ENTRY_COLS = (
    "id, kind, created_at, updated_at, body, score, title, prompt, practice_id, step_index, "
    "name, session_id, sealed"
)


def default_path() -> Path:
    """Where the journal lives: ``<data dir>/journal.sqlite3``."""
    return data_dir() / FILE_NAME


class JournalStore(SessionsMixin, DraftsMixin):
    """The private journal. Open with :meth:`open`; close when done (or use ``with``)."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        self._dirty = False
        self._in_use: int | None = None  # the shared hold on the in-use lock file
        #: The passphrase lock (holds the data key while the journal is open with it).
        self.lock = JournalLock(conn, path, self.transaction)
        #: A message to show once (e.g. the file was damaged and restored), or None.
        self.notice: str | None = None

    # -- opening -----------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | None = None,
        *,
        passphrase: str | None = None,
        daily_backup: bool = True,
    ) -> JournalStore:
        """Open (creating if needed) the journal at ``path`` (default: in the data dir).

        Raises:
            JournalUnavailable: the folder cannot be created or written.
            JournalLocked: the journal is locked and no passphrase was given.
            WrongPassphrase: the passphrase does not open it.
            JournalTooNew: a newer app wrote the file.
            JournalDamagedLocked: the locked journal is damaged and no copy could replace
                it (see :meth:`start_new`).
        """
        path = Path(path) if path is not None else default_path()
        try:
            backup.private_dir(path.parent)
            if not os.access(path.parent, os.W_OK):
                raise PermissionError(13, "permission denied")
        except OSError as exc:
            raise unavailable(path.parent, exc) from None
        notice = guard.check(path)
        in_use = guard.hold_open(path)
        try:
            conn = guard.connect(path)
        except BaseException:
            guard.release(in_use)
            raise
        try:
            old = schema_version(conn)
            if 0 < old < LATEST:
                backup.copy_before_migration(conn, path, old)
            migrate(conn)
            store = cls(conn, path)
            store._in_use = in_use
            if notice is not None:  # kept until shown, even if unlocking comes later
                with store.transaction() as c:
                    c.execute("INSERT OR REPLACE INTO meta VALUES ('notice', ?)", (notice,))
            if store.lock.locked:
                if passphrase is None:
                    raise JournalLocked("your journal is locked — enter your passphrase to open it")
                store.lock.unlock(passphrase)
            store.notice = store._meta("notice")
            if store.lock.report:  # a reopen finished turning the lock on
                store.notice = " ".join(filter(None, (store.notice, store.lock.report)))
            if store.notice is not None:
                with store.transaction() as c:
                    c.execute("DELETE FROM meta WHERE key = 'notice'")
        except sqlite3.OperationalError as exc:
            conn.close()
            guard.release(in_use)
            raise unavailable(path.parent, exc) from None
        except BaseException:
            conn.close()
            guard.release(in_use)
            raise
        if daily_backup:
            backup.daily_backup(conn, path)
        return store

    @classmethod
    def start_new(cls, path: Path | None = None, *, passphrase: str | None = None) -> JournalStore:
        """Start a new journal where a locked one was lost to damage (only when asked).

        With ``passphrase`` (the lost journal's) the new one is locked again with it.

        Raises:
            WrongPassphrase: not the lost journal's passphrase.
            JournalError: there is no lost locked journal.
        """
        path = Path(path) if path is not None else default_path()
        guard.start_new(path, passphrase)
        return cls.open(path, passphrase=passphrase)

    def close(self) -> None:
        """Close the file (all writes are already committed); renew today's backup copy."""
        try:
            if self._dirty:
                backup.daily_backup(self._conn, self.path, refresh=True)
            self._conn.close()
        finally:
            if self._in_use is not None:
                guard.release(self._in_use)
                self._in_use = None

    def __enter__(self) -> JournalStore:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- the passphrase lock (see :class:`JournalLock`) ----------------------------

    @property
    def locked(self) -> bool:
        """Whether a passphrase protects the journal (entry text and scores encrypted)."""
        return self.lock.locked

    def enable_lock(self, passphrase: str) -> str:
        """Encrypt everything carrying the person's words; returns what was done (to show)."""
        return self.lock.enable(passphrase)

    def disable_lock(self, passphrase: str) -> None:
        """Decrypt everything and remove the passphrase (asks for it once more)."""
        self.lock.disable(passphrase)

    def change_passphrase(self, old: str, new: str) -> None:
        """Re-wrap the data key under a new passphrase."""
        self.lock.change(old, new)

    @property
    def connection(self) -> sqlite3.Connection:
        """The SQLite connection (for backups and the history module)."""
        return self._conn

    # -- low level ---------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, committed (and fsynced) on leaving; nests as one."""
        if self._conn.in_transaction:  # inside a bulk write: the outer one commits
            yield self._conn
            return
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
            self._dirty = True
        except sqlite3.OperationalError as exc:
            raise unavailable(self.path.parent, exc) from None

    def _meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _entry(self, row: tuple[Any, ...]) -> Entry:
        """An entry from its row; a damaged row is marked, never raised (nor its text logged)."""
        body, score, title, prompt, sealed = row[4], row[5], row[6], row[7], row[12]
        damaged = False
        if sealed is not None:
            try:
                data = self.lock.open_row(row[0], row[3], sealed)
            except JournalLocked:
                raise
            except JournalError:
                log.warning("entry %s cannot be decrypted; shown as damaged", row[0])
                data, damaged = {"text": DAMAGED_TEXT}, True
            body, score, title = data.get("text"), data.get("score"), data.get("title", "")
            prompt = data.get("prompt") or prompt
        if not isinstance(score, int | float) or isinstance(score, bool):
            damaged = damaged or score is not None
            score = None
        created, updated = time_or_none(row[2]), time_or_none(row[3])
        if created is None or updated is None:
            log.warning("entry %s has a time that cannot be read", row[0])
            damaged = True
            created = created or updated or UNKNOWN_TIME
            updated = updated or created
        texts = [str(v) if v is not None else "" for v in (body, title, prompt)]
        if any("\ufffd" in t for t in texts):  # bytes that were not UTF-8
            damaged = True
        return Entry(
            row[0], row[1], created, updated, texts[0], score, texts[1], texts[2],
            row[8], row[9], row[10], row[11], damaged,
        )  # fmt: skip

    # -- entries -----------------------------------------------------------------

    def record_answer(
        self,
        practice_id: str,
        step_index: int,
        name: str | None,
        kind: str,
        value: Any,
        session_id: int | None = None,
        *,
        prompt: str = "",
        at: datetime | None = None,
    ) -> int | None:
        """Save one answer from a practice; returns its id, or None when there was none.

        ``kind`` is ``reflect`` (text), ``check_in`` (0–10) or ``checklist``
        ({item: ticked}). Without ``session_id`` the entry joins the session of today's
        arc (an intention joins the next session). Committed and on disk on return.
        """
        if kind not in KINDS or kind == "note":
            raise ValueError(f"unknown answer kind {kind!r}")
        text: str | None = None
        score: float | None = None
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if kind == "reflect":
            text = str(value).strip()
        elif kind == "check_in":
            score = float(value)
            if not 0 <= score <= 10:
                raise ValueError(f"a check-in score is 0–10, not {value!r}")
        else:
            ticks: Any = value  # a checklist's {item: ticked} (a mapping, or its pairs)
            text = json.dumps({str(k): bool(v) for k, v in dict(ticks).items()}, ensure_ascii=False)
        return self._insert(
            kind, text, score, "", prompt, practice_id, step_index, name, session_id, at
        )

    def add_note(
        self,
        text: str,
        title: str = "",
        session_id: int | None = None,
        *,
        at: datetime | None = None,
    ) -> int:
        """Save a free-form entry written by the person; returns its id."""
        entry_id = self._insert("note", text, None, title, "", None, None, None, session_id, at)
        assert entry_id is not None
        return entry_id

    def _insert(
        self,
        kind: str,
        text: str | None,
        score: float | None,
        title: str,
        prompt: str,
        practice_id: str | None,
        step_index: int | None,
        name: str | None,
        session_id: int | None,
        at: datetime | None,
    ) -> int:
        moment = at or utc_now()
        if session_id is None:
            session_id = self._auto_session(name, moment)
        stamp = to_text(moment)
        with self.transaction() as c:
            # The id is chosen here so that a sealed row can be bound to it.
            new_id = int(c.execute("SELECT coalesce(max(id), 0) + 1 FROM entries").fetchone()[0])
            body, score_v, title_v, prompt, sealed = self.lock.seal(
                new_id, text, score, title, prompt
            )
            cur = c.execute(
                "INSERT INTO entries (id, kind, practice_id, step_index, name, prompt, body, score,"
                " title, sealed, session_id, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    new_id,
                    kind,
                    practice_id,
                    step_index,
                    name,
                    prompt,
                    body,
                    score_v,
                    title_v,
                    sealed,
                    session_id,
                    stamp,
                    stamp,
                ),
            )
        return int(cur.lastrowid or 0)

    def entry(self, entry_id: int) -> Entry:
        """One entry by id.

        Raises:
            JournalError: it was deleted (or never existed).
        """
        row = self._conn.execute(
            f"SELECT {_ENTRY_COLS} FROM entries WHERE id = ?", (entry_id,)
        ).fetchone()
        if row is None:
            raise JournalError("that entry is not in your journal any more")
        return self._entry(row)

    def update_entry(
        self,
        entry_id: int,
        *,
        text: str | None = None,
        score: float | None = None,
        title: str | None = None,
    ) -> None:
        """Change an entry's text, score or title (the rest stays)."""
        old = self.entry(entry_id)
        new_text = old.text if text is None else text
        new_score = old.score if score is None else float(score)
        new_title = old.title if title is None else title
        body, score_v, title_v, prompt, sealed = self.lock.seal(
            entry_id, new_text, new_score, new_title, old.prompt
        )
        with self.transaction() as c:
            c.execute(
                "UPDATE entries SET body = ?, score = ?, title = ?, prompt = ?, sealed = ?,"
                " updated_at = ? WHERE id = ?",
                (body, score_v, title_v, prompt, sealed, to_text(utc_now()), entry_id),
            )

    def delete_entry(self, entry_id: int) -> None:
        """Delete an entry for good."""
        with self.transaction() as c:
            c.execute("DELETE FROM entries WHERE id = ?", (entry_id,))

    def entries(
        self,
        *,
        date_from: date | None = None,
        date_to: date | None = None,
        session_id: int | None = None,
        kinds: tuple[str, ...] | None = None,
        name: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        newest_first: bool = True,
    ) -> list[Entry]:
        """Entries matching every filter given; local dates, both ends included."""
        where, args = ["1"], []
        if date_from is not None:
            where.append("created_at >= ?")
            args.append(day_start(date_from))
        if date_to is not None:
            where.append("created_at < ?")
            args.append(day_start(date_to + (date.resolution)))
        if session_id is not None:
            where.append("session_id = ?")
            args.append(session_id)
        if kinds:
            where.append(f"kind IN ({', '.join('?' * len(kinds))})")
            args.extend(kinds)
        if name is not None:
            where.append("name = ?")
            args.append(name)
        order = "DESC" if newest_first else "ASC"
        sql = (
            f"SELECT {_ENTRY_COLS} FROM entries WHERE {' AND '.join(where)}"
            f" ORDER BY created_at {order}, id {order}"
        )
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            args.extend((limit, offset))
        return [self._entry(r) for r in self._conn.execute(sql, args)]

    def count_entries(self) -> int:
        """How many entries the journal holds."""
        return int(self._conn.execute("SELECT count(*) FROM entries").fetchone()[0])

    def search(self, text: str, limit: int | None = None) -> list[Entry]:
        """Entries whose text, title or prompt hold every word of ``text`` (newest first).

        Words match from their start ("sett" finds "settled"), ignoring case and accents.
        """
        from kapcompanion.journal.search import fts_query

        query = fts_query(text)
        if not query:
            return []
        if self.lock.has_key:
            hits = sorted(self.lock.search(text))
            sql = (
                f"SELECT {_ENTRY_COLS} FROM entries WHERE id IN (SELECT value FROM json_each(?))"
                " ORDER BY created_at DESC, id DESC"
            )
            found = [self._entry(r) for r in self._conn.execute(sql, (json.dumps(hits),))]
            return found[:limit] if limit else found
        sql = (
            f"SELECT {', '.join('e.' + c.strip() for c in _ENTRY_COLS.split(','))}"
            " FROM entries_fts JOIN entries e ON e.id = entries_fts.rowid"
            " WHERE entries_fts MATCH ? ORDER BY e.created_at DESC, e.id DESC"
        )
        args: list[Any] = [query]
        if limit:
            sql += " LIMIT ?"
            args.append(limit)
        return [self._entry(r) for r in self._conn.execute(sql, args)]

    def latest_value(self, name: str) -> str | None:
        """The newest saved value of a ``save_as`` name, as text (None when never saved)."""
        found = self.entries(name=name, limit=1)
        if not found:
            return None
        e = found[0]
        return f"{e.score:g}" if e.kind == "check_in" and e.score is not None else e.display

    def intention_for(self, session_id: int) -> str | None:
        """The newest intention saved for a session, or None."""
        found = self.entries(name="intention", session_id=session_id, limit=1)
        return found[0].text if found else None

    def placeholder_values(self, names: Iterable[str], today: date | None = None) -> dict[str, str]:
        """Values for a practice's ``uses:`` placeholders, newest first.

        ``intention`` is the one of the session today belongs to (so after session 2 the
        integration practices show session 2's intention), else the newest saved.
        Names never saved are left out (the practice shows its text without them).
        """
        out: dict[str, str] = {}
        for name in names:
            value = None
            if name == "intention":
                pos = arc_position(today or local_date(utc_now()), self.sessions())
                if pos.session is not None:
                    value = self.intention_for(pos.session.id)
            if value is None:
                value = self.latest_value(name)
            if value is not None:
                out[name] = value
        return out
