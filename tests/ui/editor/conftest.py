"""Editor fixtures: a main window with the editor installed, and scripted answers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QApplication

from kapcompanion.settings import Settings
from kapcompanion.ui.editor import EditorLauncher, install
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
def installed(make_window) -> tuple[MainWindow, EditorLauncher]:
    w = make_window(replace(Settings(), therapist_mode=True))  # the editor's tools show
    return w, install(w)


@pytest.fixture
def win(installed: tuple[MainWindow, EditorLauncher]) -> MainWindow:
    return installed[0]


@pytest.fixture
def launcher(installed: tuple[MainWindow, EditorLauncher]) -> EditorLauncher:
    return installed[1]


@pytest.fixture
def open_editor(launcher: EditorLauncher, qtbot) -> Callable[..., EditorWindow]:
    def open_(text: str | None = None) -> EditorWindow:
        ed = launcher.new_practice() if text is None else launcher.open_text(text)
        qtbot.addWidget(ed)
        ed.ask = Answers()
        qtbot.waitExposed(ed)
        ed.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is ed, timeout=2000)
        return ed

    return open_
