"""A live session: plays a timeline against an injected monotonic clock.

The position on the timeline is always computed from the clock (``anchor position +
clock now - anchor clock``), never accumulated from ticks, so nothing drifts however
long a practice runs or however often it is polled. Interactive steps are gates: the
position stops at a gate until :meth:`Session.continue_gate` is called.
"""

from __future__ import annotations

import bisect
import logging
import time
from collections.abc import Callable
from enum import StrEnum
from typing import Any, NamedTuple

from kapcompanion.core.model import Phase
from kapcompanion.core.timeline import Segment, Timeline

log = logging.getLogger(__name__)

#: Seconds into a step after which "back" restarts the step rather than going back one.
BACK_GRACE = 3.0

Clock = Callable[[], float]


class Status(StrEnum):
    """Where a session is in its life."""

    READY = "ready"
    PLAYING = "playing"
    PAUSED = "paused"
    WAITING = "waiting"  # at a gate, for the person
    FINISHED = "finished"
    STOPPED = "stopped"


class SessionState(NamedTuple):
    """Everything a view needs at one moment, derived from the clock.

    Made on every frame, so a named tuple: as immutable as a frozen dataclass and made in
    a third of the time.
    """

    status: Status
    position: float
    segment: Segment | None
    step: int
    phase: Phase | None
    phase_progress: float
    phase_remaining: float
    elapsed: float
    remaining: float
    progress: float
    level: float
    text: str

    @property
    def waiting(self) -> bool:
        """Whether the session waits at an interactive step."""
        return self.status is Status.WAITING


