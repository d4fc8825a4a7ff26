"""run_app as the command line calls it, with the real built-in library."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kapcompanion.ui.app import create_window, run_app
from kapcompanion.ui.library_source import load_library
from tests.ui.samples import BOX, practice


def test_run_app_opens_the_library_and_returns_on_close(qtbot) -> None:
    seen = {}

    def close_soon() -> None:
        win = QApplication.activeWindow() or next(
            w for w in QApplication.topLevelWidgets() if w.objectName() == "" and w.isVisible()
        )
        seen["title"] = win.windowTitle()
        seen["view"] = win.current_view()
        win.close()

    QTimer.singleShot(200, close_soon)
    assert run_app(["kapcompanion"]) == 0
    # The journey's installer makes Today the start page (issue #6).
    assert seen == {"title": "KAP Companion", "view": "today"}


def test_open_straight_into_the_player(qtbot) -> None:
    win = create_window(["kapcompanion"], practice(BOX, "box.yaml"))
    qtbot.addWidget(win)
    assert win.current_view() == "player"
    assert win.player.practice is not None and win.player.practice.id == "box-4"
    win.close()


def test_built_in_library_loads_into_the_window(qtbot) -> None:
    library = load_library()
    practices, origins = library.for_language("en"), library.origins_for_language("en")
    win = create_window(["kapcompanion"])
    qtbot.addWidget(win)
    assert set(win.library.visible_ids()) == set(practices)
    assert all(origins[p] == "built-in" for p in practices)
    win.close()


def test_the_app_window_keeps_a_record_of_its_parts(qtbot) -> None:
    win = create_window(["kapcompanion"])
    qtbot.addWidget(win)
    parts = win.parts
    assert parts.failed == []
    assert parts.journey is not None and parts.reminders is not None
    assert parts.packs is not None and parts.editor is not None
    assert parts.journal_pages is not None
    assert parts.journey.programs() == win.programs  # read from the window's one library
    win.close()
