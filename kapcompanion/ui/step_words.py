"""Step titles in the app's language: "Breathe · in 4 · hold 7 · out 8 · 4×" and friends.

The timeline names each step in plain English (the command line shows that); the app
words breathing steps, bells and unprompted silences itself, through Qt's translation.
Text a practice's author wrote (guidance, prompts, questions) is shown as written: the
practice file is already in its own language.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from kapcompanion.core.model import BellStep, BreatheStep, SilenceStep
from kapcompanion.core.timeline import StepSpan

log = logging.getLogger(__name__)


def _n(x: float) -> str:
    return f"{x:g}"


def breath_title(step: BreatheStep) -> str:
    """The breathing step "Breathe · in 3+1 · out 6 · 30×", in the app's language."""
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
    cycles = QCoreApplication.translate("StepWords", "{n}×").format(n=step.cycles)
    return " · ".join([QCoreApplication.translate("StepWords", "Breathe"), *parts, cycles])


def span_title(span: StepSpan) -> str:
    """The title of one step as the app shows it."""
    step = span.step
    if isinstance(step, BreatheStep):
        return breath_title(step)
    if isinstance(step, BellStep):
        return QCoreApplication.translate("StepWords", "A bell")
    if isinstance(step, SilenceStep) and not step.prompt:
        return QCoreApplication.translate("StepWords", "Silence")
    return span.title
