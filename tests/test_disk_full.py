"""A disk that fills up: saves fail with a plain message, nothing saved before is lost.

Uses a real, tiny filesystem (a size-limited tmpfs) where this machine allows mounting one;
elsewhere the tests are skipped.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from kapcompanion.journal.errors import JournalError
from kapcompanion.journal.store import JournalStore


@pytest.fixture
def tiny_fs(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "tiny"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small filesystem needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small filesystem here ({done.stderr.decode().strip()})")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_journal_on_a_full_disk_keeps_what_was_saved(tiny_fs: Path) -> None:
    store = JournalStore.open(tiny_fs / "journal.sqlite3", daily_backup=False)
    saved: list[int] = []
    message = ""
    text = "A reflection written with care. " * 60
    for i in range(10_000):
        try:
            saved.append(store.add_note(f"{i}: {text}"))
        except JournalError as exc:
            message = str(exc)
            break
    else:
        pytest.fail("the disk never filled")
    assert len(saved) > 5
    assert str(tiny_fs) in message and "cannot be saved" in message
    store.connection.close()  # as a crash would leave it: no tidy close on a full disk
    reopened = JournalStore.open(tiny_fs / "journal.sqlite3", daily_backup=False)
    ids = {e.id for e in reopened.entries(limit=100_000)}
    assert set(saved) <= ids  # every entry shown as saved is still there


def test_render_to_a_full_disk_leaves_no_half_file(tiny_fs: Path) -> None:
    from kapcompanion.audio.render import RenderError, render_practice
    from kapcompanion.cli.library import resolve_practice
    from kapcompanion.paths import data_folders

    practice = resolve_practice(
        "box-breathing", data_folders()
    )  # ~6 minutes: far more than 1 MiB as WAV
    with pytest.raises(RenderError) as got:
        render_practice(practice, tiny_fs / "box.wav")
    assert "enough free space" in str(got.value)
    assert list(tiny_fs.iterdir()) == []


def test_settings_on_a_full_disk_are_not_damaged(tiny_fs: Path) -> None:
    from dataclasses import replace

    from kapcompanion.settings import Settings, SettingsStore

    store = SettingsStore(tiny_fs / "settings.json")
    first = replace(Settings(), clinic_name="Riverside KAP")
    assert store.save(first)
    with contextlib.suppress(OSError):  # fill the rest of the disk
        (tiny_fs / "filler").write_bytes(b"\0" * (1024 * 1024))
    big = replace(first, clinic_name="x" * 2_000_000)
    assert store.save(big) is False
    assert store.load().clinic_name == "Riverside KAP"  # the saved file is intact
    assert not list(tiny_fs.glob("*.tmp"))  # and no half-written copy is left behind
