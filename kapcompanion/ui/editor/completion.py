"""Completion of keys, step kinds and known values, from the parser's own lists.

:func:`suggestions` is pure (no Qt): given the lines up to the cursor, it says which
word is being typed and what may go there. :class:`Completer` shows them in a popup.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QAbstractItemView, QCompleter

from kapcompanion.core.breath import BREATHE_KEYS, CUE_KEYS, LABEL_KEYS
from kapcompanion.core.model import AMBIENT_SOUNDS, CATEGORIES, CUE_SOUNDS, EVIDENCE_LEVELS
from kapcompanion.core.parse import PRACTICE_KEYS, STEP_EXTRAS, STEP_KINDS
from kapcompanion.core.program import DAY_KEYS, WHEN
from kapcompanion.ui.editor.code_edit import CodeEdit

log = logging.getLogger(__name__)

#: Keys inside each mapping that is not a step.
NESTED_KEYS: dict[str, tuple[str, ...]] = {
    "breathe": BREATHE_KEYS,
    "reflect": ("prompt", "save_as"),
    "check_in": ("question", "save_as", "labels"),
    "checklist": ("title", "items"),
    "sound": ("ambient", "ambient_volume", "cue"),
    "evidence": ("level", "sources"),
    "labels": LABEL_KEYS,
    "cue": CUE_KEYS,
}
#: Values offered after ``key:``.
VALUES: dict[str, tuple[str, ...]] = {
    "category": tuple(CATEGORIES),
    "bell": tuple(CUE_SOUNDS),
    "ambient": tuple(AMBIENT_SOUNDS),
    "cue": (*CUE_SOUNDS, "none"),
    "level": tuple(EVIDENCE_LEVELS),
    "kind": ("program",),
    "when": WHEN,
}
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*$|$")
_ITEM = re.compile(r"^(\s*)-\s+(\w*)$")
_KEY_ONLY = re.compile(r"^(\s*)(\w*)$")
_VALUE = re.compile(r"^\s*(?:-\s+)?(\w+):\s+(\S*)$")
_LINE_KEY = re.compile(r"^(\s*)(-\s+)?(\w+)\s*:")


@dataclass(frozen=True, slots=True)
class Suggestion:
    """The word typed so far, what may replace it, and whether a ``: `` follows."""

    prefix: str
    words: tuple[str, ...]
    is_key: bool


def _parent(lines: list[str], indent: int) -> tuple[str, bool, int]:
    """The key owning a line at ``indent``: (key, whether that line is a "- " item, key col)."""
    for line in reversed(lines):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _LINE_KEY.match(line)
        if not m:
            continue
        key_col = len(m.group(1)) + len(m.group(2) or "")
        if key_col == indent and m.group(2):
            return m.group(3), True, key_col  # a sibling key in the same step
        if key_col < indent:
            return m.group(3), False, key_col
    return "", False, 0


def suggestions(before: str) -> Suggestion:
    """What may be typed at the end of ``before`` (the text up to the cursor)."""
    lines = before.split("\n")
    current = lines[-1]
    previous = lines[:-1]
    m = _VALUE.match(current)
    if m:
        key = m.group(1)
        return Suggestion(m.group(2), VALUES.get(key, ()), False)
    m = _ITEM.match(current)
    if m:
        owner, _, _ = _parent(previous, len(m.group(1)) + 1)
        words = {"steps": STEP_KINDS, "": STEP_KINDS, "days": DAY_KEYS}.get(owner, ())
        return Suggestion(m.group(2), words, True)
    m = _KEY_ONLY.match(current)
    if not m:
        word = _WORD.search(current)  # always found: the pattern also matches at the end
        return Suggestion(word.group(0) if word else "", (), False)
    indent, prefix = len(m.group(1)), m.group(2)
    if indent == 0:
        return Suggestion(prefix, PRACTICE_KEYS, True)
    owner, sibling, _ = _parent(previous, indent)
    if sibling:
        if owner in STEP_KINDS:
            return Suggestion(prefix, STEP_EXTRAS.get(owner, ()), True)
        if owner in DAY_KEYS:
            return Suggestion(prefix, DAY_KEYS, True)
        return Suggestion(prefix, (), True)
    return Suggestion(prefix, NESTED_KEYS.get(owner, ()), True)


def popup_width(popup: QAbstractItemView, words: list[str]) -> int:
    """Wide enough for the longest word, its padding and a scroll bar."""
    metrics = popup.fontMetrics()
    text = max((metrics.horizontalAdvance(w) for w in words), default=0)
    bar = popup.verticalScrollBar()
    scroll = bar.sizeHint().width() if bar is not None else 0
    return text + scroll + 2 * popup.frameWidth() + 4 * metrics.averageCharWidth()


class Completer(QCompleter):
    """The popup for a :class:`CodeEdit`: Ctrl+Space, or after two letters of a key."""

    def __init__(self, editor: CodeEdit) -> None:
        super().__init__(editor)
        self.editor = editor
        self.words_model = QStringListModel(self)
        self.setModel(self.words_model)
        self.setWidget(editor)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self._popup().setAccessibleName(self.tr("Suggestions"))
        self._current = Suggestion("", (), False)
        self.activated.connect(self.insert)
        editor.completion_requested.connect(lambda: self.show_for_cursor(forced=True))
        editor.textChanged.connect(self._typed)

    def _popup(self) -> QAbstractItemView:
        popup = self.popup()
        assert popup is not None  # QCompleter always has one once a widget is set
        return popup

    def _before_cursor(self) -> str:
        cur = self.editor.textCursor()
        block = cur.block()
        # only the lines above matter, and only back to the last top-level key
        lines = [block.text()[: cur.positionInBlock()]]
        b = block.previous()
        while b.isValid() and len(lines) < 400:
            lines.append(b.text())
            if b.text()[:1].isalpha():
                break
            b = b.previous()
        return "\n".join(reversed(lines))

    def current(self) -> Suggestion:
        """The suggestion at the cursor (also for tests)."""
        return suggestions(self._before_cursor())

    def _typed(self) -> None:
        if not self.editor.hasFocus():
            return
        s = self.current()
        if len(s.prefix) >= 2 and any(w.startswith(s.prefix) and w != s.prefix for w in s.words):
            self.show_for_cursor()
        elif self._popup().isVisible() and not s.words:
            self._popup().hide()

    def show_for_cursor(self, forced: bool = False) -> bool:
        """Show the words that fit here; returns whether any did."""
        s = self.current()
        self._current = s
        words = [w for w in s.words if w.lower().startswith(s.prefix.lower())]
        if not words or (not forced and words == [s.prefix]):
            self._popup().hide()
            return False
        self.words_model.setStringList(list(s.words))
        self.setCompletionPrefix(s.prefix)
        self._popup().setCurrentIndex(self.completionModel().index(0, 0))
        popup = self._popup()
        # the cursor's rectangle is in the viewport's coordinates; the popup goes under the
        # line, so it is moved past the gutter and frame into the editor's own
        rect = self.editor.cursorRect().translated(self.editor.viewport().pos())
        rect.setWidth(popup_width(popup, words))
        self.complete(rect)
        return True

    def insert(self, word: str) -> None:
        """Replace the word being typed with ``word`` (and ``: `` after a key)."""
        cur = self.editor.textCursor()
        n = len(self._current.prefix)
        cur.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, n)
        after = ": " if self._current.is_key else ""
        block_text = cur.block().text()[cur.positionInBlock() + len(self._current.prefix) :]
        if after and block_text.lstrip().startswith(":"):
            after = ""
        cur.insertText(word + after)
        self.editor.setTextCursor(cur)
        self._popup().hide()
