"""Builders for pack tests: a therapist's folder, signed zips with any content, snapshots."""

from __future__ import annotations

import hashlib
import io
import struct
import zipfile
from pathlib import Path

import numpy as np
import soundfile as sf

from kapcompanion.core.errors import Diagnostic
from kapcompanion.core.library import builtin_ids
from kapcompanion.core.packs import validate_pack
from kapcompanion.core.packs.format import make_manifest
from kapcompanion.core.packs.signing import SigningKey, SigningStore
from kapcompanion.paths import data_dir, data_folders, packs_dir

#: Ids a pack's programs may name besides its own: the built-in library's.
BUILTIN = builtin_ids()

PACK_YAML = """\
kappack: 1
id: {id}
name: {name}
author: Sam Rivera
clinic: Riverside KAP
message: |
  Here are the practices we tried together.
  Use them whenever it feels right.
version: {version}
"""

PRACTICE = """\
kapcompanion: 1
id: {id}
title: {title}
category: prepare
summary: A short hello and a few easy breaths.
author: Sam Rivera
steps:
  - say: Welcome. Settle in however feels right.
    voice: audio/{audio}
  - breathe:
      inhale: 4
      exhale: 6
      cycles: 2
"""

PROGRAM = """\
kapcompanion: 1
kind: program
id: sam-week
title: Sam's week before
days:
  - day: -2
    practices: [sam-welcome]
  - day: -1
    practices: [sam-evening, box-breathing]
"""


def check_pack(path: Path) -> list[Diagnostic]:
    """``validate`` of one pack, as the command line does it in this test's data dir."""
    return validate_pack(path, data_folders(), known_ids=BUILTIN)


def keys() -> SigningStore:
    """The signing key and trusted keys of this test's data dir."""
    return SigningStore.of(data_folders())


def tone(seconds: float = 1.0, rate: int = 22050) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (0.2 * np.sin(2 * np.pi * 220 * t)).astype("float32")


def audio_bytes(fmt: str = "OGG", seconds: float = 1.0) -> bytes:
    buf = io.BytesIO()
    sf.write(buf, tone(seconds), 22050, format=fmt)
    return buf.getvalue()


def make_source(
    root: Path,
    *,
    pack_id: str = "calm-start",
    name: str = "A calm start",
    version: str = "1",
    titles: dict[str, str] | None = None,
    program: bool = True,
) -> Path:
    """A therapist's pack folder with real audio; returns it."""
    titles = titles or {"sam-welcome": "Welcome from Sam", "sam-evening": "Evening settle"}
    src = root
    (src / "practices" / "audio").mkdir(parents=True, exist_ok=True)
    (src / "pack.yaml").write_text(
        PACK_YAML.format(id=pack_id, name=name, version=version), encoding="utf-8"
    )
    for n, (pid, title) in enumerate(sorted(titles.items())):
        ext = "ogg" if n % 2 == 0 else "wav"
        (src / "practices" / "audio" / f"{pid}.{ext}").write_bytes(
            audio_bytes("OGG" if ext == "ogg" else "WAV")
        )
        (src / "practices" / f"{pid}.yaml").write_text(
            PRACTICE.format(id=pid, title=title, audio=f"{pid}.{ext}"), encoding="utf-8"
        )
    if program and {"sam-welcome", "sam-evening"} <= titles.keys():
        (src / "programs").mkdir(exist_ok=True)
        (src / "programs" / "week.yaml").write_text(PROGRAM, encoding="utf-8")
    return src


def signed_zip(
    out: Path,
    files: dict[str, bytes],
    key: SigningKey | None,
    *,
    extra: dict[str, bytes] | None = None,
) -> Path:
    """A pack with exactly ``files`` (signed over them) plus unsigned ``extra`` entries."""
    hashes = {n: (len(b), hashlib.sha256(b).hexdigest()) for n, b in files.items()}
    manifest, signature = make_manifest(hashes, key)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
        zf.writestr("manifest.json", manifest)
        if signature is not None:
            zf.writestr("signature.json", signature)
    return out


def pack_files(pack_id: str = "calm-start", version: str = "1") -> dict[str, bytes]:
    """A minimal valid pack's files in memory."""
    return {
        "pack.yaml": PACK_YAML.format(id=pack_id, name="A calm start", version=version).encode(),
        "practices/welcome.yaml": PRACTICE.format(
            id="sam-welcome", title="Welcome", audio="hello.ogg"
        ).encode(),
        "practices/audio/hello.ogg": audio_bytes(),
    }


def read_zip(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def rewrite_zip(src: Path, out: Path, changes: dict[str, bytes]) -> Path:
    """Copy a pack, replacing (or adding) some entries' bytes, keeping the rest as is."""
    entries = read_zip(src)
    entries.update(changes)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return out


def patch_declared_size(path: Path, name: str, size: int) -> None:
    """Make the zip's headers (local and central) claim ``size`` bytes for ``name``."""
    raw = bytearray(path.read_bytes())
    encoded = name.encode()
    pos = 0
    patched = 0
    while (pos := raw.find(b"PK\x01\x02", pos)) != -1:
        nlen = struct.unpack_from("<H", raw, pos + 28)[0]
        if bytes(raw[pos + 46 : pos + 46 + nlen]) == encoded:
            struct.pack_into("<L", raw, pos + 24, size)
            local = struct.unpack_from("<L", raw, pos + 42)[0]
            struct.pack_into("<L", raw, local + 22, size)
            patched += 1
        pos += 4
    assert patched == 1
    path.write_bytes(bytes(raw))


def snapshot() -> dict[str, bytes | None]:
    """Every file and folder in the data dir (except logs and caches), with file bytes."""
    root = data_dir()
    found: dict[str, bytes | None] = {}
    if not root.exists():
        return found
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if rel.split("/")[0] in ("logs", "cache"):
            continue
        found[rel] = path.read_bytes() if path.is_file() else None
    return found


def packs_listing() -> list[str]:
    root = packs_dir()
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*")) if root.exists() else []
