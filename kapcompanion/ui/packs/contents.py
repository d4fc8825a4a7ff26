"""What a pack holds, in words a client reads: practices with their lengths, audio size.

Qt-free. Lengths are read from the practice texts in the pack (already checked by
:func:`kapcompanion.core.packs.inspect_pack`) and the voice clips' headers, without
unpacking anything.
"""

from __future__ import annotations

import dataclasses
import logging
import posixpath
import zipfile
from dataclasses import dataclass

from kapcompanion.core.loader import check_text
from kapcompanion.core.model import Practice, SayStep
from kapcompanion.core.pack_format import PackInfo
from kapcompanion.core.parse import reading_seconds
from kapcompanion.ui.catalogue import practice_length

log = logging.getLogger(__name__)

MAX_TEXT_BYTES = 1024 * 1024  # a practice file larger than this is not measured


@dataclass(frozen=True)
class PackItem:
    """One practice in a pack: id, title and length in seconds (None when unknown)."""

    id: str
    title: str
    seconds: float | None


def _clip_seconds(zf: zipfile.ZipFile, name: str) -> float | None:
    """Length of an audio entry from its header (read from the zip, nothing unpacked)."""
    import soundfile

    try:
        with zf.open(name) as fh:
            info = soundfile.info(fh)
    except Exception as exc:  # any unreadable clip just leaves the estimate
        log.info("cannot read the length of %s: %s", name, exc)
        return None
    return float(info.frames) / float(info.samplerate) if info.samplerate else None


def _with_clips(practice: Practice, folder: str, zf: zipfile.ZipFile, names: set[str]) -> Practice:
    """``practice`` with voiced steps timed by their clips (the text alone gives reading time).

    A step whose length differs from its reading time was given a ``duration:`` and keeps it.
    """
    steps = []
    for step in practice.steps:
        if (
            isinstance(step, SayStep)
            and step.voice is not None
            and step.duration == reading_seconds(step.text)
        ):
            name = posixpath.normpath(posixpath.join(folder, step.voice.as_posix()))
            seconds = _clip_seconds(zf, name) if name in names else None
            if seconds:
                step = dataclasses.replace(step, duration=seconds)
        steps.append(step)
    return dataclasses.replace(practice, steps=tuple(steps))


def practice_lengths(info: PackInfo) -> dict[str, float]:
    """Seconds of each practice in the pack, by id (those that cannot be measured are left out)."""
    sizes = dict(info.files)
    wanted = {pid for pid, _ in info.practices}
    found: dict[str, float] = {}
    try:
        with zipfile.ZipFile(info.file) as zf:
            for name, size in sizes.items():
                if not name.lower().endswith((".yaml", ".yml")) or size > MAX_TEXT_BYTES:
                    continue
                text = zf.read(name).decode("utf-8", errors="replace")
                item, _ = check_text(text, f"{info.file.name}!{name}", None)
                if isinstance(item, Practice) and item.id in wanted:
                    item = _with_clips(item, posixpath.dirname(name), zf, set(sizes))
                    found[item.id] = practice_length(item)
    except (OSError, zipfile.BadZipFile, ValueError, RuntimeError) as exc:
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
