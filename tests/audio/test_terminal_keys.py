"""Terminal play on a real pseudo-terminal: keys, the status line, Ctrl-C."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import signal
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _controlling_tty() -> None:
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)
    # A shell starts its foreground job with Ctrl-C's default action, even when the tests
    # themselves run in the background (where SIGINT is ignored and would be inherited).
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Pty:
    def __init__(self, spec: dict) -> None:
        self.master, slave = pty.openpty()
        env = {**os.environ, "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.audio.play_script", json.dumps(spec)],
            cwd=ROOT,
            env=env,
            stdin=slave,
            stdout=slave,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=_controlling_tty,  # so Ctrl-C on the pty sends SIGINT, as in a shell
        )
        os.close(slave)
        self.seen = ""

    def read_until(self, text: str, timeout: float = 20.0) -> str:
        end = time.monotonic() + timeout
        while text not in self.seen and time.monotonic() < end:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                try:
                    self.seen += os.read(self.master, 4096).decode(errors="replace")
                except OSError:
                    break
        assert text in self.seen, self.seen[-500:]
        return self.seen

    def send(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def finish(self) -> tuple[int, str]:
        rc = self.proc.wait(timeout=20)
        err = self.proc.stderr.read() if self.proc.stderr else ""
        os.close(self.master)
        return rc, err


@pytest.fixture
def long_bells(sound_files) -> dict:
    return {"bells": [0.2, 20.0, 40.0], "sound": str(sound_files["wood"])}


def test_status_line_pause_and_quit(long_bells: dict) -> None:
    t = Pty(long_bells)
    t.read_until("q: stop")
    t.read_until("step 2/4")
    t.read_until("0:01 / 0:40")
    t.send(" ")
    t.read_until("Paused")
    t.send("q")
    t.read_until("Stopped")
    rc, err = t.finish()
    assert rc == 0
    assert "Traceback" not in err
    assert json.loads(err.strip().splitlines()[-1])["wall"] < 15


def test_skip_moves_to_the_next_step(long_bells: dict) -> None:
    t = Pty(long_bells)
    t.read_until("step 2/4")
    t.send("n")
    t.read_until("step 3/4")
    t.send("q")
    rc, _ = t.finish()
    assert rc == 0


def test_ctrl_c_stops_cleanly(long_bells: dict) -> None:
    t = Pty(long_bells)
    t.read_until("step 2/4")
    t.send("\x03")
    t.read_until("Stopped")
    rc, err = t.finish()
    assert rc == 0
    assert "Traceback" not in err and "KeyboardInterrupt" not in err


def test_interactive_step_waits_for_enter(sound_files) -> None:
    t = Pty({"bells": [0.2, 0.5], "sound": str(sound_files["wood"]), "gate": True})
    t.read_until("What do you notice?")
    time.sleep(0.8)
    assert "complete" not in t.seen  # the clock waits for the person
    t.send("\r")
    t.read_until("The practice is complete")
    rc, _ = t.finish()
    assert rc == 0
