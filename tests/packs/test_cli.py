"""`kapcompanion pack ...` as a therapist and a client use it: real processes, exit codes."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from kapcompanion.cli.packs import import_cli
from kapcompanion.paths import data_folders, packs_dir

from .helpers import make_source, read_zip, rewrite_zip


def run(data, *args, stdin=None):
    env = {**os.environ, "KAPCOMPANION_DATA_DIR": str(data)}
    result = subprocess.run(
        [sys.executable, "-m", "kapcompanion", "pack", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        stdin=stdin if stdin is not None else subprocess.DEVNULL,
    )
    assert "Traceback" not in result.stdout + result.stderr
    return result


@pytest.fixture
def therapist(tmp_path):
    return tmp_path / "therapist-data"


@pytest.fixture
def client(tmp_path):
    return tmp_path / "client-data"


@pytest.fixture
def pack(tmp_path, therapist):
    assert run(therapist, "keygen", "Sam Rivera").returncode == 0
    src = make_source(tmp_path / "src")
    out = tmp_path / "calm.kappack"
    r = run(therapist, "build", src, "-o", out)
    assert r.returncode == 0, r.stderr
    assert "Signed by Sam Rivera" in r.stdout and "2 practice(s), 1 program(s)" in r.stdout
    return out


def test_build_without_a_key_says_how_to_make_one(tmp_path, therapist):
    src = make_source(tmp_path / "src")
    r = run(therapist, "build", src, "-o", tmp_path / "calm.kappack")
    assert r.returncode == 1
    assert 'kapcompanion pack keygen "Your Name"' in r.stderr
    assert not (tmp_path / "calm.kappack").exists()


def test_keygen_prints_the_fingerprint_and_refuses_a_second_key(therapist):
    r = run(therapist, "keygen", "Sam Rivera")
    assert r.returncode == 0 and "Fingerprint: " in r.stdout
    fingerprint = r.stdout.split("Fingerprint: ")[1].splitlines()[0]
    again = run(therapist, "keygen", "Someone")
    assert again.returncode == 1 and fingerprint in again.stderr


def test_inspect_shows_sender_message_contents_and_fingerprint(pack, client, therapist):
    fingerprint = run(therapist, "keygen", "x").stderr.split("fingerprint ")[1].split(")")[0]
    r = run(client, "inspect", pack)
    assert r.returncode == 0
    assert "“A calm start” — version 1" in r.stdout
    assert "From: Sam Rivera, Riverside KAP" in r.stdout
    assert f"Key fingerprint: {fingerprint}" in r.stdout
    assert "Here are the practices we tried together." in r.stdout
    assert "Welcome from Sam (sam-welcome)" in r.stdout
    assert "program: Sam's week before (sam-week)" in r.stdout
    assert not (client / "packs").exists()


def test_import_without_yes_off_a_terminal_refuses_with_a_hint(pack, client):
    r = run(client, "import", pack)
    assert r.returncode == 1 and "--yes" in r.stderr
    assert not (client / "packs").exists()


def test_import_yes_then_second_import_is_verified(pack, client, tmp_path):
    r = run(client, "import", pack, "--yes")
    assert r.returncode == 0 and "Imported “A calm start”" in r.stdout
    assert (client / "packs" / "calm-start" / "practices" / "sam-welcome.yaml").is_file()
    listed = subprocess.run(
        [sys.executable, "-m", "kapcompanion", "list"],
        capture_output=True,
        text=True,
        env={**os.environ, "KAPCOMPANION_DATA_DIR": str(client)},
    )
    assert "sam-welcome" in listed.stdout
    assert "(pack:calm-start, from Sam Rivera, Riverside KAP, verified)" in listed.stdout
    again = run(client, "import", pack, "--yes")
    assert again.returncode == 0 and "nothing changed" in again.stdout
    inspect = run(client, "inspect", pack)
    assert "from Sam Rivera, verified" in inspect.stdout


def test_import_yes_still_refuses_a_changed_file(pack, client, tmp_path):
    text = read_zip(pack)["practices/sam-welcome.yaml"].replace(b"Welcome.", b"Hello.")
    bad = rewrite_zip(pack, tmp_path / "bad.kappack", {"practices/sam-welcome.yaml": text})
    r = run(client, "import", bad, "--yes")
    assert r.returncode == 1
    assert "has changed since Sam Rivera signed this pack" in r.stderr
    assert not (client / "packs").exists() and not (client / "trusted_keys.json").exists()


def test_missing_file_is_a_usage_error(client, tmp_path):
    for command in ("inspect", "import"):
        r = run(client, command, tmp_path / "nope.kappack")
        assert r.returncode == 2 and "no such file" in r.stderr


def test_validate_accepts_a_pack(pack, client):
    env = {**os.environ, "KAPCOMPANION_DATA_DIR": str(client)}
    r = subprocess.run(
        [sys.executable, "-m", "kapcompanion", "validate", str(pack)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert r.returncode == 0, r.stdout + r.stderr


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("answer", "code", "imported"),
    [("y\n", 0, True), ("n\n", 1, False), ("\n", 1, False), ("", 1, False)],
)
def test_import_asks_on_a_terminal(pack, client, monkeypatch, capsys, answer, code, imported):
    monkeypatch.setenv("KAPCOMPANION_DATA_DIR", str(client))
    monkeypatch.setattr(sys, "stdin", Terminal(answer))
    assert import_cli(data_folders(), pack, yes=False) == code
    out = capsys.readouterr().out
    assert "Import this pack? [y/N]" in out and "Key fingerprint:" in out
    assert (packs_dir() / "calm-start").is_dir() is imported
    assert (client / "trusted_keys.json").exists() is imported


def test_build_to_a_place_that_cannot_be_written_is_refused_plainly(tmp_path, therapist):
    run(therapist, "keygen", "Sam Rivera")
    src = make_source(tmp_path / "src")
    r = run(therapist, "build", src, "-o", "/proc/no-such-place/calm.kappack")
    assert r.returncode == 1 and "cannot be written" in r.stderr


def test_inspect_lists_practices_already_in_the_library(tmp_path, therapist, client):
    run(therapist, "keygen", "Sam Rivera")
    src = make_source(tmp_path / "src", titles={"my-box": "Sam's box"}, program=False)
    out = tmp_path / "box.kappack"
    assert run(therapist, "build", src, "-o", out).returncode == 0
    own = client / "practices"
    own.mkdir(parents=True)
    text = (src / "practices" / "my-box.yaml").read_text(encoding="utf-8")
    (own / "my-box.yaml").write_text(text.split("steps:")[0] + "steps:\n  - silence: 5\n")
    r = run(client, "inspect", out)
    assert "Already in your library: my-box." in r.stdout


def test_build_refuses_the_id_of_a_built_in_practice(tmp_path, therapist):
    run(therapist, "keygen", "Sam Rivera")
    src = make_source(tmp_path / "src", titles={"box-breathing": "Sam's box"}, program=False)
    r = run(therapist, "build", src, "-o", tmp_path / "box.kappack")
    assert r.returncode == 1
    assert "“box-breathing” is the id of a practice built into KAP Companion" in r.stderr
    assert not (tmp_path / "box.kappack").exists()


def test_build_refuses_an_author_who_is_not_the_signer(tmp_path, therapist):
    run(therapist, "keygen", "Mallory Evil")
    src = make_source(tmp_path / "src")  # pack.yaml says author: Sam Rivera
    r = run(therapist, "build", src, "-o", tmp_path / "calm.kappack")
    assert r.returncode == 1
    assert "says “author: Sam Rivera”, but the pack is signed as Mallory Evil" in r.stderr
    assert "write author: Mallory Evil" in r.stderr
    assert not (tmp_path / "calm.kappack").exists()
