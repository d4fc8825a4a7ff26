"""The app paints on its UI thread: Qt's helper-thread fills cost more than they saved."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PAINT_AND_LIST_THREADS = r"""
import os, sys
from PySide6.QtWidgets import QApplication
if sys.argv[1] == "app":
    from kapcompanion.ui.app import new_application
    app = new_application(["kapcompanion"])
else:
    app = QApplication(["plain"])
from kapcompanion.core.model import Phase
from kapcompanion.ui.player.pacer import Pacer
pacer = Pacer()
pacer.resize(900, 700)
pacer.show()
pacer.phase, pacer.word, pacer.seconds = Phase.INHALE, "Breathe in", 4
for i in range(120):  # two seconds of a breath, frame by frame
    old, pacer.level = pacer.level, i / 120
    pacer.update(pacer.dirty_region(old))
    app.processEvents()
names = [open(f"/proc/self/task/{t}/comm").read().strip() for t in os.listdir("/proc/self/task")]
print("POOLED" if any("pooled" in n for n in names) else "NONE")
"""


def threads_after_painting(kind: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "QT_NO_GUI_THREADPOOL"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    root = str(Path(__file__).resolve().parents[2])
    out = subprocess.run(
        [sys.executable, "-c", PAINT_AND_LIST_THREADS, kind],
        capture_output=True,
        text=True,
        env={**env, "PYTHONPATH": root},
        timeout=60,
        check=True,
    )
    return out.stdout.strip().splitlines()[-1]


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="lists threads through /proc")
def test_the_app_paints_without_helper_threads() -> None:
    assert threads_after_painting("app") == "NONE"


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="lists threads through /proc")
def test_a_plain_qt_application_would_start_them() -> None:
    # the check above can fail: without the app's setting Qt starts its pool
    if (os.cpu_count() or 1) < 2:
        pytest.skip("Qt starts no helper threads on one core")
    assert threads_after_painting("plain") == "POOLED"
