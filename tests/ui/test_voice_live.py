"""The app speaks: the player with the real offline voice, notices, settings, "Listen".

Real widgets offscreen, the real mixer on SDL's dummy driver, real hibari; the session
runs on a fake clock while synthesis runs on its own thread in real time.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
import soundfile as sf
from PySide6.QtWidgets import QApplication

from kapcompanion.audio.pygame_player import PygamePlayer
from kapcompanion.audio.render import TAIL, render_practice
from kapcompanion.audio.voice import VoiceCache
from kapcompanion.core.folders import DataFolders
from kapcompanion.core.library import Library
from kapcompanion.core.session import Status
from kapcompanion.settings import Settings
from kapcompanion.ui.audio_link import default_player
from kapcompanion.ui.editor.editor_window import EditorWindow
from kapcompanion.ui.settings_dialog import SettingsDialog
from tests.audio.voice_fixtures import read_only_folder, tone
from tests.ui.samples import GROUND, practice

pytestmark = pytest.mark.voice

QUICK = replace(Settings(), get_ready_seconds=0, rules_dismissed=("feet-and-hands",))

SPANISH = """\
kapcompanion: 1
id: pies-y-manos
title: Pies y manos
category: anytime
language: es
summary: El peso de los pies.
tags: [grounding]
steps:
  - say: Siente el peso de tus pies en el suelo.
    duration: 20s
