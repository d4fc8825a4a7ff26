"""A check box whose words wrap onto more lines instead of being cut off.

Qt's QCheckBox draws its text on one line: at the largest text size, or in Spanish, a long
option ("Read guidance aloud when there is no recorded voice") was cut at the dialog's
edge. :class:`WrapCheckBox` is a real QCheckBox (same text, signals, keyboard and screen
reader behaviour) that draws its indicator through the style (so the theme's box and
tick) and its words wrapped to the width it is given, asking the layout for the height
that needs.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

log = logging.getLogger(__name__)

#: Pixels of leeway, so words measured to fit one line are not wrapped by rounding.
SLACK = 3
#: Never asks for a line longer than this many average characters (it wraps instead).
LINE_CHARS = 48
_FLAGS = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap


class WrapCheckBox(QCheckBox):
    """A QCheckBox whose text wraps to the available width."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    # -- measuring ---------------------------------------------------------------------

    def _option(self, rect: QRect | None = None) -> QStyleOptionButton:
        opt = QStyleOptionButton()
        self.initStyleOption(opt)
        if rect is not None:
            opt.rect = rect
        return opt

    def _one_line(self) -> QSize:
        """What Qt's own check box asks for with the words on one line."""
        return super().sizeHint()

    def _margins(self) -> tuple[int, int]:
        """The room left of the words (indicator, spacing, padding) and right of them."""
        one = self._one_line()
        opt = self._option(QRect(QPoint(0, 0), one))
        contents = self.style().subElementRect(QStyle.SubElement.SE_CheckBoxContents, opt, self)
        words = self.fontMetrics().horizontalAdvance(self.text())
        left = max(0, contents.left())
        right = max(0, one.width() - left - words)
        return left, right

    def _text_height(self, width: int) -> int:
        fm = self.fontMetrics()
        box = fm.boundingRect(QRect(0, 0, max(1, width + SLACK), 100_000), _FLAGS, self.text())
        return box.height()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        """The height depends on the width (the words wrap)."""
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        """As tall as the wrapped words need at ``width`` (never less than one line)."""
        left, right = self._margins()
        one = self._one_line()
        extra = one.height() - self.fontMetrics().height()
        return max(one.height(), self._text_height(width - left - right) + extra)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """One line when it is short; a comfortable line length, wrapped, when it is long."""
        one = self._one_line()
        left, right = self._margins()
        longest = self.fontMetrics().averageCharWidth() * LINE_CHARS
        width = min(one.width(), left + right + longest)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Room for the box and a short word or two; the rest wraps."""
        left, right = self._margins()
        width = min(
            self._one_line().width(), left + right + self.fontMetrics().averageCharWidth() * 12
        )
        return QSize(width, self._one_line().height())

    # -- drawing and clicking ----------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        """The indicator (and the theme's frame) by the style; the words wrapped."""
        painter = QPainter(self)
        opt = self._option()
        opt.text = ""
        self.style().drawControl(QStyle.ControlElement.CE_CheckBox, opt, painter, self)
        left, right = self._margins()
        role = QPalette.ColorRole.WindowText
        group = QPalette.ColorGroup.Normal if self.isEnabled() else QPalette.ColorGroup.Disabled
        painter.setPen(self.palette().color(group, role))
        painter.setFont(self.font())
        room = QRect(left, 0, self.width() - left - right + SLACK, self.height())
        painter.drawText(room, _FLAGS, self.text())
        painter.end()

    def hitButton(self, pos: QPoint) -> bool:  # noqa: N802 - Qt's name
        """A click anywhere on it (any line of the words) toggles it."""
        return self.rect().contains(pos)
