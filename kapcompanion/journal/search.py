"""Turning what the person types into a safe full-text query, and the same match in Python.

The FTS5 query quotes every word, so nothing typed can be read as query syntax; each
word matches from its start. The Python matcher gives the same answers for a locked
journal, whose text is only readable after decryption.
"""

from __future__ import annotations

import logging
import re
import unicodedata

from kapcompanion.journal.records import Entry

log = logging.getLogger(__name__)

_WORD = re.compile(r"\w+", re.UNICODE)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """The words of ``text``, case and accents folded."""
    return _WORD.findall(_fold(text))


def fts_query(text: str) -> str:
    """An FTS5 MATCH expression: every word, quoted, as a prefix ('' when no words)."""
    return " ".join(f'"{w}"*' for w in words(text))


def matches(entry: Entry, text: str) -> bool:
    """Whether every word of ``text`` starts a word of the entry's title, text or prompt."""
    wanted = words(text)
    if not wanted:
        return False
    have = words(f"{entry.title} {entry.text} {entry.prompt}")
    return all(any(h.startswith(w) for h in have) for w in wanted)
