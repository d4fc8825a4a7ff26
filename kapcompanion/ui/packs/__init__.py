"""Packs in the app: "Share with a client…", "Open a pack…" (Ctrl+O), and dropping a pack.

``install(window)`` adds both actions to the More menu and lets the window take dropped
files. A pack named on the command line (``kapcompanion FILE.kappack``) is handed over
with :func:`request_open` before the window is built and opened once it is.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QFileDialog, QFrame

from kapcompanion.ui.packs.drop import PackDropFilter, is_pack

if TYPE_CHECKING:
    from kapcompanion.core.packs import ImportResult
    from kapcompanion.ui.main_window import MainWindow
    from kapcompanion.ui.packs.import_dialog import ImportDialog
    from kapcompanion.ui.packs.share_dialog import ShareDialog

# The dialogs (and the pack reader, zip and signing code under them) are imported when a
# pack is first shared or opened, not at start-up.

log = logging.getLogger(__name__)

_pending: list[Path] = []


def request_open(path: Path) -> None:
    """Open ``path`` in the import dialog once the window is installed (command line)."""
    _pending.append(Path(path))


def install(window: MainWindow) -> None:
    """Add the pack actions, the drop target, and open a pack waiting from the command line."""
    window.add_menu_action(
        QCoreApplication.translate("Packs", "Share with a client…"), lambda: open_share(window)
    )
    window.add_menu_action(
        QCoreApplication.translate("Packs", "Open a pack…"),
        lambda: choose_and_open(window),
        shortcut="Ctrl+O",
    )
    window.pack_drop = PackDropFilter(  # type: ignore[attr-defined]
        window, lambda p: open_pack(window, p), lambda p: explain_not_pack(window, p)
    )
    window.hub.open_requested.connect(lambda args: open_requested(window, args))
    while _pending:
        path = _pending.pop(0)
        QTimer.singleShot(0, lambda p=path: open_pack(window, p))


def open_requested(window: MainWindow, args: list[str]) -> ImportDialog | None:
    """A later launch asked to open a file (``kapcompanion FILE.kappack`` while open)."""
    packs = [Path(a) for a in args if is_pack(Path(a))]
    return open_pack(window, packs[0]) if packs else None


def open_share(window: MainWindow, **kw: object) -> ShareDialog:
    """Show the share dialog (modal, but shown without blocking the caller)."""
    from kapcompanion.core.library import Library
    from kapcompanion.paths import data_folders

    try:
        lib = Library.load(data_folders())
        programs = [(g, lib.origin(pid)) for pid, g in lib.programs.items()]
    except Exception:  # the programs are a bonus; sharing practices must still work
        log.exception("cannot list programs")
        programs = []
    practices = [(e.practice, e.origin) for e in window.entries.values()]
    from kapcompanion.ui.packs.share_dialog import ShareDialog

    dialog = ShareDialog(practices, programs, window, **kw)  # type: ignore[arg-type]
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
    window.pack_dialog = dialog  # type: ignore[attr-defined]
    return dialog


def _imported(window: MainWindow, result: ImportResult) -> None:
    window.hub.library_changed.emit()
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
