"""Versioned schema migrations for the journal (``PRAGMA user_version``).

Each migration moves the file up by one version inside one transaction, so a crash
mid-migration leaves the previous version intact. Tests build a file at every earlier
version, fill it, and open it with the current code.
"""

from __future__ import annotations

import logging
import sqlite3

from kapcompanion.journal.errors import JournalTooNew

log = logging.getLogger(__name__)

_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    on_date TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('reflect', 'check_in', 'checklist', 'note')),
    practice_id TEXT,
    step_index INTEGER,
    name TEXT,
    prompt TEXT NOT NULL DEFAULT '',
    body TEXT,
    score REAL,
    session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX entries_created ON entries(created_at);
CREATE INDEX entries_name ON entries(name, created_at);
CREATE TABLE practice_log (
    id INTEGER PRIMARY KEY,
    practice_id TEXT NOT NULL,
    started_at TEXT NOT NULL,
    seconds REAL NOT NULL CHECK (seconds >= 0),
    finished INTEGER NOT NULL CHECK (finished IN (0, 1))
);
CREATE INDEX practice_log_started ON practice_log(started_at);
"""

_V2 = """
CREATE INDEX entries_session ON entries(session_id);
CREATE VIRTUAL TABLE entries_fts USING fts5(
    body, prompt, content='entries', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER entries_ai AFTER INSERT ON entries BEGIN
    INSERT INTO entries_fts(rowid, body, prompt) VALUES (new.id, new.body, new.prompt);
END;
CREATE TRIGGER entries_ad AFTER DELETE ON entries BEGIN
    INSERT INTO entries_fts(entries_fts, rowid, body, prompt)
        VALUES ('delete', old.id, old.body, old.prompt);
END;
CREATE TRIGGER entries_au AFTER UPDATE ON entries BEGIN
    INSERT INTO entries_fts(entries_fts, rowid, body, prompt)
        VALUES ('delete', old.id, old.body, old.prompt);
    INSERT INTO entries_fts(rowid, body, prompt) VALUES (new.id, new.body, new.prompt);
END;
INSERT INTO entries_fts(entries_fts) VALUES ('rebuild');
"""

# v3: sessions carry their programs and a "session done" mark; free-form entries get a
# title; encrypted rows keep their text and score in ``sealed``; the index covers titles.
_V3 = """
ALTER TABLE sessions ADD COLUMN program_before TEXT;
ALTER TABLE sessions ADD COLUMN program_after TEXT;
ALTER TABLE sessions ADD COLUMN done_at TEXT;
ALTER TABLE entries ADD COLUMN title TEXT NOT NULL DEFAULT '';
ALTER TABLE entries ADD COLUMN sealed BLOB;
ALTER TABLE practice_log ADD COLUMN session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL;
CREATE INDEX sessions_date ON sessions(on_date);
DROP TRIGGER entries_ai;
DROP TRIGGER entries_ad;
DROP TRIGGER entries_au;
DROP TABLE entries_fts;
CREATE VIRTUAL TABLE entries_fts USING fts5(
    title, body, prompt, content='entries', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER entries_ai AFTER INSERT ON entries BEGIN
    INSERT INTO entries_fts(rowid, title, body, prompt)
        VALUES (new.id, new.title, new.body, new.prompt);
END;
CREATE TRIGGER entries_ad AFTER DELETE ON entries BEGIN
    INSERT INTO entries_fts(entries_fts, rowid, title, body, prompt)
        VALUES ('delete', old.id, old.title, old.body, old.prompt);
END;
CREATE TRIGGER entries_au AFTER UPDATE ON entries BEGIN
    INSERT INTO entries_fts(entries_fts, rowid, title, body, prompt)
        VALUES ('delete', old.id, old.title, old.body, old.prompt);
    INSERT INTO entries_fts(rowid, title, body, prompt)
        VALUES (new.id, new.title, new.body, new.prompt);
END;
INSERT INTO entries_fts(entries_fts) VALUES ('rebuild');
"""

# v4: session labels can be sealed too; sealed values are bound to their row (the lock
# re-seals older rows the first time it is opened with its passphrase, see lock.py).
_V4 = """
ALTER TABLE sessions ADD COLUMN sealed BLOB;
"""

# v5: drafts of answers still being written (issue #17); the value is sealed like an
# entry's text while the journal is locked (see drafts.py).
_V5 = """
CREATE TABLE drafts (
    id INTEGER PRIMARY KEY,
    place TEXT NOT NULL UNIQUE,
    practice_id TEXT,
    step_index INTEGER,
    kind TEXT NOT NULL,
    body TEXT,
    sealed BLOB,
    updated_at TEXT NOT NULL
);
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4, _V5)
LATEST = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    """The version the file is at (0 for a new, empty file)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, target: int = LATEST) -> int:
    """Bring the file up to ``target``, one transaction per version; returns the old version.

    Raises:
        JournalTooNew: the file is at a version this app does not know.
    """
    start = schema_version(conn)
    if start > LATEST:
        raise JournalTooNew(
            f"your journal was saved by a newer version of KAP Companion (format {start}); "
            f"this version reads up to format {LATEST} — please update the app to open it"
        )
    for version in range(start + 1, target + 1):
        script = MIGRATIONS[version - 1]
        try:
            conn.executescript(
                f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {version};\nCOMMIT;"
            )
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        log.info("journal schema moved to version %d", version)
    return start
