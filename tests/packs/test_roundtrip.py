"""Build, inspect and import a real pack end to end; updates replace in place."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kapcompanion.core.library import Library
from kapcompanion.core.packs import (
    PackError,
    build_pack,
    import_pack,
    inspect_pack,
    installed_packs,
    pack_authors,
    pack_for,
)
from kapcompanion.core.packs.format import NEW_KEY, VERIFIED
from kapcompanion.core.validate import validate_paths
from kapcompanion.paths import data_folders, packs_dir

from .helpers import (
    BUILTIN,
    PRACTICE,
    check_pack,
    make_source,
    packs_listing,
    read_zip,
    snapshot,
)


def build(tmp_path: Path, key, file: str = "calm.kappack", **kw) -> Path:
    src = make_source(tmp_path / f"src-{file}", **kw)
    return build_pack(src, tmp_path / file, key=key, known_ids=BUILTIN)


def test_build_inspect_import_round_trip(tmp_path, key):
    src = make_source(tmp_path / "src")
    pack = build_pack(src, tmp_path / "calm.kappack", key=key, known_ids=BUILTIN)

    info = inspect_pack(pack, data_folders())
    assert (info.name, info.meta.author, info.meta.clinic, info.meta.version) == (
        "A calm start",
        "Sam Rivera",
        "Riverside KAP",
        "1",
    )
    assert info.meta.message.startswith("Here are the practices we tried together.")
    assert sorted(info.practices) == [
        ("sam-evening", "Evening settle"),
        ("sam-welcome", "Welcome from Sam"),
    ]
    assert info.programs == (("sam-week", "Sam's week before"),)
    assert info.fingerprint == key.fingerprint and info.signer == "Sam Rivera"
    assert info.trust == NEW_KEY and not info.verified
    assert sorted(p for p, _ in info.files) == sorted(
        p.relative_to(src).as_posix() for p in src.rglob("*") if p.is_file()
    )

    seen = []
    result = import_pack(
        pack, data_folders(), known_ids=BUILTIN, confirm=lambda i: seen.append(i) or True
    )
    assert result.status == "installed" and seen[0].fingerprint == key.fingerprint
    folder = packs_dir() / "calm-start"
    assert result.folder == folder
    for path in src.rglob("*"):
        if path.is_file():
            assert (folder / path.relative_to(src)).read_bytes() == path.read_bytes()

    lib = Library.load(data_folders(), use_cache=False)
    assert lib.origin("sam-welcome") == "pack:calm-start"
    assert lib.practice("sam-welcome").author == "Sam Rivera"
    assert "sam-week" in lib.programs
    assert not [p for p in lib.problems if "calm-start" in p.path]
    assert (
        pack_for(folder / "practices" / "sam-welcome.yaml", data_folders().packs).meta.author
        == "Sam Rivera"
    )
    assert pack_authors(data_folders().packs) == {"pack:calm-start": "Sam Rivera, Riverside KAP"}


def test_audio_is_stored_and_yaml_compressed(tmp_path, key):
    pack = build(tmp_path, key)
    import zipfile

    with zipfile.ZipFile(pack) as zf:
        kinds = {i.filename: i.compress_type for i in zf.infolist()}
    assert kinds["practices/audio/sam-evening.ogg"] == zipfile.ZIP_STORED
    assert kinds["practices/sam-welcome.yaml"] == zipfile.ZIP_DEFLATED


def test_declining_leaves_nothing_and_trusts_nobody(tmp_path, key):
    pack = build(tmp_path, key)
    before = snapshot()
    result = import_pack(pack, data_folders(), known_ids=BUILTIN, confirm=lambda info: False)
    assert result.status == "declined" and not result.accepted
    assert snapshot() == before
    assert packs_listing() == []


def test_second_pack_from_same_key_is_verified(tmp_path, key):
    first = build(tmp_path, key, "one.kappack")
    second = build(
        tmp_path,
        key,
        "two.kappack",
        pack_id="evening",
        name="Evenings",
        titles={"sam-night": "Night settle"},
        program=False,
    )
    import_pack(first, data_folders(), known_ids=BUILTIN, confirm=lambda i: True)
    info = inspect_pack(second, data_folders())
    assert info.trust == VERIFIED and info.verified and info.signer == "Sam Rivera"
    assert info.fingerprint == key.fingerprint
    result = import_pack(second, data_folders(), known_ids=BUILTIN, confirm=lambda i: True)
    assert result.status == "installed" and result.info.verified
    assert [p.meta.pack_id for p in installed_packs(data_folders().packs)] == [
        "calm-start",
        "evening",
    ]


def test_newer_version_replaces_in_place(tmp_path, key):
    v1 = build(tmp_path, key, "v1.kappack")
    import_pack(v1, data_folders(), known_ids=BUILTIN, confirm=lambda i: True)
    folder = packs_dir() / "calm-start"
    old_inode = (folder / "practices" / "sam-welcome.yaml").stat().st_ino

    v2 = build(
        tmp_path,
        key,
        "v2.kappack",
        version="1.1",
        titles={"sam-welcome": "Welcome back", "sam-dawn": "Dawn"},
        program=False,
    )
    info = inspect_pack(v2, data_folders())
    assert info.installed_version == "1" and info.verified
    result = import_pack(v2, data_folders(), known_ids=BUILTIN, confirm=lambda i: True)
    assert result.status == "updated" and result.folder == folder
    assert not (folder / "practices" / "sam-evening.yaml").exists()
    assert not (folder / "programs").exists()
    assert (folder / "practices" / "sam-welcome.yaml").stat().st_ino != old_inode
    lib = Library.load(data_folders(), use_cache=False)
    assert lib.practice("sam-welcome").title == "Welcome back"
    assert lib.origin("sam-welcome") == "pack:calm-start"
    assert "sam-evening" not in lib.practices
    assert [p.name for p in packs_dir().iterdir()] == ["calm-start"]


def test_same_pack_again_is_unchanged(tmp_path, key):
    pack = build(tmp_path, key)
    import_pack(pack, data_folders(), known_ids=BUILTIN, confirm=lambda i: True)
    before = snapshot()
    asked = []
    result = import_pack(
        pack, data_folders(), known_ids=BUILTIN, confirm=lambda i: asked.append(i) or True
    )
    assert result.status == "unchanged" and asked == []
    assert snapshot() == before


@pytest.mark.parametrize("version", ["0.9", "1"])
def test_older_or_same_version_with_other_contents_is_refused(tmp_path, key, version):
    import_pack(
        build(tmp_path, key, "v1.kappack"),
        data_folders(),
        known_ids=BUILTIN,
        confirm=lambda i: True,
    )
    other = build(
        tmp_path,
        key,
        "old.kappack",
        version=version,
        titles={"sam-welcome": "Something else", "sam-evening": "Evening"},
    )
    before = snapshot()
    with pytest.raises(PackError, match="you already have version 1 of “A calm start”"):
        import_pack(other, data_folders(), known_ids=BUILTIN, confirm=lambda i: True)
    assert snapshot() == before


def test_interrupted_update_is_put_right_on_next_import(tmp_path, key):
    import_pack(
        build(tmp_path, key, "one.kappack"),
        data_folders(),
        known_ids=BUILTIN,
        confirm=lambda i: True,
    )
    folder = packs_dir() / "calm-start"
    aside = packs_dir() / ".old-calm-start-1a2b3c4d"
    os.rename(folder, aside)  # as if the app stopped between the two renames
    stale = packs_dir() / ".incoming-zzzz"
    stale.mkdir()
    os.utime(stale, (0, 0))
    second = build(
        tmp_path,
        key,
        "two.kappack",
        pack_id="evening",
        name="Evenings",
        titles={"sam-night": "Night settle"},
        program=False,
    )
    import_pack(second, data_folders(), known_ids=BUILTIN, confirm=lambda i: True)
    assert sorted(p.name for p in packs_dir().iterdir()) == ["calm-start", "evening"]
    assert (folder / "practices" / "sam-welcome.yaml").is_file()


def test_validate_reports_a_pack_as_valid_and_leaves_nothing(tmp_path, key):
    pack = build(tmp_path, key)
    before = snapshot()
    assert [d for d in validate_paths([pack], check_pack=check_pack) if d.is_error] == []
    assert packs_listing() == [] and snapshot() == before


def test_build_refuses_folder_without_pack_yaml(tmp_path, key):
    src = make_source(tmp_path / "src")
    (src / "pack.yaml").unlink()
    with pytest.raises(PackError, match=r"has no pack\.yaml"):
        build_pack(src, tmp_path / "x.kappack", key=key, known_ids=BUILTIN)
    assert not (tmp_path / "x.kappack").exists()


def test_build_refuses_other_files_links_and_invalid_practices(tmp_path, key):
    src = make_source(tmp_path / "src")
    (src / "notes.txt").write_text("private notes")
    with pytest.raises(PackError, match=r"notes\.txt: error: is not a practice or an audio file"):
        build_pack(src, tmp_path / "x.kappack", key=key, known_ids=BUILTIN)
    (src / "notes.txt").unlink()
    (src / "link.yaml").symlink_to(src / "practices" / "sam-welcome.yaml")
    with pytest.raises(PackError, match="is a link"):
        build_pack(src, tmp_path / "x.kappack", key=key, known_ids=BUILTIN)
    (src / "link.yaml").unlink()
    bad = src / "practices" / "sam-welcome.yaml"
    bad.write_text(bad.read_text().replace("cycles: 2", "cycles: lots"))
    with pytest.raises(PackError) as err:
        build_pack(src, tmp_path / "x.kappack", key=key, known_ids=BUILTIN)
    assert f"{bad}:13:" in str(err.value)
    assert not (tmp_path / "x.kappack").exists()


def test_hidden_files_are_left_out_of_a_build(tmp_path, key):
    src = make_source(tmp_path / "src")
    (src / ".DS_Store").write_bytes(b"\0\1junk")
    (src / ".git").mkdir()
    (src / ".git" / "HEAD").write_text("ref")
    pack = build_pack(src, tmp_path / "calm.kappack", key=key, known_ids=BUILTIN)
    assert not [n for n in read_zip(pack) if n.startswith(".") or "/." in n]


def test_build_refuses_fake_audio(tmp_path, key):
    src = make_source(tmp_path / "src")
    shutil.copy(src / "practices" / "sam-welcome.yaml", src / "practices" / "audio" / "x.ogg")
    with pytest.raises(
        PackError, match=r"x\.ogg: error: is named \.ogg but is not that kind of audio"
    ):
        build_pack(src, tmp_path / "x.kappack", key=key, known_ids=BUILTIN)


def test_practices_already_in_the_library_are_pointed_out(tmp_path, key):
    pack = build(tmp_path, key, titles={"sam-box": "Sam's box", "sam-welcome": "Hi"}, program=False)
    own = data_folders().practices
    own.mkdir(parents=True, exist_ok=True)
    text = PRACTICE.format(id="sam-box", title="My box", audio="x.ogg").split("steps:")[0]
    (own / "sam-box.yaml").write_text(text + "steps:\n  - silence: 5\n", encoding="utf-8")
    info = inspect_pack(pack, data_folders())
    assert info.also_elsewhere == ("sam-box",)
    import_pack(pack, data_folders(), known_ids=BUILTIN, confirm=lambda i: True)
    # the person's own practice still comes first
    assert inspect_pack(pack, data_folders()).also_elsewhere == ("sam-box",)


def test_update_keeps_the_clients_journal_entries_linked(tmp_path, key):
    from kapcompanion.journal.store import JournalStore

    import_pack(
        build(tmp_path, key, "v1.kappack"),
        data_folders(),
        known_ids=BUILTIN,
        confirm=lambda i: True,
    )
    journal = JournalStore.open(daily_backup=False)
    try:
        journal.record_answer("sam-welcome", 0, "settled", "check_in", 7)
        import_pack(
            build(
                tmp_path,
                key,
                "v2.kappack",
                version="2",
                titles={"sam-welcome": "Welcome back", "sam-evening": "Evening"},
            ),
            data_folders(),
            known_ids=BUILTIN,
            confirm=lambda i: True,
        )
        entries = journal.entries()
    finally:
        journal.close()
    assert [(e.practice_id, e.value) for e in entries] == [("sam-welcome", 7)]
    lib = Library.load(data_folders(), use_cache=False)
    assert lib.practice(entries[0].practice_id).title == "Welcome back"
