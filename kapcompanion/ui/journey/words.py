"""The journey's words in the person's language: where they are in the arc, session names.

The journal back end speaks English in its own messages; what the screens show is said
here, through Qt's translation (context "Journey") and with dates in the app's locale.
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from kapcompanion.journal.journey import BEFORE, ArcPosition
from kapcompanion.journal.records import KapSession

log = logging.getLogger(__name__)


def long_date(day: date) -> str:
    """A date as the locale writes it in full ("2 December 2026", "2 de diciembre de 2026")."""
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


def arc_text(pos: ArcPosition) -> str:
    """Where today sits around the sessions, in words."""
    if pos.session is None or pos.day is None:
        return QCoreApplication.translate("Journey", "No session planned")
    if pos.day == 0:
        if pos.when == BEFORE:
            return QCoreApplication.translate("Journey", "Session day — before")
        return QCoreApplication.translate("Journey", "Session day — after")
    n = abs(pos.day)
    if pos.day < 0:
        if n == 1:
            return QCoreApplication.translate("Journey", "1 day before your session")
        return QCoreApplication.translate("Journey", "{n} days before your session").format(n=n)
    if n == 1:
        return QCoreApplication.translate("Journey", "1 day after your session")
    return QCoreApplication.translate("Journey", "{n} days after your session").format(n=n)


def session_title(session: KapSession) -> str:
    """How a session is named: "Session 2 — 2 December 2026 (with Dr. Rivera)"."""
    text = QCoreApplication.translate("Journey", "Session {number} — {date}").format(
        number=session.number, date=long_date(session.on_date)
    )
    return f"{text} ({session.label})" if session.label else text
