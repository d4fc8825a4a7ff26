"""Packs in the app: "Share with a client…", "Open a pack…" (Ctrl+O), and dropping a pack.

``install(window)`` adds both actions to the More menu and lets the window take dropped
files. A pack named on the command line (``kapcompanion FILE.kappack``) is handed over
with :func:`request_open` before the window is built and opened once it is.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QFileDialog, QFrame

from kapcompanion.ui.packs.drop import PackDropFilter, is_pack

if TYPE_CHECKING:
    from kapcompanion.core.packs import ImportResult
    from kapcompanion.ui.main_window import MainWindow
    from kapcompanion.ui.packs.import_dialog import ImportDialog
    from kapcompanion.ui.packs.share_dialog import PathChooser, ShareDialog

# The dialogs (and the pack reader, zip and signing code under them) are imported when a
# pack is first shared or opened, not at start-up.

log = logging.getLogger(__name__)

_pending: list[Path] = []


def request_open(path: Path) -> None:
    """Open ``path`` in the import dialog once the window is installed (command line)."""
    _pending.append(Path(path))


class Packs(QObject):
    """The packs' part of one window: the drop target and the import dialog shown last."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        #: The last import dialog opened by a drop, a later launch or the command line.
        self.dialog: ImportDialog | None = None
        self.drop = PackDropFilter(window, self.open, lambda p: explain_not_pack(window, p))
        window.hub.open_requested.connect(self._requested)

    def open(self, path: Path) -> ImportDialog:
        """Open ``path`` in the import dialog (see :func:`open_pack`)."""
        self.dialog = open_pack(self.window, path)
        return self.dialog

    def _requested(self, args: list[str]) -> None:
        dialog = open_requested(self.window, args)
        if dialog is not None:
            self.dialog = dialog


def install(window: MainWindow) -> Packs:
    """Add the pack actions, the drop target, and open a pack waiting from the command line."""
    window.add_menu_action(
        QCoreApplication.translate("Packs", "Share with a client…"),
        lambda: open_share(window),
        therapist=True,  # shown in Therapist mode only
    )
    window.add_menu_action(
        QCoreApplication.translate("Packs", "Open a pack…"),
        lambda: choose_and_open(window),
        shortcut="Ctrl+O",
    )
    packs = Packs(window)
    while _pending:
        path = _pending.pop(0)
        QTimer.singleShot(0, lambda p=path: packs.open(p))
    return packs


def open_requested(window: MainWindow, args: list[str]) -> ImportDialog | None:
    """A later launch asked to open a file (``kapcompanion FILE.kappack`` while open)."""
    packs = [Path(a) for a in args if is_pack(Path(a))]
    return open_pack(window, packs[0]) if packs else None


def open_share(
    window: MainWindow,
    *,
    choose_path: PathChooser | None = None,
    start_folder: Path | None = None,
) -> ShareDialog:
    """Show the share dialog (modal, but shown without blocking the caller).

    It offers the practices the window shows and every program of its library;
    ``choose_path`` and ``start_folder`` are for tests.
    """
    from kapcompanion.ui.packs.share_dialog import ShareDialog, choose_save_path

    library = window.collection
    programs = [(g, library.origin(pid)) for pid, g in library.programs.items()]
    practices = [(e.practice, e.origin) for e in window.entries.values()]
    dialog = ShareDialog(
        practices,
        programs,
        window,
        choose_path=choose_path or choose_save_path,
        start_folder=start_folder,
    )
    current = window.library.current_id()
    if current and window.entries[current].origin == "user":
        dialog.set_checked([current])  # the therapist's own practice they are looking at
    dialog.setModal(True)
    dialog.show()
    return dialog


def choose_and_open(window: MainWindow) -> ImportDialog | None:
    """Ask for a .kappack file with the system dialog, then open it."""
    name, _ = QFileDialog.getOpenFileName(
        window,
        QCoreApplication.translate("Packs", "Open a pack"),
        str(Path.home()),
        QCoreApplication.translate("Packs", "KAP Companion packs (*.kappack)"),
    )
    return open_pack(window, Path(name)) if name else None


def open_pack(window: MainWindow, path: Path) -> ImportDialog:
    """Inspect ``path`` and show what it holds (or why it cannot be imported)."""
    from kapcompanion.ui.packs.import_dialog import ImportDialog

    dialog = ImportDialog(Path(path), window)
    log.info("opened %s: %s", path, dialog.refusal or "shown to accept")
    dialog.imported.connect(lambda result: _imported(window, result))
    dialog.setModal(True)
    dialog.show()
    return dialog


def _imported(window: MainWindow, result: ImportResult) -> None:
    window.reload_library()
    if window.current_view() != "player":
        window.show_library()
    for pid, _title in result.info.practices:
        if window.library.select(pid):
            break


def explain_not_pack(window: MainWindow, path: Path) -> QFrame:
    """Say plainly, under the header, that only packs can be dropped on the window."""
    return window.notify(
        QCoreApplication.translate(
            "Packs",
            "“{name}” is not a KAP Companion pack, so nothing was opened. Packs end in "
            ".kappack: you can drop one here, or use More › Open a pack…",
        ).format(name=path.name),
        key="packs:not-a-pack",
    )
