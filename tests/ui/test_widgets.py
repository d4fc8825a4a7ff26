"""The shared label: wrapped, with a role, selectable by mouse or by keyboard too."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kapcompanion.ui.widgets import text_label

MOUSE = Qt.TextInteractionFlag.TextSelectableByMouse
KEYS = Qt.TextInteractionFlag.TextSelectableByKeyboard


def test_a_plain_label_wraps_and_keeps_its_role(qtbot) -> None:
    lab = text_label("Hello", "muted")
    qtbot.addWidget(lab)
    assert lab.wordWrap() and lab.property("role") == "muted"
    assert not lab.textInteractionFlags() & MOUSE
    assert text_label().property("role") is None


def test_selectable_by_mouse_or_keyboard(qtbot) -> None:
    mouse = text_label("a", selectable=True)
    keys = text_label("988", "h2", selectable=True, by_keyboard=True)
    qtbot.addWidget(mouse)
    qtbot.addWidget(keys)
    assert mouse.textInteractionFlags() & MOUSE and not mouse.textInteractionFlags() & KEYS
    assert keys.textInteractionFlags() & MOUSE and keys.textInteractionFlags() & KEYS
    assert keys.focusPolicy() == Qt.FocusPolicy.StrongFocus
