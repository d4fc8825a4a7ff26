"""The suggested help lines, by country: the one place their numbers are kept.

Get help now lists, in order: the person's clinic (its after-hours number, when set in
Settings), the lines of their country (chosen from the system's locale, changeable in the
panel), then their own lines. Each country's list ends with the international directory,
for anyone away from home. Every number here is documented with its official source in
docs/help-lines.md; change them together.

The words are English source texts marked for Qt's translation in the "HelpLines" context
(the panel translates them; Spanish is in i18n/kapcompanion_es.ts). Importable without Qt.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from kapcompanion.settings import HelpLine

log = logging.getLogger(__name__)

# The translation context of every text here.
CONTEXT = "HelpLines"
# The code of the international list (any country not listed below).
INTERNATIONAL = "international"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - lupdate's name
    """Mark ``source`` for translation in ``context`` (Qt's lupdate finds this name)."""
    return source


@dataclass(frozen=True, slots=True)
class Country:
    """One country's suggested lines; ``code`` is its ISO 3166 two-letter code."""

    code: str
    name: str
    lines: tuple[HelpLine, ...]


_DIRECTORY = HelpLine(
    QT_TRANSLATE_NOOP("HelpLines", "Find a helpline"),
    "findahelpline.com",
    QT_TRANSLATE_NOOP("HelpLines", "Free, confidential helplines in your country."),
)
_ELSEWHERE = HelpLine(
    QT_TRANSLATE_NOOP("HelpLines", "Away from home?"),
    "findahelpline.com",
    QT_TRANSLATE_NOOP("HelpLines", "Free, confidential helplines in other countries."),
)
_FIRESIDE = HelpLine(
    "Fireside Project",
    "623-473-7433",
    QT_TRANSLATE_NOOP("HelpLines", "Psychedelic peer support — not a crisis line; limited hours."),
)

# The countries offered, in the order the panel lists them; the international list last.
COUNTRIES: tuple[Country, ...] = (
    Country(
        "US",
        QT_TRANSLATE_NOOP("HelpLines", "United States"),
        (
            HelpLine(
                QT_TRANSLATE_NOOP("HelpLines", "Emergency"),
                "911",
                QT_TRANSLATE_NOOP("HelpLines", "If you or someone else is in danger right now."),
            ),
            HelpLine(
                QT_TRANSLATE_NOOP("HelpLines", "988 Suicide & Crisis Lifeline"),
                "988",
                QT_TRANSLATE_NOOP(
                    "HelpLines",
                    "Call or text, any time. In Spanish: call 988 and press 2, "
                    "or text AYUDA to 988.",
                ),
            ),
            _FIRESIDE,
            _ELSEWHERE,
        ),
    ),
    Country(
        "CA",
        QT_TRANSLATE_NOOP("HelpLines", "Canada"),
        (
            HelpLine(
                QT_TRANSLATE_NOOP("HelpLines", "Emergency"),
                "911",
                QT_TRANSLATE_NOOP("HelpLines", "If you or someone else is in danger right now."),
            ),
            HelpLine(
                QT_TRANSLATE_NOOP("HelpLines", "9-8-8 Suicide Crisis Helpline"),
                "9-8-8",
                QT_TRANSLATE_NOOP("HelpLines", "Call or text, any time, in English or French."),
            ),
            _ELSEWHERE,
        ),
    ),
    Country(
        "ES",
        QT_TRANSLATE_NOOP("HelpLines", "Spain"),
        (
            HelpLine(
                QT_TRANSLATE_NOOP("HelpLines", "Emergency"),
                "112",
                QT_TRANSLATE_NOOP("HelpLines", "If you or someone else is in danger right now."),
            ),
            HelpLine(
                QT_TRANSLATE_NOOP("HelpLines", "024 Suicidal behaviour helpline"),
                "024",
                QT_TRANSLATE_NOOP("HelpLines", "Free and confidential, any time, day or night."),
            ),
            _ELSEWHERE,
        ),
    ),
    Country(
        "MX",
        QT_TRANSLATE_NOOP("HelpLines", "Mexico"),
        (
            HelpLine(
                QT_TRANSLATE_NOOP("HelpLines", "Emergency"),
                "911",
                QT_TRANSLATE_NOOP("HelpLines", "If you or someone else is in danger right now."),
            ),
            HelpLine(
                QT_TRANSLATE_NOOP("HelpLines", "Línea de la Vida"),
                "800 911 2000",
                QT_TRANSLATE_NOOP("HelpLines", "Free and confidential, any time, day or night."),
            ),
            _ELSEWHERE,
        ),
    ),
    Country(
        "GB",
        QT_TRANSLATE_NOOP("HelpLines", "United Kingdom"),
        (
            HelpLine(
                QT_TRANSLATE_NOOP("HelpLines", "Emergency"),
                "999",
                QT_TRANSLATE_NOOP("HelpLines", "If you or someone else is in danger right now."),
            ),
            HelpLine(
                "Samaritans",
                "116 123",
                QT_TRANSLATE_NOOP("HelpLines", "Free, any time, day or night."),
            ),
            HelpLine(
                "NHS 111",
                "111",
                QT_TRANSLATE_NOOP(
                    "HelpLines",
                    "Urgent help that is not an emergency. In a mental health crisis in "
                    "England, choose the mental health option.",
                ),
            ),
            _ELSEWHERE,
        ),
    ),
    Country(
        INTERNATIONAL,
        QT_TRANSLATE_NOOP("HelpLines", "Another country"),
        (
            HelpLine(
                QT_TRANSLATE_NOOP("HelpLines", "Local emergency number"),
                QT_TRANSLATE_NOOP("HelpLines", "112 · 911 · 999 — whichever serves where you are"),
                QT_TRANSLATE_NOOP("HelpLines", "If you or someone else is in danger right now."),
            ),
            _DIRECTORY,
        ),
    ),
)

_BY_CODE = {c.code: c for c in COUNTRIES}


def country(code: str) -> Country:
    """The country ``code`` ("ES", "MX", ...); the international list when not offered."""
    return _BY_CODE.get(code) or _BY_CODE.get(code.upper()) or _BY_CODE[INTERNATIONAL]


def country_for(territory_code: str, chosen: str = "") -> Country:
    """The country to show: the person's ``chosen`` one, else the system's ``territory_code``.

    ``territory_code`` is the two-letter code of the system locale's territory ("" when it
    has none); one not offered gives the international list.
    """
    if chosen:
        return country(chosen)
    return country(territory_code or INTERNATIONAL)
