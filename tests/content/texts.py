"""The words of a practice, gathered for content tests."""

from __future__ import annotations

from collections.abc import Iterable

from kapcompanion.core.library import Library
from kapcompanion.core.model import (
    BreatheStep,
    CheckInStep,
    ChecklistStep,
    Practice,
    ReflectStep,
    SayStep,
    SilenceStep,
    Step,
)


def step_texts(practice: Practice, steps: Iterable[Step] | None = None) -> list[str]:
    """Every piece of text the steps show or speak (labels included)."""
    out: list[str] = []
    for step in practice.steps if steps is None else steps:
        match step:
            case SayStep():
                out.append(step.text)
            case SilenceStep():
                out.append(step.prompt)
            case ReflectStep():
                out.append(step.prompt)
            case CheckInStep():
                out.extend([step.question, *step.labels])
            case ChecklistStep():
                out.extend([step.title, *step.items])
            case BreatheStep():
                out.extend(step.labels.values())
    return [t for t in out if t]


def all_text(practice: Practice) -> str:
    """Title, summary, description, safety note and every step's text, as one string."""
    head = [practice.title, practice.summary, practice.description, practice.safety]
    return "\n".join([*head, *step_texts(practice)])


def english_only(lib: Library) -> Library:
    """The same library with its translations left out (the English content tests' view)."""
    lib.practices = {k: p for k, p in lib.practices.items() if p.language == "en"}
    lib.programs = {k: g for k, g in lib.programs.items() if g.language == "en"}
    return lib
