"""Names that look the same: a confusable skeleton (Unicode TR39) for signers and packs.

"Sаm Rivera" with a Cyrillic а, "Sam Rivera" and "Sam Rіvera" print alike but are
different text. :func:`skeleton` maps every character to the prototype of its confusable
class, as Unicode Technical Standard #39 (section 4, "Confusable Detection") does, so
two names that look alike have the same skeleton. The classes come from Unicode's
``confusables.txt`` as shipped by the ``confusable_homoglyphs`` package (its
``confusables.json``: each character with the characters it is confusable with); they
are read once, the first time a name is compared.

Before the mapping, a name is NFKC-normalised (full-width and styled letters become
plain ones), case-folded, and its spacing collapsed, so case and spacing never make two
names different either.
"""

from __future__ import annotations

import functools
import json
import logging
import unicodedata
from importlib import resources

log = logging.getLogger(__name__)

_MARKS = "\u200e\u200f"  # the data wraps right-to-left characters in direction marks


def _prototype(members: set[str]) -> str:
    """The member a class maps to: plain ASCII first, the longest ("rn" for m), then lowest."""
    return min(members, key=lambda s: (not s.isascii(), -len(s), s))


@functools.cache
def _table() -> dict[str, str]:
    """Each confusable character -> its class's prototype text."""
    try:
        raw = (
            resources.files("confusable_homoglyphs")
            .joinpath("confusables.json")
            .read_text(encoding="utf-8")
        )
        data: dict[str, list[dict[str, str]]] = json.loads(raw)
    except (ModuleNotFoundError, OSError, ValueError) as exc:  # pragma: no cover - packaging
        log.error("cannot read the confusable characters (%s); comparing names by case only", exc)
        return {}
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for char, glyphs in data.items():
        for glyph in glyphs:
            other = glyph["c"].strip(_MARKS)
            if other:
                a, b = find(char.strip(_MARKS)), find(other)
                if a != b:
                    parent[a] = b
    classes: dict[str, set[str]] = {}
    for member in list(parent):
        classes.setdefault(find(member), set()).add(member)
    table: dict[str, str] = {}
    for members in classes.values():
        proto = _prototype(members)
        for member in members:
            if len(member) == 1 and member != proto:
                table[member] = proto
    return table


def _map(text: str) -> str:
    table = _table()
    mapped = "".join(table.get(c, c) for c in unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFD", mapped)


@functools.lru_cache(maxsize=1024)
def skeleton(name: str) -> tuple[str, str]:
    """What two look-alike names share (compare skeletons, never show them).

    Case folding and the confusable classes do not commute ("I" looks like "l", but
    folds to "i"; "O" looks like "0", but folds to "o"), so there are two skeletons:
    the classes applied after folding, and applied before folding and again after.

    Args:
        name: a signer's or a pack's name.

    Returns:
        The two folded forms: NFKC, spacing collapsed, case-folded, and every confusable
        character replaced by its class's prototype.
    """
    spaced = " ".join(unicodedata.normalize("NFKC", name).split())
    return _map(spaced.casefold()), _map(_map(spaced).casefold())


def look_alike(a: str, b: str) -> bool:
    """Whether names ``a`` and ``b`` would look the same to a reader."""
    if a == b:
        return True
    sa, sb = skeleton(a), skeleton(b)
    return sa[0] == sb[0] or sa[1] == sb[1]
