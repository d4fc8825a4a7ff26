"""hibari's pronunciation dictionaries on disk, read where they lie (SQLite, read-only).

hibari keeps its dictionaries (about 180,000 words and a part-of-speech tagger's 80,000
weights) as Python dicts built from gzip'd JSON: about 100 MiB of the voice's memory.
Here they are written once into one SQLite file per accent (``g2p-us.sqlite3``,
``g2p-gb.sqlite3``) in the voice's cache folder, and looked up there; the voice then holds
a few megabytes of SQLite's page cache instead.

* The file is keyed by hibari's version and the SHA-256 of the asset files it is made
  from (plus :data:`STORE_FORMAT`): when any changes, it is made afresh.
* It is written to a temporary file and moved into place (``os.replace``), so it is
  either whole or absent; one that is damaged anyway fails its check and is made again.
* It is made in a short-lived process of its own (:func:`prepare`), so the memory of
  parsing the JSON (a peak of ~200 MiB) is never kept by the long-lived voice.
* Anything wrong — no hibari, a read-only or full disk, a damaged file — gives ``None``
  and a log line; the voice then uses hibari's own dictionaries in memory.

Nothing here imports hibari (its assets are found with :func:`importlib.util.find_spec`),
so the app may call :func:`prepare` without loading the voice's libraries.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import gzip
import hashlib
import importlib.metadata
import importlib.util
import json
import logging
import multiprocessing
import os
import sqlite3
import tempfile
import threading
import time
from collections.abc import Iterable
from multiprocessing.connection import Connection
from pathlib import Path

log = logging.getLogger(__name__)

#: Bumped whenever the layout of the file changes (so older files are made afresh).
STORE_FORMAT = 1
ACCENTS = ("us", "gb")
#: The maps in one store: table name → asset file ("{acc}" is the accent).
LEXICONS = {"gold": "lexicon_{acc}_gold.json.gz", "silver": "lexicon_{acc}_silver.json.gz"}
TAGGER = "tagger.json.gz"
#: Seconds the build may take (about 4 s on a quiet 2-core machine).
BUILD_TIMEOUT = 180.0
#: Lookups remembered per table (words repeat a lot; each entry is a few hundred bytes).
CACHE_SIZE = 4096


def assets_folder() -> Path | None:
    """The asset folder of hibari, found without importing it (None: not installed)."""
    try:
        spec = importlib.util.find_spec("hibari")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "assets"
    return folder if folder.is_dir() else None


def hibari_version() -> str:
    """The installed hibari-tts version ("unknown" where its metadata is missing)."""
    try:
        return importlib.metadata.version("hibari-tts")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def accent_of(voice: str) -> str:
    """``"gb"`` for hibari's British voices, else ``"us"`` (read from its voices.json)."""
    folder = assets_folder()
    try:
        if folder is not None:
            voices = json.loads((folder / "voices.json").read_text(encoding="utf-8"))
            return "gb" if voices.get(voice, {}).get("british") else "us"
    except (OSError, ValueError, AttributeError):
        pass
    return "us"


def asset_names(accent: str) -> list[str]:
    """The asset files one accent's store is made from."""
    return [name.format(acc=accent) for name in LEXICONS.values()] + [TAGGER]


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@functools.lru_cache(maxsize=8)
def _store_key(folder: Path, accent: str, stamp: tuple[tuple[str, int, int], ...]) -> str:
    parts = [f"format={STORE_FORMAT}", f"hibari={hibari_version()}", f"accent={accent}"]
    parts += [f"{name}={_sha256(folder / name)}" for name, _, _ in stamp]
    return "\n".join(parts)


def store_key(accent: str, assets: Path | None = None) -> str | None:
    """What a current store must say it was made from (None: hibari's assets are absent).

    Hashing the assets (4 MB) takes ~10 ms; the answer is remembered while the files'
    sizes and modification times stay the same.
    """
    folder = assets if assets is not None else assets_folder()
    if folder is None:
        return None
    try:
        stamp = tuple(
            (name, (st := (folder / name).stat()).st_size, st.st_mtime_ns)
            for name in asset_names(accent)
        )
        return _store_key(folder, accent, stamp)
    except OSError:
        return None


def store_path(folder: Path, accent: str) -> Path:
    """Where one accent's store lives in the voice's cache folder."""
    return Path(folder) / f"g2p-{accent}.sqlite3"