class Session:
    """Plays one timeline. All time comes from ``clock`` (seconds, monotonic)."""

    def __init__(self, timeline: Timeline, clock: Clock = time.monotonic) -> None:
        self.timeline = timeline
        self._clock = clock
        self._status = Status.READY
        self._anchor_pos = 0.0
        self._anchor_clock = 0.0
        self._gate_indices = [g.index for g in timeline.segments if g.gate is not None]
        self._gate_cursor = 0  # index into _gate_indices of the next unanswered gate
        self.answers: dict[int, Any] = {}  # step index -> answer
        self.values: dict[str, Any] = {}  # save_as name -> answer
        self._practised = 0.0  # seconds practised before the current stretch
        self._since: float | None = None  # clock when the current stretch began

    # -- control -----------------------------------------------------------------

    def play(self) -> None:
        """Start, or resume after a pause."""
        if self._status in (Status.READY, Status.PAUSED):
            self._anchor_clock = self._clock()
            self._since = self._anchor_clock
            self._status = Status.PLAYING
            self._settle()

    def pause(self) -> None:
        """Hold the position; time spent paused shifts nothing."""
        if self._status is Status.PLAYING:
            self._anchor_pos = self.position
            self._status = Status.PAUSED
            self._end_stretch(self._clock())

    def resume(self) -> None:
        """Continue after a pause."""
        self.play()

    def toggle(self) -> None:
        """Play/pause."""
        if self._status is Status.PLAYING:
            self.pause()
        else:
            self.play()

    def stop(self) -> None:
        """End early."""
        if self._status not in (Status.FINISHED, Status.STOPPED):
            self._anchor_pos = self.position
            self._status = Status.STOPPED
            self._end_stretch(self._clock())

    def skip(self) -> None:
        """Go to the start of the next step (or the end)."""
        if self.done:
            return
        cur = self.current_step
        if cur + 1 < len(self.timeline.steps):
            self._seek_step(cur + 1)
        else:
            self._seek_end()

    def back(self) -> None:
        """Restart the current step, or go to the previous one when near its start."""
        steps = self.timeline.steps
        if not steps:
            return
        if self._status is Status.FINISHED:
            self._status = Status.PAUSED
            self._seek_step(len(steps) - 1)
            return
        if self._status is Status.STOPPED:
            return
        cur = self.current_step
        into = self.position - steps[cur].start
        self._seek_step(cur if into > BACK_GRACE else max(cur - 1, 0))

    def continue_gate(self, answer: Any = None) -> None:
        """Answer the waiting interactive step and let the clock run on."""
        gate = self.waiting_gate
        if gate is None:
            return
        self.answers[gate.step] = answer
        name = getattr(gate.gate, "save_as", None)
        if name and answer is not None:
            self.values[name] = answer
        self._anchor_pos = gate.start
        self._anchor_clock = self._clock()
        self._gate_cursor += 1
        self._settle()

    def retime(self, timeline: Timeline) -> None:
        """Go on with ``timeline``, the same practice with later steps timed afresh.

        Used when the voice's lengths of steps still ahead become known (or an answer
        fills a later text): everything up to the position now must be unchanged, so the
        position, the status and the gates answered carry over as they are.
        """
        if len(timeline.segments) != len(self.timeline.segments):
            raise ValueError("a retimed timeline must have the same segments")
        self.timeline = timeline
        self._gate_indices = [g.index for g in timeline.segments if g.gate is not None]

    # -- reading -----------------------------------------------------------------

    @property
    def done(self) -> bool:
        """Whether the session has finished or been stopped."""
        return self.status in (Status.FINISHED, Status.STOPPED)

    @property
    def practised(self) -> float:
        """Seconds actually spent practising: playing, or answering a question.

        Pauses do not count, nor does what was skipped over (a skip moves the position,
        not the time spent), so a practice skipped through in a minute and a half was
        practised for a minute and a half, whatever its length.
        """
        self._settle()
        since = self._since
        return self._practised + (self._clock() - since if since is not None else 0.0)

    def _end_stretch(self, at: float) -> None:
        """A stretch of practising ends at clock time ``at`` (a pause, a stop, the end)."""
        if self._since is not None:
            self._practised += max(0.0, at - self._since)
            self._since = None

    @property
    def status(self) -> Status:
        """The status now (finishing and reaching gates are noticed on read)."""
        self._settle()
        return self._status

    @property
    def position(self) -> float:
        """Seconds into the timeline now, stopped at the next unanswered gate."""
        return self._position()

    def _position(self) -> float:
        if self._status is Status.PLAYING:
            pos = self._anchor_pos + (self._clock() - self._anchor_clock)
        else:
            pos = self._anchor_pos
        limit = self.timeline.total
        if self._gate_cursor < len(self._gate_indices):
            limit = min(limit, self.timeline.segments[self._gate_indices[self._gate_cursor]].start)
        return min(max(pos, 0.0), limit)

    @property
    def waiting_gate(self) -> Segment | None:
        """The gate segment waited at, if any."""
        if self.status is not Status.WAITING:
            return None
        return self.timeline.segments[self._gate_indices[self._gate_cursor]]

    @property
    def current_step(self) -> int:
        """Index of the step now showing."""
        gate = self._gate_here(self.position)
        if gate is not None:
            return gate.step
        return self.timeline.step_index_at(self.position)

    def state(self) -> SessionState:
        """The complete state now, computed from the clock (read once)."""
        pos = self._settle()
        status = self._status
        tl = self.timeline
        gate = self._gate_here(pos) if status is not Status.FINISHED else None
        seg = gate or tl.segment_at(pos)
        total = tl.total
        if seg is None:
            step = len(tl.steps) - 1
            return SessionState(
                status,
                pos,
                None,
                step,
                None,
                1.0,
                0.0,
                pos,
                max(total - pos, 0.0),
                1.0,
                0.0,
                "",
            )
        progress = seg.progress_at(pos) if gate is None else 0.0
        return SessionState(
            status=status,
            position=pos,
            segment=seg,
            step=seg.step,
            phase=seg.phase,
            phase_progress=progress,
            phase_remaining=max(seg.end - pos, 0.0),
            elapsed=pos,
            remaining=max(total - pos, 0.0),
            progress=pos / total if total > 0 else 0.0,
            level=seg.level_for(progress),
            text=seg.text,
        )

    # -- internals ---------------------------------------------------------------

    def _gate_here(self, pos: float) -> Segment | None:
        if self._gate_cursor >= len(self._gate_indices):
            return None
        gate = self.timeline.segments[self._gate_indices[self._gate_cursor]]
        return gate if gate.start <= pos else None

    def _settle(self) -> float:
        """Notice reaching a gate or the end (a pure function of the clock).

        Returns the position now (after any change of status), so a caller reads the
        clock once.
        """
        if self._status not in (Status.PLAYING, Status.WAITING):
            return self._position()
        pos = self._position()
        if self._gate_here(pos) is not None:
            if self._status is Status.PLAYING:
                self._anchor_pos = pos
                self._status = Status.WAITING
        elif self._status is Status.WAITING:
            self._anchor_clock = self._clock()
            self._status = Status.PLAYING
            pos = self._position()
        if self._status is Status.PLAYING and pos >= self.timeline.total:
            # The end came when the clock reached it, which may be before this read.
            over = max(0.0, self._anchor_pos + self._clock() - self._anchor_clock - pos)
            self._end_stretch(self._clock() - over)
            self._anchor_pos = self.timeline.total
            self._status = Status.FINISHED
            pos = self._position()
        return pos

    def _seek(self, pos: float, first_segment: int) -> None:
        self._anchor_pos = pos
        self._anchor_clock = self._clock()
        self._gate_cursor = bisect.bisect_left(self._gate_indices, first_segment)
        if self._status is Status.WAITING:
            self._status = Status.PLAYING
        if self._status is Status.FINISHED:
            self._status = Status.PAUSED
        self._settle()

    def _seek_step(self, index: int) -> None:
        span = self.timeline.steps[index]
        self._seek(span.start, span.first_segment)

    def _seek_end(self) -> None:
        self._seek(self.timeline.total, len(self.timeline.segments))
        if self._status in (Status.READY, Status.PAUSED, Status.PLAYING):
            self._anchor_pos = self.timeline.total
            self._status = Status.FINISHED
            self._end_stretch(self._clock())
