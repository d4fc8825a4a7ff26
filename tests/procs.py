"""Helpers for tests that start real programs (a sound server, an X server, a tray)."""

from __future__ import annotations

import subprocess


def stop(proc: subprocess.Popen, timeout: float = 5.0) -> None:
    """Ask ``proc`` to end, then make it end; never leaves it running."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=timeout)
