"""Export for my therapist: choose the format and the entries, preview, leave any out, save.

The preview lists every entry the choice covers, each with a tick; unticked entries are
left out of every part of the file (``ExportData.without``). Writing goes through the
back end's :func:`kapcompanion.journal.export.write` (atomic); the message names the file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QStandardPaths, Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.journal import export
from kapcompanion.journal.store import JournalStore
from kapcompanion.ui.journal_pages.dates import day_month_year, day_month_year_pattern
from kapcompanion.ui.journal_pages.entry_editor import inform
from kapcompanion.ui.journal_pages.entry_model import STORE_ERRORS, as_journal_error
from kapcompanion.ui.journal_pages.preview_model import PreviewModel
from kapcompanion.ui.journey.words import session_title
from kapcompanion.ui.theme import current_palette

log = logging.getLogger(__name__)

#: Asks where to save: (parent, suggested path, format) -> chosen path or None.
PathAsker = Callable[[QWidget, Path, str], Path | None]


def ask_save_path(parent: QWidget, suggested: Path, fmt: str) -> Path | None:
    """The system's save dialog; None when the person cancels."""
    wanted = "Markdown (*.md)" if fmt == "md" else "PDF (*.pdf)"
    # the dialog's context (parent.tr would look under the parent's class, not found there)
    title = QCoreApplication.translate("ExportDialog", "Save the export")
    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), wanted)
    return Path(name) if name else None


