"""What a pack holds, in words a client reads: practices with their lengths, audio size.

Qt-free. Lengths are read from the practice texts in the pack (already checked by
:func:`kapcompanion.core.packs.inspect_pack`) and the voice clips' headers, without
unpacking anything.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import logging
import posixpath
import struct
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

from kapcompanion.core.loader import check_text
from kapcompanion.core.model import Practice, SayStep
from kapcompanion.core.packs.format import PackInfo
from kapcompanion.ui.catalogue import practice_length

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

log = logging.getLogger(__name__)

MAX_TEXT_BYTES = 1024 * 1024  # a practice file larger than this is not measured


@dataclass(frozen=True)
class PackItem:
    """One practice in a pack: id, title and length in seconds (None when unknown)."""

    id: str
    title: str
    seconds: float | None


class _Slice(io.RawIOBase):
    """A read-only view of ``size`` bytes at ``start`` of an open file (a stored zip entry)."""

    def __init__(self, fh: BinaryIO, start: int, size: int) -> None:
        super().__init__()
        self._fh, self._start, self._size, self._pos = fh, start, size, 0

    def readable(self) -> bool:
        """A slice is read."""
        return True

    def seekable(self) -> bool:
        """And sought in."""
        return True

    def tell(self) -> int:
        """The position in the slice."""
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        """Move within the slice (clamped to it)."""
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._size}[whence]
        self._pos = min(max(0, base + offset), self._size)
        return self._pos

    def readinto(self, buffer: WriteableBuffer, /) -> int:
        """Fill ``buffer`` with up to its length of bytes; how many were read."""
        view = memoryview(buffer).cast("B")
        n = min(len(view), self._size - self._pos)
        self._fh.seek(self._start + self._pos)
        data = self._fh.read(n)
        view[: len(data)] = data
        self._pos += len(data)
        return len(data)


def _clip_seconds(fh: BinaryIO, info: zipfile.ZipInfo) -> float | None:
    """Length of a stored audio entry from its header, read in place (nothing unpacked).

    Packs store audio uncompressed; a compressed clip keeps the reading-time estimate.
    """
    import soundfile  # lazy: the sound file reader loads only for a pack with clips

    if info.compress_type != zipfile.ZIP_STORED:
        return None
    try:
        fh.seek(info.header_offset)
        head = fh.read(30)
        if len(head) < 30 or head[:4] != b"PK\x03\x04":
            return None
        name_len, extra_len = struct.unpack("<HH", head[26:30])
        start = info.header_offset + 30 + name_len + extra_len
        sound = soundfile.info(io.BufferedReader(_Slice(fh, start, info.compress_size)))
    except Exception as exc:  # any unreadable clip just keeps the estimate
        log.info("cannot read the length of %s: %s", info.filename, exc)
        return None
    return float(sound.frames) / float(sound.samplerate) if sound.samplerate else None


def _with_clips(
    practice: Practice, folder: str, fh: BinaryIO, entries: dict[str, zipfile.ZipInfo]
) -> Practice:
    """``practice`` with voiced steps timed by their clips (the text alone gives reading time).

    A step that was given a ``duration:`` (``SayStep.explicit``) keeps it.
    """
    steps = []
    for step in practice.steps:
        if isinstance(step, SayStep) and step.voice is not None and not step.explicit:
            name = posixpath.normpath(posixpath.join(folder, step.voice.as_posix()))
            seconds = _clip_seconds(fh, entries[name]) if name in entries else None
            if seconds:
                step = dataclasses.replace(step, duration=seconds)
        steps.append(step)
    return dataclasses.replace(practice, steps=tuple(steps))


@contextlib.contextmanager
def _quiet(logger: logging.Logger) -> Iterator[None]:
    """Leave out ``logger``'s warnings for a moment (expected ones, not worth a log line)."""
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def practice_lengths(info: PackInfo) -> dict[str, float]:
    """Seconds of each practice in the pack, by id (those that cannot be measured are left out)."""
    sizes = dict(info.files)
    wanted = {pid for pid, _ in info.practices}
    found: dict[str, float] = {}
    try:
        with open(info.file, "rb") as fh, zipfile.ZipFile(fh) as zf:
            entries = {i.filename: i for i in zf.infolist() if i.filename in sizes}
            for name, size in sizes.items():
                if not name.lower().endswith((".yaml", ".yml")) or size > MAX_TEXT_BYTES:
                    continue
                text = zf.read(name).decode("utf-8", errors="replace")
                with _quiet(logging.getLogger("kapcompanion.core.parse")):
                    # With no folder the parser cannot find the clips; they are timed below.
                    item, _ = check_text(text, f"{info.file.name}!{name}", None)
                if isinstance(item, Practice) and item.id in wanted:
                    item = _with_clips(item, posixpath.dirname(name), fh, entries)
                    found[item.id] = practice_length(item)
    except (OSError, zipfile.BadZipFile, ValueError, RuntimeError, KeyError) as exc:
        log.warning("cannot measure the practices in %s: %s", info.file, exc)
    return found


def pack_items(info: PackInfo) -> list[PackItem]:
    """The pack's practices with their lengths, in the pack's order."""
    lengths = practice_lengths(info)
    return [PackItem(pid, title, lengths.get(pid)) for pid, title in info.practices]


def audio_bytes(info: PackInfo) -> int:
    """Bytes of audio in the pack."""
    audio = set(info.audio_files)
    return sum(size for name, size in info.files if name in audio)


def size_text(size: int) -> str:
    """A plain size: "820 KB", "12.5 MB"."""
    if size < 1000 * 1000:
        return f"{max(1, round(size / 1000))} KB" if size else "0 KB"
    return f"{size / 1_000_000:.1f} MB"
