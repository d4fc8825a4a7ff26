"""Sessions and the practice log: the part of the journal store about the KAP arc."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from datetime import date, datetime
from typing import Any

from kapcompanion.journal.errors import JournalError
from kapcompanion.journal.journey import session_for
from kapcompanion.journal.lock import JournalLock
from kapcompanion.journal.records import (
    KapSession,
    PracticeRun,
    day_start,
    local_date,
    time_or_none,
    to_text,
    utc_now,
)

log = logging.getLogger(__name__)


class SessionsMixin:
    """Session dates (with their programs) and the practice log, for :class:`JournalStore`."""

    _conn: sqlite3.Connection
    lock: JournalLock

    def transaction(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        """One committed write transaction (provided by the store)."""
        raise NotImplementedError

    def _day_range(self, date_from: date | None, date_to: date | None) -> tuple[str, str]:
        lo = day_start(date_from) if date_from else ""
        hi = day_start(date_to + date.resolution) if date_to else "9999"
        return lo, hi

    # -- sessions ----------------------------------------------------------------

    def add_session(
        self,
        on_date: date,
        label: str = "",
        program_before: str | None = None,
        program_after: str | None = None,
    ) -> int:
        """Add a KAP session date (past or upcoming); returns its id."""
        with self.transaction() as c:
            new_id = int(c.execute("SELECT coalesce(max(id), 0) + 1 FROM sessions").fetchone()[0])
            label_v, sealed = self.lock.seal_label(new_id, label)
            c.execute(
                "INSERT INTO sessions (id, on_date, label, sealed, program_before, program_after,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    new_id,
                    on_date.isoformat(),
                    label_v,
                    sealed,
                    program_before,
                    program_after,
                    to_text(utc_now()),
                ),
            )
        return new_id

    def sessions(self) -> list[KapSession]:
        """All sessions by date, numbered from 1."""
        rows = []
        for r in self._conn.execute(
            "SELECT id, on_date, label, program_before, program_after, done_at, sealed"
            " FROM sessions ORDER BY on_date, id"
        ):
            try:
                rows.append((r, date.fromisoformat(str(r[1]))))
            except ValueError:
                log.warning("session %s has a date that cannot be read; left out", r[0])
        return [
            KapSession(
                r[0],
                on_date,
                self.lock.open_label(r[0], r[2], r[6]),
                r[3],
                r[4],
                time_or_none(r[5]) if r[5] else None,
                i,
            )
            for i, (r, on_date) in enumerate(rows, start=1)
        ]

    def session(self, session_id: int) -> KapSession:
        """One session by id.

        Raises:
            JournalError: there is no such session.
        """
        for s in self.sessions():
            if s.id == session_id:
                return s
        raise JournalError("that session is not in your journal any more")

    def update_session(self, session_id: int, **changes: Any) -> None:
        """Change ``on_date``, ``label``, ``program_before`` or ``program_after``."""
        allowed = {"on_date", "label", "program_before", "program_after"}
        unknown = set(changes) - allowed
        if unknown:
            raise TypeError(f"cannot change {sorted(unknown)}")
        self.session(session_id)
        values = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in changes.items()}
        if not values:
            return
        if "label" in values:
            values["label"], values["sealed"] = self.lock.seal_label(session_id, values["label"])
        sets = ", ".join(f"{k} = ?" for k in values)
        with self.transaction() as c:
            c.execute(f"UPDATE sessions SET {sets} WHERE id = ?", (*values.values(), session_id))

    def mark_session_done(self, session_id: int, done: bool = True) -> None:
        """Mark the session as over ("Session day — after"), or undo that."""
        self.session(session_id)
        with self.transaction() as c:
            c.execute(
                "UPDATE sessions SET done_at = ? WHERE id = ?",
                (to_text(utc_now()) if done else None, session_id),
            )

    def delete_session(self, session_id: int) -> None:
        """Remove a session date; its entries stay, no longer tied to it."""
        with self.transaction() as c:
            c.execute("DELETE FROM sessions WHERE id = ?", (session_id,))

    def _auto_session(self, name: str | None, at: datetime) -> int | None:
        s = session_for(local_date(at), self.sessions(), name)
        return s.id if s else None

    # -- practice log ------------------------------------------------------------

    def log_practice(
        self,
        practice_id: str,
        started_at: datetime,
        seconds: float,
        finished: bool,
        session_id: int | None = None,
    ) -> int:
        """Log one practice played: what, when, how long, finished or stopped early."""
        if session_id is None:
            session_id = self._auto_session(None, started_at)
        with self.transaction() as c:
            cur = c.execute(
                "INSERT INTO practice_log (practice_id, started_at, seconds, finished, session_id)"
                " VALUES (?, ?, ?, ?, ?)",
                (
                    practice_id,
                    to_text(started_at),
                    max(0.0, float(seconds)),
                    int(finished),
                    session_id,
                ),
            )
        return int(cur.lastrowid or 0)

    def practice_runs(
        self, date_from: date | None = None, date_to: date | None = None
    ) -> list[PracticeRun]:
        """Logged practices, oldest first, between two local dates (both included)."""
        lo, hi = self._day_range(date_from, date_to)
        rows = self._conn.execute(
            "SELECT id, practice_id, started_at, seconds, finished, session_id FROM practice_log"
            " WHERE started_at >= ? AND started_at < ? ORDER BY started_at, id",
            (lo, hi),
        )
        out = []
        for r in rows:
            started = time_or_none(r[2])
            if started is None or not isinstance(r[3], int | float):
                log.warning("practice log row %s cannot be read; left out", r[0])
                continue
            out.append(PracticeRun(r[0], r[1], started, r[3], bool(r[4]), r[5]))
        return out

    def done_on(self, day: date) -> set[str]:
        """Practices played to their end on ``day``.

        A practice stopped early is not "done" (Today says honestly that it was started:
        see :meth:`started_on`); stopping is always fine, and never called done.
        """
        return {r.practice_id for r in self.practice_runs(day, day) if r.finished}

    def started_on(self, day: date) -> dict[str, float]:
        """Practices started on ``day`` but not finished, with the longest time spent."""
        runs = self.practice_runs(day, day)
        finished = {r.practice_id for r in runs if r.finished}
        out: dict[str, float] = {}
        for r in runs:
            if r.practice_id not in finished:
                out[r.practice_id] = max(out.get(r.practice_id, 0.0), r.seconds)
        return out
