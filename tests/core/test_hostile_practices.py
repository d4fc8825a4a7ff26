"""Practices that are valid-looking but hostile: terminal escapes, runaway cost, huge numbers.

Each is written as an attacker would write it and run through the real command line (or
the real checker, to measure its time and memory).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from kapcompanion.core.breath import MAX_SEGMENTS
from kapcompanion.core.cache import CheckCache
from kapcompanion.core.loader import check_file
from kapcompanion.core.yamlsafe import MAX_TEXT_CHARS

from .helpers import practice_text, write

ESC = "\x1b[2J\x1b]0;owned\x07\u202e"
#: An ESC sequence written the way YAML allows (double-quoted escapes).
YAML_ESC = "\\e[2J\\e]0;owned\\a\\u202e"


def run(*args: object, data: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KAPCOMPANION_DATA_DIR": str(data)}
    result = subprocess.run(
        [sys.executable, "-m", "kapcompanion", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert "Traceback" not in result.stdout + result.stderr
    return result


def clean(result: subprocess.CompletedProcess[str]) -> None:
    """Nothing in the output can drive a terminal."""
    out = result.stdout + result.stderr
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out


def within_budget(path: Path) -> list[str]:
    """Check ``path`` in under 1 s and 100 MiB; return the error messages."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        _item, diagnostics = check_file(path)
        took = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert took < 1.0, f"{took:.2f} s"
    assert peak < 100 * 1024 * 1024, f"{peak / 2**20:.0f} MiB"
    return [d.message for d in diagnostics if d.is_error]


# -- 4. nothing a practice says can drive the terminal ---------------------------------


def test_timeline_and_play_escape_what_a_practice_says(tmp_path):
    path = write(
        tmp_path,
        practice_text(f'- silence: 1\n  prompt: "Rest {YAML_ESC} here"\n- say: "Hi {YAML_ESC}"\n'),
    )
    timeline = run("timeline", path, data=tmp_path / "data")
    assert timeline.returncode == 0
    clean(timeline)
    assert "\\u001b[2J" in timeline.stdout
    play = run("play", "--no-window", "--silent", path, data=tmp_path / "data")
    clean(play)
    assert "Rest \\u001b[2J" in play.stdout


@pytest.mark.parametrize("key", ["title", "author"])
def test_control_characters_in_titles_and_names_are_refused_where_they_are(tmp_path, key):
    text = practice_text("- say: hi\n").replace("title: Test practice", "title: Test")
    text = text.replace("summary:", f'{key}: "Sam {YAML_ESC}"\nsummary:', 1)
    if key == "title":
        text = text.replace("title: Test\n", "")
    path = write(tmp_path, text)
    result = run("validate", path, data=tmp_path / "data")
    assert result.returncode == 1
    clean(result)
    assert f"{path}:{4 if key == 'title' else 5}:" in result.stdout
    assert f"{key} has control, invisible or direction-changing characters" in result.stdout


def test_validate_and_list_escape_practice_supplied_values(tmp_path):
    data = tmp_path / "data"
    own = data / "practices"
    text = practice_text("- say: hi\n").replace("category: anytime", f'category: "{YAML_ESC}"')
    write(own, text, "evil.yaml")
    write(
        own, practice_text("- say: hi\n", id="fine").replace("Test practice", "Fine one"), "f.yaml"
    )
    validated = run("validate", own / "evil.yaml", data=data)
    assert validated.returncode == 1 and "is not one of" in validated.stdout
    clean(validated)
    listed = run("list", data=data)
    assert listed.returncode == 0 and "Fine one" in listed.stdout
    clean(listed)


def test_render_escapes_what_it_prints(tmp_path):
    from kapcompanion.cli.render import render_cli
    from kapcompanion.core.loader import load_practice

    path = write(tmp_path, practice_text(f'- silence: 1\n  prompt: "{YAML_ESC}"\n'))
    practice = load_practice(path)
    object.__setattr__(practice, "title", f"Evil {ESC}")  # as if a check had been skipped
    result = run("render", path, "-o", tmp_path / "out.wav", data=tmp_path / "data")
    clean(result)
    assert result.returncode == 0
    import contextlib
    import io

    err, out = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        assert render_cli(practice, tmp_path / "o2.wav", voice_cache=tmp_path / "v") == 0
    assert "\x1b" not in out.getvalue() and "Evil \\u001b[2J" in out.getvalue()


# -- 5. compile cost is bounded before it is paid --------------------------------------

BOMB = """\
- repeat: 1000
  steps:
    - breathe: {inhale: 1e-300, exhale: 1e-300, cycles: 2000}
"""


