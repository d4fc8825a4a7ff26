"""The voice live: clips reach the real mixer, speech cues fire on time, steps ahead retime.

Real parts throughout: hibari's voice (in memory or a real disk cache), pygame's mixer on
SDL's dummy driver (or its disk driver in a child process, to hear the bytes), a fake
clock for the session.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from kapcompanion.audio.pygame_player import PygamePlayer
from kapcompanion.audio.voice import VoiceEngine, VoiceService
from kapcompanion.audio.voice.live import LiveVoice, lexicon_folder, open_service, wait_lengths
from kapcompanion.core.loader import check_text
from kapcompanion.core.model import Practice
from kapcompanion.core.session import Session, Status
from kapcompanion.core.timeline import CHANNEL_SPEECH, compile_practice
from tests.fakes import FakeClock

ROOT = Path(__file__).resolve().parents[2]

SHORT = """\
kapcompanion: 1
id: voice-short
title: Voice short
category: anytime
summary: Two sentences and a quiet moment.
tags: [test]
steps:
  - say: Let your shoulders drop.
  - silence: 3s
  - say: Notice your feet on the floor.
    duration: 3s
"""

ASKS = """\
kapcompanion: 1
id: voice-asks
title: Voice asks
category: prepare
summary: A question, then the answer said back.
tags: [test]
steps:
  - say: Welcome.
    duration: 2s
  - reflect:
      prompt: What would you like to bring?
      save_as: wish
  - say: "You wrote: {wish}"
