"""The voice's pronunciation store: the same phonemes as hibari's own G2P, and safe failures.

Real parts throughout: hibari's stock G2P, the store built by the real builder process,
real SQLite files, real read-only and full filesystems (where they can be mounted).
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hibari import Hibari
from hibari.g2p import G2P

from kapcompanion.audio.voice import VoiceEngine
from kapcompanion.audio.voice import lexicon_store as store
from kapcompanion.audio.voice.lean import LeanHibari, StoreG2P, Table
from kapcompanion.audio.voice.live import lexicon_folder
from kapcompanion.audio.voice.process import ProcessEngine
from kapcompanion.core.library import Library
from kapcompanion.core.spoken import is_english, spoken_items
from tests.audio.voice_fixtures import read_only_folder, tiny_folder

pytestmark = pytest.mark.voice

#: Sentences that exercise every path of hibari's G2P: numbers and money, capitals and
#: initials, words whose sound depends on their part of speech, contractions, hyphens,
#: possessives, unknown words (the OOV net), symbols and quotes.
TRICKY = [
    "I read the book yesterday; tomorrow I will read it again.",
    "We live here. The band played live, and the live wire sparked.",
    "Record the record, then present the present to the object of the object.",
    "Please don't worry; it's fine, you're safe, we'd go, they'll stay, I'm here.",
    "It's 3:30 on the 3rd of March 2024, and 1,250 people paid $9.99 (or £4.50) each.",
    "Call 0800 123 456, room 101, 2.5 kg, 75% off, -3 degrees, the 1990s and 21st century.",
    "THE NASA team's well-known co-founder, Dr. J. K. Rowling, met Mr. O'Neill at 10am.",
    "A self-compassion check-in: breathe in... hold... and out — slowly, gently.",
    "Used to it? I used the used car; an apple, a pear, an hour, the end, the apple.",
    "Zorblax and flimwhistle are not words; neither is Kapcompanion, but KAP is.",
    "He said “hello” and ‘goodbye’ & left @ 5 + 5 = 10 / 2.",
    "In, in; To the sea, to him; By and by, stand by. AM or PM? I am; am I?",
    "Tears, tears, the wind tears the sail; lead the way with lead pipes; close the close door.",
    "Mindfulness-based stress reduction (MBSR) and EMDR are therapies; KAP-assisted work too.",
    "Ketamine-assisted psychotherapy, integration, your intention, and your body's wisdom.",
]


def library_texts() -> list[str]:
    """Every text the voice says in the built-in library (breath words included)."""
    texts: dict[str, None] = {}
    for practice in Library.load(None).practices.values():
        if is_english(practice.language):
            for item in spoken_items(practice, spoken_cues=True):
                texts[item.text] = None
    return list(texts)


def phonemes(g2p: G2P, text: str) -> list[str]:
    """What the voice reads for ``text``: hibari's sentence split, then the G2P per sentence."""
    return [g2p(sentence) for sentence in Hibari.split_sentences(text)]


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with both accents' stores, made by the real builder process."""
    folder = tmp_path_factory.mktemp("g2p")
    assert store.prepare(folder, "heart") == store.store_path(folder, "us")
    assert store.prepare(folder, "emma") == store.store_path(folder, "gb")
    return folder


def open_g2p(folder: Path, accent: str) -> StoreG2P:
    key = store.store_key(accent)
    assert key is not None
    conn = store.open_store(store.store_path(folder, accent), key)
    assert conn is not None
    return StoreG2P(conn, british=accent == "gb")


@pytest.mark.parametrize("accent", ["us", "gb"])
def test_the_store_reads_every_library_text_exactly_as_hibari_does(
    stores: Path, accent: str
) -> None:
    stock = G2P(british=accent == "gb")
    lean = open_g2p(stores, accent)
    texts = library_texts() + TRICKY
    assert len(texts) > 150  # the whole library, not a sample
    differ = [t for t in texts if phonemes(stock, t) != phonemes(lean, t)]
    assert differ == []
    # Really read from the store (not hibari's dicts by another road).
    assert isinstance(lean.lexicon.golds.d, Table) and isinstance(lean.tagger.weights, Table)


