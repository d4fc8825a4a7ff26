"""Restore loses nothing: refused while the journal is open anywhere, shows what it will
replace and asks, keeps parts a backup lacks, and gives a crafted backup the same checks
as a pack (declared sizes while unpacking, practices validated, packs verified).
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kapcompanion.journal import archive
from kapcompanion.journal.errors import BackupError
from kapcompanion.journal.restore_plan import RestorePlan
from kapcompanion.journal.store import JournalStore
from tests.journal.backup_helpers import install_pack, own_practice

ROOT = Path(__file__).resolve().parents[2]
WRITER = Path(__file__).with_name("writer.py")


def _snapshot(data: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(data)): p.read_bytes()
        for p in data.rglob("*")
        if p.is_file()
        and "backups" not in p.parts
        and not p.name.endswith((".inuse", "-shm", "-wal"))
    }


def _crafted(out: Path, files: dict[str, bytes], sizes: dict[str, int] | None = None) -> Path:
    listed = {
        n: {"sha256": hashlib.sha256(b).hexdigest(), "size": (sizes or {}).get(n, len(b))}
        for n, b in files.items()
    }
    manifest = {"format": "kapcompanion-backup", "version": 1, "created": "2026-01-01T10:00:00",
                "files": listed}  # fmt: skip
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("manifest.json", json.dumps(manifest))
        for n, b in files.items():
            z.writestr(n, b)
    return out


def test_restore_is_refused_while_a_writer_has_the_journal_open(data, tmp_path):
    with JournalStore.open() as s:
        s.add_note("before the backup")
    saved = archive.make_archive(tmp_path / "b.kapbackup")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, str(WRITER), str(data / "journal.sqlite3"), "w"],
        stdout=subprocess.PIPE, env=env,
    )  # fmt: skip
    assert proc.stdout is not None
    reported = [proc.stdout.readline() for _ in range(20)]
    try:
        with pytest.raises(BackupError, match="open in KAP Companion or another command"):
            archive.restore_archive(saved, confirm=lambda plan: True)
        time.sleep(0.2)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    with JournalStore.open() as s:  # every save the writer reported is still there
        for line in reported:
            entry_id = int(line.split()[0])
            assert s.entry(entry_id)
        assert s.count_entries() > 20
    # A command holding it open counts too, and once closed the restore goes ahead.
    s = JournalStore.open()
    with pytest.raises(BackupError, match="close it first"):
        archive.restore_archive(saved)
    s.close()
    archive.restore_archive(saved)
    with JournalStore.open() as s:
        assert [e.text for e in s.entries()] == ["before the backup"]


def test_restore_shows_counts_and_dates_and_asks_first(data, tmp_path):
    old = datetime(2026, 1, 5, 12).astimezone()
    with JournalStore.open() as s:
        for n in range(3):
            s.add_note(f"old {n}", at=old + timedelta(days=n))
        s.add_session(old.date(), "first")
    (data / "settings.json").write_text(
        json.dumps({"help_lines": [{"name": "Line A", "contact": "111"}]})
    )
    saved = archive.make_archive(tmp_path / "b.kapbackup")
    with JournalStore.open() as s:
        s.add_note("newer")
    (data / "settings.json").write_text(
        json.dumps({"help_lines": [{"name": "Line B", "contact": "222"}]})
    )
    before = _snapshot(data)
    seen: list[RestorePlan] = []
    with pytest.raises(BackupError, match="nothing was restored"):
        archive.restore_archive(saved, confirm=lambda p: seen.append(p) or False)
    assert _snapshot(data) == before  # saying no changes nothing
    plan = seen[0]
    text = plan.text()
    assert "4 entries" in text and "3 entries, 2026-01-05 to 2026-01-07" in text
    assert "1 session" in text and plan.help_lines_change
    assert "Line A (111)" in text
    assert archive.plan_restore(saved).parts == plan.parts
    message = archive.restore_archive(saved, confirm=lambda p: True)
    kept = next((data / "backups").glob("before-restore-*.kapbackup"))
    assert str(kept) in message


def test_a_backup_lacking_a_part_never_deletes_it(data, tmp_path):
    with JournalStore.open() as s:
        s.add_note("journal only")
    only_journal = archive.make_archive(tmp_path / "j.kapbackup")
    (data / "settings.json").write_text('{"theme": "dark"}')
    (data / "practices").mkdir()
    (data / "practices" / "mine.yaml").write_text(own_practice("mine"))
    install_pack(data)
    message = archive.restore_archive(only_journal, confirm=lambda p: True)
    assert (data / "settings.json").read_text() == '{"theme": "dark"}'
    assert (data / "practices" / "mine.yaml").exists()
    assert (data / "packs" / "calm-start" / "pack.yaml").exists()
    assert "left as they were" in message and "settings" in message


def test_declared_sizes_are_enforced_while_unpacking(data, tmp_path):
    with JournalStore.open() as s:
        s.add_note("mine")
    before = _snapshot(data)
    bomb = _crafted(tmp_path / "bomb.kapbackup", {"settings.json": b"{" + b" " * 50_000_000 + b"}"},
                    {"settings.json": 2})  # fmt: skip
    assert bomb.stat().st_size < 200_000
    with pytest.raises(BackupError, match="larger than its list of contents says"):
        archive.restore_archive(bomb, confirm=lambda p: True)
    assert _snapshot(data) == before
    assert not [p for p in data.iterdir() if p.name.startswith(".restore-")]


def test_an_invalid_practice_or_a_tampered_pack_is_refused(data, tmp_path):
    with JournalStore.open() as s:
        s.add_note("mine")
    bad = _crafted(tmp_path / "p.kapbackup", {"practices/x.yaml": b"id: x\nsteps: 3\n"})
    with pytest.raises(BackupError, match=r"practice x\.yaml in it is not valid"):
        archive.restore_archive(bad, confirm=lambda p: True)
    folder = install_pack(data)
    files = {
        p.relative_to(data).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }
    good = _crafted(tmp_path / "good.kapbackup", files)
    archive.plan_restore(good)  # a real pack passes
    welcome = "packs/calm-start/practices/welcome.yaml"
    files[welcome] = files[welcome].replace(b"Welcome.", b"Hello!!.")
    tampered = _crafted(tmp_path / "t.kapbackup", files)
    with pytest.raises(BackupError, match="has changed since"):
        archive.restore_archive(tampered, confirm=lambda p: True)
    unsigned = {k: v for k, v in files.items() if not k.endswith(".signature.json")}
    with pytest.raises(BackupError, match="calm-start"):
        archive.restore_archive(
            _crafted(tmp_path / "u.kapbackup", unsigned), confirm=lambda p: True
        )
