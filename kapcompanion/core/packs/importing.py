"""Inspect, import and check (for ``validate``) a .kappack pack.

A pack is a zip holding pack.yaml, practices, programs and their audio, plus a manifest of
every file's SHA-256 signed with the therapist's Ed25519 key (see
:mod:`kapcompanion.core.packs.format`). Importing never trusts the zip (see
:mod:`kapcompanion.core.packs.safety`): everything is unpacked into a hidden folder inside
the data dir's packs folder, checked, shown to the client, and only then renamed into
place, so an import either happens completely or leaves nothing behind.

The caller gives the data folders (:class:`~kapcompanion.core.folders.DataFolders`) and
the practice ids a pack's programs may name besides its own; nothing here looks up where
user data lives.
"""

from __future__ import annotations

import logging
import shutil
import struct
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from kapcompanion.core.errors import ERROR, WARNING, Diagnostic
from kapcompanion.core.folders import DataFolders
from kapcompanion.core.packs.format import (
    NEW_KEY,
    UNSIGNED,
    VERIFIED,
    Manifest,
    PackInfo,
    PackMeta,
    changed_file,
    listing,
    parse_meta,
    read_manifest,
    version_key,
)
from kapcompanion.core.packs.safety import (
    MANIFEST,
    MAX_TOTAL_BYTES,
    META_FILES,
    PACK_YAML,
    SIGNATURE,
    Budget,
    MiB,
    PackError,
    check_directory_size,
    check_entries,
    extract_file,
    read_small,
    refuse,
)
from kapcompanion.core.packs.signing import SigningStore, fingerprint
from kapcompanion.core.packs.store import (
    INSTALLED_MANIFEST,
    INSTALLED_SIGNATURE,
    cannot_write,
    drop_if_new_and_empty,
    install,
    installed_packs,
    sweep,
)
from kapcompanion.core.packs.trust import check_author, check_installed, check_takeover
from kapcompanion.core.yamlsafe import YamlError, decode

log = logging.getLogger(__name__)

MAX_TEXT_TOTAL = 32 * MiB  # all practice and program files together, read into memory


@dataclass(frozen=True)
class ImportResult:
    """What an import did: ``installed``, ``updated``, ``unchanged`` or ``declined``."""

    info: PackInfo
    status: str
    folder: Path | None = None
    warnings: tuple[Diagnostic, ...] = field(default_factory=tuple)

    @property
    def accepted(self) -> bool:
        """Whether the pack is in the library now."""
        return self.status != "declined"


def _open(file: Path) -> tuple[zipfile.ZipFile, BinaryIO, list[zipfile.ZipInfo]]:
    shown = file.name
    try:
        size = file.stat().st_size
        if size > MAX_TOTAL_BYTES + 16 * 1024 * 1024:
            raise refuse(shown, "the file is too big to be a pack")
        fh = open(file, "rb")  # noqa: SIM115 - closed by the caller via the ZipFile
    except PackError:
        raise
    except OSError as exc:
        raise PackError(f"{shown}: cannot be read ({exc.strerror or exc})") from None
    try:
        check_directory_size(fh, shown)
        zf = zipfile.ZipFile(fh)
        infos = check_entries(zf, shown)
    except PackError:
        fh.close()
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        ValueError,
        EOFError,
        OSError,
        NotImplementedError,
        RuntimeError,
        struct.error,
        KeyError,
        IndexError,
    ):  # every way zipfile can fail to read a damaged index
        fh.close()
        raise refuse(
            shown,
            "this is not a KAP Companion pack (not a readable zip file)",
            "packs end in .kappack and come from `kapcompanion pack build`",
        ) from None
    return zf, fh, infos


@dataclass
class _Read:
    meta: PackMeta
    manifest: Manifest
    texts: dict[str, str]
    infos: list[zipfile.ZipInfo]
    signature: bytes


def _read(fh: BinaryIO, infos: list[zipfile.ZipInfo], shown: str) -> _Read:
    """Read and check the pack's small parts: signature, pack.yaml, practice texts."""
    by_name = {i.filename: i for i in infos}
    if PACK_YAML not in by_name:
        raise refuse(
            shown,
            "this is not a KAP Companion pack: it has no pack.yaml",
            "packs are built with `kapcompanion pack build`",
        )
    budget = Budget()
    raw = {n: read_small(fh, by_name[n], budget, shown)[0] for n in META_FILES if n in by_name}
    names = set(by_name)
    if MANIFEST in raw:
        manifest = read_manifest(raw[MANIFEST], raw.get(SIGNATURE), shown, names)
    else:
        manifest = Manifest(b"", None, None, {})
    texts: dict[str, str] = {}
    for name, info in by_name.items():
        if not name.lower().endswith((".yaml", ".yml")):
            continue
        data, done = read_small(fh, info, budget, shown)
        if budget.total > MAX_TEXT_TOTAL:
            raise refuse(
                shown,
                f"its practice files add up to more than {MAX_TEXT_TOTAL // MiB} MiB",
                "practices are small text files; this pack is not usable",
            )
        if manifest.files and manifest.files.get(name) != (done.size, done.sha256):
            raise changed_file(shown, name, manifest.signer)
        try:
            texts[name] = decode(data, f"{shown}!{name}")
        except YamlError as exc:
            raise PackError(str(exc.diagnostic), exc.diagnostic.hint, (exc.diagnostic,)) from None
    meta = parse_meta(texts[PACK_YAML], f"{shown}!{PACK_YAML}")
    return _Read(meta, manifest, texts, infos, raw.get(SIGNATURE, b""))


