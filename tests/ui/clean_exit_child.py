"""The real app, walked through and closed the way a person would; run by test_clean_exit.py.

Run as ``python -m tests.ui.clean_exit_child`` offscreen with a private data dir. It opens
the window as ``kapcompanion`` does, visits every page, opens and cancels Settings (every
tab) and the journal export, closes the window, and lets ``run_app`` return. The test
reads what Qt printed on stderr.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget

from kapcompanion.ui import app as app_module

log = logging.getLogger(__name__)


def close_dialog_soon() -> None:
    """Cancel the modal dialog that is about to open, after showing each of its tabs."""

    def close() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(50, close)
            return
        for tabs in dialog.findChildren(QTabWidget):
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
        dialog.reject()

    QTimer.singleShot(100, close)


def walk() -> None:
    """Visit the pages and dialogs, then close the window."""
    window = next(w for w in QApplication.topLevelWidgets() if type(w).__name__ == "AppWindow")
    for page in ("journal", "history", "today", "library"):
        try:
            window.show_page(page)
        except (KeyError, ValueError):
            print(f"no page {page}", file=sys.stderr)
    close_dialog_soon()
    window.open_settings()
    pages = window.parts.journal_pages
    if pages is not None:
        from kapcompanion.ui.journal_pages.export_dialog import ExportDialog

        journal = window.journal
        if journal is not None:
            dlg = ExportDialog(journal, pages.titles(), window)
            dlg.show()
            dlg.close()
    window.close()
    print("WALKED", file=sys.stderr)


def main() -> int:
    """Run the app with the walk queued; returns its exit code."""
    QTimer.singleShot(800, walk)
    return app_module.run_app([sys.argv[0]])


if __name__ == "__main__":
    app = app_module.new_application([sys.argv[0]])
    sys.exit(main())
