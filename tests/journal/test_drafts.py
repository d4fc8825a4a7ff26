"""Drafts of answers being written: kept on disk, sealed while locked, gone once saved."""

from __future__ import annotations

from pathlib import Path

import pytest

from kapcompanion.journal.drafts import answer_place
from kapcompanion.journal.errors import JournalLocked
from kapcompanion.journal.store import JournalStore

WORDS = "Pelican lantern harbour"
PASS = "river stones at dusk"


def _all_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def test_a_draft_is_kept_across_closing_and_replaced_by_a_newer_one() -> None:
    place = answer_place("intention-setting", 4)
    with JournalStore.open() as s:
        s.save_draft(place, "reflect", "first words", practice_id="intention-setting", step_index=4)
        s.save_draft(place, "reflect", WORDS, practice_id="intention-setting", step_index=4)
    with JournalStore.open() as s:
        draft = s.draft(place)
        assert draft is not None
        assert (draft.kind, draft.value, draft.practice_id, draft.step_index) == (
            "reflect",
            WORDS,
            "intention-setting",
            4,
        )
        assert [d.place for d in s.drafts()] == [place]
        assert s.count_entries() == 0  # a draft is not an entry
        s.discard_draft(place)
    with JournalStore.open() as s:
        assert s.draft(place) is None and s.drafts() == []


def test_drafts_hold_scores_and_ticks_too() -> None:
    with JournalStore.open() as s:
        s.save_draft("practice:landing:2", "check_in", 7)
        s.save_draft("practice:ready:1", "checklist", {"Ride home arranged": True, "Tea": False})
        assert s.draft("practice:landing:2").value == 7  # type: ignore[union-attr]
        ticks = s.draft("practice:ready:1").value  # type: ignore[union-attr]
        assert ticks == {"Ride home arranged": True, "Tea": False}
        with pytest.raises(ValueError):
            s.save_draft("practice:x:1", "poem", "no such kind")


def test_a_locked_journal_seals_drafts_and_turning_the_lock_on_seals_earlier_ones(data) -> None:
    with JournalStore.open() as s:
        s.save_draft("practice:a:1", "reflect", WORDS)
        s.enable_lock(PASS)
        s.save_draft("practice:b:2", "reflect", "Quokka marmalade")
        assert s.draft("practice:a:1").value == WORDS  # type: ignore[union-attr]
    raw = _all_bytes(data)
    assert WORDS.encode() not in raw and b"Quokka marmalade" not in raw
    with pytest.raises(JournalLocked):
        JournalStore.open()
    with JournalStore.open(passphrase=PASS) as s:
        assert s.draft("practice:b:2").value == "Quokka marmalade"  # type: ignore[union-attr]
        # A sealed draft moved to another row is not read as that row's draft.
        c = s.connection
        a = c.execute("SELECT sealed FROM drafts WHERE place = 'practice:a:1'").fetchone()[0]
        with s.transaction():
            c.execute("UPDATE drafts SET sealed = ? WHERE place = 'practice:b:2'", (a,))
        assert s.draft("practice:b:2") is None
        assert [d.place for d in s.drafts()] == ["practice:a:1"]
        s.disable_lock(PASS)
    with JournalStore.open() as s:
        assert s.draft("practice:a:1").value == WORDS  # type: ignore[union-attr]
        row = s.connection.execute("SELECT sealed FROM drafts WHERE place = 'practice:a:1'")
        assert row.fetchone()[0] is None


def test_a_new_entrys_draft_is_sealed_in_a_locked_journal(data) -> None:
    """The New entry dialog's draft (a title and words) has the journal's protection too."""
    with JournalStore.open() as s:
        s.enable_lock(PASS)
        s.save_draft("note:new", "note", {"title": "Wombat title", "text": "Quokka evening"})
    raw = _all_bytes(data)
    assert b"Wombat title" not in raw and b"Quokka evening" not in raw
    with JournalStore.open(passphrase=PASS) as s:
        kept = s.draft("note:new")
        assert kept is not None
        assert kept.value == {"title": "Wombat title", "text": "Quokka evening"}
