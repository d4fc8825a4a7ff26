"""What a pack says about itself: pack.yaml, the signed manifest, and the summary shown.

pack.yaml (format 1)::

    kappack: 1                 # pack format version, required
    id: calm-start             # optional; a slug of the name otherwise
    name: A calm start
    author: Sam Rivera
    clinic: Riverside KAP      # your practice or clinic, optional
    message: |                 # a personal message to the client, optional
      Here are the practices we tried together.
    version: 2                 # a whole number, or dotted numbers in quotes like "1.10"

The manifest (``manifest.json`` in the zip) lists every other file's size and SHA-256 and
the signer's name and public key; ``signature.json`` holds an Ed25519 signature of the
manifest's exact bytes.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kapcompanion.core.errors import ERROR, Diagnostic
from kapcompanion.core.packs.safety import (
    MANIFEST,
    META_FILES,
    PACK_YAML,
    PackError,
    hidden_chars,
    printable,
)
from kapcompanion.core.packs.signing import SigningError, SigningKey, clean_name, encode, verify
from kapcompanion.core.packs.signing import decode as decode_base64
from kapcompanion.core.visible import invisible_chars
from kapcompanion.core.yamlsafe import Document, YamlError, parse

log = logging.getLogger(__name__)

FORMAT_KEY = "kappack"
FORMAT = 1
MANIFEST_FORMAT = 1
MAX_TEXT = 120
MAX_MESSAGE = 4000
_VERSION = re.compile(r"^\d{1,9}(\.\d{1,9}){0,3}$")
_KNOWN_KEYS = {FORMAT_KEY, "id", "name", "author", "clinic", "message", "version"}

VERIFIED = "verified"
NEW_KEY = "new-key"
UNSIGNED = "unsigned"

Item = tuple[str, str]  # (id, title)


def slug(text: str) -> str:
    """A pack id made of ``[a-z0-9-]`` from any text (may be empty)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:64].strip("-")


def version_key(version: str) -> tuple[int, ...]:
    """A version string as numbers, for comparing ``1.10`` after ``1.9``."""
    return tuple(int(part) for part in version.split("."))


@dataclass(frozen=True)
class PackMeta:
    """The contents of pack.yaml."""

    pack_id: str
    name: str
    author: str
    clinic: str
    message: str
    version: str


def _fail(doc: Document | None, shown: str, where: object, key: str, msg: str, hint: str) -> None:
    line, col = (0, 0)
    if doc is not None and isinstance(where, dict):
        line, col = doc.value_mark(where, key)
    diag = Diagnostic(shown, line, col, ERROR, msg, hint)
    raise PackError(str(diag), hint, (diag,))


def parse_meta(text: str, shown: str) -> PackMeta:
    """Read pack.yaml's text; raise :class:`PackError` naming the line of the first problem.

    Args:
        text: the file's text.
        shown: how to name the file, e.g. ``calm.kappack!pack.yaml``.

    Returns:
        The pack's details.
    """
    try:
        doc = parse(text, shown)
    except YamlError as exc:
        raise PackError(str(exc.diagnostic), exc.diagnostic.hint, (exc.diagnostic,)) from None
    data: Any = doc.data
    if not isinstance(data, dict):
        _fail(None, shown, None, "", "pack.yaml must be a list of keys", "start with kappack: 1")
    fmt = data.get(FORMAT_KEY)
    if fmt is None:
        _fail(doc, shown, data, "", f"pack.yaml needs “{FORMAT_KEY}: {FORMAT}”", "add it first")
    if type(fmt) is not int or fmt != FORMAT:
        _fail(
            doc,
            shown,
            data,
            FORMAT_KEY,
            f"this pack uses pack format {fmt!s:.20}; this version of KAP Companion reads "
            f"format {FORMAT}",
            "update KAP Companion, or ask for a pack made for this version",
        )

    def text_of(key: str, required: bool, limit: int = MAX_TEXT) -> str:
        value = data.get(key)
        if value is None:
            if required:
                _fail(doc, shown, data, "", f"pack.yaml needs “{key}:”", f"add {key}: ...")
            return ""
        if not isinstance(value, str) or not value.strip():
            _fail(doc, shown, data, key, f"“{key}” must be text", "write it as plain text")
        if hidden_chars(value, "\n\t" if key == "message" else ""):
            _fail(
                doc,
                shown,
                data,
                key,
                f"“{key}” has control characters in it",
                "write it as plain text; these characters could disguise what is shown",
            )
        if key != "message" and invisible_chars(value):
            _fail(
                doc,
                shown,
                data,
                key,
                f"“{key}” has invisible characters in it (such as a zero-width space)",
                "type it again as plain text; invisible characters could make it pass for "
                "another name",
            )
        if len(value) > limit:
            _fail(doc, shown, data, key, f"“{key}” is longer than {limit} characters", "shorten it")
        return value.strip() if key == "message" else " ".join(value.split())

    name = text_of("name", True)
    author = text_of("author", True)
    clinic = text_of("clinic", False)
    message = text_of("message", False, MAX_MESSAGE)
    raw_version = data.get("version")
    version = str(raw_version) if isinstance(raw_version, int | float | str) else ""
    if raw_version is None or isinstance(raw_version, bool) or not _VERSION.match(version):
        _fail(
            doc,
            shown,
            data,
            "version" if "version" in data else "",
            "pack.yaml needs a version like 1 or 1.2",
            "raise it each time you share an updated pack",
        )
    raw_id = data.get("id", name)
    pack_id = slug(raw_id) if isinstance(raw_id, str) else ""
    if not pack_id:
        _fail(doc, shown, data, "id", "the pack needs an id made of a-z, 0-9 and -", "id: my-pack")
    for key in data:
        if key not in _KNOWN_KEYS:
            log.info("%s: ignoring unknown key %r", shown, key)
    return PackMeta(pack_id, name, author, clinic, message, version)


