"""Interactive steps: reflect, check in, checklist. Each waits for "Continue"."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.core.model import CheckInStep, ChecklistStep, InteractiveStep, ReflectStep
from kapcompanion.core.text import fill, placeholders
from kapcompanion.ui.widgets import text_label

log = logging.getLogger(__name__)


class Gate(QFrame):
    """A card that asks something and hands the answer on with :attr:`continued`.

    While the person answers, :attr:`changed` says the answer moved (its draft is kept,
    see :mod:`kapcompanion.ui.player.answer_drafts`); a draft kept from an earlier time
    is offered back in place with :meth:`offer_draft` ("keep it" / "let it go").
    """

    continued = Signal(object)
    changed = Signal()  # the answer as it stands changed (typing, a tick, the slider)
    draft_let_go = Signal()  # the person let an offered draft go
    # The kind of answer (an entry's kind: reflect, check_in, checklist).
    kind = ""

    def __init__(self, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(36, 30, 36, 30)
        self.body.setSpacing(16)
        self.heading = text_label(heading, "h2")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addWidget(self.heading)
        self.setAccessibleName(heading)
        self.continue_button = QPushButton(self.tr("Continue"))
        self.continue_button.setAutoDefault(True)
        self.continue_button.setProperty("primary", True)
        self.continue_button.setAccessibleName(self.tr("Continue"))
        self.continue_button.setAccessibleDescription(self.tr("Save this and go on"))
        self.continue_button.clicked.connect(self.finish)
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.finish)

    def add_footer(self, note: str = "") -> None:
        """Put the Continue button (and a quiet note) at the bottom."""
        row = QHBoxLayout()
        if note:
            row.addWidget(text_label(note, "muted"), 1)
        else:
            row.addStretch(1)
        row.addWidget(self.continue_button)
        self.body.addStretch(1)
        self.body.addLayout(row)

    def answer(self) -> Any:
        """The answer as it stands (None when nothing was given)."""
        return None

    def draft_value(self) -> Any:
        """The answer as it stands, to keep as a draft (None: nothing worth keeping)."""
        return self.answer()

    def set_value(self, value: Any) -> bool:
        """Put a kept draft's ``value`` back in; False when it does not fit this question."""
        return False

    def clear_value(self) -> None:
        """Back to the question as it first showed."""

    def offer_draft(self, value: Any) -> bool:
        """Put a kept draft back in place and ask whether to keep it; False if it did not fit."""
        with QSignalBlocker(self):
            if not self.set_value(value):
                return False
        words = (
            self.tr("You were writing this last time. Would you like to keep it?")
            if self.kind == "reflect"
            else self.tr("You had started answering this last time. Would you like to keep it?")
        )
        self.offer = QFrame()
        self.offer.setObjectName("draftOffer")
        row = QHBoxLayout(self.offer)
        row.setContentsMargins(0, 0, 0, 0)
        note = text_label(words, "safety")
        row.addWidget(note, 1)
        self.keep_draft = QPushButton(self.tr("Keep it"))
        self.keep_draft.setAutoDefault(True)
        self.keep_draft.setAccessibleName(self.tr("Keep what you wrote"))
        self.let_go_draft = QPushButton(self.tr("Let it go"))
        self.let_go_draft.setAutoDefault(True)
        self.let_go_draft.setAccessibleName(self.tr("Let go of what you wrote and start afresh"))
        row.addWidget(self.keep_draft)
        row.addWidget(self.let_go_draft)
        self.offer.setAccessibleName(words)
        self.keep_draft.clicked.connect(self._keep_draft)
        self.let_go_draft.clicked.connect(self._let_go)
        self.body.insertWidget(1, self.offer)
        self.offer.setVisible(True)  # at once (a layout would show it a moment later)
        return True

    def _keep_draft(self) -> None:
        self.offer.hide()
        self.first_focus().setFocus(Qt.FocusReason.OtherFocusReason)

    def _let_go(self) -> None:
        with QSignalBlocker(self):
            self.clear_value()
        self.offer.hide()
        self.draft_let_go.emit()
        self.first_focus().setFocus(Qt.FocusReason.OtherFocusReason)

    def finish(self) -> None:
        """Hand the answer on."""
        self.continued.emit(self.answer())

    def first_focus(self) -> QWidget:
        """The control that should take the keyboard focus first."""
        return self.continue_button