def _assess(read: _Read, file: Path, folders: DataFolders, *, require_signature: bool) -> PackInfo:
    """Who the pack is from and whether it may replace what is installed; refuses clashes."""
    shown = file.name
    meta, man = read.meta, read.manifest
    trust, fp, signer = UNSIGNED, None, man.signer
    installed = None
    similar: tuple[tuple[str, str], ...] = ()
    packs = installed_packs(folders.packs)
    if man.public_raw is None:
        if require_signature:
            raise refuse(
                shown,
                "this pack is not signed, so there is no way to know who it is from",
                "ask your therapist for a signed pack (they create a key once with "
                "`kapcompanion pack keygen`)",
            )
    else:
        keys = SigningStore.of(folders)
        fp = fingerprint(man.public_raw)
        known = keys.trusted_name(man.public_raw)
        if known is not None:
            trust, signer = VERIFIED, known
        elif signer and keys.name_with_other_key(signer, man.public_raw):
            raise refuse(
                shown,
                f"this pack says it is from {signer}, but it is signed with a different key "
                f"from the one you already trust for {signer}",
                "nothing was imported; please check with your therapist before going on",
            )
        else:
            trust = NEW_KEY
        installed = check_installed(packs, meta, man, shown)
        if signer is not None:
            check_author(meta, signer, shown)
            similar = tuple(keys.look_alikes(signer, man.public_raw))
    practices, programs = listing(read.texts, shown)
    ids = [pid for pid, _ in practices] + [pid for pid, _ in programs]
    elsewhere = check_takeover(ids, meta, man, signer, packs, folders, shown)
    practice_ids = {pid for pid, _ in practices}
    files = tuple((i.filename, i.file_size) for i in read.infos if i.filename not in META_FILES)
    return PackInfo(
        file=file,
        meta=meta,
        files=files,
        practices=tuple(practices),
        programs=tuple(programs),
        signer=signer,
        fingerprint=fp,
        trust=trust,
        installed_version=installed.meta.version if installed else None,
        also_elsewhere=tuple(pid for pid in elsewhere if pid in practice_ids),
        similar_signers=similar,
    )


def inspect_pack(file: Path, folders: DataFolders) -> PackInfo:
    """What a pack holds and who signed it, without importing anything.

    The signature and every practice file are checked; audio is checked on import.
    ``folders`` gives the trusted keys, the installed packs and the library to compare with.

    Raises:
        PackError: the pack is unsafe, damaged, or clashes with a trusted signer.
    """
    zf, fh, infos = _open(file)
    with zf, fh:
        read = _read(fh, infos, file.name)
    return _assess(read, file, folders, require_signature=False)


def _show(diag: Diagnostic, root: Path, shown: str) -> Diagnostic:
    try:
        rel = Path(diag.path).relative_to(root).as_posix()
    except ValueError:
        return diag
    return replace(diag, path=f"{shown}!{rel}")


def _unpack(
    file: Path, fh: BinaryIO, read: _Read, incoming: Path, known_ids: Iterable[str]
) -> list[Diagnostic]:
    """Extract every file into ``incoming``, checking hashes; return practice problems."""
    # Imported here: validating pulls in the parser, which reading a pack does not need.
    from kapcompanion.core.validate import validate_paths

    shown = file.name
    budget = Budget()
    for info in read.infos:
        if info.filename in META_FILES:
            continue
        done = extract_file(fh, info, incoming, budget, shown)
        if read.manifest.files and read.manifest.files.get(info.filename) != (
            done.size,
            done.sha256,
        ):
            raise changed_file(shown, info.filename, read.manifest.signer)
    found = validate_paths([incoming], known_practices=known_ids)
    return [_show(d, incoming, shown) for d in found]


