"""The ``kapcompanion pack`` commands: keygen, build, inspect, import.

Exit codes: 0 done, 1 refused or invalid (the message says why), 2 usage (a missing file).
"""

from __future__ import annotations

import logging
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

from kapcompanion.core.folders import DataFolders
from kapcompanion.core.library import builtin_ids
from kapcompanion.core.packs import (
    NEW_KEY,
    VERIFIED,
    PackError,
    PackInfo,
    SigningError,
    SigningStore,
    build_pack,
    import_pack,
    inspect_pack,
    validate_pack,
)
from kapcompanion.core.packs.safety import MiB, printable

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2
NL = "\n"


def _error(exc: PackError | SigningError) -> int:
    print(f"error: {printable(exc.message, NL)}", file=sys.stderr)
    if exc.hint:
        print(f"  {printable(exc.hint)}", file=sys.stderr)
    return EXIT_REFUSED


def _missing(file: Path, what: str = "file") -> int:
    print(f"error: {file}: no such {what}", file=sys.stderr)
    return EXIT_USAGE


def describe(info: PackInfo) -> str:
    """The pack's details as a client reads them before accepting."""
    meta = info.meta
    lines = [f"“{meta.name}” — version {meta.version}"]
    clinic = f", {meta.clinic}" if meta.clinic else ""
    if info.signer:  # the key's confirmed name, never only what pack.yaml says
        lines.append(f"From: {info.signer}{clinic}")
    else:
        lines.append(f"Says it is from: {meta.author}{clinic}")
    if info.trust == VERIFIED:
        lines.append(f"Signed: from {info.signer}, verified (you have trusted this key before)")
        for name, fp in info.similar_signers:
            lines.append(f"  Another key you trust is named {name} (fingerprint {fp});")
            lines.append(f"  this one's fingerprint is {info.fingerprint}.")
    elif info.trust == NEW_KEY:
        lines.append(f"Signed by: {info.signer} — the first pack you have had from this key")
        lines.append(f"Key fingerprint: {info.fingerprint}")
        lines.append("  You might check this fingerprint with your therapist before accepting.")
    else:
        lines.append("Not signed: there is no way to know who it is from.")
    if meta.message:
        lines.append("")
        lines.append("Message:")
        lines.extend(textwrap.indent(meta.message, "  ").splitlines())
    lines.append("")
    audio = info.audio_files
    lines.append(
        f"Holds {len(info.practices)} practice(s), {len(info.programs)} program(s) and "
        f"{len(audio)} audio file(s), {info.total_bytes / MiB:.1f} MiB in all:"
    )
    lines.extend(f"  • {title} ({pid})" for pid, title in info.practices)
    lines.extend(f"  • program: {title} ({pid})" for pid, title in info.programs)
    if info.also_elsewhere:
        lines.append("")
        lines.append(
            "Already in your library: "
            + ", ".join(info.also_elsewhere)
            + ". Where two share an id, your own practices come first, then packs in name "
            "order, then the built-in library."
        )
    if info.installed_version is not None:
        lines.append("")
        lines.append(
            f"You have version {info.installed_version}. Accepting replaces it; "
            "your journal stays as it is."
        )
    return printable("\n".join(lines), NL)


def keygen_cli(folders: DataFolders, name: str) -> int:
    """Create the therapist's signing key and say where it is."""
    store = SigningStore.of(folders)
    try:
        key = store.create_key(name)
    except SigningError as exc:
        return _error(exc)
    print(f"Created a signing key for {key.name}.")
    print(f"Fingerprint: {key.fingerprint}")
    print(f"It is kept in {store.keys} (only you can read it).")
    print("Keep a backup of that folder: with a new key, clients must confirm you again.")
    return EXIT_OK


def build_cli(folders: DataFolders, src: Path, out: Path) -> int:
    """Build a signed pack with the therapist's key."""
    if not src.is_dir():
        return _missing(src, "folder")
    try:
        key = SigningStore.of(folders).load_key()
        if key is None:
            print(
                "error: you have no signing key yet, so the pack cannot be signed", file=sys.stderr
            )
            print('  create one once with: kapcompanion pack keygen "Your Name"', file=sys.stderr)
            return EXIT_REFUSED
        build_pack(src, out, key=key, known_ids=builtin_ids())
        info = inspect_pack(out, folders)
    except (PackError, SigningError) as exc:
        return _error(exc)
    except OSError as exc:
        print(f"error: {out}: cannot be written ({exc.strerror or exc})", file=sys.stderr)
        print("  choose a folder you can write to", file=sys.stderr)
        return EXIT_REFUSED
    print(
        f"Built {out}: {len(info.practices)} practice(s), {len(info.programs)} program(s), "
        f"{len(info.audio_files)} audio file(s), {out.stat().st_size / MiB:.1f} MiB."
    )
    print(f"Signed by {key.name} (fingerprint {key.fingerprint}).")
    return EXIT_OK


def inspect_cli(folders: DataFolders, file: Path) -> int:
    """Show what a pack holds without importing it."""
    if not file.is_file():
        return _missing(file)
    try:
        info = inspect_pack(file, folders)
    except PackError as exc:
        return _error(exc)
    print(describe(info))
    return _content_problems(file, folders)


def _content_problems(file: Path, folders: DataFolders) -> int:
    """Check every file as an import would (audio too); print what would stop it."""
    errors = [d for d in validate_pack(file, folders, known_ids=builtin_ids()) if d.is_error]
    if not errors:
        return EXIT_OK
    print(file=sys.stderr)
    for d in errors:
        print(printable(str(d)), file=sys.stderr)
    print(
        f"error: this pack cannot be imported as it is ({len(errors)} problem(s))",
        file=sys.stderr,
    )
    print(
        "  the pack's author can fix them and check with `kapcompanion validate`", file=sys.stderr
    )
    return EXIT_REFUSED


def _ask(prompt: str) -> bool:
    try:
        answer = input(prompt)
    except (EOFError, KeyboardInterrupt):
        print()
        return False
    return answer.strip().lower() in ("y", "yes")


def import_cli(
    folders: DataFolders, file: Path, yes: bool, ask: Callable[[str], bool] = _ask
) -> int:
    """Import a pack: show it, ask (unless ``yes``), then import; refuse anything unsafe."""
    if not file.is_file():
        return _missing(file)
    if not yes and not sys.stdin.isatty():
        print(
            "error: cannot ask whether to import: this is not an interactive terminal",
            file=sys.stderr,
        )
        print(
            "  run it in a terminal to see the pack and be asked, or add --yes to accept",
            file=sys.stderr,
        )
        return EXIT_REFUSED

    def confirm(info: PackInfo) -> bool:
        print(describe(info))
        print()
        if yes:
            return True
        return ask("Import this pack? [y/N] ")

    try:
        result = import_pack(file, folders, known_ids=builtin_ids(), confirm=confirm)
    except PackError as exc:
        return _error(exc)
    for warning in result.warnings:
        print(f"note: {warning}")
    match result.status:
        case "declined":
            print("Nothing was imported.")
            return EXIT_REFUSED
        case "unchanged":
            print(
                f"You already have “{result.info.name}” version {result.info.meta.version}; "
                "nothing changed."
            )
        case "updated":
            print(f"Updated “{result.info.name}” to version {result.info.meta.version}.")
        case _:
            print(f"Imported “{result.info.name}”. Its practices are in your library now.")
    return EXIT_OK
