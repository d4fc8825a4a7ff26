"""Hostile packs: every one refused with a clear message, leaving the data dir as it was.

Each test starts with one pack already imported, so "as it was" is not just "empty".
"""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

import pytest

from kapcompanion.core.packs import PackError, import_pack, inspect_pack
from kapcompanion.core.packs.safety import MAX_FILES, MiB
from kapcompanion.paths import data_folders, packs_dir

from .helpers import (
    BUILTIN,
    PRACTICE,
    check_pack,
    pack_files,
    patch_declared_size,
    signed_zip,
    snapshot,
)


@pytest.fixture(autouse=True)
def existing_pack(tmp_path, key):
    files = pack_files("already-here")
    files["pack.yaml"] = files["pack.yaml"].replace(b"A calm start", b"Already here")
    import_pack(
        signed_zip(tmp_path / "existing.kappack", files, key),
        data_folders(),
        known_ids=BUILTIN,
        confirm=lambda i: True,
    )
    assert (packs_dir() / "already-here").is_dir()


def refused(pack: Path, match: str) -> PackError:
    before = snapshot()
    asked = []
    with pytest.raises(PackError, match=match) as err:
        import_pack(
            pack, data_folders(), known_ids=BUILTIN, confirm=lambda i: asked.append(i) or True
        )
    assert asked == []
    assert snapshot() == before
    assert "Traceback" not in str(err.value)
    return err.value


