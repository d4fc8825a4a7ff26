"""The therapist's Ed25519 signing key and the client's record of keys they trust.

A therapist creates one key (``kapcompanion pack keygen "Name"``). It lives in the data
dir's ``keys/`` folder: the private key as PKCS#8 PEM (file mode 0600) and the name clients
will see. Packs are signed over their manifest, which lists every file's SHA-256.

On the client's side ``trusted_keys.json`` maps a key's fingerprint to the name it was
first seen with and when, so the second pack from the same therapist can say
"from <name>, verified" instead of asking again. :class:`SigningStore` reads and writes
both; the caller gives it the folders (see :class:`kapcompanion.core.folders.DataFolders`).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import logging
import os
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from kapcompanion.core.errors import KapError
from kapcompanion.core.folders import DataFolders
from kapcompanion.core.packs.lookalike import look_alike
from kapcompanion.core.visible import invisible_chars

log = logging.getLogger(__name__)

KEY_FILE = "signing-key.pem"
NAME_FILE = "signer.json"
MAX_NAME = 120


class SigningError(KapError):
    """A signing key that cannot be created or read; ``hint`` says what to do."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def fingerprint(public_raw: bytes) -> str:
    """A short, readable fingerprint of a raw 32-byte public key (SHA-256, 20 bytes shown).

    Args:
        public_raw: the raw Ed25519 public key.

    Returns:
        Ten groups of four hex digits, e.g. ``"3f2a 91c0 ..."``.
    """
    digest = hashlib.sha256(public_raw).hexdigest()[:40]
    return " ".join(digest[i : i + 4] for i in range(0, 40, 4))


def encode(raw: bytes) -> str:
    """Base64 text of ``raw`` (for JSON)."""
    return base64.b64encode(raw).decode("ascii")


def decode(text: object, expected_len: int) -> bytes | None:
    """Bytes from base64 ``text``, or None when it is not base64 of ``expected_len`` bytes."""
    if not isinstance(text, str) or len(text) > 4 * expected_len:
        return None
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None
    return raw if len(raw) == expected_len else None


def verify(public_raw: bytes, signature: bytes, data: bytes) -> bool:
    """Whether ``signature`` is a valid Ed25519 signature of ``data`` by ``public_raw``."""
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


@dataclass(frozen=True)
class SigningKey:
    """A therapist's private key and the name their clients will see."""

    private: Ed25519PrivateKey
    name: str

    @property
    def public_raw(self) -> bytes:
        """The raw 32-byte public key."""
        return self.private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )

    @property
    def fingerprint(self) -> str:
        """The public key's fingerprint (see :func:`fingerprint`)."""
        return fingerprint(self.public_raw)

    def sign(self, data: bytes) -> bytes:
        """Sign ``data``; returns the 64-byte signature."""
        return self.private.sign(data)

    @classmethod
    def generate(cls, name: str) -> SigningKey:
        """A fresh key in memory (not saved)."""
        return cls(Ed25519PrivateKey.generate(), clean_name(name))