def _practice_errors(shown: str, diagnostics: list[Diagnostic]) -> PackError:
    errors = [d for d in diagnostics if d.is_error]
    lines = "\n".join(str(d) for d in errors)
    return PackError(
        f"{shown}: {len(errors)} problem(s) in its practices; nothing was imported\n{lines}",
        "the pack's author can fix them and check with `kapcompanion validate`",
        tuple(errors),
    )


def import_pack(
    file: Path,
    folders: DataFolders,
    *,
    known_ids: Iterable[str],
    confirm: Callable[[PackInfo], bool],
) -> ImportResult:
    """Import a pack after ``confirm`` accepts what it holds.

    Everything is unpacked and checked first; ``confirm`` sees the result and may decline.
    A newer version of an installed pack (same id, same signer) replaces it in place, so
    practice ids, and the journal entries that point at them, stay the same.

    Args:
        file: the .kappack file.
        folders: the data dir: packs, trusted keys and the library live there.
        known_ids: practice ids the pack's programs may name besides its own (the
            built-in library's).
        confirm: shown the pack's details; returns True to import.

    Returns:
        What happened.

    Raises:
        PackError: unsafe, damaged, unsigned, changed after signing, invalid practices,
            a signer or name clash, or not newer than the installed version.
    """
    shown = file.name
    zf, fh, infos = _open(file)
    with zf, fh:
        read = _read(fh, infos, shown)
        info = _assess(read, file, folders, require_signature=True)
        root = folders.packs
        dest = root / read.meta.pack_id
        if info.installed_version is not None:
            old, new = version_key(info.installed_version), version_key(read.meta.version)
            same = (dest / INSTALLED_MANIFEST).is_file() and (
                (dest / INSTALLED_MANIFEST).read_bytes() == read.manifest.raw
            )
            if same:
                return ImportResult(info, "unchanged", dest)
            if new <= old:
                raise refuse(
                    shown,
                    f"you already have version {info.installed_version} of “{info.name}”; "
                    f"this is version {read.meta.version}",
                    "nothing was changed; an update needs a higher version number",
                )
        created = not root.exists()
        try:
            root.mkdir(parents=True, exist_ok=True)
            sweep(root)
            incoming = Path(tempfile.mkdtemp(prefix=".incoming-", dir=root))
        except OSError as exc:
            raise cannot_write(root, exc) from None
        try:
            found = _unpack(file, fh, read, incoming, known_ids)
            if any(d.is_error for d in found):
                raise _practice_errors(shown, found)
            (incoming / INSTALLED_MANIFEST).write_bytes(read.manifest.raw)
            (incoming / INSTALLED_SIGNATURE).write_bytes(read.signature)
            if not confirm(info):
                return ImportResult(info, "declined")
            install(incoming, dest)
            if info.trust == NEW_KEY and read.manifest.public_raw and read.manifest.signer:
                SigningStore.of(folders).trust(read.manifest.public_raw, read.manifest.signer)
        except OSError as exc:
            raise cannot_write(root, exc) from None
        finally:
            if incoming.exists():
                shutil.rmtree(incoming, ignore_errors=True)
            drop_if_new_and_empty(root, created)
    status = "updated" if info.installed_version else "installed"
    log.info("%s pack %s (version %s) from %s", status, dest.name, read.meta.version, shown)
    return ImportResult(info, status, dest, tuple(d for d in found if d.severity == WARNING))


def validate_pack(
    file: Path, folders: DataFolders, *, known_ids: Iterable[str]
) -> list[Diagnostic]:
    """Every problem in a pack, for ``kapcompanion validate`` (nothing is imported).

    Args:
        file: the .kappack file.
        folders: the data dir (the pack is unpacked into a hidden folder of its packs).
        known_ids: practice ids the pack's programs may name besides its own.
    """
    shown = str(file)
    try:
        zf, fh, infos = _open(file)
        with zf, fh:
            read = _read(fh, infos, file.name)
            info = _assess(read, file, folders, require_signature=False)
            root = folders.packs
            created = not root.exists()
            root.mkdir(parents=True, exist_ok=True)
            incoming = Path(tempfile.mkdtemp(prefix=".incoming-", dir=root))
            try:
                found = _unpack(file, fh, read, incoming, known_ids)
            finally:
                shutil.rmtree(incoming, ignore_errors=True)
                drop_if_new_and_empty(root, created)
    except OSError as exc:
        return [Diagnostic(shown, 0, 0, ERROR, f"cannot be checked ({exc.strerror or exc})")]
    except PackError as exc:
        if exc.diagnostics:
            return [d for d in exc.diagnostics if isinstance(d, Diagnostic)]
        return [Diagnostic(shown, 0, 0, ERROR, exc.message, exc.hint)]
    if info.trust == UNSIGNED:
        found.insert(0, Diagnostic(shown, 0, 0, WARNING, "this pack is not signed", ""))
    return found
