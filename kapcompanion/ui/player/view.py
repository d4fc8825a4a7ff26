"""The player: a low-stimulation, full-window view that plays one practice.

Every frame reads the session state once from the injected clock and draws from it;
nothing is stepped by timer ticks, so the pacer, the text and the sound always agree.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kapcompanion.audio.base import Player
from kapcompanion.core.model import BREATH_PHASES, Phase, Practice
from kapcompanion.core.session import Clock, Session, SessionState, Status
from kapcompanion.core.text import fill
from kapcompanion.core.timeline import Timeline
from kapcompanion.settings import ChannelVolumes, Settings
from kapcompanion.ui.notices import sound_notice
from kapcompanion.ui.player.end_view import SessionResult
from kapcompanion.ui.player.endings import PlayerEndings
from kapcompanion.ui.player.frame_clock import CueWake, FrameClock
from kapcompanion.ui.player.gates import Gate
from kapcompanion.ui.player.layout import STAGE_GATE, STAGE_READY, STAGE_RUN, PlayerLayout
from kapcompanion.ui.player.questions import PlayerQuestions
from kapcompanion.ui.player.sound_choices import volumes_of
from kapcompanion.ui.player.stop_rules import StopRules, needs_rules
from kapcompanion.ui.player.voicing import PlayerVoicing
from kapcompanion.ui.theme import system_prefers_reduced_motion

log = logging.getLogger(__name__)

Recall = Callable[[Sequence[str]], Mapping[str, object]]

FPS = 60  # frames a second, on an even beat (ui/player/frame_clock.py)
FRAME_MS = 1000 / FPS
#: While paused or waiting at a question nothing moves: after STILL_AFTER seconds the
#: frames slow to IDLE_FPS (the sound's own fades have finished by then), and any change
#: (continue, an answer, skip) brings back the full rate on that same frame.
IDLE_FPS = 4
STILL_AFTER = 1.0
AUDIO_MS = 8  # a cue closer than a frame plus this gets its own exact wake


class PlayerView(QWidget):
    """Plays one practice at a time: rules, get ready, steps and gates, then the end.

    It is made of its :class:`PlayerLayout` (the widgets and keys, which say what was
    pressed), its :class:`PlayerQuestions` (the gates on the way) and its
    :class:`PlayerEndings` (stopping, grounding, the end screen); those two are given the
    view as their :class:`~kapcompanion.ui.player.host.PlayerHost`.
    """

    closed = Signal()
    finished = Signal(object)  # SessionResult
    answered = Signal(str, int, object, object)  # practice id, step, save_as, answer
    settings_changed = Signal(object)  # Settings

    def __init__(
        self,
        settings: Settings,
        player_provider: Callable[[], Player],
        clock: Clock = time.monotonic,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.clock = clock
        self._provider = player_provider
        self.player: Player | None = None
        self.session: Session | None = None
        self.practice: Practice | None = None
        self.grounding = False
        self.ready_until: float | None = None
        self.rules: StopRules | None = None
        self._forget_shown()
        self._still_since: float | None = None  # when the session last stopped moving
        #: Reads earlier answers saved by other practices (the journal provides it).
        self.recall: Recall | None = None
        self._recalled: dict[str, object] = {}
        self.voicing = PlayerVoicing(self._retimed, self._follow_notice, self)
        self.voice_link, self.speaker = self.voicing.link, self.voicing.speaker  # app sets folder
        self.parts = PlayerLayout(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.parts)
        self._hold_parts(self.parts)
        self.endings = PlayerEndings(self, self.parts, self)
        self.endings.finished.connect(self.finished)
        self.endings.finished.connect(lambda _r: self.voicing.close())  # private words go
        self.questions = PlayerQuestions(self, self.parts, self)
        self.questions.answered.connect(self.answered)
        self.questions.answered.connect(lambda *_: self.voicing.answered(self.values()))
        self._connect(self.parts)
        # An even beat of 60 frames a second; a cue between two frames gets its own wake.
        self.frames = FrameClock(FPS, self)
        self.frames.frame.connect(self.tick)
        self.cue_timer = CueWake(FRAME_MS + AUDIO_MS, self)
        self.cue_timer.timeout.connect(self._cue_wake)
        self.apply_settings(settings)

    # -- building ----------------------------------------------------------------

    def _hold_parts(self, parts: PlayerLayout) -> None:
        """Keep at hand the widgets the view drives (the tests reach them here too)."""
        self.pages, self.stage = parts.pages, parts.stage
        self.rules_holder, self.run_page = parts.rules_holder, parts.run_page
        self.offer = parts.offer
        self.end_view = parts.end_view
        self.title, self.notice = parts.title, parts.notice
        self.pacer, self.guidance, self.steps = parts.pacer, parts.guidance, parts.steps
        self.progress = parts.progress
        self.ready_label, self.begin_now = parts.ready_label, parts.begin_now
        self.back_button, self.play_button = parts.back_button, parts.play_button
        self.skip_button, self.mute_button = parts.skip_button, parts.mute_button
        self.quieter, self.louder = parts.quieter, parts.louder
        self.volume_label, self.need_stop = parts.volume_label, parts.need_stop
        self.confirm, self.confirm_text = parts.confirm, parts.confirm_text
        self.keep_going, self.confirm_stop = parts.keep_going, parts.confirm_stop
        self.end_here, self.ground = parts.end_here, parts.ground

    def _connect(self, parts: PlayerLayout) -> None:
        parts.begin_requested.connect(self._begin_session)
        parts.toggle_requested.connect(self.toggle)
        parts.back_requested.connect(self.back)
        parts.stop_requested.connect(self.request_stop)
        parts.skip_requested.connect(self.skip)
        parts.mute_requested.connect(self.toggle_mute)
        parts.volume_requested.connect(self.change_volume)
        parts.end_view.library_requested.connect(self.closed)

    def warm_voice(self) -> None:
        """Load the voice in the background now (a practice was chosen), so Play speaks at once."""
        self.voice_link.service(self.settings)

    def set_keys(self, on: bool) -> None:
        """Single-key shortcuts work only while the practice runs (not while typing)."""
        self.parts.set_keys(on)

    # -- settings ----------------------------------------------------------------

    def apply_settings(self, settings: Settings) -> None:
        """Use new settings (volumes at once; motion and voice from the next frame)."""
        self.settings = self.voice_link.settings = settings
        reduced = settings.reduced_motion or system_prefers_reduced_motion()
        self.pacer.reduced_motion = reduced
        self.guidance.reduced_motion = reduced
        if self.player is not None:
            self.player.set_volumes(volumes_of(settings))
        muted = settings.muted
        self.mute_button.setText(self.tr("Unmute") if muted else self.tr("Mute"))
        self.mute_button.setAccessibleName(self.mute_button.text())
        level = round(settings.volumes.master * 10)
        self.volume_label.setText(self.tr("Volume {n}").format(n=level))
        self.volume_label.setAccessibleName(self.volume_label.text())
        self.pacer.update()

    def _change_settings(self, settings: Settings) -> None:
        self.apply_settings(settings)
        self.settings_changed.emit(settings)

    def toggle_mute(self) -> None:
        """Mute or unmute everything."""
        self._change_settings(replace(self.settings, muted=not self.settings.muted))

    def change_volume(self, delta: float) -> None:
        """Raise or lower the overall volume by ``delta`` (0..1)."""
        v = self.settings.volumes
        master = round(min(1.0, max(0.0, v.master + delta)), 2)
        volumes = ChannelVolumes(master, v.voice, v.cue, v.ambient)
        self._change_settings(replace(self.settings, volumes=volumes, muted=False))

    # -- starting ----------------------------------------------------------------

    def start(self, practice: Practice, *, grounding: bool = False, start_step: int = 0) -> None:
        """Begin ``practice``: stop rules when due, get ready, play (from ``start_step``)."""
        self.halt()
        self.practice = practice
        self.grounding = grounding
        self._recalled = {}
        if self.recall is not None and practice.uses:
            try:
                self._recalled = dict(self.recall(practice.uses))
            except Exception:  # the practice reads well without earlier answers
                log.exception("cannot recall %s for %s", practice.uses, practice.id)
        if self.player is None:
            self.player = self._provider()
        self.player.set_volumes(volumes_of(self.settings))
        self.notice.setText("")
        timeline = self.voicing.open(
            practice, self.settings, self.player, dict(self._recalled), max(0, start_step)
        )
        self._new_session(timeline)
        try:
            warnings = self.player.prepare(timeline)
        except Exception as exc:  # the practice still plays without sound
            log.warning("audio could not prepare %s: %s", practice.id, exc)
            warnings = [self.tr("Some sounds could not be loaded; the practice plays on.")]
        for w in warnings:
            log.warning("%s: %s", practice.id, w)
        notes = [sound_notice(self.player.notice)] if self.player.notice else []
        if warnings:
            notes.append(self.tr("A few sounds couldn't be loaded; the practice plays on."))
        notes += [self.notice.text()] if self.notice.text() else []
        self.notice.setText("  ".join(notes))
        self.notice.setToolTip("\n".join(warnings))
        self.notice.setAccessibleDescription("\n".join(warnings))
        self.notice.setVisible(bool(notes))
        self.title.setText(practice.title)
        self._list_steps(timeline)
        self.guidance.show_text("")
        self.confirm.hide()
        if self.session is not None:
            self.voicing.attach(self.session)
        if not grounding and needs_rules(practice, self.settings.rules_dismissed):
            self._show_rules(practice)
        else:
            self._get_ready()

    def _show_rules(self, practice: Practice) -> None:
        rules = StopRules(practice)
        rules.accepted.connect(self._rules_accepted)
        rules.declined.connect(self.leave)
        self.parts.show_rules(rules)
        self.rules = rules
        rules.begin.setFocus(Qt.FocusReason.OtherFocusReason)

    def _rules_accepted(self, dont_show: bool) -> None:
        if dont_show and self.practice is not None:
            ids = (*self.settings.rules_dismissed, self.practice.id)
            self._change_settings(replace(self.settings, rules_dismissed=ids))
        self._get_ready()

    def _get_ready(self) -> None:
        self.pages.setCurrentWidget(self.run_page)
        seconds = 0 if self.grounding else self.settings.get_ready_seconds
        if seconds <= 0:
            self._begin_session()
            return
        self.ready_until = self.clock() + seconds
        self.stage.setCurrentIndex(STAGE_READY)
        self.set_keys(True)
        self.begin_now.setFocus(Qt.FocusReason.OtherFocusReason)
        self.frames.start()
        self.tick()

    def _new_session(self, timeline: Timeline) -> None:
        """A session of ``timeline`` that starts at the chosen step (not yet playing)."""
        self.session = Session(timeline, clock=self.clock)
        target = min(self.voicing.start_step, len(timeline.steps) - 1)
        for _ in range(target):  # before play: moves the start; earlier gates are passed
            if self.session.current_step >= target:
                break
            self.session.skip()

    def _retimed(self, timeline: Timeline) -> None:
        """The voice's lengths retimed the practice (before play: a fresh session)."""
        if self.session is not None and self.session.status is Status.READY:
            self._new_session(timeline)
            self.voicing.attach(self.session)
            if self.player is not None:
                self.player.retime(timeline)
        self._list_steps(timeline)

    def _list_steps(self, timeline: Timeline) -> None:
        """List the steps afresh; before play, the new practice unstarted (its own length)."""
        self.steps.show_timeline(timeline)
        self._forget_shown()
        if self.session is not None and self.session.status is Status.READY:
            self.parts.show_unstarted(self.session, self.values())

    def _begin_session(self) -> None:
        self.ready_until = None
        if self.session is None:
            return
        if self.voicing.hold(self.clock()):  # a moment more for the first words
            self.ready_until = self.clock() + 0.1
            self.frames.start()
            return
        self.stage.setCurrentIndex(STAGE_RUN)
        self.session.play()
        if self.session.position > 0 and self.player is not None:
            self.player.seek(self.session.position)
        self.set_keys(True)
        self.play_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.frames.start()
        self.tick()

    def values(self) -> dict[str, object]:
        """Answers that fill ``{name}`` placeholders: recalled ones, then this session's."""
        own = self.session.values if self.session is not None else {}
        return {**self._recalled, **own}

    # -- every frame -------------------------------------------------------------

    def tick(self) -> None:
        """Draw one frame from the clock."""
        if self.ready_until is not None:
            left = self.ready_until - self.clock()
            if left > 0:
                n = str(math.ceil(left))
                if self.ready_label.text() != n:
                    self.ready_label.setText(n)
                    self.ready_label.setAccessibleName(self.tr("Starting in {n}").format(n=n))
                return
            self._begin_session()
            return
        if self.session is None:
            return
        state = self.session.state()
        if self.player is not None:
            self.player.update(state)
            self._follow_notice(self.player.notice)
            self._aim_cue(state)
        self.show_state(state)

    def _aim_cue(self, state: SessionState) -> None:
        """Wake at the next cue's exact time when it falls before the next frame."""
        if state.status is not Status.PLAYING or self.player is None or not self.player.available:
            return
        self.cue_timer.aim(state.position, getattr(self.player, "next_cue_time", None))

    def _cue_wake(self) -> None:
        if self.session is not None and self.player is not None and self.running:
            state = self.session.state()
            self.player.update(state)
            self._aim_cue(state)

    def _follow_notice(self, notice: str | None) -> None:
        """Show a notice the player raised mid-practice (the device went away), once."""
        if notice and (notice := sound_notice(notice)) not in self.notice.text():
            self.notice.setText("  ".join(filter(None, [notice, self.notice.text()])))
            self.notice.show()

    def _forget_shown(self) -> None:
        """Make the next frame work out the guidance and the step marks afresh."""
        self._last_segment = -1
        self._frame_keys: tuple[object, object] = (None, None)  # (marks, guidance) shown
        self._shown_status: Status | None = None  # the play button's, the "Paused" line's

    def show_state(self, state: SessionState) -> None:
        """Show ``state``: pacer, guidance, progress, steps, gates, end."""
        if state.status is Status.FINISHED:
            self.endings.finish(completed=True)
            return
        self._pace_frames(state.status)
        if state.status is not self._shown_status:
            self._shown_status = state.status
            playing = state.status is Status.PLAYING
            self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))
            self.play_button.setAccessibleName(self.tr("Pause") if playing else self.tr("Play"))
            self.play_button.setEnabled(state.status is not Status.WAITING)
            self.parts.set_paused(state.status is Status.PAUSED)
        # Steps and guidance change only with the step, segment, phase or a new answer, so
        # they are worked out then, not on every frame.
        answers = len(self.session.values) if self.session is not None else 0
        seg = state.segment
        marks, guide = self._frame_keys
        if marks != (state.step, answers):
            self.steps.mark(state.step, self.values())
        self.progress.show_times(state.elapsed, state.remaining, state.progress)
        if state.status is Status.WAITING and seg is not None:
            self._frame_keys = ((state.step, answers), None)
            self.questions.show(state)
            return
        if self.stage.currentIndex() == STAGE_GATE:
            self.questions.close()
        self.pacer.set_state(state)
        key = (seg.index if seg is not None else None, state.phase, answers)
        self._frame_keys = ((state.step, answers), key)
        if key == guide:
            return
        values = self.values()
        text = ""
        if seg is not None and state.phase not in BREATH_PHASES:
            text = fill(seg.text, values)
        elif seg is not None and seg.cycle == 1 and seg.part <= 1 and state.phase is Phase.INHALE:
            text = self.tr("Breathe gently, not deeply.")
        elif seg is not None and state.phase in BREATH_PHASES:
            text = self.guidance.text() if self._last_segment == seg.index else ""
        self.guidance.show_text(text)
        if seg is not None and seg.index != self._last_segment:
            self._last_segment = seg.index
            if self.session is not None and not self.settings.muted:
                v = self.settings.volumes.master * self.settings.volumes.voice
                self.voicing.read_aloud(self.session, seg.index, text, state.phase, v)

    def _pace_frames(self, status: Status) -> None:
        """Full frame rate while the session moves; a calm idle rate once it has stood still."""
        if status is Status.PLAYING:
            self._still_since = None
            self.frames.set_fps(FPS)
            return
        now = self.clock()
        if self._still_since is None:
            self._still_since = now
        elif now - self._still_since >= STILL_AFTER:
            self.frames.set_fps(IDLE_FPS)

    # -- controls ----------------------------------------------------------------

    def toggle(self) -> None:
        """Pause or continue (Space)."""
        if self.ready_until is not None:
            self._begin_session()
            return
        if self.session is None or self.session.waiting_gate is not None:
            return
        self.session.toggle()
        self.tick()

    def skip(self) -> None:
        """Go to the next step (→)."""
        if self.session is None or self.ready_until is not None:
            return
        self.session.skip()
        self._after_seek()

    def back(self) -> None:
        """Restart this step or go back one (←)."""
        if self.session is None or self.ready_until is not None:
            return
        self.session.back()
        self._after_seek()

    def _after_seek(self) -> None:
        if self.session is not None and self.player is not None:
            self.player.seek(self.session.position)
        self._forget_shown()
        self.tick()

    def halt(self, keep_session: bool = False) -> None:
        """Stop the frames, the cue wake, speech and any question (and forget the session)."""
        self.frames.stop()
        self.frames.set_fps(FPS)
        self._still_since = None
        self.cue_timer.stop()
        self.ready_until = None
        self.set_keys(False)
        self.voicing.speaker.stop()
        self.questions.close()
        if not keep_session:
            self.session = None

    def leave(self) -> None:
        """Stop everything quietly and go back to the library."""
        if self.session is not None and not self.session.done:
            self.session.stop()
        if self.player is not None:
            self.player.stop()
        self.halt()
        self.voicing.close()
        self.closed.emit()

    def shutdown(self) -> None:
        """Release the sound device."""
        self.halt()
        self.voicing.close()
        self.voice_link.close()
        if self.player is not None:
            self.player.shutdown()
            self.player = None

    # -- endings (see :class:`PlayerEndings`) ---------------------------------------

    def request_stop(self, *, ask: bool = False) -> None:
        """Esc: stop, asking first when more than 30 seconds in (always, with ``ask``)."""
        self.endings.request_stop(ask=ask)

    def stop_now(self) -> None:
        """End the practice now."""
        self.endings.stop_now()

    def need_to_stop(self) -> None:
        """Fade the sound out gently and offer a minute of grounding."""
        self.endings.need_to_stop()

    def start_grounding(self) -> None:
        """Play the one-minute grounding."""
        self.endings.start_grounding()

    def result(self) -> SessionResult | None:
        """What the current session came to."""
        return self.endings.result()

    @property
    def gate(self) -> Gate | None:
        """The question shown now, if any."""
        return self.questions.gate

    @property
    def running(self) -> bool:
        """Whether a practice is under way (not at the rules or end screen)."""
        s = self.session
        return s is not None and not s.done and self.pages.currentWidget() is self.run_page
