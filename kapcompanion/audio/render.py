"""Mix a whole practice offline into one audio file (.wav, .flac, .ogg, .mp3).

The mix comes from the same timeline as live play (compiled with 5-second gates, each
marked by a soft bell), the same decoded sounds (:class:`~kapcompanion.audio.sounds.SoundBank`)
and the same ambient envelope (fade in, duck under voice, fade out). It is made in blocks
of a few seconds, so memory stays small however long the practice, and written with
libsndfile through ``soundfile``. Every cue starts on the sample nearest its timeline time.

English practices are spoken: every text :func:`~kapcompanion.core.spoken.spoken_items`
lists is synthesised first (through the voice layer and its disk cache), the timeline is
compiled with the clips' lengths, and the clips are mixed at their speech cues with the
bed ducked under them, as in live play. Other languages, or a voice that cannot be used,
give a file without spoken guidance and a note saying so.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile as sf

from kapcompanion.audio.base import Volumes
from kapcompanion.audio.envelope import AmbientEnvelope
from kapcompanion.audio.loudness import TARGETS, Limiter, StreamMeter, plan
from kapcompanion.audio.sounds import (
    RATE,
    Resolver,
    SoundBank,
    fit_channels,
    resample,
    resolve_sound,
    sounds_of,
    voice_clips_of,
)
from kapcompanion.audio.voice import SAMPLE_RATE as VOICE_RATE
from kapcompanion.audio.voice import VoiceCache, VoiceEngine, VoiceService, VoiceUnavailable
from kapcompanion.core.model import Practice
from kapcompanion.core.spoken import is_english, spoken_items
from kapcompanion.core.timeline import (
    CHANNEL_SPEECH,
    CHANNEL_VOICE,
    Timeline,
    compile_practice,
)

log = logging.getLogger(__name__)

#: Seconds each interactive step lasts in a rendered file (a short silence with a bell).
GATE_SECONDS = 5.0
#: Seconds after the last step during which sounding cues fade out (as live, on finish).
TAIL = 1.0
BLOCK_SECONDS = 10.0
#: The share of the progress bar the measuring pass takes (it mixes without writing).
MEASURE_SHARE = 0.4
#: The balance of a rendered file: the live defaults, with the master at full.
RENDER_VOLUMES = Volumes(master=1.0, voice=1.0, cue=0.7, ambient=0.5)

FORMATS: dict[str, tuple[str, str]] = {
    ".wav": ("WAV", "PCM_16"),
    ".flac": ("FLAC", "PCM_16"),
    ".ogg": ("OGG", "VORBIS"),
    ".mp3": ("MP3", "MPEG_LAYER_III"),
}

Progress = Callable[[float], None]
#: Called as texts are synthesised: (texts done, texts in all).
SpeechProgress = Callable[[int, int], None]
NOT_ENGLISH = (
    "This practice is not in English and the spoken voice speaks English only, so the "
    "file has its bells and sounds but no spoken guidance."
)


class RenderError(Exception):
    """A render the person asked for cannot be made; the message says why, plainly."""


def _check_target(out: Path) -> tuple[str, str]:
    if out.is_dir():
        raise RenderError(
            f"{out} is a folder. Please give a file name, such as {out / 'practice.wav'}."
        )
    ext = out.suffix.lower()
    if ext not in FORMATS:
        kinds = ", ".join(FORMATS)
        raise RenderError(
            f"Can't render to “{out.name}”: the file name should end in one of {kinds}."
        )
    fmt, subtype = FORMATS[ext]
    if fmt not in sf.available_formats() or not sf.check_format(fmt, subtype):
        others = ", ".join(k for k, (f, s) in FORMATS.items() if sf.check_format(f, s))
        raise RenderError(
            f"This computer's audio library can't write {ext} files. Try one of {others}."
        )
    if out.parent.exists() and not out.parent.is_dir():
        raise RenderError(f"{out.parent} is a file, not a folder. Please choose another place.")
    if not out.parent.is_dir():
        raise RenderError(
            f"The folder {out.parent} doesn't exist. Please create it first, or choose another."
        )
    if not os.access(out.parent, os.W_OK):
        raise RenderError(
            f"Can't write into {out.parent} (no permission). Try a folder of your own, "
            "such as your home folder."
        )
    return fmt, subtype


class Mixer:
    """Mixes a timeline block by block from decoded sounds (no device involved)."""

    def __init__(
        self,
        timeline: Timeline,
        bank: SoundBank,
        volumes: Volumes = RENDER_VOLUMES,
        speech: dict[str, np.ndarray] | None = None,
    ) -> None:
        self.timeline = timeline
        self.rate = bank.rate
        self.channels = bank.channels
        self.frames = round((timeline.total + TAIL) * self.rate)
        self.end = round(timeline.total * self.rate)
        v = volumes
        master = 0.0 if v.muted else v.master
        said = speech or {}
        cues = [
            c
            for c in timeline.cues
            if (c.sound in said if c.channel == CHANNEL_SPEECH else c.sound in bank.sounds)
        ]
        self.cue_samples = [
            said[c.sound] if c.channel == CHANNEL_SPEECH else bank.sounds[c.sound].samples
            for c in cues
        ]
        spans = bank.voice_spans(timeline) + [
            (c.time, c.time + len(said[c.sound]) / self.rate)
            for c in cues
            if c.channel == CHANNEL_SPEECH
        ]
        self.envelope = AmbientEnvelope(
            timeline.total, timeline.ambient_volume * master * v.ambient, spans
        )
        self.loop = bank.loop(timeline.ambient) if timeline.ambient else None
        voiced = (CHANNEL_VOICE, CHANNEL_SPEECH)
        self.cue_gain = [master * (v.voice if c.channel in voiced else v.cue) for c in cues]
        self.starts = np.array([round(c.time * self.rate) for c in cues], dtype=np.int64)
        self.ends = self.starts + np.array([len(s) for s in self.cue_samples], dtype=np.int64)

    def block(self, b0: int, b1: int, *, clip: bool = True) -> np.ndarray:
        """The mixed frames ``b0 <= i < b1`` as float32 ``(frames, channels)``, clipped."""
        n = b1 - b0
        buf = np.zeros((n, self.channels), dtype=np.float32)
        if self.loop is not None and self.envelope.volume > 0:
            self._ambient(buf, b0)
        for k in np.nonzero((self.starts < b1) & (self.ends > b0))[0]:
            s = int(self.starts[k])
            src = self.cue_samples[k]
            lo, hi = max(b0, s), min(b1, s + len(src))
            buf[lo - b0 : hi - b0] += src[lo - s : hi - s] * self.cue_gain[k]
        if b1 > self.end:  # the tail: whatever still sounds fades out, as live on finish
            lo = max(b0, self.end)
            ramp = 1.0 - (np.arange(lo, b1, dtype=np.float32) - self.end) / max(
                self.frames - self.end, 1
            )
            buf[lo - b0 :] *= np.clip(ramp, 0.0, 1.0)[:, None]
        if clip:
            np.clip(buf, -1.0, 1.0, out=buf)
        return buf

    def _ambient(self, buf: np.ndarray, b0: int) -> None:
        loop = self.loop
        assert loop is not None
        n, m = len(buf), len(loop)
        pos, filled = b0 % m, 0
        while filled < n:
            take = min(m - pos, n - filled)
            buf[filled : filled + take] = loop[pos : pos + take]
            filled += take
            pos = 0
        self.envelope.apply(buf, b0 / self.rate, self.rate)


def to_pcm16(x: np.ndarray) -> np.ndarray:
    """Clipped float samples to 16-bit integers, rounded to nearest."""
    return np.rint(x * 32767.0).astype(np.int16)


def synthesise(
    practice: Practice,
    voice: VoiceService,
    *,
    values: Mapping[str, object] | None = None,
    progress: SpeechProgress | None = None,
    notes: list[str] | None = None,
    spoken_cues: bool | None = None,
) -> dict[str, np.ndarray]:
    """Say every text of ``practice`` (first needed first); clips by text, at 24 kHz.

    Texts that fail are left out (the timeline then has no speech cue for them) and
    noted once; a voice that cannot be used at all gives an empty result and one note.
    """
    items = spoken_items(practice, values, spoken_cues=spoken_cues)
    voice.request(items)
    clips: dict[str, np.ndarray] = {}
    failed = 0
    if progress is not None:
        progress(0, len(items))
    for n, item in enumerate(items, start=1):
        try:
            clips[item.text] = voice.future(item).result()
        except VoiceUnavailable as exc:
            if exc.whole_voice:
                if notes is not None:
                    notes.append(f"{exc} The file has no spoken guidance.")
                return {}
            failed += 1
        if progress is not None:
            progress(n, len(items))
    if failed and notes is not None:
        some = "One passage" if failed == 1 else f"{failed} passages"
        notes.append(f"{some} could not be spoken; the rest of the file is spoken as usual.")
    return clips


def render_practice(
    practice: Practice,
    out: Path,
    *,
    progress: Progress | None = None,
    resolver: Resolver = resolve_sound,
    warnings: list[str] | None = None,
    speak: bool = True,
    voice: VoiceService | None = None,
    voice_cache: Path | None = None,
    values: Mapping[str, object] | None = None,
    speech_progress: SpeechProgress | None = None,
    spoken_cues: bool | None = None,
    loudness: str = "phone",
    summary: RenderSummary | None = None,
) -> Path:
    """Mix ``practice`` into the audio file ``out`` (format from its extension).

    Args:
        practice: the practice to render.
        out: .wav, .flac, .ogg or .mp3 file to write (replaced if it exists).
        progress: called with 0..1 as blocks are written.
        resolver: maps sound names to files (the bundled sounds by default).
        warnings: if given, receives a plain message per sound that could not be read,
            and a note when the file has no (or not all of its) spoken guidance.
        speak: say the practice's texts with the synthetic voice (English only).
        voice: the synthesis service to use; by default one is made for this render
            with the default voice and ``voice_cache``.
        voice_cache: the folder of the voice's disk cache (``DataFolders.cache /
            "voice"``); None keeps the clips in memory only.
        values: saved answers for placeholders (their clips never touch the disk).
        speech_progress: called with (texts done, texts in all) while synthesising.
        spoken_cues: name breath phases in words (``None``: as the practice says).
        loudness: the target: ``"phone"`` (−16 LUFS) or ``"broadcast"`` (−23 LUFS); true
            peaks stay at or below −1 dBTP either way.
        summary: if given, receives the length, gates, loudness and peak of the file.

    Returns:
        The path written.

    Raises:
        RenderError: unknown extension, missing folder, no permission, disk full...
    """
    out = Path(out).expanduser()
    fmt, subtype = _check_target(out)
    if loudness not in TARGETS:
        raise RenderError(f"Loudness “{loudness}” is not known; use {' or '.join(TARGETS)}.")
    notes: list[str] = []
    clips: dict[str, np.ndarray] = {}
    if speak and not is_english(practice.language):
        if spoken_items(practice, values):
            notes.append(NOT_ENGLISH)
    elif speak:
        own = voice is None
        service = voice or VoiceService(
            VoiceEngine(), VoiceCache(voice_cache) if voice_cache else None
        )
        try:
            clips = synthesise(
                practice,
                service,
                values=values,
                progress=speech_progress,
                notes=notes,
                spoken_cues=spoken_cues,
            )
        finally:
            if own:
                service.close()
    lengths = {text: len(c) / VOICE_RATE for text, c in clips.items()}
    timeline = compile_practice(
        practice,
        gate_seconds=GATE_SECONDS,
        voice_lengths=lengths if speak and clips else None,
        values=values,
        spoken_cues=spoken_cues,
    )
    bank = SoundBank(RATE, 2, resolver)
    problems = bank.load(sounds_of(timeline), voices=voice_clips_of(timeline))
    if warnings is not None:
        warnings.extend(problems + notes)
    speech = {
        text: fit_channels(resample(c[:, None], VOICE_RATE, RATE), 2) for text, c in clips.items()
    }
    mixer = Mixer(timeline, bank, speech=speech)
    part = out.with_name(f".{out.name}.part")
    block = round(BLOCK_SECONDS * mixer.rate)
    first = measure(mixer, block, progress)
    how = plan(first, TARGETS[loudness], lossy=fmt in ("OGG", "MP3"))
    limiter = Limiter(mixer.rate, how.ceiling) if how.limit else None
    written = StreamMeter(mixer.rate, mixer.channels)
    try:
        with sf.SoundFile(
            str(part), "w", samplerate=mixer.rate, channels=mixer.channels, format=fmt,
            subtype=subtype,
        ) as f:  # fmt: skip
            for b0 in range(0, mixer.frames, block):
                mixed = levelled(mixer, b0, min(b0 + block, mixer.frames), how.gain, limiter)
                written.feed(mixed)
                # 16-bit PCM: numpy converts (rounded, already clipped) faster than libsndfile
                f.write(to_pcm16(mixed) if subtype == "PCM_16" else mixed)
                if progress is not None:
                    progress(
                        MEASURE_SHARE + (1 - MEASURE_SHARE) * min(1.0, (b0 + block) / mixer.frames)
                    )
        os.replace(part, out)
    except (sf.LibsndfileError, OSError, RuntimeError) as exc:
        raise RenderError(f"Couldn't write {out} ({exc}). Is there enough free space?") from exc
    finally:
        with contextlib.suppress(OSError):
            part.unlink()
    if summary is not None:
        summary.seconds = timeline.total
        summary.gates = sum(1 for g in timeline.segments if g.gate is not None)
        summary.target = how.target
        summary.loudness = written.integrated()
        summary.true_peak_db = written.true_peak_db
        summary.gain_db = how.gain_db
        summary.limited = how.limit
        summary.spoken = bool(clips)
    log.info(
        "rendered %s (%.1f s) to %s: %.1f LUFS (gain %+.1f dB%s), true peak %.1f dBTP",
        practice.id, timeline.total, out, written.integrated(), how.gain_db,
        ", limited" if how.limit else "", written.true_peak_db,
    )  # fmt: skip
    return out


def measure(mixer: Mixer, block: int, progress: Progress | None = None) -> StreamMeter:
    """The first pass: the whole mix measured block by block (nothing kept)."""
    meter = StreamMeter(mixer.rate, mixer.channels)
    for b0 in range(0, mixer.frames, block):
        meter.feed(mixer.block(b0, min(b0 + block, mixer.frames), clip=False))
        if progress is not None:
            progress(MEASURE_SHARE * min(1.0, (b0 + block) / mixer.frames))
    return meter


def levelled(mixer: Mixer, b0: int, b1: int, gain: float, limiter: Limiter | None) -> np.ndarray:
    """Frames ``b0..b1`` of the mix at ``gain``, limited (with look-ahead) and clipped."""
    if limiter is None:
        out = mixer.block(b0, b1, clip=False) * np.float32(gain)
    else:
        lo, hi = max(0, b0 - limiter.pad), min(mixer.frames, b1 + limiter.pad)
        padded = mixer.block(lo, hi, clip=False) * np.float32(gain)
        out = limiter.apply(padded, b0 - lo, b1 - b0)
    np.clip(out, -1.0, 1.0, out=out)
    return out.astype(np.float32, copy=False)


@dataclass
class RenderSummary:
    """What a render did, for the person who asked for it (filled in by :func:`render_practice`)."""

    seconds: float = 0.0
    gates: int = 0
    target: float = TARGETS["phone"]
    loudness: float = 0.0  # integrated, LUFS, as written
    true_peak_db: float = 0.0
    gain_db: float = 0.0
    limited: bool = False
    spoken: bool = False
