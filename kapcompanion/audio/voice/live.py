"""A practice's voice while it plays: what to say, what is ready, and when to retime.

The live players (the app's and the terminal's) open a :class:`LiveVoice` when a practice
is opened. It asks the shared :class:`~kapcompanion.audio.voice.service.VoiceService` for
every text the practice says, first needed first, and collects the clips as the worker
finishes them (converted for the mixer on the worker thread, so the UI thread only hands
finished buffers over). :meth:`LiveVoice.timeline` compiles the practice with the voice
lengths known so far; asked again later, it gives a new timeline only when lengths of
steps still ahead became known, so everything already played keeps its timing. A text
whose first step has already begun without its voice stays unspoken for this session.

No Qt and no pygame here: the owner is told of arrivals through ``notify`` (called on
the worker thread) and drains them on its own thread.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import CancelledError, Future
from pathlib import Path

import numpy as np

from kapcompanion.audio.voice.cache import VoiceCache
from kapcompanion.audio.voice.engine import SAMPLE_RATE, Engine, VoiceEngine, VoiceUnavailable
from kapcompanion.audio.voice.service import VoiceService
from kapcompanion.core.model import Practice
from kapcompanion.core.spoken import Spoken, is_english, spoken_items
from kapcompanion.core.timeline import Timeline, compile_practice

log = logging.getLogger(__name__)

#: Turns a 24 kHz clip into what the player plays (run on the voice's worker thread).
Convert = Callable[[np.ndarray], object]
#: Seconds a live start waits at most for the first words (the get-ready countdown
#: usually covers it; a cold start from nothing takes about 1.5 s here).
FIRST_WAIT = 3.0


def open_service(
    voice: str,
    speed: float,
    folder: Path | None,
    *,
    model: Path | None = None,
    idle_unload: float | None = None,
    process: bool = False,
) -> VoiceService:
    """A voice service for ``voice`` at ``speed``, caching clips in ``folder`` (None: memory).

    ``idle_unload``: seconds with nothing to say before the model is let go (the app's
    memory while a practice plays on); None keeps it loaded. ``process``: run the voice
    in a child process (the app: its window never waits on the voice).
    """
    cache = VoiceCache(folder) if folder is not None else None
    lexicon = lexicon_folder(folder)
    engine: Engine
    if process:
        from kapcompanion.audio.voice.process import ProcessEngine

        engine = ProcessEngine(voice, model=model, lexicon=lexicon)
    else:
        engine = VoiceEngine(voice, model=model, lexicon=lexicon)
    return VoiceService(engine, cache, speed=speed, idle_unload=idle_unload)


def lexicon_folder(cache: Path | None) -> Path | None:
    """Where the pronunciation store lives: a folder inside the voice's clip cache."""
    return Path(cache) / "g2p" if cache is not None else None


def speaks(practice: Practice) -> bool:
    """Whether the synthetic voice can say ``practice`` (it speaks English only)."""
    return is_english(practice.language)


