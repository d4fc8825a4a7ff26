"""Step titles in the app's language: "Breathe in 4, hold 7, out 8 — 4 breaths" and friends.

The timeline names each step in plain English (the command line shows that); the app
words breathing steps, bells and unprompted silences itself, through Qt's translation.
Text a practice's author wrote (guidance, prompts, questions) is shown as written: the
practice file is already in its own language. A ``{placeholder}`` in a title is never
shown raw: it is filled with the answer when there is one, and otherwise named in plain
words ("your intention"), through :func:`kapcompanion.core.text.fill` like everywhere else.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from kapcompanion.core.model import BellStep, BreatheStep, SilenceStep
from kapcompanion.core.text import fill
from kapcompanion.core.timeline import StepSpan

log = logging.getLogger(__name__)


def _n(x: float) -> str:
    return f"{x:g}"


def breath_title(step: BreatheStep) -> str:
    """The breathing step "Breathe in 3+1, out 6 — 30 breaths", in the app's language."""
    p = step.pattern
    parts = [
        QCoreApplication.translate("StepWords", "in {s}").format(
            s="+".join(_n(x) for x in p.inhale)
        )
    ]
    if p.hold:
        parts.append(QCoreApplication.translate("StepWords", "hold {s}").format(s=_n(p.hold)))
    parts.append(QCoreApplication.translate("StepWords", "out {s}").format(s=_n(p.exhale)))
    if p.hold_out:
        parts.append(QCoreApplication.translate("StepWords", "rest {s}").format(s=_n(p.hold_out)))
    count = (
        QCoreApplication.translate("StepWords", "1 breath")
        if step.cycles == 1
        else QCoreApplication.translate("StepWords", "{n} breaths").format(n=step.cycles)
    )
    return QCoreApplication.translate("StepWords", "Breathe {phases} — {count}").format(
        phases=", ".join(parts), count=count
    )


def span_title(span: StepSpan) -> str:
    """The title of one step as the app shows it (placeholders still in; see ``shown_title``)."""
    step = span.step
    if isinstance(step, BreatheStep):
        return breath_title(step)
    if isinstance(step, BellStep):
        return QCoreApplication.translate("StepWords", "A bell")
    if isinstance(step, SilenceStep) and not step.prompt:
        return QCoreApplication.translate("StepWords", "Silence")
    return span.title


#: Placeholders a list names in words of their own (the rest read "your answer").
KNOWN_PLACEHOLDERS = {
    "intention": lambda: QCoreApplication.translate("StepWords", "your intention"),
    "calm_word": lambda: QCoreApplication.translate("StepWords", "your calm word"),
    "small_step": lambda: QCoreApplication.translate("StepWords", "your small step"),
    "first_notes": lambda: QCoreApplication.translate("StepWords", "your first notes"),
    "comfort_plan": lambda: QCoreApplication.translate("StepWords", "your comfort plan"),
    "value_step": lambda: QCoreApplication.translate("StepWords", "your step"),
}


def placeholder_name(name: str) -> str:
    """How a list names an answer it does not have yet: "your intention", "your answer".

    A numbered answer (a score such as ``who5_1``) shows as "…".
    """
    known = KNOWN_PLACEHOLDERS.get(name)
    if known is not None:
        return known()
    if any(c.isdigit() for c in name):
        return "…"
    return QCoreApplication.translate("StepWords", "your answer")


def shown_title(raw: str, values: Mapping[str, object] | None = None, limit: int = 0) -> str:
    """``raw`` with its placeholders filled (or named), cut at ``limit`` characters with "…".

    Cutting comes after filling, so a title never ends in half a placeholder ("{…").
    """
    title = fill(raw, values or {}, missing=placeholder_name)
    if limit and len(title) > limit:
        title = title[: limit - 3].rstrip() + "…"
    return title
