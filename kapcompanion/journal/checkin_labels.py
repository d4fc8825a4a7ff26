"""What a check-in is called where a person reads it (charts, tables, the export).

A check-in is stored under its ``save_as`` name (``grounded_after``), which is for the
practice file, not for people. The built-in library's check-ins have short labels here
(the app translates the same words, see ``kapcompanion.ui.journal_pages.charts``); any
other check-in is called by the question it asked, and only failing that by its name in
words.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from kapcompanion.journal.records import Entry

log = logging.getLogger(__name__)

#: Labels for the built-in library's check-ins, by ``save_as`` name (English).
BUILT_IN_LABELS: dict[str, str] = {
    "grounded_after": "feeling grounded after a session",
    "week_connected": "connected to your session",
    "value_relationships_close": "close to: relationships",
    "value_work_close": "close to: work",
    "value_health_close": "close to: health",
    "value_meaning_close": "close to: meaning",
    "who5_1": "WHO-5: cheerful",
    "who5_2": "WHO-5: calm",
    "who5_3": "WHO-5: active",
    "who5_4": "WHO-5: rested",
    "who5_5": "WHO-5: interested",
}


def questions_of(entries: Iterable[Entry]) -> dict[str, str]:
    """The question each check-in asked, by name (the latest wording wins)."""
    out: dict[str, str] = {}
    for e in entries:
        if e.kind == "check_in" and e.name and e.prompt and e.prompt.strip():
            out[e.name] = e.prompt.strip()
    return out


def words_of(name: str) -> str:
    """A ``save_as`` name in words: ``my_own_scale`` -> ``my own scale``."""
    return name.replace("_", " ").strip()


def checkin_label(name: str, question: str | None = None) -> str:
    """What to call check-in ``name``: its built-in label, else its question, else words."""
    if name in BUILT_IN_LABELS:
        return BUILT_IN_LABELS[name]
    if question:
        return question
    return words_of(name)


def scores_text(n: int) -> str:
    """How many scores, in words: 1 score, 3 scores."""
    return "1 score" if n == 1 else f"{n} scores"