class LiveVoice:
    """Follows one practice's clips while it plays.

    Args:
        practice: the practice (repeats expanded).
        service: the voice service (shared by the app across practices).
        values: saved answers for placeholders (the texts they fill stay private).
        spoken_cues: name breath phases in words (``None``: as the practice says).
        convert: turns a clip into the player's data (None: keep the clip).
        notify: called (on the worker thread) after each clip arrives or fails.
        start_step: the step play begins at; its texts are asked for first.
    """

    def __init__(
        self,
        practice: Practice,
        service: VoiceService,
        *,
        values: Mapping[str, object] | None = None,
        spoken_cues: bool | None = None,
        convert: Convert | None = None,
        notify: Callable[[], None] | None = None,
        start_step: int = 0,
    ) -> None:
        self.practice = practice
        self.service = service
        self.spoken_cues = spoken_cues
        self.convert = convert
        self.notify = notify
        self.start_step = start_step
        #: The voice as a whole failed (one notice), or None.
        self.error: VoiceUnavailable | None = service.error
        #: How many single texts could not be said.
        self.failed = 0
        self._lock = threading.Lock()
        self._arrived: list[tuple[str, object]] = []
        self._known: dict[str, float] = {}
        self._watched: set[str] = set()
        #: Texts whose clip was handed over (or failed): the future being done is not
        #: enough, the clip is converted for the player after it.
        self._settled: set[str] = set()
        self._excluded: set[str] = set()
        self._used: dict[str, float] | None = None
        self._values: dict[str, object] = {}
        self._compiled_values: dict[str, object] | None = None
        self._items: list[Spoken] = []
        self._closed = False
        self.set_values(values or {})

    # -- asking -------------------------------------------------------------------

    def set_values(self, values: Mapping[str, object], *, first: bool = False) -> None:
        """Use these answers from now on; texts they change are asked for (first, if asked)."""
        self._values = dict(values)
        items = spoken_items(self.practice, self._values, spoken_cues=self.spoken_cues)
        self._items = items
        ahead = [i for i in items if i.step >= self.start_step]
        behind = [i for i in items if i.step < self.start_step]
        new = [i for i in ahead + behind if i.text not in self._watched]
        if not new:
            return
        self.service.request(new, first=first or self.start_step > 0)
        for item in new:
            self._watched.add(item.text)
            self.service.future(item).add_done_callback(functools.partial(self._done, item.text))

    def _done(self, text: str, fut: Future[np.ndarray]) -> None:
        """A clip arrived or failed (on the worker thread, or at once when it was ready)."""
        try:
            self._take(text, fut)
        finally:
            with self._lock:
                self._settled.add(text)
        self._tell()

    def _take(self, text: str, fut: Future[np.ndarray]) -> None:
        try:
            clip = fut.result()
        except VoiceUnavailable as exc:
            with self._lock:
                if exc.whole_voice:
                    self.error = exc
                else:
                    self.failed += 1
            return
        except CancelledError:
            return
        data: object = clip
        if self.convert is not None:
            try:
                data = self.convert(clip)
            except Exception:  # a clip the player cannot take is left out, never fatal
                log.exception("voice: a clip could not be made ready for the player")
                with self._lock:
                    self.failed += 1
                return
        with self._lock:
            if self._closed:
                return
            self._known[text] = len(clip) / SAMPLE_RATE
            self._arrived.append((text, data))

    def _tell(self) -> None:
        if self.notify is not None and not self._closed:
            try:
                self.notify()
            except Exception:  # the owner may be gone; nothing to tell then
                log.debug("voice: could not tell the player", exc_info=True)

    # -- reading ------------------------------------------------------------------

    def drain(self) -> list[tuple[str, object]]:
        """The clips that arrived since the last call, as ``(text, data)``."""
        with self._lock:
            got, self._arrived = self._arrived, []
        return got

    def lengths(self) -> dict[str, float]:
        """Seconds of every clip that arrived, by text."""
        with self._lock:
            return dict(self._known)

    def pending(self) -> int:
        """How many of this practice's texts are not ready yet (nor failed)."""
        with self._lock:
            settled = set(self._settled)
        return sum(1 for i in self._items if i.text not in settled)

    def first_step(self) -> int | None:
        """The step of the first words from the start step on (None: nothing to say)."""
        ahead = [i.step for i in self._items if i.step >= self.start_step]
        return ahead[0] if ahead else None

    def first_ready(self) -> bool:
        """Whether the first words from the start step are ready (or will never be)."""
        if self.error is not None:
            return True
        ahead = [i for i in self._items if i.step >= self.start_step]
        if not ahead:
            return True
        with self._lock:
            return ahead[0].text in self._settled

    def timeline(self, step_now: int | None = None, gate_seconds: float = 0.0) -> Timeline | None:
        """The practice compiled with the lengths known now, or None when nothing changed.

        ``step_now`` is the step playing (None before play): a text first said at or
        before it that arrived too late stays unspoken, so what has played keeps its time.
        """
        known = self.lengths()
        if step_now is not None:
            first = {i.text: i.step for i in self._items}
            used = self._used or {}
            for text in known:
                if text not in used and first.get(text, 1 << 30) <= step_now:
                    self._excluded.add(text)
        lengths = {t: s for t, s in known.items() if t not in self._excluded}
        if lengths == self._used and self._values == self._compiled_values:
            return None
        self._used = lengths
        self._compiled_values = dict(self._values)
        return compile_practice(
            self.practice,
            gate_seconds=gate_seconds,
            voice_lengths=lengths if lengths or self.error is None else None,
            values=self._values,
            spoken_cues=self.spoken_cues,
        )

    def close(self) -> None:
        """Stop following (clips still arriving are dropped); private clips are forgotten."""
        with self._lock:
            self._closed = True
            self._arrived = []
        self.service.forget_private()


def wait_lengths(
    practice: Practice,
    service: VoiceService,
    *,
    spoken_cues: bool | None = None,
    timeout: float | None = None,
) -> tuple[dict[str, float], VoiceUnavailable | None]:
    """Say every text of ``practice`` (from the cache when it can) and give their lengths.

    Blocks until all are done (or ``timeout`` passes for a text). Returns the lengths of
    the texts said and the error that stopped the voice as a whole, if any.
    """
    items = spoken_items(practice, spoken_cues=spoken_cues)
    service.request(items)
    lengths: dict[str, float] = {}
    for item in items:
        try:
            clip = service.future(item).result(timeout)
        except VoiceUnavailable as exc:
            if exc.whole_voice:
                return {}, exc
            continue
        except Exception:  # a timeout: left out
            continue
        lengths[item.text] = len(clip) / SAMPLE_RATE
    return lengths, None
