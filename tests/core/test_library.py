from kapcompanion.core.library import BUILT_IN, USER, Library
from kapcompanion.paths import data_folders, packs_dir, user_practices_dir
from kapcompanion.resources import builtin_scripts

from .helpers import practice_text, write


def test_user_practice_wins_an_id_clash_and_the_clash_is_reported(tmp_path):
    write(user_practices_dir(), practice_text("- say: mine\n", id="shared-id"), "a.yaml")
    pack = packs_dir() / "from-therapist"
    write(pack, practice_text("- say: theirs\n", id="shared-id"), "b.yaml")
    write(pack, "name: not a practice\n", "pack.yaml")
    lib = Library.load(data_folders(), builtin=False)
    assert lib.practice("shared-id").steps[0].text == "mine"
    assert lib.origin("shared-id") == USER
    assert any("already used" in p.message for p in lib.problems)
    assert not any(p.path.endswith("pack.yaml") for p in lib.problems)


def test_pack_practices_are_found(tmp_path):
    write(packs_dir() / "calm-pack", practice_text("- say: theirs\n", id="pack-one"), "p/one.yaml")
    lib = Library.load(data_folders(), builtin=False)
    assert lib.origin("pack-one") == "pack:calm-pack"


def test_invalid_files_are_left_out_with_a_reason():
    write(user_practices_dir(), "id: [\n", "broken.yaml")
    lib = Library.load(data_folders(), builtin=False)
    assert lib.practices == {} and lib.problems[0].path.endswith("broken.yaml")


def test_builtin_library_loads_cleanly():
    lib = Library.load(data_folders(), user=False, packs=False)
    assert builtin_scripts().is_dir()
    assert lib.problems == []
    assert all(lib.origin(pid) == BUILT_IN for pid in lib.practices)
