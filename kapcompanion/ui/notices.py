"""Notices: calm, dismissable lines under the main window's header, and their words.

For things the person should know but that need no answer now: settings that could not be
saved, a journal that could not be opened, a sound device that went away. A notice with the
same key replaces the one shown.

The sound layer says why a practice plays silently in plain English (it has no Qt);
:func:`sound_notice` gives those words in the interface's language.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from kapcompanion.ui.i18n import QT_TRANSLATE_NOOP, known_label

log = logging.getLogger(__name__)

# The sound layer's notices, word for word (kapcompanion.audio.null, .pygame_player and
# kapcompanion.ui.audio_link; a test keeps them alike), marked for translation.
_SOUND_NOTICES = (
    QT_TRANSLATE_NOOP("SoundNotices", "No sound device found — the practice will play silently."),
    QT_TRANSLATE_NOOP("SoundNotices", "Sound is turned off — the practice will play silently."),
    QT_TRANSLATE_NOOP(
        "SoundNotices", "The sound device went away — the practice carries on silently."
    ),
    QT_TRANSLATE_NOOP(
        "SoundNotices", "Sound isn't available right now, so this practice plays silently."
    ),
)
SOUND_NOTICES: dict[str, str] = {text: text for text in _SOUND_NOTICES}


def sound_notice(text: str | None) -> str:
    """The sound layer's notice ``text`` in the interface's language ("" for none).

    A notice the table does not know is shown as it is.
    """
    if not text:
        return ""
    return known_label("SoundNotices", SOUND_NOTICES, text, text)


class Notices(QVBoxLayout):
    """The column of notices under the header, each kept under a key."""

    def __init__(self) -> None:
        super().__init__()
        self.setContentsMargins(24, 0, 24, 0)
        self._boxes: dict[str, QFrame] = {}

    def notify(self, text: str, key: str = "") -> QFrame:
        """Show ``text`` until dismissed (a notice with the same key is replaced)."""
        named = bool(key)
        key = key or text
        self.clear(key)
        box = QFrame()
        box.setObjectName("notice")
        row = QHBoxLayout(box)
        row.setContentsMargins(14, 8, 8, 8)
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAccessibleName(text)
        # the notices were the main window's own: their words keep its translation context
        dismiss = QPushButton(QCoreApplication.translate("MainWindow", "Dismiss"))
        dismiss.setAccessibleName(QCoreApplication.translate("MainWindow", "Dismiss this notice"))
        dismiss.clicked.connect(lambda: self.clear(key))
        row.addWidget(label, 1)
        row.addWidget(dismiss)
        self.addWidget(box)
        self._boxes[key] = box
        log.info("notice shown: %s", key if named else f"{len(text)} characters")
        return box

    def clear(self, key: str) -> None:
        """Take the notice ``key`` away, if shown."""
        box = self._boxes.pop(key, None)
        if box is not None:
            self.removeWidget(box)
            box.deleteLater()

    def get(self, key: str) -> QFrame | None:
        """The notice shown under ``key``, or None."""
        return self._boxes.get(key)

    def texts(self) -> list[str]:
        """The words of the notices shown now, oldest first."""
        labels = (box.findChild(QLabel) for box in self._boxes.values())
        return [label.text() for label in labels if label is not None]
