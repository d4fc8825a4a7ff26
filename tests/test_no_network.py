"""No network, provably: the app's main paths run with every way to reach the network refused.

A child process replaces ``socket.socket``, ``socket.create_connection`` and
``socket.getaddrinfo`` with functions that record the attempt and fail, then opens the window
with the built-in library, plays a practice with the real mixer, renders it, validates the
library, writes and exports the journal (Markdown and PDF), backs it up, and builds, signs
and imports a pack. Where strace is available, a second run watches the system calls
themselves (which also sees Qt and SDL, below Python) for any internet socket.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

MAIN_PATHS = r"""
import socket, sys
tried = []
def refuse(name):
    def f(*a, **k):
        tried.append((name, repr(a)[:80]))
        raise OSError("network refused by the test")
    return f
class RefusedSocket(socket.socket):
    def __init__(self, family=-1, *a, **k):
        tried.append(("socket", repr((family, *a))[:80]))
        raise OSError("network refused by the test")
socket.socket = RefusedSocket
socket.create_connection = refuse("create_connection")
socket.getaddrinfo = refuse("getaddrinfo")

import shutil, tempfile
from pathlib import Path
from kapcompanion.cli import main as cli
from kapcompanion.resources import builtin_scripts
work = Path(tempfile.mkdtemp())

# the window, the library, a practice played through the real mixer
from PySide6.QtWidgets import QApplication
from kapcompanion.ui.app import create_window
win = create_window([])
QApplication.processEvents()
win.start_practice("box-breathing")
for _ in range(30):
    QApplication.processEvents()
    win.player.tick()
win.player.leave()
win.close()
QApplication.processEvents()

# the command line
assert cli(["validate", str(builtin_scripts())]) == 0
assert cli(["render", "sigh-reset", "-o", str(work / "sigh.ogg")]) == 0
from kapcompanion.journal.store import JournalStore
from kapcompanion.journal.demo import fill_demo
store = JournalStore.open()
fill_demo(store, 60)
store.close()
assert cli(["journal", "export", "--format", "md", "-o", str(work / "j.md")]) == 0
assert cli(["journal", "export", "--format", "pdf", "-o", str(work / "j.pdf")]) == 0
assert cli(["journal", "backup", "-o", str(work / "all.kapbackup")]) == 0

# a signed pack, built and imported
src = work / "pack"
(src / "practices").mkdir(parents=True)
shutil.copy(builtin_scripts() / "anytime" / "sigh-reset.yaml", src / "practices" / "mine.yaml")
text = (src / "practices" / "mine.yaml").read_text(encoding="utf-8")
(src / "practices" / "mine.yaml").write_text(
    text.replace("id: sigh-reset", "id: my-sigh-reset"), encoding="utf-8")
(src / "pack.yaml").write_text(
    "kappack: 1\nname: Net test\nauthor: Sam Rivera\nversion: 1\n", encoding="utf-8")
assert cli(["pack", "keygen", "Sam Rivera"]) == 0
assert cli(["pack", "build", str(src), "-o", str(work / "t.kappack")]) == 0
assert cli(["pack", "import", str(work / "t.kappack"), "--yes"]) == 0

# (the standard library's xml.sax imports urllib.request; importing is not connecting)
net = sorted(m for m in sys.modules if m.split(".")[0] in ("requests", "urllib3", "httpx")
             or m.endswith("QtNetwork"))
print("TRIED", tried)
print("NETMODULES", net)
print("DONE")
"""


def run_main_paths(tmp_path: Path, prefix: list[str]) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        SDL_AUDIODRIVER="dummy",
        PYGAME_HIDE_SUPPORT_PROMPT="1",
        KAPCOMPANION_DATA_DIR=str(tmp_path / "data"),
    )
    return subprocess.run(
        [*prefix, sys.executable, "-c", MAIN_PATHS],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )


def test_main_paths_never_reach_for_the_network(tmp_path: Path) -> None:
    r = run_main_paths(tmp_path, [])
    assert r.returncode == 0, r.stderr[-1500:]
    assert "DONE" in r.stdout
    assert "TRIED []" in r.stdout
    assert "NETMODULES []" in r.stdout


def _strace_works() -> bool:
    if shutil.which("strace") is None:
        return False
    probe = subprocess.run(["strace", "-f", "-qq", "true"], capture_output=True, timeout=30)
    return probe.returncode == 0


@pytest.mark.skipif(not _strace_works(), reason="strace is not available or not permitted here")
def test_no_internet_socket_is_even_created(tmp_path: Path) -> None:
    trace = tmp_path / "trace.txt"
    r = run_main_paths(
        tmp_path, ["strace", "-f", "-qq", "-e", "trace=socket,connect", "-o", str(trace)]
    )
    assert r.returncode == 0, r.stderr[-1500:]
    calls = trace.read_text()
    internet = [
        line for line in calls.splitlines() if re.search(r"AF_INET6?\b|AF_PACKET|AF_NETLINK", line)
    ]
    assert internet == [], "\n".join(internet[:10])


VOICE_RUN = r"""
import sys
from pathlib import Path
from kapcompanion.cli import main as cli
practice = Path(sys.argv[1])
practice.write_text(
    "kapcompanion: 1\nid: voice-home\ntitle: Voice at home\ncategory: anytime\n"
    "summary: A short spoken check.\nsteps:\n  - say: Let your shoulders soften.\n",
    encoding="utf-8",
)
assert cli(["render", str(practice), "-o", sys.argv[2]]) == 0
import onnxruntime  # the voice really ran on it
print("DONE")
"""


def test_the_voice_writes_nothing_outside_the_data_dir(tmp_path: Path) -> None:
    """onnxruntime's own telemetry (a device id under ~/.cache/Microsoft, uploads) stays off."""
    home, data = tmp_path / "home", tmp_path / "home" / "data"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "ORT_"))} | {
        "HOME": str(home),
        "KAPCOMPANION_DATA_DIR": str(data),
        "SDL_AUDIODRIVER": "dummy",
        "PYGAME_HIDE_SUPPORT_PROMPT": "1",
    }
    r = subprocess.run(
        [sys.executable, "-c", VOICE_RUN, str(tmp_path / "p.yaml"), str(tmp_path / "o.wav")],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )
    assert r.returncode == 0 and "DONE" in r.stdout, r.stderr[-1500:]
    assert any((data / "cache" / "voice").iterdir()), "the voice should have been cached"
    outside = [p for p in home.rglob("*") if p.is_file() and data not in p.parents]
    assert outside == []
