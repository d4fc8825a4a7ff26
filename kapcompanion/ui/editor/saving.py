"""Writing practice files safely, and noticing when someone else changed them.

Qt-free. A save goes to a temporary file in the same folder, is flushed to disk, and
replaces the old file in one step, so a crash never leaves half a practice behind.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DiskStamp:
    """What a file looked like when the editor last read or wrote it."""

    mtime_ns: int
    size: int
    sha256: str


def stamp(path: Path) -> DiskStamp | None:
    """The stamp of ``path`` now, or None when there is no such file."""
    try:
        st = path.stat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except (FileNotFoundError, NotADirectoryError):
        return None
    return DiskStamp(st.st_mtime_ns, st.st_size, digest)


def same_content(a: DiskStamp | None, b: DiskStamp | None) -> bool:
    """Whether two stamps describe the same bytes (a touched but unchanged file is the same)."""
    if a is None or b is None:
        return a is b
    return a.size == b.size and a.sha256 == b.sha256


def atomic_write_text(path: Path, text: str) -> DiskStamp:
    """Write ``text`` (UTF-8) to ``path`` atomically; return the new stamp.

    Raises:
        OSError: the folder cannot be created or written (nothing is changed then).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    log.info("saved %s (%d bytes)", path, len(data))
    got = stamp(path)
    assert got is not None
    return got
