"""Readability of the Spanish practices: Szigriszt-Pazos (INFLESZ) and Fernández-Huerta.

Run ``python tools/readability_es.py`` (optionally with folders or files, and ``--markdown``
for a table to paste into docs/library-es.md). It prints, for every Spanish practice, the
number of words and two standard Spanish measures, for the guidance heard and seen while
practising (say steps, prompts, questions, checklist items) and for all of its text (adding
the summary, description and safety note), then the same over the whole Spanish library.

The formulas::

    INFLESZ (Szigriszt-Pazos 1993) = 206.835 - 62.3 * syllables/words - words/sentences
    Fernández-Huerta (1959)        = 206.84 - 60 * syllables/words - 1.02 * words/sentences

Fernández-Huerta is given in its corrected form (syllables per word times 60, words per
sentence times 1.02), as commonly used since the original's per-100-words wording was
found to be inconsistent. The INFLESZ scale (Barrio-Cantalejo et al. 2008): under 40 very
hard, 40-55 rather hard, 55-65 normal, 65-80 fairly easy ("bastante fácil"), over 80 very
easy. The target for the app is INFLESZ 65 or more ("bastante fácil" or easier).

Syllables are counted by Spanish rules rather than a dictionary: each group of vowels is one
syllable (a diphthong or triphthong) unless two strong vowels (a, e, o) meet, or an accented
í or ú breaks the group (a hiatus: "día", "río"); a final "y" after a vowel ("hoy", "muy")
belongs to that vowel. Silent "h" between vowels is treated as a consonant ("a-ho-ra"). On
ordinary prose this is right for nearly every word; numbers count two syllables a digit.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "tools"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from readability import all_texts, guidance_texts  # noqa: E402

from kapcompanion.core.errors import ValidationError  # noqa: E402
from kapcompanion.core.loader import load_file  # noqa: E402
from kapcompanion.core.model import Practice  # noqa: E402

log = logging.getLogger(__name__)

LANGUAGE = "es"
TARGET_INFLESZ = 65.0
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
LETTERS = "A-Za-zÁÉÍÓÚÜÑáéíóúüñ"
WORD = re.compile(rf"[{LETTERS}]+|\d+(?:[.,]\d+)?")
SENTENCE_END = re.compile(r"[.!?…]+(?=[\s»”\"]|$)|\n\s*\n|\n\s*[-*]\s")
#: Strong vowels, and the accented weak ones that act as strong (they break a diphthong).
STRONG = frozenset("aeoáéóíú")
WEAK = frozenset("iuü")
VOWELS = STRONG | WEAK


def syllables(word: str) -> int:
    """Syllables in one Spanish word (see the module docstring for the rules)."""
    w = word.lower()
    if w[:1].isdigit():
        return 2 * sum(ch.isdigit() for ch in w)
    count = 0
    previous: str | None = None  # "strong" or "weak" when the last letter was a vowel
    for i, ch in enumerate(w):
        if ch == "y" and i == len(w) - 1 and previous is not None:
            continue  # "hoy", "muy", "rey": the y closes the vowel before it
        if ch not in VOWELS:
            previous = None
            continue
        kind = "strong" if ch in STRONG else "weak"
        if previous is None or (previous == "strong" and kind == "strong"):
            count += 1
        previous = kind
    return max(1, count)


@dataclass(frozen=True)
class Counts:
    """Words, sentences and syllables in a piece of text, with the two measures."""

    words: int = 0
    sentences: int = 0
    syllables: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.words + other.words,
            self.sentences + other.sentences,
            self.syllables + other.syllables,
        )

    @property
    def inflesz(self) -> float:
        """Szigriszt-Pazos perspicuity (INFLESZ scale); higher is easier."""
        if not self.words:
            return 0.0
        return 206.835 - 62.3 * self.syllables / self.words - self.words / max(1, self.sentences)

    @property
    def fernandez_huerta(self) -> float:
        """Fernández-Huerta reading ease (corrected form); higher is easier."""
        if not self.words:
            return 0.0
        return (
            206.84 - 60 * self.syllables / self.words - 1.02 * self.words / max(1, self.sentences)
        )


def band(inflesz: float) -> str:
    """The INFLESZ band's name, in Spanish as the scale gives it."""
    for floor, name in ((80, "muy fácil"), (65, "bastante fácil"), (55, "normal")):
        if inflesz >= floor:
            return name
    return "algo difícil" if inflesz >= 40 else "muy difícil"


