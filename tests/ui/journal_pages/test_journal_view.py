"""The Journal page against a real journal file: listing, search, edit, delete, new notes."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QPushButton

from kapcompanion.journal.store import JournalStore
from kapcompanion.ui.journal_pages.entry_editor import ask_yes_no
from kapcompanion.ui.journal_pages.entry_model import FIRST, KIND_ROLE, PAGE
from kapcompanion.ui.journal_pages.note_dialog import NoteDialog
from tests.ui.journal_pages.conftest import at, when_modal

TODAY = date.today()


def earlier_today(minutes: int) -> datetime:
    """A moment today, a little before now (never in the future, never yesterday)."""
    return max(at(TODAY, 0, 0), datetime.now().astimezone() - timedelta(minutes=minutes))


def fill(journal: JournalStore) -> dict[str, int]:
    ids = {}
    ids["old"] = journal.record_answer(
        "guided-journaling", 1, "stood_out", "reflect", "A memory of the sea",
        prompt="What stood out most?", at=at(TODAY - timedelta(days=2), 9),
    )  # fmt: skip
    ids["score"] = journal.record_answer(
        "box-4", 0, "settled_before", "check_in", 4,
        prompt="How settled do you feel right now?", at=at(TODAY - timedelta(days=1), 8),
    )  # fmt: skip
    ids["new"] = journal.record_answer(
        "guided-journaling", 2, "emotions", "reflect", "Warmth in my chest",
        prompt="Which emotions came?", at=earlier_today(3),
    )  # fmt: skip
    ids["note"] = journal.add_note("Walked by the river", "Sunday", at=earlier_today(2))
    return ids


def test_entries_newest_first_grouped_by_day(pages, journal) -> None:
    ids = fill(journal)
    jp = pages()
    view = jp.journal
    assert view.stack.currentWidget() is view.listing
    assert [e.id for e in view.visible_entries()] == [
        ids["note"], ids["new"], ids["score"], ids["old"]
    ]  # fmt: skip
    kinds = [view.model.index(r).data(KIND_ROLE) for r in range(view.model.rowCount())]
    assert kinds == ["day", "entry", "entry", "day", "entry", "day", "entry"]
    assert view.model.index(0).data().startswith("Today")
    text = view.model.index(4).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "Box breathing" in text and "4 / 10" in text and "Check-in" in text
    assert view.count.text() == "4 entries"


def test_search_narrows_and_clearing_shows_all(pages, journal, qtbot) -> None:
    fill(journal)
    view = pages().journal
    qtbot.keyClicks(view.search, "warm")
    qtbot.waitUntil(lambda: view.model.query == "warm", timeout=2000)
    assert [e.text for e in view.visible_entries()] == ["Warmth in my chest"]
    assert view.count.text() == "1 entry matches"
    view.search.setText("nothing like this")
    view.run_search()
    assert view.visible_entries() == []
    assert view.no_match.isVisibleTo(view)
    view.search.clear()
    view.run_search()
    assert len(view.visible_entries()) == 4


def test_edit_text_and_score_round_trip_to_the_file(pages, journal) -> None:
    ids = fill(journal)
    view = pages().journal
    assert view.select(ids["new"])
    pane = view.pane
    assert pane.text_edit.toPlainText() == "Warmth in my chest"
    pane.text_edit.setPlainText("Warmth in my chest, and calm")
    pane.save_button.click()
    assert pane.status.text() == "Saved"
    view.select(ids["score"])
    assert pane.score.isVisibleTo(pane) and pane.score.value() == 4
    pane.score.setValue(7)
    pane.save_button.click()
    assert pane.status.text() == "Saved"
    with JournalStore.open(journal.path, daily_backup=False) as again:  # a second connection
        assert again.entry(ids["new"]).text == "Warmth in my chest, and calm"
        assert again.entry(ids["score"]).score == 7
    assert "7 / 10" in view.model.index(view.model.row_of(ids["score"])).data(
        Qt.ItemDataRole.AccessibleTextRole
    )


def test_an_entry_deleted_elsewhere_is_not_saved_and_says_why(pages, journal) -> None:
    ids = fill(journal)
    view = pages().journal
    view.select(ids["old"])
    journal.delete_entry(ids["old"])
    view.pane.text_edit.setPlainText("changed")
    view.pane.save_button.click()
    assert view.pane.status.text().startswith("Not saved: that entry is not in your journal")


def test_blank_text_is_not_saved(pages, journal) -> None:
    ids = fill(journal)
    view = pages().journal
    view.select(ids["new"])
    view.pane.text_edit.setPlainText("   ")
    assert not view.pane.save()
    assert "Delete" in view.pane.status.text()
    assert journal.entry(ids["new"]).text == "Warmth in my chest"


def test_delete_asks_first_and_removes_from_the_file(pages, journal, qtbot) -> None:
    ids = fill(journal)
    view = pages().journal
    view.select(ids["score"])

    def answer(button: QMessageBox.StandardButton) -> None:
        when_modal(qtbot, lambda box: box.button(button).click())  # type: ignore[attr-defined]

    answer(QMessageBox.StandardButton.No)
    view.pane.delete_button.click()
    assert journal.entry(ids["score"]).score == 4  # kept
    assert "nothing was deleted" in view.pane.status.text()
    answer(QMessageBox.StandardButton.Yes)
    view.pane.delete_button.click()
    assert journal.count_entries() == 3
    assert ids["score"] not in [e.id for e in view.visible_entries()]
    # its day had only that entry: the day heading went with it
    kinds = [view.model.index(r).data(KIND_ROLE) for r in range(view.model.rowCount())]
    assert kinds == ["day", "entry", "entry", "day", "entry"]
    assert view.count.text() == "3 entries"


def test_new_entry_is_saved_and_shown_first(pages, journal, qtbot) -> None:
    fill(journal)
    view = pages().journal

    def write(dlg: QDialog) -> None:
        assert isinstance(dlg, NoteDialog)
        dlg.buttons.button(dlg.buttons.StandardButton.Save).click()  # nothing written yet
        assert dlg.isVisible() and "few words" in dlg.hint.text()
        qtbot.keyClicks(dlg.title_edit, "Evening")
        qtbot.keyClicks(dlg.text_edit, "A quiet evening, grateful")
        dlg.buttons.button(dlg.buttons.StandardButton.Save).click()

    when_modal(qtbot, write)
    new_id = view.new_entry()
    assert new_id is not None
    stored = journal.entry(new_id)
    assert (stored.kind, stored.title, stored.text) == (
        "note",
        "Evening",
        "A quiet evening, grateful",
    )
    assert view.visible_entries()[0].id == new_id
    assert view.pane.status.text() == "Saved"
    assert view.pane.title_edit.text() == "Evening"


def test_cancelled_new_entry_saves_nothing(pages, journal, qtbot) -> None:
    view = pages().journal
    when_modal(qtbot, lambda dlg: dlg.reject())
    assert view.new_entry() is None
    assert journal.count_entries() == 0


def _type_note(qtbot, title: str, words: str):
    """Act on the New entry dialog: type ``title`` and ``words``, wait until they are kept."""

    def act(dlg: QDialog) -> None:
        assert isinstance(dlg, NoteDialog)
        qtbot.keyClicks(dlg.title_edit, title)
        qtbot.keyClicks(dlg.text_edit, words)
        qtbot.waitUntil(lambda: not dlg.keeper.timer.isActive(), timeout=3000)  # kept
        dlg.close()  # the dialog's window closed: not a choice to let them go

    return act


def test_a_new_entry_closed_unsaved_comes_back_next_time(pages, journal, qtbot) -> None:
    """No lost words: a new entry's words are kept while written, and offered back."""
    from kapcompanion.ui.journal_pages.note_dialog import NEW_NOTE_PLACE

    view = pages().journal
    assert view.new_button.text() == "New entry"
    when_modal(qtbot, _type_note(qtbot, "Evening", "The river was loud today"))
    assert view.new_entry() is None
    assert journal.count_entries() == 0
    draft = journal.draft(NEW_NOTE_PLACE)
    assert draft is not None
    assert draft.value == {"title": "Evening", "text": "The river was loud today"}
    assert view.new_button.text() == "Continue your entry"
    assert "Continue your entry" in view.empty_state.findChild(QLabel, "calmText").text()

    seen: list[tuple[str, str, bool]] = []

    def finish(dlg: QDialog) -> None:
        assert isinstance(dlg, NoteDialog)
        seen.append((dlg.title_edit.text(), dlg.text_edit.toPlainText(), dlg.restored.isVisible()))
        assert "your words are back" in dlg.restored.text()
        qtbot.keyClicks(dlg.text_edit, ", and I listened")
        dlg.buttons.button(dlg.buttons.StandardButton.Save).click()

    when_modal(qtbot, finish)
    new_id = view.new_entry()
    assert seen == [("Evening", "The river was loud today", True)]
    assert new_id is not None
    assert journal.entry(new_id).text == "The river was loud today, and I listened"
    assert journal.draft(NEW_NOTE_PLACE) is None  # saved: the draft went
    assert view.new_button.text() == "New entry"
    assert view.empty_state.findChild(QLabel, "calmText").text().endswith("choose New entry.")
    # The next new entry starts empty.
    fresh: list[str] = []
    when_modal(qtbot, lambda dlg: (fresh.append(dlg.text_edit.toPlainText()), dlg.reject()))
    view.new_entry()
    assert fresh == [""]