#: The most a practice may ask for: 20,000 half-second phases.
WORST = """\
- repeat: 5
  steps:
    - breathe: {inhale: 0.5, exhale: 0.5, cycles: 2000}
"""


def test_tiny_breath_phases_are_refused_quickly(tmp_path):
    path = write(tmp_path, practice_text(BOMB))
    errors = within_budget(path)
    assert "inhale is too short: at least 0.5 seconds, not 1e-300" in errors
    result = run("timeline", path, data=tmp_path / "data")
    assert result.returncode == 1 and ":9:27: error: inhale is too short" in result.stderr


def test_too_many_segments_are_refused_before_compiling(tmp_path):
    path = write(tmp_path, practice_text(BOMB.replace("1e-300", "0.5")))
    errors = within_budget(path)
    expected = "the practice would have 4,000,000 breathing phases and steps; the most is"
    assert f"{expected} {MAX_SEGMENTS:,}" in errors


def test_the_most_segments_allowed_compile_quickly(tmp_path):
    from kapcompanion.core.timeline import compile_practice

    path = write(tmp_path, practice_text(WORST))
    item, diagnostics = check_file(path)
    assert item is not None and not [d for d in diagnostics if d.is_error]
    start = time.perf_counter()
    assert len(compile_practice(item).segments) == MAX_SEGMENTS  # type: ignore[arg-type]
    assert time.perf_counter() - start < 1.0


# -- 6. aliases of long strings ---------------------------------------------------------


def alias_bomb(tmp_path: Path) -> Path:
    long = "calm " * 190_000  # 0.95 MB in one anchored string
    text = practice_text(f'- say: &t "{long}"\n' + "- say: *t\n" * 400)
    return write(tmp_path, text)


def test_aliases_of_a_long_string_are_refused_while_composing(tmp_path):
    path = alias_bomb(tmp_path)
    assert path.stat().st_size < 1024 * 1024
    errors = within_budget(path)
    assert errors == [f"the file expands to more than {MAX_TEXT_CHARS // 2**20} MiB of text"]


def test_the_check_cache_has_a_size_cap(tmp_path, monkeypatch):
    from kapcompanion.core import cache as cache_module

    monkeypatch.setattr(cache_module, "MAX_CACHE_BYTES", 2000)
    path = write(tmp_path, practice_text("- say: " + "calm " * 1000 + "\n"))
    store = tmp_path / "check-cache.pickle"
    cache = CheckCache(store)
    cache.put(path, check_file(path))
    cache.save()
    assert not store.exists()  # too big to keep
    store.write_bytes(b"x" * 5000)
    assert CheckCache(store).entries == {}  # too big to read


# -- 7. numbers -------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["1" + "0" * 400, "1e308", "1" + "0" * 400 + "s", "4h1s"])
def test_huge_durations_are_one_located_error(tmp_path, value):
    path = write(tmp_path, practice_text(f"- silence: {value}\n"))
    assert within_budget(path) == ["silence: too long: at most 4 hours"]
    for command in ("validate", "timeline"):
        result = run(command, path, data=tmp_path / "data")
        assert result.returncode == 1
        out = result.stdout + result.stderr
        assert f"{path}:7:14: error: silence: too long: at most 4 hours" in out
        assert "OverflowError" not in out and len(out) < 400


def test_a_huge_whole_number_is_a_located_error(tmp_path):
    path = write(
        tmp_path,
        practice_text(
            "- breathe: {inhale: 4, exhale: 4, cycles: 1" + "0" * 400 + "}\n",
            extra="sound:\n  ambient_volume: 1" + "0" * 400 + "\n",
        ),
    )
    errors = within_budget(path)
    assert "cycles must be from 1 to 2000, not a huge number" in errors
    assert "ambient_volume must be between 0 and 1, not huge" in errors


# -- 8. paths that are not files --------------------------------------------------------


def test_validate_a_folder_named_like_a_file(tmp_path):
    (tmp_path / "x.yaml").mkdir()
    result = run("validate", tmp_path / "x.yaml", data=tmp_path / "data")
    assert result.returncode == 2
    assert "is a folder — validate a folder by naming it without .yaml" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_validate_a_pipe(tmp_path):
    fifo = tmp_path / "f.yaml"
    os.mkfifo(fifo)
    result = run("validate", fifo, data=tmp_path / "data")
    assert result.returncode == 2 and "f.yaml: is not a regular file" in result.stderr
    result = run("timeline", fifo, data=tmp_path / "data")
    assert result.returncode == 1 and "is not a regular file" in result.stderr
