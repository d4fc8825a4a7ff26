"""Start-up stays light: what is loaded when the window shows, and pages built on first use.

The first tests start the real app (``python -m kapcompanion``'s entry) in a child
process on the offscreen platform and list the modules loaded when the window has
answered after its first paint (the benchmark's "responsive" mark). The others check that
the Journal and History pages, built when first shown, behave as pages built at start.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QKeySequence, QShortcut

from kapcompanion.journal.store import JournalStore
from kapcompanion.settings import SettingsStore
from kapcompanion.ui import journal_pages, journey
from kapcompanion.ui.app import AppWindow
from kapcompanion.ui.journal_pages.history_view import HistoryView
from kapcompanion.ui.journal_pages.journal_view import JournalView
from kapcompanion.ui.lazy_page import LazyPage
from kapcompanion.ui.main_window import MainWindow
from tests.ui.journey.conftest import QUICK, START, Day, built_in, play_through

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import os, sys
from kapcompanion.ui import startup_marks

def mark(name):
    if name == "painted":
        print("PAINTED", " ".join(sorted(sys.modules)), flush=True)
    if name == "responsive":
        print("MODULES", " ".join(sorted(sys.modules)), flush=True)
        from PySide6.QtWidgets import QApplication
        QApplication.instance().quit()

startup_marks.mark = mark
from kapcompanion.cli import main
sys.exit(main([]))
"""

#: Never loaded before the window answers: sound, voice, PDF, numerics, the practice
#: parser (on a later launch: the check cache has every file), packs, the lock's
#: cryptography, and the pages and dialogs built on first use.
NOT_AT_START = (
    "pygame",
    "onnxruntime",
    "hibari",
    "reportlab",
    "scipy",
    "numpy",
    "pyloudnorm",
    "soundfile",
    "yaml",
    "cryptography",
    "multiprocessing",
    "kapcompanion.audio.voice",
    "kapcompanion.audio.pygame_player",
    "kapcompanion.core.loader",
    "kapcompanion.core.parse",
    "kapcompanion.journal.export",
    "kapcompanion.ui.settings_dialog",
    "kapcompanion.ui.journal_pages.journal_view",
    "kapcompanion.ui.journal_pages.history_view",
    "kapcompanion.ui.journal_pages.export_dialog",
    "kapcompanion.ui.editor.editor_window",
    "kapcompanion.ui.packs.import_dialog",
    "kapcompanion.ui.packs.share_dialog",
    "kapcompanion.ui.reminders.dialog",
    "kapcompanion.ui.journal_pages.entry_editor",
    "kapcompanion.autostart",
)
#: Of the packs' core, only the names the drop target needs.
PACKS_ALLOWED = {"kapcompanion.core.packs", "kapcompanion.core.packs.names"}


def launch_modules(data_dir: Path) -> dict[str, set[str]]:
    """A real launch: the modules loaded at its first paint ("PAINTED") and when the
    window has answered ("MODULES")."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        SDL_AUDIODRIVER="dummy",
        PYGAME_HIDE_SUPPORT_PROMPT="1",
        KAPCOMPANION_DATA_DIR=str(data_dir),
        KAPCOMPANION_STARTUP_MARKS="1",
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    )
    out = subprocess.run(
        [sys.executable, "-c", CHILD],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    found = {line.split()[0]: set(line.split()[1:]) for line in out.splitlines() if line}
    assert "PAINTED" in found and "MODULES" in found, out
    return found


def modules_at_start(data_dir: Path) -> set[str]:
    """The modules loaded in a real launch when the window has answered."""
    return launch_modules(data_dir)["MODULES"]


def _loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


@pytest.fixture(scope="module")
def launches(tmp_path_factory: pytest.TempPathFactory) -> tuple[set[str], set[str]]:
    """(Modules at a first launch, at the launch after it) with one new data folder."""
    data = tmp_path_factory.mktemp("startup-data")
    return modules_at_start(data), modules_at_start(data)


def test_a_later_launch_loads_none_of_the_heavy_modules(launches) -> None:
    _first, later = launches
    assert _loaded(later, NOT_AT_START) == []
    packs = {m for m in later if m.startswith("kapcompanion.core.packs")}
    assert packs <= PACKS_ALLOWED


def test_a_first_launch_checks_the_library_without_sound_voice_or_numerics(launches) -> None:
    first, _later = launches
    assert "kapcompanion.core.loader" in first  # nothing cached yet: every file is checked
    heavy = ("pygame", "onnxruntime", "hibari", "reportlab", "scipy", "numpy", "cryptography")
    assert _loaded(first, heavy) == []
    assert _loaded(first, ("kapcompanion.ui.journal_pages.history_view",)) == []


# -- pages built on first use ---------------------------------------------------------


def built_window(qtbot) -> AppWindow:
    """The app's window with every part installed, its journal open, not shown yet."""
    store = SettingsStore()
    store.save(QUICK)
    win = AppWindow(built_in(), language="en", store=store)
    qtbot.addWidget(win)
    assert win.parts.journal_pages is not None
    win.parts.journal_pages.ask_at_close = lambda *_a: False
    return win