def _connect(path: Path) -> sqlite3.Connection:
    # Read-only and immutable: the file is only ever replaced whole, never changed.
    uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
    return sqlite3.connect(uri, uri=True, check_same_thread=False)


def open_store(path: Path, key: str) -> sqlite3.Connection | None:
    """The store at ``path`` if it is whole and made from ``key``'s assets, else None."""
    if not path.is_file():
        return None
    conn = None
    try:
        conn = _connect(path)
        row = conn.execute("SELECT value FROM meta WHERE name = 'key'").fetchone()
        if row is None or row[0] != key:
            log.info("voice: the pronunciation store %s is out of date", path.name)
            conn.close()
            return None
        check = conn.execute("PRAGMA quick_check").fetchone()
        if check is None or check[0] != "ok":
            raise sqlite3.DatabaseError(f"quick_check: {check}")
        return conn
    except (sqlite3.Error, OSError) as exc:
        log.warning("voice: the pronunciation store %s is damaged (%s)", path.name, exc)
        if conn is not None:
            conn.close()
        return None


def _plain(value: object) -> str:
    """A dictionary value as stored: plain text for a phoneme string, else JSON text."""
    if isinstance(value, str) and value[:1] not in ("{", '"', "["):
        return value
    return json.dumps(value, ensure_ascii=False)


def decode(text: str) -> object:
    """A stored value as `json.load` gave it (see :func:`_plain`)."""
    return json.loads(text) if text[:1] in ("{", '"', "[") else text


