"""Who a pack is from, as the window shows it: the key's confirmed name, never pack.yaml's."""

from __future__ import annotations

import base64
import json

from kapcompanion.core.packs import SigningKey
from kapcompanion.paths import data_folders, packs_dir
from kapcompanion.ui.packs import open_pack
from tests.ui.packs.test_import import therapist_pack


def test_the_library_shows_the_signer_even_when_pack_yaml_says_otherwise(
    dirs, app_window, qtbot, tmp_path
):
    out = tmp_path / "calm.kappack"
    therapist_pack(dirs, out)
    dirs("client")
    win = app_window()
    dlg = open_pack(win, out)
    qtbot.addWidget(dlg)
    dlg.accept_button.click()
    # a pack installed before the rule, whose pack.yaml names someone the key is not
    meta = packs_dir() / "a-calm-start" / "pack.yaml"
    meta.write_text(meta.read_text("utf-8").replace("Dr. Sam Rivera", "Someone Else"), "utf-8")
    win.reload_library()
    entry = win.entries["sam-welcome"]
    assert entry.author == "Dr. Sam Rivera, Riverside KAP" and entry.verified
    win.library.select("sam-welcome")
    assert "From Dr. Sam Rivera, Riverside KAP, verified" in win.detail.meta.text()
    assert "Someone Else" not in win.detail.meta.text()


def test_the_import_window_shows_the_fingerprint_when_trusted_names_look_alike(
    dirs, app_window, qtbot, tmp_path
):
    out = tmp_path / "calm.kappack"
    key = therapist_pack(dirs, out)
    dirs("client")
    win = app_window()
    dlg = open_pack(win, out)
    qtbot.addWidget(dlg)
    dlg.accept_button.click()
    twin = SigningKey.generate("Dr. Sаm Rivera")  # trusted before look-alikes were refused
    path = data_folders().trusted_keys
    records = json.loads(path.read_text("utf-8"))
    records[twin.fingerprint] = {
        "name": twin.name,
        "first_seen": "2026-01-01T00:00:00+00:00",
        "public_key": base64.b64encode(twin.public_raw).decode(),
    }
    path.write_text(json.dumps(records), "utf-8")
    again = open_pack(win, out)
    qtbot.addWidget(again)
    assert "looks the same" in again.trust.text()
    assert again.fingerprint.isVisibleTo(again) and again.fingerprint.text() == key.fingerprint
    win.reload_library()
    assert key.fingerprint in win.entries["sam-welcome"].author
