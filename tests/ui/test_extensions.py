"""The main window's extension points: pages in the navigation, the More menu, installers."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from kapcompanion.ui.extensions import INSTALLERS, install_all


def test_pages_show_and_the_player_returns_where_it_came_from(make_window, clock, qtbot) -> None:
    win = make_window()
    assert win.current_view() == "library"
    assert win.nav_buttons["library"].isChecked()
    today = QLabel("today")
    win.add_page("today", "Today", today, home=True, position=0)
    assert win.home == "today"
    win.nav_buttons["today"].click()
    assert win.current_view() == "today"
    assert win.nav_buttons["today"].isChecked()
    assert not win.nav_buttons["library"].isChecked()

    win.play(next(iter(win.practices.values())))
    assert win.current_view() == "player"
    assert all(not b.isVisible() for b in win.nav_buttons.values())
    assert win.library_button.isVisible()
    assert win.library_button.text() == "Back"
    # navigation cannot pull the person out of a running practice
    win._nav_to("library")
    assert win.current_view() == "player"
    win.player.leave()
    qtbot.waitUntil(lambda: win.current_view() != "player", timeout=3000)
    assert win.current_view() == "today"
    assert win.nav_buttons["today"].isVisible()


def test_page_shortcut_and_more_menu(make_window, qtbot) -> None:
    win = make_window()
    # More is there from the start, with Keyboard shortcuts; actions go above it
    assert win.more_button.isVisible()
    assert win.more_menu.actions()[-1] is win.keys_action
    calls: list[str] = []
    action = win.add_menu_action("Do a thing…", lambda: calls.append("done"))
    assert win.more_menu.actions()[0] is action
    assert win.more_menu.actions()[-1] is win.keys_action
    action.trigger()
    assert calls == ["done"]
    win.add_page("notes", "Notes", QLabel("notes"), shortcut="Ctrl+J")
    qtbot.keyClick(win, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert win.current_view() == "notes"
    qtbot.keyClick(win, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert win.current_view() == "library"


def test_a_failing_installer_is_skipped_and_the_others_run(make_window, monkeypatch) -> None:
    win = make_window()

    def good(w, _parts) -> None:
        w.add_page("good", "Good", QLabel("good"))

    def broken(_w, _parts) -> None:
        raise RuntimeError("broken on purpose")

    monkeypatch.setitem(INSTALLERS, "kap_test_good", good)
    monkeypatch.setitem(INSTALLERS, "kap_test_bad", broken)
    parts = install_all(win, ["kap_test_bad", "kap_test_good", "kap_test_missing"])
    assert parts.failed == ["kap_test_bad", "kap_test_missing"]
    assert "good" in win.pages


def test_reload_library_reads_from_disk_and_announces(make_window, qtbot) -> None:
    from kapcompanion.paths import user_practices_dir

    win = make_window()
    assert "my-own-pause" not in win.practices
    folder = user_practices_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "my-own-pause.yaml").write_text(
        "kapcompanion: 1\nid: my-own-pause\ntitle: My own pause\ncategory: anytime\n"
        "summary: A short pause of my own.\nsteps:\n  - say: Rest here.\n    duration: 10s\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(win.hub.library_changed, timeout=1000):
        win.reload_library()
    assert "my-own-pause" in win.practices
    assert "my-own-pause" in win.library.visible_ids() or win.library.search.text()


def test_a_part_that_cannot_be_imported_is_skipped(make_window, monkeypatch) -> None:
    import kapcompanion.ui

    win = make_window()
    monkeypatch.delattr(kapcompanion.ui, "journey", raising=False)
    monkeypatch.setitem(sys.modules, "kapcompanion.ui.journey", None)  # import fails
    parts = install_all(win, ["kapcompanion.ui.journey", "kapcompanion.ui.editor"])
    assert parts.failed == ["kapcompanion.ui.journey"]
    assert parts.journey is None and parts.editor is not None
    assert "today" not in win.pages
