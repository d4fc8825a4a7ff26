"""Characters that could disguise what a person reads: control, format and direction marks.

Practice and pack texts come from other people. Shown in a terminal, an ESC sequence can
clear the screen or retitle the window; a right-to-left override (U+202E) or a zero-width
space makes one name print exactly like another. This module says which characters those
are, and escapes them for printing. It imports nothing from the rest of the app.
"""

from __future__ import annotations

import logging
import unicodedata

log = logging.getLogger(__name__)

#: Direction embeddings, overrides and isolates, and the left/right marks.
BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
#: Control (Cc), surrogate (Cs) and private-use (Co) characters.
_CONTROL = frozenset(("Cc", "Cs", "Co"))
#: Invisible characters that are not format (Cf) characters but print as nothing.
_BLANK = frozenset("\u115f\u1160\u3164\uffa0\u034f\u180b\u180c\u180d\u180e\u17b4\u17b5")


def _hidden(c: str) -> bool:
    return unicodedata.category(c) in _CONTROL or c in BIDI


def hidden_chars(text: str, allowed: str = "") -> bool:
    """Whether ``text`` has control characters or direction overrides (not in ``allowed``)."""
    return any(c not in allowed and _hidden(c) for c in text)


def invisible_chars(text: str) -> bool:
    """Whether a name has anything that prints as nothing or reorders text.

    Names (signers, packs, titles) must look like what they are: besides control
    characters and direction marks, this refuses format characters (category Cf: the
    zero-width space, joiners, soft hyphen, word joiner, BOM), variation selectors and
    fillers that show as blank.
    """
    for c in text:
        if _hidden(c) or c in _BLANK or unicodedata.category(c) == "Cf":
            return True
        if "\ufe00" <= c <= "\ufe0f" or "\U000e0000" <= c <= "\U000e01ef":
            return True
    return False


def printable(text: str, allowed: str = "") -> str:
    """``text`` safe to print in a terminal: control characters shown as escapes."""
    if text.isprintable():  # the common case: nothing to escape (and no category look-ups)
        return text
    return "".join(c if c in allowed or not _hidden(c) else f"\\u{ord(c):04x}" for c in text)


def shown(value: object) -> str:
    """Any practice- or pack-supplied value as one safe line for a terminal.

    Newlines and tabs are escaped too, so a title cannot start a fake line of output.
    """
    return printable(str(value))