"""


def practice(text: str) -> Practice:
    item, diags = check_text(text, "p.yaml", Path("p.yaml"))
    assert isinstance(item, Practice), diags
    return item


@pytest.fixture(scope="module")
def service() -> VoiceService:
    with VoiceService(VoiceEngine()) as s:
        yield s


def ready(live: LiveVoice, timeout: float = 60.0) -> None:
    import time

    end = time.monotonic() + timeout
    while live.pending() and time.monotonic() < end:
        time.sleep(0.02)
    assert live.pending() == 0


def sounding(player: PygamePlayer) -> list[str]:
    """The texts whose clips are on the voice channels now (the mixer's real state)."""
    by_sound = {id(snd): text for text, snd in player._speech.items()}
    return [
        by_sound[id(ch.get_sound())]
        for ch in player._groups["voice"]
        if ch.get_busy() and id(ch.get_sound()) in by_sound
    ]


def test_speech_cues_play_at_their_times_and_the_bed_ducks(service: VoiceService) -> None:
    p = practice(SHORT.replace("tags: [test]", "tags: [test]\nsound: {ambient: rain}"))
    clock = FakeClock()
    player = PygamePlayer(clock=clock)
    live = LiveVoice(p, service, convert=player.speech_data)
    ready(live)
    timeline = live.timeline()
    assert timeline is not None
    assert [c.time for c in timeline.speech] == [0.0, timeline.steps[2].start]
    # a say step without duration lasts its voice and a 2 s pause
    first = live.lengths()["Let your shoulders drop."]
    assert timeline.steps[0].end == pytest.approx(first + 2.0)
    player.prepare(timeline)
    for text, data in live.drain():
        player.add_speech(text, data)
    session = Session(timeline, clock=clock)
    session.play()
    player.update(session.state())
    assert player.busy("voice")
    clock.advance(0.3)
    player.update(session.state())
    ducked = player._envelope.at(0.5)
    assert ducked < player._envelope.at(timeline.steps[1].start + 1.0)
    assert sounding(player) == ["Let your shoulders drop."]
    # nothing new in the silence; the second sentence at its step
    clock.advance(timeline.steps[2].start - 0.3 - 0.01)
    player.update(session.state())
    assert "Notice your feet on the floor." not in sounding(player)
    clock.advance(0.02)
    player.update(session.state())
    assert "Notice your feet on the floor." in sounding(player)
    # pause fades the voice and pauses its channel; seek cuts it
    session.pause()
    for _ in range(10):
        clock.advance(0.02)
        player.update(session.state())
    assert player.level("voice") == 0.0
    player.shutdown()


def test_a_late_speech_cue_is_skipped_without_logging_its_words(
    service: VoiceService, caplog: pytest.LogCaptureFixture
) -> None:
    p = practice(SHORT)
    clock = FakeClock()
    player = PygamePlayer(clock=clock)
    live = LiveVoice(p, service, convert=player.speech_data)
    ready(live)
    timeline = live.timeline()
    player.prepare(timeline)
    for text, data in live.drain():
        player.add_speech(text, data)
    session = Session(timeline, clock=clock)
    session.play()
    clock.advance(timeline.steps[2].start + 1.5)  # a stalled app: 1.5 s past the cue
    with caplog.at_level(logging.DEBUG):
        player.update(session.state())
    assert "reached" in caplog.text
    assert "feet" not in caplog.text and "shoulders" not in caplog.text
    player.shutdown()


def test_steps_ahead_are_retimed_and_played_steps_keep_their_time(
    service: VoiceService,
) -> None:
    p = practice(SHORT)
    live = LiveVoice(p, service)
    # Before any clip: the timeline without voice for texts not yet known.
    ready(live)
    early = compile_practice(p)
    session = Session(early, clock=FakeClock())
    session.play()
    # The first step is playing: its text arrived too late and stays unspoken;
    # the third step's voice is used.
    later = live.timeline(step_now=0)
    assert later is not None
    assert [c.sound for c in later.speech] == ["Notice your feet on the floor."]
    assert later.steps[0].end == early.steps[0].end
    session.retime(later)
    assert session.state().status is Status.PLAYING
    assert live.timeline(step_now=0) is None  # nothing new


def test_an_answer_is_said_after_the_question_and_kept_private(tmp_path: Path) -> None:
    p = practice(ASKS)
    with open_service("heart", 1.0, tmp_path / "cache") as svc:
        live = LiveVoice(p, svc)
        ready(live)
        before = live.timeline()
        assert before is not None
        # the question is said on its (live, zero-length) gate
        assert "What would you like to bring?" in [c.sound for c in before.speech]
        live.set_values({"wish": "patience with myself"}, first=True)
        ready(live)
        after = live.timeline(step_now=1)
        assert after is not None
        assert "You wrote: patience with myself" in [c.sound for c in after.speech]
        assert after.steps[0].end == before.steps[0].end
        live.close()
        # Every file the voice wrote, but hibari's word list (the pronunciation store:
        # the English dictionary, which has "patience" in it whatever the client wrote).
        store = lexicon_folder(tmp_path / "cache")
        files = [
            f for f in (tmp_path / "cache").rglob("*") if f.is_file() and store not in f.parents
        ]
        assert files and not svc.ready("You wrote: patience with myself")
    assert all(b"patience" not in f.read_bytes() for f in files)
    assert all(b"patience with myself" not in f.read_bytes() for f in store.rglob("*"))


def test_the_first_words_are_ready_only_once_the_player_can_have_them(
    service: VoiceService,
) -> None:
    """The clip is converted for the mixer after the voice is done with it: Play must wait
    for that too, or the first words arrive a moment after their step began and are never
    said (heard in a first start under load: the practice began without its first line)."""
    import threading

    let_go = threading.Event()
    converting = threading.Event()

    def slow_convert(clip: np.ndarray) -> np.ndarray:
        converting.set()
        assert let_go.wait(30)
        return clip

    # words no other test asked for: the clips are made on the voice's worker thread
    text = SHORT.replace("shoulders", "jaw").replace("feet", "hands")
    live = LiveVoice(practice(text), service, convert=slow_convert)
    assert converting.wait(60)
    first = live._items[0]
    assert service.future(first).done()  # the voice has finished the first words...
    assert not live.first_ready() and live.pending() == 2  # ...but they are not here yet
    assert live.drain() == []
    let_go.set()
    ready(live)
    assert live.first_ready()
    assert [said for said, _ in live.drain()] == [
        "Let your jaw drop.",
        "Notice your hands on the floor.",
    ]


def test_wait_lengths_gives_every_text(service: VoiceService) -> None:
    lengths, error = wait_lengths(practice(SHORT), service)
    assert error is None and set(lengths) == {
        "Let your shoulders drop.",
        "Notice your feet on the floor.",
    }


@pytest.mark.slow
def test_terminal_play_is_heard_on_the_disk_driver(tmp_path: Path) -> None:
    """``play --no-window`` in a child with SDL's disk driver: the words are in the bytes."""
    path = tmp_path / "voice-short.yaml"
    path.write_text(SHORT, encoding="utf-8")
    raw = tmp_path / "out.raw"
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "SDL_AUDIODRIVER": "disk",
        "SDL_DISKAUDIOFILE": str(raw),
        "KAPCOMPANION_DATA_DIR": str(tmp_path / "data"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "kapcompanion", "play", str(path), "--no-window"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    data = np.frombuffer(raw.read_bytes(), dtype=np.int16).reshape(-1, 2)[:, 0] / 32768.0
    with open_service("heart", 1.0, tmp_path / "data" / "cache" / "voice") as svc:
        lengths, _ = wait_lengths(practice(SHORT), svc)
    timeline = compile_practice(practice(SHORT), voice_lengths=lengths)
    rate = 44100

    # The disk driver writes silence from the moment the mixer opens; on a first start the
    # voice (and its pronunciation store) may still be loading then, so the practice's
    # time 0 is where its first sound begins. What is checked is what follows from there.
    heard = np.nonzero(np.abs(data) > 0.01)[0]
    assert len(heard), "nothing was heard"
    t_zero = heard[0] / rate

    def rms(t0: float, t1: float) -> float:
        seg = data[round((t_zero + t0) * rate) : round((t_zero + t1) * rate)]
        return float(np.sqrt(np.mean(seg**2))) if len(seg) else 0.0

    # the disk driver runs a little ahead of real time: look well inside each window
    first = lengths["Let your shoulders drop."]
    quiet = timeline.steps[1]
    second = timeline.steps[2]
    assert rms(0.0, first * 0.8) > 0.01
    assert rms(quiet.start + 0.8, quiet.end - 0.5) < 0.002
    assert rms(second.start + 0.2, second.start + 1.0) > 0.01
    assert any(c.channel == CHANNEL_SPEECH for c in timeline.cues)


def test_an_idle_voice_lets_its_model_go_and_loads_again_when_needed() -> None:
    with VoiceService(VoiceEngine(), idle_unload=0.5) as svc:
        assert svc.wait("Hello.", timeout=60) is not None
        import time

        end = time.monotonic() + 10
        while svc.engine.loaded and time.monotonic() < end:
            time.sleep(0.05)
        assert not svc.engine.loaded
        assert svc.wait("Hello again.", timeout=60) is not None
        end = time.monotonic() + 10
        while svc.engine.loaded and time.monotonic() < end:
            time.sleep(0.05)
        svc.preload()
        end = time.monotonic() + 10
        while not svc.engine.loaded and time.monotonic() < end:
            time.sleep(0.05)
        assert svc.engine.loaded  # a practice chosen again: loaded ahead of need


def test_the_voice_in_its_own_process_says_the_same_and_survives_a_crash(
    service: VoiceService, tmp_path: Path
) -> None:
    from kapcompanion.audio.voice import VoiceUnavailable
    from kapcompanion.audio.voice.process import ProcessEngine

    engine = ProcessEngine()
    try:
        clip = engine.synthesize("Let your shoulders drop.")
        same = service.wait("Let your shoulders drop.", timeout=60)
        assert same is not None and np.array_equal(clip, same)  # deterministic, either way
        engine._proc.kill()  # the child dies (a crash in the model runtime, say)
        engine._proc.join(5)
        assert len(engine.synthesize("Notice your feet.")) > 0  # a fresh child says it
        engine.unload()
        assert not engine.loaded and engine._proc is None
    finally:
        engine.unload()
    bad = tmp_path / "bad.onnx"
    bad.write_bytes(b"garbage" * 100)
    damaged = ProcessEngine(model=bad)
    with pytest.raises(VoiceUnavailable) as err:
        damaged.load()
    assert err.value.kind == "model" and damaged._proc is None
