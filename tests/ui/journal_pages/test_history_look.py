"""History and the journal as read: check-ins named as a person would, each empty state said
once, checklist answers whole (issue 17, points 9 and 11)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QLabel

from kapcompanion.journal.store import JournalStore
from kapcompanion.ui.journal_pages.entry_editor import EntryPane
from tests.ui.journal_pages.conftest import at

TODAY = date.today()


def test_check_in_captions_use_labels_questions_and_plain_grammar(pages, journal) -> None:
    journal.record_answer("landing", 3, "grounded_after", "check_in", 6, at=at(TODAY, 9))
    for n, value in enumerate((3, 5, 8)):
        journal.record_answer(
            "my-own",
            2,
            "calm_now",
            "check_in",
            value,
            prompt="How calm do you feel now?",
            at=at(TODAY - timedelta(days=n + 1), 10),
        )
    hist = pages().history
    hist.refresh()
    summary = hist.checkins.summary()
    assert "feeling grounded after a session — 1 score, 6" in summary
    assert "How calm do you feel now? — 3 scores, first 8, latest 3" in summary
    assert "grounded after —" not in summary and "calm now" not in summary
    assert "1 scores" not in summary
    _heads, rows = hist.checkins.rows()
    assert {r[1] for r in rows} == {"feeling grounded after a session", "How calm do you feel now?"}
    assert hist.cards[0].summary.text() == summary


def test_an_empty_chart_says_so_once(pages, journal: JournalStore) -> None:
    jp = pages()
    hist = jp.history
    jp.window.show_page("history")
    hist.refresh()
    for card in hist.cards:
        assert not card.chart.has_data()
        shown = [
            w.text()
            for w in card.findChildren(QLabel)
            if w.isVisibleTo(hist) and w.text() == card.chart.empty_text
        ]
        assert shown == [], "the chart itself says it is empty; no label repeats it"
        assert not card.summary.isVisibleTo(hist)
        assert not card.toggle.isVisibleTo(hist)  # no empty table to switch to
        assert card.chart.accessibleDescription() == card.chart.empty_text


def test_checklist_items_with_commas_stay_whole(qtbot, journal: JournalStore) -> None:
    ticks = {"Water, snacks and a blanket": True, "Phone on silent": False}
    entry_id = journal.record_answer("arrive", 1, None, "checklist", ticks, at=at(TODAY, 8))
    assert entry_id is not None
    editor = EntryPane()
    qtbot.addWidget(editor)
    editor.show_entry(journal, journal.entry(entry_id), "Checklist")
    assert editor.checklist.text().splitlines() == [
        "☑ Water, snacks and a blanket",
        "☐ Phone on silent",
    ]
