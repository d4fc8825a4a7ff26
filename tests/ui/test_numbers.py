"""The run of days, worded once for Today and History."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from kapcompanion.ui.numbers import days_in_a_row_words


def test_the_run_of_days_is_worded_gently(qapp) -> None:
    assert days_in_a_row_words(0) == "" and days_in_a_row_words(-1) == ""
    assert days_in_a_row_words(1) == "1 day with a practice"
    assert days_in_a_row_words(4) == "4 days in a row with a practice"
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    try:
        # as the app writes it
        assert days_in_a_row_words(1234) == "1,234 days in a row with a practice"
    finally:
        QLocale.setDefault(before)
    for n in range(0, 30):
        words = days_in_a_row_words(n).lower()
        assert not any(w in words for w in ("broke", "lost", "missed", "streak", "fail"))
