"""The command line as a person uses it: real processes, exit codes, no tracebacks."""

import json
import os
import subprocess
import sys

import pytest

from .helpers import practice_text, write


def run(*args, env=None):
    full = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "kapcompanion", *map(str, args)],
        capture_output=True,
        text=True,
        env=full,
        timeout=60,
    )


def no_traceback(result):
    assert "Traceback" not in result.stderr + result.stdout


def test_validate_valid_file_exits_0(tmp_path):
    path = write(tmp_path, practice_text("- say: hi\n"))
    r = run("validate", path)
    assert r.returncode == 0 and r.stdout == "all valid\n"


def test_warnings_alone_exit_0(tmp_path):
    path = write(
        tmp_path, practice_text("- breathe: {inhale: 4, hold: 11, exhale: 6, cycles: 2}\n")
    )
    r = run("validate", path)
    assert r.returncode == 0 and f"{path}:7:32: warning:" in r.stdout


def test_validate_invalid_exits_1_with_located_lines(tmp_path):
    path = write(tmp_path, practice_text("- breath: {inhale: 4}\n- silence: -1\n"))
    r = run("validate", path)
    assert r.returncode == 1
    lines = r.stdout.strip().splitlines()
    assert (
        lines[0].startswith(f"{path}:7:5: error: unknown step kind")
        and 'did you mean "breathe"' in lines[0]
    )
    assert lines[1].startswith(f"{path}:8:14: error:")
    no_traceback(r)


@pytest.mark.parametrize("content", [b"", b"\xff\xfe\x00bad", b"id: [\n", b"- a\n- b\n"])
def test_validate_broken_files_never_traceback(tmp_path, content):
    path = tmp_path / "broken.yaml"
    path.write_bytes(content)
    r = run("validate", path)
    assert r.returncode == 1 and r.stdout.startswith(str(path))
    no_traceback(r)


def test_validate_usage_errors_exit_2(tmp_path):
    assert run("validate", tmp_path / "missing.yaml").returncode == 2
    assert run("validate").returncode == 2
    assert run("frobnicate").returncode == 2


def test_validate_json(tmp_path):
    path = write(tmp_path, practice_text("- silence: 0\n"))
    r = run("validate", "--json", path)
    (item,) = json.loads(r.stdout)
    assert r.returncode == 1 and item["line"] == 7 and item["severity"] == "error"


def test_timeline_of_a_file(tmp_path):
    path = write(tmp_path, practice_text("- breathe: {inhale: 4, exhale: 6, cycles: 3}\n"))
    r = run("timeline", "--json", path)
    data = json.loads(r.stdout)
    assert r.returncode == 0 and data["total"] == 30 and len(data["cues"]) == 6
    r = run("timeline", path)
    assert "00:04.00–00:10.00  exhale" in r.stdout


def test_unknown_id_is_a_clear_error():
    r = run("timeline", "no-such-practice")
    assert r.returncode == 1 and 'no practice with id "no-such-practice"' in r.stderr
    no_traceback(r)


def test_schema_is_json():
    r = run("schema")
    data = json.loads(r.stdout)
    assert r.returncode == 0 and data["$schema"].startswith("http://json-schema.org/")


def test_data_dir_flag_puts_user_practices_there(tmp_path):
    data = tmp_path / "data"
    write(data / "practices", practice_text("- say: mine\n", id="my-own"), "mine.yaml")
    r = run("--data-dir", data, "list", "--json")
    listed = {p["id"]: p for p in json.loads(r.stdout)["practices"]}
    assert listed["my-own"]["origin"] == "user"
    r = run("list", "--json", env={"KAPCOMPANION_DATA_DIR": str(data)})
    assert "my-own" in {p["id"] for p in json.loads(r.stdout)["practices"]}


def test_version():
    r = run("--version")
    assert r.returncode == 0 and r.stdout.startswith("kapcompanion ")


def test_opening_the_app_without_arguments_reads_what_the_parser_would() -> None:
    """No arguments (the usual launch) skips building the parser; the answer is the same."""
    from kapcompanion.cli import NO_ARGUMENTS, build_parser, parse_arguments

    assert vars(build_parser().parse_args([])) == NO_ARGUMENTS
    assert vars(parse_arguments([])) == NO_ARGUMENTS
    assert parse_arguments(["--background"]).background is True
