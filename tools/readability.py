"""Readability of the built-in practice library: Flesch-Kincaid grade and reading ease.

Run ``python tools/readability.py`` (optionally with folders or files, and ``--markdown``
for a table to paste into docs/library.md). It prints, for every practice, the number of
words and two standard measures, for the guidance heard and seen while practising
(say steps, prompts, questions, checklist items) and for all of its text (adding the
summary, description and safety note), then the same over the whole library.

The formulas are the standard ones (Flesch 1948; Kincaid et al. 1975)::

    grade = 0.39 * words/sentences + 11.8 * syllables/words - 15.59
    ease  = 206.835 - 1.015 * words/sentences - 84.6 * syllables/words

Syllables are counted with a vowel-group heuristic rather than a pronouncing dictionary:
the ``textstat`` package now needs a dictionary download at run time, and this project
makes no network connections. The heuristic is within about one syllable in ten of a
dictionary on plain English, so treat grades as +/- 0.5.
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
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kapcompanion.core.errors import ValidationError  # noqa: E402
from kapcompanion.core.loader import load_file  # noqa: E402
from kapcompanion.core.model import (  # noqa: E402
    CheckInStep,
    ChecklistStep,
    Practice,
    ReflectStep,
    SayStep,
    SilenceStep,
)

log = logging.getLogger(__name__)

PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d+(?:\.\d+)?")
SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n\s*\n|\n\s*[-*]\s")
#: Drop a silent final "e" (but keep "-le" as in "gentle"), and "-es"/"-ed" endings that
#: add no syllable ("closes" is an exception the heuristic accepts).
SILENT_ENDING = re.compile(r"(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$")
VOWEL_GROUP = re.compile(r"[aeiouy]{1,2}")


def syllables(word: str) -> int:
    """Estimate the syllables in one word (at least 1)."""
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 1  # a number read aloud: count one syllable per group of digits
    if len(w) <= 3:
        return 1
    w = SILENT_ENDING.sub("", w)
    w = re.sub(r"^y", "", w)
    return max(1, len(VOWEL_GROUP.findall(w)))


@dataclass(frozen=True)
class Counts:
    """Words, sentences and syllables in some text."""

    words: int = 0
    sentences: int = 0
    syllables: int = 0

    def __add__(self, other: Counts) -> Counts:
        """Pool two counts."""
        return Counts(
            self.words + other.words,
            self.sentences + other.sentences,
            self.syllables + other.syllables,
        )

    @property
    def grade(self) -> float:
        """Flesch-Kincaid grade level (US school grade)."""
        if not self.words:
            return 0.0
        return (
            0.39 * self.words / max(1, self.sentences) + 11.8 * self.syllables / self.words - 15.59
        )

    @property
    def ease(self) -> float:
        """Flesch reading ease (0-100; 60-70 is plain English, 80+ is easy)."""
        if not self.words:
            return 0.0
        return (
            206.835
            - 1.015 * self.words / max(1, self.sentences)
            - 84.6 * self.syllables / self.words
        )


def count(text: str) -> Counts:
    """Count words, sentences and syllables in ``text`` (placeholders are left out).

    A piece of text with no sentence-ending mark (a checklist item, a prompt) counts as
    one sentence.
    """
    text = PLACEHOLDER.sub("", text)
    total = Counts()
    for chunk in SENTENCE_END.split(text):
        words = WORD.findall(chunk)
        if words:
            total = total + Counts(len(words), 1, sum(syllables(w) for w in words))
    return total


def guidance_texts(practice: Practice) -> list[str]:
    """Text shown or spoken while the practice plays, each distinct piece once."""
    out: list[str] = []
    for step in practice.steps:
        match step:
            case SayStep():
                out.append(step.text)
            case SilenceStep() if step.prompt:
                out.append(step.prompt)
            case ReflectStep():
                out.append(step.prompt)
            case CheckInStep():
                out.append(step.question)
            case ChecklistStep():
                out.append(step.title)
                out.extend(step.items)
    return list(dict.fromkeys(t for t in out if t.strip()))


def all_texts(practice: Practice) -> list[str]:
    """Every piece of text the app shows for the practice."""
    extra = [practice.summary, _plain(practice.description), practice.safety]
    return [t for t in extra if t.strip()] + guidance_texts(practice)


def measure(texts: Iterable[str]) -> Counts:
    """Pooled counts over several pieces of text."""
    total = Counts()
    for text in texts:
        total = total + count(text)
    return total


def _plain(markdown: str) -> str:
    return re.sub(r"[*_`#>]", "", markdown)


@dataclass(frozen=True)
class Row:
    """One practice's readability."""

    practice: Practice
    guidance: Counts
    everything: Counts


