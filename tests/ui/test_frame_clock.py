"""The frame clock keeps an even beat of exactly ``fps`` frames a second."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kapcompanion.ui.player.frame_clock import FrameClock


class FakeNow:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


def started(fps: float = 60) -> tuple[FakeNow, FrameClock, list[float]]:
    """A clock on fake time, started, and the times its frames came."""
    now = FakeNow()
    clock = FrameClock(fps, now=now)
    frames: list[float] = []
    clock.frame.connect(lambda: frames.append(now.t))
    clock.start()
    return now, clock, frames


def test_sixty_frames_a_second_alternate_16_and_17_ms(qtbot: QtBot) -> None:
    now, clock, frames = started()
    waits = [clock.timer.interval()]
    for _ in range(59):
        now.t += waits[-1] / 1000  # each frame comes exactly when its timer was set for
        clock.timer.stop()
        clock._fire()
        waits.append(clock.timer.interval())
    assert len(frames) == 59
    assert set(waits) == {16, 17}  # whole milliseconds nearest each beat
    assert abs(sum(waits) - 1000) <= 1  # sixty beats in one second, not 62.5 or 58.8
    assert clock.isActive()
    clock.stop()
    assert not clock.isActive()


def test_a_frame_s_own_work_does_not_push_the_next_one_later(qtbot: QtBot) -> None:
    now, clock, _ = started()
    start = now.t
    now.t = start + 1 / 60 + 0.004  # this frame woke 4 ms late
    clock._fire()
    assert clock.timer.interval() == round((start + 2 / 60 - now.t) * 1000)  # 13 ms: on the beat


def test_a_late_frame_skips_missed_beats_instead_of_a_burst(qtbot: QtBot) -> None:
    now, clock, frames = started()
    start = now.t
    now.t = start + 0.100  # the machine stalled for 100 ms (six beats)
    clock._fire()
    assert len(frames) == 1
    # the next beat after now, on the original phase: the seventh, at 116.7 ms
    assert clock.timer.interval() == round((start + 7 / 60 - now.t) * 1000) == 17


def test_real_timer_delivers_frames(qtbot: QtBot) -> None:
    clock = FrameClock(60)
    with qtbot.waitSignals([clock.frame] * 3, timeout=2000):
        clock.start()
    clock.stop()


def test_a_new_rate_takes_effect_at_once(qtbot: QtBot) -> None:
    _, clock, _ = started()
    clock.set_fps(4)
    assert clock.isActive() and clock.timer.interval() == 250
    clock.set_fps(60)
    assert clock.timer.interval() == 17
    clock.stop()
    clock.set_fps(4)  # a stopped clock only changes its rate
    assert not clock.isActive() and clock.period == 0.25
