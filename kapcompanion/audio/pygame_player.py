"""The live player: pygame's mixer, driven by the session state and the timeline.

Only ``pygame.mixer`` is initialised, with an explicit rate, format, channel count and
buffer; what the device really gave is read back from ``get_init()``. Cues start when
an :meth:`update` sees that the session's position (computed from the monotonic clock)
has reached their timeline time, so audio and pacer share one clock and never drift.

While paused or waiting at an interactive step, cues and voice fade out over a few
milliseconds and pause; the ambient bed stays on, lowered to half its level (-6 dB), so
the quiet is calm rather than abrupt. Every change of level is a short ramp, never a jump.
"""

from __future__ import annotations

import bisect
import contextlib
import logging
import os
import time
from collections.abc import Callable

import numpy as np

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# SDL would take SIGINT and SIGTERM for itself when the mixer opens (turning them into
# quit events nobody reads, so a logout could not end the app): the app handles them.
os.environ.setdefault("SDL_NO_SIGNAL_HANDLERS", "1")
import pygame.mixer

from kapcompanion.audio.base import Player, Volumes
from kapcompanion.audio.envelope import AmbientEnvelope
from kapcompanion.audio.mixer_format import dtype_for, release_memory, to_mixer_bytes
from kapcompanion.audio.sounds import (
    Resolver,
    SoundBank,
    fit_channels,
    resample,
    resolve_sound,
    sounds_of,
    voice_clips_of,
)
from kapcompanion.core.session import SessionState, Status
from kapcompanion.core.timeline import (
    CHANNEL_BELL,
    CHANNEL_CUE,
    CHANNEL_SPEECH,
    CHANNEL_VOICE,
    Cue,
    Timeline,
)

log = logging.getLogger(__name__)

FREQUENCY = 44100
SIZE = -16  # signed 16-bit
CHANNELS = 2
BUFFER = 512  # frames: ~11.6 ms at 44.1 kHz, small enough for tight onsets

#: Mixer channels per kind of sound (several, so a ringing tail is never cut).
GROUPS: dict[str, tuple[int, ...]] = {
    CHANNEL_CUE: (0, 1, 2),
    CHANNEL_BELL: (3, 4, 5),
    CHANNEL_VOICE: (6, 7),
}
AMBIENT_CHANNEL = 8
N_CHANNELS = 9

#: A jump of the position this much beyond the clock means the session skipped.
JUMP_SECONDS = 0.25
#: A cue reached this late (a stalled app) is dropped rather than played out of step.
LATE_SECONDS = 1.0
PAUSE_RAMP = 0.08  # seconds for cues and voice to fade on pause/resume
AMBIENT_SLEW = 4.0  # most the bed's gain may move per second (smooths jumps)
PAUSED_BED = 0.5  # the bed's level while paused or waiting (-6 dB)
SEEK_FADE_MS = 60
END_FADE_MS = 1000
VOLUME_STEP = 1.0 / 256
#: Said once when the device goes away mid-practice (unplugged headphones, a lost server).
LOST_NOTICE = "The sound device went away — the practice carries on silently."
#: The synthetic voice's sample rate (audio/voice; not imported here to keep it light).
VOICE_RATE = 24000

Clock = Callable[[], float]


