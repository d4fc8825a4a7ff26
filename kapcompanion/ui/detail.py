"""The detail pane: what a practice is, its steps at a glance, evidence and safety."""

from __future__ import annotations

import html
import logging
from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.core.model import Practice
from kapcompanion.core.text import reflow
from kapcompanion.core.timeline import compile_practice
from kapcompanion.ui.catalogue import Entry, length_text
from kapcompanion.ui.player.stop_rules import needs_rules
from kapcompanion.ui.step_words import shown_title, span_title
from kapcompanion.ui.tags import tag_labels
from kapcompanion.ui.widgets import text_label

log = logging.getLogger(__name__)


#: Words before each kind of step in "Steps at a glance" (translated by the pane).
STEP_WORDS = {
    "say": "Guidance: {title}",
    "silence": "Quiet: {title}",
    "reflect": "Write: {title}",
    "check_in": "Check in: {title}",
    "checklist": "Checklist: {title}",
    "bell": "A bell",
    "breathe": "{title}",
    "more": "(+{n} more)",
}
#: A step's line is cut (with "…") after this many characters.
TITLE_LIMIT = 90


def steps_at_a_glance(practice: Practice, words: Mapping[str, str] = STEP_WORDS) -> list[str]:
    """One short line per step (neighbouring steps of one kind are merged).

    Args:
        practice: the practice to describe.
        words: templates per step kind (see :data:`STEP_WORDS`), already translated.
    """
    lines: list[str] = []
    last_kind = ""
    last_title = ""
    count = 0
    for span in compile_practice(practice).steps:
        kind = span.kind
        raw = span_title(span)
        if raw == last_title:  # a question said, then left on screen: listed once
            continue
        last_title = raw
        if kind in ("say", "silence") and kind == last_kind:
            count += 1
            continue
        if count > 1:
            lines[-1] += " " + words["more"].format(n=count - 1)
        count = 1
        last_kind = kind
        title = shown_title(raw, None, TITLE_LIMIT)
        gap = ", " if " — " in title else " — "  # "Breathe in 4, out 6 — 30 breaths, 5 min"
        length = gap + length_text(span.end - span.start) if span.end > span.start else ""
        lines.append(words.get(kind, "{title}").format(title=title) + length)
    if count > 1:
        lines[-1] += " " + words["more"].format(n=count - 1)
    return lines


