"""Reading a .kappack zip without trusting it.

Every entry name is checked before anything is written (no ``..``, absolute paths, drive
letters, backslashes, hidden or reserved names, duplicates that differ only in case),
symlinks and special files are refused, and only YAML and supported audio are allowed.
Data is decompressed here, not by :mod:`zipfile`, so sizes are counted as the bytes come
out: a file that unpacks to more than its header says, more than 50 MiB, more than
300 MiB in all, or more than 100 times its compressed size is stopped at that moment.
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from kapcompanion.core.checker import AUDIO_SUFFIXES
from kapcompanion.core.errors import KapError
from kapcompanion.core.loader import YAML_SUFFIXES
from kapcompanion.core.visible import hidden_chars as hidden_chars  # re-exported
from kapcompanion.core.visible import printable as printable  # re-exported

log = logging.getLogger(__name__)

MiB = 1024 * 1024
MAX_FILES = 500
MAX_FILE_BYTES = 50 * MiB
MAX_TOTAL_BYTES = 300 * MiB
MAX_RATIO = 100
RATIO_FLOOR = 64 * 1024  # tiny files may compress well; the ratio counts past this size
MAX_META_BYTES = 1 * MiB
MAX_NAME = 240
CHUNK = 1 * MiB
MANIFEST = "manifest.json"
SIGNATURE = "signature.json"
PACK_YAML = "pack.yaml"
META_FILES = (MANIFEST, SIGNATURE)
ALLOWED_SUFFIXES = (*YAML_SUFFIXES, *AUDIO_SUFFIXES)
_RESERVED = {"con", "prn", "aux", "nul"} | {f"{d}{n}" for d in ("com", "lpt") for n in range(10)}
_LOCAL = struct.Struct("<4s5H3L2H")
_EOCD = struct.Struct("<4s4H2LH")


class PackError(KapError):
    """A pack that cannot be built, inspected or imported; ``hint`` says what to do."""

    def __init__(self, message: str, hint: str = "", diagnostics: tuple[object, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.diagnostics = diagnostics


def refuse(shown: str, message: str, hint: str = "") -> PackError:
    """A :class:`PackError` that names the pack file first."""
    return PackError(f"{shown}: {message}", hint)


def name_problem(name: str) -> str | None:
    """What is wrong with an entry name as a path inside a pack, or None when it is fine."""
    if not name or name in ("/", "."):
        return "has an empty name"
    if "\\" in name:
        return "uses a backslash in its path"
    if name.startswith("/") or (len(name) > 1 and name[1] == ":") or name.startswith("//"):
        return "has an absolute path"
    if hidden_chars(name):
        return "has control characters in its name"
    if len(name) > MAX_NAME:
        return "has a very long name"
    parts = name.rstrip("/").split("/")
    for part in parts:
        if part in ("", ".", ".."):
            return "points outside the pack's folder" if part == ".." else "has an odd path"
        if part.startswith("."):
            return "is a hidden file"
        if any(c in part for c in ':*?"<>|'):
            return "has characters in its name that some computers cannot store"
        if part.rstrip(" .") != part:
            return "ends in a space or dot, which some computers cannot store"
        if part.split(".")[0].lower() in _RESERVED:
            return "has a name Windows reserves"
    return None


def _kind_problem(info: zipfile.ZipInfo) -> str | None:
    mode = info.external_attr >> 16
    kind = stat.S_IFMT(mode)
    if kind == stat.S_IFLNK:
        return "is a symbolic link"
    if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
        return "is a special file (a device, pipe or socket)"
    if info.flag_bits & 0x1:
        return "is encrypted"
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return "uses a kind of compression this app does not read"
    return None


def check_directory_size(fh: BinaryIO, shown: str) -> None:
    """Refuse a zip whose index claims too many entries, before :mod:`zipfile` reads it.

    A pack never needs the zip64 format (it is for archives over 4 GiB or 65,535 files),
    so an index that asks for it is refused too. Anything else odd is left to zipfile.
    """
    size = fh.seek(0, os.SEEK_END)
    fh.seek(max(0, size - (_EOCD.size + 65535)))
    tail = fh.read()
    pos = len(tail) - _EOCD.size
    if tail[pos : pos + 4] != b"PK\x05\x06":
        pos = tail.rfind(b"PK\x05\x06")
    if pos < 0 or pos + _EOCD.size > len(tail):
        return
    _sig, _disk, _cd_disk, _here, entries, cd_size, cd_offset, _clen = _EOCD.unpack_from(tail, pos)
    if entries == 0xFFFF or cd_size == 0xFFFFFFFF or cd_offset == 0xFFFFFFFF:
        raise refuse(shown, "it uses a zip format for huge archives", "this pack is not safe")
    if entries > 2 * MAX_FILES:
        raise refuse(
            shown,
            f"it holds {entries} files; a pack may hold at most {MAX_FILES}",
            "split the practices over more than one pack",
        )


def check_entries(zf: zipfile.ZipFile, shown: str) -> list[zipfile.ZipInfo]:
    """Check every entry's name, kind and declared size; return the file entries.

    Raises:
        PackError: the first problem found, naming the entry.
    """
    infos = zf.infolist()
    files = [i for i in infos if not i.filename.endswith("/")]
    if len(files) > MAX_FILES or len(infos) > 2 * MAX_FILES:
        raise refuse(
            shown,
            f"it holds {len(files)} files; a pack may hold at most {MAX_FILES}",
            "split the practices over more than one pack",
        )
    seen: dict[str, str] = {}
    file_keys: set[str] = set()
    declared_total = 0
    for info in infos:
        name = info.filename
        problem = name_problem(name) or _kind_problem(info)
        if problem:
            raise refuse(
                shown, f"“{printable(name[:80])}” {problem}", "this pack is not safe to import"
            )
        key = unicodedata.normalize("NFC", name.rstrip("/")).casefold()
        if key in seen:
            raise refuse(
                shown,
                f"“{name}” appears twice (also as “{seen[key]}”)",
                "every file in a pack needs its own name",
            )
        seen[key] = name
        if name.endswith("/"):
            continue
        file_keys.add(key)
        suffix = PurePosixPath(name).suffix.lower()
        if "/" not in name and name in META_FILES:
            pass
        elif suffix not in ALLOWED_SUFFIXES:
            raise refuse(
                shown,
                f"“{name}” is not a practice or an audio file",
                f"packs hold only {', '.join(ALLOWED_SUFFIXES)} files",
            )
        if info.file_size > MAX_FILE_BYTES:
            raise refuse(shown, f"“{name}” is over {MAX_FILE_BYTES // MiB} MiB")
        declared_total += info.file_size
    if declared_total > MAX_TOTAL_BYTES:
        raise refuse(shown, f"it unpacks to more than {MAX_TOTAL_BYTES // MiB} MiB")
    for key in file_keys:
        parts = key.split("/")
        for n in range(1, len(parts)):
            if "/".join(parts[:n]) in file_keys:
                raise refuse(shown, f"“{seen[key]}” sits inside a file", "this pack is damaged")
    _check_layout(zf, files, shown)
    return files


def _check_layout(zf: zipfile.ZipFile, files: list[zipfile.ZipInfo], shown: str) -> None:
    """Refuse entries whose data overlaps (a zip-bomb trick) or runs past the file."""
    fp = zf.fp
    assert fp is not None
    end = fp.seek(0, os.SEEK_END)
    ordered = sorted(files, key=lambda i: i.header_offset)
    for info, nxt in zip(ordered, [*ordered[1:], None], strict=True):
        if info.header_offset < 0:
            raise refuse(shown, f"“{info.filename}” is not where the index says", "it is damaged")
        limit = nxt.header_offset if nxt is not None else end
        if info.header_offset + _LOCAL.size + info.compress_size > limit:
            raise refuse(shown, f"“{info.filename}” overlaps other data", "this pack is damaged")


@dataclass
class Budget:
    """Bytes unpacked so far across the whole pack."""

    total: int = 0


@dataclass(frozen=True)
class Unpacked:
    """What came out of one entry."""

    size: int
    sha256: str


def _data_start(fh: BinaryIO, info: zipfile.ZipInfo, shown: str) -> int:
    try:
        fh.seek(info.header_offset)
        head = fh.read(_LOCAL.size)
    except (OSError, ValueError):
        raise refuse(shown, f"“{info.filename}” cannot be read", "this pack is damaged") from None
    if len(head) != _LOCAL.size:
        raise refuse(shown, f"“{info.filename}” is cut short", "this pack is damaged")
    sig, _v, flags, _m, _t, _d, _crc, _cs, _us, nlen, elen = _LOCAL.unpack(head)
    raw_name = fh.read(nlen)
    encoding = "utf-8" if flags & 0x800 else "cp437"
    if sig != b"PK\x03\x04" or raw_name.decode(encoding, "replace") != info.orig_filename:
        raise refuse(
            shown,
            f"the index and the contents disagree about “{info.filename}”",
            "this pack is damaged or was altered",
        )
    return info.header_offset + _LOCAL.size + nlen + elen


def stream_entry(
    fh: BinaryIO,
    info: zipfile.ZipInfo,
    sink: Callable[[bytes], object],
    budget: Budget,
    shown: str,
    *,
    limit: int = MAX_FILE_BYTES,
) -> Unpacked:
    """Decompress one entry into ``sink``, counting every byte against the limits.

    Args:
        fh: the pack file, opened for reading.
        info: the (already checked) entry.
        sink: called with each piece of data, in order.
        budget: running total for the whole pack.
        shown: how to name the pack in messages.
        limit: the most this entry may unpack to.

    Returns:
        The real size and SHA-256 of the data.

    Raises:
        PackError: a limit was passed, or the data is damaged.
    """
    name = info.filename
    fh.seek(_data_start(fh, info, shown))
    remaining = info.compress_size
    inflater = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
    digest = hashlib.sha256()
    crc = 0
    written = 0
    consumed = 0

    def emit(piece: bytes) -> None:
        nonlocal written, crc
        if not piece:
            return
        written += len(piece)
        if written > info.file_size:
            raise refuse(
                shown,
                f"“{name}” unpacks to more than its header says",
                "this pack is damaged or built to fill your disk; it is not safe to import",
            )
        if written > limit:
            raise refuse(shown, f"“{name}” is over {limit // MiB or 1} MiB once unpacked")
        if budget.total + written > MAX_TOTAL_BYTES:
            raise refuse(shown, f"it unpacks to more than {MAX_TOTAL_BYTES // MiB} MiB")
        if written > RATIO_FLOOR and written > MAX_RATIO * max(consumed, 1):
            raise refuse(
                shown,
                f"“{name}” is compressed more than {MAX_RATIO}:1",
                "real audio and practices never shrink that much; this looks like a zip bomb",
            )
        digest.update(piece)
        crc = zlib.crc32(piece, crc)
        sink(piece)

    while remaining > 0:
        chunk = fh.read(min(CHUNK, remaining))
        if not chunk:
            raise refuse(shown, f"“{name}” is cut short", "this pack is damaged")
        remaining -= len(chunk)
        consumed += len(chunk)
        if inflater is None:
            emit(chunk)
            continue
        try:
            emit(inflater.decompress(chunk, CHUNK))
            while inflater.unconsumed_tail:
                emit(inflater.decompress(inflater.unconsumed_tail, CHUNK))
        except zlib.error:
            raise refuse(shown, f"“{name}” is damaged", "ask for a fresh copy") from None
    if inflater is not None:
        emit(inflater.flush())
        if not inflater.eof or inflater.unused_data:
            raise refuse(shown, f"“{name}” is damaged", "ask for a fresh copy")
    if written != info.file_size or crc != info.CRC:
        raise refuse(shown, f"“{name}” is damaged (its size or checksum is wrong)")
    budget.total += written
    return Unpacked(written, digest.hexdigest())


def read_small(
    fh: BinaryIO, info: zipfile.ZipInfo, budget: Budget, shown: str
) -> tuple[bytes, Unpacked]:
    """Read a small entry (pack.yaml, a practice, the manifest) fully into memory."""
    parts: list[bytes] = []
    done = stream_entry(fh, info, parts.append, budget, shown, limit=MAX_META_BYTES)
    return b"".join(parts), done


_MAGIC: dict[str, Callable[[bytes], bool]] = {
    ".wav": lambda b: b[:4] in (b"RIFF", b"RF64") and b[8:12] == b"WAVE",
    ".ogg": lambda b: b[:4] == b"OggS",
    ".oga": lambda b: b[:4] == b"OggS",
    ".flac": lambda b: b[:4] == b"fLaC" or b[:3] == b"ID3",
    ".mp3": lambda b: b[:3] == b"ID3" or (len(b) > 1 and b[0] == 0xFF and b[1] & 0xE0 == 0xE0),
}


def looks_like(suffix: str, head: bytes) -> bool:
    """Whether the first bytes of a file match what its audio suffix promises."""
    check = _MAGIC.get(suffix.lower())
    return True if check is None else check(head)


def extract_file(
    fh: BinaryIO, info: zipfile.ZipInfo, root: Path, budget: Budget, shown: str
) -> Unpacked:
    """Write one checked entry below ``root`` (never following links); return its size and hash."""
    rel = PurePosixPath(info.filename)
    dest = root.joinpath(*rel.parts)
    dest.parent.mkdir(parents=True, exist_ok=True)
    if not dest.parent.resolve().is_relative_to(root.resolve()):
        raise refuse(shown, f"“{info.filename}” points outside the pack's folder")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_BINARY", 0)
    fd = os.open(dest, flags, 0o644)
    head = bytearray()
    with os.fdopen(fd, "wb") as out:

        def sink(piece: bytes) -> None:
            if len(head) < 16:
                head.extend(piece[: 16 - len(head)])
            out.write(piece)

        done = stream_entry(fh, info, sink, budget, shown)
    if not looks_like(rel.suffix, bytes(head)):
        raise refuse(
            shown,
            f"“{info.filename}” is named like a {rel.suffix} file but is not one",
            "only real audio files can be imported",
        )
    return done
