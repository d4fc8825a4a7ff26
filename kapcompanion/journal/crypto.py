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
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kapcompanion.journal.errors import JournalError, WrongPassphrase

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

log = logging.getLogger(__name__)

NONCE_BYTES = 12
KEY_BYTES = 32
#: scrypt cost: 2**15 × 8 × 128 bytes = 32 MiB and roughly 0.1 s, once per unlock.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
WRAP_AAD = b"kapcompanion journal key v1"
#: Version 1 sealing (before format 4): one associated data for every row.
FIELD_AAD = b"kapcompanion journal entry v1"
MIN_PASSPHRASE = 8
#: scrypt parameters read from a file must lie in these bounds (n a power of two).
N_RANGE, R_RANGE, P_RANGE = (2**14, 2**20), (1, 32), (1, 16)
MAX_KDF_MEMORY = 1024**3  # 128 * n * r bytes
FILE_CHUNK = 1 << 20
FILE_MAGIC = b"KAPSEALED1\n"


def row_aad(table: str, row_id: int) -> bytes:
    """Version 2 associated data: binds a sealed value to its table and row id."""
    return f"kapcompanion journal {table} v2 #{int(row_id)}".encode("ascii")


# cryptography is imported when a key is first used: an unlocked journal (and the app's
# start-up) never needs it.


def _aesgcm() -> type[AESGCM]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM


def _invalid_tag() -> type[Exception]:
    from cryptography.exceptions import InvalidTag

    return InvalidTag


@functools.lru_cache(maxsize=4)
def _aead(key: bytes) -> AESGCM:
    return _aesgcm()(key)


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
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    kdf = Scrypt(salt=salt, length=KEY_BYTES, n=n, r=r, p=p)
    return kdf.derive(passphrase.encode("utf-8"))


def check_kdf(n: int, r: int, p: int, salt: bytes) -> None:
    """Refuse scrypt settings outside a sane range (too weak to trust, or too costly to run).

    Raises:
        JournalError: with a plain message naming the setting.
    """
    ok = (
        N_RANGE[0] <= n <= N_RANGE[1]
        and n & (n - 1) == 0
        and R_RANGE[0] <= r <= R_RANGE[1]
        and P_RANGE[0] <= p <= P_RANGE[1]
        and 128 * n * r <= MAX_KDF_MEMORY
        and 16 <= len(salt) <= 64
    )
    if not ok:
        raise JournalError(
            f"the journal's lock record has key settings outside the safe range (n={n}, r={r}, "
            f"p={p}); it may have been tampered with — restore a backup to open it"
        )


@dataclass(frozen=True, slots=True)
class KeyBox:
    """An unlocked data key: seals and opens field payloads."""

    key: bytes

    @classmethod
    def new(cls) -> KeyBox:
        """A fresh random data key."""
        return cls(_aesgcm().generate_key(bit_length=KEY_BYTES * 8))

    def seal(self, payload: dict[str, Any], aad: bytes = FIELD_AAD) -> bytes:
        """Encrypt a small JSON payload: nonce + ciphertext + tag, bound to ``aad``."""
        nonce = os.urandom(NONCE_BYTES)
        data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        return nonce + _aead(self.key).encrypt(nonce, data, aad)

    def open(self, blob: bytes, aad: bytes = FIELD_AAD) -> dict[str, Any]:
        """Decrypt what :meth:`seal` made with the same ``aad``.

        Raises:
            JournalError: the row was damaged, moved to another row, or sealed with
                another key.
        """
        try:
            data = _aead(self.key).decrypt(
                bytes(blob[:NONCE_BYTES]), bytes(blob[NONCE_BYTES:]), aad
            )
            out = json.loads(data.decode("utf-8"))
        except (_invalid_tag(), ValueError, TypeError):
            raise JournalError("an encrypted journal entry is damaged and cannot be read") from None
        return out if isinstance(out, dict) else {}

    def seal_file(self, src: Path, dest: Path, name: str | None = None) -> None:
        """Encrypt the file ``src`` whole into ``dest`` (chunks bound to name and order).

        ``name`` is the file name the sealed file will finally have (default: ``dest``'s).
        """
        label = (name or dest.name).encode("utf-8")
        with src.open("rb") as f_in, dest.open("wb") as out:
            out.write(FILE_MAGIC)
            index = 0
            chunk = f_in.read(FILE_CHUNK)
            while True:
                nxt = f_in.read(FILE_CHUNK)
                aad = b"%s|%d|%d" % (label, index, 0 if nxt else 1)
                nonce = os.urandom(NONCE_BYTES)
                sealed = nonce + _aead(self.key).encrypt(nonce, chunk, aad)
                out.write(len(sealed).to_bytes(4, "big") + sealed)
                if not nxt:
                    break
                chunk, index = nxt, index + 1
            out.flush()
            os.fsync(out.fileno())

    def open_file(self, src: Path, dest: Path, name: str | None = None) -> None:
        """Decrypt a file :meth:`seal_file` made (``name``: the name it was sealed as).

        Raises:
            JournalError: the file is damaged or was sealed with another key.
        """
        label = (name or src.name).encode("utf-8")
        damaged = JournalError(f"the encrypted file {src.name} is damaged and cannot be read")
        with src.open("rb") as f_in, dest.open("wb") as out:
            if f_in.read(len(FILE_MAGIC)) != FILE_MAGIC:
                raise damaged
            index, last = 0, 0
            while not last:
                size = int.from_bytes(f_in.read(4) or b"\0\0\0\0", "big")
                blob = f_in.read(size)
                if size < NONCE_BYTES + 16 or len(blob) != size:
                    raise damaged
                for last in (0, 1):
                    try:
                        aad = b"%s|%d|%d" % (label, index, last)
                        out.write(
                            _aead(self.key).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], aad)
                        )
                        break
                    except _invalid_tag():
                        if last:
                            raise damaged from None
                index += 1

    def wrap(self, passphrase: str) -> str:
        """The data key wrapped under ``passphrase``, as a JSON text for the meta table."""
        salt = os.urandom(16)
        kek = _kek(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
        nonce = os.urandom(NONCE_BYTES)
        wrapped = _aesgcm()(kek).encrypt(nonce, self.key, WRAP_AAD)
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
            if rec.get("kdf", "scrypt") != "scrypt" or len(nonce) != NONCE_BYTES:
                raise ValueError("not scrypt")
        except (ValueError, KeyError, TypeError, AttributeError):
            raise JournalError(
                "the journal's lock record is damaged; restore a backup to open it"
            ) from None
        check_kdf(n, r, p, salt)
        try:
            kek = _kek(passphrase, salt, n, r, p)
        except (ValueError, MemoryError, OverflowError):
            raise JournalError(
                "the journal's lock record asks for settings this computer cannot use; "
                "restore a backup to open it"
            ) from None
        try:
            key = _aesgcm()(kek).decrypt(nonce, wrapped, WRAP_AAD)
        except _invalid_tag():
            raise WrongPassphrase(
                "that passphrase does not open your journal — check Caps Lock and try again"
            ) from None
        return cls(key)