class DetailPane(QScrollArea):
    """Shows one practice and offers to begin it."""

    start_requested = Signal(str)
    #: "Duplicate and edit" (the button shows once something listens: see ``can_duplicate``).
    duplicate_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setProperty("ring", True)  # scrolls with the keyboard: the focus ring (theme)
        self._pid = ""
        card = QFrame()
        card.setObjectName("card")
        self.meta = text_label(role="muted", selectable=True)
        self.title = text_label(role="h1", selectable=True)
        self.summary = text_label(selectable=True)
        self.start = QPushButton(self.tr("Begin practice"))
        self.start.setAutoDefault(True)
        self.start.setProperty("primary", True)
        self.start.setAccessibleName(self.tr("Begin practice"))
        self.start.setCursor(Qt.CursorShape.PointingHandCursor)
        self.start.clicked.connect(lambda: self.start_requested.emit(self._pid))
        self.can_duplicate = False
        self.duplicate = QPushButton(self.tr("Duplicate and edit"))
        self.duplicate.setAccessibleDescription(
            self.tr("Make your own copy of this practice and open it in the editor.")
        )
        self.duplicate.clicked.connect(lambda: self.duplicate_requested.emit(self._pid))
        self.description = text_label(selectable=True)
        self.description.setTextFormat(Qt.TextFormat.MarkdownText)
        self.steps_head = text_label(self.tr("Steps at a glance"), "h2", selectable=True)
        self.steps = text_label(selectable=True)
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.evidence_head = text_label(self.tr("Evidence"), "h2", selectable=True)
        self.evidence = text_label(selectable=True)
        self.evidence.setTextFormat(Qt.TextFormat.RichText)
        self.safety = text_label(role="safety", selectable=True)

        row = QHBoxLayout()
        row.addWidget(self.start)
        row.addWidget(self.duplicate)
        row.addStretch(1)
        lay = QVBoxLayout(card)
        lay.setContentsMargins(28, 24, 28, 28)
        lay.setSpacing(12)
        for w in (self.meta, self.title, self.summary):
            lay.addWidget(w)
        lay.addLayout(row)
        lay.addSpacing(6)
        lay.addWidget(self.safety)
        for w in (
            self.description,
            self.steps_head,
            self.steps,
            self.evidence_head,
            self.evidence,
        ):
            lay.addWidget(w)
        lay.addStretch(1)
        self.setWidget(card)
        self.show_entry(None)

    def _dismissed(self) -> tuple[str, ...]:
        """Practices whose "Before you begin" card the person turned off (from settings)."""
        settings = getattr(self.window(), "settings", None)
        return tuple(getattr(settings, "rules_dismissed", ()))

    @property
    def practice_id(self) -> str:
        """The id shown, or ''."""
        return self._pid

    def show_entry(self, entry: Entry | None) -> None:
        """Show ``entry`` (or a gentle placeholder for none)."""
        if entry is None:
            self._pid = ""
            self.title.setText(self.tr("Choose a practice"))
            self.meta.setText("")
            self.summary.setText(self.tr("Pick one from the list to read about it."))
            for w in (
                self.start,
                self.duplicate,
                self.description,
                self.steps_head,
                self.steps,
                self.evidence_head,
                self.evidence,
                self.safety,
            ):
                w.hide()
            return
        p = entry.practice
        self._pid = p.id
        category = {
            "prepare": self.tr("Prepare"),
            "anytime": self.tr("Anytime"),
            "integrate": self.tr("Integrate"),
        }.get(p.category, p.category)
        bits = [category, length_text(entry.length)]
        if p.tags:
            bits.append(", ".join(tag_labels(p.tags)))
        if entry.author:
            who = self.tr("From {author}, verified") if entry.verified else self.tr("From {author}")
            bits.append(who.format(author=entry.author))
        elif entry.origin and entry.origin != "built-in":
            bits.append(self.tr("your own") if entry.origin == "user" else entry.origin)
        self.meta.setText(" · ".join(bits))
        self.title.setText(p.title)
        self.summary.setText(p.summary)
        self.start.show()
        self.duplicate.setVisible(self.can_duplicate)
        self.start.setAccessibleDescription(
            self.tr("Begin {title}, about {length}").format(
                title=p.title, length=length_text(entry.length)
            )
        )
        self.description.setText(p.description)
        self.description.setVisible(bool(p.description.strip()))
        words = {
            "say": self.tr("Guidance: {title}"),
            "silence": self.tr("Quiet: {title}"),
            "reflect": self.tr("Write: {title}"),
            "check_in": self.tr("Check in: {title}"),
            "checklist": self.tr("Checklist: {title}"),
            "bell": self.tr("A bell"),
            "breathe": "{title}",
            "more": self.tr("(+{n} more)"),
        }
        try:
            lines = steps_at_a_glance(p, words)
        except Exception:
            log.exception("steps of %s", p.id)
            lines = []
        self.steps.setText(
            "<ol style='margin-left:-8px'>"
            + "".join(f"<li>{html.escape(x)}</li>" for x in lines)
            + "</ol>"
        )
        self.steps_head.setVisible(bool(lines))
        self.steps.setVisible(bool(lines))
        if p.evidence:
            meaning = {
                "strong": self.tr("Supported by several good-quality trials."),
                "moderate": self.tr("Supported by at least one randomised trial."),
                "emerging": self.tr("Early or mixed findings; promising, not settled."),
                "traditional": self.tr("Long-used practice; little formal research so far."),
            }.get(p.evidence.level, "")
            level = {
                "strong": self.tr("Strong"),
                "moderate": self.tr("Moderate"),
                "emerging": self.tr("Emerging"),
                "traditional": self.tr("Traditional"),
            }.get(p.evidence.level, p.evidence.level.title())
            text = f"<b>{html.escape(level)}</b> — {html.escape(meaning)}"
            if p.evidence.sources:
                text += (
                    "<ul style='margin-left:-20px'>"
                    + "".join(f"<li>{html.escape(s)}</li>" for s in p.evidence.sources)
                    + "</ul>"
                )
            self.evidence.setText(text)
        self.evidence.setVisible(p.evidence is not None)
        self.evidence_head.setVisible(p.evidence is not None)
        # Said once before a practice: on the "Before you begin" card when that shows
        # (it holds this same note), else here.
        note = p.safety if p.safety and not needs_rules(p, self._dismissed()) else ""
        self.safety.setText(self.tr("Safety: {note}").format(note=reflow(note)) if note else "")
        self.safety.setVisible(bool(note))
        self.verticalScrollBar().setValue(0)
