"""Interactive steps: reflect, check in, checklist. Each waits for "Continue"."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
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
    """A card that asks something and hands the answer on with :attr:`continued`."""

    continued = Signal(object)

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

    def finish(self) -> None:
        """Hand the answer on."""
        self.continued.emit(self.answer())

    def first_focus(self) -> QWidget:
        """The control that should take the keyboard focus first."""
        return self.continue_button


class ReflectGate(Gate):
    """A comfortable box for a written reflection."""

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
        self.add_footer(self.tr("Ctrl+Enter to continue. Only you can see this."))

    def answer(self) -> str | None:
        """The text, or None when the box was left empty."""
        text = self.edit.toPlainText().strip()
        return text or None

    def first_focus(self) -> QWidget:
        """The text box."""
        return self.edit


class CheckInGate(Gate):
    """A 0–10 rating with its two labels, fully keyboard operable."""

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
        self.add_footer(self.tr("There is no right answer."))

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

    def __init__(self, step: ChecklistStep, parent: QWidget | None = None) -> None:
        super().__init__(step.title, parent)
        self.boxes: list[QCheckBox] = []
        for item in step.items:
            box = QCheckBox(item)
            box.setAccessibleName(item)
            self.boxes.append(box)
            self.body.addWidget(box)
        self.add_footer(self.tr("Tick what is done; the rest can wait."))

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