def _load_json(path: Path) -> object:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def build(folder: Path, accent: str, assets: Path | None = None) -> Path:
    """Make one accent's store in ``folder`` (here, in this process): parse, write, rename.

    Raises:
        OSError: the folder cannot be written (read-only, full disk...).
        FileNotFoundError: hibari's assets are absent.
        ValueError: an asset is damaged.
    """
    assets = assets if assets is not None else assets_folder()
    if assets is None:
        raise FileNotFoundError("hibari is not installed")
    key = store_key(accent, assets)
    if key is None:
        raise FileNotFoundError("hibari's dictionaries are missing")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    dest = store_path(folder, accent)
    for stale in folder.glob(f".{dest.name}.*.part"):  # left by a build the app's exit ended
        with contextlib.suppress(OSError):
            stale.unlink()
    fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=folder)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        conn = sqlite3.connect(tmp)
        try:
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            conn.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID")
            for table in (*LEXICONS, "tagdict", "weights"):
                conn.execute(f"CREATE TABLE {table} (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID")
            conn.execute("CREATE TABLE vocab (k TEXT PRIMARY KEY) WITHOUT ROWID")
            for table, name in LEXICONS.items():
                words = _load_json(assets / name.format(acc=accent))
                if not isinstance(words, dict):
                    raise ValueError(f"{name}: not a dictionary")
                _fill(conn, table, ((k, _plain(v)) for k, v in words.items()))
                del words
            model = _load_json(assets / TAGGER)
            if not isinstance(model, dict):
                raise ValueError(f"{TAGGER}: not a dictionary")
            _fill(conn, "tagdict", ((k, _plain(v)) for k, v in model["tagdict"].items()))
            _fill(conn, "weights", ((k, _plain(v)) for k, v in model["weights"].items()))
            vocab = model.get("vocab")
            if vocab is not None:
                conn.executemany("INSERT OR REPLACE INTO vocab VALUES (?)", ((w,) for w in vocab))
            meta = {"tags": json.dumps(model["tags"]), "has_vocab": "0" if vocab is None else "1"}
            del model
            meta["key"] = key  # written last: a store without it is never used
            conn.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            conn.commit()
        finally:
            conn.close()
        with tmp.open("rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return dest


def _fill(conn: sqlite3.Connection, table: str, rows: Iterable[tuple[str, str]]) -> None:
    conn.executemany(f"INSERT OR REPLACE INTO {table} VALUES (?, ?)", rows)


def _build_child(folder: str, accent: str, answer: Connection, nice: bool = False) -> None:
    """The short-lived builder process: build, then say how it went and how much it took."""
    import resource

    if nice and hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(10)
    t0 = time.perf_counter()
    try:
        build(Path(folder), accent)
        result: tuple[str, str] = ("ok", "")
    except Exception as exc:  # reported to the parent, which logs it and carries on
        result = ("error", f"{type(exc).__name__}: {exc}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    answer.send((*result, time.perf_counter() - t0, peak))
    answer.close()


_building = threading.Lock()
_failed: set[tuple[Path, str]] = set()
#: Set as this process ends (before multiprocessing ends its daemonic children: atexit
#: runs the last registered first). A build cut short then is not a failure to report.
_ending = threading.Event()
atexit.register(_ending.set)
#: The last build's seconds and peak memory (MiB) in its own process (for benchmarks).
last_build: dict[str, float] = {}


def connect(
    folder: Path | None, voice: str, *, build_missing: bool = True, nice: bool = False
) -> tuple[sqlite3.Connection, Path] | None:
    """An open, current store for ``voice``'s accent in ``folder`` (made if needed).

    Making it runs in a short-lived process (spawned), never in this one. Returns None —
    with a log line — where that cannot be done (no folder given, hibari absent, the
    folder read-only or full, a build that failed); the voice then uses hibari's own
    dictionaries. ``build_missing=False`` only opens one already made (a daemonic
    process, such as the voice's own, cannot start processes); ``nice`` builds at low
    CPU priority (in the background, while the voice speaks).
    """
    if folder is None:
        return None
    accent = accent_of(voice)
    key = store_key(accent)
    if key is None:
        return None
    path = store_path(Path(folder), accent)
    conn = open_store(path, key)
    if conn is not None:
        return conn, path
    if not build_missing or multiprocessing.current_process().daemon:
        return None
    with _building:  # one build at a time in this process (another may have just made it)
        conn = open_store(path, key)
        if conn is None:
            if (path, key) in _failed or not _build_elsewhere(Path(folder), accent, nice):
                _failed.add((path, key))  # not tried again while this app runs
                return None
            conn = open_store(path, key)
    return (conn, path) if conn is not None else None


def prepare(folder: Path | None, voice: str, *, nice: bool = False) -> Path | None:
    """Make sure a current store for ``voice`` is in ``folder``; its path, or None."""
    got = connect(folder, voice, nice=nice)
    if got is None:
        return None
    got[0].close()
    return got[1]


def build_later(folder: Path, voice: str) -> threading.Thread:
    """Make the store in the background (a thread waiting on a low-priority builder).

    For a voice that just started with hibari's own dictionaries because the store was
    missing (a first start, or a new hibari): its first words do not wait for the
    store, and its next start reads it. The thread is returned (tests join it).
    """
    thread = threading.Thread(
        target=prepare,
        args=(folder, voice),
        kwargs={"nice": True},
        name="kapcompanion-g2p-build",
        daemon=True,
    )
    thread.start()
    return thread


def _build_elsewhere(folder: Path, accent: str, nice: bool = False) -> bool:
    """Build in a short-lived spawned process; whether it worked (logged either way)."""
    ctx = multiprocessing.get_context("spawn")  # never fork a process with Qt's threads
    answers, reply = ctx.Pipe(duplex=False)
    proc = ctx.Process(
        target=_build_child,
        args=(str(folder), accent, reply, nice),
        name="kapcompanion-g2p-build",
        daemon=True,  # ended with the app; a half-made file is only ever a temporary one
    )
    started = False
    try:
        proc.start()
        started = True
        reply.close()
        if not answers.poll(BUILD_TIMEOUT):
            raise TimeoutError("the build took too long")
        status, detail, seconds, peak = answers.recv()
    except Exception as exc:  # no process (resources, a frozen app...), a dead builder
        status, detail, seconds, peak = "error", f"{type(exc).__name__}: {exc}", 0.0, 0.0
    finally:
        answers.close()
        if started:
            proc.join(5.0)
            if proc.is_alive():
                proc.terminate()
                proc.join(1.0)
        else:
            reply.close()
    if status != "ok" and _ending.is_set():
        log.info("voice: the app ended before the pronunciation store was made; next start")
        return False
    if status != "ok":
        log.warning(
            "voice: the pronunciation store could not be made in %s (%s); "
            "using hibari's own dictionaries in memory",
            folder,
            detail,
        )
        return False
    last_build.update(seconds=seconds, peak_mib=peak)
    log.info("voice: pronunciation store made in %.1f s (peak %.0f MiB)", seconds, peak)
    return True


def discard(path: Path) -> None:
    """Remove a store found damaged while in use (the next start makes it again)."""
    with contextlib.suppress(OSError):
        path.unlink()
