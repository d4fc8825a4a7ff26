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


def _emoji_glue(text: str, i: int) -> bool:
    """Whether ``text[i]`` (a variation selector or a zero-width joiner) is part of an emoji.

    "🕊️" ends in a variation selector, and "🧘🏽‍♀️" joins two symbols with a zero-width
    joiner: those stay. Next to letters they would only hide something, and are refused.
    """
    c = text[i]
    prev = text[i - 1] if i > 0 else ""
    if c in "\ufe0e\ufe0f":
        return bool(prev) and (unicodedata.category(prev)[0] == "S" or prev in "0123456789#*")
    if c == "\u200d":
        nxt = text[i + 1] if i + 1 < len(text) else ""
        prev_ok = bool(prev) and (unicodedata.category(prev)[0] == "S" or prev == "\ufe0f")
        return prev_ok and bool(nxt) and unicodedata.category(nxt)[0] == "S"
    return False


def invisible_chars(text: str) -> bool:
    """Whether a name has anything that prints as nothing or reorders text.

    Names (signers, packs, titles) must look like what they are: besides control
    characters and direction marks, this refuses format characters (category Cf: the
    zero-width space, joiners, soft hyphen, word joiner, BOM), variation selectors and
    fillers that show as blank — except a variation selector or joiner inside an emoji.
    """
    for i, c in enumerate(text):
        if _hidden(c) or c in _BLANK:
            return True
        invisible = unicodedata.category(c) == "Cf" or "\ufe00" <= c <= "\ufe0f"
        invisible = invisible or "\U000e0000" <= c <= "\U000e01ef"
        if invisible and not _emoji_glue(text, i):
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
