"""The breathing pacer: a soft shape that grows with the inhale and shrinks with the exhale.

Its size and words come only from the session state given at each frame (never stepped by
timer ticks), so it always matches the audio. With reduced motion it becomes a calm
filling bar with the same words.
"""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QRadialGradient,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from kapcompanion.core.model import BREATH_PHASES, Phase
from kapcompanion.core.session import SessionState
from kapcompanion.core.timeline import FIRST_PART_LEVEL
from kapcompanion.ui.theme import current_palette

log = logging.getLogger(__name__)

#: Smallest radius as a fraction of the largest (empty lungs still show a soft shape).
MIN_FRACTION = 0.38


class Pacer(QWidget):
    """Draws the breath from a :class:`SessionState`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(220, 220)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(self.tr("Breathing pacer"))
        self.reduced_motion = False
        self.level = 0.0
        self.phase: Phase | None = None
        self.word = ""
        self.seconds = 0
        self.part = 0
        self.parts = 0
        self.cycle = 0
        self.cycles = 0
        self.announcements: list[str] = []  # what was announced, newest last (kept short)

    def sizeHint(self) -> QSize:  # noqa: N802
        """A generous square."""
        return QSize(420, 420)

    # -- state -------------------------------------------------------------------

    @property
    def breathing(self) -> bool:
        """Whether a breath phase is showing."""
        return self.phase in BREATH_PHASES

    def set_state(self, state: SessionState) -> None:
        """Take the level, phase and countdown from ``state`` and repaint."""
        seg = state.segment
        phase = state.phase
        word = seg.text if seg is not None and phase in BREATH_PHASES else ""
        seconds = math.ceil(state.phase_remaining - 1e-6) if phase in BREATH_PHASES else 0
        changed_phase = (phase, word, seg.part if seg else 0) != (self.phase, self.word, self.part)
        changed_seconds = seconds != self.seconds
        self.level = state.level if phase in BREATH_PHASES else 0.0
        self.phase = phase
        self.word = word
        self.seconds = seconds
        self.part = seg.part if seg is not None else 0
        self.parts = seg.parts if seg is not None else 0
        self.cycle = seg.cycle if seg is not None else 0
        self.cycles = seg.cycles if seg is not None else 0
        if changed_phase or changed_seconds:
            self._announce(changed_phase)
        self.update()

    def spoken(self) -> str:
        """What the pacer says now, in words (its accessible description)."""
        if not self.breathing:
            return ""
        text = self.word
        if self.parts > 1 and self.phase is Phase.INHALE:
            text += " " + self.tr("(part {n} of {m})").format(n=self.part, m=self.parts)
        return text + ", " + self.tr("{s} seconds").format(s=self.seconds)

    def _announce(self, phase_changed: bool) -> None:
        text = self.spoken()
        if phase_changed:
            self.setAccessibleName(
                self.tr("Breathing pacer: {word}").format(word=self.word)
                if self.word
                else self.tr("Breathing pacer")
            )
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.NameChanged))
        self.setAccessibleDescription(text)
        QAccessible.updateAccessibility(
            QAccessibleEvent(self, QAccessible.Event.DescriptionChanged)
        )
        if text:
            self.announcements.append(text)
            del self.announcements[:-20]

    # -- geometry ----------------------------------------------------------------

    def max_radius(self) -> float:
        """Radius of a full breath in pixels."""
        return min(self.width(), self.height()) * 0.44

    def radius(self) -> float:
        """Radius of the shape now (a pure function of the level)."""
        r = self.max_radius()
        return r * (MIN_FRACTION + (1 - MIN_FRACTION) * self.level)

    def bar_fill(self) -> float:
        """Width fraction of the reduced-motion bar (the level)."""
        return self.level

    # -- painting ----------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        """Draw the circle (or the bar with reduced motion) and the words."""
        pal = current_palette()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.reduced_motion:
            self._paint_bar(p, pal.pacer, pal.border, pal.text, pal.muted)
        else:
            self._paint_circle(p, pal.pacer, pal.pacer_glow, pal.border, pal.text, pal.muted)
        p.end()

    def _paint_circle(
        self, p: QPainter, fill: str, glow: str, guide: str, text: str, muted: str
    ) -> None:
        c = QPointF(self.width() / 2, self.height() / 2)
        rmax = self.max_radius()
        p.setPen(QPen(QColor(guide), 1.5))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(c, rmax, rmax)
        if self.breathing and self.parts > 1:
            # Two-part inhale: a dashed ring marks where the first part ends.
            r1 = rmax * (MIN_FRACTION + (1 - MIN_FRACTION) * FIRST_PART_LEVEL)
            pen = QPen(QColor(guide), 1.5, Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.drawEllipse(c, r1, r1)
        r = self.radius() if self.breathing else rmax * MIN_FRACTION
        grad = QRadialGradient(c, r * 1.25)
        grad.setColorAt(0.0, QColor(fill))
        grad.setColorAt(0.78, QColor(fill))
        edge = QColor(glow)
        grad.setColorAt(0.8, edge)
        edge.setAlpha(0)
        grad.setColorAt(1.0, edge)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(grad)
        p.drawEllipse(c, r * 1.25, r * 1.25)
        if not self.breathing:
            return
        self._paint_words(p, QRectF(c.x() - rmax, c.y() - rmax, 2 * rmax, 2 * rmax), text, muted)

    def _paint_words(self, p: QPainter, box: QRectF, text: str, muted: str) -> None:
        font = QFont(self.font())
        base = font.pointSizeF() if font.pointSizeF() > 0 else 11.0
        font.setPointSizeF(base * 1.9)
        font.setWeight(QFont.Weight.Medium)
        p.setFont(font)
        p.setPen(QColor(text))
        h = box.height()
        p.drawText(
            QRectF(box.left(), box.top() + h * 0.30, box.width(), h * 0.2),
            Qt.AlignmentFlag.AlignCenter,
            self.word,
        )
        font.setPointSizeF(base * 3.0)
        font.setWeight(QFont.Weight.Light)
        p.setFont(font)
        p.drawText(
            QRectF(box.left(), box.top() + h * 0.48, box.width(), h * 0.22),
            Qt.AlignmentFlag.AlignCenter,
            str(self.seconds),
        )
        small = []
        if self.parts > 1 and self.phase is Phase.INHALE:
            small.append(self.tr("part {n} of {m}").format(n=self.part, m=self.parts))
        if self.cycles:
            small.append(self.tr("breath {n} of {m}").format(n=self.cycle, m=self.cycles))
        font.setPointSizeF(base * 1.0)
        font.setWeight(QFont.Weight.Normal)
        p.setFont(font)
        p.setPen(QColor(text))  # on the shape: full contrast, never the muted grey
        p.drawText(
            QRectF(box.left(), box.top() + h * 0.70, box.width(), h * 0.12),
            Qt.AlignmentFlag.AlignCenter,
            " · ".join(small),
        )

    def _paint_bar(self, p: QPainter, fill: str, track: str, text: str, muted: str) -> None:
        w, h = self.width(), self.height()
        bar = QRectF(w * 0.1, h * 0.62, w * 0.8, max(18.0, h * 0.07))
        path = QPainterPath()
        path.addRoundedRect(bar, bar.height() / 2, bar.height() / 2)
        p.fillPath(path, QColor(track))
        if self.breathing and self.level > 0:
            inner = QRectF(bar.left(), bar.top(), bar.width() * self.bar_fill(), bar.height())
            clip = QPainterPath()
            clip.addRoundedRect(inner, bar.height() / 2, bar.height() / 2)
            p.fillPath(clip.intersected(path), QColor(fill))
        if self.breathing and self.parts > 1:
            x = bar.left() + bar.width() * FIRST_PART_LEVEL
            p.setPen(QPen(QColor(text), 2))
            p.drawLine(QPointF(x, bar.top() - 6), QPointF(x, bar.bottom() + 6))
        if self.breathing:
            self._paint_words(p, QRectF(0, h * -0.1, w, h * 0.8), text, muted)
