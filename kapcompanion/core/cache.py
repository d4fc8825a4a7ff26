"""Remember files already checked, so a large library loads in a blink.

Only valid results are kept (a file with errors is always checked afresh), keyed by the
file's path, size and modification time and those of every audio file it names (a clip's
length sets a say step's duration). The cache lives in the data dir; a missing, stale or
unreadable cache only costs time, never correctness.
"""

from __future__ import annotations

import logging
import os
import pickle
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from kapcompanion.core.errors import Diagnostic
from kapcompanion.core.gcpause import no_cycle_collection
from kapcompanion.core.model import BellStep, Practice, Program, SayStep

log = logging.getLogger(__name__)

CACHE_VERSION = 2
#: The largest the cache file may be; a bigger one is neither written nor read. A library of
#: hundreds of practices takes a few MiB.
MAX_CACHE_BYTES = 64 * 1024 * 1024
#: Above this many unchecked files, checking is spread over the machine's cores.
PARALLEL_FROM = 200

Result = tuple[Practice | Program | None, list[Diagnostic]]
Stamp = tuple[int, int]


def _stamp(path: Path) -> Stamp | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def _dependencies(item: Practice | Program | None) -> list[str]:
    if not isinstance(item, Practice):
        return []
    paths = [str(s.voice) for s in item.steps if isinstance(s, SayStep) and s.voice]
    paths += [s.sound for s in item.steps if isinstance(s, BellStep) and "/" in s.sound]
    if item.sound.ambient and "/" in item.sound.ambient:
        paths.append(item.sound.ambient)
    return paths


class CheckCache:
    """A pickle of valid check results under the data dir."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[str, tuple[Stamp, dict[str, Stamp | None], Result]] = {}
        self.dirty = False
        if path is not None and path.is_file():
            try:
                if path.stat().st_size > MAX_CACHE_BYTES:
                    raise ValueError(f"it is over {MAX_CACHE_BYTES // (1024 * 1024)} MiB")
                with path.open("rb") as fh, no_cycle_collection():
                    version, entries = pickle.load(fh)
                if version == CACHE_VERSION:
                    self.entries = entries
            except Exception as exc:  # a broken cache is only a slower start
                log.info("ignoring unreadable check cache %s: %s", path, exc)

    def get(self, path: Path) -> Result | None:
        """The remembered result for ``path`` if nothing it depends on changed."""
        entry = self.entries.get(str(path))
        if entry is None or _stamp(path) != entry[0]:
            return None
        stamps, result = entry[1], entry[2]
        if any(_stamp(Path(dep)) != stamp for dep, stamp in stamps.items()):
            return None
        return result

    def put(self, path: Path, result: Result) -> None:
        """Remember a result (only when the file is valid)."""
        item, diagnostics = result
        stamp = _stamp(path)
        if item is None or stamp is None or any(d.is_error for d in diagnostics):
            self.entries.pop(str(path), None)
            return
        deps = {dep: _stamp(Path(dep)) for dep in _dependencies(item)}
        self.entries[str(path)] = (stamp, deps, result)
        self.dirty = True

    def save(self) -> None:
        """Write the cache atomically; failures are logged, never raised."""
        if self.path is None or not self.dirty:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".cache-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    pickle.dump(
                        (CACHE_VERSION, self.entries),
                        _Capped(fh, MAX_CACHE_BYTES),
                        protocol=pickle.HIGHEST_PROTOCOL,
                    )
            except _TooBigError:
                os.unlink(tmp)
                self.path.unlink(missing_ok=True)  # an old cache would be stale
                log.warning("the check cache would pass %d bytes; not keeping one", MAX_CACHE_BYTES)
                self.dirty = False
                return
            os.replace(tmp, self.path)
            self.dirty = False
        except OSError as exc:
            log.info("cannot save the check cache %s: %s", self.path, exc)


class _TooBigError(Exception):
    """The cache passed :data:`MAX_CACHE_BYTES` while being written."""


class _Capped:
    """A writable file that stops (raising :class:`_TooBigError`) past ``limit`` bytes."""

    def __init__(self, fh: BinaryIO, limit: int) -> None:
        self.fh = fh
        self.left = limit

    def write(self, data: bytes) -> int:
        """Write ``data``, or raise when the limit would be passed."""
        self.left -= len(data)
        if self.left < 0:
            raise _TooBigError
        return self.fh.write(data)


def _check(path: Path) -> Result:
    # Imported here: with every file remembered, starting the app never loads the parser.
    from kapcompanion.core.loader import check_file

    return check_file(path)


def check_files(paths: Iterable[Path], cache: CheckCache | None = None) -> list[Result]:
    """Check many files, using ``cache`` and, for many new files, every core."""
    paths = list(paths)
    results: list[Result | None] = [cache.get(p) if cache else None for p in paths]
    todo = [i for i, r in enumerate(results) if r is None]
    if len(todo) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        ctx = multiprocessing.get_context("fork") if hasattr(os, "fork") else None
        with ProcessPoolExecutor(max_workers=os.cpu_count(), mp_context=ctx) as pool:
            fresh = list(pool.map(_check, [paths[i] for i in todo], chunksize=32))
    else:
        fresh = [_check(paths[i]) for i in todo]
    for i, result in zip(todo, fresh, strict=True):
        results[i] = result
        if cache is not None:
            cache.put(paths[i], result)
    return [r for r in results if r is not None]
