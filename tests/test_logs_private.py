"""The log file under the data dir is rotated and never holds what the person wrote."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SECRET = "MY-SECRET-REFLECTION-7731"

SCRIPT = f"""
import logging
from kapcompanion.logs import setup_logging
setup_logging(to_file=True, level=logging.DEBUG)
from dataclasses import replace
from PySide6.QtWidgets import QApplication
app = QApplication([])
from kapcompanion.settings import Settings, SettingsStore
from kapcompanion.ui.library_source import load_library
from kapcompanion.ui.main_window import MainWindow
from kapcompanion.ui.extensions import install_all
from tests.fakes import FakeClock
library = load_library()
practices = library.for_language("en")
store = SettingsStore()
store.save(replace(Settings(), get_ready_seconds=0, rules_dismissed=tuple(practices)))
clock = FakeClock()
win = MainWindow(library=library, store=store, clock=clock)
install_all(win)
win.show()
win.start_practice("intention-setting")
view = win.player
for _ in range(400):
    clock.advance(1.0)
    view.tick()
    if view.gate is not None and hasattr(view.gate, "edit"):
        view.gate.edit.setPlainText("{SECRET} " + "and more words " * 20)
        view.gate.continue_button.click()
    elif view.gate is not None:
        view.gate.continue_button.click()
    if view.session is not None and view.session.done:
        break
journal = win.journal
assert journal is not None
assert any("{SECRET}" in (e.text or "") for e in journal.entries())
journal.add_note("{SECRET} in a free note", title="{SECRET} title")
win.close()
from kapcompanion.cli import main
assert main(["journal", "export", "--format", "md", "-o", "exported.md"]) == 0
logging.getLogger("kapcompanion.test").warning("done")
print("OK")
"""


def test_logs_hold_no_journal_text(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        SDL_AUDIODRIVER="dummy",
        PYGAME_HIDE_SUPPORT_PROMPT="1",
        KAPCOMPANION_DATA_DIR=str(data),
        PYTHONPATH=str(ROOT),
    )
    r = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env,
        cwd=tmp_path, timeout=180,
    )  # fmt: skip
    assert r.returncode == 0 and "OK" in r.stdout, r.stderr[-2000:]
    assert SECRET in (tmp_path / "exported.md").read_text(encoding="utf-8")  # it was written
    logs = list((data / "logs").glob("kapcompanion.log*"))
    assert logs, "no log file was written"
    text = "".join(p.read_text(encoding="utf-8", errors="replace") for p in logs)
    assert "kapcompanion" in text and len(text) > 200  # the log really records things
    assert SECRET not in text
    assert SECRET not in r.stderr


def test_the_log_file_rotates(tmp_path: Path, monkeypatch) -> None:
    import logging

    from kapcompanion import logs

    monkeypatch.setenv("KAPCOMPANION_DATA_DIR", str(tmp_path))
    root = logging.getLogger()
    saved = root.handlers[:], getattr(root, "_kapcompanion", False)
    root._kapcompanion = False  # type: ignore[attr-defined]
    monkeypatch.setattr(logs, "LOG_BYTES", 2000)
    try:
        logs.setup_logging(to_file=True)
        for i in range(400):
            logging.getLogger("kapcompanion.test").info("line %d of the rotation test", i)
        files = sorted(p.name for p in (tmp_path / "logs").iterdir())
        assert files == [
            "kapcompanion.log",
            "kapcompanion.log.1",
            "kapcompanion.log.2",
            "kapcompanion.log.3",
        ]
        assert all((tmp_path / "logs" / f).stat().st_size <= 2200 for f in files)
    finally:
        for h in root.handlers[:]:
            if h not in saved[0]:
                root.removeHandler(h)
                h.close()
        root._kapcompanion = saved[1]  # type: ignore[attr-defined]


def test_a_log_opened_before_the_window_rotates_once_handed_over(tmp_path: Path) -> None:
    """The desktop app appends to its log until its window shows, then rotates it: what was
    written before and after the hand-over is kept, and a full file rotates at once."""
    script = """
import logging, sys
from kapcompanion import logs
logs.LOG_BYTES = 2000
logs.setup_logging(to_file=True, rotate_later=True)
early = logging.getLogger("kapcompanion.test")
for i in range(60):
    early.info("early line %d before the window shows", i)
assert "logging.handlers" not in sys.modules
logs.rotate_file_log()
logs.rotate_file_log()  # a second call finds nothing to hand over
import logging.handlers
kinds = [type(h).__name__ for h in logging.getLogger().handlers]
assert kinds.count("RotatingFileHandler") == 1 and "_StartFile" not in kinds, kinds
early.info("the first line after the hand-over")
print("OK")
"""
    env = dict(os.environ, KAPCOMPANION_DATA_DIR=str(tmp_path), PYTHONPATH=str(ROOT))
    r = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60
    )
    assert r.returncode == 0 and "OK" in r.stdout, r.stderr[-2000:]
    folder = tmp_path / "logs"
    rolled = (folder / "kapcompanion.log.1").read_text(encoding="utf-8")
    assert "early line 59 before the window shows" in rolled  # the early file, rotated
    assert (folder / "kapcompanion.log.1").stat().st_size > 2000  # it grew past the limit
    now = (folder / "kapcompanion.log").read_text(encoding="utf-8")
    assert now.strip().endswith("the first line after the hand-over")
