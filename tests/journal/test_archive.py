"""Full backup of all user data as one file, and restoring it (with refusals)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kapcompanion.cli.journal import backup_cli, restore_cli
from kapcompanion.journal import archive
from kapcompanion.journal.errors import BackupError
from kapcompanion.journal.store import JournalStore
from kapcompanion.paths import data_folders
from tests.journal.backup_helpers import install_pack, own_practice

ROOT = Path(__file__).resolve().parents[2]


def _user_data(data: Path) -> None:
    with JournalStore.open() as s:
        s.add_note("the original entry")
    (data / "settings.json").write_text('{"version": 2, "theme": "dark"}')
    (data / "practices").mkdir()
    (data / "practices" / "mine.yaml").write_text(own_practice("mine"))
    install_pack(data)
    (data / "logs").mkdir()
    (data / "logs" / "app.log").write_text("not backed up")


def test_backup_holds_all_user_data_and_a_manifest(data, tmp_path):
    _user_data(data)
    out = archive.make_archive(tmp_path / "all.kapbackup")
    with zipfile.ZipFile(out) as z:
        names = set(z.namelist())
        manifest = json.loads(z.read("manifest.json"))
    assert names == {
        "manifest.json",
        "journal.sqlite3",
        "settings.json",
        "practices/mine.yaml",
        *(p.relative_to(data).as_posix() for p in (data / "packs").rglob("*") if p.is_file()),
    }
    assert manifest["format"] == "kapcompanion-backup" and set(manifest["files"]) == names - {
        "manifest.json"
    }


def test_a_folder_as_output_gets_a_dated_name(data, tmp_path):
    _user_data(data)
    out = archive.make_archive(tmp_path)
    assert out.parent == tmp_path and out.name.startswith("kapcompanion-backup-")


def test_restore_brings_everything_back_and_keeps_what_was_there(data, tmp_path):
    _user_data(data)
    saved = archive.make_archive(tmp_path / "all.kapbackup")
    # life goes on: the journal, settings and practices change
    with JournalStore.open() as s:
        s.add_note("written after the backup")
    (data / "settings.json").write_text('{"version": 2, "theme": "light"}')
    (data / "practices" / "new.yaml").write_text(own_practice("new"))

    message = archive.restore_archive(saved)
    assert "Restored your data" in message and "before-restore" in message
    with JournalStore.open() as s:
        assert [e.text for e in s.entries()] == ["the original entry"]
    assert json.loads((data / "settings.json").read_text())["theme"] == "dark"
    assert sorted(p.name for p in (data / "practices").iterdir()) == ["mine.yaml"]
    kept = list((data / "backups").glob("before-restore-*.kapbackup"))
    assert len(kept) == 1
    archive.restore_archive(kept[0])  # and the restore can itself be undone
    with JournalStore.open() as s:
        assert {e.text for e in s.entries()} == {"the original entry", "written after the backup"}


CRASH_WITH_WAL = """
import os, signal
from kapcompanion.journal.store import JournalStore
s = JournalStore.open(daily_backup=False)
s.connection.execute("PRAGMA wal_autocheckpoint = 0")
for n in range(20):
    s.add_note(f"only in the wal {n}")
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_restore_after_a_crash_ignores_what_the_crashed_app_left_in_the_wal(data, tmp_path):
    _user_data(data)
    saved = archive.make_archive(tmp_path / "all.kapbackup")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-c", CRASH_WITH_WAL], env=env, timeout=60, check=False)
    wal = data / "journal.sqlite3-wal"
    assert wal.stat().st_size > 4096, "the crashed app left its last writes in the WAL"
    archive.restore_archive(saved)
    with JournalStore.open() as s:
        assert s.notice is None
        assert [e.text for e in s.entries()] == ["the original entry"]


def test_a_locked_journal_is_backed_up_still_locked(data, tmp_path):
    with JournalStore.open() as s:
        s.add_note("Marzipan lighthouse")
        s.enable_lock("a long passphrase")
    out = archive.make_archive(tmp_path / "b.kapbackup")
    with zipfile.ZipFile(out) as z:
        assert b"Marzipan" not in z.read("journal.sqlite3")


def _zip(path: Path, files: dict[str, bytes], manifest: dict | None) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        if manifest is not None:
            z.writestr("manifest.json", json.dumps(manifest))
        for name, body in files.items():
            z.writestr(name, body)
    return path


