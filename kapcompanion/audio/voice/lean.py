"""hibari with less memory: its dictionaries read from the SQLite store, no model arena.

This is the one place that reaches into hibari (two subclasses, nothing patched):

* :class:`LeanHibari` is ``hibari.Hibari`` whose ``__init__`` makes the model's
  onnxruntime session without the CPU memory arena. With the arena, the largest
  sentence said so far stays allocated for good (40–70 MiB here); without it, memory is
  given back after each sentence (the voice's process trims after each text) at no
  measurable cost in speed (benchmarks/bench_voice.py). Everything else is inherited.
* :class:`StoreG2P` is hibari's G2P whose ``__init__`` takes the dictionaries from the
  store (:mod:`~kapcompanion.audio.voice.lexicon_store`) instead of parsing gzip'd JSON
  into ~100 MiB of dicts; everything else is inherited.

What hibari 0.2.x does with the G2P's attributes (read in its source, ``hibari/g2p``),
and what the store's tables give:

* ``Lexicon(gold, silver)`` wraps each in its ``Dict``, which only calls ``d.get(word)``
  (a phoneme string, a dict keyed by part of speech, or None): :class:`Table`.
* ``Tagger``: ``tagdict.get(word)`` (a tag or None), ``weights.get(feature)`` (a dict
  tag → weight, in the file's order, or None), ``word in vocab``, and ``tags`` (a
  list, iterated): :class:`Table`, :class:`Table` with JSON values, :class:`Table`, a list.
* ``Tokenizer`` and the out-of-vocabulary net are hibari's own, loaded as hibari does.

Values come back exactly as ``json.load`` gave them (dicts in their order), so the
phonemes are identical (tests/audio/test_voice_g2p.py checks every built-in text).
hibari's version is pinned in pyproject.toml to the range this was checked with.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import sqlite3
from typing import Any

from hibari import Hibari
from hibari.g2p import ASSETS, G2P
from hibari.g2p.lexicon import Lexicon
from hibari.g2p.tagger import Tagger
from hibari.g2p.tokenize import Tokenizer

from kapcompanion.audio.voice.lexicon_store import CACHE_SIZE, decode

log = logging.getLogger(__name__)


class Table:
    """One read-only map of the store: ``get``, ``in`` and ``[]`` as a dict's (no listing)."""

    def __init__(self, conn: sqlite3.Connection, table: str, *, values: bool = True) -> None:
        column = "v" if values else "1"
        self._sql = f"SELECT {column} FROM {table} WHERE k = ?"  # table: a fixed name
        self._conn = conn
        self._values = values
        self._lookup = functools.lru_cache(maxsize=CACHE_SIZE)(self._fetch)

    def _fetch(self, key: str) -> tuple[bool, Any]:
        row = self._conn.execute(self._sql, (key,)).fetchone()
        if row is None:
            return False, None
        return True, (decode(row[0]) if self._values else None)

    def get(self, key: object, default: Any = None) -> Any:
        """The value for ``key``, or ``default`` (a fresh copy for dict values)."""
        if not isinstance(key, str):
            return default
        found, value = self._lookup(key)
        if not found:
            return default
        return dict(value) if isinstance(value, dict) else value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._lookup(key)[0]

    def __getitem__(self, key: str) -> Any:
        found, value = self._lookup(key) if isinstance(key, str) else (False, None)
        if not found:
            raise KeyError(key)
        return dict(value) if isinstance(value, dict) else value


class StoreTagger(Tagger):
    """hibari's part-of-speech tagger with its tables in the store (``predict`` unchanged)."""

    def __init__(self, conn: sqlite3.Connection, tags: list[str], has_vocab: bool) -> None:
        # Not Tagger.__init__: that one wants the whole model in memory.
        self.tagdict = Table(conn, "tagdict")
        self.tags = tags
        self.vocab = Table(conn, "vocab", values=False) if has_vocab else None
        self.weights = Table(conn, "weights")


class StoreG2P(G2P):
    """hibari's G2P with its dictionaries in the store (see the module docstring).

    Args:
        conn: an open store (:func:`~kapcompanion.audio.voice.lexicon_store.open_store`)
            for the accent ``british`` asks for.
        british: the British lexicon and rules (hibari's British voices).
    """

    def __init__(self, conn: sqlite3.Connection, *, british: bool = False) -> None:
        # Not G2P.__init__: it parses the gzip'd JSON this class exists to avoid.
        meta = dict(conn.execute("SELECT name, value FROM meta").fetchall())
        self.conn = conn
        self.lexicon = Lexicon(Table(conn, "gold"), Table(conn, "silver"), british)
        with open(os.path.join(ASSETS, "tokenizer_exceptions.json"), encoding="utf-8") as f:
            self.tokenizer = Tokenizer(json.load(f))
        self.tagger = StoreTagger(conn, json.loads(meta["tags"]), meta.get("has_vocab") == "1")
        self._oov = None
        self.unk = ""
        self.british = british

    def close(self) -> None:
        """Close the store (the object must not be used afterwards)."""
        self.conn.close()


class LeanHibari(Hibari):
    """``hibari.Hibari`` whose model session has no CPU memory arena (see the docstring).

    Args:
        voice: the voice's name (picks hibari's British rules where it is British).
        model: the voice's ONNX file (always given: hibari never downloads anything).
        threads: onnxruntime threads.
        g2p: the text-to-phonemes to use (None: hibari's own, loaded on first use).
    """

    def __init__(self, voice: str, model: str, threads: int = 1, g2p: Any = None) -> None:
        # Not Hibari.__init__ (0.2.x): the same attributes, with one session option more.
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = options.inter_op_num_threads = threads
        options.log_severity_level = 3
        options.enable_cpu_mem_arena = False
        self.voice = voice
        self.model_path = model
        self.sess = ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])
        with open(os.path.join(ASSETS, "vocab.json"), encoding="utf-8") as f:
            self.vocab = json.load(f)
        self._g2p = g2p