def test_cancel_asks_before_letting_a_new_entrys_words_go(pages, journal, qtbot) -> None:
    from kapcompanion.ui.journal_pages.note_dialog import NEW_NOTE_PLACE

    view = pages().journal
    asked: list[str] = []

    def answer(choice: str):
        def act(box: QDialog) -> None:
            assert isinstance(box, QMessageBox)
            asked.append(box.text())
            button = next(b for b in box.buttons() if b.text() == choice)
            button.click()

        return act

    def write_then_cancel_twice(dlg: QDialog) -> None:
        assert isinstance(dlg, NoteDialog)
        qtbot.keyClicks(dlg.text_edit, "Half a thought")
        when_modal(qtbot, answer("Keep writing"))
        dlg.buttons.button(dlg.buttons.StandardButton.Cancel).click()
        assert dlg.isVisible() and dlg.text_edit.toPlainText() == "Half a thought"
        when_modal(qtbot, answer("Let them go"))
        qtbot.keyClick(dlg.text_edit, Qt.Key.Key_Escape)  # Escape is Cancel: it asks too

    when_modal(qtbot, write_then_cancel_twice)
    assert view.new_entry() is None
    assert len(asked) == 2 and all("not been saved" in a for a in asked)
    assert journal.count_entries() == 0
    assert journal.draft(NEW_NOTE_PLACE) is None
    assert view.new_button.text() == "New entry"