def _manifest(files: dict[str, bytes]) -> dict:
    import hashlib

    return {
        "format": "kapcompanion-backup",
        "version": 1,
        "files": {
            n: {"sha256": hashlib.sha256(b).hexdigest(), "size": len(b)} for n, b in files.items()
        },
    }


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("missing", "no such file"),
        ("text", "not a backup file"),
        ("no-manifest", "no readable list of contents"),
        ("foreign", "no KAP Companion list"),
        ("extra", "do not match its list"),
        ("traversal", "a file it should not"),
        ("absolute", "a file it should not"),
        ("tampered", "is damaged"),
        ("bad-journal", "journal inside it is damaged"),
        ("newer", "newer version"),
    ],
)
def test_restore_refuses_what_is_not_a_good_backup_and_changes_nothing(
    data, tmp_path, case, message
):
    _user_data(data)
    before = (data / "journal.sqlite3").read_bytes()
    f = tmp_path / "x.kapbackup"
    good = {"settings.json": b"{}"}
    if case == "text":
        f.write_text("hello")
    elif case == "no-manifest":
        _zip(f, good, None)
    elif case == "foreign":
        _zip(f, good, {"format": "something-else", "files": {}})
    elif case == "extra":
        _zip(f, {**good, "practices/x.yaml": b"x"}, _manifest(good))
    elif case in ("traversal", "absolute"):
        name = "../evil.txt" if case == "traversal" else "/tmp/evil.txt"
        files = {name: b"evil"}
        _zip(f, files, _manifest(files))
    elif case == "tampered":
        _zip(f, {"settings.json": b"{ }"}, _manifest(good))
    elif case == "bad-journal":
        files = {"journal.sqlite3": b"not sqlite" * 50}
        _zip(f, files, _manifest(files))
    elif case == "newer":
        _zip(f, good, {**_manifest(good), "version": 99})
    with pytest.raises(BackupError, match=message):
        archive.restore_archive(f)
    assert (data / "journal.sqlite3").read_bytes() == before
    assert not (tmp_path / "evil.txt").exists() and not Path("/tmp/evil.txt").exists()
    assert not list(data.glob(".restore-*"))


def test_backup_and_restore_cli_return_codes(data, tmp_path, capsys):
    _user_data(data)
    assert backup_cli(data_folders(), tmp_path / "b.kapbackup") == 0
    assert "Saved all your data" in capsys.readouterr().out
    assert backup_cli(data_folders(), tmp_path / "missing" / "b.kapbackup") == 1
    assert "does not exist" in capsys.readouterr().err
    # no terminal to ask in, no --yes
    assert restore_cli(data_folders(), tmp_path / "b.kapbackup") == 1
    captured = capsys.readouterr()
    assert "add --yes" in captured.err and "journal entries" in captured.out
    assert restore_cli(data_folders(), tmp_path / "b.kapbackup", yes=True) == 0
    (tmp_path / "notes.txt").write_text("hi")
    assert restore_cli(data_folders(), tmp_path / "notes.txt") == 1
    assert "is not a KAP Companion backup" in capsys.readouterr().err


def test_cli_restore_of_a_non_backup_is_a_plain_line(tmp_path):
    junk = tmp_path / "photo.jpg"
    junk.write_bytes(os.urandom(100))
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    r = subprocess.run(
        [sys.executable, "-m", "kapcompanion", "journal", "restore", str(junk)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert r.returncode == 1 and "not a KAP Companion backup" in r.stderr
    assert "Traceback" not in r.stderr


def test_backup_of_a_damaged_journal_is_refused(data, tmp_path):
    _user_data(data)
    (data / "journal.sqlite3").write_bytes(b"garbage" * 100)
    with pytest.raises(BackupError, match="damaged"):
        archive.make_archive(tmp_path / "b.kapbackup")


def test_backed_up_journal_is_a_consistent_snapshot(data, tmp_path):
    _user_data(data)
    with JournalStore.open() as s:
        s.add_note("second")
        out = archive.make_archive(tmp_path / "b.kapbackup")  # while the app has it open
    with zipfile.ZipFile(out) as z:
        (tmp_path / "j.sqlite3").write_bytes(z.read("journal.sqlite3"))
    conn = sqlite3.connect(tmp_path / "j.sqlite3")
    assert conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
    assert conn.execute("SELECT count(*) FROM entries").fetchone() == (2,)
    conn.close()
