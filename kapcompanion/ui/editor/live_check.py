"""Checking the draft without making typing wait, even in a 500-step practice.

:func:`run_check` is pure (no Qt): it checks the text with the library's own checker and
compiles the timeline. A short text (most practices) is checked at once on the UI thread
in a few milliseconds. A long one goes to :class:`BackgroundCheck`, which runs the check
in one helper process (a thread would not do: the YAML parser holds Python's lock for
the whole parse) and hands the newest result back on the UI thread; results for older
text are dropped. Without a helper process it falls back to a thread.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from kapcompanion.core.errors import Diagnostic
from kapcompanion.core.loader import check_text
from kapcompanion.core.model import Practice, Program
from kapcompanion.core.timeline import Timeline, compile_practice
from kapcompanion.paths import data_dir, set_data_dir, user_practices_dir
from kapcompanion.ui.editor.drafts import draft_id

log = logging.getLogger(__name__)

#: Texts shorter than this (about 150 steps) are checked at once on the UI thread.
INLINE_LIMIT = 20_000

_process_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()
_helper_failed = False  # a helper that died once is not started again (thread from then on)


#: One row of the step list: number, "kind: title", start, length ("" = waits), full title.
StepRow = tuple[str, str, str, str, str]


def clock_text(seconds: float) -> str:
    """``m:ss`` (or ``h:mm:ss``) for a time on the timeline."""
    s = round(seconds)
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


def step_rows(timeline: Timeline) -> tuple[StepRow, ...]:
    """The step list's rows from the compiled timeline (what plays, exactly)."""
    rows = []
    for span in timeline.steps:
        title = span.title if len(span.title) <= 70 else span.title[:67].rstrip() + "…"
        kind = span.kind.replace("_", " ")
        rows.append(
            (
                str(span.index + 1),
                f"{kind}: {title}" if title else kind,
                clock_text(span.start),
                "" if span.interactive else clock_text(span.end - span.start),
                span.title,
            )
        )
    return tuple(rows)


@dataclass(frozen=True, slots=True)
class CheckResult:
    """What one check of ``text`` found (small, so it crosses from the helper quickly)."""

    text: str
    item: Practice | Program | None
    diagnostics: list[Diagnostic]
    rows: tuple[StepRow, ...] = ()
    total: float = 0.0

    @property
    def valid(self) -> bool:
        """A practice without errors."""
        return isinstance(self.item, Practice) and not any(d.is_error for d in self.diagnostics)


def run_check(text: str, file: str | None = None) -> CheckResult:
    """Check ``text`` as if saved at ``file``, or in the user's practices folder.

    Either way voice paths resolve against the folder the text is saved in.
    """
    source = Path(file) if file else user_practices_dir() / f"{draft_id(text) or 'draft'}.yaml"
    item, diagnostics = check_text(text, source.name, source)
    if isinstance(item, Practice) and not any(d.is_error for d in diagnostics):
        try:
            timeline = compile_practice(item)
            return CheckResult(text, item, diagnostics, step_rows(timeline), timeline.total)
        except Exception:  # the check passed; a compile failure is ours, not the person's
            log.exception("cannot compile the draft %s", item.id)
    return CheckResult(text, item, diagnostics)


def _check_in_helper(text: str, folder: str, file: str | None = None) -> CheckResult:
    """What the helper process runs (it does not share ``--data-dir``, so it is passed)."""
    set_data_dir(folder)
    return run_check(text, file)


def helper_pool() -> ProcessPoolExecutor | None:
    """The one helper process shared by all editors (started on first use), or None."""
    global _process_pool
    with _pool_lock:
        if _helper_failed:
            return None
        if _process_pool is None:
            try:
                ctx = multiprocessing.get_context("spawn")  # never fork a Qt process
                _process_pool = ProcessPoolExecutor(max_workers=1, mp_context=ctx)
            except (OSError, ValueError, NotImplementedError) as exc:
                log.warning("no helper process for checking (%s); using a thread", exc)
                return None
        return _process_pool


def _drop_broken_pool(pool: Executor) -> None:
    global _process_pool, _helper_failed
    with _pool_lock:
        _helper_failed = True
        if _process_pool is pool:
            _process_pool = None


class BackgroundCheck(QObject):
    """Runs :func:`run_check` off the UI thread; ``finished`` arrives on the UI thread."""

    finished = Signal(object)  # CheckResult

    def __init__(self, parent: QObject | None = None, *, use_process: bool = True) -> None:
        super().__init__(parent)
        self.use_process = use_process
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kap-check")
        self._lock = threading.Lock()
        self._wanted = 0  # the newest request; older results are dropped
        self._closed = False
        self._pending: Future | None = None
        self.file: str | None = None

    def request(self, text: str) -> None:
        """Check ``text`` soon; a newer request makes this one's result go unused.

        :attr:`file` (set by an editor of a file outside the practices folder) is where
        the text is checked as saved.
        """
        with self._lock:
            self._wanted += 1
            ticket = self._wanted
        if self._closed:
            return
        pool = helper_pool() if self.use_process else None
        try:
            if pool is not None:
                if self._pending is not None:
                    self._pending.cancel()  # not started yet: no need to check old text
                future = pool.submit(_check_in_helper, text, str(data_dir()), self.file)
                self._pending = future
                future.add_done_callback(lambda f: self._done(ticket, text, f, pool))
                return
        except RuntimeError as exc:  # the helper died or shut down: use the thread
            log.warning("helper process unavailable (%s); checking on a thread", exc)
            if pool is not None:
                _drop_broken_pool(pool)
        self._thread.submit(self._in_thread, ticket, text)

    def cancel(self) -> None:
        """Drop every result still on its way (a check was just done on the UI thread)."""
        with self._lock:
            self._wanted += 1

    def _current(self, ticket: int) -> bool:
        with self._lock:
            return ticket == self._wanted and not self._closed

    def _in_thread(self, ticket: int, text: str) -> None:
        if not self._current(ticket):
            return  # a newer text is queued behind this one
        try:
            result = run_check(text, self.file)
        except Exception:  # never let a checker bug kill the worker silently
            log.exception("background check failed")
            return
        self._emit(ticket, result)

    def _done(self, ticket: int, text: str, future: Future, pool: Executor) -> None:
        if future.cancelled():
            return
        try:
            result = future.result()
        except Exception as exc:  # a helper that died: check this text on the thread
            log.warning("helper check failed (%s); checking on a thread", exc)
            _drop_broken_pool(pool)
            if not self._closed:
                self._thread.submit(self._in_thread, ticket, text)
            return
        self._emit(ticket, result)

    def _emit(self, ticket: int, result: CheckResult) -> None:
        if not self._current(ticket):
            return
        try:
            self.finished.emit(result)
        except RuntimeError:  # the editor closed while this ran
            log.debug("check finished after its editor closed")

    def shutdown(self) -> None:
        """Stop accepting work (a check under way finishes and is dropped)."""
        with self._lock:
            self._wanted += 1
            self._closed = True
        self._thread.shutdown(wait=False, cancel_futures=True)
