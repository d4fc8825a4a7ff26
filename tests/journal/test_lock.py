"""The passphrase lock: text and scores encrypted at rest, clear messages, nothing lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kapcompanion.journal.crypto import KeyBox
from kapcompanion.journal.errors import JournalError, JournalLocked, WrongPassphrase
from kapcompanion.journal.lock import ENABLE_WARNING
from kapcompanion.journal.store import JournalStore

SECRET = "Quokka-marmalade sunrise"
PASS = "river stones at dusk"


def _all_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def _fill(s: JournalStore) -> dict[str, int]:
    return {
        "reflect": s.record_answer("intention-setting", 12, "intention", "reflect", SECRET),
        "score": s.record_answer("landing", 3, "grounded_after", "check_in", 9),
        "note": s.add_note("Zebrafinch diary", "Tuesday thoughts"),
    }


def test_locking_leaves_no_readable_text_anywhere_in_the_data_dir(data):
    s = JournalStore.open()
    ids = _fill(s)
    s.close()  # today's backup now holds readable text
    assert SECRET.encode() in _all_bytes(data)
    s = JournalStore.open()
    s.enable_lock(PASS)
    assert s.locked
    assert s.entry(ids["reflect"]).text == SECRET  # still readable in the open app
    s.close()
    raw = _all_bytes(data)
    for word in (SECRET, "Zebrafinch", "Tuesday thoughts"):
        assert word.encode() not in raw, word
    row = (
        JournalStore.open(passphrase=PASS)
        .connection.execute(
            "SELECT body, score, title, sealed FROM entries WHERE id = ?", (ids["score"],)
        )
        .fetchone()
    )
    assert row[:3] == (None, None, "") and len(row[3]) > 12


def test_a_locked_journal_needs_the_passphrase_and_says_so(data):
    s = JournalStore.open()
    ids = _fill(s)
    s.enable_lock(PASS)
    s.close()
    with pytest.raises(JournalLocked, match="enter your passphrase"):
        JournalStore.open()
    with pytest.raises(WrongPassphrase, match="does not open your journal"):
        JournalStore.open(passphrase="river stones at dawn")
    s = JournalStore.open(passphrase=PASS)
    try:
        assert s.entry(ids["reflect"]).text == SECRET
        assert s.entry(ids["score"]).score == 9
        assert s.entry(ids["note"]).title == "Tuesday thoughts"
        assert s.latest_value("intention") == SECRET
    finally:
        s.close()


def test_a_locked_journal_still_writes_edits_and_searches(data):
    s = JournalStore.open()
    s.enable_lock(PASS)
    eid = s.add_note("Quiet harbour at night", "Evening")
    s.update_entry(eid, text="Quiet harbour at dawn")
    assert [e.id for e in s.search("harb dawn")] == [eid]
    assert s.search("night") == []
    assert [e.id for e in s.search("evening")] == [eid]
    s.close()
    assert b"harbour" not in _all_bytes(data)


def test_removing_and_changing_the_passphrase(data):
    s = JournalStore.open()
    ids = _fill(s)
    s.enable_lock(PASS)
    with pytest.raises(WrongPassphrase):
        s.change_passphrase("not it at all", "another good one")
    s.change_passphrase(PASS, "another good one")
    s.close()
    with pytest.raises(WrongPassphrase):
        JournalStore.open(passphrase=PASS)
    s = JournalStore.open(passphrase="another good one")
    with pytest.raises(WrongPassphrase):
        s.disable_lock(PASS)
    s.disable_lock("another good one")
    assert not s.locked
    assert [e.id for e in s.search("quokka")] == [ids["reflect"]]  # back in the index
    s.close()
    JournalStore.open().close()  # no passphrase needed any more


def test_short_passphrases_and_double_locks_are_refused(store):
    with pytest.raises(JournalError, match="at least 8 characters"):
        store.enable_lock("short")
    assert not store.locked
    store.enable_lock(PASS)
    with pytest.raises(JournalError, match="already has a passphrase"):
        store.enable_lock(PASS)


def test_the_warning_says_forgetting_loses_the_journal():
    assert "forget" in ENABLE_WARNING and "cannot be recovered" in ENABLE_WARNING


def test_a_tampered_row_is_a_clear_error_not_garbage(data):
    s = JournalStore.open()
    eid = s.add_note("something private")
    s.enable_lock(PASS)
    blob = bytearray(s.connection.execute("SELECT sealed FROM entries").fetchone()[0])
    blob[-1] ^= 0x01
    with s.transaction() as c:
        c.execute("UPDATE entries SET sealed = ? WHERE id = ?", (bytes(blob), eid))
    e = s.entry(eid)  # marked, never garbage, never an error that hides the rest
    assert e.damaged and e.display == "This entry is damaged and cannot be read."
    assert e.text != "something private"
    s.close()


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=300), score=st.none() | st.floats(0, 10), title=st.text(max_size=40))
def test_seal_and_open_round_trip_any_text(text, score, title):
    box = KeyBox(b"k" * 32)
    payload = {"text": text, "score": score, "title": title}
    blob = box.seal(payload)
    assert box.open(blob) == payload
    assert box.seal(payload) != blob  # a fresh nonce every time


CORPUS = [
    ("Felt settled after the café", "Morning"),
    ("A restless night, Über-tired", ""),
    ("The ocean, the OCEAN again", "Sea"),
    ("naïve hope; settle-down time", "Evening"),
    ("", "Just a title"),
]
QUERIES = ["settl", "cafe", "uber", "ocean", "sea", "naive hope", "title", "time settle", "x", "é"]


def test_locked_search_answers_exactly_as_the_full_text_index(tmp_path):
    plain = JournalStore.open(tmp_path / "a" / "j.sqlite3")
    locked = JournalStore.open(tmp_path / "b" / "j.sqlite3")
    locked.enable_lock(PASS)
    for text, title in CORPUS:
        plain.add_note(text, title)
        locked.add_note(text, title)
    try:
        for q in QUERIES:
            assert [e.id for e in locked.search(q)] == [e.id for e in plain.search(q)], q
        assert [e.id for e in plain.search("settl")] == [4, 1]
    finally:
        plain.close()
        locked.close()
