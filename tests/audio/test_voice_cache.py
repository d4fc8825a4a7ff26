"""The disk cache of spoken clips: hits, restarts, LRU at the cap, refusing folders."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import numpy as np

from kapcompanion.audio.voice import VoiceCache
from kapcompanion.audio.voice.cache import SUFFIX, clip_key
from tests.audio.voice_fixtures import read_only_folder, tiny_folder, tone


def test_a_stored_clip_is_a_hit_and_others_miss(tmp_path: Path) -> None:
    cache = VoiceCache(tmp_path / "voice")
    assert cache.get("heart", 1.0, "Hello.") is None
    assert not (tmp_path / "voice").exists()  # nothing is created until a clip is stored
    clip = tone(0.7)
    assert cache.put("heart", 1.0, "Hello.", clip)
    got = cache.get("heart", 1.0, "Hello.")
    assert got is not None and got.dtype == np.float32 and len(got) == len(clip)
    assert np.max(np.abs(got - clip)) < 1e-4  # 16-bit FLAC
    # The key is voice, speed and text.
    assert cache.get("emma", 1.0, "Hello.") is None
    assert cache.get("heart", 1.1, "Hello.") is None
    assert cache.get("heart", 1.0, "Hello") is None
    assert ("heart", 1.0, "Hello.") in cache and cache.count() == 1


def test_the_cache_survives_a_restart(tmp_path: Path) -> None:
    VoiceCache(tmp_path).put("heart", 0.9, "Breathe in.", tone(0.4))
    again = VoiceCache(tmp_path)
    got = again.get("heart", 0.9, "Breathe in.")
    assert got is not None and len(got) == len(tone(0.4))
    assert (
        again.size()
        == (tmp_path / f"{clip_key('heart', 0.9, 'Breathe in.')}{SUFFIX}").stat().st_size
    )


def test_least_recently_used_clips_go_first_at_the_cap(tmp_path: Path) -> None:
    probe = VoiceCache(tmp_path / "probe")
    probe.put("heart", 1.0, "x", tone(1.0, 300))
    one = probe.size()
    cache = VoiceCache(tmp_path / "voice", max_bytes=int(one * 3.5))
    for i, text in enumerate(["a", "b", "c"]):
        cache.put("heart", 1.0, text, tone(1.0, 300 + i))
    assert cache.get("heart", 1.0, "a") is not None  # "a" used again: "b" is now the oldest
    cache.put("heart", 1.0, "d", tone(1.0, 400))
    present = {t for t in "abcd" if ("heart", 1.0, t) in cache}
    assert present == {"a", "c", "d"}
    assert cache.size() <= cache.max_bytes
    assert len(list((tmp_path / "voice").glob(f"*{SUFFIX}"))) == 3
    # Use survives a restart too (it is the files' modification time).
    restarted = VoiceCache(tmp_path / "voice", max_bytes=int(one * 3.5))
    restarted.get("heart", 1.0, "c")
    restarted.put("heart", 1.0, "e", tone(1.0, 500))
    assert {t for t in "acde" if ("heart", 1.0, t) in restarted} == {"c", "d", "e"}


def test_clear_and_size(tmp_path: Path) -> None:
    cache = VoiceCache(tmp_path)
    assert cache.size() == 0 and cache.clear() == 0
    cache.put("heart", 1.0, "one", tone())
    cache.put("heart", 1.0, "two", tone())
    assert cache.size() > 0 and cache.count() == 2
    assert cache.clear() == 2
    assert cache.size() == 0 and cache.get("heart", 1.0, "one") is None
    assert list(tmp_path.iterdir()) == []


def test_a_damaged_file_is_a_miss_and_is_removed(tmp_path: Path) -> None:
    cache = VoiceCache(tmp_path)
    cache.put("heart", 1.0, "Hello.", tone())
    path = tmp_path / f"{clip_key('heart', 1.0, 'Hello.')}{SUFFIX}"
    path.write_bytes(b"not flac at all")
    assert VoiceCache(tmp_path).get("heart", 1.0, "Hello.") is None
    assert not path.exists()


def test_a_read_only_folder_is_a_logged_miss(tmp_path: Path, caplog) -> None:
    with read_only_folder(tmp_path / "ro") as folder:
        cache = VoiceCache(folder)
        with caplog.at_level(logging.WARNING):
            assert cache.put("heart", 1.0, "Hello.", tone()) is False
            assert cache.put("heart", 1.0, "Again.", tone()) is False
        assert cache.get("heart", 1.0, "Hello.") is None and cache.size() == 0
        warned = [r for r in caplog.records if "voice cache" in r.getMessage()]
        assert len(warned) == 1  # said once, not for every clip
        assert "Hello" not in caplog.text  # texts are never logged


def test_a_full_disk_is_a_miss_never_an_error(tmp_path: Path) -> None:
    with tiny_folder(tmp_path / "tiny", "64k") as folder:
        cache = VoiceCache(folder)
        results = [cache.put("heart", 1.0, f"text {i}", tone(1.5, 200 + i)) for i in range(40)]
        assert True in results and False in results  # some fit, then the disk was full
        assert not [p for p in os.listdir(folder) if p.endswith(".part")]  # no half files
        stored = [i for i, ok in enumerate(results) if ok]
        assert cache.get("heart", 1.0, f"text {stored[0]}") is not None
