"""A therapist shares through the dialog; their client opens the very file and uses it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kapcompanion.core.packs import SigningStore
from kapcompanion.paths import data_folders, packs_dir
from kapcompanion.ui.library_view import META_ROLE
from kapcompanion.ui.packs import open_pack, open_share
from tests.ui.conftest import begin
from tests.ui.packs.conftest import write_user_practices


def test_share_then_open_as_the_client(dirs, app_window, qtbot, tmp_path, clock):
    # The therapist: first share, so a key is made; two own practices with recorded voice.
    dirs("therapist")
    write_user_practices()
    therapist = app_window()
    out = tmp_path / "for-jo.kappack"
    share = open_share(therapist, choose_path=lambda _parent, _suggested: out)
    qtbot.addWidget(share)
    qtbot.keyClicks(share.key_page.name, "Dr. A. Rivera")
    qtbot.keyClick(share.key_page.name, Qt.Key.Key_Return)
    share.set_checked(["sam-welcome", "sam-evening"])
    qtbot.keyClicks(share.name, "For Jo")
    qtbot.keyClicks(share.clinic, "Riverside KAP")
    share.message.setPlainText("Jo, here are the two we practised. Go gently.")
    qtbot.mouseClick(share.save, Qt.MouseButton.LeftButton)
    assert share.pages.currentWidget() is share.done_page, share.problem.text()
    told = share.fingerprint.text()
    assert told == SigningStore.of(data_folders()).load_key().fingerprint

    # The client, on their own computer: opens the file the therapist sent.
    dirs("client")
    client = app_window()
    dialog = open_pack(client, out)
    qtbot.addWidget(dialog)
    assert dialog.fingerprint.text() == told  # what the therapist read out
    assert dialog.message.text() == "Jo, here are the two we practised. Go gently."
    assert "Welcome from Sam" in dialog.contents.text()
    with qtbot.waitSignal(client.hub.library_changed):
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    assert (packs_dir() / "for-jo").is_dir()
    assert {"sam-welcome", "sam-evening"} <= client.practices.keys()
    client.library.select("sam-welcome")
    meta = client.library.list.currentItem().data(META_ROLE)
    assert "from Dr. A. Rivera, Riverside KAP" in meta
    assert "From Dr. A. Rivera, Riverside KAP, verified" in client.detail.meta.text()
    dialog.close()

    # And it plays, with the therapist's voice clip from the pack's folder.
    begin(client, "sam-welcome", clock)
    assert client.current_view() == "player"
    voice = client.practices["sam-welcome"].steps[0].voice
    assert voice is not None and voice.is_file()
    assert packs_dir() in voice.parents
