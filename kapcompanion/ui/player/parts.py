"""Pieces of the player screen: transport controls, progress, steps list, guidance text."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from PySide6.QtCore import QEasingCurve, QEvent, QPropertyAnimation, Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsOpacityEffect,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from kapcompanion.core.timeline import Timeline
from kapcompanion.ui.catalogue import clock_text
from kapcompanion.ui.step_words import shown_title, span_title

log = logging.getLogger(__name__)

FADE_MS = 600
#: A step's title in the list is cut (with "…") after this many characters.
TITLE_LIMIT = 70
#: Guidance longer than this many lines is set smaller, so the pacer keeps its room.
GUIDANCE_LINES = 3


def button(text: str, name: str, description: str, shortcut_hint: str = "") -> QPushButton:
    """A large, clearly named button (the shortcut is said in its tooltip and description)."""
    b = QPushButton(text)
    b.setAccessibleName(name)
    b.setAccessibleDescription(description + (f" ({shortcut_hint})" if shortcut_hint else ""))
    b.setToolTip(f"{name} — {shortcut_hint}" if shortcut_hint else name)
    b.setMinimumHeight(52)
    b.setMinimumWidth(64)
    b.setCursor(Qt.CursorShape.PointingHandCursor)
    b.setAutoDefault(True)  # Enter presses the focused button, as Space does
    return b


class Guidance(QLabel):
    """Large guidance text that fades in gently when it changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "guidance")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumHeight(90)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setAccessibleName(self.tr("Guidance"))
        self.reduced_motion = False
        self._effect = QGraphicsOpacityEffect(self)
        self._effect.setOpacity(1.0)
        self.setGraphicsEffect(self._effect)
        self._anim = QPropertyAnimation(self._effect, b"opacity", self)
        self._anim.setDuration(FADE_MS)
        self._anim.setEasingCurve(QEasingCurve.Type.InOutSine)

    def show_text(self, text: str) -> None:
        """Show ``text``; fade it in unless motion is reduced."""
        if text == self.text():
            return
        self.setText(text)
        self.setAccessibleDescription(text)
        self.fit()
        if self.reduced_motion or not text:
            self._anim.stop()
            self._effect.setOpacity(1.0)
            return
        self._anim.stop()
        self._anim.setStartValue(0.1)
        self._anim.setEndValue(1.0)
        self._anim.start()

    def fit(self) -> None:
        """Long words (a long intention) in the theme's smaller guidance size.

        Guidance is large; more than :data:`GUIDANCE_LINES` lines of it would squeeze the
        pacer above. The style sheet has a ``fit`` size for this label; it is chosen when
        the words need more lines than that at the label's width.
        """
        width = self.contentsRect().width()
        if width <= 0:
            return
        long = self._lines(width) > GUIDANCE_LINES if self.property("fit") != "small" else None
        if long is None:  # measure again at the large size
            self._set_fit("")
            long = self._lines(width) > GUIDANCE_LINES
        self._set_fit("small" if long else "")

    def _lines(self, width: int) -> int:
        fm = self.fontMetrics()
        box = fm.boundingRect(0, 0, width, 100_000, int(Qt.TextFlag.TextWordWrap), self.text())
        return round(box.height() / max(1, fm.lineSpacing()))

    def _set_fit(self, value: str) -> None:
        if self.property("fit") == value:
            return
        self.setProperty("fit", value)
        self.style().unpolish(self)
        self.style().polish(self)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        """Choose the size again for the new width."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()


class Progress(QWidget):
    """A thin bar with elapsed and remaining time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.elapsed = SteadyLabel("0:00")
        self.elapsed.setProperty("role", "muted")
        self.remaining = SteadyLabel("0:00")
        self.remaining.setProperty("role", "muted")
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(self.tr("Progress through the practice"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(12)
        lay.addWidget(self.elapsed)
        lay.addWidget(self.bar, 1)
        lay.addWidget(self.remaining)
        self._shown = (-1, -1)

    def show_times(self, elapsed: float, remaining: float, progress: float) -> None:
        """Update (labels change only when a whole second does)."""
        self.bar.setValue(int(progress * 1000))
        key = (int(elapsed), int(remaining + 0.999))
        if key == self._shown:
            return
        self._shown = key
        self.elapsed.set_steady(clock_text(elapsed))
        self.remaining.set_steady("−" + clock_text(remaining))
        self.elapsed.setAccessibleName(self.tr("Elapsed {t}").format(t=clock_text(elapsed)))
        self.remaining.setAccessibleName(self.tr("Remaining {t}").format(t=clock_text(remaining)))
        self.bar.setAccessibleDescription(
            self.tr("{e} done, {r} to go").format(e=clock_text(elapsed), r=clock_text(remaining))
        )


#: Qt's QWIDGETSIZE_MAX (not exported by PySide6): no maximum size.
WIDGET_SIZE_MAX = (1 << 24) - 1


class SteadyLabel(QLabel):
    """A label held at a fixed size, so a new second never relays out the player.

    A label whose size can change asks its layout to recompute on every new text (and the
    player's word-wrapped guidance makes that costly, every second); a fixed size asks
    nothing. The size grows when a longer text (an hour mark) needs it and is measured
    afresh when the font or style changes (the text size setting).
    """

    def set_steady(self, text: str) -> None:
        """Show ``text``, growing the fixed size only if it does not fit."""
        self.setText(text)
        need = self.sizeHint()
        have = self.minimumSize()
        grow = need.width() > have.width() or need.height() > have.height()
        if self.maximumSize() != have or grow:
            self.setFixedSize(need.expandedTo(have))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """A new font or style sheet: fit the text afresh."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.setMinimumSize(0, 0)
            self.setMaximumSize(WIDGET_SIZE_MAX, WIDGET_SIZE_MAX)
            self.set_steady(self.text())


class StepList(QListWidget):
    """The steps of the practice; done steps ticked, the current one marked and bold."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(self.tr("Steps"))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setMinimumWidth(240)
        self.setMaximumWidth(320)
        self._titles: list[str] = []
        self._row_of: list[int] = []  # step index -> row
        self._marked: tuple[int, tuple[str, ...]] = (-1, ())
        self.current = -1
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def show_timeline(self, timeline: Timeline) -> None:
        """List the steps of ``timeline``; a step that repeats the one before is listed once.

        A question said aloud and then left on screen in the quiet after it ("What brings
        you here?" twice) is one row: the later step marks that same row.
        """
        self.clear()
        self._titles = []
        self._row_of = []
        for span in timeline.steps:
            title = span_title(span)
            if self._titles and title == self._titles[-1]:
                self._row_of.append(self._row_of[-1])
                continue
            self._titles.append(title)
            self._row_of.append(len(self._titles) - 1)
            self.addItem(QListWidgetItem(shown_title(title, None, TITLE_LIMIT)))
        self.current = -1
        self._marked = (-1, ())

    def row_of(self, step: int) -> int:
        """The row that shows step ``step`` (-1 for none)."""
        return self._row_of[step] if 0 <= step < len(self._row_of) else -1

    def mark(self, index: int, values: Mapping[str, object] | None = None) -> None:
        """Mark step ``index`` as current (a ▶ and bold), earlier ones with a ✓.

        Placeholders in titles are filled from ``values`` (answers saved so far); one not
        answered yet is named in words ("your intention"), never shown raw.
        """
        key = (index, tuple(sorted((values or {}).keys())))
        if key == self._marked:
            return
        self._marked = key
        self.current = index
        row = self.row_of(index)
        for i, raw in enumerate(self._titles):
            title = shown_title(raw, values, TITLE_LIMIT)
            item = self.item(i)
            prefix = "▶  " if i == row else ("✓  " if i < row else "    ")
            item.setText(prefix + title)
            font = QFont(self.font())
            font.setWeight(QFont.Weight.DemiBold if i == row else QFont.Weight.Normal)
            item.setFont(font)
            state = self.tr("now") if i == row else (self.tr("done") if i < row else "")
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole, f"{title}, {state}" if state else title
            )
        if 0 <= row < self.count():
            self.setCurrentRow(row)
            self.scrollToItem(self.item(row), QListWidget.ScrollHint.PositionAtCenter)

    def current_title(self) -> str:
        """The title of the marked step."""
        row = self.row_of(self.current)
        return self.item(row).text()[3:] if 0 <= row < self.count() else ""