"""


def open_practice(make_window, clock, qtbot, settings: Settings = QUICK, **kw):
    """A window with the real player; the practice opened and its voice ready."""
    win = make_window(settings, player_factory=lambda: PygamePlayer(clock=clock))
    for key, value in kw.items():
        setattr(win.player.voice_link, key, value)
    return win


def wait_voice(view, qtbot, timeout: int = 60000) -> None:
    """Until every clip of the open practice arrived (or the voice failed)."""
    qtbot.waitUntil(
        lambda: (
            view.voicing.live is not None
            and (view.voicing.live.error is not None or view.voicing.live.pending() == 0)
        ),
        timeout=timeout,
    )
    qtbot.wait(100)  # the gathered arrivals are handed over
    view.voicing.follow()


def test_the_player_speaks_each_step_at_its_time(make_window, clock, qtbot, tmp_path) -> None:
    win = open_practice(make_window, clock, qtbot, folder=tmp_path / "voice")
    win.start_practice("feet-and-hands")
    view = win.player
    wait_voice(view, qtbot)
    clock.advance(0.2)
    view.tick()
    assert view.session.status is Status.PLAYING
    speech = view.session.timeline.speech
    assert [c.sound for c in speech] == [
        "Feel the weight of your feet on the floor.",
        "Let your hands rest on your thighs or your chest.",
    ]
    player = view.player
    assert player.available and player.busy("voice")
    assert not view.notice.isVisible()
    clock.advance(speech[1].time - view.session.position + 0.01)
    view.tick()
    voice = player._speech[speech[1].sound]
    assert any(ch.get_sound() is voice for ch in player._groups["voice"] if ch.get_busy())
    assert VoiceCache(tmp_path / "voice").count() == 2  # said once, kept for next time
    view.leave()


def test_a_spanish_practice_without_a_spanish_voice_says_so_once(make_window, clock, qtbot) -> None:
    win = open_practice(make_window, clock, qtbot)
    view = win.player
    for _ in range(2):
        view.start(practice(SPANISH, "es.yaml"))
        clock.advance(0.2)
        for _ in range(5):
            clock.advance(1.0)
            view.tick()
        text = view.notice.text()
        assert view.notice.isVisibleTo(view)
        assert text.count("No voice for Spanish is installed on this computer") == 1
        assert view.session.status is Status.PLAYING
        assert not view.session.timeline.speech  # never the English voice
        assert view.guidance.text() == "Siente el peso de tus pies en el suelo."
    view.leave()


def test_a_damaged_model_gives_one_notice_and_the_words_on_screen(
    make_window, clock, qtbot, tmp_path
) -> None:
    bad = tmp_path / "damaged.onnx"
    bad.write_bytes(b"not a model" * 100)
    win = open_practice(make_window, clock, qtbot, model=bad)
    win.start_practice("feet-and-hands")
    view = win.player
    wait_voice(view, qtbot)
    for _ in range(4):
        clock.advance(1.0)
        view.tick()
    assert view.session.status is Status.PLAYING
    assert not view.session.timeline.speech
    assert view.notice.text().count("could not be started") == 1
    assert view.guidance.text() == "Feel the weight of your feet on the floor."
    view.leave()


def test_a_read_only_cache_still_speaks_without_a_notice(
    make_window, clock, qtbot, tmp_path
) -> None:
    with read_only_folder(tmp_path / "ro") as folder:
        win = open_practice(make_window, clock, qtbot, folder=folder)
        win.start_practice("feet-and-hands")
        view = win.player
        wait_voice(view, qtbot)
        clock.advance(0.2)
        view.tick()
        assert len(view.session.timeline.speech) == 2
        assert view.player.busy("voice")
        assert not view.notice.isVisible()
        view.leave()


def test_settings_choose_the_voice_and_clear_its_cache(qtbot, tmp_path) -> None:
    cache = VoiceCache(tmp_path)
    cache.put("heart", 1.0, "Hello.", tone())
    start = replace(Settings(), voice_speed=0.9, spoken_cues=True)
    dlg = SettingsDialog(start, voice_cache=tmp_path)
    qtbot.addWidget(dlg)
    tab = dlg.voice_tab
    assert tab.voice_on.isChecked() and tab.spoken_cues.isChecked()
    assert tab.voice_name.currentData() == "heart"
    assert tab.speed.value() == 90
    assert tab.clear.isEnabled()
    tab.clear.click()
    assert VoiceCache(tmp_path).count() == 0 and not tab.clear.isEnabled()
    tab.speed.setValue(115)
    tab.voice_on.setChecked(False)
    got = dlg.values()
    assert (got.voice_on, got.voice_speed, got.voice_name, got.spoken_cues) == (
        False,
        1.15,
        "heart",
        True,
    )
    assert Settings.from_dict(got.to_dict()) == got
    assert Settings.from_dict({"voice_speed": 3, "voice_name": ""}).voice_speed == 1.2


def test_listen_speaks_the_chosen_step(qtbot) -> None:
    editor = EditorWindow(GROUND)
    qtbot.addWidget(editor)
    editor.steps.chosen.emit(0)
    assert editor.voice.listen.isEnabled()
    editor.voice.listen.click()
    qtbot.waitUntil(lambda: editor.listener._player is not None and editor.listener._player.busy,
                    timeout=60000)  # fmt: skip
    assert editor.listener.heard[-1] == "Feel the weight of your feet on the floor."
    assert editor.voice.status.text() == "Speaking the step."
    editor.listener.stop()


@pytest.mark.slow
def test_timeline_render_and_live_agree_to_the_millisecond(
    make_window, clock, qtbot, tmp_path
) -> None:
    """``kapcompanion timeline``, ``render`` and the live player: one length."""
    from kapcompanion.audio.voice.live import open_service
    from kapcompanion.cli.library import voiced_timeline

    folders = DataFolders(Path(os.environ["KAPCOMPANION_DATA_DIR"]))
    built_in = Library.load(None).for_language("en")["sigh-reset"]
    timeline = voiced_timeline(built_in, folders)
    assert timeline.speech
    out = tmp_path / "sigh.wav"
    with open_service("heart", 1.0, folders.cache / "voice") as service:
        render_practice(built_in, out, voice=service)
    win = make_window(
        replace(QUICK, rules_dismissed=("sigh-reset",)), player_factory=default_player
    )
    win.player.voice_link.folder = folders.cache / "voice"
    win.player.start(built_in)
    wait_voice(win.player, qtbot)
    live_total = win.player.session.timeline.total
    rendered = sf.info(str(out)).frames / 44100
    assert round(live_total, 3) == round(timeline.total, 3)
    assert abs(rendered - (timeline.total + TAIL)) < 1 / 44100 + 1e-9
    win.player.leave()
    QApplication.processEvents()
