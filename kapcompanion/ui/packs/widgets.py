"""Small widget helpers shared by the pack dialogs."""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from kapcompanion.ui.theme import current_palette

log = logging.getLogger(__name__)


def label(
    text: str = "", role: str = "", *, selectable: bool = False, keyboard: bool = False
) -> QLabel:
    """A word-wrapped label with a theme role.

    Args:
        text: the words.
        role: a theme role ("h2", "muted", "safety", ...).
        selectable: the text can be selected with the mouse (to copy it).
        keyboard: also reachable with Tab and selectable with the keyboard (fingerprints).
    """
    lab = QLabel(text)
    lab.setWordWrap(True)
    if role:
        lab.setProperty("role", role)
    flags = Qt.TextInteractionFlag.NoTextInteraction
    if selectable or keyboard:
        flags |= Qt.TextInteractionFlag.TextSelectableByMouse
    if keyboard:
        flags |= Qt.TextInteractionFlag.TextSelectableByKeyboard
    lab.setTextInteractionFlags(flags)
    if keyboard:
        lab.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return lab


def indicator_style() -> str:
    """Tick boxes in the list drawn like the app's check boxes (clear in both themes)."""
    pal = current_palette()
    check = Path(str(resources.files("kapcompanion.ui") / "icons" / f"check-{pal.name}.svg"))
    return (
        f"QListWidget::indicator {{ width: 18px; height: 18px; border: 2px solid {pal.muted};"
        f" border-radius: 5px; background: {pal.card}; }}"
        f" QListWidget::indicator:checked {{ background: {pal.accent};"
        f' border-color: {pal.accent}; image: url("{check.as_posix()}"); }}'
    )
