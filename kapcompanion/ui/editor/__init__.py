"""The practice editor: "New practice…" in the More menu and "Duplicate and edit".

``install(window)`` adds both to the main window. Each editor is its own window; saving
has the window read its library again (:meth:`MainWindow.reload_library`) so it shows the
practice, and "Preview from here" plays the draft in the main window's player.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from kapcompanion.core.model import Practice
from kapcompanion.paths import user_practices_dir

if TYPE_CHECKING:
    from kapcompanion.ui.editor.editor_window import EditorWindow
    from kapcompanion.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class EditorLauncher(QObject):
    """Opens editors for one main window and keeps them alive while they are open."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.editors: list[EditorWindow] = []

    def _taken(self, pid: str) -> bool:
        if pid in self.window.practices or (user_practices_dir() / f"{pid}.yaml").exists():
            return True
        return any(e.target_path() == user_practices_dir() / f"{pid}.yaml" for e in self.editors)

    def open_text(self, text: str, path: Path | None = None) -> EditorWindow:
        """Open an editor window on ``text`` (bound to ``path`` when it is a saved file)."""
        # lazy: the editor's window and its helpers load when the first editor opens
        from kapcompanion.ui.editor.editor_window import EditorWindow

        editor = EditorWindow(
            text, path=path, preview=self.preview, voice=self.window.player.voice_link
        )
        editor.saved.connect(lambda _p: self.window.reload_library())
        self.window.hub.settings_changed.connect(lambda _s: editor.use_palette())
        self.editors = [e for e in self.editors if e.isVisible()]
        self.editors.append(editor)
        editor.show()
        editor.raise_()
        editor.activateWindow()
        return editor

    def add_actions(self) -> None:
        """More ▸ New practice… (Ctrl+N), Open file… (Ctrl+Shift+O), Edit practice… (Ctrl+E)."""
        # therapist tools: shown in Therapist mode only (Settings → Practice)
        self.window.add_menu_action(
            self.tr("New practice…"), self.new_practice, shortcut="Ctrl+N", therapist=True
        )
        self.window.add_menu_action(
            self.tr("Open practice file…"),
            self.open_file,
            shortcut="Ctrl+Shift+O",
            therapist=True,
        )
        self.window.add_menu_action(
            self.tr("Edit practice…"), self.edit_selected, shortcut="Ctrl+E", therapist=True
        )

    def choose_file(self) -> Path | None:
        """Ask for a practice file anywhere (replaced in tests)."""
        from PySide6.QtWidgets import QFileDialog  # lazy: only when asked

        name, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Open a practice file"),
            str(Path.home()),
            self.tr("Practice files (*.yaml *.yml);;All files (*)"),
        )
        return Path(name) if name else None

    def open_file(self, path: Path | None = None) -> EditorWindow | None:
        """More ▸ Open practice file…: edit any practice file where it is.

        A file in your practices folder opens as Edit does; one anywhere else is edited in
        place (Save writes back to it, and recorded clips go to ``audio/`` beside it).
        """
        path = path or self.choose_file()
        if path is None:
            return None
        path = path.resolve()
        for editor in self.editors:
            if editor.isVisible() and path in (editor.saved_path, editor.file_path):
                editor.raise_()
                editor.activateWindow()
                return editor
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            log.warning("cannot open %s: %s", path, exc)
            self.window.notify(
                self.tr("“{name}” could not be opened ({error}).").format(name=path.name, error=exc)
            )
            return None
        editor = self.open_text(text, path=path)
        if path.parent != user_practices_dir().resolve():
            editor.file_path = path
            editor.check_now()
            editor.background.file = str(path)
            editor.show_banner(
                self.tr("Editing {path} where it is; Save writes back to this file.").format(
                    path=path
                )
            )
        return editor

    def new_practice(self) -> EditorWindow:
        """More ▸ New practice… (Ctrl+N): a small valid practice to start from."""
        from kapcompanion.ui.editor.drafts import template, unique_id  # lazy: as EditorWindow

        return self.open_text(template(unique_id("my-practice", self._taken)))

    def duplicate(self, pid: str) -> EditorWindow | None:
        """Duplicate and edit: a copy with a new id and "(my version)"; the original stays."""
        from kapcompanion.ui.editor.drafts import (  # lazy: as EditorWindow
            EditError,
            duplicate_text,
            referenced_files,
            unique_id,
        )

        practice = self.window.practices.get(pid)
        if practice is None or practice.source is None:
            log.warning("cannot duplicate %s: no source file", pid)
            return None
        try:
            text = practice.source.read_text(encoding="utf-8")
            new_id = unique_id(f"{pid}-copy", self._taken)
            copy = duplicate_text(text, new_id, f"{practice.title} (my version)")
        except (OSError, UnicodeDecodeError, EditError) as exc:
            log.warning("cannot duplicate %s: %s", pid, exc)
            editor = self.new_practice()
            editor.show_banner(
                self.tr(
                    "“{title}” could not be copied ({error}); here is a new practice instead."
                ).format(title=practice.title, error=exc)
            )
            return editor
        _copy_audio(practice, referenced_files(text))
        return self.open_text(copy)

    def edit(self, pid: str) -> EditorWindow | None:
        """Edit practice ``pid``: the user's own file in place; anything else as a copy."""
        practice = self.window.practices.get(pid)
        if practice is None or practice.source is None:
            return None
        source = practice.source
        for editor in self.editors:
            if editor.isVisible() and editor.saved_path == source:
                editor.raise_()
                editor.activateWindow()
                return editor
        if source.parent.resolve() != user_practices_dir().resolve():
            editor = self.duplicate(pid)
            if editor is not None:
                editor.show_banner(
                    self.tr(
                        "“{title}” is not one of your own practices, so this is your copy "
                        "of it; the original stays as it is."
                    ).format(title=practice.title)
                )
            return editor
        try:
            text = source.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            log.warning("cannot open %s: %s", source, exc)
            return None
        return self.open_text(text, path=source)

    def edit_selected(self) -> EditorWindow | None:
        """More ▸ Edit practice… (Ctrl+E): the practice shown in the detail pane."""
        pid = self.window.detail.practice_id
        return self.edit(pid) if pid else None

    def preview(self, practice: Practice, start_step: int) -> None:
        """Play ``practice`` in the main window's player from ``start_step``."""
        win = self.window
        win.play(practice)
        if start_step > 0:
            win.player.start(practice, start_step=start_step)
        win.raise_()
        win.activateWindow()


def _copy_audio(practice: Practice, relative: list[str]) -> None:
    """Copy the audio a duplicated practice names next to the copy (never overwriting)."""
    if practice.folder is None:
        return
    dest_root = user_practices_dir()
    if practice.folder.resolve() == dest_root.resolve():
        return
    for rel in relative:
        src, dest = practice.folder / rel, dest_root / rel
        if src.is_file() and not dest.exists():
            try:
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, dest)
            except OSError as exc:
                log.warning("could not copy %s for the duplicate: %s", src, exc)


def install(window: MainWindow) -> EditorLauncher:
    """Add "New practice…" (Ctrl+N), "Edit practice…" (Ctrl+E), "Duplicate and edit"."""
    launcher = EditorLauncher(window)
    launcher.add_actions()
    window.detail.duplicate_requested.connect(launcher.duplicate)
    window.on_therapist_mode(lambda on: _offer_duplicate(window, on))
    return launcher


def _offer_duplicate(window: MainWindow, on: bool) -> None:
    """Show “Duplicate and edit” in Therapist mode (when a practice is shown)."""
    window.detail.can_duplicate = on
    window.detail.duplicate.setVisible(on and bool(window.detail.practice_id))
