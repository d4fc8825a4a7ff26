"""Trust that cannot be borrowed: packs built as an attacker would, signed with real keys.

Sam Rivera's real pack is imported first; Mallory's key is trusted once (a pack of her
own, honestly named), so every attack below is signed by a key the client has accepted
or by a key never seen before.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml as pyyaml

from kapcompanion.cli.packs import describe
from kapcompanion.core.packs import PackError, import_pack, inspect_pack, pack_signers
from kapcompanion.core.packs.lookalike import look_alike
from kapcompanion.core.packs.signing import SigningError, SigningKey, SigningStore, fingerprint
from kapcompanion.paths import data_folders, packs_dir

from .helpers import BUILTIN, PRACTICE, audio_bytes, keys, pack_files, signed_zip, snapshot


def accept(_info: object) -> bool:
    return True


def attack_files(
    *,
    pack_id: str,
    name: str,
    author: str,
    clinic: str = "Riverside KAP",
    practice_id: str = "mallory-calm",
) -> dict[str, bytes]:
    """A pack's files with any pack.yaml an attacker likes (written with a YAML library)."""
    meta = {
        "kappack": 1,
        "id": pack_id,
        "name": name,
        "author": author,
        "clinic": clinic,
        "message": "Hello again.",
        "version": 1,
    }
    return {
        "pack.yaml": pyyaml.safe_dump(meta, allow_unicode=True).encode(),
        "practices/p.yaml": PRACTICE.format(id=practice_id, title="Calm", audio="a.ogg").encode(),
        "practices/audio/a.ogg": audio_bytes(),
    }


@pytest.fixture
def sam(tmp_path: Path, key: SigningKey) -> SigningKey:
    """Sam Rivera's real pack, imported: "A calm start" with sam-welcome."""
    import_pack(
        signed_zip(tmp_path / "sam.kappack", pack_files(), key),
        data_folders(),
        known_ids=BUILTIN,
        confirm=accept,
    )
    return key


@pytest.fixture
def mallory(tmp_path: Path, sam: SigningKey) -> SigningKey:
    """Mallory's key, trusted once through an honest pack of her own."""
    evil = SigningKey.generate("Mallory Evil")
    files = attack_files(pack_id="mallory-own", name="Mallory's own", author="Mallory Evil")
    import_pack(
        signed_zip(tmp_path / "mallory.kappack", files, evil),
        data_folders(),
        known_ids=BUILTIN,
        confirm=accept,
    )
    assert keys().trusted_name(evil.public_raw) == "Mallory Evil"
    return evil


def refused(pack: Path, match: str) -> PackError:
    """Import is refused with ``match``; nothing asked, nothing changed."""
    before = snapshot()
    asked: list[object] = []
    with pytest.raises(PackError, match=match) as err:
        import_pack(
            pack, data_folders(), known_ids=BUILTIN, confirm=lambda i: asked.append(i) or True
        )
    assert asked == [] and snapshot() == before
    return err.value


# -- 1. the author is the signer ----------------------------------------------------


def test_a_trusted_key_cannot_say_it_is_someone_else(tmp_path, mallory):
    files = attack_files(pack_id="sams-second", name="Sam's second", author="Sam Rivera")
    pack = signed_zip(tmp_path / "borrowed.kappack", files, mallory)
    err = refused(pack, "says it is from Sam Rivera — but it is signed by Mallory Evil")
    assert "Riverside" not in err.message
    with pytest.raises(PackError, match="signed by Mallory Evil"):
        inspect_pack(pack, data_folders())


def test_a_new_key_cannot_say_it_is_someone_else(tmp_path, sam):
    evil = SigningKey.generate("Mallory Evil")
    files = attack_files(pack_id="sams-second", name="Sam's second", author="Sam Rivera")
    refused(
        signed_zip(tmp_path / "borrowed.kappack", files, evil),
        "says it is from Sam Rivera — but it is signed by Mallory Evil",
    )


def test_the_library_names_the_key_not_what_pack_yaml_says(tmp_path, sam):
    """A pack installed before this rule (its pack.yaml names Sam) shows its signer."""
    evil = SigningKey.generate("Mallory Evil")
    files = attack_files(pack_id="old-borrowed", name="Old borrowed", author="Mallory Evil")
    import_pack(
        signed_zip(tmp_path / "m.kappack", files, evil),
        data_folders(),
        known_ids=BUILTIN,
        confirm=accept,
    )
    meta = packs_dir() / "old-borrowed" / "pack.yaml"
    meta.write_text(meta.read_text("utf-8").replace("Mallory Evil", "Sam Rivera"), "utf-8")
    found = pack_signers(packs_dir(), keys())
    assert found["pack:old-borrowed"] == ("Mallory Evil, Riverside KAP", True)
    assert found["pack:calm-start"] == ("Sam Rivera, Riverside KAP", True)


def test_pack_inspect_shows_the_keys_confirmed_name(tmp_path, sam):
    info = inspect_pack(signed_zip(tmp_path / "again.kappack", pack_files(), sam), data_folders())
    assert describe(info).splitlines()[1] == "From: Sam Rivera, Riverside KAP"


