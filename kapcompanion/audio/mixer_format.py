"""Float audio to the bytes pygame's mixer takes, and giving decode buffers back."""

from __future__ import annotations

import contextlib
import ctypes
import logging

import numpy as np

log = logging.getLogger(__name__)


def dtype_for(size: int) -> np.dtype:
    """The numpy type of pygame's sample ``size`` (-16: signed 16-bit, 32: float...)."""
    return {
        -16: np.dtype(np.int16),
        16: np.dtype(np.uint16),
        -8: np.dtype(np.int8),
        8: np.dtype(np.uint8),
        -32: np.dtype(np.float32),
        32: np.dtype(np.float32),
    }[size]


def to_mixer_bytes(samples: np.ndarray, size: int, *, consume: bool = False) -> np.ndarray:
    """Convert float32 ``(frames, channels)`` audio to the mixer's sample format.

    Returns a contiguous array (a buffer pygame copies from). With ``consume``, the
    input's memory is reused for the scaling, so a long bed is not held three times.
    """
    dtype = dtype_for(size)
    if dtype.kind == "f":
        return np.ascontiguousarray(samples, dtype=np.float32)
    bits = dtype.itemsize * 8
    work = samples if consume and samples.dtype == np.float32 else samples.astype(np.float32)
    work *= float(2 ** (bits - 1) - 1)
    np.round(work, out=work)
    if dtype.kind == "u":
        work += 2 ** (bits - 1)
    return np.ascontiguousarray(work.astype(dtype))


def release_memory() -> None:
    """Give freed decode buffers back to the system (glibc keeps them otherwise)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)
