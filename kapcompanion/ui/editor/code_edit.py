"""A plain-text editor for practice files: line numbers, problem marks, completion.

Problems are shown three ways so none relies on colour: a wavy underline at the place,
a symbol in the margin (✕ for an error, ! for a warning) and the problems list beside.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from kapcompanion.core.errors import Diagnostic
from kapcompanion.ui.theme import Palette, current_palette

log = logging.getLogger(__name__)

_KEY_AT = re.compile(r"[A-Za-z_][\w-]*(?=\s*:(?:\s|$))")

ERROR_COLOURS = {"light": "#B3261E", "dark": "#FF8A80"}
WARNING_COLOURS = {"light": "#8A5A00", "dark": "#FFD180"}


@dataclass(frozen=True, slots=True)
class Mark:
    """A problem placed in the text: 0-based block, column span, error or warning."""

    block: int
    start: int
    end: int
    is_error: bool
    message: str


def marks_for(diagnostics: list[Diagnostic], lines: list[str]) -> list[Mark]:
    """Where to draw each problem: from its column to the end of that word or value."""
    out: list[Mark] = []
    for d in diagnostics:
        block = max(0, min(d.line - 1, len(lines) - 1)) if lines else 0
        text = lines[block] if lines else ""
        start = max(0, min(d.col - 1, len(text)))
        end = len(text.rstrip())
        key = _KEY_AT.match(text, start)
        if key:  # a problem with a key marks the key, not the whole value after it
            end = key.end()
        hash_at = text.find(" #", start)
        if hash_at >= 0:
            end = len(text[: min(end, hash_at)].rstrip())
        if end <= start:  # an empty line or the end: mark one character's width
            start, end = max(0, min(start, len(text) - 1)), max(1, min(start + 1, len(text)))
        out.append(Mark(block, start, end, d.is_error, d.message))
    return out


class _Gutter(QWidget):
    def __init__(self, editor: CodeEdit) -> None:
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.editor.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        self.editor.paint_gutter(event)


class CodeEdit(QPlainTextEdit):
    """The practice text, with a gutter of line numbers and problem symbols."""

    completion_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), QFont().pointSizeF()))
        self.setFont(font)
        # long guidance lines wrap, so a therapist reads a whole sentence without scrolling
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTabChangesFocus(False)
        self.setAccessibleName(self.tr("Practice text"))
        self.setAccessibleDescription(
            self.tr(
                "The practice in YAML. Problems are listed beside the text; "
                "Ctrl+Space suggests keys and step kinds; Ctrl+Tab moves on."
            )
        )
        self.marks: list[Mark] = []
        self._by_block: dict[int, bool] = {}  # block -> has an error (else a warning)
        self.gutter = _Gutter(self)
        self.blockCountChanged.connect(self._fit_gutter)
        self.updateRequest.connect(self._scroll_gutter)
        self.cursorPositionChanged.connect(self._refresh_selections)
        self._fit_gutter()

    # -- gutter ------------------------------------------------------------------

    def _sign_width(self) -> int:
        return self.fontMetrics().horizontalAdvance("✕") + 6

    def gutter_width(self) -> int:
        """Room for the widest line number, a symbol and some air."""
        digits = max(3, len(str(self.blockCount())))
        return 14 + self.fontMetrics().horizontalAdvance("9") * digits + self._sign_width()

    def _fit_gutter(self, *_args: object) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _scroll_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self.gutter.scroll(0, dy)
        else:
            self.gutter.update(0, rect.y(), self.gutter.width(), rect.height())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Refit the gutter when the text size or the style changes."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_gutter()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """Keep the gutter the height of the text."""
        super().resizeEvent(event)
        cr = self.contentsRect()
        self.gutter.setGeometry(QRect(cr.left(), cr.top(), self.gutter_width(), cr.height()))

    def paint_gutter(self, event: QPaintEvent) -> None:
        """Line numbers, and ✕ or ! beside a line with a problem."""
        p = current_palette()
        painter = QPainter(self.gutter)
        painter.fillRect(event.rect(), QColor(p.window))
        block = self.firstVisibleBlock()
        number = block.blockNumber()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        current = self.textCursor().blockNumber()
        width = self.gutter.width()
        while block.isValid() and top <= event.rect().bottom():
            bottom = top + round(self.blockBoundingRect(block).height())
            if block.isVisible() and bottom >= event.rect().top():
                painter.setPen(QColor(p.text if number == current else p.muted))
                sign_w = self._sign_width()
                painter.drawText(
                    0, top, width - sign_w - 4, height, Qt.AlignmentFlag.AlignRight, str(number + 1)
                )
                if number in self._by_block:
                    err = self._by_block[number]
                    colours = ERROR_COLOURS if err else WARNING_COLOURS
                    painter.setPen(QColor(colours[p.name]))
                    sign = "✕" if err else "!"
                    centre = Qt.AlignmentFlag.AlignCenter
                    painter.drawText(width - sign_w - 2, top, sign_w, height, centre, sign)
            block = block.next()
            top = bottom
            number += 1
        painter.end()

    # -- problem marks -------------------------------------------------------------

    def set_marks(self, marks: list[Mark]) -> None:
        """Show ``marks`` (replacing earlier ones)."""
        self.marks = marks
        self._by_block = {}
        for m in marks:
            self._by_block[m.block] = self._by_block.get(m.block, False) or m.is_error
        self._refresh_selections()
        self.gutter.update()

    def _refresh_selections(self) -> None:
        p: Palette = current_palette()
        selections = []
        line = QTextEdit.ExtraSelection()
        line.format.setBackground(QColor(p.pacer_glow if p.name == "light" else p.border))
        line.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        line.cursor = self.textCursor()
        line.cursor.clearSelection()
        selections.append(line)
        doc = self.document()
        for m in self.marks:
            block = doc.findBlockByNumber(m.block)
            if not block.isValid():
                continue
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            colours = ERROR_COLOURS if m.is_error else WARNING_COLOURS
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor(colours[p.name]))
            fmt.setToolTip(m.message)
            sel.format = fmt
            cur = QTextCursor(block)
            cur.setPosition(block.position() + min(m.start, block.length() - 1))
            cur.setPosition(
                block.position() + min(m.end, block.length() - 1), QTextCursor.MoveMode.KeepAnchor
            )
            sel.cursor = cur
            selections.append(sel)
        self.setExtraSelections(selections)

    def go_to(self, line: int, col: int) -> None:
        """Put the cursor at 1-based ``line``:``col`` and show it."""
        block = self.document().findBlockByNumber(max(0, line - 1))
        if not block.isValid():
            block = self.document().lastBlock()
        cur = QTextCursor(block)
        cur.setPosition(block.position() + max(0, min(col - 1, block.length() - 1)))
        self.setTextCursor(cur)
        self.centerCursor()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- keys ----------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        """Ctrl+Tab and Ctrl+Shift+Tab leave the text (Tab itself indents)."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if ctrl and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                back = event.key() == Qt.Key.Key_Backtab or bool(
                    event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                )
                QWidget.focusNextPrevChild(self, not back)  # QPlainTextEdit refuses here
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Ctrl+Space asks for completion; Tab indents with two spaces (YAML has no tabs)."""
        mods = event.modifiers()
        if event.key() == Qt.Key.Key_Space and mods & Qt.KeyboardModifier.ControlModifier:
            self.completion_requested.emit()
            return
        if event.key() == Qt.Key.Key_Tab and not mods:
            self.insertPlainText("  ")
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods:
            # keep the indentation of the line (and step inside a "- " item)
            text = self.textCursor().block().text()
            indent = len(text) - len(text.lstrip(" "))
            extra = 2 if text.lstrip().startswith("- ") or text.rstrip().endswith(":") else 0
            super().keyPressEvent(event)
            self.insertPlainText(" " * (indent + extra))
            return
        super().keyPressEvent(event)
