"""Signatures: verified packs, first-key confirmation, tampering and key clashes refused."""

from __future__ import annotations

import json
import stat

import pytest

from kapcompanion.core.packs import PackError, import_pack, inspect_pack, signing
from kapcompanion.core.packs.format import NEW_KEY, UNSIGNED, VERIFIED
from kapcompanion.core.packs.signing import SigningKey
from kapcompanion.paths import data_dir, data_folders, packs_dir

from .helpers import BUILTIN, keys, pack_files, read_zip, rewrite_zip, signed_zip, snapshot


def accept(info):
    return True


def test_first_pack_shows_fingerprint_then_key_is_trusted(tmp_path, key):
    pack = signed_zip(tmp_path / "a.kappack", pack_files(), key)
    shown = []
    import_pack(
        pack, data_folders(), known_ids=BUILTIN, confirm=lambda info: shown.append(info) or True
    )
    assert shown[0].trust == NEW_KEY and shown[0].fingerprint == key.fingerprint
    records = json.loads((data_dir() / "trusted_keys.json").read_text())
    assert list(records) == [key.fingerprint]
    record = records[key.fingerprint]
    assert record["name"] == "Sam Rivera" and record["first_seen"]
    later = signed_zip(tmp_path / "b.kappack", pack_files("second"), key)
    info = inspect_pack(later, data_folders())
    assert info.trust == VERIFIED and info.signer == "Sam Rivera"


def test_declining_a_new_key_does_not_trust_it(tmp_path, key):
    pack = signed_zip(tmp_path / "a.kappack", pack_files(), key)
    import_pack(pack, data_folders(), known_ids=BUILTIN, confirm=lambda info: False)
    assert not (data_dir() / "trusted_keys.json").exists()
    assert inspect_pack(pack, data_folders()).trust == NEW_KEY


def refused(pack, match):
    before = snapshot()
    with pytest.raises(PackError, match=match) as err:
        import_pack(pack, data_folders(), known_ids=BUILTIN, confirm=accept)
    assert snapshot() == before
    return err.value


def test_changed_practice_is_refused(tmp_path, key):
    good = signed_zip(tmp_path / "good.kappack", pack_files(), key)
    text = read_zip(good)["practices/welcome.yaml"].replace(b"cycles: 2", b"cycles: 9")
    bad = rewrite_zip(good, tmp_path / "bad.kappack", {"practices/welcome.yaml": text})
    err = refused(bad, "“practices/welcome.yaml” has changed since Sam Rivera signed this pack")
    assert "nothing was imported" in err.hint


def test_changed_audio_is_refused_during_extraction(tmp_path, key):
    good = signed_zip(tmp_path / "good.kappack", pack_files(), key)
    audio = bytearray(read_zip(good)["practices/audio/hello.ogg"])
    audio[-10] ^= 0xFF
    bad = rewrite_zip(good, tmp_path / "bad.kappack", {"practices/audio/hello.ogg": bytes(audio)})
    refused(bad, "“practices/audio/hello.ogg” has changed since Sam Rivera signed")


def test_changed_manifest_breaks_the_signature(tmp_path, key):
    good = signed_zip(tmp_path / "good.kappack", pack_files(), key)
    manifest = json.loads(read_zip(good)["manifest.json"])
    manifest["signer"]["name"] = "Someone Else"
    bad = rewrite_zip(
        good, tmp_path / "bad.kappack", {"manifest.json": json.dumps(manifest).encode()}
    )
    refused(bad, "its signature does not match")


def test_signature_from_another_key_is_refused(tmp_path, key, other_key):
    good = signed_zip(tmp_path / "good.kappack", pack_files(), key)
    forged = signed_zip(tmp_path / "forged.kappack", pack_files(), other_key)
    bad = rewrite_zip(
        good, tmp_path / "bad.kappack", {"signature.json": read_zip(forged)["signature.json"]}
    )
    refused(bad, "its signature does not match")


def test_file_added_after_signing_is_refused(tmp_path, key):
    good = signed_zip(tmp_path / "good.kappack", pack_files(), key)
    bad = rewrite_zip(
        good, tmp_path / "bad.kappack", {"practices/extra.yaml": b"kapcompanion: 1\n"}
    )
    refused(bad, "“practices/extra.yaml” was added after the pack was signed")


def test_file_removed_after_signing_is_refused(tmp_path, key):
    good = signed_zip(tmp_path / "good.kappack", pack_files(), key)
    entries = read_zip(good)
    del entries["practices/audio/hello.ogg"]
    import zipfile

    bad = tmp_path / "bad.kappack"
    with zipfile.ZipFile(bad, "w") as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    refused(bad, "“practices/audio/hello.ogg” is missing")


