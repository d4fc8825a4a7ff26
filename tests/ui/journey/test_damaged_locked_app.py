"""In the app, a locked journal lost to damage is never replaced silently: the person is
asked, and may start again locked with the same passphrase, without a lock, or not now.
"""

from __future__ import annotations

import pytest

from kapcompanion.journal.errors import JournalDamagedLocked
from kapcompanion.journal.store import JournalStore
from kapcompanion.paths import data_dir
from kapcompanion.ui.journey import passphrase
from kapcompanion.ui.journey.journal_link import (
    NOT_NOW,
    START_LOCKED,
    START_UNLOCKED,
    JournalLink,
)
from kapcompanion.ui.main_window import MainWindow
from tests.ui.journey.conftest import built_in

PASS = "river stones at dusk"


def _lose_the_locked_journal() -> None:
    with JournalStore.open() as s:
        s.enable_lock(PASS)
        s.add_note("written while locked")
    data = data_dir()
    for p in [data / "journal.sqlite3", *(data / "backups").glob("journal-*.sqlite3")]:
        p.write_bytes(b"")
    for side in ("-wal", "-shm"):
        (data / f"journal.sqlite3{side}").unlink(missing_ok=True)


def _link(qtbot, choice: str, phrases: list[str]) -> tuple[JournalLink, list[str]]:
    win = MainWindow(library=built_in())
    qtbot.addWidget(win)
    asked: list[str] = []

    def ask_start_new(_parent, message: str) -> str:
        asked.append(message)
        return choice

    def ask_phrase(_parent, mode: str, _message: str):
        assert mode == passphrase.UNLOCK
        return passphrase.Passphrases(old=phrases.pop(0), new="") if phrases else None

    link = JournalLink(win, ask_passphrase=ask_phrase, ask_start_new=ask_start_new)
    return link, asked


def test_not_now_keeps_the_journal_closed_and_says_why(qtbot) -> None:
    _lose_the_locked_journal()
    link, asked = _link(qtbot, NOT_NOW, [])
    assert link.open() is False
    assert "could not be read" in asked[0]
    assert link.store is None and "could not be read" in link.problem
    with pytest.raises(JournalDamagedLocked):  # still nothing started behind the person's back
        JournalStore.open()


def test_start_again_locked_asks_for_the_same_passphrase_until_it_is_right(qtbot) -> None:
    _lose_the_locked_journal()
    link, _asked = _link(qtbot, START_LOCKED, ["not it", PASS])
    assert link.open() is True
    assert link.store is not None and link.store.locked and link.store.count_entries() == 0


def test_start_again_without_a_lock_only_when_chosen(qtbot) -> None:
    _lose_the_locked_journal()
    link, _asked = _link(qtbot, START_UNLOCKED, [])
    assert link.open() is True
    assert link.store is not None and not link.store.locked