class ReflectGate(Gate):
    """A comfortable box for a written reflection."""

    kind = "reflect"

    def __init__(
        self, step: ReflectStep, values: Mapping[str, object], parent: QWidget | None = None
    ) -> None:
        super().__init__(fill(step.prompt, values), parent)
        self.heading.setAccessibleName(self.heading.text())
        earlier = [(n, values[n]) for n in placeholders(step.prompt) if values.get(n)]
        self.earlier = text_label("")
        if earlier:
            shown = "\n".join(str(v) for _n, v in earlier)
            self.earlier.setText(self.tr("What you wrote earlier:") + "\n" + shown)
            self.earlier.setProperty("role", "safety")
            self.earlier.setAccessibleName(self.tr("What you wrote earlier"))
            self.body.addWidget(self.earlier)
        else:
            self.earlier.hide()
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)
        self.edit.setPlaceholderText(self.tr("Write as much or as little as you like…"))
        self.edit.setAccessibleName(self.tr("Your reflection"))
        self.edit.setAccessibleDescription(fill(step.prompt, values))
        self.edit.setMinimumHeight(160)
        self.body.addWidget(self.edit, 3)
        self.edit.textChanged.connect(self.changed)
        self.add_footer(self.tr("Ctrl+Enter to continue. Only you can see this."))

    def answer(self) -> str | None:
        """The text, or None when the box was left empty."""
        text = self.edit.toPlainText().strip()
        return text or None

    def draft_value(self) -> str | None:
        """The text as typed (None while the box is empty)."""
        text = self.edit.toPlainText()
        return text if text.strip() else None

    def set_value(self, value: Any) -> bool:
        """The kept text back in the box, the cursor at its end."""
        if not isinstance(value, str):
            return False
        self.edit.setPlainText(value)
        self.edit.moveCursor(QTextCursor.MoveOperation.End)
        return True

    def clear_value(self) -> None:
        """An empty box."""
        self.edit.clear()

    def first_focus(self) -> QWidget:
        """The text box."""
        return self.edit


class CheckInGate(Gate):
    """A 0–10 rating with its two labels, fully keyboard operable."""

    kind = "check_in"

    def __init__(
        self, step: CheckInStep, values: Mapping[str, object], parent: QWidget | None = None
    ) -> None:
        super().__init__(fill(step.question, values), parent)
        low, high = step.labels
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 10)
        self.slider.setValue(5)
        self.slider.setPageStep(2)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1)
        self.slider.setAccessibleName(fill(step.question, values))
        self.slider.setAccessibleDescription(
            self.tr("0 means {low}, 10 means {high}. Use the arrow keys.").format(
                low=low, high=high
            )
        )
        self.value_label = text_label("", "h2")
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        ends = QHBoxLayout()
        ends.addWidget(text_label(f"0 — {low}", "muted"))
        ends.addStretch(1)
        right = text_label(f"{high} — 10", "muted")
        right.setAlignment(Qt.AlignmentFlag.AlignRight)
        ends.addWidget(right)
        self.body.addSpacing(12)
        self.body.addWidget(self.value_label)
        self.body.addWidget(self.slider)
        self.body.addLayout(ends)
        self.slider.valueChanged.connect(self._show_value)
        self._show_value(self.slider.value())
        self.slider.valueChanged.connect(lambda _v: self.changed.emit())
        self.add_footer(self.tr("There is no right answer."))

    def set_value(self, value: Any) -> bool:
        """The kept rating back on the slider."""
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 10:
            return False
        self.slider.setValue(round(value))
        return True

    def clear_value(self) -> None:
        """The slider back in the middle."""
        self.slider.setValue(5)

    def _show_value(self, v: int) -> None:
        self.value_label.setText(self.tr("{v} of 10").format(v=v))

    def answer(self) -> int:
        """The rating 0..10."""
        return self.slider.value()

    def first_focus(self) -> QWidget:
        """The slider."""
        return self.slider


class ChecklistGate(Gate):
    """Items to tick."""

    kind = "checklist"

    def __init__(self, step: ChecklistStep, parent: QWidget | None = None) -> None:
        super().__init__(step.title, parent)
        self.boxes: list[QCheckBox] = []
        for item in step.items:
            box = QCheckBox(item)
            box.setAccessibleName(item)
            box.toggled.connect(lambda _on: self.changed.emit())
            self.boxes.append(box)
            self.body.addWidget(box)
        self.add_footer(self.tr("Tick what is done; the rest can wait."))

    def draft_value(self) -> dict[str, bool] | None:
        """The ticks, or None while nothing is ticked."""
        ticks = self.answer()
        return ticks if any(ticks.values()) else None

    def set_value(self, value: Any) -> bool:
        """The kept ticks back on their items (items no longer asked are left out)."""
        if not isinstance(value, dict):
            return False
        for box in self.boxes:
            box.setChecked(bool(value.get(box.text(), False)))
        return True

    def clear_value(self) -> None:
        """Nothing ticked."""
        for box in self.boxes:
            box.setChecked(False)

    def answer(self) -> dict[str, bool]:
        """Each item and whether it was ticked."""
        return {b.text(): b.isChecked() for b in self.boxes}

    def first_focus(self) -> QWidget:
        """The first item."""
        return self.boxes[0] if self.boxes else self.continue_button


def make_gate(
    step: InteractiveStep, values: Mapping[str, object], parent: QWidget | None = None
) -> Gate:
    """The gate widget for an interactive step."""
    match step:
        case ReflectStep():
            return ReflectGate(step, values, parent)
        case CheckInStep():
            return CheckInGate(step, values, parent)
        case ChecklistStep():
            return ChecklistGate(step, parent)
    raise TypeError(f"not an interactive step: {step!r}")