def test_unsigned_pack_can_be_inspected_but_not_imported(tmp_path):
    pack = signed_zip(tmp_path / "u.kappack", pack_files(), None)
    assert inspect_pack(pack, data_folders()).trust == UNSIGNED
    refused(pack, "not signed, so there is no way to know who it is from")


def test_same_pack_from_another_key_is_refused(tmp_path, key, other_key):
    import_pack(
        signed_zip(tmp_path / "a.kappack", pack_files(), key),
        data_folders(),
        known_ids=BUILTIN,
        confirm=accept,
    )
    takeover = signed_zip(tmp_path / "b.kappack", pack_files(version="2"), other_key)
    with pytest.raises(PackError, match="already have a pack called “A calm start”, signed with a"):
        inspect_pack(takeover, data_folders())
    refused(takeover, "signed with a different key")
    assert (packs_dir() / "calm-start" / "practices" / "welcome.yaml").is_file()


def test_same_pack_name_under_another_id_from_another_key_is_refused(tmp_path, key, other_key):
    import_pack(
        signed_zip(tmp_path / "a.kappack", pack_files(), key),
        data_folders(),
        known_ids=BUILTIN,
        confirm=accept,
    )
    files = pack_files()
    files["pack.yaml"] = files["pack.yaml"].replace(b"id: calm-start", b"id: calm-start-2")
    refused(signed_zip(tmp_path / "b.kappack", files, other_key), "already have a pack called")


def test_known_signer_name_with_another_key_is_refused(tmp_path, key):
    import_pack(
        signed_zip(tmp_path / "a.kappack", pack_files(), key),
        data_folders(),
        known_ids=BUILTIN,
        confirm=accept,
    )
    impostor = SigningKey.generate("sam rivera")
    pack = signed_zip(tmp_path / "b.kappack", pack_files("other-pack"), impostor)
    err = refused(pack, "says it is from sam rivera, but it is signed with a different key")
    assert "check with your therapist" in err.hint


def test_keygen_saves_a_private_key_only_the_owner_can_read(tmp_path):
    key = keys().create_key("  Sam   Rivera ")
    assert key.name == "Sam Rivera"
    pem = keys().keys / signing.KEY_FILE
    assert stat.S_IMODE(pem.stat().st_mode) == 0o600
    assert stat.S_IMODE(keys().keys.stat().st_mode) == 0o700
    loaded = keys().load_key()
    assert loaded is not None and loaded.fingerprint == key.fingerprint
    data = b"manifest"
    assert signing.verify(key.public_raw, loaded.sign(data), data)
    assert not signing.verify(key.public_raw, loaded.sign(data), data + b"!")
    assert keys().trusted_name(key.public_raw) == "Sam Rivera"


def test_keygen_twice_is_refused_and_keeps_the_first_key():
    first = keys().create_key("Sam Rivera")
    with pytest.raises(signing.SigningError, match="already have a signing key"):
        keys().create_key("Sam R")
    assert keys().load_key().fingerprint == first.fingerprint


@pytest.mark.parametrize("name", ["", "   ", "x" * 200, "Sam\x07"])
def test_unusable_signer_names_are_refused(name):
    with pytest.raises(signing.SigningError, match="cannot be used as your name"):
        keys().create_key(name)
    assert keys().load_key() is None


def test_damaged_key_file_gives_a_plain_message():
    keys().create_key("Sam Rivera")
    (keys().keys / signing.KEY_FILE).write_text("not a key")
    with pytest.raises(signing.SigningError, match="cannot be read"):
        keys().load_key()


def test_deeply_nested_manifest_is_refused_plainly(tmp_path, key):
    good = signed_zip(tmp_path / "good.kappack", pack_files(), key)
    bad = rewrite_zip(good, tmp_path / "bad.kappack", {"manifest.json": b"[" * 5000 + b"]" * 5000})
    refused(bad, "its list of files cannot be read")


def test_known_name_in_another_width_or_spacing_is_still_refused(tmp_path, key):
    import_pack(
        signed_zip(tmp_path / "a.kappack", pack_files(), key),
        data_folders(),
        known_ids=BUILTIN,
        confirm=accept,
    )
    impostor = SigningKey.generate("ＳＡＭ  Rivera")  # full-width letters, doubled space
    pack = signed_zip(tmp_path / "b.kappack", pack_files("other-pack"), impostor)
    refused(pack, "but it is signed with a different key")


def test_trust_record_with_another_public_key_is_not_trusted(tmp_path, key, other_key):
    keys().trust(key.public_raw, "Sam Rivera")
    path = data_dir() / "trusted_keys.json"
    records = json.loads(path.read_text())
    records[key.fingerprint]["public_key"] = signing.encode(other_key.public_raw)
    path.write_text(json.dumps(records))
    assert keys().trusted_name(key.public_raw) is None
