"""The words shown for each setting choice, in the app's language.

One table per choice, keyed by its enum in :mod:`kapcompanion.settings` and in the order the
Settings dialog offers them. The texts go through Qt's translation in the
``SettingsDialog`` context (lupdate reads them from here).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from enum import Enum
from typing import TypeVar

from PySide6.QtCore import QCoreApplication

from kapcompanion.settings import Ambient, CueStyle, Language, TextSize, Theme
from kapcompanion.ui.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

CONTEXT = "SettingsDialog"

Choice = TypeVar("Choice", bound=Enum)

AMBIENT_LABELS: dict[Ambient, str] = {
    Ambient.PRACTICE: QT_TRANSLATE_NOOP("SettingsDialog", "As the practice suggests"),
    Ambient.NONE: QT_TRANSLATE_NOOP("SettingsDialog", "None"),
    Ambient.BROWN_NOISE: QT_TRANSLATE_NOOP("SettingsDialog", "Brown noise"),
    Ambient.RAIN: QT_TRANSLATE_NOOP("SettingsDialog", "Rain"),
    Ambient.OCEAN: QT_TRANSLATE_NOOP("SettingsDialog", "Ocean"),
    Ambient.DRONE: QT_TRANSLATE_NOOP("SettingsDialog", "Drone"),
}

CUE_STYLE_LABELS: dict[CueStyle, str] = {
    CueStyle.TONES: QT_TRANSLATE_NOOP("SettingsDialog", "Soft tones"),
    CueStyle.BELL: QT_TRANSLATE_NOOP("SettingsDialog", "Bell"),
    CueStyle.NONE: QT_TRANSLATE_NOOP("SettingsDialog", "None"),
}

THEME_LABELS: dict[Theme, str] = {
    Theme.SYSTEM: QT_TRANSLATE_NOOP("SettingsDialog", "Follow the system"),
    Theme.LIGHT: QT_TRANSLATE_NOOP("SettingsDialog", "Light"),
    Theme.DARK: QT_TRANSLATE_NOOP("SettingsDialog", "Dark"),
}

TEXT_SIZE_LABELS: dict[TextSize, str] = {
    TextSize.SMALL: QT_TRANSLATE_NOOP("SettingsDialog", "Small"),
    TextSize.STANDARD: QT_TRANSLATE_NOOP("SettingsDialog", "Standard"),
    TextSize.LARGE: QT_TRANSLATE_NOOP("SettingsDialog", "Large"),
    TextSize.LARGER: QT_TRANSLATE_NOOP("SettingsDialog", "Larger"),
    TextSize.LARGEST: QT_TRANSLATE_NOOP("SettingsDialog", "Largest"),
}

# Each language in its own words (not marked, so never translated); "system" in ours.
LANGUAGE_LABELS: dict[Language, str] = {
    Language.SYSTEM: QT_TRANSLATE_NOOP("SettingsDialog", "Follow the system"),
    Language.EN: "English",
    Language.ES: "Español",
}


def choice_items(labels: Mapping[Choice, str]) -> list[tuple[str, object]]:
    """``(shown words, stored value)`` for each choice of a table, in its order."""
    return [
        (QCoreApplication.translate(CONTEXT, text), choice.value) for choice, text in labels.items()
    ]