# -- 2. look-alike names -------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Sam\u200b Rivera",  # zero-width space
        "Sam Rivera\u200d",  # zero-width joiner
        "Sam \u202eareviR",  # right-to-left override
        "Sam\u2066 Rivera",  # left-to-right isolate
        "Sam\u200e Rivera",  # left-to-right mark
    ],
)
def test_invisible_or_direction_characters_in_a_signer_name_are_refused(tmp_path, sam, name):
    evil = SigningKey(SigningKey.generate("x").private, name)  # as a hostile tool would sign
    files = attack_files(pack_id="look", name="Look", author=name)
    refused(
        signed_zip(tmp_path / "look.kappack", files, evil),
        "the name it is signed with has invisible or direction-changing characters",
    )
    with pytest.raises(SigningError):
        SigningStore(tmp_path / "k", tmp_path / "t.json").create_key(name)


@pytest.mark.parametrize("name", ["Sаm Rivera", "Sam Rіvera", "SAM RIVERA", "Ｓａｍ Rivera"])
def test_a_look_alike_of_a_trusted_signer_is_refused(tmp_path, sam, name):
    evil = SigningKey.generate(name)  # Cyrillic а, Ukrainian і, capitals, full-width
    files = attack_files(pack_id="look", name="Look", author=name)
    refused(
        signed_zip(tmp_path / "look.kappack", files, evil),
        "signed with a different key from the one you already trust",
    )


@pytest.mark.parametrize(
    ("name", "match"),
    [
        ("A calm start\u200b", "“name” has invisible characters in it"),
        ("A caIm start", "already have a pack called “A calm start”"),  # capital I for l
        ("A cаlm start", "already have a pack called “A calm start”"),  # Cyrillic а
    ],
)
def test_a_look_alike_pack_name_from_another_key_is_refused(tmp_path, sam, name, match):
    evil = SigningKey.generate("Mallory Evil")
    files = attack_files(pack_id="calm-start-2", name=name, author="Mallory Evil")
    refused(signed_zip(tmp_path / "look.kappack", files, evil), match)


def test_the_skeleton_tells_different_names_apart():
    assert look_alike("Sam Rivera", "Sаm Rivera")
    assert look_alike("Sam Rivera", "Sarn Rivera")  # rn looks like m
    assert not look_alike("Sam Rivera", "Sam Rivero")
    assert not look_alike("José Ruiz", "Jose Ruiz")
    assert not look_alike("Alex Moreno", "Alex Romero")


def test_two_trusted_look_alike_signers_are_told_apart_by_fingerprint(tmp_path, sam):
    """Keys trusted before look-alikes were refused: both show with their fingerprints."""
    twin = SigningKey.generate("Sam Rivera")
    path = data_folders().trusted_keys
    records = json.loads(path.read_text("utf-8"))
    records[twin.fingerprint] = {
        "name": "Sаm Rivera",
        "first_seen": "2026-01-01T00:00:00+00:00",
        "public_key": __import__("base64").b64encode(twin.public_raw).decode(),
    }
    path.write_text(json.dumps(records), "utf-8")
    store = keys()
    assert store.shown_name(sam.public_raw) == f"Sam Rivera (key {sam.fingerprint})"
    assert store.shown_name(twin.public_raw) == f"Sаm Rivera (key {twin.fingerprint})"
    info = inspect_pack(signed_zip(tmp_path / "again.kappack", pack_files(), sam), data_folders())
    assert info.similar_signers == (("Sаm Rivera", fingerprint(twin.public_raw)),)
    text = describe(info)
    assert twin.fingerprint in text and sam.fingerprint in text
    assert pack_signers(packs_dir(), store)["pack:calm-start"][0].startswith(
        f"Sam Rivera (key {sam.fingerprint})"
    )


# -- 3. a new key cannot take over ---------------------------------------------------


def test_a_new_key_cannot_replace_a_built_in_practice(tmp_path, sam):
    evil = SigningKey.generate("Mallory Evil")
    files = attack_files(
        pack_id="box", name="Box", author="Mallory Evil", practice_id="box-breathing"
    )
    err = refused(
        signed_zip(tmp_path / "box.kappack", files, evil),
        "“box-breathing” is a practice built into KAP Companion",
    )
    assert "Mallory Evil" in err.message


def test_a_new_key_cannot_replace_another_signers_practice(tmp_path, sam):
    evil = SigningKey.generate("Mallory Evil")
    files = attack_files(
        pack_id="welcome", name="Welcome", author="Mallory Evil", practice_id="sam-welcome"
    )
    err = refused(
        signed_zip(tmp_path / "w.kappack", files, evil),
        "“sam-welcome” is already in your library from Sam Rivera's pack “A calm start”",
    )
    assert "this pack from Mallory Evil would replace it" in err.message


def test_a_trusted_key_cannot_replace_another_signers_practice(tmp_path, mallory):
    files = attack_files(
        pack_id="welcome", name="Welcome", author="Mallory Evil", practice_id="sam-welcome"
    )
    refused(signed_zip(tmp_path / "w.kappack", files, mallory), "from Sam Rivera's pack")


def test_the_same_signer_may_reuse_its_own_ids(tmp_path, sam):
    files = attack_files(
        pack_id="more", name="More from Sam", author="Sam Rivera", practice_id="sam-welcome"
    )
    result = import_pack(
        signed_zip(tmp_path / "more.kappack", files, sam),
        data_folders(),
        known_ids=BUILTIN,
        confirm=accept,
    )
    assert result.status == "installed" and result.info.also_elsewhere == ("sam-welcome",)
