"""Imported packs on disk: what is installed, and swapping a new version in safely.

Each pack lives in ``<packs folder>/<pack-id>/`` (the caller gives the packs folder) with
its pack.yaml, its files, and the signed ``.manifest.json`` and ``.signature.json`` it came
with (hidden from the library).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from kapcompanion.core.packs.format import Manifest, PackMeta, parse_meta, read_manifest
from kapcompanion.core.packs.safety import META_FILES, PACK_YAML, PackError
from kapcompanion.core.packs.signing import SigningStore

log = logging.getLogger(__name__)

INSTALLED_MANIFEST = ".manifest.json"
INSTALLED_SIGNATURE = ".signature.json"
STALE_SECONDS = 3600


@dataclass(frozen=True)
class InstalledPack:
    """A pack already imported: its folder, details and signer."""

    folder: Path
    meta: PackMeta
    manifest: Manifest | None


def installed_packs(root: Path) -> list[InstalledPack]:
    """Packs in the packs folder ``root``, by folder name (unreadable ones are skipped)."""
    found: list[InstalledPack] = []
    if not root.is_dir():
        return found
    for folder in sorted(root.iterdir()):
        if folder.name.startswith(".") or not folder.is_dir():
            continue
        try:
            meta = parse_meta((folder / PACK_YAML).read_text("utf-8"), str(folder / PACK_YAML))
            raw = (folder / INSTALLED_MANIFEST).read_bytes()
            sig = (folder / INSTALLED_SIGNATURE).read_bytes()
            names = {str(n) for n in json.loads(raw.decode("utf-8"))["files"]} | set(META_FILES)
            manifest: Manifest | None = read_manifest(raw, sig, folder.name, names)
        except (OSError, PackError, ValueError, KeyError, TypeError, RecursionError) as exc:
            log.warning("installed pack %s has no readable signature: %s", folder.name, exc)
            try:
                meta = parse_meta((folder / PACK_YAML).read_text("utf-8"), folder.name)
            except (OSError, PackError, UnicodeDecodeError):
                continue
            manifest = None
        found.append(InstalledPack(folder, meta, manifest))
    return found


def pack_for(path: Path, root: Path) -> InstalledPack | None:
    """The pack installed in ``root`` a practice file belongs to (for its author), or None."""
    try:
        rel = path.resolve().relative_to(root.resolve())
    except (ValueError, OSError):
        return None
    return next((p for p in installed_packs(root) if p.folder.name == rel.parts[0]), None)


def pack_authors(root: Path) -> dict[str, str]:
    """Author each pack installed in ``root`` names, by library origin (``"pack:<folder>"``).

    What pack.yaml says, unchecked: to show who a pack is from, use :func:`pack_signers`.
    """
    authors: dict[str, str] = {}
    if not root.is_dir():
        return authors
    for folder in sorted(root.iterdir()):
        if folder.name.startswith(".") or not folder.is_dir():
            continue
        try:
            meta = parse_meta((folder / PACK_YAML).read_text("utf-8"), folder.name)
        except (OSError, PackError, UnicodeDecodeError):
            continue
        authors[f"pack:{folder.name}"] = meta.author + (f", {meta.clinic}" if meta.clinic else "")
    return authors


def pack_signers(root: Path, keys: SigningStore) -> dict[str, tuple[str, bool]]:
    """Who each pack installed in ``root`` is from, by library origin (``"pack:<folder>"``).

    The name is the signing key's confirmed name, never what pack.yaml says: a trusted key's
    name as first confirmed (with its fingerprint when another trusted key's name looks the
    same), else the name it was signed with, unverified. The clinic follows it.

    Returns:
        origin -> ("name, clinic", verified).
    """
    found: dict[str, tuple[str, bool]] = {}
    for pack in installed_packs(root):
        public = pack.manifest.public_raw if pack.manifest else None
        confirmed = keys.shown_name(public) if public is not None else None
        name = confirmed or (pack.manifest.signer if pack.manifest else None) or ""
        if not name:
            continue  # unsigned: nobody to name
        clinic = f", {pack.meta.clinic}" if pack.meta.clinic else ""
        found[f"pack:{pack.folder.name}"] = (name + clinic, confirmed is not None)
    return found


def cannot_write(root: Path, exc: OSError) -> PackError:
    """The refusal when the pack cannot be written (disk full, no permission)."""
    log.error("import failed while writing under %s: %s", root, exc)
    return PackError(
        f"{root}: the pack could not be saved ({exc.strerror or exc}); nothing was imported",
        "check that there is free disk space and that the data folder can be written",
    )


def sweep(root: Path) -> None:
    """Finish or clean up an import that was interrupted (a crash, power loss)."""
    now = time.time()
    for entry in root.iterdir():
        if entry.name.startswith(".old-"):
            pack_id = entry.name[len(".old-") :].rsplit("-", 1)[0]
            if not (root / pack_id).exists():
                os.rename(entry, root / pack_id)
            else:
                shutil.rmtree(entry, ignore_errors=True)
        elif entry.name.startswith(".incoming-") and now - entry.stat().st_mtime > STALE_SECONDS:
            shutil.rmtree(entry, ignore_errors=True)


def drop_if_new_and_empty(root: Path, created: bool) -> None:
    """Remove the packs folder ``root`` again when this import made it and left nothing in it."""
    if created:
        with contextlib.suppress(OSError):
            root.rmdir()


def install(incoming: Path, dest: Path) -> None:
    """Rename ``incoming`` to ``dest``, replacing an older version atomically enough."""
    if not dest.exists():
        os.rename(incoming, dest)
        return
    old = dest.with_name(f".old-{dest.name}-{uuid.uuid4().hex[:8]}")
    os.rename(dest, old)
    try:
        os.rename(incoming, dest)
    except OSError:
        os.rename(old, dest)
        raise
    shutil.rmtree(old, ignore_errors=True)
