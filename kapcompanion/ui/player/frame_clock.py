"""An even frame beat: frame n falls due at start + n / fps, whatever each frame cost.

A repeating millisecond timer can only wake every 16 or 17 ms (62.5 or 58.8 frames a
second). This clock re-arms a one-shot precise timer for each frame at the whole
millisecond nearest its due time, so the frames average the asked-for rate exactly, the
work a frame does never pushes the next one later, and a late frame (a busy machine)
skips the beats it missed instead of catching up in a burst.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from time import perf_counter

from PySide6.QtCore import QObject, Qt, QTimer, Signal

log = logging.getLogger(__name__)


class FrameClock(QObject):
    """Emits :attr:`frame` ``fps`` times a second, on an even beat."""

    frame = Signal()

    def __init__(
        self,
        fps: float = 60.0,
        parent: QObject | None = None,
        now: Callable[[], float] = perf_counter,
    ) -> None:
        super().__init__(parent)
        self.fps = fps
        self.period = 1.0 / fps
        self._now = now
        self._due = 0.0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._fire)

    def start(self) -> None:
        """Start beating (the first frame one period from now); restarts a running clock."""
        now = self._now()
        self._due = now + self.period
        self._arm(now)

    def set_fps(self, fps: float) -> None:
        """Beat ``fps`` times a second from now on (a running clock re-arms at once)."""
        if fps == self.fps:
            return
        self.fps = fps
        self.period = 1.0 / fps
        if self.timer.isActive():
            self.start()

    def stop(self) -> None:
        """Stop beating."""
        self.timer.stop()

    def isActive(self) -> bool:  # noqa: N802 - reads like QTimer's
        """Whether frames are coming."""
        return self.timer.isActive()

    def _fire(self) -> None:
        now = self._now()
        self._due += self.period
        if self._due - now < self.period / 2:  # over half a frame late: skip missed beats
            self._due += math.ceil((now + self.period / 2 - self._due) / self.period) * self.period
        self._arm(now)  # armed before the frame's work, so that work never delays the beat
        self.frame.emit()

    def _arm(self, now: float) -> None:
        self.timer.start(max(0, round((self._due - now) * 1000)))


class CueWake(QTimer):
    """A one-shot precise wake for a sound cue that falls between two frames.

    The frames let the audio follow (fades, ducking); a cue due before the next frame gets
    its own wake at its exact time, so onsets stay within a millisecond or two of the
    timeline without waking the app more often than it draws.
    """

    def __init__(self, within_ms: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.within_ms = within_ms  # a cue closer than this gets its own wake
        self.setSingleShot(True)
        self.setTimerType(Qt.TimerType.PreciseTimer)

    def aim(self, position: float, cue_time: float | None) -> None:
        """Wake at ``cue_time`` (on the timeline, now at ``position``) if it is close."""
        if cue_time is None:
            return
        wait_ms = (cue_time - position) * 1000.0
        if 0.0 <= wait_ms < self.within_ms and not self.isActive():
            self.start(max(0, math.ceil(wait_ms)))
