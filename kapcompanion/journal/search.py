"""Turning what the person types into a safe full-text query, and the same match in Python.

The FTS5 query quotes every word, so nothing typed can be read as query syntax; each
word matches from its start. For a locked journal, whose text is readable only after
decryption, :func:`haystack` and :func:`wanted` give the same answers in Python.
"""

from __future__ import annotations

import logging
import re
import unicodedata

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


def haystack(text: str) -> str:
    """Folded words of ``text``, each with a leading space, for :func:`wanted` tests."""
    return "".join(f" {w}" for w in words(text))


def wanted(text: str) -> list[str]:
    """Search words as word-start patterns: ``" sett"`` is in a haystack with "settled"."""
    return [f" {w}" for w in words(text)]
