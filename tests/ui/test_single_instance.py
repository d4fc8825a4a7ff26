"""A second launch brings the first window forward instead of opening the app twice."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from kapcompanion.ui.single import LOCK_NAME, REQUEST_NAME, SingleInstance

ROOT = Path(__file__).resolve().parents[2]

FIRST = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import kapcompanion.ui.app as appmod

real = appmod.bring_forward
def noted(window):
    real(window)
    print("RAISED", window.isVisible(), flush=True)
    QTimer.singleShot(200, window.close)
appmod.bring_forward = noted
app = QApplication([])
QTimer.singleShot(60000, app.quit)  # never hang a test run
QTimer.singleShot(0, lambda: print("READY", flush=True))
sys.exit(appmod.run_app(["kap"]))
"""


def env_for(data: Path) -> dict[str, str]:
    return dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        SDL_AUDIODRIVER="dummy",
        PYGAME_HIDE_SUPPORT_PROMPT="1",
        KAPCOMPANION_DATA_DIR=str(data),
    )


def test_second_launch_raises_the_first_and_exits(tmp_path: Path) -> None:
    env = env_for(tmp_path / "data")
    first = subprocess.Popen(
        [sys.executable, "-c", FIRST], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env=env, cwd=ROOT,
    )  # fmt: skip
    try:
        assert first.stdout is not None
        line = first.stdout.readline()
        deadline = time.monotonic() + 60
        while "READY" not in line and time.monotonic() < deadline:
            line = first.stdout.readline()
        assert "READY" in line
        start = time.monotonic()
        second = subprocess.run(
            [sys.executable, "-m", "kapcompanion"], capture_output=True, text=True,
            env=env, cwd=ROOT, timeout=60,
        )  # fmt: skip
        assert second.returncode == 0, second.stderr
        assert "already open" in second.stderr
        assert "Traceback" not in second.stderr
        out, err = first.communicate(timeout=30)
        assert "RAISED True" in out, err[-800:]
        assert first.returncode == 0
        assert time.monotonic() - start < 30
    finally:
        if first.poll() is None:
            first.kill()
    # the lock went with the first app: the next launch is the app again
    single = SingleInstance(tmp_path / "data")
    assert single.acquire()
    single.release()


def test_a_lock_left_by_a_crashed_app_does_not_block(tmp_path: Path, qtbot) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    # a lock file naming a process that no longer exists (as a killed app leaves it)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()  # fmt: skip
    (folder / LOCK_NAME).write_text(f"{dead}\nkap\n{os.uname().nodename}\n")
    single = SingleInstance(folder)
    assert single.acquire()
    single.release()


def test_request_reaches_the_running_app(tmp_path: Path, qtbot) -> None:
    folder = tmp_path / "data"
    first = SingleInstance(folder)
    assert first.acquire()
    second = SingleInstance(folder)
    assert not second.acquire()
    with qtbot.waitSignal(first.requested, timeout=5000) as got:
        assert second.ask_first_to_show(["/tmp/some.kappack"])
    assert got.args == [["/tmp/some.kappack"]]
    assert not (folder / REQUEST_NAME).exists()
    first.release()


def test_unwritable_data_dir_still_opens(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    single = SingleInstance(blocker / "data")
    assert single.acquire()
