"""Drafts: answers still being written, kept so that no word is lost (issue #17).

A draft is what the person has typed (or ticked, or rated) into an open answer and not
yet saved: it is written within a second of typing stopping, into the journal's own
file, with the same protection as entries — committed and fsynced before returning, and
sealed with the data key (bound to its row) while the journal is locked. One draft per
place (``practice:<id>:<step>``); it goes when the answer is saved or the person lets it
go, and is offered back when the same place opens again.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from kapcompanion.journal.errors import JournalError, JournalLocked
from kapcompanion.journal.records import UNKNOWN_TIME, time_or_none, to_text, utc_now

if TYPE_CHECKING:  # light to import: the player reads answer_place from here
    from kapcompanion.journal.lock import JournalLock

log = logging.getLogger(__name__)

#: The kinds of answer a draft can hold (an entry's kinds).
DRAFT_KINDS = ("reflect", "check_in", "checklist", "note")


def answer_place(practice_id: str, step_index: int) -> str:
    """The place of a practice's question: ``practice:<id>:<step>``."""
    return f"practice:{practice_id}:{int(step_index)}"


@dataclass(frozen=True, slots=True)
class Draft:
    """An answer being written: where, what kind, the value as it stood, and when."""

    place: str
    kind: str
    value: Any
    practice_id: str | None
    step_index: int | None
    updated_at: datetime


class DraftsMixin:
    """Saving, reading and letting go of drafts, for :class:`JournalStore`."""

    _conn: sqlite3.Connection
    lock: JournalLock

    def transaction(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        """One committed write transaction (provided by the store)."""
        raise NotImplementedError

    def save_draft(
        self,
        place: str,
        kind: str,
        value: Any,
        *,
        practice_id: str | None = None,
        step_index: int | None = None,
    ) -> None:
        """Keep ``value`` as the draft at ``place`` (replacing any earlier one).

        ``value`` is what the answer holds now: text, a 0–10 score, or {item: ticked}.
        Committed and on disk on return; sealed while the journal is locked.
        """
        if kind not in DRAFT_KINDS:
            raise ValueError(f"unknown answer kind {kind!r}")
        json.dumps(value)  # a draft holds plain values only (fails here, not on reading)
        with self.transaction() as c:
            row = c.execute("SELECT id FROM drafts WHERE place = ?", (place,)).fetchone()
            draft_id = (
                int(row[0])
                if row
                else int(c.execute("SELECT coalesce(max(id), 0) + 1 FROM drafts").fetchone()[0])
            )
            body, sealed = self.lock.seal_draft(draft_id, value)
            c.execute(
                "INSERT OR REPLACE INTO drafts (id, place, practice_id, step_index, kind, body,"
                " sealed, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (draft_id, place, practice_id, step_index, kind, body, sealed, to_text(utc_now())),
            )

    def draft(self, place: str) -> Draft | None:
        """The draft kept at ``place``, or None (also when it cannot be read)."""
        row = self._conn.execute(
            "SELECT id, place, practice_id, step_index, kind, body, sealed, updated_at"
            " FROM drafts WHERE place = ?",
            (place,),
        ).fetchone()
        return self._draft(row) if row else None

    def drafts(self) -> list[Draft]:
        """Every draft that can be read, newest first."""
        rows = self._conn.execute(
            "SELECT id, place, practice_id, step_index, kind, body, sealed, updated_at"
            " FROM drafts ORDER BY updated_at DESC, id DESC"
        ).fetchall()
        return [d for d in (self._draft(r) for r in rows) if d is not None]

    def discard_draft(self, place: str) -> None:
        """Let the draft at ``place`` go (saved as an answer, or not wanted)."""
        with self.transaction() as c:
            c.execute("DELETE FROM drafts WHERE place = ?", (place,))

    def _draft(self, row: tuple[Any, ...]) -> Draft | None:
        draft_id, place, practice_id, step, kind, body, sealed, updated = row
        try:
            value = self.lock.open_draft(int(draft_id), body, sealed)
        except JournalLocked:
            raise
        except JournalError:
            log.warning("draft %s cannot be read; left out", draft_id)
            return None
        return Draft(place, kind, value, practice_id, step, time_or_none(updated) or UNKNOWN_TIME)
