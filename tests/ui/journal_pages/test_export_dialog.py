"""Export with a preview: leave entries out, write Markdown and PDF, plain errors."""

from __future__ import annotations

import os
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from kapcompanion.journal.store import JournalStore
from kapcompanion.ui.journal_pages.export_dialog import ExportDialog
from tests.ui.journal_pages.conftest import at, when_modal

TODAY = date.today()


def fill(journal: JournalStore) -> dict[str, int]:
    s1 = journal.add_session(TODAY - timedelta(days=20))
    s2 = journal.add_session(TODAY - timedelta(days=5))
    ids = {}
    ids["first"] = journal.record_answer(
        "guided-journaling", 1, "stood_out", "reflect", "Lanterns on the water",
        s1, prompt="What stood out most?", at=at(TODAY - timedelta(days=19), 9),
    )  # fmt: skip
    ids["private"] = journal.record_answer(
        "guided-journaling", 3, "for_therapist", "reflect", "A private thought about my brother",
        s2, prompt="Was anything difficult?", at=at(TODAY - timedelta(days=4), 9),
    )  # fmt: skip
    ids["kept"] = journal.add_note("Tea in the garden at dusk", "Evening", s2,
                                   at=at(TODAY - timedelta(days=3), 20))  # fmt: skip
    return ids


def dialog(qtbot, journal: JournalStore, out: Path | None) -> ExportDialog:
    dlg = ExportDialog(journal, {"guided-journaling": "Guided journaling"})
    qtbot.addWidget(dlg)
    dlg.ask_path = lambda _parent, _suggested, _fmt: out
    dlg.show()
    return dlg


def test_leaving_an_entry_out_keeps_it_out_of_the_file(qtbot, journal, tmp_path) -> None:
    ids = fill(journal)
    dlg = dialog(qtbot, journal, tmp_path / "for-therapist.md")
    dlg.md.setChecked(True)
    assert len(dlg.entry_ids()) == 3
    assert dlg.count.text().startswith("3 of 3 entries")
    assert dlg.leave_out(ids["private"])
    assert dlg.excluded() == {ids["private"]}
    assert dlg.count.text().startswith("2 of 3 entries")
    left = dlg.model.index(dlg.model.row_of(ids["private"]))
    assert left.data(Qt.ItemDataRole.FontRole).strikeOut()
    assert left.data(Qt.ItemDataRole.AccessibleTextRole).startswith("Left out: ")
    kept = dlg.model.index(dlg.model.row_of(ids["kept"]))
    assert kept.data(Qt.ItemDataRole.FontRole) is None
    assert not kept.data(Qt.ItemDataRole.AccessibleTextRole).startswith("Left out")
    written = dlg.save()
    assert written == tmp_path / "for-therapist.md"
    text = written.read_text(encoding="utf-8")
    assert "A private thought about my brother" not in text
    assert "Lanterns on the water" in text and "Tea in the garden at dusk" in text
    assert str(written) in dlg.status.text() and "2 entries" in dlg.status.text()
    # the same choice with nothing left out has it
    dlg.ask_path = lambda *_a: tmp_path / "everything.md"
    dlg._tick_all(True)
    full = dlg.save()
    assert full is not None
    assert "A private thought about my brother" in full.read_text(encoding="utf-8")


def test_unticking_with_the_keyboard(qtbot, journal, tmp_path) -> None:
    fill(journal)
    dlg = dialog(qtbot, journal, tmp_path / "x.md")
    dlg.preview.setFocus()
    dlg.preview.setCurrentIndex(dlg.model.index(0))
    qtbot.keyClick(dlg.preview, Qt.Key.Key_Space)
    assert len(dlg.excluded()) == 1
    qtbot.keyClick(dlg.preview, Qt.Key.Key_Space)
    assert dlg.excluded() == set()


def test_pdf_is_written_with_pages(qtbot, journal, tmp_path) -> None:
    fill(journal)
    dlg = dialog(qtbot, journal, tmp_path / "summary")  # no suffix: one is added
    assert dlg.fmt == "pdf"
    written = dlg.save()
    assert written == tmp_path / "summary.pdf"
    info = subprocess.run(["pdfinfo", str(written)], capture_output=True, text=True, check=True)
    pages = int(next(li for li in info.stdout.splitlines() if li.startswith("Pages:")).split()[1])
    assert pages >= 1
    text = subprocess.run(
        ["pdftotext", str(written), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Lanterns on the water" in text


def test_a_session_or_dates_narrow_the_preview(qtbot, journal, tmp_path) -> None:
    ids = fill(journal)
    dlg = dialog(qtbot, journal, tmp_path / "x.md")
    dlg.scope.setCurrentIndex(dlg.scope.findData("session"))
    dlg.session.setCurrentIndex(1)  # Session 2
    dlg.load_preview()
    assert set(dlg.entry_ids()) == {ids["private"], ids["kept"]}
    dlg.scope.setCurrentIndex(dlg.scope.findData("dates"))
    d = TODAY - timedelta(days=19)
    dlg.date_from.setDate(QDate(d.year, d.month, d.day))
    dlg.date_to.setDate(QDate(d.year, d.month, d.day))
    dlg.load_preview()
    assert len(dlg.entry_ids()) == 1
    # the wrong way round: said plainly, nothing to save
    later = TODAY - timedelta(days=1)
    dlg.date_from.setDate(QDate(later.year, later.month, later.day))
    dlg.load_preview()
    assert "the first date comes first" in dlg.status.text()
    assert not dlg.save_button.isEnabled()


def test_a_missing_folder_or_a_folder_name_is_said_plainly(qtbot, journal, tmp_path):
    fill(journal)
    dlg = dialog(qtbot, journal, tmp_path / "no-such-folder" / "x.md")
    dlg.md.setChecked(True)
    assert dlg.save() is None
    assert "does not exist" in dlg.status.text()
    assert dlg.status.text().startswith("The file was not saved")
    (tmp_path / "taken.md").mkdir()
    dlg.ask_path = lambda *_a: tmp_path / "taken.md"
    assert dlg.save() is None
    assert "is a folder" in dlg.status.text()
    assert [p for p in tmp_path.glob("*.md") if p.is_file()] == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_a_folder_that_cannot_be_written_is_said_plainly(qtbot, journal, tmp_path) -> None:
    fill(journal)
    dlg = dialog(qtbot, journal, tmp_path / "x.md")
    dlg.md.setChecked(True)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        dlg.ask_path = lambda *_a: locked / "x.md"
        assert dlg.save() is None
        assert "cannot write" in dlg.status.text()
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_the_journal_page_and_more_menu_open_the_export(pages, journal, qtbot) -> None:
    fill(journal)
    jp = pages()
    seen: list[int] = []

    def look(dlg) -> None:
        assert isinstance(dlg, ExportDialog)
        seen.append(len(dlg.entry_ids()))
        dlg.close_button.click()

    when_modal(qtbot, look)
    jp.journal.export_button.click()
    when_modal(qtbot, look)
    jp.export_action.trigger()
    assert seen == [3, 3]
