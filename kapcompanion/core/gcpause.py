"""Hold Python's cycle collector while many acyclic objects are made at once."""

from __future__ import annotations

import contextlib
import gc
import logging
from collections.abc import Iterator

log = logging.getLogger(__name__)


@contextlib.contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Hold the cycle collector for the block; it runs again afterwards as usual.

    Reading a check cache (unpickling) or checking a long practice makes many objects at
    once and no cycles worth collecting; the collector would walk them again and again as
    they are made (a fifth of a 250-practice cache's load, and of a 500-step check's
    slowest runs).
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
