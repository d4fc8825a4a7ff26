"""The breathing pacer: a soft shape that grows with the inhale and shrinks with the exhale.

Its size and words come only from the session state given at each frame (never stepped by
timer ticks), so it always matches the audio. With reduced motion it becomes a calm
filling bar with the same words.
"""

from __future__ import annotations

import logging
import math
from collections import deque
from time import perf_counter

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QRegion,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from kapcompanion.core.model import BREATH_PHASES, Phase
from kapcompanion.core.session import SessionState
from kapcompanion.core.timeline import FIRST_PART_LEVEL
from kapcompanion.ui.theme import Palette, current_palette

log = logging.getLogger(__name__)

#: Smallest radius as a fraction of the largest (empty lungs still show a soft shape).
MIN_FRACTION = 0.38
#: How many frame times the pacer keeps (about two minutes at 60 frames per second).
FRAMES_KEPT = 8192
#: Outer edge of the soft halo, as a multiple of the shape's radius.
HALO = 1.22
#: Radius of a full breath as a fraction of the pacer's smaller side: the halo of a full
#: breath ends 2% short of the pacer's edge, never cut off.
MAX_FRACTION = 0.49 / HALO


class Pacer(QWidget):
    """Draws the breath from a :class:`SessionState`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(220, 220)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(self.tr("Breathing pacer"))
        # The pacer paints its own background, so Qt need not repaint the styled
        # ancestors beneath it on every frame (a large share of the per-frame cost).
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.reduced_motion = False
        self.level = 0.0
        self.phase: Phase | None = None
        self.word = ""
        self.seconds = 0
        self.part = 0
        self.parts = 0
        self.cycle = 0
        self.cycles = 0
        self._look: tuple[object, ...] = (None, None, None)  # (phase, segment, second) shown
        self._small = ""  # the small words under the countdown (part, breath n of m)
        self._geometry = (110.0, 110.0, 220 * MAX_FRACTION)  # centre x, centre y, full radius
        self._bg: QPixmap | None = None
        self._bg_key: tuple[object, ...] = ()
        self._words_half = 0.0
        self._words: QPixmap | None = None
        self._words_key: tuple[object, ...] = ()
        self._words_at = QRect()  # where the words picture sits
        self._font_serial = 0  # bumped on a font change: the words are drawn afresh
        self._colours_for = ""
        self._colours: tuple[QColor, ...] = ()
        self.announcements: list[str] = []  # what was announced, newest last (kept short)
        #: When each of the latest frames was painted (perf_counter seconds): how smooth
        #: the pacer runs, read by the benchmarks without an event filter's cost per event.
        self.frame_times: deque[float] = deque(maxlen=FRAMES_KEPT)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Style sheets clear the opaque-paint promise when they polish; restore it."""
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Restore the opaque-paint promise after a new style sheet."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange:
            self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._font_serial += 1

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """Keep the centre and the full radius at hand for every frame."""
        w, h = event.size().width(), event.size().height()
        self._geometry = (w / 2, h / 2, min(w, h) * MAX_FRACTION)
        super().resizeEvent(event)

    def sizeHint(self) -> QSize:  # noqa: N802
        """A generous square."""
        return QSize(420, 420)

    # -- state -------------------------------------------------------------------

    @property
    def breathing(self) -> bool:
        """Whether a breath phase is showing."""
        return self.phase in BREATH_PHASES

    def set_state(self, state: SessionState) -> None:
        """Take the level, phase and countdown from ``state`` and repaint what changed.

        Runs every frame: while the segment and the whole second stay the same only the
        level can change, and only the ring it sweeps is repainted.
        """
        seg = state.segment
        phase = state.phase
        breathing = phase in BREATH_PHASES
        seconds = math.ceil(state.phase_remaining - 1e-6) if breathing else 0
        look = (phase, seg.index if seg is not None else -1, seconds)
        level = state.level if breathing else 0.0
        if look == self._look:
            if level != self.level:
                old, self.level = self.level, level
                self.update(self.dirty_region(old))
            return
        word = seg.text if seg is not None and breathing else ""
        part = seg.part if seg is not None else 0
        changed_phase = (phase, word, part) != (self.phase, self.word, self.part)
        self._look = look
        self.level = level
        self.phase = phase
        self.word = word
        self.seconds = seconds
        self.part = part
        self.parts = seg.parts if seg is not None else 0
        self.cycle = seg.cycle if seg is not None else 0
        self.cycles = seg.cycles if seg is not None else 0
        self._small = self._small_words()
        self._announce(changed_phase)
        self.update()

    def dirty_region(self, old_level: float) -> QRegion:
        """The part of the pacer a change of level from ``old_level`` repaints.

        Between two frames only the ring swept by the edges of the shape and its halo
        changes: the box around the ring's outside, less the square inside its inner edge.
        (Four rectangles clip cheaply; an exact ring region would cost more than it saves.)
        """
        if self.reduced_motion:
            return QRegion(self._bar_rect().adjusted(-4, -8, 4, 8).toAlignedRect())
        cx, cy, rmax = self._geometry
        a, b = _radius(rmax, old_level), _radius(rmax, self.level)
        lo, hi = (a, b) if a < b else (b, a)
        outer = hi * HALO + 3
        x0, y0 = math.floor(cx - outer), math.floor(cy - outer)
        side = math.ceil(cx + outer) - x0
        region = QRegion(x0, y0, side, math.ceil(cy + outer) - y0)
        inner = (lo - 3) / math.sqrt(2)  # half the side of the square inside the shape
        if inner > 4:
            hole = round(2 * inner) - 2
            region -= QRegion(round(cx - inner) + 1, round(cy - inner) + 1, hole, hole)
        return region

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
        """Radius of a full breath in pixels (its halo still fits inside the pacer)."""
        return self._geometry[2]

    def radius(self) -> float:
        """Radius of the shape now (a pure function of the level)."""
        return self.radius_at(self.level)

    def radius_at(self, level: float) -> float:
        """Radius of the shape at ``level`` 0..1."""
        return _radius(self.max_radius(), level)

    def bar_fill(self) -> float:
        """Width fraction of the reduced-motion bar (the level)."""
        return self.level

    # -- painting ----------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """Draw the circle (or the bar with reduced motion) and the words."""
        self.frame_times.append(perf_counter())
        pal = current_palette()
        p = QPainter(self)
        rect = event.rect()
        if self.reduced_motion:
            p.fillRect(rect, QColor(pal.window))
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint_bar(p, pal.pacer, pal.border, pal.text, event.region())
        else:
            p.drawPixmap(rect, self._background(pal.name, pal.window, pal.border), rect)
            self._paint_circle(p, pal, event.region())
        p.end()

    def _background(self, name: str, window: str, guide: str) -> QPixmap:
        """The still part of the picture (background and guide rings), drawn once."""
        two_part = self.parts > 1 and self.phase in BREATH_PHASES
        ratio = self.devicePixelRatioF()
        key = (name, self._geometry, two_part, ratio)
        if self._bg_key == key and self._bg is not None:
            return self._bg
        pix = QPixmap(int(self.width() * ratio), int(self.height() * ratio))
        pix.setDevicePixelRatio(ratio)
        pix.fill(QColor(window))
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        c = QPointF(self.width() / 2, self.height() / 2)
        rmax = self.max_radius()
        p.setPen(QPen(QColor(guide), 1.5))
        p.drawEllipse(c, rmax, rmax)
        if two_part:
            # Two-part inhale: a dashed ring marks where the first part ends.
            r1 = self.radius_at(FIRST_PART_LEVEL)
            p.setPen(QPen(QColor(guide), 1.5, Qt.PenStyle.DashLine))
            p.drawEllipse(c, r1, r1)
        p.end()
        self._bg, self._bg_key = pix, key
        return pix

    def _colours_of(self, pal: Palette) -> tuple[QColor, ...]:
        """Outer halo, inner halo and shape colours (made once per palette, not per frame)."""
        if self._colours_for != pal.name:
            window, glow = QColor(pal.window), QColor(pal.pacer_glow)
            self._colours = (_mix(window, glow, 0.45), glow, QColor(pal.pacer))
            self._colours_for = pal.name
        return self._colours

    def _paint_circle(self, p: QPainter, pal: Palette, region: QRegion) -> None:
        cx, cy, rmax = self._geometry
        breathing = self.phase in BREATH_PHASES
        r = _radius(rmax, self.level if breathing else 0.0)
        outer, inner, fill = self._colours_of(pal)
        # A soft halo of two opaque discs, shading from the window colour to the glow:
        # it looks like a gradient, but opaque fills are the cheapest thing to draw.
        # The halo's colours sit close to the window's, so its edges need no antialiasing
        # (which costs most of a frame); the shape itself keeps a smooth edge.
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(outer)
        p.drawEllipse(QPointF(cx, cy), r * HALO, r * HALO)
        p.setBrush(inner)
        p.drawEllipse(QPointF(cx, cy), r * 1.1, r * 1.1)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setBrush(fill)
        p.drawEllipse(QPointF(cx, cy), r, r)
        if breathing:
            self._paint_words(p, pal.text, region)

    def _word_font(self) -> QFont:
        font = QFont(self.font())
        base = font.pointSizeF() if font.pointSizeF() > 0 else 11.0
        font.setPointSizeF(base * 1.9)
        font.setWeight(QFont.Weight.Medium)
        return font

    def _small_words(self) -> str:
        small = []
        if self.parts > 1 and self.phase is Phase.INHALE:
            small.append(self.tr("part {n} of {m}").format(n=self.part, m=self.parts))
        if self.cycles:
            small.append(self.tr("breath {n} of {m}").format(n=self.cycle, m=self.cycles))
        return " · ".join(small)

    def _paint_words(self, p: QPainter, text: str, region: QRegion) -> None:
        """Draw the phase word, the countdown and the breath count.

        The words change once a second at most, so they are drawn once into a small
        transparent picture, placed on each frame whose repainted ``region`` reaches it.
        """
        ratio = self.devicePixelRatioF()
        key = (self._look, self._small, text, self._geometry, self.reduced_motion, ratio,
               self._font_serial)  # fmt: skip
        if key != self._words_key or self._words is None:
            box = self._words_box()
            self._words = self._render_words(box, text, self._small, ratio)
            self._words_key = key
            w = self._words.width() / ratio
            top_left = QPointF(box.center().x() - w / 2, box.top() + box.height() * 0.30)
            self._words_at = QRectF(top_left, self._words.deviceIndependentSize()).toAlignedRect()
        if region.intersects(self._words_at):
            p.drawPixmap(self._words_at.topLeft(), self._words)

    def _words_box(self) -> QRectF:
        """Where the words are centred: the full breath's square, or above the bar."""
        if self.reduced_motion:
            w, h = self.width(), self.height()
            return QRectF(0, h * -0.1, w, h * 0.8)
        cx, cy, rmax = self._geometry
        return QRectF(cx - rmax, cy - rmax, 2 * rmax, 2 * rmax)

    def _render_words(self, box: QRectF, text: str, small: str, ratio: float) -> QPixmap:
        word_font = self._word_font()
        base = word_font.pointSizeF() / 1.9
        count_font = QFont(word_font)
        count_font.setPointSizeF(base * 3.0)
        count_font.setWeight(QFont.Weight.Light)
        small_font = QFont(word_font)
        small_font.setPointSizeF(base)
        small_font.setWeight(QFont.Weight.Normal)
        widest = max(
            QFontMetricsF(small_font).horizontalAdvance(small),
            QFontMetricsF(word_font).horizontalAdvance(self.word),
            QFontMetricsF(count_font).horizontalAdvance(str(self.seconds)),
        )
        self._words_half = widest / 2 + 8
        h = box.height()
        width = 2 * self._words_half
        pix = QPixmap(max(1, int(width * ratio)), max(1, int(h * 0.52 * ratio)))
        pix.setDevicePixelRatio(ratio)
        pix.fill(Qt.GlobalColor.transparent)
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QColor(text))  # on the shape: full contrast, never the muted grey
        for font, top, height, words in (
            (word_font, 0.0, 0.2, self.word),
            (count_font, 0.18, 0.22, str(self.seconds)),
            (small_font, 0.40, 0.12, small),
        ):
            p.setFont(font)
            p.drawText(QRectF(0, h * top, width, h * height), Qt.AlignmentFlag.AlignCenter, words)
        p.end()
        return pix

    def _bar_rect(self) -> QRectF:
        w, h = self.width(), self.height()
        return QRectF(w * 0.1, h * 0.62, w * 0.8, max(18.0, h * 0.07))

    def _paint_bar(self, p: QPainter, fill: str, track: str, text: str, region: QRegion) -> None:
        bar = self._bar_rect()
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
            self._paint_words(p, text, region)


def _radius(rmax: float, level: float) -> float:
    """Radius of the shape at ``level`` 0..1 when a full breath is ``rmax``."""
    return rmax * (MIN_FRACTION + (1 - MIN_FRACTION) * level)


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved ``amount`` (0..1) of the way towards ``b``."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * amount),
        round(a.green() + (b.green() - a.green()) * amount),
        round(a.blue() + (b.blue() - a.blue()) * amount),
    )
