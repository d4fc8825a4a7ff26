"""Build a signed .kappack from a therapist's folder.

The folder must hold pack.yaml; every other file must be a practice or program (.yaml,
.yml) or audio (.wav .ogg .oga .flac .mp3). Hidden files (``.DS_Store``, ``.git``) are
left out. The folder is checked the same way an import checks it, so a pack that builds
is a pack that imports.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path

from kapcompanion.core.errors import ERROR, Diagnostic
from kapcompanion.core.packs.format import PackMeta, listing, make_manifest, parse_meta
from kapcompanion.core.packs.names import PACK_SUFFIX
from kapcompanion.core.packs.safety import (
    ALLOWED_SUFFIXES,
    MANIFEST,
    MAX_FILE_BYTES,
    MAX_FILES,
    MAX_TOTAL_BYTES,
    PACK_YAML,
    SIGNATURE,
    MiB,
    PackError,
    looks_like,
    name_problem,
    printable,
)
from kapcompanion.core.packs.signing import SigningKey, same_name
from kapcompanion.core.yamlsafe import YamlError, read_text

log = logging.getLogger(__name__)

_YAML = (".yaml", ".yml")


def _files(src: Path, out: Path) -> tuple[list[tuple[str, Path]], list[Diagnostic]]:
    """The folder's files as (in-pack path, file), and every file a pack cannot hold."""
    found: list[tuple[str, Path]] = []
    problems: list[Diagnostic] = []
    total = 0
    skip = out.resolve()

    def refuse(where: Path, message: str, hint: str) -> None:
        problems.append(Diagnostic(str(where), 0, 0, ERROR, message, hint))

    for path in sorted(src.rglob("*")):
        rel = path.relative_to(src)
        if any(part.startswith(".") for part in rel.parts):
            continue
        name = rel.as_posix()
        if path.is_symlink():
            refuse(
                path,
                "is a link; a pack holds real files only",
                "copy the file into the folder instead of linking to it",
            )
            continue
        if path.is_dir():
            continue
        if not path.is_file():
            refuse(path, "is not a regular file", "move it out of the folder")
            continue
        if path.resolve() == skip or path.suffix.lower() == PACK_SUFFIX:
            continue
        problem = name_problem(name)
        if problem:
            refuse(path, problem, "rename it with letters, digits, - and _")
            continue
        if path.suffix.lower() not in ALLOWED_SUFFIXES:
            refuse(
                path,
                "is not a practice or an audio file",
                f"a pack holds only {', '.join(ALLOWED_SUFFIXES)} files; move it out of the folder",
            )
            continue
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            refuse(
                path,
                f"is {size / MiB:.0f} MiB; a file in a pack may be at most "
                f"{MAX_FILE_BYTES // MiB} MiB",
                "shorten the recording or save it as .ogg or .mp3",
            )
            continue
        total += size
        if path.suffix.lower() not in _YAML:
            with open(path, "rb") as fh:
                if not looks_like(path.suffix, fh.read(16)):
                    refuse(
                        path,
                        f"is named {path.suffix} but is not that kind of audio",
                        "export it again from your audio editor",
                    )
                    continue
        found.append((name, path))
    if len(found) > MAX_FILES:
        refuse(
            src,
            f"holds {len(found)} files; a pack may hold at most {MAX_FILES}",
            "split the practices over more than one pack",
        )
    if total > MAX_TOTAL_BYTES:
        refuse(
            src,
            f"holds {total / MiB:.0f} MiB; a pack may hold at most {MAX_TOTAL_BYTES // MiB} MiB",
            "save long recordings as .ogg or .mp3, or split the pack",
        )
    return found, problems


def _check_practices(src: Path, known_ids: Iterable[str]) -> list[Diagnostic]:
    # Imported here: validating pulls in the parser, which reading a pack does not need.
    from kapcompanion.core.validate import validate_paths

    return [d for d in validate_paths([src], known_practices=known_ids) if d.is_error]


def _as_problems(exc: PackError, where: Path) -> list[Diagnostic]:
    """A refusal as diagnostics, so ``pack build`` can list every problem at once."""
    found = [d for d in exc.diagnostics if isinstance(d, Diagnostic)]
    return found or [Diagnostic(str(where), 0, 0, ERROR, exc.message, exc.hint)]


