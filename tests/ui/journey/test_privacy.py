"""Privacy and backups in the app: the lock on, changed and off; backup and restore."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

from kapcompanion.journal.store import JournalStore
from kapcompanion.ui.journey.passphrase import PassphraseDialog
from kapcompanion.ui.journey.privacy import PrivacyDialog
from tests.ui.journey.conftest import when_modal

PHRASE = "a quiet harbour"
NEW = "the tide comes in"


def open_privacy(journey, qtbot, **kw) -> PrivacyDialog:
    dialog = PrivacyDialog(journey.link, journey.window, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_turning_the_lock_on_warns_first_and_asks_twice(journey_window, qtbot) -> None:
    win, journey = journey_window()
    win.journal.add_note("Only mine.")
    dialog = open_privacy(journey, qtbot)
    assert dialog.lock_on.isEnabled() and not dialog.lock_off.isEnabled()
    steps: list[str] = []

    def fill(box) -> None:
        assert isinstance(box, PassphraseDialog) and box.mode == "new"
        steps.append(box.intro.text())  # the warning, before anything is changed
        box.new.setText(PHRASE)
        box.repeat.setText(PHRASE + "!")
        box.ok.click()  # not the same twice
        steps.append(box.error.text())
        box.repeat.setText(PHRASE)
        box.ok.click()  # not yet ticked
        steps.append(box.error.text())
        assert box.isVisible() and not win.journal.locked
        box.understood.setChecked(True)
        box.ok.click()

    when_modal(fill)
    dialog.lock_on.click()
    assert "cannot be recovered" in steps[0]
    assert "not the same" in steps[1]
    assert "tick" in steps[2]
    assert win.journal.locked
    assert "locked" in dialog.message.text()
    assert dialog.change.isEnabled() and dialog.lock_off.isEnabled()
    assert not dialog.lock_on.isEnabled()
    win.journal.close()
    try:
        JournalStore.open()
    except Exception as exc:
        assert "locked" in str(exc)
    else:
        raise AssertionError("the journal opened without its passphrase")
    with JournalStore.open(passphrase=PHRASE) as again:
        assert [e.text for e in again.entries()] == ["Only mine."]


def test_change_and_turn_off_say_when_the_passphrase_is_wrong(journey_window, qtbot) -> None:
    win, journey = journey_window()
    win.journal.enable_lock(PHRASE)
    dialog = open_privacy(journey, qtbot)
    errors: list[str] = []

    def change(box) -> None:
        box.old.setText("wrong wrong")
        box.new.setText(NEW)
        box.repeat.setText(NEW)

        def again(second) -> None:
            errors.append(second.error.text())
            second.old.setText(PHRASE)
            second.new.setText(NEW)
            second.repeat.setText(NEW)
            second.ok.click()

        when_modal(lambda d: again(d) if d is not box else when_modal(again))
        box.ok.click()

    when_modal(change)
    dialog.change.click()
    assert len(errors) == 1 and "passphrase" in errors[0].lower()
    assert "changed" in dialog.message.text()

    def off(box) -> None:
        box.old.setText(NEW)
        box.ok.click()

    when_modal(off)
    dialog.lock_off.click()
    assert not win.journal.locked
    assert "off" in dialog.message.text()


def test_back_up_then_restore_round_trip(journey_window, qtbot, tmp_path) -> None:
    win, journey = journey_window()
    store = win.journal
    store.add_note("Kept in the backup.")
    win.set_settings(replace(win.settings, show_days_in_a_row=True))
    target = tmp_path / "my backup"
    dialog = open_privacy(
        journey,
        qtbot,
        save_file=lambda *_a: str(target),
        open_file=lambda *_a: str(target) + ".kapbackup",
    )
    written = dialog.back_up()
    assert written == tmp_path / "my backup.kapbackup" and written.is_file()
    assert str(written) in dialog.message.text()
    assert "journal.sqlite3" in zipfile.ZipFile(written).namelist()

    store.add_note("Written after the backup.")
    win.set_settings(replace(win.settings, show_days_in_a_row=False))
    changes: list[object] = []
    win.hub.journal_changed.connect(changes.append)
    asked: list[str] = []

    def confirm(box) -> None:
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == "Restore").click()

    when_modal(confirm)
    assert dialog.restore_from() is True
    assert str(written) in asked[0] and "kept" in asked[0]
    assert changes[0] is None and isinstance(changes[-1], JournalStore)
    assert win.journal is changes[-1] and win.journal is not store
    assert [e.text for e in win.journal.entries()] == ["Kept in the backup."]
    assert win.settings.show_days_in_a_row is True  # the settings came back too
    assert "Restored" in dialog.message.text()
    kept = list((Path(win.journal.path).parent / "backups").glob("before-restore-*.kapbackup"))
    assert len(kept) == 1


def test_a_file_that_is_not_a_backup_changes_nothing(journey_window, qtbot, tmp_path) -> None:
    win, journey = journey_window()
    win.journal.add_note("Still here.")
    bogus = tmp_path / "holiday.kapbackup"
    bogus.write_text("not a zip")
    dialog = open_privacy(journey, qtbot, open_file=lambda *_a: str(bogus))
    store = win.journal
    assert dialog.restore_from() is False
    assert str(bogus) in dialog.message.text() and "not a KAP Companion backup" in (
        dialog.message.text()
    )
    assert win.journal is store
    assert [e.text for e in store.entries()] == ["Still here."]


def test_a_backup_to_a_missing_folder_names_it(journey_window, qtbot, tmp_path) -> None:
    _win, journey = journey_window()
    target = tmp_path / "nowhere" / "b.kapbackup"
    dialog = open_privacy(journey, qtbot, save_file=lambda *_a: str(target))
    assert dialog.back_up() is None
    assert str(target.parent) in dialog.message.text()
    assert "could not be made" in dialog.message.text()


def test_privacy_opens_from_the_more_menu(journey_window) -> None:
    win, _journey = journey_window()
    seen: list[str] = []

    def close(dialog) -> None:
        seen.append(dialog.windowTitle())
        dialog.close_button.click()

    when_modal(close)
    next(a for a in win.more_menu.actions() if a.text() == "Privacy and backups…").trigger()
    assert seen == ["Privacy and backups"]


def test_turning_the_lock_on_says_what_it_did_to_earlier_copies(journey_window, qtbot) -> None:
    from kapcompanion.ui.journey.passphrase import Passphrases

    win, journey = journey_window()
    win.journal.add_note("Only mine.")
    folder = Path(win.journal.path).parent
    kept = folder / "backups" / "journal.sqlite3.damaged-20261130"
    kept.parent.mkdir(exist_ok=True)
    kept.write_bytes(b"Only mine, in an older damaged copy")
    dialog = open_privacy(journey, qtbot, ask=lambda *_a: Passphrases(new=PHRASE))
    dialog.turn_on()
    said = dialog.message.text()
    assert "now locked" in said and "older cop" in said
    assert win.journal.locked