def indicator_style() -> str:
    """Ticks in the preview drawn like the app's check boxes (clear in light and dark)."""
    p = current_palette()
    check = Path(str(resources.files("kapcompanion.ui") / "icons" / f"check-{p.name}.svg"))
    return (
        f"QListView::indicator {{ width: 18px; height: 18px; border: 2px solid {p.muted};"
        f" border-radius: 5px; background: {p.card}; }}"
        f"QListView::indicator:checked {{ background: {p.accent}; border-color: {p.accent};"
        f' image: url("{check.as_posix()}"); }}'
        "QListView::item { padding: 6px; border-radius: 8px; }"
        f"QListView::item:selected {{ background: {p.pacer_glow}; color: {p.text}; }}"
    )


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class ExportDialog(QDialog):
    """Format, what to include, the preview with ticks, and Save."""

    def __init__(
        self, store: JournalStore, titles: Mapping[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.titles = dict(titles)
        self.data: export.ExportData | None = None
        self.written: Path | None = None
        #: Asks where to save (replaceable where no person is there to answer).
        self.ask_path: PathAsker = ask_save_path
        self.setWindowTitle(self.tr("Export for my therapist"))
        self.setAccessibleName(self.tr("Export for my therapist"))
        intro = QLabel(
            self.tr(
                "Choose what to share. Untick anything you would rather keep to yourself — "
                "it is left out of the file completely. Nothing is sent anywhere: you "
                "choose where the file is saved."
            )
        )
        intro.setWordWrap(True)
        self.md = QRadioButton(self.tr("Markdown (plain text)"))
        self.pdf = QRadioButton(self.tr("PDF (a tidy summary)"))
        self.pdf.setChecked(True)
        fmt = QButtonGroup(self)
        fmt.addButton(self.md)
        fmt.addButton(self.pdf)
        fmt_row = QHBoxLayout()
        fmt_row.addWidget(self.pdf)
        fmt_row.addWidget(self.md)
        fmt_row.addStretch(1)
        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("What to include"))
        self.scope.addItem(self.tr("Everything"), "all")
        self.scope.addItem(self.tr("Between two dates"), "dates")
        self.scope.addItem(self.tr("One session"), "session")
        today = date.today()
        self.date_from = QDateEdit(_qdate(today - timedelta(days=30)))
        self.date_to = QDateEdit(_qdate(today))
        for w, name in ((self.date_from, self.tr("From")), (self.date_to, self.tr("To"))):
            w.setCalendarPopup(True)
            w.setDisplayFormat(day_month_year_pattern())  # "30 de octubre de 2026" in Spanish
            w.setAccessibleName(name)
        self.session = QComboBox()
        self.session.setAccessibleName(self.tr("Session"))
        for s in store.sessions():  # named in the app's language, as on Today
            self.session.addItem(session_title(s), s.number)
        form = QFormLayout()
        form.addRow(self.tr("Format"), fmt_row)
        form.addRow(self.tr("Include"), self.scope)
        form.addRow(self.tr("From"), self.date_from)
        form.addRow(self.tr("To"), self.date_to)
        form.addRow(self.tr("Session"), self.session)
        self.form = form
        self.model = PreviewModel(self)
        self.preview = QListView()
        self.preview.setModel(self.model)
        self.preview.setAccessibleName(self.tr("Entries to include"))
        self.preview.setAccessibleDescription(
            self.tr("Each ticked entry goes into the file. Press Space to untick one.")
        )
        # every row is two lines (long text elided): uniform rows keep 10,000 entries quick
        self.preview.setUniformItemSizes(True)
        self.preview.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.preview.setStyleSheet(indicator_style())
        self.preview.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.count = QLabel("")
        self.count.setProperty("role", "muted")
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("What happened"))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.all_button = QPushButton(self.tr("Tick all"))
        self.none_button = QPushButton(self.tr("Untick all"))
        self.save_button = QPushButton(self.tr("Save…"))
        self.save_button.setProperty("primary", True)
        self.save_button.setAccessibleName(self.tr("Choose where to save the file"))
        self.close_button = QPushButton(self.tr("Close"))
        for b in (self.all_button, self.none_button, self.save_button, self.close_button):
            b.setAutoDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.none_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.count)
        lay.addWidget(self.preview, 1)
        lay.addWidget(self.status)
        lay.addLayout(buttons)
        self.resize(760, 720)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.load_preview)
        for signal in (
            self.scope.currentIndexChanged,
            self.session.currentIndexChanged,
            self.date_from.dateChanged,
            self.date_to.dateChanged,
        ):
            signal.connect(lambda *_a: self._timer.start())
        self.model.dataChanged.connect(lambda *_a: self._count())
        self.all_button.clicked.connect(lambda: self._tick_all(True))
        self.none_button.clicked.connect(lambda: self._tick_all(False))
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self._show_fields()
        self.scope.currentIndexChanged.connect(lambda _i: self._show_fields())
        self.load_preview()

    # -- the choice --------------------------------------------------------------------

    @property
    def fmt(self) -> str:
        """``md`` or ``pdf``."""
        return "md" if self.md.isChecked() else "pdf"

    def _show_fields(self) -> None:
        kind = self.scope.currentData()
        for w, shown in (
            (self.date_from, kind == "dates"),
            (self.date_to, kind == "dates"),
            (self.session, kind == "session"),
        ):
            self.form.setRowVisible(w, shown)
        if kind == "session" and self.session.count() == 0:
            self.status.setText(self.tr("There are no sessions in your journal yet."))

    def load_preview(self) -> None:
        """Gather the entries the choice covers and list them, all ticked."""
        self._timer.stop()
        kind = self.scope.currentData()
        date_from = _pydate(self.date_from.date()) if kind == "dates" else None
        date_to = _pydate(self.date_to.date()) if kind == "dates" else None
        session = self.session.currentData() if kind == "session" else None
        self.data = None
        if kind == "session" and session is None:
            self.model.set_data(None)
            self._count()
            return
        try:
            self.data = export.collect(self.store, date_from, date_to, session, self.titles)
        except STORE_ERRORS as caught:
            exc = as_journal_error(caught)
            self.status.setText(str(exc))
            self.model.set_data(None)
            self._count()
            return
        self.status.setText("")
        self.model.set_data(self.data)
        self._count()

    def _tick_all(self, on: bool) -> None:
        self.model.set_all(on)

    def entry_ids(self) -> list[int]:
        """Ids of the entries in the preview, in order (newest first)."""
        return [e.id for e in self.model.entries]

    def excluded(self) -> set[int]:
        """Ids of the entries the person unticked."""
        return set(self.model.excluded)

    def leave_out(self, entry_id: int) -> bool:
        """Untick entry ``entry_id`` in the preview; False when it is not listed."""
        row = self.model.row_of(entry_id)
        if row >= 0:
            self.model.set_included(row, False)
        return row >= 0

    def _count(self) -> None:
        total = len(self.model.entries)
        chosen = total - len(self.excluded())
        if self.data is None:
            self.count.setText("")
        else:
            self.count.setText(
                self.tr("{0} of {1} entries will be included — {2}").format(
                    chosen, total, self.range_words()
                )
            )
        self.save_button.setEnabled(self.data is not None)

    def range_words(self) -> str:
        """The dates the choice covers, in the interface's language."""
        first = self.data.first_day if self.data is not None else None
        last = self.data.last_day if self.data is not None else None
        if first is None or last is None:
            return self.tr("No entries")
        if first == last:
            return day_month_year(first)
        return f"{day_month_year(first)} – {day_month_year(last)}"

    # -- saving ------------------------------------------------------------------------

    def suggested_path(self) -> Path:
        """Documents (or home) / kap-journal-<date>.<fmt>."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        base = Path(folder) if folder and Path(folder).is_dir() else Path.home()
        return base / f"kap-journal-{date.today():%Y-%m-%d}.{self.fmt}"

    def save(self) -> Path | None:
        """Ask where, then write; the message names the file (or says plainly what failed)."""
        if self.data is None:
            return None
        out = self.ask_path(self, self.suggested_path(), self.fmt)
        if out is None:
            return None
        if out.suffix.lower() != f".{self.fmt}":
            out = out.with_name(out.name + f".{self.fmt}")
        data = self.data.without(self.excluded())
        try:
            export.write(data, self.fmt, out)
        except STORE_ERRORS as caught:
            exc = as_journal_error(caught)
            self.status.setText(self.tr("The file was not saved: {0}").format(exc))
            return None
        n = len(data.entries)
        self.written = out
        self.status.setText(
            self.tr("Saved {0} with {1} entries.").format(out, n)
            if n != 1
            else self.tr("Saved {0} with 1 entry.").format(out)
        )
        return out

    @classmethod
    def run(
        cls, parent: QWidget, store: JournalStore | None, titles: Mapping[str, str]
    ) -> Path | None:
        """Show the dialog; returns the file written (None when nothing was)."""
        if store is None:
            inform(
                parent,
                QCoreApplication.translate("ExportDialog", "Your journal isn't open"),
                QCoreApplication.translate(
                    "ExportDialog", "There is nothing to export until your journal can be opened."
                ),
            )
            return None
        dlg = cls(store, titles, parent)
        dlg.exec()
        return dlg.written
