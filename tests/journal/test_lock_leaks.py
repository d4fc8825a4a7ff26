"""With the lock on, no file under the data dir holds a word the person wrote.

Every word goes in through the app's own paths (answers with prompts filled from earlier
answers, the intention, a check-in's question, session labels, notes, edits), then every
file under the data dir — the journal, its ``-wal`` and ``-shm``, the daily copies and
anything else — is scanned for it as bytes, ``strings``-style, while the journal is
still open (before a checkpoint) and again after it is closed.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

from kapcompanion.core.text import fill
from kapcompanion.journal.crypto import FIELD_AAD, KeyBox
from kapcompanion.journal.migrations import migrate
from kapcompanion.journal.store import JournalStore

PASS = "river stones at dusk"
WORDS = {
    "intention": "Zanzibarquill",
    "reflect": "Okapimeadow",
    "prompt": "Xylophoneglade",
    "label": "Doctor Quetzalbright",
    "note": "Marmosetlantern",
    "title": "Wombatharbour",
    "checkin": "Narwhalpebble",
    "edit": "Chinchillafjord",
    "new_label": "Pangolinvesper",
}


def scan(folder: Path) -> dict[str, list[str]]:
    """Each secret word found (case ignored) -> the files holding it."""
    found: dict[str, list[str]] = {}
    for p in sorted(folder.rglob("*")):
        if not p.is_file():
            continue
        raw = p.read_bytes().lower()
        for word in WORDS.values():
            variants = (word.lower().encode(), word.lower().encode("utf-16-le"))
            if any(v in raw for v in variants):
                found.setdefault(word, []).append(str(p.relative_to(folder)))
    return found


def write_through_the_app(s: JournalStore) -> None:
    today = date.today()
    sid = s.add_session(today + timedelta(days=2), WORDS["label"])
    s.record_answer("intention-setting", 3, "intention", "reflect", f"I want {WORDS['intention']}")
    values = s.placeholder_values(["intention"], today)
    assert WORDS["intention"] in values["intention"]
    prompt = fill("How did it relate to your intention: {intention}?", values)
    assert WORDS["intention"] in prompt
    s.record_answer("guided-journaling", 2, None, "reflect", WORDS["reflect"], prompt=prompt)
    s.record_answer(
        "landing",
        1,
        "grounded_after",
        "check_in",
        7,
        prompt=f"How grounded, {WORDS['prompt']}? ({values['intention']})",
    )
    s.record_answer("landing", 2, "ticks", "checklist", {WORDS["checkin"]: True}, prompt="Check in")
    note = s.add_note(f"Dear diary {WORDS['note']}", WORDS["title"])
    s.update_entry(note, text=f"Dear diary {WORDS['edit']}")
    s.update_session(sid, label=WORDS["new_label"])


def test_a_journal_locked_from_the_start_leaks_no_word(data):
    s = JournalStore.open()
    s.enable_lock(PASS)
    write_through_the_app(s)
    assert s.search(WORDS["intention"])  # still searchable while open
    assert s.sessions()[0].label == WORDS["new_label"]
    assert scan(data) == {}, "before a checkpoint (the -wal holds the writes)"
    s.close()
    assert scan(data) == {}, "after closing"
    with JournalStore.open(passphrase=PASS) as s:
        assert s.sessions()[0].label == WORDS["new_label"]
        assert any(WORDS["intention"] in e.prompt for e in s.entries())
        assert [e.title for e in s.search(WORDS["edit"])] == [WORDS["title"]]
        assert s.search(WORDS["note"]) == []  # the old text is gone
    assert scan(data) == {}


def test_locking_a_journal_already_written_leaves_no_word(data):
    s = JournalStore.open()
    write_through_the_app(s)
    s.close()
    assert scan(data)  # the test can see the words when they are there
    s = JournalStore.open()
    report = s.enable_lock(PASS)
    assert "locked" in report
    assert scan(data) == {}
    s.add_session(date.today(), WORDS["label"])
    assert scan(data) == {}
    s.close()
    assert scan(data) == {}
    with JournalStore.open(passphrase=PASS) as s:
        s.disable_lock(PASS)
        assert WORDS["label"] in [x.label for x in s.sessions()]
        assert s.search(WORDS["prompt"])  # prompts are back in the index


def test_a_journal_locked_by_the_older_format_is_resealed_on_opening(data):
    """Format 3 sealed rows without binding them and kept prompts and labels readable."""
    path = data / "journal.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, 3)
    box = KeyBox.new()
    t = "2026-02-01T10:00:00.000000+00:00"
    conn.execute("INSERT INTO meta VALUES ('lock', ?)", (box.wrap(PASS),))
    conn.execute(
        "INSERT INTO sessions (id, on_date, label, created_at) VALUES (1, '2026-02-03', ?, ?)",
        (WORDS["label"], t),
    )
    for i, word in enumerate((WORDS["reflect"], WORDS["note"]), start=1):
        sealed = box.seal({"text": word, "score": None, "title": ""}, FIELD_AAD)
        conn.execute(
            "INSERT INTO entries (id, kind, prompt, sealed, created_at, updated_at)"
            " VALUES (?, 'reflect', ?, ?, ?, ?)",
            (i, f"about {WORDS['intention']}", sealed, t, t),
        )
    conn.close()
    assert scan(data)
    with JournalStore.open(passphrase=PASS) as s:
        assert [e.text for e in s.entries(newest_first=False)] == [
            WORDS["reflect"],
            WORDS["note"],
        ]
        assert all(WORDS["intention"] in e.prompt for e in s.entries())
        assert s.sessions()[0].label == WORDS["label"]
        assert [e.id for e in s.search(WORDS["intention"])] == [2, 1]
    assert scan(data) == {}
