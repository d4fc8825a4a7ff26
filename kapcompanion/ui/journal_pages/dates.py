"""Dates in the person's language (Qt's locale, set with the interface language).

The patterns are translatable too, so each language orders and joins the parts its own
way ("Sunday 29 November 2026", "domingo, 29 de noviembre de 2026").
"""

from __future__ import annotations

import logging
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

log = logging.getLogger(__name__)


def _q(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _say(d: date, pattern: str) -> str:
    return QLocale().toString(_q(d), pattern)


def long_day(d: date) -> str:
    """Like "Sunday 29 November 2026"."""
    #: A Qt date pattern: dddd weekday, d day, MMMM month, yyyy year; 'text' in quotes is kept.
    return _say(d, QCoreApplication.translate("Dates", "dddd d MMMM yyyy"))


def day_month(d: date) -> str:
    """Like "29 November"."""
    #: A Qt date pattern: d day, MMMM month; 'text' in quotes is kept.
    return _say(d, QCoreApplication.translate("Dates", "d MMMM"))


def day_month_year_pattern() -> str:
    """The pattern of :func:`day_month_year` (for date editors too)."""
    #: A Qt date pattern: d day, MMMM month, yyyy year; 'text' in quotes is kept.
    return QCoreApplication.translate("Dates", "d MMMM yyyy")


def day_month_year(d: date) -> str:
    """Like "29 November 2026"."""
    return _say(d, day_month_year_pattern())


def short_day(d: date) -> str:
    """Like "29 Nov 2026"."""
    return _say(d, "d MMM yyyy")


def month_year(d: date) -> str:
    """Like "November 2026"."""
    #: A Qt date pattern: MMMM month, yyyy year; 'text' in quotes is kept.
    return _say(d, QCoreApplication.translate("Dates", "MMMM yyyy"))


def weekday_short(iso_weekday: int) -> str:
    """The short weekday name: "Mon" for 1 … "Sun" for 7."""
    return QLocale().dayName(iso_weekday, QLocale.FormatType.ShortFormat)


def clock_time(moment: datetime) -> str:
    """The local time of day, "21:40"."""
    local = moment.astimezone()
    return QLocale().toString(QTime(local.hour, local.minute), "HH:mm")
