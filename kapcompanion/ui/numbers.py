"""Numbers as the app's locale writes them ("4,3" and "1.234" in Spanish, "4.3" in English).

The app sets the locale with ``QLocale.setDefault`` when it installs its translation, so
a default-constructed ``QLocale`` here is the app's language.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale

log = logging.getLogger(__name__)


def decimal(x: float, places: int = 1) -> str:
    """``x`` with ``places`` decimals: "4.3" / "4,3"."""
    return QLocale().toString(float(x), "f", places)


def score(x: float) -> str:
    """A score as short as it can be: "7", "7.5" / "7,5"."""
    return QLocale().toString(float(x), "g", 6)


def count(n: int) -> str:
    """A whole number with the locale's grouping: "1,234" / "1.234"."""
    return QLocale().toString(int(n))


def days_in_a_row_words(n: int) -> str:
    """The run of days with a practice, in the app's language; empty when there is none.

    One wording for Today and History (the translation's context is Today's).
    """
    if n <= 0:
        return ""
    if n == 1:
        return QCoreApplication.translate("TodayView", "1 day with a practice")
    return QCoreApplication.translate("TodayView", "{0} days in a row with a practice").format(
        count(n)
    )
