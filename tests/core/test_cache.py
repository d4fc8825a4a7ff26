import os

import numpy as np
import soundfile

from kapcompanion.core.cache import CheckCache, check_files
from kapcompanion.core.library import Library
from kapcompanion.paths import data_folders, user_practices_dir

from .helpers import practice_text, write


def test_valid_results_are_remembered_and_reused(tmp_path):
    path = write(tmp_path, practice_text("- say: hi\n"))
    cache = CheckCache(tmp_path / "c.pickle")
    (first,) = check_files([path], cache)
    cache.save()
    again = CheckCache(tmp_path / "c.pickle")
    assert again.get(path) is not None
    assert again.get(path)[0].id == first[0].id


def test_a_changed_file_is_checked_afresh(tmp_path):
    path = write(tmp_path, practice_text("- say: hi\n"))
    cache = CheckCache(tmp_path / "c.pickle")
    check_files([path], cache)
    path.write_text(practice_text("- silence: 0\n"), encoding="utf-8")
    os.utime(path, ns=(1, 1))
    ((item, diags),) = check_files([path], cache)
    assert item is None and diags[0].is_error
    assert cache.get(path) is None  # invalid results are never kept


def test_a_changed_voice_clip_invalidates(tmp_path):
    (tmp_path / "audio").mkdir()
    clip = tmp_path / "audio" / "a.wav"
    soundfile.write(clip, np.zeros((44100, 1)), 44100)
    path = write(tmp_path, practice_text("- say: hi\n  voice: audio/a.wav\n"))
    cache = CheckCache(tmp_path / "c.pickle")
    ((item, _),) = check_files([path], cache)
    assert item.steps[0].duration == 1.0
    soundfile.write(clip, np.zeros((88200, 1)), 44100)
    assert cache.get(path) is None
    ((item, _),) = check_files([path], cache)
    assert item.steps[0].duration == 2.0


def test_a_corrupt_cache_is_ignored(tmp_path):
    bad = tmp_path / "c.pickle"
    bad.write_bytes(b"not a pickle")
    path = write(tmp_path, practice_text("- say: hi\n"))
    ((item, _),) = check_files([path], CheckCache(bad))
    assert item is not None


def test_many_files_checked_in_parallel_match_serial(tmp_path):
    paths = [
        write(tmp_path, practice_text("- say: hi\n", id=f"p-{i}"), f"p{i}.yaml") for i in range(210)
    ]
    paths.append(write(tmp_path, practice_text("- silence: 0\n", id="bad"), "bad.yaml"))
    results = check_files(paths)
    assert [r[0].id for r in results[:-1]] == [f"p-{i}" for i in range(210)]
    assert results[-1][0] is None and results[-1][1][0].line == 7


def test_library_writes_its_cache_inside_the_data_dir():
    write(user_practices_dir(), practice_text("- say: mine\n", id="mine"), "mine.yaml")
    Library.load(data_folders(), builtin=False)
    assert data_folders().check_cache.is_file()
    assert Library.load(data_folders(), builtin=False).practice("mine").steps[0].text == "mine"