def count(text: str) -> Counts:
    """Count words, sentences and syllables in ``text`` (placeholders are left out).

    A piece of text with no sentence-ending mark (a prompt, a checklist item) counts as one
    sentence.
    """
    text = PLACEHOLDER.sub("", text)
    total = Counts()
    for chunk in SENTENCE_END.split(text):
        words = WORD.findall(chunk)
        if words:
            total = total + Counts(len(words), 1, sum(syllables(w) for w in words))
    return total


def measure(texts: Iterable[str]) -> Counts:
    """Pooled counts over several pieces of text."""
    total = Counts()
    for text in texts:
        total = total + count(text)
    return total


@dataclass(frozen=True)
class Row:
    """One practice's readability."""

    practice: Practice
    guidance: Counts
    everything: Counts


def practices_in(paths: Iterable[Path], language: str = LANGUAGE) -> Iterator[Practice]:
    """Every valid practice in ``language`` below ``paths`` (other files are skipped)."""
    for path in paths:
        files = sorted(path.rglob("*.yaml")) if path.is_dir() else [path]
        for file in files:
            try:
                item = load_file(file)
            except ValidationError as exc:
                log.warning("skipping %s: %s", file, exc)
                continue
            if isinstance(item, Practice) and item.language == language:
                yield item


def rows(paths: Iterable[Path]) -> list[Row]:
    """Readability rows for every Spanish practice below ``paths``, by category then id."""
    order = {"prepare": 0, "anytime": 1, "integrate": 2}
    found = sorted(practices_in(paths), key=lambda p: (order.get(p.category, 9), p.id))
    return [Row(p, measure(guidance_texts(p)), measure(all_texts(p))) for p in found]


def print_table(table: list[Row]) -> None:
    """Print the readability table for the terminal."""
    head = (
        f"{'practice':<24} {'words':>6} {'INFLESZ':>8} {'F-H':>6}"
        f"   {'all words':>9} {'INFLESZ':>8} {'F-H':>6}  band (all)"
    )
    print("Legibilidad / readability (INFLESZ: Szigriszt-Pazos; F-H: Fernández-Huerta)")
    print("guidance = text heard and seen while practising; all = plus summary, description")
    print(f"and safety note. Target: INFLESZ >= {TARGET_INFLESZ:.0f} (bastante fácil or easier).")
    print()
    print(head)
    print("-" * len(head))
    for r in table:
        g, e = r.guidance, r.everything
        print(
            f"{r.practice.id:<24} {g.words:>6} {g.inflesz:>8.1f} {g.fernandez_huerta:>6.1f}"
            f"   {e.words:>9} {e.inflesz:>8.1f} {e.fernandez_huerta:>6.1f}  {band(e.inflesz)}"
        )
    g = sum((r.guidance for r in table), Counts())
    e = sum((r.everything for r in table), Counts())
    print("-" * len(head))
    print(
        f"{'whole library':<24} {g.words:>6} {g.inflesz:>8.1f} {g.fernandez_huerta:>6.1f}"
        f"   {e.words:>9} {e.inflesz:>8.1f} {e.fernandez_huerta:>6.1f}  {band(e.inflesz)}"
    )


def print_markdown(table: list[Row]) -> None:
    """Print the readability table as Markdown (for docs/library-es.md)."""
    print("| Práctica | Guía INFLESZ | Guía F-H | Todo INFLESZ | Todo F-H | Banda |")
    print("|---|---:|---:|---:|---:|---|")
    for r in table:
        g, e = r.guidance, r.everything
        print(
            f"| {r.practice.title} | {g.inflesz:.0f} | {g.fernandez_huerta:.0f}"
            f" | {e.inflesz:.0f} | {e.fernandez_huerta:.0f} | {band(e.inflesz)} |"
        )
    g = sum((r.guidance for r in table), Counts())
    e = sum((r.everything for r in table), Counts())
    print(
        f"| **Toda la biblioteca** | **{g.inflesz:.0f}** | **{g.fernandez_huerta:.0f}**"
        f" | **{e.inflesz:.0f}** | **{e.fernandez_huerta:.0f}** | {band(e.inflesz)} |"
    )


def main(argv: list[str] | None = None) -> int:
    """Print readability per Spanish practice and overall; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("paths", nargs="*", type=Path, default=[ROOT / "scripts"])
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args(argv)
    table = rows(args.paths)
    if not table:
        print("no Spanish practices found", file=sys.stderr)
        return 1
    (print_markdown if args.markdown else print_table)(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
