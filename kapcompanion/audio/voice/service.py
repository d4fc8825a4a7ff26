"""Background synthesis: texts are said in order of need on one worker thread.

The player (or the renderer) asks for a practice's texts first-needed first
(:func:`kapcompanion.core.spoken.spoken_items` lists them so); the worker takes each from
the disk cache, or synthesises and stores it. Anyone can ask whether a text is ready,
wait for it, get its length, or hold a :class:`~concurrent.futures.Future` for it (with
``add_done_callback`` for a callback). Plain threads, no Qt: a Qt owner forwards the
callbacks to its own thread.

Private texts (holding the client's own words) are synthesised like the others but kept
in memory only, never written to the disk cache, and never logged.

If the voice as a whole cannot be used (not installed, a damaged model), every waiting
text fails with the same :class:`VoiceUnavailable`, kept in :attr:`VoiceService.error`
for one clear notice; a single text that fails fails alone.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import CancelledError, Future
from concurrent.futures import TimeoutError as FutureTimeout

import numpy as np

from kapcompanion.audio.voice.cache import VoiceCache
from kapcompanion.audio.voice.engine import SAMPLE_RATE, Engine, VoiceUnavailable, clamp_speed
from kapcompanion.core.spoken import Spoken

log = logging.getLogger(__name__)

Request = Spoken | tuple[str, bool] | str
ErrorCallback = Callable[[VoiceUnavailable], None]


def _unpack(item: Request) -> tuple[str, bool]:
    if isinstance(item, Spoken):
        return item.text, item.private
    if isinstance(item, tuple):
        return item[0], bool(item[1])
    return item, False


class VoiceService:
    """Synthesises texts on a background thread, in the order they are needed.

    Args:
        engine: the voice (loaded on the worker thread on first need).
        cache: the disk cache, or None to keep everything in memory only.
        speed: 0.8–1.2 (1.0 is the voice's own pace).
        on_error: called once (on the worker thread) when the voice as a whole fails.
        idle_unload: seconds with nothing to say after which the model is let go (it
            holds about 110 MiB; the next text loads it again, in about a second).
            None keeps it loaded.
    """

    def __init__(
        self,
        engine: Engine,
        cache: VoiceCache | None = None,
        *,
        speed: float = 1.0,
        on_error: ErrorCallback | None = None,
        idle_unload: float | None = None,
    ) -> None:
        self.engine = engine
        self.idle_unload = idle_unload
        self.cache = cache
        self.speed = clamp_speed(speed)
        self.on_error = on_error
        self.error: VoiceUnavailable | None = None
        self._clips: dict[str, np.ndarray] = {}
        self._futures: dict[str, Future[np.ndarray]] = {}
        self._private: set[str] = set()
        self._queue: deque[str] = deque()
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None
        self._closed = False
        self._preload = False
        #: Texts synthesised (not found in the cache) and found in the cache, for figures.
        self.synthesised = 0
        self.cache_hits = 0

    # -- asking -------------------------------------------------------------------

    def request(self, items: Iterable[Request], *, first: bool = False) -> None:
        """Queue texts to be said, in the given order (after those already queued).

        With ``first`` they go before everything queued (a skip ahead, a preview).
        A text already ready or queued is not queued twice (``first`` moves it).
        """
        with self._cond:
            new: list[str] = []
            for item in items:
                text, private = _unpack(item)
                if not text.strip():
                    continue
                if private:
                    self._private.add(text)
                fut = self._futures.get(text)
                if fut is None:
                    fut = Future()
                    self._futures[text] = fut
                    if self.error is not None:
                        fut.set_exception(self.error)
                        continue
                    new.append(text)
                elif first and not fut.done() and text in self._queue:
                    self._queue.remove(text)
                    new.append(text)
            if first:
                self._queue.extendleft(reversed(new))
            else:
                self._queue.extend(new)
            if new:
                self._start()
                self._cond.notify()

    def preload(self) -> None:
        """Load the voice now, in the background (when a practice is opened, say).

        Loading takes about a second on a slow machine (the model, then the
        pronunciation dictionaries); done ahead, the first words follow Play at once.
        """
        with self._cond:
            self._preload = True
            self._start()
            self._cond.notify()

    def future(self, item: Request) -> Future[np.ndarray]:
        """The future of a text's clip (queued if it was not asked for yet)."""
        text, _private = _unpack(item)
        with self._cond:
            fut = self._futures.get(text)
        if fut is None:
            self.request([item])
            with self._cond:
                fut = self._futures.get(text)
        if fut is None:  # an empty text
            fut = Future()
            fut.set_result(np.zeros(0, np.float32))
        return fut

    def ready(self, text: str) -> bool:
        """Whether the clip of ``text`` is in memory now."""
        with self._cond:
            return text in self._clips

    def clip(self, text: str) -> np.ndarray | None:
        """The clip of ``text`` if ready (never blocks), else None."""
        with self._cond:
            return self._clips.get(text)

    def wait(self, text: str, timeout: float | None = None) -> np.ndarray | None:
        """Wait for the clip of ``text`` (queued if needed); None if it failed or timed out."""
        try:
            return self.future(text).result(timeout)
        except (VoiceUnavailable, FutureTimeout, CancelledError):
            return None

    def seconds(self, text: str) -> float | None:
        """Length of the clip of ``text`` in seconds when ready, else None."""
        got = self.clip(text)
        return None if got is None else len(got) / SAMPLE_RATE

    def lengths(self) -> dict[str, float]:
        """Seconds of every ready clip, by text (for ``compile_practice(voice_lengths=…)``)."""
        with self._cond:
            return {t: len(c) / SAMPLE_RATE for t, c in self._clips.items()}

    def pending(self) -> int:
        """How many texts are still queued or being said."""
        with self._cond:
            return sum(1 for f in self._futures.values() if not f.done())

    def forget_private(self) -> None:
        """Drop the clips of private texts from memory (at the end of a practice)."""
        with self._cond:
            for text in self._private:
                self._clips.pop(text, None)
                fut = self._futures.get(text)
                if fut is not None and fut.done():
                    del self._futures[text]
            self._private.clear()

    def close(self, timeout: float = 5.0) -> None:
        """Stop the worker (what is queued is cancelled); safe to call twice."""
        with self._cond:
            self._closed = True
            for text in self._queue:
                self._futures[text].cancel()
            self._queue.clear()
            self._cond.notify_all()
            thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    def __enter__(self) -> VoiceService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the worker ---------------------------------------------------------------

    def _start(self) -> None:
        if self._thread is None and not self._closed:
            self._thread = threading.Thread(target=self._run, name="voice", daemon=True)
            self._thread.start()

    def _idle(self) -> bool:
        """Wait (holding the lock) for work; True when idle long enough to let the model go."""
        while not self._queue and not self._closed and not self._preload:
            wait = self.idle_unload if self.idle_unload and self.engine.loaded else None
            if not self._cond.wait(wait) and wait is not None:
                return not (self._queue or self._preload or self._closed)
        return False

    def _run(self) -> None:
        while True:
            with self._cond:
                idle = self._idle()
                if self._closed:
                    return
                load, self._preload = self._preload, False
                text = None if idle or not self._queue else self._queue.popleft()
                private = text in self._private if text is not None else False
                fut = self._futures[text] if text is not None else None
            if idle:
                self.engine.unload()
                continue
            if load and self.error is None:
                try:
                    self.engine.load()
                except VoiceUnavailable as exc:
                    self._failed(None, exc)
            if text is None or fut is None:
                continue
            if not fut.set_running_or_notify_cancel():
                continue
            try:
                clip = self._make(text, private)
            except VoiceUnavailable as exc:
                self._failed(fut, exc)
                continue
            except Exception:  # never let the worker die silently
                log.exception("voice: unexpected failure")
                failed = VoiceUnavailable("A passage of this practice could not be spoken.", "text")
                self._failed(fut, failed)
                continue
            with self._cond:
                self._clips[text] = clip
            fut.set_result(clip)

    def _make(self, text: str, private: bool) -> np.ndarray:
        voice = self.engine.voice
        if not private and self.cache is not None:
            got = self.cache.get(voice, self.speed, text)
            if got is not None:
                self.cache_hits += 1
                return got
        clip = self.engine.synthesize(text, self.speed)
        self.synthesised += 1
        if not private and self.cache is not None:
            self.cache.put(voice, self.speed, text, clip)
        return clip

    def _failed(self, fut: Future[np.ndarray] | None, exc: VoiceUnavailable) -> None:
        if fut is not None:
            fut.set_exception(exc)
        if not exc.whole_voice:
            return
        with self._cond:
            first = self.error is None
            self.error = exc
            waiting = [self._futures[t] for t in self._queue]
            self._queue.clear()
        for other in waiting:
            if other.set_running_or_notify_cancel():
                other.set_exception(exc)
        if first and self.on_error is not None:
            try:
                self.on_error(exc)
            except Exception:
                log.exception("voice: the error callback failed")
