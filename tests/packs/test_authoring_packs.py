"""Issue 20: build reports every problem at once; unsigned says so; inspect checks audio."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from kapcompanion.cli.packs import inspect_cli
from kapcompanion.core.packs import PackError, build_pack, import_pack
from kapcompanion.paths import data_folders

from .helpers import BUILTIN, make_source, pack_files, signed_zip


def test_build_reports_every_problem_of_every_file_at_once(tmp_path: Path, key) -> None:
    src = make_source(tmp_path / "src")
    meta = src / "pack.yaml"
    meta.write_text(meta.read_text().replace("version: 1\n", ""))
    (src / "notes.txt").write_text("private notes")
    shutil.copy(src / "pack.yaml", src / "practices" / "audio" / "x.ogg")
    welcome = src / "practices" / "sam-welcome.yaml"
    welcome.write_text(welcome.read_text().replace("cycles: 2", "cycles: lots"))
    evening = src / "practices" / "sam-evening.yaml"
    evening.write_text(evening.read_text().replace("title: ", "title "))
    week = src / "programs" / "week.yaml"
    with pytest.raises(PackError) as err:
        build_pack(src, tmp_path / "x.kappack", key=key, known_ids=BUILTIN)
    lines = err.value.message.splitlines()
    assert lines[0] == "7 problem(s); no pack was built"
    assert sorted(lines[1:]) == sorted(
        [
            f"{meta}:1:1: error: pack.yaml needs a version like 1 or 1.2 — raise it each time you "
            "share an updated pack",
            f"{src / 'notes.txt'}: error: is not a practice or an audio file — a pack holds "
            "only .yaml, .yml, .ogg, .oga, .wav, .flac, .mp3 files; move it out of the folder",
            f"{src / 'practices' / 'audio' / 'x.ogg'}: error: is named .ogg but is not that "
            "kind of audio — export it again from your audio editor",
            f'{evening}:3:6: error: a ":" is missing after "title" — write title: Evening settle',
            f"{welcome}:13:15: error: cycles must be a whole number, not text",
            f'{week}:6:1: error: day -2 names practice "sam-welcome", which is not in the '
            "library — check the id, or include the practice's file",
            f'{week}:8:1: error: day -1 names practice "sam-evening", which is not in the '
            "library — check the id, or include the practice's file",
        ]
    ), lines
    assert not (tmp_path / "x.kappack").exists()


def _without_signature(pack: Path, out: Path) -> Path:
    with zipfile.ZipFile(pack) as zf:
        entries = {n: zf.read(n) for n in zf.namelist() if n != "signature.json"}
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return out


def test_a_pack_without_signature_json_is_not_signed(
    tmp_path: Path, key, capsys: pytest.CaptureFixture[str]
) -> None:
    signed = signed_zip(tmp_path / "signed.kappack", pack_files(), key)
    bare = _without_signature(signed, tmp_path / "bare.kappack")
    assert inspect_cli(data_folders(), bare) == 0
    assert "Not signed: there is no way to know who it is from." in capsys.readouterr().out
    with pytest.raises(PackError) as err:
        import_pack(bare, data_folders(), known_ids=BUILTIN, confirm=lambda _: True)
    assert err.value.message == (
        "bare.kappack: this pack is not signed, so there is no way to know who it is from"
    )


def test_inspect_checks_the_audio_an_import_would_refuse(
    tmp_path: Path, key, capsys: pytest.CaptureFixture[str]
) -> None:
    files = pack_files()
    files["practices/audio/hello.ogg"] = b"OggS" + b"\0" * 200  # the right magic, no sound
    pack = signed_zip(tmp_path / "calm.kappack", files, key)
    assert inspect_cli(data_folders(), pack) == 1
    err = capsys.readouterr().err
    assert (
        "calm.kappack!practices/welcome.yaml:9:12: error: audio/hello.ogg is not audio this "
        "app can read" in err
    )
    assert "error: this pack cannot be imported as it is (1 problem(s))" in err
    with pytest.raises(PackError, match="1 problem"):
        import_pack(pack, data_folders(), known_ids=BUILTIN, confirm=lambda _: True)
    assert not any(p for p in data_folders().packs.glob("*") if not p.name.startswith("."))
