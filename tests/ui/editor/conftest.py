"""Editor fixtures: a main window with the editor installed, and scripted answers."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from PySide6.QtWidgets import QApplication

from kapcompanion.ui.editor import install
from kapcompanion.ui.editor.editor_window import EditorWindow
from kapcompanion.ui.main_window import MainWindow


class Answers:
    """Stands in for the person answering a question: queued replies, every question kept."""

    def __init__(self) -> None:
        self.queue: list[str] = []
        self.asked: list[tuple[str, str, list[str]]] = []

    def __call__(
        self, title: str, text: str, choices: Sequence[tuple[str, str]], default: str
    ) -> str:
        keys = [k for k, _ in choices]
        self.asked.append((title, text, keys))
        if self.queue:
            answer = self.queue.pop(0)
            assert answer in keys, f"{answer!r} is not offered in {keys}"
            return answer
        return "discard" if "discard" in keys else "cancel"


@pytest.fixture
def win(make_window) -> MainWindow:
    w = make_window()
    install(w)
    return w


@pytest.fixture
def open_editor(win: MainWindow, qtbot) -> Callable[..., EditorWindow]:
    def open_(text: str | None = None) -> EditorWindow:
        launcher = win.editor_launcher
        ed = launcher.new_practice() if text is None else launcher.open_text(text)
        qtbot.addWidget(ed)
        ed.ask = Answers()
        qtbot.waitExposed(ed)
        ed.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is ed, timeout=2000)
        return ed

    return open_