class PygamePlayer(Player):
    """Plays a timeline through pygame's mixer. Raises ``pygame.error`` if no device opens."""

    available = True
    notice = None

    def __init__(
        self,
        *,
        frequency: int = FREQUENCY,
        buffer: int = BUFFER,
        clock: Clock = time.monotonic,
        resolver: Resolver = resolve_sound,
    ) -> None:
        if pygame.mixer.get_init() is None:
            pygame.mixer.init(frequency=frequency, size=SIZE, channels=CHANNELS, buffer=buffer)
        got = pygame.mixer.get_init()
        if got is None:
            raise pygame.error("the mixer did not open")
        self.frequency, self.size, self.channels = int(got[0]), int(got[1]), int(got[2])
        log.info("mixer open: %d Hz, format %d, %d channels", *got)
        dtype_for(self.size)  # fail early on a format we cannot feed
        pygame.mixer.set_num_channels(max(N_CHANNELS, pygame.mixer.get_num_channels()))
        pygame.mixer.set_reserved(N_CHANNELS)
        self._groups = {k: [pygame.mixer.Channel(i) for i in v] for k, v in GROUPS.items()}
        self._started = {k: [0.0] * len(v) for k, v in GROUPS.items()}
        self._ambient_channel = pygame.mixer.Channel(AMBIENT_CHANNEL)
        self._index = {
            id(ch): i
            for k, chans in self._groups.items()
            for ch, i in zip(chans, GROUPS[k], strict=True)
        }
        self._index[id(self._ambient_channel)] = AMBIENT_CHANNEL
        self._clock = clock
        self.bank = SoundBank(self.frequency, self.channels, resolver, cache=False)
        self._mixer_sounds: dict[tuple[tuple[str, int, int], bool], pygame.mixer.Sound] = {}
        self.volumes = Volumes()
        self._set: dict[int, float] = {}
        #: The volume each group of channels was last given (a frame with the same volume
        #: has nothing to change and skips the group's channels).
        self._kind_set: dict[str, float] = {}
        self._reset(None)

    # -- Player ------------------------------------------------------------------

    def prepare(self, timeline: Timeline) -> list[str]:
        """Decode every sound the timeline uses into mixer sounds (before playing starts).

        Mixer sounds are kept for the next practice only if it uses them too; decoded
        float copies are dropped at once, to keep resident memory small.
        """
        if not self.available or pygame.mixer.get_init() is None:
            self._lose("the mixer is closed")
            self._reset(timeline)
            self._stopped = True
            return []
        try:
            return self._prepare(timeline)
        except pygame.error as exc:
            self._lose(str(exc))
            self._reset(timeline)
            self._stopped = True
            return []

    def _prepare(self, timeline: Timeline) -> list[str]:
        self.stop(fade_ms=SEEK_FADE_MS)
        warnings: list[str] = []
        kept: dict[tuple[tuple[str, int, int], bool], pygame.mixer.Sound] = {}
        sounds: dict[str, pygame.mixer.Sound] = {}
        for name in sounds_of(timeline):
            is_bed = name == timeline.ambient
            key = (self.bank.key(name), is_bed)
            snd = self._mixer_sounds.get(key)
            if snd is None:
                warnings += self.bank.load([name], voices=voice_clips_of(timeline))
                decoded = self.bank.loop(name) if is_bed else None
                if name in self.bank.sounds and not is_bed:
                    decoded = self.bank.sounds[name].samples
                self.bank.sounds = {}
                if decoded is None:
                    continue
                snd = pygame.mixer.Sound(buffer=to_mixer_bytes(decoded, self.size, consume=True))
                del decoded
            kept[key] = snd
            sounds[name] = snd
        self._mixer_sounds = kept
        release_memory()
        self._reset(timeline)
        self._ambient = sounds.pop(timeline.ambient, None) if timeline.ambient else None
        self._sounds = sounds
        self._speech = {}
        self._shape()
        return warnings

    def _shape(self) -> None:
        """The bed's envelope: ducked under recorded clips and spoken words alike."""
        timeline = self._timeline
        if timeline is None:
            return
        spans = [
            (c.time, c.time + self._sounds[c.sound].get_length())
            for c in timeline.cues
            if c.channel == CHANNEL_VOICE and c.sound in self._sounds
        ] + [
            (c.time, c.time + self._speech[c.sound].get_length())
            for c in timeline.cues
            if c.channel == CHANNEL_SPEECH and c.sound in self._speech
        ]
        self._envelope = AmbientEnvelope(timeline.total, timeline.ambient_volume, sorted(spans))

    # -- the synthetic voice -------------------------------------------------------

    def speech_data(self, clip: object) -> np.ndarray | None:
        """A 24 kHz mono clip resampled and converted to the mixer's format (any thread)."""
        if not self.available:
            return None
        x = np.asarray(clip, dtype=np.float32).reshape(-1, 1)
        out = fit_channels(resample(x, VOICE_RATE, self.frequency), self.channels)
        return to_mixer_bytes(out, self.size, consume=True)

    def add_speech(self, text: str, data: object) -> None:
        """Keep the clip of ``text`` for its speech cues (on the owner's thread)."""
        if data is None or not self.available or pygame.mixer.get_init() is None:
            return
        try:
            self._speech[text] = pygame.mixer.Sound(buffer=data)
        except pygame.error as exc:
            self._lose(str(exc))
            return
        self._shape()

    def retime(self, timeline: Timeline) -> None:
        """Follow a retimed timeline: cues up to the last position count as played."""
        if self._timeline is None:
            return
        self._timeline = timeline
        self._cues = timeline.cues
        self._times = [c.time for c in self._cues]
        pos = self._last_pos
        self._cursor = 0 if pos is None else bisect.bisect_right(self._times, pos)
        self._shape()

    def update(self, state: SessionState) -> None:
        """Follow the session: fire cues reached, steer the bed, react to the status.

        If the device has gone away (the mixer closed or failing), the player turns silent
        with :data:`LOST_NOTICE`; the session's timing is untouched.
        """
        if self._timeline is None or self._stopped:
            return
        if pygame.mixer.get_init() is None:
            self._lose("the mixer is closed")
            return
        try:
            self._update(state)
        except pygame.error as exc:
            self._lose(str(exc))

    def _lose(self, why: str) -> None:
        """The device is gone: play nothing more, say so once, never raise."""
        if not self.available:
            return
        log.warning("sound device lost (%s); carrying on silently", why)
        self.available = False
        self.notice = LOST_NOTICE
        self._stopped = True
        self._mixer_sounds = {}
        self._sounds = {}
        self._speech = {}
        self._ambient = None

    def _update(self, state: SessionState) -> None:
        now = self._clock()
        status, pos = state.status, state.position
        if status is Status.STOPPED:
            self.stop()
            return
        if status is Status.FINISHED:
            self._finish()
            return
        if status is Status.READY:
            return
        if self._last_pos is not None:
            ran = now - self._last_clock if self._last_status is Status.PLAYING else 0.0
            if pos < self._last_pos - 0.005 or pos > self._last_pos + ran + JUMP_SECONDS:
                self.seek(pos)
        self._finished = False
        dt = 0.0 if self._last_status is None else max(0.0, now - self._last_clock)
        self._last_pos, self._last_clock, self._last_status = pos, now, status
        playing = status is Status.PLAYING
        if playing or status is Status.WAITING:
            # At a question the clock stands still, but its words are said (the cue
            # sits on the gate), so voice keeps sounding while the rest pauses.
            self._unpause(playing)
            self._fire(pos, now)
        if playing and self._ambient is not None and not self._ambient_channel.get_busy():
            self._apply(self._ambient_channel, 0.0)
            self._ambient_channel.play(self._ambient, loops=-1)
        self._step_gains(playing, dt)
        self._apply_all(pos, dt)

    def seek(self, position: float) -> None:
        """Cut sounding cues and voice with a short fade; go on from ``position``."""
        if self.available and pygame.mixer.get_init() is not None:
            try:
                for chans in self._groups.values():
                    for ch in chans:
                        if ch.get_busy():
                            ch.fadeout(SEEK_FADE_MS)
            except pygame.error as exc:
                self._lose(str(exc))
        self._cursor = bisect.bisect_left(self._times, position)
        self._last_pos = position
        self._last_clock = self._clock()

    def set_volumes(self, volumes: Volumes) -> None:
        """Apply new volumes at once (the next update keeps them)."""
        self.volumes = volumes
        if self._timeline is not None and not self._stopped:
            try:
                self._apply_all(self._last_pos or 0.0, None)
            except pygame.error as exc:
                self._lose(str(exc))

    def stop(self, fade_ms: int = 800) -> None:
        """Fade every sound out over ``fade_ms`` and stop following the session."""
        if self.available and pygame.mixer.get_init() is not None:
            try:
                for chans in self._groups.values():
                    for ch in chans:
                        if ch.get_busy():
                            ch.fadeout(fade_ms)
                if self._ambient_channel.get_busy():
                    self._ambient_channel.fadeout(fade_ms)
            except pygame.error as exc:
                self._lose(str(exc))
        self._stopped = True

    def shutdown(self) -> None:
        """Release the device."""
        self._stopped = True
        if pygame.mixer.get_init() is not None:
            with contextlib.suppress(pygame.error):
                pygame.mixer.stop()
            pygame.mixer.quit()

    # -- reading (for tests and the terminal display) ----------------------------

    def busy(self, kind: str) -> bool:
        """Whether any channel of ``kind`` ("cue", "bell", "voice", "ambient") sounds."""
        if not self.available or pygame.mixer.get_init() is None:
            return False
        if kind == "ambient":
            return bool(self._ambient_channel.get_busy())
        return any(ch.get_busy() for ch in self._groups[kind])

    def level(self, kind: str) -> float:
        """The volume last set on the channels of ``kind`` (0..1)."""
        if kind == "ambient":
            return self._set.get(AMBIENT_CHANNEL, 0.0)
        return max(self._set.get(i, 0.0) for i in GROUPS[kind])

    @property
    def next_cue_time(self) -> float | None:
        """Timeline time of the next cue to fire (lets a loop sleep until then)."""
        return self._times[self._cursor] if self._cursor < len(self._times) else None

    @property
    def ramping(self) -> bool:
        """Whether a fade is in progress (the owner should update often)."""
        target = 1.0 if self._last_status is Status.PLAYING else 0.0
        voice = 1.0 if self._last_status in (Status.PLAYING, Status.WAITING) else 0.0
        pos = self._last_pos or 0.0
        return (
            abs(self._pause_gain - target) > 1e-3
            or abs(self._voice_gain - voice) > 1e-3
            or self._envelope.ducked(pos) != self._envelope.ducked(pos + 0.35)
        )

    # -- internals ---------------------------------------------------------------

    def _reset(self, timeline: Timeline | None) -> None:
        self._timeline = timeline
        self._cues: tuple[Cue, ...] = timeline.cues if timeline else ()
        self._times = [c.time for c in self._cues]
        self._cursor = 0
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        self._speech: dict[str, pygame.mixer.Sound] = {}
        self._ambient: pygame.mixer.Sound | None = None
        self._envelope = AmbientEnvelope(timeline.total if timeline else 0.0, 0.0)
        self._last_pos: float | None = None
        self._last_clock = 0.0
        self._last_status: Status | None = None
        self._pause_gain = 1.0
        self._paused = False
        self._voice_gain = 1.0
        self._voice_paused = False
        self._bed_gain = 0.0
        self._bed_status = 1.0
        self._stopped = timeline is None
        self._finished = False
        self._set = {}
        self._kind_set = {}

    def _fire(self, pos: float, now: float) -> None:
        times, cues = self._times, self._cues
        while self._cursor < len(times) and times[self._cursor] <= pos:
            cue = cues[self._cursor]
            self._cursor += 1
            spoken = cue.channel == CHANNEL_SPEECH
            snd = (self._speech if spoken else self._sounds).get(cue.sound)
            if snd is None:
                continue
            # A spoken cue's sound is its text, which may hold the client's own words:
            # it is never logged.
            what = "spoken words" if spoken else cue.sound
            if pos - cue.time > LATE_SECONDS:
                log.info("cue %s at %.2fs reached %.2fs late; skipped", what, cue.time, pos)
                continue
            if spoken:
                kind = CHANNEL_VOICE
            else:
                kind = cue.channel if cue.channel in self._groups else CHANNEL_CUE
            self._play(kind, snd, now)
            log.debug("cue %s at %.3fs played at %.3fs", what, cue.time, pos)

    def _play(self, kind: str, snd: pygame.mixer.Sound, now: float) -> None:
        chans, started = self._groups[kind], self._started[kind]
        free = [i for i, ch in enumerate(chans) if not ch.get_busy()]
        i = free[0] if free else min(range(len(chans)), key=started.__getitem__)
        started[i] = now
        ch = chans[i]
        self._apply(ch, self._channel_volume(kind))
        ch.play(snd)

    def _finish(self) -> None:
        if self._finished:
            return
        self._finished = True
        for chans in self._groups.values():
            for ch in chans:
                if ch.get_busy():
                    ch.fadeout(END_FADE_MS)
        if self._ambient_channel.get_busy():
            self._ambient_channel.fadeout(300)

    def _unpause(self, playing: bool) -> None:
        if self._voice_paused:
            self._voice_paused = False
            for ch in self._groups[CHANNEL_VOICE]:
                ch.unpause()
        if self._paused and playing:
            self._paused = False
            for kind, chans in self._groups.items():
                if kind != CHANNEL_VOICE:
                    for ch in chans:
                        ch.unpause()

    def _step_gains(self, playing: bool, dt: float) -> None:
        speaking = playing or self._last_status is Status.WAITING
        if speaking:
            self._voice_gain = min(1.0, self._voice_gain + dt / PAUSE_RAMP)
        else:
            self._voice_gain = max(0.0, self._voice_gain - dt / PAUSE_RAMP)
            if self._voice_gain <= 0.0 and not self._voice_paused:
                self._voice_paused = True
                for ch in self._groups[CHANNEL_VOICE]:
                    ch.pause()
        if playing:
            self._pause_gain = min(1.0, self._pause_gain + dt / PAUSE_RAMP)
            self._bed_status = min(1.0, self._bed_status + dt / 0.4)
        else:
            self._pause_gain = max(0.0, self._pause_gain - dt / PAUSE_RAMP)
            self._bed_status = max(PAUSED_BED, self._bed_status - dt / 0.4)
            if self._pause_gain <= 0.0 and not self._paused:
                self._paused = True
                for kind, chans in self._groups.items():
                    if kind != CHANNEL_VOICE:
                        for ch in chans:
                            ch.pause()

    def _channel_volume(self, kind: str) -> float:
        v = self.volumes
        if v.muted:
            return 0.0
        if kind == CHANNEL_VOICE:
            return v.master * v.voice * self._voice_gain
        return v.master * v.cue * self._pause_gain

    def _apply_all(self, pos: float, dt: float | None) -> None:
        """Set every channel's volume; ``dt=None`` sets the bed at once (no slew)."""
        for kind, chans in self._groups.items():
            vol = self._channel_volume(kind)
            if self._kind_set.get(kind) == vol:
                continue
            self._kind_set[kind] = vol
            for ch in chans:
                self._apply(ch, vol)
        v = self.volumes
        target = 0.0 if v.muted else v.master * v.ambient * self._envelope.at(pos)
        target *= self._bed_status
        if dt is None:
            self._bed_gain = target
        else:
            limit = AMBIENT_SLEW * dt
            self._bed_gain += max(-limit, min(limit, target - self._bed_gain))
        self._apply(self._ambient_channel, self._bed_gain)

    def _apply(self, ch: pygame.mixer.Channel, vol: float) -> None:
        key = self._index[id(ch)]
        old = self._set.get(key, -1.0)
        if abs(old - vol) >= VOLUME_STEP or (vol == 0.0 and old != 0.0):
            ch.set_volume(vol)
            self._set[key] = vol