def _check_author(meta: PackMeta, key: SigningKey, meta_path: Path) -> None:
    """Refuse a pack.yaml whose author is not the signing key's name (clients would refuse it)."""
    if same_name(meta.author) != same_name(key.name):
        raise PackError(
            f"{meta_path}: says “author: {printable(meta.author)}”, but the pack is signed "
            f"as {key.name}",
            f"write author: {key.name} — clients see the name of the key that signs a pack",
        )


def _check_own_ids(files: list[tuple[str, Path]], known_ids: Iterable[str]) -> None:
    """Refuse practices and programs with the id of a built-in one (clients would refuse them)."""
    builtin = {key.split("@", 1)[0] for key in known_ids}
    texts: dict[str, str] = {}
    for name, path in files:
        if name != PACK_YAML and path.suffix.lower() in _YAML:
            try:
                texts[name] = read_text(path)
            except YamlError:
                continue  # reported by the practice check
    practices, programs = listing(texts, "")
    for pid, _title in practices + programs:
        if pid in builtin:
            raise PackError(
                f"“{pid}” is the id of a practice built into KAP Companion; clients would "
                "refuse a pack that replaces it",
                "give your practice an id of its own, such as your initials and a word",
            )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def build_pack(src: Path, out: Path, *, key: SigningKey | None, known_ids: Iterable[str]) -> Path:
    """Build a .kappack from a folder holding pack.yaml, practices, programs and audio.

    Args:
        src: folder holding pack.yaml and the pack's files.
        out: where to write the pack (must end in .kappack; replaced if it exists).
        key: the signing key; None builds an unsigned pack (which clients cannot import).
        known_ids: practice ids the pack's programs may name besides its own (the
            built-in library's).

    Returns:
        ``out``.

    Raises:
        PackError: a file the pack cannot hold, an invalid practice, or a bad pack.yaml.
    """
    if not src.is_dir():
        raise PackError(f"{src}: no such folder", "give the folder that holds pack.yaml")
    if out.suffix.lower() != PACK_SUFFIX:
        raise PackError(f"{out}: pack files end in {PACK_SUFFIX}", f"try -o {out.stem}.kappack")
    meta_path = src / PACK_YAML
    if not meta_path.is_file():
        raise PackError(
            f"{src}: has no pack.yaml",
            "add one with kappack: 1, name, author, message and version (see docs/packs.md)",
        )
    problems: list[Diagnostic] = []
    try:
        meta: PackMeta | None = parse_meta(read_text(meta_path), str(meta_path))
    except YamlError as exc:
        meta = None
        problems.append(exc.diagnostic)
    except PackError as exc:
        meta = None
        problems.extend(_as_problems(exc, meta_path))
    files, refused = _files(src, out)
    problems.extend(refused)
    try:
        if meta is not None and key is not None:
            _check_author(meta, key, meta_path)
    except PackError as exc:
        problems.extend(_as_problems(exc, meta_path))
    try:
        _check_own_ids(files, known_ids)
    except PackError as exc:
        problems.extend(_as_problems(exc, meta_path))
    problems.extend(_check_practices(src, known_ids))
    if problems:
        lines = "\n".join(str(d) for d in problems)
        raise PackError(
            f"{len(problems)} problem(s); no pack was built\n{lines}",
            "fix them all and build again",
            tuple(problems),
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    tmp = Path(tmp_name)
    try:
        hashes: dict[str, tuple[int, str]] = {}
        with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(raw, "w") as zf:
            for name, path in files:
                method = (
                    zipfile.ZIP_DEFLATED if path.suffix.lower() in _YAML else zipfile.ZIP_STORED
                )
                hashes[name] = (path.stat().st_size, _sha256(path))
                zf.write(path, name, compress_type=method)
            manifest, signature = make_manifest(hashes, key)
            zf.writestr(MANIFEST, manifest, compress_type=zipfile.ZIP_DEFLATED)
            if signature is not None:
                zf.writestr(SIGNATURE, signature)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    log.info("built %s from %s (%d files, signed=%s)", out, src, len(files), key is not None)
    return out
