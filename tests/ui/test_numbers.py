"""The run of days, worded once for Today and History."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from kapcompanion.ui.numbers import days_in_a_row


def test_the_run_of_days_is_worded_gently(qapp) -> None:
    assert days_in_a_row(0) == "" and days_in_a_row(-1) == ""
    assert days_in_a_row(1) == "1 day with a practice"
    assert days_in_a_row(4) == "4 days in a row with a practice"
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    try:
        assert days_in_a_row(1234) == "1,234 days in a row with a practice"  # as the app writes
    finally:
        QLocale.setDefault(before)
    for n in range(0, 30):
        words = days_in_a_row(n).lower()
        assert not any(w in words for w in ("broke", "lost", "missed", "streak", "fail"))
