"""Passphrase encryption at rest: AES-GCM with a random data key wrapped by a scrypt key.

The passphrase never touches the rows directly. A random 256-bit data key encrypts every
sealed field; the data key itself is stored wrapped (AES-GCM) under a key derived from
the passphrase with scrypt. A wrong passphrase fails the wrap's authentication tag, so it
is always a clear "wrong passphrase", never garbage. Changing the passphrase re-wraps one
key. Forgetting it loses the data: there is no recovery, by design.
"""

from __future__ import annotations

import base64
import functools
import json
import logging
import os
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from kapcompanion.journal.errors import JournalError, WrongPassphrase

log = logging.getLogger(__name__)

NONCE_BYTES = 12
KEY_BYTES = 32
#: scrypt cost: 2**15 × 8 × 128 bytes = 32 MiB and roughly 0.1 s, once per unlock.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
WRAP_AAD = b"kapcompanion journal key v1"
FIELD_AAD = b"kapcompanion journal entry v1"
MIN_PASSPHRASE = 8


@functools.lru_cache(maxsize=4)
def _aead(key: bytes) -> AESGCM:
    return AESGCM(key)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def check_passphrase(passphrase: str) -> None:
    """Refuse a passphrase too short to protect anything.

    Raises:
        JournalError: with a plain message when it is too short.
    """
    if len(passphrase) < MIN_PASSPHRASE:
        raise JournalError(
            f"a passphrase needs at least {MIN_PASSPHRASE} characters; "
            "a few words you will remember work well"
        )


def _kek(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    kdf = Scrypt(salt=salt, length=KEY_BYTES, n=n, r=r, p=p)
    return kdf.derive(passphrase.encode("utf-8"))


@dataclass(frozen=True, slots=True)
class KeyBox:
    """An unlocked data key: seals and opens field payloads."""

    key: bytes

    @classmethod
    def new(cls) -> KeyBox:
        """A fresh random data key."""
        return cls(AESGCM.generate_key(bit_length=KEY_BYTES * 8))

    def seal(self, payload: dict[str, Any]) -> bytes:
        """Encrypt a small JSON payload: nonce + ciphertext + tag."""
        nonce = os.urandom(NONCE_BYTES)
        data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        return nonce + _aead(self.key).encrypt(nonce, data, FIELD_AAD)

    def open(self, blob: bytes) -> dict[str, Any]:
        """Decrypt what :meth:`seal` made.

        Raises:
            JournalError: the row was damaged or sealed with another key.
        """
        try:
            data = _aead(self.key).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], FIELD_AAD)
        except (InvalidTag, ValueError):
            raise JournalError("an encrypted journal entry is damaged and cannot be read") from None
        out = json.loads(data.decode("utf-8"))
        return out if isinstance(out, dict) else {}

    def wrap(self, passphrase: str) -> str:
        """The data key wrapped under ``passphrase``, as a JSON text for the meta table."""
        salt = os.urandom(16)
        kek = _kek(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
        nonce = os.urandom(NONCE_BYTES)
        wrapped = AESGCM(kek).encrypt(nonce, self.key, WRAP_AAD)
        return json.dumps(
            {
                "kdf": "scrypt",
                "n": SCRYPT_N,
                "r": SCRYPT_R,
                "p": SCRYPT_P,
                "salt": _b64(salt),
                "nonce": _b64(nonce),
                "wrapped": _b64(wrapped),
                "cipher": "AES-256-GCM",
            }
        )

    @classmethod
    def unwrap(cls, lock: str, passphrase: str) -> KeyBox:
        """Open the data key stored in ``lock`` with ``passphrase``.

        Raises:
            WrongPassphrase: the passphrase does not fit.
            JournalError: the lock record itself is damaged.
        """
        try:
            rec = json.loads(lock)
            salt, nonce = _unb64(rec["salt"]), _unb64(rec["nonce"])
            wrapped = _unb64(rec["wrapped"])
            n, r, p = int(rec["n"]), int(rec["r"]), int(rec["p"])
        except (ValueError, KeyError, TypeError):
            raise JournalError(
                "the journal's lock record is damaged; restore a backup to open it"
            ) from None
        kek = _kek(passphrase, salt, n, r, p)
        try:
            key = AESGCM(kek).decrypt(nonce, wrapped, WRAP_AAD)
        except InvalidTag:
            raise WrongPassphrase(
                "that passphrase does not open your journal — check Caps Lock and try again"
            ) from None
        return cls(key)