def practices_in(paths: Iterable[Path]) -> Iterator[Practice]:
    """Every valid English practice below ``paths`` (skips programs, translations, bad files)."""
    for path in paths:
        files = sorted(path.rglob("*.yaml")) if path.is_dir() else [path]
        for file in files:
            try:
                item = load_file(file)
            except ValidationError as exc:
                log.warning("skipping %s: %s", file, exc)
                continue
            if isinstance(item, Practice) and item.language == "en":
                yield item  # translations have their own measure (readability_es.py)


def rows(paths: Iterable[Path]) -> list[Row]:
    """Readability rows for every practice below ``paths``, by category then id."""
    order = {"prepare": 0, "anytime": 1, "integrate": 2}
    found = sorted(practices_in(paths), key=lambda p: (order.get(p.category, 9), p.id))
    return [Row(p, measure(guidance_texts(p)), measure(all_texts(p))) for p in found]


def print_table(table: list[Row]) -> None:
    """Print the readability table for the terminal."""
    head = (
        f"{'practice':<26} {'category':<10} {'words':>6} {'grade':>6} {'ease':>6}"
        f"   {'all words':>9} {'grade':>6} {'ease':>6}"
    )
    print("Readability (Flesch-Kincaid grade, Flesch reading ease)")
    print("guidance = text heard and seen while practising; all = plus summary, description")
    print("and safety note. Syllables by vowel-group heuristic (no textstat): grades +/- 0.5.")
    print()
    print(head)
    print("-" * len(head))
    for r in table:
        g, e = r.guidance, r.everything
        print(
            f"{r.practice.id:<26} {r.practice.category:<10} {g.words:>6} {g.grade:>6.1f}"
            f" {g.ease:>6.1f}   {e.words:>9} {e.grade:>6.1f} {e.ease:>6.1f}"
        )
    g = sum((r.guidance for r in table), Counts())
    e = sum((r.everything for r in table), Counts())
    print("-" * len(head))
    print(
        f"{'whole library':<26} {len(table):<10} {g.words:>6} {g.grade:>6.1f} {g.ease:>6.1f}"
        f"   {e.words:>9} {e.grade:>6.1f} {e.ease:>6.1f}"
    )


def print_markdown(table: list[Row]) -> None:
    """Print the readability table as Markdown (for docs/library.md)."""
    print("| Practice | Guidance grade | Guidance ease | All text grade | All text ease |")
    print("|---|---:|---:|---:|---:|")
    for r in table:
        g, e = r.guidance, r.everything
        print(
            f"| {r.practice.title} | {g.grade:.1f} | {g.ease:.0f} | {e.grade:.1f} | {e.ease:.0f} |"
        )
    g = sum((r.guidance for r in table), Counts())
    e = sum((r.everything for r in table), Counts())
    print(
        f"| **Whole library** | **{g.grade:.1f}** | **{g.ease:.0f}** | **{e.grade:.1f}**"
        f" | **{e.ease:.0f}** |"
    )


def main(argv: list[str] | None = None) -> int:
    """Print readability per practice and overall; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("paths", nargs="*", type=Path, default=[ROOT / "scripts"])
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args(argv)
    table = rows(args.paths)
    if not table:
        print("no practices found", file=sys.stderr)
        return 1
    (print_markdown if args.markdown else print_table)(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