def raw_zip(path: Path, entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in entries:
            zf.writestr(info, data)
    return path


def with_good_files(*extra: tuple[zipfile.ZipInfo | str, bytes]) -> list:
    return [*pack_files().items(), *extra]


@pytest.mark.parametrize(
    "name",
    [
        "../evil.yaml",
        "practices/../../evil.yaml",
        "/etc/evil.yaml",
        "C:/Windows/evil.yaml",
        "C:evil.yaml",
        "practices\\..\\..\\evil.yaml",
        "//server/share/evil.yaml",
    ],
)
def test_path_traversal_is_refused(tmp_path, name):
    info = zipfile.ZipInfo("placeholder")
    info.filename = name  # zipfile would clean some of these up; a hostile tool does not
    pack = raw_zip(tmp_path / "evil.kappack", with_good_files((info, b"id: x\n")))
    err = refused(pack, "evil.yaml")
    assert any(w in err.message for w in ("outside", "absolute", "backslash"))
    assert not (tmp_path / "evil.yaml").exists() and not Path("/etc/evil.yaml").exists()


def test_symlink_is_refused(tmp_path):
    info = zipfile.ZipInfo("practices/link.yaml")
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    pack = raw_zip(tmp_path / "link.kappack", with_good_files((info, b"../../../../etc/passwd")))
    refused(pack, "“practices/link.yaml” is a symbolic link")


@pytest.mark.parametrize("kind", [stat.S_IFIFO, stat.S_IFCHR, stat.S_IFBLK, stat.S_IFSOCK])
def test_special_files_are_refused(tmp_path, kind):
    info = zipfile.ZipInfo("practices/dev.yaml")
    info.external_attr = (kind | 0o644) << 16
    pack = raw_zip(tmp_path / "dev.kappack", with_good_files((info, b"")))
    refused(pack, "is a special file")


def test_duplicate_names_are_refused(tmp_path):
    pack = tmp_path / "dup.kappack"
    with pytest.warns(UserWarning, match="Duplicate name"):
        raw_zip(pack, with_good_files(("practices/welcome.yaml", b"id: other\n")))
    refused(pack, "“practices/welcome.yaml” appears twice")


def test_names_differing_only_in_case_are_refused(tmp_path):
    pack = raw_zip(tmp_path / "dup.kappack", with_good_files(("practices/Welcome.YAML", b"x: 1")))
    refused(pack, "appears twice")


def test_a_file_inside_a_file_is_refused(tmp_path):
    pack = raw_zip(
        tmp_path / "nest.kappack", with_good_files(("practices/welcome.yaml/inner.yaml", b"x: 1"))
    )
    refused(pack, "sits inside a file")


def test_hidden_files_are_refused(tmp_path):
    pack = raw_zip(tmp_path / "hidden.kappack", with_good_files(("practices/.sneaky.yaml", b"")))
    refused(pack, "is a hidden file")


def test_more_than_500_files_is_refused(tmp_path):
    many = [(f"practices/p{n}.yaml", b"x: 1\n") for n in range(MAX_FILES + 1)]
    pack = raw_zip(tmp_path / "many.kappack", many)
    refused(pack, "it holds 501 files; a pack may hold at most 500")


def test_file_over_50_mib_by_its_header_is_refused_before_unpacking(tmp_path):
    pack = raw_zip(tmp_path / "big.kappack", with_good_files(("practices/audio/big.wav", b"RIFF")))
    patch_declared_size(pack, "practices/audio/big.wav", 51 * MiB)
    refused(pack, "“practices/audio/big.wav” is over 50 MiB")


def test_total_over_300_mib_by_headers_is_refused(tmp_path):
    names = [f"practices/audio/part{n}.wav" for n in range(7)]
    pack = raw_zip(tmp_path / "total.kappack", with_good_files(*[(n, b"RIFF") for n in names]))
    for name in names:
        patch_declared_size(pack, name, 45 * MiB)
    refused(pack, "it unpacks to more than 300 MiB")


def test_zip_bomb_whose_header_lies_is_stopped_while_unpacking(tmp_path, key):
    """60 MiB of silence, signed honestly, but the zip headers claim 40 MiB and then 1 KiB."""
    files = pack_files()
    bomb = b"RIFF\0\0\0\0WAVE" + bytes(60 * MiB)
    files["practices/audio/bomb.wav"] = bomb
    pack = signed_zip(tmp_path / "bomb.kappack", files, key)
    assert pack.stat().st_size < 2 * MiB
    for claimed in (40 * MiB, 1024):
        patch_declared_size(pack, "practices/audio/bomb.wav", claimed)
        refused(pack, "“practices/audio/bomb.wav” (is compressed more than 100:1|unpacks to more)")


def test_entry_larger_than_its_header_says_is_stopped(tmp_path, key):
    """Incompressible data (so the ratio check cannot fire) behind a header claiming 1 KiB."""
    files = pack_files()
    noise = __import__("numpy").random.default_rng(7).integers(0, 256, 2 * MiB, dtype="uint8")
    files["practices/audio/long.wav"] = b"RIFF\0\0\0\0WAVE" + noise.tobytes()
    pack = signed_zip(tmp_path / "lie.kappack", files, key)
    patch_declared_size(pack, "practices/audio/long.wav", 1024)
    err = refused(pack, "“practices/audio/long.wav” unpacks to more than its header says")
    assert "not safe to import" in err.hint


def test_compression_over_100_to_1_is_refused(tmp_path, key):
    files = pack_files()
    files["practices/audio/quiet.wav"] = b"RIFF\0\0\0\0WAVE" + bytes(3 * MiB)
    pack = signed_zip(tmp_path / "ratio.kappack", files, key)
    refused(pack, "“practices/audio/quiet.wav” is compressed more than 100:1")


def test_honest_compressible_audio_below_the_ratio_is_fine(tmp_path, key):
    files = pack_files()
    rng = __import__("numpy").random.default_rng(1)
    noise = rng.integers(0, 256, 512 * 1024, dtype="uint8").tobytes()
    files["practices/audio/noise.wav"] = b"RIFF\0\0\0\0WAVE" + noise
    pack = signed_zip(tmp_path / "ok.kappack", files, key)
    assert (
        import_pack(pack, data_folders(), known_ids=BUILTIN, confirm=lambda i: True).status
        == "installed"
    )


@pytest.mark.parametrize(
    "name",
    [
        "practices/run.exe",
        "notes.txt",
        "practices/tool.py",
        "practices/audio/voice.m4a",
        "pack.yaml.sh",
        "manual.pdf",
    ],
)
def test_file_types_other_than_yaml_and_audio_are_refused(tmp_path, name):
    pack = raw_zip(tmp_path / "types.kappack", with_good_files((name, b"MZ\x90\x00")))
    refused(pack, f"“{name}” is not a practice or an audio file")


def test_manifest_json_deeper_in_the_pack_is_not_special(tmp_path):
    pack = raw_zip(tmp_path / "m.kappack", with_good_files(("practices/manifest.json", b"{}")))
    refused(pack, "“practices/manifest.json” is not a practice or an audio file")


def test_audio_that_is_not_audio_is_refused(tmp_path, key):
    files = pack_files()
    files["practices/audio/hello.ogg"] = b"MZ\x90\x00" + bytes(1000)
    refused(
        signed_zip(tmp_path / "fake.kappack", files, key),
        "“practices/audio/hello.ogg” is named like a .ogg file but is not one",
    )


def test_invalid_practice_is_reported_with_its_in_pack_path_and_line(tmp_path, key):
    files = pack_files()
    bad = PRACTICE.format(id="sam-welcome", title="Welcome", audio="hello.ogg")
    files["practices/welcome.yaml"] = bad.replace("cycles: 2", "cycles: -3").encode()
    files["practices/broken.yaml"] = b"kapcompanion: 1\nid: broken\ntitle: [unclosed\n"
    err = refused(signed_zip(tmp_path / "invalid.kappack", files, key), "problem")
    lines = err.message.splitlines()
    assert lines[0] == "invalid.kappack: 2 problem(s) in its practices; nothing was imported"
    assert any(
        line.startswith("invalid.kappack!practices/welcome.yaml:13:15: error:") for line in lines
    ), lines
    assert any(line.startswith("invalid.kappack!practices/broken.yaml:") for line in lines)


def test_practice_with_missing_audio_is_refused(tmp_path, key):
    files = pack_files()
    del files["practices/audio/hello.ogg"]
    err = refused(signed_zip(tmp_path / "noaudio.kappack", files, key), "problem")
    assert "noaudio.kappack!practices/welcome.yaml:9:" in err.message


def test_unknown_pack_format_version_is_refused(tmp_path, key):
    files = pack_files()
    files["pack.yaml"] = files["pack.yaml"].replace(b"kappack: 1", b"kappack: 2")
    err = refused(
        signed_zip(tmp_path / "future.kappack", files, key),
        "uses pack format 2; this version of KAP Companion reads format 1",
    )
    assert err.message.startswith("future.kappack!pack.yaml:1:10: error:")
    assert "update KAP Companion" in err.hint


@pytest.mark.parametrize(
    ("old", "new", "match"),
    [
        (b"version: 1", b"version: soon", "needs a version like 1 or 1.2"),
        (b"name: A calm start", b"name: [1, 2]", "“name” must be text"),
        (b"author: Sam Rivera\n", b"", "pack.yaml needs “author:”"),
        (b"kappack: 1\n", b"", "pack.yaml needs “kappack: 1”"),
        (b"kappack: 1\n", b"kappack: true\n", "uses pack format True"),
    ],
)
def test_bad_pack_yaml_is_refused_with_its_line(tmp_path, key, old, new, match):
    files = pack_files()
    files["pack.yaml"] = files["pack.yaml"].replace(old, new)
    err = refused(signed_zip(tmp_path / "meta.kappack", files, key), match)
    assert err.message.startswith("meta.kappack!pack.yaml:")


def test_not_a_zip_is_refused(tmp_path):
    pack = tmp_path / "text.kappack"
    pack.write_text("just some text")
    refused(pack, "not a KAP Companion pack \\(not a readable zip file\\)")


def test_zip_without_pack_yaml_is_refused(tmp_path):
    files = pack_files()
    del files["pack.yaml"]
    refused(raw_zip(tmp_path / "plain.kappack", list(files.items())), "it has no pack.yaml")


def test_encrypted_entry_is_refused(tmp_path):
    pack = raw_zip(tmp_path / "enc.kappack", with_good_files(("practices/secret.yaml", b"x")))
    raw = bytearray(pack.read_bytes())
    pos = raw.find(b"PK\x01\x02")
    while pos != -1:
        nlen = int.from_bytes(raw[pos + 28 : pos + 30], "little")
        if raw[pos + 46 : pos + 46 + nlen] == b"practices/secret.yaml":
            raw[pos + 8] |= 0x1
        pos = raw.find(b"PK\x01\x02", pos + 4)
    pack.write_bytes(bytes(raw))
    refused(pack, "“practices/secret.yaml” is encrypted")


def test_overlapping_entries_are_refused(tmp_path):
    """Two central-directory records pointing at one body: the classic overlap bomb."""
    pack = raw_zip(tmp_path / "overlap.kappack", with_good_files(("practices/a.yaml", b"x: 1\n")))
    raw = bytearray(pack.read_bytes())
    first = raw.find(b"PK\x01\x02")
    second = raw.find(b"PK\x01\x02", first + 4)
    raw[second + 42 : second + 46] = raw[first + 42 : first + 46]
    pack.write_bytes(bytes(raw))
    with pytest.raises(PackError, match="overlaps other data"):
        inspect_pack(pack, data_folders())
    refused(pack, "“pack.yaml” overlaps other data")


def test_truncated_deflate_stream_is_refused(tmp_path, key):
    files = pack_files()
    pack = signed_zip(tmp_path / "cut.kappack", files, key)
    raw = bytearray(pack.read_bytes())
    start = raw.find(b"practices/welcome.yaml") + len("practices/welcome.yaml")
    raw[start + 5 : start + 25] = bytes(20)  # scribble over the start of the deflated body
    pack.write_bytes(bytes(raw))
    refused(pack, "“practices/welcome.yaml” is damaged")


def test_validate_lists_pack_problems_with_in_pack_paths(tmp_path, key):
    from kapcompanion.core.validate import validate_paths

    files = pack_files()
    bad = PRACTICE.format(id="sam-welcome", title="Welcome", audio="hello.ogg")
    files["practices/welcome.yaml"] = bad.replace("cycles: 2", "cycles: -3").encode()
    pack = signed_zip(tmp_path / "invalid.kappack", files, key)
    before = snapshot()
    found = [d for d in validate_paths([pack], check_pack=check_pack) if d.is_error]
    assert [(d.path, d.line) for d in found] == [("invalid.kappack!practices/welcome.yaml", 13)]
    assert snapshot() == before


def test_validate_reports_an_unsafe_pack_as_one_error(tmp_path):
    from kapcompanion.core.validate import validate_paths

    info = zipfile.ZipInfo("placeholder")
    info.filename = "../evil.yaml"
    pack = raw_zip(tmp_path / "evil.kappack", with_good_files((info, b"x: 1")))
    found = validate_paths([pack], check_pack=check_pack)
    assert len(found) == 1 and found[0].is_error and found[0].path == str(pack)
    assert "points outside the pack's folder" in found[0].message


def test_terminal_escapes_in_names_are_refused_and_not_echoed(tmp_path, capsys):
    from kapcompanion.cli.packs import inspect_cli

    name = "practices/\x1b[2J\x1b]0;owned\x07.yaml"
    pack = raw_zip(tmp_path / "esc.kappack", with_good_files((name, b"x: 1")))
    refused(pack, "has control characters in its name")
    assert inspect_cli(data_folders(), pack) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err and "\\u001b[2J" in err


@pytest.mark.parametrize(
    ("key_name", "value"),
    [
        ("name", "Calm \u202eexe.yaml"),
        ("author", "Sam\x1b[31m Rivera"),
        ("message", "Hello\x1b[2J there"),
    ],
)
def test_control_characters_in_pack_yaml_are_refused(tmp_path, key, key_name, value):
    import yaml as pyyaml

    files = pack_files()
    meta = pyyaml.safe_load(files["pack.yaml"])
    meta[key_name] = value
    files["pack.yaml"] = pyyaml.safe_dump(meta, allow_unicode=True).encode()
    refused(
        signed_zip(tmp_path / "ctl.kappack", files, key),
        f"“{key_name}” has control characters in it",
    )


def _patch_end_record(pack: Path, offset: int, fmt: str, value: int) -> None:
    import struct

    raw = bytearray(pack.read_bytes())
    pos = raw.rfind(b"PK\x05\x06")
    struct.pack_into(fmt, raw, pos + offset, value)
    pack.write_bytes(bytes(raw))


def test_index_claiming_a_huge_number_of_entries_is_refused_before_reading_it(tmp_path):
    pack = raw_zip(tmp_path / "count.kappack", with_good_files())
    _patch_end_record(pack, 8, "<H", 60000)
    _patch_end_record(pack, 10, "<H", 60000)
    refused(pack, "it holds 60000 files; a pack may hold at most 500")


def test_zip64_index_is_refused(tmp_path):
    pack = raw_zip(tmp_path / "z64.kappack", with_good_files())
    _patch_end_record(pack, 12, "<L", 0xFFFFFFFF)
    refused(pack, "it uses a zip format for huge archives")


def test_practice_text_adding_up_to_more_than_32_mib_is_refused(tmp_path):
    import numpy as np

    rng = np.random.default_rng(3)
    entries = []
    for n in range(40):  # 40 x 0.9 MiB of text that barely compresses
        noise = rng.integers(97, 123, 900 * 1024, dtype="uint8").tobytes()
        entries.append((f"practices/p{n}.yaml", b"# " + noise + b"\n"))
    pack = raw_zip(tmp_path / "text.kappack", with_good_files(*entries))
    refused(pack, "its practice files add up to more than 32 MiB")


def test_unknown_zip_version_is_refused_plainly(tmp_path):
    pack = raw_zip(tmp_path / "ver.kappack", with_good_files())
    raw = bytearray(pack.read_bytes())
    raw[raw.find(b"PK\x01\x02") + 6] = 200  # "version needed to extract" = 20.0
    pack.write_bytes(bytes(raw))
    refused(pack, "not a readable zip file")


def test_index_pointing_before_the_file_start_is_refused(tmp_path):
    import struct

    pack = raw_zip(tmp_path / "neg.kappack", with_good_files())
    raw = bytearray(pack.read_bytes())
    pos = raw.rfind(b"PK\x05\x06")
    offset = struct.unpack_from("<L", raw, pos + 16)[0]
    struct.pack_into("<L", raw, pos + 16, offset + 1000)
    pack.write_bytes(bytes(raw))
    refused(pack, "is not where the index says")