def app_window(qtbot) -> AppWindow:
    """The app's window with every part installed, shown, its journal open."""
    win = built_window(qtbot)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_journal_and_history_wait_until_first_shown(qtbot) -> None:
    win = app_window(qtbot)
    assert isinstance(win.pages["journal"], LazyPage)
    assert isinstance(win.pages["history"], LazyPage)
    assert win.current_view() == "today"
    win.nav_buttons["journal"].click()
    page = win.pages["journal"]
    assert isinstance(page, JournalView)
    assert win.stack.currentWidget() is page
    assert win.current_view() == "journal"
    assert win.nav_buttons["journal"].isChecked()
    assert win.parts.journal_pages is not None
    assert win.parts.journal_pages.journal is page
    assert isinstance(win.pages["history"], LazyPage)  # still waiting
    win.nav_buttons["history"].click()
    assert isinstance(win.pages["history"], HistoryView)
    assert win.current_view() == "history"
    win.nav_buttons["journal"].click()
    assert win.pages["journal"] is page  # built once
    assert win.stack.indexOf(page) >= 0


def _shortcut(win: MainWindow, keys: str) -> QShortcut:
    wanted = QKeySequence(keys)
    found = [s for s in win.findChildren(QShortcut) if s.key() == wanted]
    assert found, keys
    return found[0]


def test_the_page_shortcuts_build_and_show_the_pages(qtbot) -> None:
    win = app_window(qtbot)
    _shortcut(win, "Ctrl+4").activated.emit()
    assert win.current_view() == "history"
    assert isinstance(win.pages["history"], HistoryView)
    _shortcut(win, "Ctrl+3").activated.emit()
    assert win.current_view() == "journal"
    assert isinstance(win.pages["journal"], JournalView)
    _shortcut(win, "Ctrl+1").activated.emit()
    assert win.current_view() == "today"


def test_a_page_asked_for_by_its_part_is_built_in_place(qtbot) -> None:
    win = app_window(qtbot)
    parts = win.parts.journal_pages
    assert parts is not None
    history = parts.history  # a part may need its page before it is shown
    assert win.pages["history"] is history
    assert win.current_view() == "today"  # nothing else moved
    win.show_page("history")
    assert win.stack.currentWidget() is history


def test_what_a_practice_saved_shows_when_the_pages_first_open(qtbot, clock) -> None:
    settings = SettingsStore()
    settings.save(QUICK)
    win = MainWindow(library=built_in(), store=settings, clock=clock)
    qtbot.addWidget(win)
    journey.install(win, now=Day())
    pages = journal_pages.install(win)
    pages.ask_at_close = lambda *_a: False
    win.show()
    qtbot.waitExposed(win)
    assert isinstance(win.journal, JournalStore)
    assert isinstance(win.pages["journal"], LazyPage)
    assert isinstance(win.pages["history"], LazyPage)
    words = "Slow breaths, warm hands."
    win.start_practice("intention-setting")

    def write(gate) -> None:
        if "My intention" in gate.heading.text():
            qtbot.keyClicks(gate.edit, words)

    play_through(win, clock, write)
    win.player.leave()
    qtbot.wait(50)  # the pages' refresh after the answer is queued
    assert isinstance(win.pages["journal"], LazyPage)  # the practice did not build them
    win.show_page("journal")
    journal = win.pages["journal"]
    assert isinstance(journal, JournalView)
    assert words in [e.text for e in journal.visible_entries()]
    win.show_page("history")
    history = win.pages["history"]
    assert isinstance(history, HistoryView)
    history.show_month(START, START)
    assert history.heatmap.days[START.day - 1].practices >= 1


# -- the style sheet set once -------------------------------------------------------


