"""The practice editor window: text with live checking, the steps beside it, voice, save.

Typing restarts a short timer; when it fires the text is checked with the same
:func:`kapcompanion.core.loader.check_text` the library uses, problems are marked at
their lines, and the step list is compiled from the last version without errors.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.core.errors import Diagnostic
from kapcompanion.core.model import Practice, Program
from kapcompanion.paths import user_practices_dir
from kapcompanion.ui.editor.code_edit import CodeEdit, marks_for
from kapcompanion.ui.editor.completion import Completer
from kapcompanion.ui.editor.drafts import draft_id
from kapcompanion.ui.editor.listen import StepListener
from kapcompanion.ui.editor.live_check import (
    INLINE_LIMIT,
    BackgroundCheck,
    CheckResult,
    StepRow,
    run_check,
)
from kapcompanion.ui.editor.questions import Ask, ChooseFile, ask_box, audio_file_dialog
from kapcompanion.ui.editor.save_flow import save
from kapcompanion.ui.editor.saving import DiskStamp, stamp
from kapcompanion.ui.editor.step_panel import StepPanel
from kapcompanion.ui.editor.voice_actions import VoiceActions
from kapcompanion.ui.editor.voice_panel import VoicePanel
from kapcompanion.ui.editor.yaml_highlighter import YamlHighlighter
from kapcompanion.ui.theme import current_palette
from kapcompanion.ui.voice_link import VoiceLink

log = logging.getLogger(__name__)

#: Milliseconds of quiet typing before the text is checked.
DEBOUNCE_MS = 300

Preview = Callable[[Practice, int], None]


class EditorWindow(QMainWindow):
    """Edit one practice; see the module docstring. ``saved`` carries the file written."""

    saved = Signal(Path)
    checked = Signal()

    def __init__(
        self,
        text: str,
        *,
        path: Path | None = None,
        preview: Preview | None = None,
        parent: QWidget | None = None,
        voice: VoiceLink | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.preview_with = preview
        self.saved_path = path
        self.saved_stamp: DiskStamp | None = stamp(path) if path else None
        self.draft_ok = False
        #: A practice file outside the practices folder, edited in place ("Open file…").
        self.file_path: Path | None = None
        self.ask: Ask = ask_box(self)
        self.choose_audio: ChooseFile = audio_file_dialog(self)
        self.diagnostics: list[Diagnostic] = []
        self.practice: Practice | None = None  # the last version without errors
        self.item: Practice | Program | None = None  # what the latest check built
        self.rows: tuple[StepRow, ...] = ()
        self.total = 0.0
        self.valid = False
        self._mics_checked = False
        self._panel_key: tuple = ()

        self.edit = CodeEdit()
        self.highlighter = YamlHighlighter(self.edit.document())
        self.completer = Completer(self.edit)
        self.problems = QListWidget()
        self.problems.setAccessibleName(self.tr("Problems"))
        self.problems.setAccessibleDescription(
            self.tr("Press Enter on a problem to go to its line.")
        )
        self.problems.setWordWrap(True)
        self.problems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problems.itemActivated.connect(self._jump)
        self.problems.itemClicked.connect(self._jump)
        self.summary = QLabel()
        self.summary.setProperty("role", "muted")
        self.banner = QLabel()
        self.banner.setProperty("role", "safety")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.heading = QLabel()
        self.heading.setProperty("role", "h2")
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setProperty("primary", True)
        self.save_button.setAccessibleDescription(
            self.tr("Save to your practices (Ctrl+S); it then appears in the library.")
        )
        self.save_button.clicked.connect(self.save)
        self.steps = StepPanel()
        self.voice = VoicePanel()
        self.steps.chosen.connect(self._step_chosen)
        self.steps.preview_requested.connect(self.preview)
        self.listener = StepListener(voice, self)
        self.listener.said.connect(self.voice.say)
        self.voice.listen_requested.connect(self.listen)
        self._build_layout()
        self._actions()

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self._check_soon)
        self.background = BackgroundCheck(self)
        self.background.finished.connect(self._background_done)
        self.edit.setPlainText(text)
        self.edit.document().setModified(False)
        self.edit.textChanged.connect(self.timer.start)
        self.edit.document().modificationChanged.connect(self.setWindowModified)
        self.voice_actions = VoiceActions(self)
        self.check_now()
        self.resize(1180, 760)

    # -- building --------------------------------------------------------------------

    def _build_layout(self) -> None:
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        problems_head = QLabel(self.tr("Problems"))
        problems_head.setProperty("role", "h2")
        ll.addWidget(self.edit, 4)
        head_row = QHBoxLayout()
        head_row.addWidget(problems_head)
        head_row.addWidget(self.summary, 1)
        ll.addLayout(head_row)
        ll.addWidget(self.problems, 1)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.steps, 3)
        rl.addSpacing(8)
        rl.addWidget(self.voice)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.save_button)
        central = QWidget()
        central.setObjectName("page")
        lay = QVBoxLayout(central)
        lay.setContentsMargins(20, 14, 20, 16)
        lay.addLayout(top)
        lay.addWidget(self.banner)
        lay.addWidget(split, 1)
        self.setCentralWidget(central)

    def _actions(self) -> None:
        for text, keys, slot in (
            (self.tr("Save"), QKeySequence.StandardKey.Save, self.save),
            (self.tr("Close editor"), QKeySequence.StandardKey.Close, self.close),
            (self.tr("Check now"), "F5", self.check_now),
            (self.tr("Go to problems"), "F8", self._focus_problems),
        ):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _c=False, s=slot: s())
            self.addAction(action)

    # -- checking --------------------------------------------------------------------

    @property
    def text(self) -> str:
        """The text as it stands."""
        return self.edit.toPlainText()

    def target_path(self) -> Path | None:
        """Where Save writes: ``<user practices>/<id>.yaml`` (None without a usable id).

        A file opened with "Open file…" from elsewhere is saved where it is.
        """
        if self.file_path is not None:
            return self.file_path
        pid = self.practice.id if self.valid and self.practice else draft_id(self.text)
        return user_practices_dir() / f"{pid}.yaml" if pid else None

    def check_now(self) -> list[Diagnostic]:
        """Check the text at once (on this thread); used before save, preview and voice."""
        self.timer.stop()
        self.background.cancel()
        self.apply_result(run_check(self.text, str(self.file_path) if self.file_path else None))
        return self.diagnostics

    def _check_soon(self) -> None:
        """The debounce handler: check now when short, else in the helper (result below)."""
        text = self.text
        if len(text) < INLINE_LIMIT:
            self.check_now()
        else:
            self.background.request(text)

    def _background_done(self, result: CheckResult) -> None:
        if result.text == self.text:  # typing since then means a newer check is coming
            self.apply_result(result)

    def apply_result(self, result: CheckResult) -> None:
        """Show a check's problems at their lines and refresh the steps."""
        self.diagnostics = result.diagnostics
        self.item = result.item
        self.valid = result.valid
        if result.valid:
            assert isinstance(result.item, Practice)
            self.practice = result.item
            self.rows, self.total = result.rows, result.total
        self.edit.set_marks(marks_for(result.diagnostics, result.text.split("\n")))
        self._show_problems()
        self._refresh_steps()
        self._retitle()
        self.checked.emit()

    def _show_problems(self) -> None:
        self.problems.clear()
        errors = sum(d.is_error for d in self.diagnostics)
        warnings = len(self.diagnostics) - errors
        for d in self.diagnostics:
            sign = "✕" if d.is_error else "!"
            kind = self.tr("error") if d.is_error else self.tr("warning")
            where = (
                self.tr("line {line}, column {col}").format(line=d.line, col=d.col)
                if d.line
                else self.tr("whole file")
            )
            text = f"{sign} {where} — {kind}: {d.message}"
            if d.hint:
                text += "\n    " + self.tr("Hint: {hint}").format(hint=d.hint)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, (d.line, d.col))
            item.setToolTip(d.hint or d.message)
            self.problems.addItem(item)
        if not self.diagnostics:
            self.summary.setText(self.tr("No problems — ready to save."))
        else:
            self.summary.setText(
                self.tr("{e} error(s), {w} warning(s)").format(e=errors, w=warnings)
            )
        self.problems.setAccessibleDescription(self.summary.text())

    def _refresh_steps(self) -> None:
        if isinstance(self.item, Program):
            self._panel_key = ()  # back to a practice later: list its steps again
            self.steps.clear()
            self.steps.total.setText(
                self.tr(
                    "A program over {n} day(s): it schedules practices, so there are no "
                    "steps to list or preview here."
                ).format(n=len(self.item.days))
            )
            self.voice.show_step(-1, None)
            return
        if self.practice is None:
            self.steps.clear()
            self.steps.set_stale(False)
            self.voice.show_step(-1, None)
            return
        key = (id(self.practice),)
        if key != self._panel_key:
            self._panel_key = key
            self.steps.show_rows(self.practice, self.rows, self.total)
            self._step_chosen(self.steps.selected)
        self.steps.set_stale(not self.valid)

    def _retitle(self) -> None:
        title = self.practice.title if self.practice else self.tr("New practice")
        self.heading.setText(self.tr("Editing: {title}").format(title=title))
        target = self.target_path()
        name = target.name if target else self.tr("untitled")
        self.setWindowTitle(self.tr("{name}[*] — Practice editor").format(name=name))

    def _jump(self, item: QListWidgetItem) -> None:
        line, col = item.data(Qt.ItemDataRole.UserRole)
        self.edit.go_to(max(1, line), max(1, col))

    def _focus_problems(self) -> None:
        self.problems.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self.problems.count() and self.problems.currentRow() < 0:
            self.problems.setCurrentRow(0)

    def _step_chosen(self, index: int) -> None:
        step = (
            self.practice.steps[index]
            if self.practice is not None and 0 <= index < len(self.practice.steps)
            else None
        )
        self.voice.show_step(index, step)

    # -- preview and save ------------------------------------------------------------

    def listen(self) -> None:
        """Say the chosen step as the client will hear it (its clip, else the voice)."""
        step = self.voice.step
        if self.practice is not None and step is not None:
            self.listener.listen(self.practice, step)

    def preview(self, index: int = -1) -> None:
        """Play the draft (the last version without errors) from step ``index``."""
        if index < 0:
            index = max(0, self.steps.selected)
        self.check_now()
        if self.practice is None or self.preview_with is None:
            self.show_banner(self.tr("Fix the marked problems first; then the draft can play."))
            return
        if not self.valid:
            self.show_banner(
                self.tr("Playing the last version without errors; the marked lines are not in it.")
            )
        self.preview_with(self.practice, index)

    def save(self) -> bool:
        """Save (see :mod:`kapcompanion.ui.editor.save_flow`); True when written."""
        if not save(self):
            return False
        self.saved.emit(self.saved_path)
        return True

    def show_banner(self, text: str) -> None:
        """A plain message at the top of the window (empty hides it)."""
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def replace_text(self, new: str) -> None:
        """Change the text to ``new`` as one undoable edit of only the part that differs."""
        old = self.text
        if new == old:
            return
        start = 0
        limit = min(len(old), len(new))
        while start < limit and old[start] == new[start]:
            start += 1
        end_old, end_new = len(old), len(new)
        while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
            end_old -= 1
            end_new -= 1
        cur = self.edit.textCursor()
        cur.setPosition(start)
        cur.setPosition(end_old, cur.MoveMode.KeepAnchor)
        cur.insertText(new[start:end_new])
        self.check_now()

    # -- window ----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Look for microphones once, after the window is on screen (QtMultimedia is slow)."""
        super().showEvent(event)
        if not self._mics_checked:
            self._mics_checked = True
            QTimer.singleShot(0, self.voice_actions.detect_microphones)

    def use_palette(self) -> None:
        """Re-colour after a theme change."""
        self.highlighter.use_palette(current_palette())
        self.edit.set_marks(self.edit.marks)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Ask about unsaved changes: save, discard, or keep editing."""
        if self.edit.document().isModified():
            choice = self.ask(
                self.tr("Unsaved changes"),
                self.tr("Save your changes to this practice before closing?"),
                [
                    ("save", self.tr("Save")),
                    ("discard", self.tr("Close without saving")),
                    ("cancel", self.tr("Keep editing")),
                ],
                "save",
            )
            if choice == "cancel" or (choice == "save" and not self.save()):
                event.ignore()
                return
        self.background.shutdown()
        event.accept()
