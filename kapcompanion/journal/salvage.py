"""Rescue what a damaged journal file still holds.

When a damaged journal is replaced by a daily copy (or a new journal), the rows still
readable in the damaged file that the replacement lacks are copied across with their ids
(so sealed rows stay bound to them). SQLite's own ``.recover`` (the ``sqlite3`` command
line tool, when installed) reads past damaged pages; without it, rows are read one range
at a time and unreadable ranges skipped. Nothing here logs a row's content.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger(__name__)

TABLES = ("sessions", "entries", "practice_log")
CHUNK = 64


def _recovered_copy(damaged: Path, folder: Path) -> Path | None:
    """A new database made by ``sqlite3 DAMAGED .recover``, or None without the tool."""
    tool = shutil.which("sqlite3")
    if tool is None:
        return None
    out = folder / "recovered.sqlite3"
    try:
        dump = subprocess.run([tool, str(damaged), ".recover"], capture_output=True, timeout=120)
        subprocess.run(
            [tool, str(out)], input=dump.stdout, capture_output=True, timeout=120, check=False
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("sqlite3 .recover could not run (%s)", type(exc).__name__)
        return None
    return out if out.exists() and _usable(out) else None


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    try:
        rows = conn.execute(f"PRAGMA table_info({table})").fetchall()
    except sqlite3.DatabaseError:
        return []
    return [r[1].decode() if isinstance(r[1], bytes) else str(r[1]) for r in rows]


def _usable(path: Path) -> bool:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return bool(_columns(conn, "entries"))
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def _rows(conn: sqlite3.Connection, table: str, cols: list[str]) -> Iterator[tuple]:
    """Every readable row of ``table``, skipping ranges the damage makes unreadable."""
    sql = f"SELECT {', '.join(cols)} FROM {table}"
    try:
        yield from conn.execute(sql).fetchall()
        return
    except sqlite3.DatabaseError:
        pass
    try:
        top = int(conn.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0)
    except sqlite3.DatabaseError:
        top = 1_000_000
    empty_run = 0
    for lo in range(1, top + 1, CHUNK):
        try:
            got = conn.execute(f"{sql} WHERE rowid BETWEEN ? AND ?", (lo, lo + CHUNK - 1))
            rows = got.fetchall()
        except sqlite3.DatabaseError:
            rows = []
            for rowid in range(lo, lo + CHUNK):
                try:
                    rows.extend(conn.execute(f"{sql} WHERE rowid = ?", (rowid,)).fetchall())
                except sqlite3.DatabaseError:
                    continue
        empty_run = 0 if rows else empty_run + 1
        if empty_run > 200:  # far past the end
            break
        yield from rows


def _value(column: str, value: object) -> object:
    """Text columns back as text (bytes that are not UTF-8 replaced); blobs as they are."""
    if isinstance(value, bytes) and column != "sealed":
        return value.decode("utf-8", "replace")
    return value


def salvage(damaged: Path, journal: Path) -> int:
    """Copy rows readable in ``damaged`` that ``journal`` lacks; returns entries rescued."""
    rescued = 0
    with tempfile.TemporaryDirectory(prefix=".salvage-", dir=journal.parent) as tmp:
        work = Path(tmp) / "damaged.sqlite3"  # the damaged file itself stays untouched
        shutil.copyfile(damaged, work)
        wal = damaged.with_name(damaged.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, work.with_name(work.name + "-wal"))
        source = _recovered_copy(work, Path(tmp)) or work
        try:
            src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
            src.text_factory = bytes
        except sqlite3.Error:
            return 0
        dest = sqlite3.connect(journal, isolation_level=None)
        try:
            dest.execute("BEGIN IMMEDIATE")
            for table in TABLES:
                cols = [c for c in _columns(src, table) if c in set(_columns(dest, table))]
                if "id" not in cols:
                    continue
                have = {r[0] for r in dest.execute(f"SELECT id FROM {table}")}
                marks = ", ".join("?" * len(cols))
                insert = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks})"
                at = cols.index("id")
                for row in _rows(src, table, cols):
                    if row[at] in have:
                        continue
                    values = [_value(c, v) for c, v in zip(cols, row, strict=True)]
                    try:
                        dest.execute(insert, values)
                    except sqlite3.IntegrityError:
                        if "session_id" not in cols:
                            continue
                        values[cols.index("session_id")] = None
                        try:
                            dest.execute(insert, values)
                        except sqlite3.IntegrityError:
                            continue
                    have.add(row[at])
                    rescued += table == "entries"
            dest.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            if dest.in_transaction:
                dest.execute("ROLLBACK")
            log.warning("salvage stopped (%s)", type(exc).__name__)
            rescued = 0
        finally:
            dest.close()
            src.close()
    log.info("salvaged %d entries from a damaged journal", rescued)
    return rescued
