"""A logout's SIGTERM (and Ctrl-C, a closed terminal) ends the app cleanly (issue #17).

The real signal is sent to a real process that has used sound (SDL would otherwise take
the signal and ignore it): it exits 0 within two seconds, the words being written are
kept as a draft, the practice is recorded as unfinished, and the journal is closed.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from kapcompanion.journal.store import JournalStore
from kapcompanion.settings import Settings, SettingsStore
from tests.procs import stop

ROOT = Path(__file__).resolve().parents[2]
WORDS = "Curious, and kind to myself"


def _env() -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "SDL_AUDIODRIVER": "dummy",
        "PYGAME_HIDE_SUPPORT_PROMPT": "1",
        "PYTHONPATH": str(ROOT),
    }


def _quiet_start(*ids: str) -> None:
    """No countdown, no stop rules, no voice: the practice plays at once, with sound."""
    SettingsStore().save(
        replace(Settings(), get_ready_seconds=0, rules_dismissed=ids, voice_on=False)
    )


def _line(proc: subprocess.Popen, want: str, timeout: float = 60.0) -> str:
    assert proc.stdout is not None
    end = time.monotonic() + timeout
    seen = ""
    while time.monotonic() < end:
        ready, _, _ = select.select([proc.stdout], [], [], 0.1)
        if ready:
            line = proc.stdout.readline()
            if not line and proc.poll() is not None:
                break
            seen += line
            if want in line:
                return line
    raise AssertionError(f"{want!r} never came; got {seen[-800:]!r}")


def _ended(proc: subprocess.Popen, sig: int) -> float:
    """Send ``sig``; seconds until the process ended."""
    start = time.monotonic()
    proc.send_signal(sig)
    try:
        proc.wait(timeout=10)
    finally:
        stop(proc)
    return time.monotonic() - start


def _ended_cleanly(sig: int, *args: str) -> str:
    """Run tests/ui/ending_child.py with ``args``; once READY, send ``sig``: the app must
    exit 0 within two seconds. Returns the READY line."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.ending_child", *args],
        cwd=ROOT,
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        ready = _line(proc, "READY")
    except BaseException:
        stop(proc)
        raise
    took = _ended(proc, sig)
    err = proc.stderr.read() if proc.stderr else ""
    assert proc.returncode == 0, err[-2000:]
    assert took < 2.0, took
    return ready


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_the_window_app_ends_cleanly_keeping_words_and_the_record(sig: int) -> None:
    _quiet_start("intention-setting")
    ready = _ended_cleanly(sig, "intention-setting", WORDS)
    practised, sound = float(ready.split()[1]), ready.split()[2]
    assert sound == "PygamePlayer"  # sound had been used: SDL's handlers would have taken it
    with JournalStore.open() as store:  # opens: the app closed it (and let go of it)
        runs = store.practice_runs()
        assert [(r.practice_id, r.finished) for r in runs] == [("intention-setting", False)]
        assert runs[0].seconds >= practised > 0
        drafts = store.drafts()
        assert [(d.practice_id, d.kind, d.value) for d in drafts] == [
            ("intention-setting", "reflect", WORDS)
        ]


def test_a_new_journal_entry_being_written_is_kept_when_the_app_is_ended() -> None:
    """SIGTERM with the New entry dialog open: the app ends at once, the words are kept."""
    from kapcompanion.ui.journal_pages.note_dialog import NEW_NOTE_PLACE

    _ended_cleanly(signal.SIGTERM, "--note", WORDS)  # within the 0.6 s the draft waits
    with JournalStore.open() as store:
        assert store.count_entries() == 0
        draft = store.draft(NEW_NOTE_PLACE)
        assert draft is not None and draft.value == {"title": "Evening", "text": WORDS}


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_play_no_window_ends_cleanly_after_sound_was_used(sig: int) -> None:
    _quiet_start()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kapcompanion", "play", "box-breathing", "--no-window"],
        cwd=ROOT,
        env=_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _line(proc, "Step 1/")  # playing, the mixer open
    except BaseException:
        stop(proc)
        raise
    time.sleep(0.5)
    took = _ended(proc, sig)
    out = proc.stdout.read() if proc.stdout else ""
    err = proc.stderr.read() if proc.stderr else ""
    assert proc.returncode == 0, err[-2000:]
    assert took < 2.0, took
    assert "Stopped. You can come back to this practice any time." in out