def clean_name(name: str) -> str:
    """A signer name with surrounding space removed, or raise when it is unusable.

    Names with control, invisible (zero-width, joiners) or direction-changing characters
    are refused: they could make one person's name print exactly like another's.
    """
    name = " ".join(str(name).split())
    if not name or len(name) > MAX_NAME or invisible_chars(name):
        shown = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in name[:40])
        raise SigningError(
            f"“{shown}” cannot be used as your name on packs",
            f"use your name as clients know you, at most {MAX_NAME} characters, with no "
            "invisible or direction-changing characters",
        )
    return name


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def same_name(name: str) -> str:
    """A name folded so that look-alike spellings compare equal (case, width, spacing)."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


@dataclass(frozen=True)
class SigningStore:
    """This person's signing key and the keys they trust, in folders the caller gives.

    Attributes:
        keys: the folder holding the signing key (created on :meth:`create_key`).
        trusted_keys: the JSON file of trusted key fingerprints.
    """

    keys: Path
    trusted_keys: Path

    @classmethod
    def of(cls, folders: DataFolders) -> SigningStore:
        """The store inside one data dir."""
        return cls(folders.keys, folders.trusted_keys)

    def load_key(self) -> SigningKey | None:
        """This person's signing key, or None when they have not created one."""
        folder = self.keys
        pem = folder / KEY_FILE
        if not pem.is_file():
            return None
        try:
            private = serialization.load_pem_private_key(pem.read_bytes(), password=None)
            meta = json.loads((folder / NAME_FILE).read_text(encoding="utf-8"))
            name = clean_name(meta["name"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise SigningError(
                f"your signing key in {folder} cannot be read ({exc.__class__.__name__})",
                "restore it from a backup; a new key means clients must confirm you again",
            ) from None
        if not isinstance(private, Ed25519PrivateKey):
            raise SigningError(f"{pem} is not an Ed25519 key", "create a key with `pack keygen`")
        return SigningKey(private, name)

    def create_key(self, name: str) -> SigningKey:
        """Create and save this person's signing key; refuses when one exists already.

        Args:
            name: the name clients will see on packs.

        Returns:
            The new key.

        Raises:
            SigningError: a key exists already, or the name is unusable.
        """
        name = clean_name(name)
        existing = self.load_key()
        if existing is not None:
            raise SigningError(
                f"you already have a signing key, as “{existing.name}” "
                f"(fingerprint {existing.fingerprint})",
                "packs you build are signed with it; keeping one key lets clients recognise you",
            )
        key = SigningKey.generate(name)
        folder = self.keys
        folder.mkdir(parents=True, exist_ok=True)
        os.chmod(folder, 0o700)
        pem = key.private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        fd = os.open(folder / KEY_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(pem)
        os.chmod(folder / KEY_FILE, 0o600)
        meta = {"name": name, "public_key": encode(key.public_raw), "created": _now()}
        (folder / NAME_FILE).write_text(json.dumps(meta, indent=2), encoding="utf-8")
        self.trust(key.public_raw, name)
        log.info("created signing key %s for %s", key.fingerprint, name)
        return key

    def trusted(self) -> dict[str, dict[str, str]]:
        """Trusted keys: fingerprint -> {"name", "first_seen", "public_key"}; empty when none."""
        path = self.trusted_keys
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("cannot read %s (%s); treating every key as new", path, exc)
            return {}
        if not isinstance(data, dict):
            return {}
        return {k: v for k, v in data.items() if isinstance(v, dict) and isinstance(k, str)}

    def trusted_name(self, public_raw: bytes) -> str | None:
        """The name a trusted key was first seen with, or None when the key is new."""
        entry = self.trusted().get(fingerprint(public_raw))
        if not entry or decode(entry.get("public_key"), 32) not in (None, public_raw):
            return None  # unknown, or a different key that shares the short fingerprint
        return str(entry.get("name", ""))

    def name_with_other_key(self, name: str, public_raw: bytes) -> str | None:
        """The fingerprint of a different trusted key known by ``name`` or a look-alike."""
        found = self.look_alikes(name, public_raw)
        return found[0][1] if found else None

    def look_alikes(self, name: str, public_raw: bytes) -> list[tuple[str, str]]:
        """Other trusted keys whose names look like ``name``: (name, fingerprint) each.

        Compared by confusable skeleton (see :mod:`kapcompanion.core.packs.lookalike`), so
        "Sаm Rivera" with a Cyrillic а, or in another case or spacing, is found too.
        """
        mine = fingerprint(public_raw)
        return [
            (str(entry.get("name", "")), fp)
            for fp, entry in sorted(self.trusted().items())
            if fp != mine and look_alike(str(entry.get("name", "")), name)
        ]

    def shown_name(self, public_raw: bytes) -> str | None:
        """The confirmed name of a trusted key as shown; None when the key is new.

        With the key's fingerprint when another trusted key's name looks the same, so the
        two can be told apart.
        """
        name = self.trusted_name(public_raw)
        if name is None:
            return None
        if self.look_alikes(name, public_raw):
            return f"{name} (key {fingerprint(public_raw)})"
        return name

    def trust(self, public_raw: bytes, name: str) -> None:
        """Remember ``public_raw`` as trusted under ``name`` (kept from the first time)."""
        records = self.trusted()
        fp = fingerprint(public_raw)
        if fp in records:
            return
        records[fp] = {"name": name, "first_seen": _now(), "public_key": encode(public_raw)}
        path = self.trusted_keys
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_text(json.dumps(records, indent=2, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