@dataclass(frozen=True)
class Manifest:
    """The signed list of files, and who signed it."""

    raw: bytes
    signer: str | None
    public_raw: bytes | None
    files: dict[str, tuple[int, str]]


def make_manifest(
    files: dict[str, tuple[int, str]], key: SigningKey | None
) -> tuple[bytes, bytes | None]:
    """The manifest's bytes and, with a key, the signature file's bytes."""
    body: dict[str, Any] = {
        "kappack_manifest": MANIFEST_FORMAT,
        "files": {p: {"size": s, "sha256": h} for p, (s, h) in sorted(files.items())},
    }
    if key is not None:
        body["signer"] = {"name": key.name, "public_key": encode(key.public_raw)}
    raw = json.dumps(body, indent=1, sort_keys=True, ensure_ascii=False).encode("utf-8")
    if key is None:
        return raw, None
    sig = {"algorithm": "ed25519", "signature": encode(key.sign(raw))}
    return raw, json.dumps(sig, indent=1).encode("utf-8")


def read_manifest(raw: bytes, sig_raw: bytes | None, shown: str, names: set[str]) -> Manifest:
    """Check the manifest's signature and that it covers exactly the pack's files.

    Args:
        raw: manifest.json's bytes.
        sig_raw: signature.json's bytes, or None when the pack has none.
        shown: how to name the pack.
        names: every file name in the pack.

    Raises:
        PackError: unreadable, a signature that does not match, or files not covered.
    """
    unreadable = PackError(
        f"{shown}: its list of files cannot be read", "this pack is damaged; ask for a new copy"
    )
    try:
        body = json.loads(raw.decode("utf-8"))
        entries = body["files"]
        files = {
            str(p): (int(v["size"]), str(v["sha256"]))
            for p, v in entries.items()
            if isinstance(v, dict)
        }
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        raise unreadable from None
    if body.get("kappack_manifest") != MANIFEST_FORMAT or len(files) != len(entries):
        raise unreadable
    signer = public = None
    if "signer" in body and sig_raw is not None:  # no signature.json: an unsigned pack
        try:
            signer = clean_name(body["signer"]["name"])
        except SigningError:
            if not invisible_chars(str(body["signer"]["name"])):
                raise unreadable from None
            raise PackError(
                f"{shown}: the name it is signed with has invisible or direction-changing "
                "characters in it, so it could pass for someone else's",
                "nothing was imported; please check with your therapist",
            ) from None
        except (KeyError, TypeError):
            raise unreadable from None
        try:
            public = decode_base64(body["signer"]["public_key"], 32)
            sig = decode_base64(json.loads(sig_raw or b"null")["signature"], 64)
        except (SigningError, ValueError, KeyError, TypeError, RecursionError):
            raise unreadable from None
        if public is None or sig is None or not verify(public, sig, raw):
            raise PackError(
                f"{shown}: its signature does not match — it was changed after it was signed",
                "nothing was imported; ask your therapist to send the pack again",
            )
    content = names - set(META_FILES)
    for name in sorted(content - files.keys()):
        raise PackError(
            f"{shown}: “{name}” was added after the pack was signed",
            "nothing was imported; ask your therapist to send the pack again",
        )
    for name in sorted(files.keys() - content):
        raise PackError(f"{shown}: “{name}” is missing", "this pack is damaged")
    if MANIFEST not in names:
        raise unreadable
    return Manifest(raw, signer, public, files)


def changed_file(shown: str, name: str, signer: str | None) -> PackError:
    """The refusal for a file whose bytes differ from what was signed."""
    who = signer or "its maker"
    return PackError(
        f"{shown}: “{name}” has changed since {who} signed this pack",
        "nothing was imported; ask your therapist to send the pack again",
    )


@dataclass(frozen=True)
class PackInfo:
    """Everything a client sees before accepting a pack."""

    file: Path
    meta: PackMeta
    files: tuple[tuple[str, int], ...]
    practices: tuple[tuple[str, str], ...]
    programs: tuple[tuple[str, str], ...]
    signer: str | None
    fingerprint: str | None
    trust: str
    installed_version: str | None = None
    also_elsewhere: tuple[str, ...] = ()  # practice ids already in the library from elsewhere
    #: other trusted keys whose names look like the signer's: (name, fingerprint) each
    similar_signers: tuple[tuple[str, str], ...] = ()

    @property
    def name(self) -> str:
        """The pack's name."""
        return self.meta.name

    @property
    def verified(self) -> bool:
        """Whether the pack is signed by a key this person already trusts."""
        return self.trust == VERIFIED

    @property
    def total_bytes(self) -> int:
        """Size of all files once unpacked."""
        return sum(size for _, size in self.files)

    @property
    def audio_files(self) -> tuple[str, ...]:
        """The pack's audio files."""
        return tuple(p for p, _ in self.files if not p.endswith((".yaml", ".yml")))


def listing(docs: dict[str, str], shown: str) -> tuple[list[Item], list[Item]]:
    """Practices and programs (id, title) in YAML texts keyed by in-pack path."""
    practices: list[Item] = []
    programs: list[Item] = []
    for path, text in sorted(docs.items()):
        if path == PACK_YAML:
            continue
        try:
            data = parse(text, f"{shown}!{path}").data
        except YamlError:
            continue
        if not isinstance(data, dict):
            continue
        item = (printable(str(data.get("id", "?"))), printable(str(data.get("title", path))))
        (programs if data.get("kind") == "program" else practices).append(item)
    return practices, programs
