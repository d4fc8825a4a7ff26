"""The voice in a process of its own, so the app's window never waits for it.

Loading the voice parses large pronunciation dictionaries and, later, letting them go
frees a hundred megabytes of small objects; in the app's own process both hold Python's
global lock long enough to stall a frame (a quarter of a second, measured). In a child
process they cost the app nothing, and letting the voice go is simply ending the child:
all of its memory returns to the system.

:class:`ProcessEngine` has the interface of :class:`~kapcompanion.audio.voice.engine.VoiceEngine`
(``voice``, ``loaded``, ``load``, ``synthesize``, ``unload``); the child is started on
first need (with multiprocessing's "spawn", safe with Qt's threads) and answers one
request at a time over a pipe. A child that dies is reported as a voice that could not
start; the next request starts a fresh one.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import threading
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import numpy as np

from kapcompanion.audio.mixer_format import release_memory
from kapcompanion.audio.voice.engine import (
    DEFAULT_VOICE,
    KIND_MODEL,
    KIND_TEXT,
    SAMPLE_RATE,
    VoiceEngine,
    VoiceUnavailable,
)

log = logging.getLogger(__name__)

#: Seconds to wait for the child to load the voice (about 1.5 s on a quiet machine).
LOAD_TIMEOUT = 120.0
#: Seconds to wait for one text (a long paragraph takes well under a second).
SAY_TIMEOUT = 120.0


def _serve(
    inbox: Connection,
    conn: Connection,
    voice: str,
    model: str | None,
    threads: int,
    lexicon: str | None = None,
) -> None:
    """The child: load on request, say texts, until told to stop or the pipe closes."""
    engine = VoiceEngine(
        voice,
        model=Path(model) if model else None,
        threads=threads,
        lexicon=Path(lexicon) if lexicon else None,
        build_lexicon=False,  # made by the parent (a daemonic process cannot start one)
    )
    while True:
        try:
            cmd, args = inbox.recv()
        except (EOFError, OSError):
            return
        if cmd == "quit":
            return
        try:
            if cmd == "load":
                engine.load()
                conn.send(("ok", engine.from_store))
            elif cmd == "say":
                text, speed = args
                conn.send(("ok", engine.synthesize(text, speed)))
                # Give the sentence's working memory back to the system (a few ms, after
                # the answer is sent): the voice's process stays near its loaded size.
                release_memory()
        except VoiceUnavailable as exc:
            conn.send(("error", (str(exc), exc.kind)))
        except Exception as exc:  # never let the child die on one request
            conn.send(
                ("error", (f"The voice failed unexpectedly ({type(exc).__name__}).", KIND_TEXT))
            )


class ProcessEngine:
    """A :class:`VoiceEngine` that runs in a child process (see the module docstring)."""

    rate = SAMPLE_RATE

    def __init__(
        self,
        voice: str = DEFAULT_VOICE,
        *,
        model: Path | None = None,
        threads: int = 1,
        lexicon: Path | None = None,
    ) -> None:
        self.voice = voice
        self.model = model
        self.threads = threads
        #: The pronunciation store's folder (see :class:`VoiceEngine`); made here, read there.
        self.lexicon = lexicon
        self._builder: threading.Thread | None = None
        #: Whether the running voice reads its dictionaries from the store.
        self.from_store = False
        self._proc: Any = None
        self._conn: Connection | None = None  # answers from the child
        self._out: Connection | None = None  # requests to the child
        self._loaded = False
        self._failed: VoiceUnavailable | None = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        """Whether the child holds the loaded voice."""
        return self._loaded

    def _ask(self, cmd: str, args: object, timeout: float) -> object:
        if self._proc is None or not self._proc.is_alive():
            ctx = multiprocessing.get_context("spawn")
            # Two one-way pipes (plain OS pipes, no sockets of any kind).
            inbox, out = ctx.Pipe(duplex=False)
            answers, reply = ctx.Pipe(duplex=False)
            model = str(self.model) if self.model is not None else None
            lexicon = str(self.lexicon) if self.lexicon is not None else None
            proc = ctx.Process(
                target=_serve,
                args=(inbox, reply, self.voice, model, self.threads, lexicon),
                name="kapcompanion-voice",
                daemon=True,
            )
            proc.start()
            inbox.close()
            reply.close()
            self._proc, self._conn, self._out, self._loaded = proc, answers, out, False
        conn, out = self._conn, self._out
        assert conn is not None and out is not None
        try:
            out.send((cmd, args))
            if not conn.poll(timeout):
                raise TimeoutError(cmd)
            status, value = conn.recv()
        except (EOFError, OSError, TimeoutError) as exc:
            log.warning("the voice's process stopped (%s)", type(exc).__name__)
            self._stop()
            raise VoiceUnavailable(
                "The spoken voice could not be started (its process stopped); "
                "reinstalling KAP Companion repairs it.",
                KIND_MODEL,
            ) from exc
        if status == "error":
            message, kind = value
            raise VoiceUnavailable(str(message), str(kind))
        return value

    def load(self) -> None:
        """Start the child and load the voice there.

        Raises:
            VoiceUnavailable: as :meth:`VoiceEngine.load`; remembered.
        """
        with self._lock:
            self._load_locked()

    def _load_locked(self) -> None:
        if self._failed is not None:
            raise self._failed
        if self._loaded and self._proc is not None and self._proc.is_alive():
            return
        try:
            from_store = self._ask("load", None, LOAD_TIMEOUT)
        except VoiceUnavailable as exc:
            if exc.whole_voice:
                self._failed = exc
                self._stop()
            raise
        self._loaded = True
        self.from_store = bool(from_store)
        if self.lexicon is not None and not from_store:
            self._build_store_later()

    def _build_store_later(self) -> None:
        """The voice started with hibari's own dictionaries: make the store meanwhile, once.

        The voice's next start (after it was let go while idle) reads it.
        """
        if self._builder is None and self.lexicon is not None:
            from kapcompanion.audio.voice import lexicon_store

            self._builder = lexicon_store.build_later(self.lexicon, self.voice)

    def synthesize(self, text: str, speed: float = 1.0) -> np.ndarray:
        """Say ``text`` in the child: mono float32 at 24 kHz (as :class:`VoiceEngine`)."""
        with self._lock:
            self._load_locked()
            clip = self._ask("say", (text, speed), SAY_TIMEOUT)
        return np.asarray(clip, dtype=np.float32)

    def unload(self) -> None:
        """End the child: every byte of the voice's memory goes back to the system."""
        with self._lock:
            self._stop()

    def _stop(self) -> None:
        proc, conn, out = self._proc, self._conn, self._out
        self._proc, self._conn, self._out, self._loaded = None, None, None, False
        if out is not None:
            with contextlib.suppress(OSError, ValueError):
                out.send(("quit", None))
            out.close()
        if conn is not None:
            conn.close()
        if proc is not None:
            proc.join(1.0)
            if proc.is_alive():
                proc.terminate()
                proc.join(1.0)

    def __del__(self) -> None:
        try:
            self._stop()
        except Exception:  # interpreter shutting down
            return
