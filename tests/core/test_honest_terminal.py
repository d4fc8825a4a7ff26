"""Issue 17 (5): the terminal player fills placeholders from the journal, as the app does."""

from __future__ import annotations

import io

from kapcompanion.cli.terminal_player import play_in_terminal, recall_values
from kapcompanion.core.folders import DataFolders
from kapcompanion.core.loader import check_text
from kapcompanion.core.model import Practice
from kapcompanion.journal.store import JournalStore
from tests.core.helpers import practice_text

STEPS = """
- say: "Before your session you wrote: {intention}. Let it be here with you."
  duration: 0.3s
- say: Rest now.
  duration: 0.3s
"""


def practice() -> Practice:
    item, found = check_text(practice_text(STEPS, extra="uses: [intention]\n"), "p.yaml")
    assert isinstance(item, Practice), found
    return item


def play(folders: DataFolders) -> str:
    out = io.StringIO()
    assert (
        play_in_terminal(practice(), sound=False, stdin=io.StringIO(), out=out, folders=folders)
        == 0
    )
    return out.getvalue()


def test_the_terminal_fills_the_intention_from_the_journal(tmp_path) -> None:
    folders = DataFolders(tmp_path)
    store = JournalStore.open(folders.journal)
    try:
        store.record_answer("intention-setting", 1, "intention", "reflect", "to be gentle")
    finally:
        store.close()
    assert recall_values(practice(), folders) == {"intention": "to be gentle"}
    shown = play(folders)
    assert "  Before your session you wrote: to be gentle. Let it be here with you." in shown
    assert "{" not in shown


def test_without_a_journal_the_clause_is_left_out_and_no_journal_is_made(tmp_path) -> None:
    folders = DataFolders(tmp_path)
    assert recall_values(practice(), folders) == {}
    shown = play(folders)
    assert "  Let it be here with you." in shown.splitlines()
    assert "{" not in shown and "wrote:" not in shown
    assert not folders.journal.exists()