def test_keyboard_only_reading_and_editing(pages, journal, qtbot) -> None:
    ids = fill(journal)
    jp = pages()
    win = jp.window
    qtbot.keyClick(win, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert win.current_view() == "journal"
    view = jp.journal
    view.search.setFocus()
    qtbot.keyClick(view.search, Qt.Key.Key_Down)
    assert view.list.hasFocus()
    assert view.pane.entry is not None and view.pane.entry.id == ids["note"]
    qtbot.keyClick(view.list, Qt.Key.Key_Down)
    assert view.pane.entry.id == ids["new"]
    qtbot.keyClick(view.list, Qt.Key.Key_Down)  # passes over the day heading
    assert view.pane.entry.id == ids["score"]
    qtbot.keyClick(view.list, Qt.Key.Key_Up)
    assert view.pane.entry.id == ids["new"]
    qtbot.keyClick(view.list, Qt.Key.Key_Return)
    assert view.pane.text_edit.hasFocus()
    qtbot.keyClick(view.pane.text_edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(view.pane.text_edit, ", softly")
    qtbot.keyClick(view.pane.text_edit, Qt.Key.Key_Tab)
    assert view.pane.save_button.hasFocus()
    qtbot.keyClick(view.pane.save_button, Qt.Key.Key_Space)
    assert journal.entry(ids["new"]).text == "Warmth in my chest, softly"
    assert view.pane.status.text() == "Saved"
    qtbot.keyClick(view.pane.save_button, Qt.Key.Key_Escape)
    assert view.list.hasFocus()


def test_ten_pages_of_entries_are_read_a_page_at_a_time(pages, journal) -> None:
    with journal.transaction():
        for n in range(PAGE * 2 + 50):
            journal.add_note(f"note number {n}", at=at(TODAY - timedelta(days=n // 20), 9, n % 60))
    view = pages().journal
    model = view.model
    assert model.total == PAGE * 2 + 50
    first = len(view.visible_entries())
    assert first < model.total  # not everything at once
    while model.canFetchMore():
        model.fetchMore()
    entries = view.visible_entries()
    assert len(entries) == model.total
    times = [e.created_at for e in entries]
    assert times == sorted(times, reverse=True)
    assert len({e.id for e in entries}) == len(entries)


def test_journal_not_open_is_a_calm_state(pages, journal, qtbot) -> None:
    jp = pages(open_journal=False)
    view = jp.journal
    assert view.stack.currentWidget() is view.closed_state
    assert not view.new_button.isEnabled()
    assert jp.history.stack.currentWidget() is jp.history.closed_state
    jp.window.hub.journal_changed.emit(journal)
    assert view.stack.currentWidget() is view.empty_state  # open, still empty
    jp.window.hub.journal_changed.emit(None)
    assert view.stack.currentWidget() is view.closed_state
    # the export in the More menu says so plainly instead of opening
    seen: list[str] = []

    def close(box: QMessageBox) -> None:
        seen.append(box.text())
        box.findChildren(QPushButton)[0].click()

    when_modal(qtbot, close)
    jp.export_action.trigger()
    assert seen and "nothing to export" in seen[0]


def test_an_answer_given_in_a_practice_shows_after_the_journal_saved_it(pages, journal, qtbot):
    jp = pages()
    win = jp.window
    # the journal's own listener (another part of the app) saves the answer
    win.hub.answer_given.connect(
        lambda pid, step, name, answer: journal.record_answer(pid, step, name, "reflect", answer)
    )
    win.hub.answer_given.emit("guided-journaling", 1, "stood_out", "The light in the trees")
    qtbot.waitUntil(
        lambda: [e.text for e in jp.journal.visible_entries()] == ["The light in the trees"],
        timeout=2000,
    )


def test_a_search_with_many_hits_shows_a_page_then_counts_them_all(pages, journal, qtbot):
    with journal.transaction():
        for n in range(PAGE + 60):
            journal.add_note(f"river walk {n}", at=at(TODAY - timedelta(days=n // 30), 8, n % 60))
        journal.add_note("mountain air", at=at(TODAY - timedelta(days=1), 7))
    view = pages().journal
    view.search.setText("river")
    view.run_search()
    assert len(view.visible_entries()) == FIRST
    assert view.count.text() == f"More than {FIRST} entries match"
    qtbot.waitUntil(lambda: view.count.text() == f"{PAGE + 60} entries match", timeout=2000)
    while view.model.canFetchMore():
        view.model.fetchMore()
    found = view.visible_entries()
    assert len(found) == PAGE + 60
    assert len({e.id for e in found}) == len(found)
    assert all(e.text.startswith("river walk") for e in found)


def test_moving_on_with_unsaved_changes_asks_to_save(pages, journal, qtbot) -> None:
    ids = fill(journal)
    view = pages().journal
    view.select(ids["new"])
    view.pane.text_edit.setPlainText("Warmth, and then rest")
    asked: list[str] = []

    def yes(box: QMessageBox) -> None:
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()

    when_modal(qtbot, yes)
    view.select(ids["old"])
    assert asked and "Save the changes" in asked[0]
    assert journal.entry(ids["new"]).text == "Warmth, and then rest"
    assert view.pane.entry.id == ids["old"]
    # No: the stored words stay as they were
    view.pane.text_edit.setPlainText("not this")
    when_modal(qtbot, lambda box: box.button(QMessageBox.StandardButton.No).click())
    view.select(ids["note"])
    assert journal.entry(ids["old"]).text == "A memory of the sea"


def test_changes_being_made_survive_the_list_being_read_again(pages, journal, qtbot) -> None:
    ids = fill(journal)
    jp = pages()
    view = jp.journal
    view.select(ids["new"])
    view.pane.text_edit.setPlainText("half-written thought")
    journal.add_note("saved by a practice meanwhile")
    view.refresh()
    assert view.pane.entry.id == ids["new"]
    assert view.pane.text_edit.toPlainText() == "half-written thought"
    assert len(view.visible_entries()) == 5


def test_changes_that_cannot_be_saved_are_kept_on_screen(pages, journal, qtbot) -> None:
    ids = fill(journal)
    view = pages().journal
    view.select(ids["new"])
    view.pane.text_edit.setPlainText("words I care about")
    journal.delete_entry(ids["new"])  # gone elsewhere
    when_modal(qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    view.select(ids["note"])
    assert view.notice.isVisibleTo(view)
    assert "words I care about" in view.notice.text()
    assert "not in your journal any more" in view.notice.text()


def test_intention_before_and_reflections_after_sit_side_by_side(pages, journal) -> None:
    session_day = TODAY - timedelta(days=6)
    sid = journal.add_session(session_day)
    journal.record_answer(
        "intention-setting", 3, "intention", "reflect", "To meet the quiet with kindness",
        sid, at=at(session_day - timedelta(days=1), 19),
    )  # fmt: skip
    after = journal.record_answer(
        "guided-journaling", 1, "stood_out", "reflect", "The quiet felt friendly",
        sid, at=at(session_day + timedelta(days=1), 9),
    )  # fmt: skip
    view = pages().journal
    view.select(after)
    box = view.pane.pair
    assert box.isVisibleTo(view.pane)
    assert box.before.text() == "To meet the quiet with kindness"
    assert "The quiet felt friendly" in box.after.text()
    assert box.heading.text().startswith("Session 1, ")
    assert "Before: To meet the quiet with kindness" in box.accessibleDescription()
    lonely = journal.add_note("no session here", session_id=None, at=at(TODAY - timedelta(days=60)))
    journal.connection.execute("UPDATE entries SET session_id = NULL WHERE id = ?", (lonely,))
    view.refresh()
    view.select(lonely)
    assert not box.isVisibleTo(view.pane)


def test_a_locked_journal_lists_and_searches(pages, journal) -> None:
    fill(journal)
    journal.enable_lock("a long passphrase")
    view = pages().journal
    assert len(view.visible_entries()) == 4
    view.search.setText("sea")
    view.run_search()
    assert [e.text for e in view.visible_entries()] == ["A memory of the sea"]


def test_practice_titles_follow_the_library(pages, journal) -> None:
    from kapcompanion.paths import user_practices_dir

    entry = journal.record_answer(
        "my-own-pause", 1, "noticed", "reflect", "The kettle, the rain", at=earlier_today(1)
    )
    jp = pages()
    heading = jp.journal.model.index(jp.journal.model.row_of(entry)).data()
    assert heading == "my-own-pause"  # not in the library: its id stands in
    folder = user_practices_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "my-own-pause.yaml").write_text(
        "kapcompanion: 1\nid: my-own-pause\ntitle: My own pause\ncategory: anytime\n"
        "summary: A short pause of my own.\nsteps:\n  - say: Rest here.\n    duration: 10s\n",
        encoding="utf-8",
    )
    jp.window.reload_library()  # reads the library and announces it
    heading = jp.journal.model.index(jp.journal.model.row_of(entry)).data()
    assert heading == "My own pause"


def test_a_journal_that_cannot_be_read_says_so_plainly(pages, journal) -> None:
    with journal.transaction():
        for n in range(PAGE + 20):
            journal.add_note(f"note {n}", at=at(TODAY - timedelta(days=1), 9))
    view = pages().journal
    assert view.model.canFetchMore()
    journal.connection.close()  # e.g. the disk went away under the app
    view.model.fetchMore()  # as the list scrolls
    assert view.notice.isVisibleTo(view)
    assert "could not be reached just now" in view.notice.text()
    assert not view.model.canFetchMore()
    assert len(view.visible_entries()) == FIRST  # what was shown stays
    view.refresh()
    assert "could not be reached just now" in view.notice.text()
    view.search.setText("note")
    view.run_search()
    assert "could not be reached just now" in view.notice.text()


def test_saving_when_the_journal_went_away_says_so_and_keeps_the_words(pages, journal):
    ids = fill(journal)
    jp = pages()
    view = jp.journal
    view.select(ids["new"])
    journal.connection.close()
    view.pane.text_edit.setPlainText("still here")
    assert not view.pane.save()
    assert view.pane.status.text().startswith("Not saved: your journal could not be reached")
    assert view.pane.text_edit.toPlainText() == "still here"
    jp.history.refresh()  # the history says so too, without a traceback
    assert "could not be reached" in jp.history.notice.text()
    # the fixture closes the store at the end; a second close of sqlite is harmless


def test_closing_the_window_offers_to_save_changes(pages, journal, qtbot) -> None:
    ids = fill(journal)
    jp = pages()
    view = jp.journal
    view.select(ids["new"])
    view.pane.text_edit.setPlainText("Warmth, written just before closing")
    jp.ask_at_close = ask_yes_no  # a person at the window
    when_modal(qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    jp.window.close()
    assert journal.entry(ids["new"]).text == "Warmth, written just before closing"


def test_changes_not_yet_saved_survive_the_app_ending_and_are_offered_back(
    pages, journal, qtbot
) -> None:
    """Issue #17: words being changed are kept as a draft within a second (no lost words)."""
    from PySide6.QtGui import QTextCursor

    from kapcompanion.ui.journal_pages.entry_drafts import entry_place

    ids = fill(journal)
    view = pages().journal
    view.select(ids["new"])
    view.pane.text_edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(view.pane.text_edit, " and a quiet joy")
    place = entry_place(ids["new"])
    qtbot.waitUntil(lambda: journal.draft(place) is not None, timeout=1000)
    assert journal.entry(ids["new"]).text == "Warmth in my chest"  # not saved yet
    # The next start: a new page shows the entry with the words back, and says so.
    again = pages().journal
    again.select(ids["new"])
    pane = again.pane
    assert pane.text_edit.toPlainText().endswith(" and a quiet joy")
    assert pane.drafts.offer.isVisibleTo(pane)
    pane.drafts.let_go.click()  # "Let them go": back to what is saved
    assert pane.text_edit.toPlainText() == "Warmth in my chest"
    assert journal.draft(place) is None and not pane.drafts.offer.isVisibleTo(pane)
    qtbot.keyClicks(pane.text_edit, "!")
    qtbot.waitUntil(lambda: journal.draft(place) is not None, timeout=1000)
    pane.save_button.click()  # saved: the draft goes
    assert journal.draft(place) is None
    assert journal.entry(ids["new"]).text == "Warmth in my chest!"
