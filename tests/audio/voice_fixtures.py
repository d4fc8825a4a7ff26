"""Helpers for the voice tests: clips, and folders that refuse writes (real filesystems)."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from kapcompanion.audio.voice import SAMPLE_RATE


def tone(seconds: float = 0.5, freq: float = 220.0) -> np.ndarray:
    """A mono float32 clip at the voice's rate."""
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    return (0.3 * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def _mount(folder: Path, options: str) -> bool:
    if os.geteuid() != 0:
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True
    )
    return done.returncode == 0


@contextlib.contextmanager
def read_only_folder(folder: Path) -> Iterator[Path]:
    """A folder nobody may write: a read-only tmpfs as root, else a folder without w bits."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        if not _mount(folder, "ro,size=64k"):
            pytest.skip("cannot mount a read-only filesystem here")
        try:
            yield folder
        finally:
            subprocess.run(["umount", "-l", str(folder)], check=False)
        return
    folder.chmod(0o500)
    try:
        yield folder
    finally:
        folder.chmod(0o700)


@contextlib.contextmanager
def tiny_folder(folder: Path, size: str = "64k") -> Iterator[Path]:
    """A real, nearly full filesystem (a small tmpfs); skipped where it can't be mounted."""
    folder.mkdir(parents=True, exist_ok=True)
    if not _mount(folder, f"size={size}"):
        pytest.skip("mounting a small filesystem needs root")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