def test_the_comparison_notices_one_changed_entry(stores: Path, tmp_path: Path) -> None:
    # The equality above can fail: change one word in a copy of the store, and it does.
    copy = tmp_path / store.store_path(tmp_path, "us").name
    shutil.copy(store.store_path(stores, "us"), copy)
    with sqlite3.connect(copy) as conn:
        conn.execute("UPDATE gold SET v = 'kˈʌmfəɹtəbᵊlZZ' WHERE k = 'comfortable'")
    conn.close()
    text = "Find a comfortable seat."
    assert phonemes(G2P(), text) == phonemes(open_g2p(stores, "us"), text)
    assert phonemes(G2P(), text) != phonemes(open_g2p(tmp_path, "us"), text)


def test_tables_answer_as_dicts_do(stores: Path) -> None:
    g2p = open_g2p(stores, "us")
    gold = g2p.lexicon.golds.d
    assert isinstance(gold.get("read"), dict) and "VBD" in gold.get("read")
    assert isinstance(gold.get("hello"), str)
    assert gold.get("notaword-zzz") is None and "notaword-zzz" not in gold
    assert "hello" in gold and gold["hello"] == gold.get("hello")
    with pytest.raises(KeyError):
        gold["notaword-zzz"]
    gold.get("read")["VBD"] = "changed"  # a caller's change never reaches the store
    assert gold.get("read")["VBD"] != "changed"
    assert g2p.tagger.vocab is not None and "the" in g2p.tagger.vocab
    assert g2p.tagger.weights.get("b") and g2p.tagger.tagdict.get("the") == "DT"


def test_the_lean_model_session_sounds_exactly_the_same() -> None:
    path = store.assets_folder() / "hibari.onnx"  # type: ignore[operator]
    g2p = G2P()
    stock = Hibari(model=str(path), g2p=g2p)
    lean = LeanHibari("heart", str(path), g2p=g2p)
    text = "Let your breath settle. Notice the weight of your hands."
    assert np.array_equal(stock(text, seed=7), lean(text, seed=7))


