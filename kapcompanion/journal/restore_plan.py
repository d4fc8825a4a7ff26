"""What a restore will do, shown before it does it, and the checks a backup's parts pass.

:func:`plan` compares what is here with what the (unpacked, checked) backup holds —
entries, sessions, practices, packs, settings and help lines, with counts and dates —
so the app or the command line can show it and ask. A part the backup lacks is kept,
never deleted. :func:`check_parts` gives a crafted backup the same checks as a pack:
every practice validated, every pack's signature and files verified as ``pack import``
does. :func:`extract` enforces each file's declared size while unpacking.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import zipfile
from dataclasses import dataclass
from pathlib import Path

from kapcompanion.journal.errors import BackupError

log = logging.getLogger(__name__)

JOURNAL = "journal.sqlite3"
SETTINGS = "settings.json"
BLOCK = 1 << 20


@dataclass(frozen=True, slots=True)
class Part:
    """One part of the data: what is here, what the backup holds, and what will happen."""

    name: str
    current: str
    incoming: str
    action: str  # "replace", "keep" (the backup lacks it) or "add"


@dataclass(frozen=True, slots=True)
class RestorePlan:
    """Everything a person sees before a restore replaces their data."""

    file: Path
    made: str
    parts: tuple[Part, ...]
    help_lines_now: tuple[str, ...]
    help_lines_after: tuple[str, ...]

    @property
    def help_lines_change(self) -> bool:
        """Whether the list of places to turn to would change."""
        return self.help_lines_now != self.help_lines_after

    def text(self) -> str:
        """The plan as plain lines to show before asking."""
        lines = [f"Restore from {self.file} (made {self.made})?"]
        for p in self.parts:
            if p.action == "keep":
                lines.append(f"- {p.name}: kept as they are ({p.current}) — not in the backup")
            else:
                lines.append(f"- {p.name}: {p.current} now → {p.incoming} from the backup")
        if self.help_lines_change:
            lines.append(
                "- places to turn to would become: " + ("; ".join(self.help_lines_after) or "none")
            )
        lines.append("What is here now is kept first as a backup file.")
        return "\n".join(lines)


def extract(z: zipfile.ZipFile, name: str, size: int, dest: Path) -> str:
    """Unpack ``name`` to ``dest``, never writing more than its declared ``size``.

    Returns its sha-256.

    Raises:
        BackupError: the member is larger than declared.
    """
    h = hashlib.sha256()
    written = 0
    with z.open(name) as src, dest.open("wb") as out:
        while block := src.read(BLOCK):
            written += len(block)
            if written > size:
                raise BackupError(
                    f"{name} in the backup is damaged: it is larger than its list of contents "
                    "says; nothing was changed"
                )
            h.update(block)
            out.write(block)
    return h.hexdigest()


def _journal_summary(path: Path) -> tuple[str, str]:
    if not path.is_file():
        return "none", "none"
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            n, lo, hi = conn.execute(
                "SELECT count(*), min(created_at), max(created_at) FROM entries"
            ).fetchone()
            sessions = conn.execute("SELECT count(*) FROM sessions").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return "a journal that cannot be read", "a journal that cannot be read"
    span = f", {str(lo)[:10]} to {str(hi)[:10]}" if n else ""
    return f"{n} entr{'y' if n == 1 else 'ies'}{span}", f"{sessions} session{'s' * (sessions != 1)}"


def _files(folder: Path) -> int:
    return sum(1 for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else 0


def _help_lines(settings: Path) -> tuple[str, ...]:
    try:
        data = json.loads(settings.read_text(encoding="utf-8"))
        return tuple(f"{h['name']} ({h['contact']})" for h in data.get("help_lines", []))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return ()


def plan(file: Path, made: str, stage: Path, root: Path) -> RestorePlan:
    """What restoring the backup unpacked in ``stage`` over ``root`` will do."""
    parts: list[Part] = []

    def add(name: str, now: str, after: str, present_in_backup: bool) -> None:
        action = "replace" if present_in_backup else "keep"
        if present_in_backup and now in ("none", "0 files"):
            action = "add"
        parts.append(Part(name, now, after if present_in_backup else now, action))

    has_journal = (stage / JOURNAL).is_file()
    now_entries, now_sessions = _journal_summary(root / JOURNAL)
    new_entries, new_sessions = _journal_summary(stage / JOURNAL)
    add("journal entries", now_entries, new_entries, has_journal)
    add("sessions", now_sessions, new_sessions, has_journal)
    for folder, label in (("practices", "your own practices"), ("packs", "packs")):
        add(
            label,
            f"{_files(root / folder)} files",
            f"{_files(stage / folder)} files",
            (stage / folder).is_dir(),
        )
    has_settings = (stage / SETTINGS).is_file()
    add(
        "settings",
        "saved" if (root / SETTINGS).is_file() else "none",
        "saved",
        has_settings,
    )
    now_lines = _help_lines(root / SETTINGS)
    after_lines = _help_lines(stage / SETTINGS) if has_settings else now_lines
    return RestorePlan(file, made, tuple(parts), now_lines, after_lines)


def check_parts(stage: Path, file: Path) -> None:
    """Refuse a backup whose practices or packs would not pass the app's own checks.

    Raises:
        BackupError: naming the first practice or pack that fails.
    """
    from kapcompanion.core.validate import validate_paths

    practices = stage / "practices"
    if practices.is_dir():
        errors = [d for d in validate_paths([practices]) if d.is_error]
        if errors:
            name = Path(errors[0].path).name
            raise BackupError(
                f"{file}: the practice {name} in it is not valid ({errors[0].message}); "
                "nothing was changed"
            )
    packs = stage / "packs"
    if packs.is_dir():
        for folder in sorted(packs.iterdir()):
            if not folder.name.startswith("."):
                _check_pack(folder, file)


def _check_pack(folder: Path, file: Path) -> None:
    # lazy: pack checking (cryptography) loads only for a backup that holds packs
    from kapcompanion.core.packs.format import changed_file, read_manifest
    from kapcompanion.core.packs.safety import META_FILES, PackError
    from kapcompanion.core.packs.store import INSTALLED_MANIFEST, INSTALLED_SIGNATURE
    from kapcompanion.core.validate import validate_paths

    shown = f"the pack {folder.name}"
    try:
        if not folder.is_dir():
            raise PackError(f"{shown}: it is not a pack folder", "")
        raw = (folder / INSTALLED_MANIFEST).read_bytes()
        sig = (folder / INSTALLED_SIGNATURE).read_bytes()
        names = {
            p.relative_to(folder).as_posix()
            for p in folder.rglob("*")
            if p.is_file() and p.name not in (INSTALLED_MANIFEST, INSTALLED_SIGNATURE)
        }
        manifest = read_manifest(raw, sig, shown, names | set(META_FILES))
        if manifest.signer is None:
            raise PackError(f"{shown}: it is not signed", "")
        for name, (size, digest) in manifest.files.items():
            p = folder / name
            if p.stat().st_size != size or _sha256(p) != digest:
                raise changed_file(shown, name, manifest.signer)
    except OSError:
        raise BackupError(f"{file}: {shown} in it is incomplete; nothing was changed") from None
    except PackError as exc:
        raise BackupError(f"{file}: {exc}; nothing was changed") from None
    errors = [d for d in validate_paths([folder]) if d.is_error]
    if errors:
        raise BackupError(
            f"{file}: {shown} holds a practice that is not valid ({errors[0].message}); "
            "nothing was changed"
        )


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(BLOCK):
            h.update(block)
    return h.hexdigest()
