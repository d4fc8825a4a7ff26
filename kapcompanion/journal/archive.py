"""Full backup and restore of all user data as one file (a zip with a manifest).

The file holds the journal (a consistent snapshot, still encrypted if locked), the
settings, the person's own practices and imported packs — not logs, caches or the daily
copies. Restoring checks every file against the manifest first, keeps what was there
before as a backup of its own, and only then swaps the data in.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import sqlite3
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path, PurePosixPath

from kapcompanion import __version__
from kapcompanion.journal import backup, guard, restore_plan
from kapcompanion.journal.errors import BackupError
from kapcompanion.journal.restore_plan import RestorePlan
from kapcompanion.journal.store import FILE_NAME
from kapcompanion.paths import data_dir

log = logging.getLogger(__name__)

FORMAT = "kapcompanion-backup"
VERSION = 1
MANIFEST = "manifest.json"
SUFFIX = ".kapbackup"
FILES = (FILE_NAME, "settings.json")
FOLDERS = ("practices", "packs")
MAX_TOTAL = 4 * 1024**3
STAGING = ".kapbackup-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def remove_stale_staging(root: Path) -> None:
    """Remove staging folders left in ``root`` by a backup or restore that was killed."""
    for prefix in (STAGING, ".restore-"):
        for p in root.glob(f"{prefix}*"):
            pid = p.name[len(prefix) :].split("-", 1)[0]
            if p.is_dir() and pid.isdigit() and not _alive(int(pid)):
                shutil.rmtree(p, ignore_errors=True)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _members(root: Path, staging: Path) -> dict[str, Path]:
    """Archive name -> file on disk (the journal as a fresh snapshot in ``staging``)."""
    out: dict[str, Path] = {}
    journal = root / FILE_NAME
    if journal.exists():
        if not backup.is_healthy(journal):
            raise BackupError(
                f"your journal file {journal} is damaged; open the app once to restore it "
                "from a daily copy, then make the backup"
            )
        src = sqlite3.connect(journal)
        try:
            out[FILE_NAME] = backup.snapshot(src, staging / FILE_NAME)
        finally:
            src.close()
    if (root / "settings.json").is_file():
        out["settings.json"] = root / "settings.json"
    for folder in FOLDERS:
        base = root / folder
        if base.is_dir():
            for p in sorted(base.rglob("*")):
                if p.is_file() and not p.is_symlink():
                    out[p.relative_to(root).as_posix()] = p
    return out


def make_archive(out: Path, root: Path | None = None) -> Path:
    """Write all user data to ``out`` (a folder gets a dated file name); returns the file.

    Raises:
        BackupError: the place cannot be written, or the journal is damaged.
    """
    root = root or data_dir()
    if out.is_dir():
        out = out / f"kapcompanion-backup-{datetime.now():%Y-%m-%d}{SUFFIX}"
    if not out.parent.is_dir():
        raise BackupError(f"cannot write {out}: the folder {out.parent} does not exist")
    tmp = out.with_name(f".{out.name}.tmp")
    staging: Path | None = None
    try:
        # The journal's snapshot is staged inside the (private) data dir, never in /tmp;
        # one left by a process that was killed is removed by the next backup.
        backup.private_dir(root)
        remove_stale_staging(root)
        staging = Path(tempfile.mkdtemp(prefix=f"{STAGING}{os.getpid()}-", dir=root))
        members = _members(root, staging)
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "app_version": __version__,
            "created": datetime.now().astimezone().isoformat(timespec="seconds"),
            "files": {
                name: {"sha256": _sha256(p), "size": p.stat().st_size}
                for name, p in members.items()
            },
        }
        tmp.unlink(missing_ok=True)
        backup.private_file(tmp)
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as z:
            z.writestr(MANIFEST, json.dumps(manifest, indent=2))
            for name, p in members.items():
                z.write(p, name)
        with tmp.open("rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise BackupError(f"cannot write the backup to {out} ({exc.strerror or exc})") from None
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    backup.fsync_dir(out.parent)
    log.info("backup written: %d files", len(members))
    return out


def _not_backup(file: Path, why: str) -> BackupError:
    return BackupError(
        f"{file} is not a KAP Companion backup ({why}) — choose a file made by "
        "KAP Companion's backup (`kapcompanion journal backup`)"
    )


def _safe_name(name: str) -> bool:
    p = PurePosixPath(name)
    if p.is_absolute() or ".." in p.parts or "\\" in name or not p.parts:
        return False
    return name in FILES or (p.parts[0] in FOLDERS and len(p.parts) > 1)


def read_manifest(file: Path) -> dict:
    """The checked manifest of a backup file.

    Raises:
        BackupError: the file is missing, not a zip, or not one of our backups.
    """
    if not file.is_file():
        raise BackupError(f"{file}: no such file")
    if not zipfile.is_zipfile(file):
        raise _not_backup(file, "it is not a backup file")
    try:
        with zipfile.ZipFile(file) as z:
            manifest = json.loads(z.read(MANIFEST))
            names = set(z.namelist()) - {MANIFEST}
    except (KeyError, ValueError, EOFError, NotImplementedError, RuntimeError, zlib.error,
            zipfile.BadZipFile):  # fmt: skip
        raise _not_backup(file, "it has no readable list of contents") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _not_backup(file, "it has no KAP Companion list of contents")
    if manifest.get("version") != VERSION:
        raise BackupError(
            f"{file} was made by a newer version of KAP Companion; update the app to restore it"
        )
    listed = manifest.get("files")
    if (
        not isinstance(listed, dict)
        or set(listed) != names
        or not all(
            isinstance(v, dict) and isinstance(v.get("size"), int) and v["size"] >= 0
            for v in listed.values()
        )
    ):
        raise _not_backup(file, "its contents do not match its list")
    bad = [n for n in names if not _safe_name(n)]
    if bad:
        raise _not_backup(file, f"it holds a file it should not: {bad[0]}")
    if sum(v["size"] for v in listed.values()) > MAX_TOTAL:
        raise _not_backup(file, "it is larger than any backup could be")
    return manifest


def restore_archive(
    file: Path,
    root: Path | None = None,
    confirm: Callable[[RestorePlan], bool] | None = None,
) -> str:
    """Replace the user data with the backup in ``file``; returns the message to show.

    Everything is unpacked and checked first (declared sizes enforced while unpacking,
    checksums, the journal's health, every practice validated, every pack verified as
    ``pack import`` would). Then ``confirm`` is shown the :class:`RestorePlan` (what will
    be replaced, with counts and dates); answering False changes nothing. What was there
    before is saved to ``backups/before-restore-<time>.kapbackup`` (named in the message).
    A part the backup lacks is kept as it is. Refused while the journal is open anywhere.

    Raises:
        BackupError: the file is not a backup, it is damaged or fails a check, the journal
            is open elsewhere, or the person said no.
    """
    root = root or data_dir()
    manifest = read_manifest(file)
    backup.private_dir(root)
    made = manifest.get("created", "an earlier date")
    with contextlib.suppress(ValueError, TypeError):
        when = datetime.fromisoformat(made)
        made = f"{when.day} {when:%B %Y at %H:%M}"
    with guard.nobody_else(root / FILE_NAME):
        remove_stale_staging(root)
        stage = Path(tempfile.mkdtemp(prefix=f".restore-{os.getpid()}-", dir=root))
        try:
            with zipfile.ZipFile(file) as z:
                for name, info in manifest["files"].items():
                    dest = stage / name
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    digest = restore_plan.extract(z, name, int(info["size"]), dest)
                    if dest.stat().st_size != info.get("size") or digest != info.get("sha256"):
                        raise _not_backup(file, f"{name} is damaged")
            journal = stage / FILE_NAME
            if journal.exists() and not backup.is_healthy(journal):
                raise _not_backup(file, "the journal inside it is damaged")
            restore_plan.check_parts(stage, file)
            the_plan = restore_plan.plan(file, str(made), stage, root)
            if confirm is not None and not confirm(the_plan):
                raise BackupError("nothing was restored; your data is as it was")
            kept = _keep_current(root)
            _swap(stage, root)
        except BackupError:
            raise
        except (EOFError, NotImplementedError, RuntimeError, zlib.error, zipfile.BadZipFile):
            raise _not_backup(file, "part of it is damaged and cannot be read") from None
        except OSError as exc:
            raise BackupError(f"cannot restore {file} ({exc})") from None
        finally:
            shutil.rmtree(stage, ignore_errors=True)
    kept_parts = [p.name for p in the_plan.parts if p.action == "keep"]
    note = f" What was here before is kept in {kept}." if kept else ""
    if kept_parts:
        note += f" Not in the backup, so left as they were: {', '.join(kept_parts)}."
    return f"Restored your data from the backup made {made}.{note}"


def plan_restore(file: Path, root: Path | None = None) -> RestorePlan:
    """What restoring ``file`` would do, without doing it (for a preview).

    Raises:
        BackupError: as :func:`restore_archive` (nothing is changed either way).
    """
    found: list[RestorePlan] = []

    def look(p: RestorePlan) -> bool:
        found.append(p)
        return False

    with contextlib.suppress(BackupError):
        restore_archive(file, root, look)
    if not found:
        restore_archive(file, root, look)  # raises the reason it could not be planned
    return found[0]


def _keep_current(root: Path) -> Path | None:
    has_data = (root / FILE_NAME).exists() or any((root / f).is_dir() for f in FOLDERS)
    if not has_data:
        return None
    folder = backup.private_dir(root / "backups")
    return make_archive(folder / f"before-restore-{datetime.now():%Y%m%d-%H%M%S}{SUFFIX}", root)


def _swap(stage: Path, root: Path) -> None:
    """Put the staged data in place; the old journal's WAL must not meet the new file."""
    if (stage / FILE_NAME).exists():
        backup.remove_sidecars(root / FILE_NAME)
    for name in FILES:  # a part the backup lacks is kept, never deleted
        if (stage / name).exists():
            os.replace(stage / name, root / name)
    if (root / FILE_NAME).exists():
        guard.sync_marker(root / FILE_NAME)
    for folder in FOLDERS:
        target = root / folder
        if not (stage / folder).exists():
            continue
        if target.exists():
            old = root / f".{folder}.old"
            shutil.rmtree(old, ignore_errors=True)
            os.replace(target, old)
            shutil.rmtree(old, ignore_errors=True)
        if (stage / folder).exists():
            os.replace(stage / folder, target)
    backup.fsync_dir(root)
