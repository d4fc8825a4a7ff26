"""Faults a person can meet while the app runs: nothing crashes, nothing saved is lost, and
the app says plainly what happened."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import soundfile as sf
from PySide6.QtWidgets import QApplication, QLabel

from kapcompanion.audio.factory import create_player
from kapcompanion.core.loader import check_text
from kapcompanion.core.model import Practice
from kapcompanion.core.session import Session, Status
from kapcompanion.core.timeline import compile_practice
from kapcompanion.settings import Settings, SettingsStore
from kapcompanion.ui.main_window import MainWindow
from tests.fakes import FakeClock
from tests.ui.conftest import begin


def test_settings_that_cannot_be_saved_say_so_and_still_apply(qtbot, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    store = SettingsStore(blocker / "settings.json")  # its folder cannot be made
    win = MainWindow({}, store=store, clock=FakeClock())
    qtbot.addWidget(win)
    win.show()
    win.set_settings(replace(win.settings, text_scale=1.3))
    assert win.settings.text_scale == 1.3  # applied for this run
    notes = win.notice_texts()
    assert len(notes) == 1 and "couldn't be saved" in notes[0] and str(blocker) in notes[0]
    # a later success takes the notice away; Dismiss works too
    win.store = SettingsStore(tmp_path / "ok" / "settings.json")
    win.set_settings(replace(win.settings, text_scale=1.15))
    assert win.notice_texts() == []
    box = win.notify("Something to know.", "x")
    next(b for b in box.findChildren(type(win.help_button)) if b.text() == "Dismiss").click()
    assert win.notice_texts() == []


VOICED = """\
kapcompanion: 1
id: voiced
title: A voiced pause
category: anytime
summary: A pause with a voice clip.
steps:
  - say: Welcome.
    voice: welcome.wav
    duration: 3s
  - silence: 5s
"""


def voiced(folder: Path) -> Practice:
    t = np.arange(44100 * 2) / 44100
    sf.write(folder / "welcome.wav", (0.2 * np.sin(2 * np.pi * 220 * t)).astype(np.float32), 44100)
    path = folder / "voiced.yaml"
    path.write_text(VOICED, encoding="utf-8")
    item, diags = check_text(VOICED, str(path), source=path)
    assert isinstance(item, Practice), diags
    return item


def test_a_voice_file_damaged_while_the_app_runs(qtbot, tmp_path: Path, store) -> None:
    practice = voiced(tmp_path)
    clock = FakeClock()
    store.save(replace(Settings(), get_ready_seconds=0))
    win = MainWindow({practice.id: practice}, store=store, clock=clock,
                     player_factory=create_player)  # fmt: skip
    qtbot.addWidget(win)
    win.show()
    begin(win, "voiced", clock)
    assert not win.player.notice.isVisible() or "couldn't" not in win.player.notice.text()
    win.player.leave()
    # between two plays the file is damaged on disk (and another is deleted)
    (tmp_path / "welcome.wav").write_bytes(b"RIFF\x00\x00garbage" * 10)
    begin(win, "voiced", clock)
    assert win.player.notice.isVisible()
    assert "couldn't be loaded" in win.player.notice.text()
    assert "welcome.wav" in win.player.notice.toolTip()
    clock.advance(9)
    win.player.tick()
    assert win.player.pages.currentIndex() == 3  # the end screen
    win.player.leave()
    (tmp_path / "welcome.wav").unlink()
    begin(win, "voiced", clock)
    assert "welcome.wav" in win.player.notice.toolTip()
    win.player.leave()
    win.close()


def test_the_wall_clock_jumping_does_not_move_a_practice(monkeypatch) -> None:
    item, _ = check_text(VOICED.replace("    voice: welcome.wav\n", ""), "p.yaml")
    assert isinstance(item, Practice)
    session = Session(compile_practice(item))  # the real monotonic clock
    session.play()
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + 3600)  # the system clock moves an hour
    time.sleep(0.05)
    state = session.state()
    assert state.status is Status.PLAYING
    assert 0.04 <= state.position < 1.0


LONG = "Breathe " * 700  # ~5,600 characters
RTL = "تنفّس ببطء، ودع كتفيك يرتاحان 🌿 שקט"
EMOJI = "🕊️🌊🫁✨ Calm 🧘🏽‍♀️"

ODD = f"""\
kapcompanion: 1
id: odd-text
title: "{RTL} {EMOJI}"
category: anytime
summary: "{LONG}"
description: "{RTL}\\n\\n{LONG}"
tags: ["{EMOJI}", "{RTL}"]
safety: "{RTL} {LONG}"
steps:
  - say: "{LONG}"
    duration: 5s
  - say: "{RTL} {EMOJI}"
    duration: 5s
  - reflect:
      prompt: "{RTL} {EMOJI}"
      save_as: note
  - check_in:
      question: "{EMOJI} {LONG[:300]}"
      labels: ["{RTL}", "{EMOJI}"]
  - checklist:
      title: "{RTL}"
      items: ["{EMOJI}", "{LONG[:400]}"]
"""


def test_long_right_to_left_and_emoji_text_everywhere(qtbot, store) -> None:
    item, diags = check_text(ODD, "odd.yaml")
    assert isinstance(item, Practice), [str(d) for d in diags]
    clock = FakeClock()
    store.save(replace(Settings(), get_ready_seconds=0, rules_dismissed=("odd-text",),
                       clinic_name=RTL, clinic_number=EMOJI))  # fmt: skip
    win = MainWindow({item.id: item}, store=store, clock=clock)
    qtbot.addWidget(win)
    win.resize(900, 640)
    win.show()
    win.library.search.setText(RTL[:6])
    assert win.library.visible_ids() == ["odd-text"]
    win.library.search.setText("")
    win.grab()  # paints the library and detail pane without error
    begin(win, "odd-text", clock)
    for _ in range(2):
        win.grab()
        win.player.skip()
        win.player.tick()
    # the reflect gate takes right-to-left text and emoji as an answer
    from kapcompanion.ui.player.gates import CheckInGate, ChecklistGate, ReflectGate

    answers: list[object] = []
    win.player.answered.connect(lambda *a: answers.append(a[3]))
    gate = win.player.gate
    assert isinstance(gate, ReflectGate)
    gate.edit.setPlainText(f"{RTL} {EMOJI} {LONG}")
    win.grab()
    gate.continue_button.click()
    win.player.tick()
    assert answers == [f"{RTL} {EMOJI} {LONG}".strip()]
    assert isinstance(win.player.gate, CheckInGate)
    win.grab()
    win.player.gate.continue_button.click()
    win.player.tick()
    assert isinstance(win.player.gate, ChecklistGate)
    win.grab()
    win.player.gate.continue_button.click()
    win.player.tick()
    assert len(answers) == 3
    assert win.player.pages.currentIndex() == 3  # the end screen
    # the help panel lists the clinic written in right-to-left text, with its emoji number
    panel = win.show_help()
    texts = " ".join(label.text() for label in panel.findChildren(QLabel))
    assert RTL in texts and EMOJI in texts
    panel.grab()
    panel.close()
    win.player.leave()
    win.close()
    QApplication.processEvents()
