"""Issue 20: Open file… anywhere, a completion popup that fits and sits under the line,
and Ctrl+S saving a draft once the person has said to."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import soundfile as sf
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from kapcompanion.paths import user_practices_dir
from tests.core.helpers import practice_text


def test_open_file_edits_a_practice_where_it_is(launcher, qtbot, tmp_path: Path) -> None:
    path = tmp_path / "elsewhere" / "arriving.yaml"
    path.parent.mkdir()
    path.write_text(practice_text("- say: Welcome.", id="arriving"), encoding="utf-8")
    launcher.choose_file = lambda: path
    ed = launcher.open_file()
    assert ed is not None
    qtbot.addWidget(ed)
    assert ed.valid and ed.target_path() == path.resolve()
    assert "Save writes back to this file" in ed.banner.text()
    ed.replace_text(ed.text.replace("Welcome.", "Welcome back."))
    assert ed.save()
    assert "Welcome back." in path.read_text(encoding="utf-8")
    assert not (user_practices_dir() / "arriving.yaml").exists()
    assert launcher.open_file(path) is ed  # the same file is not opened twice


def test_open_file_checks_voice_clips_beside_the_file(launcher, qtbot, tmp_path: Path) -> None:
    (tmp_path / "audio").mkdir()
    tone = 0.1 * np.sin(2 * np.pi * 220 * np.arange(44100) / 44100)
    sf.write(tmp_path / "audio" / "hi.wav", tone, 44100)
    path = tmp_path / "arriving.yaml"
    path.write_text(
        practice_text("- say: Welcome.\n  voice: audio/hi.wav", id="arriving"), encoding="utf-8"
    )
    ed = launcher.open_file(path)
    assert ed is not None
    qtbot.addWidget(ed)
    ed.ask = Recorder("discard")  # closing at the end leaves the change unsaved
    assert ed.diagnostics == [] and ed.valid
    ed.replace_text(ed.text + "  - bell: soft-bell\n")  # the check as you type, too
    ed.check_now()
    assert ed.diagnostics == [] and ed.valid


def test_the_completion_popup_fits_its_words_and_sits_under_the_line(open_editor, qtbot) -> None:
    ed = open_editor()
    cur = ed.edit.textCursor()
    cur.movePosition(QTextCursor.MoveOperation.End)
    ed.edit.setTextCursor(cur)
    ed.edit.setFocus()
    qtbot.keyClicks(ed.edit, "  - ")
    qtbot.keyClick(ed.edit, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    popup = ed.completer.popup()
    assert popup.isVisible()
    metrics = popup.fontMetrics()
    widest = max(metrics.horizontalAdvance(w) for w in ("checklist", "check_in", "breathe"))
    assert popup.viewport().width() >= widest
    line = ed.edit.cursorRect()
    line_bottom = ed.edit.viewport().mapToGlobal(line.bottomLeft()).y()
    assert popup.geometry().top() >= line_bottom
    assert abs(popup.geometry().left() - ed.edit.viewport().mapToGlobal(line.topLeft()).x()) < 4


class Recorder:
    def __init__(self, answer: str) -> None:
        self.answer = answer
        self.defaults: list[str] = []

    def __call__(
        self, title: str, text: str, choices: Sequence[tuple[str, str]], default: str
    ) -> str:
        self.defaults.append(default)
        return self.answer


def test_ctrl_s_saves_a_draft_once_the_person_said_to(open_editor, qtbot) -> None:
    ed = open_editor()
    ed.replace_text(ed.text.replace("category: anytime", "category: sometimes"))
    ask = Recorder("save")
    ed.ask = ask
    path = user_practices_dir() / "my-practice.yaml"
    ed.edit.setFocus()
    qtbot.keyClick(ed.edit, "s", Qt.KeyboardModifier.ControlModifier)
    assert ask.defaults == ["save"]  # Enter in the question saves: they asked to
    assert path.is_file()
    QApplication.processEvents()
    ed.replace_text(ed.text.replace("My new practice", "Still a draft"))
    ed.edit.setFocus()
    qtbot.keyClick(ed.edit, "s", Qt.KeyboardModifier.ControlModifier)
    assert "Still a draft" in path.read_text(encoding="utf-8")
    assert ask.defaults == ["save"]  # not asked again
    ed.replace_text(ed.text.replace("category: sometimes", "category: anytime"))
    assert ed.save() and not ed.draft_ok  # valid now: a new error asks again
