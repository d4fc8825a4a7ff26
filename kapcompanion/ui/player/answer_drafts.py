"""Keeps a draft of the answer being written, so that no word is lost (issue #17).

:class:`AnswerDrafts` writes the open question's answer to the journal (see
:mod:`kapcompanion.journal.drafts`) once typing has stopped for :data:`DELAY_MS`, and at
once when asked to :meth:`~AnswerDrafts.flush` (the question closes, the window closes,
the app is told to end). Nothing here may disturb the practice: a journal that is closed
or cannot be written means the draft is simply not kept (and logged, without its words).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from kapcompanion.journal.drafts import Draft
    from kapcompanion.journal.store import JournalStore

log = logging.getLogger(__name__)

#: How long after the last keystroke the draft is written (well within a second).
DELAY_MS = 600

StoreSource = Callable[[], "JournalStore | None"]


class AnswerDrafts(QObject):
    """Drafts of open answers, written to the journal ``store()`` gives (None: not kept)."""

    def __init__(self, store: StoreSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._pending: tuple[str, str, Callable[[], Any], str | None, int | None] | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.flush)

    def load(self, place: str) -> Draft | None:
        """The draft kept at ``place``, or None (also when the journal is not open)."""
        store = self._store()
        if store is None:
            return None
        try:
            return store.draft(place)
        except Exception:  # an unreadable draft is not offered
            log.exception("cannot read the draft at %s", place)
            return None

    def note(
        self,
        place: str,
        kind: str,
        value: Callable[[], Any],
        *,
        practice_id: str | None = None,
        step_index: int | None = None,
    ) -> None:
        """The answer at ``place`` changed: keep ``value()`` once typing pauses."""
        pending = self._pending
        if pending is not None and pending[0] != place:
            self.flush()  # another place's change is never dropped
        self._pending = (place, kind, value, practice_id, step_index)
        self.timer.start()

    def flush(self) -> None:
        """Write the waiting draft now (if any)."""
        self.timer.stop()
        pending, self._pending = self._pending, None
        if pending is None:
            return
        place, kind, value, practice_id, step_index = pending
        store = self._store()
        if store is None:
            return
        try:
            current = value()
            if current is None:  # emptied: nothing to keep
                store.discard_draft(place)
            else:
                store.save_draft(
                    place, kind, current, practice_id=practice_id, step_index=step_index
                )
        except Exception as exc:  # a draft that cannot be written must not stop the practice
            log.warning("the draft at %s could not be kept: %s", place, type(exc).__name__)

    def discard(self, place: str) -> None:
        """Let the draft at ``place`` go (its answer was saved, or it is not wanted)."""
        if self._pending is not None and self._pending[0] == place:
            self.timer.stop()
            self._pending = None
        store = self._store()
        if store is None:
            return
        try:
            store.discard_draft(place)
        except Exception as exc:
            log.warning("the draft at %s could not be let go: %s", place, type(exc).__name__)