def test_a_store_from_another_hibari_is_made_again(stores: Path, tmp_path: Path) -> None:
    shutil.copy(store.store_path(stores, "us"), store.store_path(tmp_path, "us"))
    with sqlite3.connect(store.store_path(tmp_path, "us")) as conn:
        conn.execute("UPDATE meta SET value = 'format=1\nhibari=0.1.0' WHERE name = 'key'")
    conn.close()
    key = store.store_key("us")
    assert key is not None
    assert store.open_store(store.store_path(tmp_path, "us"), key) is None  # out of date
    assert store.prepare(tmp_path, "heart") == store.store_path(tmp_path, "us")
    assert store.open_store(store.store_path(tmp_path, "us"), key) is not None
    assert not list(tmp_path.glob("*.part"))  # no temporary file left behind


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_damaged_store_is_made_again_without_a_traceback(
    stores: Path, tmp_path: Path, damage: str, caplog: pytest.LogCaptureFixture
) -> None:
    path = store.store_path(tmp_path, "us")
    if damage == "garbage":
        path.write_bytes(b"this is not a database" * 100)
    else:
        data = store.store_path(stores, "us").read_bytes()
        path.write_bytes(data[: len(data) // 2])
    with caplog.at_level(logging.INFO):
        assert store.prepare(tmp_path, "heart") == path
    key = store.store_key("us")
    assert key is not None and store.open_store(path, key) is not None


def test_no_folder_to_write_in_keeps_hibaris_own_dictionaries(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with read_only_folder(tmp_path / "ro") as ro, caplog.at_level(logging.INFO):
        engine = VoiceEngine(lexicon=ro / "g2p")
        clip = engine.synthesize("The practice still speaks.")
        assert engine._builder is not None
        engine._builder.join(120)
        assert store.prepare(ro / "g2p", "heart") is None  # and not tried again
    assert len(clip) > 0 and not engine.from_store
    assert "could not be made" in caplog.text


def test_a_full_disk_keeps_hibaris_own_dictionaries(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with tiny_folder(tmp_path / "full", "256k") as full, caplog.at_level(logging.INFO):
        engine = VoiceEngine(lexicon=full)
        clip = engine.synthesize("The practice still speaks.")
        assert engine._builder is not None
        engine._builder.join(120)
        assert not list(full.iterdir())  # the half-made file was removed
    assert len(clip) > 0 and not engine.from_store
    assert "could not be made" in caplog.text


def test_the_engine_reads_the_store_and_survives_it_breaking(
    stores: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "g2p"
    folder.mkdir()
    path = store.store_path(folder, "us")
    shutil.copy(store.store_path(stores, "us"), path)
    engine = VoiceEngine(lexicon=folder, build_lexicon=False)
    first = engine.synthesize("Find a comfortable seat.")
    assert engine.from_store and len(first) > 0
    # The file is overwritten under the running voice (a disk error, another program).
    engine._tts.g2p.conn.execute("PRAGMA shrink_memory")
    with path.open("r+b") as f:
        f.seek(4096)
        f.write(b"\xff" * (path.stat().st_size - 4096))
    with caplog.at_level(logging.WARNING):
        clip = engine.synthesize("Zebras quietly vanish over yellow hills, jubilant and warm.")
    assert len(clip) > 0 and not engine.from_store
    assert "pronunciation store failed" in caplog.text
    assert not path.exists()  # made afresh next time


def test_a_first_start_speaks_at_once_and_the_next_reads_the_store(tmp_path: Path) -> None:
    engine = VoiceEngine(lexicon=tmp_path / "g2p")
    assert len(engine.synthesize("Hello again.")) > 0
    assert not engine.from_store and engine._builder is not None  # made meanwhile
    engine._builder.join(120)
    later = VoiceEngine(lexicon=tmp_path / "g2p")
    assert len(later.synthesize("Hello again.")) > 0 and later.from_store


def test_the_voice_process_builds_the_store_once_then_reads_it(tmp_path: Path) -> None:
    folder = lexicon_folder(tmp_path / "voice")
    assert folder is not None
    engine = ProcessEngine("heart", lexicon=folder)
    try:
        engine.load()
        assert not engine.from_store  # first start: hibari's own, the store made meanwhile
        assert engine._builder is not None
        engine._builder.join(120)
        assert store.store_path(folder, "us").is_file()
        engine.unload()  # let go while idle
        assert len(engine.synthesize("Welcome back.")) > 0
        assert engine.from_store
    finally:
        engine.unload()


def test_an_app_that_ends_mid_build_says_nothing_alarming(tmp_path: Path) -> None:
    """A short first play ends before the store is made: that is no failure to warn about
    (it is made on the next start), and the half-made file is cleared by that next build."""
    script = (
        "import logging, sys, time\n"
        "from pathlib import Path\n"
        "logging.basicConfig(level=logging.WARNING, stream=sys.stderr)\n"
        "from kapcompanion.audio.voice import lexicon_store as store\n"
        "thread = store.build_later(Path(sys.argv[1]), 'heart')\n"
        "time.sleep(1.0)\n"  # the builder is running (spawned) and has not finished
        "print('alive' if thread.is_alive() else 'done')\n"
    )
    folder = tmp_path / "g2p"
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", script, str(folder)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "alive"  # the app ended while the build ran
    assert "WARNING" not in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert not store.store_path(folder, "us").exists()
    assert store.prepare(folder, "heart") == store.store_path(folder, "us")
    assert not list(folder.glob(".*.part"))
