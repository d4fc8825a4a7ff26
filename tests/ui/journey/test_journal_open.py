"""Opening the journal: locked (right, wrong, not now), unavailable, notices, closing."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt

from kapcompanion.journal.store import JournalStore
from kapcompanion.ui.journey.passphrase import PassphraseDialog
from tests.ui.journey.conftest import play_through, when_modal

PHRASE = "a quiet harbour"


def lock_journal() -> None:
    with JournalStore.open() as store:
        store.add_note("Something private.")
        store.enable_lock(PHRASE)


def type_and_open(text: str):
    def act(dialog) -> None:
        assert isinstance(dialog, PassphraseDialog)
        dialog.old.setText(text)
        dialog.ok.click()

    return act


def test_locked_journal_opens_with_the_right_passphrase(journey_window, qtbot) -> None:
    lock_journal()
    when_modal(type_and_open(PHRASE))
    win, journey = journey_window()
    assert isinstance(win.journal, JournalStore) and win.journal.locked
    assert [e.text for e in win.journal.entries()] == ["Something private."]
    assert journey.link.banner.isHidden()


def test_wrong_passphrase_says_so_and_asks_again(journey_window) -> None:
    lock_journal()
    seen: list[str] = []

    def wrong(dialog) -> None:
        dialog.old.setText("not it at all")
        when_modal_after_close(dialog)
        dialog.ok.click()

    def when_modal_after_close(first) -> None:
        def right(dialog) -> None:
            assert dialog is not first
            seen.append(dialog.error.text())
            dialog.old.setText(PHRASE)
            dialog.ok.click()

        when_modal(lambda d: right(d) if d is not first else when_modal(right))

    when_modal(wrong)
    win, _journey = journey_window()
    assert len(seen) == 1 and "passphrase" in seen[0].lower()
    assert seen[0][0].isupper()
    assert isinstance(win.journal, JournalStore)


def test_not_now_leaves_the_app_usable_without_the_journal(journey_window, clock) -> None:
    lock_journal()
    when_modal(lambda dialog: dialog.cancel.click())
    changes: list[object] = []
    win, journey = journey_window()
    win.hub.journal_changed.connect(changes.append)
    assert win.journal is None
    assert "locked" in journey.link.banner.message()
    assert journey.today.closed_note.isVisible()
    # A practice still plays; its answers are simply not kept.
    win.start_practice("box-breathing")
    play_through(win, clock)
    assert win.player.pages.currentIndex() == 3
    win.player.leave()
    # Later, "Open your journal…" asks again.
    assert journey.open_action.isEnabled()
    when_modal(type_and_open(PHRASE))
    journey.open_action.trigger()
    assert isinstance(win.journal, JournalStore)
    assert changes == [win.journal]
    assert not journey.open_action.isEnabled()
    assert win.journal.practice_runs() == []  # played while closed: not kept


def test_unwritable_data_dir_shows_a_banner_and_practices_still_play(
    journey_window, clock, tmp_path, monkeypatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("KAPCOMPANION_DATA_DIR", str(blocker / "sub"))
    win, journey = journey_window()
    assert win.journal is None
    message = journey.link.banner.message()
    assert str(blocker) in message and "Practices still play" in message
    assert message[0].isupper() and "Traceback" not in message
    assert journey.today.closed_note.isVisible()
    assert len(journey.today.anytime_buttons) >= 1
    journey.today.anytime_buttons[next(iter(journey.today.anytime_buttons))].click()
    assert win.current_view() == "player"
    play_through(win, clock)
    assert win.player.pages.currentIndex() == 3
    # The sessions dialog explains instead of opening on nothing.
    journey.open_sessions()
    assert "journal" in journey.link.banner.message().lower()


def test_a_failed_write_is_a_plain_message_not_a_crash(journey_window, clock, qtbot) -> None:
    win, journey = journey_window()
    win.journal.connection.close()  # the disk went away under the open journal
    win.start_practice("intention-setting")

    def write(gate) -> None:
        if "My intention" in gate.heading.text():
            qtbot.keyClicks(gate.edit, "To rest.")

    play_through(win, clock, write)
    message = journey.link.banner.message()
    assert "could not be saved" in message
    assert win.player.pages.currentIndex() == 3  # the practice went on to its end


def test_a_notice_from_opening_is_shown_once(journey_window, qtbot) -> None:
    JournalStore.open().close()
    path = Path(os.environ["KAPCOMPANION_DATA_DIR"]) / "journal.sqlite3"
    for side in ("-wal", "-shm"):
        Path(str(path) + side).unlink(missing_ok=True)
    path.write_bytes(b"this is not a database" * 100)
    win, journey = journey_window()
    assert isinstance(win.journal, JournalStore)
    first = journey.link.banner.message()
    assert first and "damaged" in first.lower()
    journey.link.banner.dismiss.click()
    journey.link.close()
    journey.link.open()
    assert journey.link.banner.message() == ""


def test_the_journal_closes_with_the_window(journey_window) -> None:
    win, journey = journey_window()
    store = win.journal
    win.close()
    assert win.journal is None and journey.link.store is None
    try:
        store.connection.execute("SELECT 1")
    except Exception as exc:  # a closed sqlite3 connection refuses work
        assert "closed" in str(exc).lower()
    else:
        raise AssertionError("the journal was left open")


def test_the_passphrase_dialog_is_keyboard_operable(qtbot) -> None:
    dialog = PassphraseDialog("unlock")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.old.hasFocus())
    qtbot.keyClicks(dialog.old, PHRASE)
    qtbot.keyClick(dialog.old, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.value().old == PHRASE
