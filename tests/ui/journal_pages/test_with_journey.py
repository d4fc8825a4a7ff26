"""With the journey's part of the app: the journal it opens, answers it keeps, shown here."""

from __future__ import annotations

from pathlib import Path

from kapcompanion.journal.store import JournalStore
from kapcompanion.settings import SettingsStore
from kapcompanion.ui import journal_pages, journey
from kapcompanion.ui.journal_pages.export_dialog import ExportDialog
from kapcompanion.ui.main_window import MainWindow
from tests.ui.journal_pages.conftest import when_modal
from tests.ui.journey.conftest import QUICK, Day, built_in, play_through

INTENTION = "To rest in the music and let it carry me."


def window(
    qtbot, clock, journal_pages_first: bool = False
) -> tuple[MainWindow, journal_pages.JournalPages]:
    store = SettingsStore()
    store.save(QUICK)
    win = MainWindow(library=built_in(), store=store, clock=clock)
    qtbot.addWidget(win)
    if journal_pages_first:
        pages = journal_pages.install(win)
        journey.install(win, now=Day())
    else:
        journey.install(win, now=Day())
        pages = journal_pages.install(win)
    win.show()
    qtbot.waitExposed(win)
    return win, pages


def test_an_intention_written_in_a_practice_shows_and_exports(qtbot, clock, tmp_path) -> None:
    win, pages = window(qtbot, clock)
    assert isinstance(win.journal, JournalStore)
    assert pages.journal.stack.currentWidget() is pages.journal.empty_state
    win.start_practice("intention-setting")

    def write(gate) -> None:
        if "My intention" in gate.heading.text():
            qtbot.keyClicks(gate.edit, INTENTION)

    play_through(win, clock, write)
    win.player.leave()
    qtbot.waitUntil(
        lambda: INTENTION in [e.text for e in pages.journal.visible_entries()], timeout=3000
    )
    win.show_page("journal")
    assert win.current_view() == "journal"
    out = tmp_path / "for-my-therapist.md"

    def export(dlg) -> None:
        assert isinstance(dlg, ExportDialog)
        dlg.ask_path = lambda *_a: out
        dlg.md.setChecked(True)
        dlg.save()
        dlg.close_button.click()

    when_modal(qtbot, export)
    pages.journal.export_button.click()
    assert INTENTION in Path(out).read_text(encoding="utf-8")


def test_the_pages_follow_a_journal_opened_after_them(qtbot, clock) -> None:
    win, pages = window(qtbot, clock, journal_pages_first=True)
    assert pages.store is win.journal is not None
    assert pages.journal.stack.currentWidget() is pages.journal.empty_state