def _pages_seen(qtbot, *, held: bool) -> dict[str, QImage]:
    """Every page of a freshly built app window (sheet held or set first), as painted."""
    from PySide6.QtWidgets import QApplication

    from kapcompanion.ui.theme import one_polish

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setStyleSheet("")  # as at a start: no sheet yet
    store = SettingsStore()
    store.save(QUICK)
    if held:
        win = one_polish(lambda: AppWindow(built_in(), language="en", store=store))
        assert app.styleSheet()  # set once, at the end
    else:
        win = AppWindow(built_in(), language="en", store=store)
    qtbot.addWidget(win)
    assert win.parts.journal_pages is not None
    win.parts.journal_pages.ask_at_close = lambda *_a: False
    win.resize(1180, 780)
    win.show()
    qtbot.waitExposed(win)
    seen = {}
    for name in ("today", "library", "journal", "history"):
        win.show_page(name)
        QApplication.processEvents()
        seen[name] = win.grab().toImage()
    win.library.select(win.library.visible_ids()[2])
    QApplication.processEvents()
    seen["library, third practice"] = win.grab().toImage()
    win.resize(900, 640)
    QApplication.processEvents()
    seen["library, smaller window"] = win.grab().toImage()
    win.close()
    return seen


def test_a_window_styled_once_looks_exactly_as_one_styled_widget_by_widget(qtbot) -> None:
    """one_polish sets the sheet after the window is built: the same pixels on every page
    (a page not shown yet must not keep sizes it measured before it was styled)."""
    once = _pages_seen(qtbot, held=True)
    each = _pages_seen(qtbot, held=False)
    for name, image in once.items():
        assert image == each[name], f"{name} differs"


def test_the_library_opens_split_two_to_three_whatever_the_window(qtbot) -> None:
    from PySide6.QtWidgets import QApplication

    from kapcompanion.ui.widgets import ProportionalSplit

    for width in (900, 1180, 1600):
        win = built_window(qtbot)
        win.resize(width, 780)
        win.show()
        qtbot.waitExposed(win)
        win.show_page("library")
        QApplication.processEvents()
        split = win.library_page.findChild(ProportionalSplit)
        assert split is not None
        left, right = split.sizes()
        assert abs(left * 3 - right * 2) <= 5 or left == win.library.minimumSizeHint().width()
        split.setSizes([right, left])  # the person moves the handle: it stays there
        win.resize(width + 40, 780)
        QApplication.processEvents()
        assert split.sizes()[0] > split.sizes()[1]
        win.close()


# -- the player built after the first paint -------------------------------------------


def test_the_first_paint_comes_before_the_player_and_the_first_answer_after_it(
    tmp_path: Path,
) -> None:
    """A real launch: the window paints Today without the player's modules; by the time it
    answers a click the player is built (Begin practice opens it at once)."""
    found = launch_modules(tmp_path / "data")
    painted, answered = found["PAINTED"], found["MODULES"]
    player = ("kapcompanion.ui.player.view", "kapcompanion.ui.player.pacer")
    assert _loaded(painted, player) == []
    assert _loaded(answered, player) == sorted(player)


def test_the_player_is_built_after_the_first_paint_and_wired_as_before(qtbot) -> None:
    from PySide6.QtWidgets import QApplication

    win = built_window(qtbot)
    assert win.parts.journey is not None
    assert win.built_player is None  # built: the window, Today, the library; not the player
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.built_player is not None, timeout=5000)
    player = win.built_player
    assert player is not None and win.player is player  # one player, built once
    assert win.stack.indexOf(player) >= 0
    assert win.current_view() == "today"  # nothing the person sees moved
    assert player.recall == win.parts.journey.link.recall  # the journal's recall reached it
    assert player.questions.drafts is not None
    QApplication.processEvents()
    win.start_practice(win.library.visible_ids()[0])
    assert win.current_view() == "player"


def test_a_window_closed_before_its_player_was_built_closes_without_building_it(
    qtbot,
) -> None:
    win = built_window(qtbot)
    assert win.close()
    assert win.built_player is None
    win.set_settings(win.settings)  # settings apply with no player to tell
    assert win.built_player is None


def test_a_part_asking_for_the_player_builds_it_then_and_there(qtbot) -> None:
    store = SettingsStore()
    store.save(QUICK)
    win = MainWindow(library=built_in(), store=store)
    qtbot.addWidget(win)
    seen = []
    win.when_player(seen.append)
    assert seen == [] and win.built_player is None
    player = win.player  # as the editor's preview or a draft's "Go back to it" do
    assert seen == [player] and win.built_player is player
    later = []
    win.when_player(later.append)  # once built, a hook runs at once
    assert later == [player]


def test_the_log_file_is_handed_to_its_rotation_after_the_first_paint(tmp_path: Path) -> None:
    """logging.handlers (with socket, pickle, queue) is not loaded before the first paint;
    by the time the window answers, the log file is rotated as always."""
    found = launch_modules(tmp_path / "data")
    assert "logging.handlers" not in found["PAINTED"]
    assert "logging.handlers" in found["MODULES"]
    assert (tmp_path / "data" / "logs" / "kapcompanion.log").is_file()
