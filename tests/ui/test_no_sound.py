"""The app with no sound card: the practice plays silently with a gentle notice."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PREAMBLE = """
import sys
sys.path.insert(0, {root!r})
from dataclasses import replace
from PySide6.QtWidgets import QApplication
from kapcompanion.settings import Settings, SettingsStore
from kapcompanion.ui.main_window import MainWindow
from kapcompanion.ui.audio_link import default_player
from tests.ui.samples import library
from tests.fakes import FakeClock

app = QApplication([])
clock = FakeClock()
store = SettingsStore()
store.save(replace(Settings(), get_ready_seconds=0, rules_dismissed=("box-4",)))
win = MainWindow(library(), store=store, clock=clock, player_factory=default_player)
win.show()
win.start_practice("box-4")
view = win.player
"""

SCRIPT = (
    PREAMBLE
    + """
clock.advance(30); view.tick()
print("available", view.player.available)
print("notice", view.notice.isVisible(), view.notice.text())
print("breathing", view.pacer.breathing)
clock.advance(400); view.tick()
print("end", view.pages.currentIndex(), view.session.status)
win.close()
print("closed")
"""
)


def test_practice_plays_through_without_a_sound_device(tmp_path: Path) -> None:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        SDL_AUDIODRIVER="no-such-driver",
        KAPCOMPANION_DATA_DIR=str(tmp_path),
    )
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(root=str(ROOT))],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr[-600:]
    lines = dict(line.split(" ", 1) for line in out.stdout.strip().splitlines() if " " in line)
    assert lines["available"] == "False"
    assert lines["notice"].startswith("True ") and "silently" in lines["notice"]
    assert lines["breathing"] == "True"
    assert lines["end"] == "3 finished"
    assert out.stdout.strip().endswith("closed")


LOST = (
    PREAMBLE
    + """
import pygame.mixer
clock.advance(5); view.tick()
print("before", view.player.available, view.notice.isVisible())
pygame.mixer.quit()  # the device goes away mid-practice
clock.advance(5); view.tick()
print("after", view.player.available, view.notice.isVisible(), view.notice.text())
print("position", round(view.session.state().position))
clock.advance(400); view.tick()
print("end", view.session.status)
win.close()
print("closed")
"""
)


def test_sound_device_going_away_mid_practice(tmp_path: Path) -> None:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        SDL_AUDIODRIVER="dummy",
        KAPCOMPANION_DATA_DIR=str(tmp_path),
    )
    out = subprocess.run(
        [sys.executable, "-c", LOST.format(root=str(ROOT))],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr[-600:]
    lines = dict(line.split(" ", 1) for line in out.stdout.strip().splitlines() if " " in line)
    assert lines["before"] == "True False"
    assert lines["after"].startswith("False True ") and "went away" in lines["after"]
    assert lines["position"] == "10"
    assert lines["end"] == "finished"
    assert out.stdout.strip().endswith("closed")
