"""The journal and history pages, and export with a preview, attached to the main window.

:func:`install` adds the Journal page (Ctrl+3), the History page (Ctrl+4) and "Export for
my therapist…" in the More menu. The pages show ``window.journal`` when it is set and
follow ``hub.journal_changed`` (a store, or None for the calm "isn't open" state).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from kapcompanion.journal.store import JournalStore
from kapcompanion.ui.lazy_page import LazyPage, realise

if TYPE_CHECKING:
    from kapcompanion.settings import Settings
    from kapcompanion.ui.journal_pages.history_view import HistoryView
    from kapcompanion.ui.journal_pages.journal_view import JournalView
    from kapcompanion.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class JournalPages(QObject):
    """Keeps the journal and history pages in step with the open journal."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._journal: JournalView | None = None
        self._history: HistoryView | None = None
        self.store: JournalStore | None = None
        self._stale = False
        # Both pages are built when first shown (or first asked for): not at start-up.
        window.add_page(
            "journal", self.tr("Journal"), LazyPage(self._build_journal), shortcut="Ctrl+3"
        )
        window.add_page(
            "history", self.tr("History"), LazyPage(self._build_history), shortcut="Ctrl+4"
        )
        self.export_action = window.add_menu_action(
            self.tr("Export for my therapist…"), self.open_export
        )
        hub = window.hub
        hub.journal_changed.connect(self.set_store)
        # the window has read its library again: new titles
        hub.library_changed.connect(lambda: self.set_store(self.store))
        hub.settings_changed.connect(self._settings_changed)
        # an answer is saved by the journal's own listener: read after it has run
        hub.answer_given.connect(lambda *_a: self._later())
        hub.session_finished.connect(lambda *_a: self._later())
        #: Asks at closing (replaceable where no person is there to answer).
        self.ask_at_close = _ask_yes_no
        window.installEventFilter(self)  # offer to save an entry being changed at closing
        self.set_store(window.journal)

    @property
    def journal(self) -> JournalView:
        """The Journal page (built now if it has not been shown yet)."""
        if self._journal is None:
            realise(self.window, "journal")
        assert self._journal is not None
        return self._journal

    @property
    def history(self) -> HistoryView:
        """The History page (built now if it has not been shown yet)."""
        if self._history is None:
            realise(self.window, "history")
        assert self._history is not None
        return self._history

    def _build_journal(self) -> JournalView:
        # lazy: importing this package (for install) does not load the pages and charts
        from kapcompanion.ui.journal_pages.journal_view import JournalView

        journal = JournalView()
        self._journal = journal
        journal.export_requested.connect(self.open_export)
        journal.changed.connect(self._journal_edited)
        journal.set_store(self.store, self.titles())
        return journal

    def _build_history(self) -> HistoryView:
        from kapcompanion.ui.journal_pages.history_view import HistoryView

        history = HistoryView()
        self._history = history
        history.set_settings(self.window.settings)
        history.set_store(self.store, self.titles())
        return history

    def _journal_edited(self) -> None:
        if self._history is not None:
            self._history.refresh_soon()

    def _settings_changed(self, settings: Settings) -> None:
        if self._history is not None:
            self._history.set_settings(settings)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        """When the window closes with changes to an entry not yet saved, offer to save."""
        if self._journal is None:  # never shown: nothing being changed
            return False
        pane = self._journal.pane
        if obj is self.window and event.type() == QEvent.Type.Close and pane.unsaved():
            asked = self.ask_at_close(
                self.window,
                self.tr("Save your changes?"),
                self.tr("You changed a journal entry. Save the changes before closing?"),
            )
            if asked and not pane.save():
                log.warning("changes to entry not saved at closing: %s", pane.status.text())
        return False

    def titles(self) -> dict[str, str]:
        """Practice titles by id, from the library the window shows."""
        return {pid: p.title for pid, p in self.window.practices.items()}

    def set_store(self, store: object) -> None:
        """Show ``store`` (anything but an open JournalStore: the "isn't open" state)."""
        self.store = store if isinstance(store, JournalStore) else None
        if self._journal is not None:
            self._journal.set_store(self.store, self.titles())
        if self._history is not None:
            self._history.set_store(self.store, self.titles())

    def _later(self) -> None:
        if not self._stale:
            self._stale = True
            QTimer.singleShot(0, self.refresh)

    def refresh(self) -> None:
        """Read the journal again (after a practice saved answers)."""
        self._stale = False
        if self._journal is not None:
            self._journal.refresh()
        if self._history is not None:
            self._history.refresh_soon()

    def open_export(self) -> None:
        """Show the export dialog (or say why it cannot open)."""
        # lazy: the export (and its PDF writer) loads when first asked for
        from kapcompanion.ui.journal_pages.export_dialog import ExportDialog

        ExportDialog.run(self.window, self.store, self.titles())


def install(window: MainWindow) -> JournalPages:
    """Add the Journal and History pages and the export action to ``window``."""
    pages = JournalPages(window)
    log.debug("journal pages installed")
    return pages


def _ask_yes_no(parent: QWidget, title: str, text: str) -> bool:
    """Ask "Save your changes?" (the entry editor's question, loaded when first asked)."""
    from kapcompanion.ui.journal_pages.entry_editor import ask_yes_no

    return ask_yes_no(parent, title, text)
