"""What the save flow and the voice actions use of the editor window.

:class:`~kapcompanion.ui.editor.editor_window.EditorWindow` is such a host. The helpers are
typed against this description rather than the window itself, so the window can use them
without the two modules importing each other.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QLabel, QWidget

from kapcompanion.core.errors import Diagnostic
from kapcompanion.core.model import Practice
from kapcompanion.ui.editor.code_edit import CodeEdit
from kapcompanion.ui.editor.questions import Ask, ChooseFile
from kapcompanion.ui.editor.saving import DiskStamp
from kapcompanion.ui.editor.step_panel import StepPanel
from kapcompanion.ui.editor.voice_panel import VoicePanel


class EditorHost(Protocol):
    """An editor window as its helpers see it."""

    edit: CodeEdit
    summary: QLabel
    steps: StepPanel
    voice: VoicePanel
    ask: Ask
    choose_audio: ChooseFile
    diagnostics: list[Diagnostic]
    practice: Practice | None
    valid: bool
    saved_path: Path | None
    saved_stamp: DiskStamp | None
    draft_ok: bool  # saving with errors was agreed to; do not ask again
    file_path: Path | None  # a practice file edited where it is ("Open practice file…")

    @property
    def text(self) -> str:
        """The text being edited."""
        ...

    def check_now(self) -> list[Diagnostic]:
        """Check the text at once; its problems."""
        ...

    def target_path(self) -> Path | None:
        """Where saving writes (None without an id)."""
        ...

    def show_banner(self, text: str) -> None:
        """A plain message at the top of the window (empty hides it)."""
        ...

    def replace_text(self, new: str) -> None:
        """Replace the whole text as one undoable edit."""
        ...

    def window(self) -> QWidget:
        """The editor's window (the host itself): the parent of what it opens."""
        ...
