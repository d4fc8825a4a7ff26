"""The pygame player against the real mixer (SDL dummy driver) and a fake clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygame.mixer
import pytest

from kapcompanion.audio.base import Volumes
from kapcompanion.audio.factory import create_player
from kapcompanion.audio.null import NullPlayer
from kapcompanion.audio.pygame_player import (
    BUFFER,
    FREQUENCY,
    PAUSED_BED,
    PygamePlayer,
    to_mixer_bytes,
)
from kapcompanion.core.session import Session, Status
from kapcompanion.core.timeline import compile_practice
from tests.audio.fixtures import bells_at, mixed
from tests.fakes import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def player(clock: FakeClock, resolver) -> Iterator[PygamePlayer]:
    p = PygamePlayer(clock=clock, resolver=resolver)
    yield p
    p.shutdown()


def run(session: Session, player: PygamePlayer, clock: FakeClock, seconds: float, dt=0.01) -> None:
    end = clock.now + seconds
    while clock.now < end - 1e-9:
        clock.advance(dt)
        player.update(session.state())


def test_mixer_settings_are_read_back_not_assumed(player: PygamePlayer) -> None:
    freq, size, channels = pygame.mixer.get_init()
    assert (player.frequency, player.size, player.channels) == (freq, size, channels)
    assert freq == FREQUENCY and channels == 2 and BUFFER == 512
    assert pygame.mixer.get_num_channels() >= 9


def test_factory_gives_a_real_player_and_a_silent_one_when_off() -> None:
    p = create_player()
    try:
        assert isinstance(p, PygamePlayer) and p.available and p.notice is None
    finally:
        p.shutdown()
    off = create_player(enabled=False)
    assert isinstance(off, NullPlayer) and not off.available and off.notice


def test_cues_start_at_their_timeline_time(player: PygamePlayer, clock, sound_files) -> None:
    timeline = compile_practice(bells_at([0.5, 1.2], sound=str(sound_files["wood"])))
    assert player.prepare(timeline) == []
    session = Session(timeline, clock=clock)
    session.play()
    run(session, player, clock, 0.49)
    assert not player.busy("bell")
    run(session, player, clock, 0.02)
    assert player.busy("bell")
    assert player.next_cue_time == pytest.approx(1.2)
    run(session, player, clock, 0.7)
    assert player.next_cue_time is None


def test_voice_and_ambient_play_and_the_bed_ducks_under_voice(
    player: PygamePlayer, clock, sound_files
) -> None:
    timeline = compile_practice(mixed(sound_files["voice"]))
    player.set_volumes(Volumes(master=1.0, voice=1.0, cue=1.0, ambient=1.0))
    assert player.prepare(timeline) == []
    session = Session(timeline, clock=clock)
    session.play()
    run(session, player, clock, 0.05)
    assert player.busy("voice") and player.busy("ambient")
    run(session, player, clock, 1.0)  # voice still speaking, bed fading in and ducked
    ducked = player.level("ambient")
    run(session, player, clock, 2.4)  # voice over (1.5 s), ramp back, fade in done (3 s)
    free = player.level("ambient")
    assert free == pytest.approx(timeline.ambient_volume, abs=0.01)
    # at 1.05 s the fade-in is at 35 %, and the bed is ~9 dB down
    assert ducked == pytest.approx(timeline.ambient_volume * 1.05 / 3 * 10 ** (-9 / 20), abs=0.01)


def test_pause_fades_and_pauses_cues_keeps_bed_low_then_resumes(
    player: PygamePlayer, clock, sound_files
) -> None:
    timeline = compile_practice(mixed(sound_files["voice"]))
    player.set_volumes(Volumes(master=1.0, voice=1.0, cue=1.0, ambient=1.0))
    player.prepare(timeline)
    session = Session(timeline, clock=clock)
    session.play()
    run(session, player, clock, 3.3)
    assert player.busy("cue")
    bed = player.level("ambient")
    session.pause()
    run(session, player, clock, 0.04)
    assert 0.0 < player.level("cue") < 1.0  # fading, not cut
    run(session, player, clock, 1.0)
    assert player.level("cue") == 0.0
    assert player.level("ambient") == pytest.approx(bed * PAUSED_BED, abs=0.01)
    assert player.busy("ambient")
    position = session.position
    session.play()
    run(session, player, clock, 0.2)
    assert player.level("cue") == pytest.approx(1.0)
    assert session.position == pytest.approx(position + 0.2, abs=0.02)


def test_skip_cuts_sounding_cues_and_skipped_cues_never_play(
    player: PygamePlayer, clock, sound_files
) -> None:
    bell = str(sound_files["soft-bell"])
    timeline = compile_practice(bells_at([0.2, 1.0, 2.0, 3.0], sound=bell))
    player.prepare(timeline)
    session = Session(timeline, clock=clock)
    session.play()
    run(session, player, clock, 0.3)
    assert player.busy("bell")
    session.skip()  # from step 1 (bell at 0.2) to step 2 (bell at 1.0)
    session.skip()  # and on to the bell at 2.0 -- found by update() alone, no seek()
    clock.advance(0.01)
    player.update(session.state())
    assert player.next_cue_time == pytest.approx(3.0)  # 1.0 skipped, 2.0 fired


def test_back_replays_the_step_cue(player: PygamePlayer, clock, sound_files) -> None:
    timeline = compile_practice(bells_at([0.0, 4.0], sound=str(sound_files["wood"])))
    player.prepare(timeline)
    session = Session(timeline, clock=clock)
    session.play()
    run(session, player, clock, 3.5)
    assert player.next_cue_time == pytest.approx(4.0)
    session.back()
    player.seek(session.position)
    assert player.next_cue_time == pytest.approx(0.0)
    run(session, player, clock, 0.02)
    assert player.busy("bell")


def test_stop_and_finish_fade_out(player: PygamePlayer, clock, sound_files) -> None:
    timeline = compile_practice(mixed(sound_files["voice"]))
    player.prepare(timeline)
    session = Session(timeline, clock=clock)
    session.play()
    run(session, player, clock, 0.5)
    session.stop()
    player.update(session.state())
    assert player.next_cue_time is not None
    run(session, player, clock, 5.0)
    assert not player.busy("cue")  # stopped: nothing more fires


def test_volumes_apply_at_once_and_mute(player: PygamePlayer, clock, sound_files) -> None:
    timeline = compile_practice(mixed(sound_files["voice"]))
    player.prepare(timeline)
    session = Session(timeline, clock=clock)
    session.play()
    run(session, player, clock, 0.1)
    player.set_volumes(Volumes(master=0.5, voice=0.8, cue=0.4, ambient=0.5))
    assert player.level("voice") == pytest.approx(0.4, abs=0.005)
    assert player.level("cue") == pytest.approx(0.2, abs=0.005)
    player.set_volumes(Volumes(muted=True))
    assert player.level("voice") == 0.0 and player.level("ambient") == 0.0


def test_missing_and_corrupt_voice_clips_warn_by_name_and_the_rest_plays(
    player: PygamePlayer, clock, tmp_path: Path
) -> None:
    corrupt = tmp_path / "hello-voice.ogg"
    corrupt.write_bytes(b"\x00garbage" * 100)
    timeline = compile_practice(mixed(corrupt))
    warnings = player.prepare(timeline)
    assert len(warnings) == 1 and "hello-voice.ogg" in warnings[0]
    timeline = compile_practice(mixed(tmp_path / "not-recorded-yet.ogg"))
    warnings = player.prepare(timeline)
    assert len(warnings) == 1 and "not-recorded-yet.ogg" in warnings[0]
    session = Session(timeline, clock=clock)
    session.play()
    run(session, player, clock, 0.1)
    assert not player.busy("voice")
    run(session, player, clock, 2.0)
    assert player.busy("cue")  # the breathing cues still sound


def test_gate_pauses_cues_and_waits(player: PygamePlayer, clock, sound_files) -> None:
    timeline = compile_practice(mixed(sound_files["voice"]))
    player.prepare(timeline)
    session = Session(timeline, clock=clock)
    session.play()
    run(session, player, clock, 7.5)
    assert session.status is Status.WAITING
    assert player.level("cue") == 0.0 and player.busy("ambient")
    session.continue_gate("noted")
    run(session, player, clock, 0.05)
    assert player.busy("bell")  # the bell step right after the gate


def test_reused_player_prepares_a_second_practice(player: PygamePlayer, clock, sound_files) -> None:
    bell = str(sound_files["wood"])
    for _ in range(2):
        timeline = compile_practice(bells_at([0.1], sound=bell))
        player.prepare(timeline)
        session = Session(timeline, clock=clock)
        session.play()
        run(session, player, clock, 0.2)
        assert player.next_cue_time is None
        player.stop()


def test_mixer_byte_formats() -> None:
    import numpy as np

    x = np.array([[0.0, 1.0], [-1.0, 0.5]], dtype=np.float32)
    assert np.frombuffer(to_mixer_bytes(x, -16), np.int16).tolist() == [0, 32767, -32767, 16384]
    assert np.frombuffer(to_mixer_bytes(x, 32), np.float32).tolist() == [0.0, 1.0, -1.0, 0.5]
    assert np.frombuffer(to_mixer_bytes(x, 8), np.uint8).tolist() == [128, 255, 1, 192]


def test_device_going_away_mid_practice_turns_silent_with_a_notice(
    player: PygamePlayer, clock: FakeClock
) -> None:
    from dataclasses import replace

    from kapcompanion.audio.pygame_player import LOST_NOTICE
    from kapcompanion.core.model import SoundSettings

    bells = bells_at([0.1, 1.0, 2.0, 3.0])
    tl = compile_practice(replace(bells, sound=SoundSettings(ambient="rain", ambient_volume=0.5)))
    assert player.prepare(tl) == []
    session = Session(tl, clock)
    session.play()
    run(session, player, clock, 0.5)
    assert player.busy("bell") and player.busy("ambient")
    assert player.available and player.notice is None
    pygame.mixer.quit()  # the device is gone: every mixer call now fails
    run(session, player, clock, 1.0)  # no exception
    assert not player.available
    assert player.notice == LOST_NOTICE
    # the session's timing is untouched, and everything else the owner calls is safe
    assert session.state().position == pytest.approx(1.5, abs=0.02)
    player.seek(2.5)
    player.set_volumes(Volumes(master=0.5))
    assert not player.busy("bell") and not player.busy("ambient")
    player.stop()
    assert player.prepare(tl) == []  # a next practice prepares silently too
    player.update(session.state())
