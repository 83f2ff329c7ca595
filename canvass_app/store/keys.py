"""The store's 32-byte key: kept in the OS keychain, or wrapped by a passphrase where no keychain works.

The key itself is never written in plaintext. In the fallback, `key.wrap` beside the database holds the key
sealed with ChaCha20-Poly1305 under a key derived from the passphrase by scrypt; a wrong passphrase fails the
AEAD tag check and nothing is touched.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import keyring
import keyring.errors
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

log = logging.getLogger(__name__)

SERVICE = "canvass"
WRAP_FILE = "key.wrap"
KEYSTORE_FILE = "keystore.json"
PASSPHRASE_ENV = "CANVASS_PASSPHRASE"
SCRYPT_N = 2**15
MIN_PASSPHRASE = 8

PassphrasePrompt = Callable[[bool], str | None]
"""Asks the person for a passphrase; the argument says whether a new one is being chosen."""


class KeyUnavailable(Exception):
    """The store's key cannot be had: the message says why in plain words."""


class WrongPassphrase(KeyUnavailable):
    pass


class PassphraseNeeded(KeyUnavailable):
    pass


@dataclass(frozen=True)
class KeySource:
    key: bytes
    kind: str  # "keyring" or "passphrase"


def keyring_works() -> bool:
    """True when a real OS keychain backend is available (not the fail or null backends)."""
    try:
        backend = keyring.get_keyring()
    except Exception:
        return False
    name = type(backend).__module__ + "." + type(backend).__name__
    return not ("fail" in name or "null" in name.lower() or getattr(backend, "priority", 1) <= 0)


def _account(data_dir: Path, what: str) -> str:
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return f"{what}:{digest}"


def keyring_get(data_dir: Path, what: str) -> str | None:
    try:
        return keyring.get_password(SERVICE, _account(data_dir, what))
    except keyring.errors.KeyringError as exc:
        raise KeyUnavailable(f"The system keychain could not be read: {exc}") from exc


def keyring_set(data_dir: Path, what: str, value: str) -> None:
    keyring.set_password(SERVICE, _account(data_dir, what), value)


def keyring_delete(data_dir: Path, what: str) -> None:
    try:
        keyring.delete_password(SERVICE, _account(data_dir, what))
    except keyring.errors.KeyringError:
        pass


def _derive(passphrase: str, salt: bytes, n: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=8, p=1).derive(passphrase.encode("utf-8"))


def wrap_key(key: bytes, passphrase: str) -> dict[str, object]:
    salt, nonce = os.urandom(16), os.urandom(12)
    sealed = ChaCha20Poly1305(_derive(passphrase, salt, SCRYPT_N)).encrypt(nonce, key, b"canvass-store-key")
    b64 = base64.b64encode
    return {
        "version": 1,
        "kdf": "scrypt",
        "n": SCRYPT_N,
        "r": 8,
        "p": 1,
        "salt": b64(salt).decode(),
        "nonce": b64(nonce).decode(),
        "sealed": b64(sealed).decode(),
    }


def unwrap_key(wrapped: dict[str, object], passphrase: str) -> bytes:
    def field(name: str) -> bytes:
        return base64.b64decode(str(wrapped[name]))

    try:
        kek = _derive(passphrase, field("salt"), int(str(wrapped["n"])))
        return ChaCha20Poly1305(kek).decrypt(field("nonce"), field("sealed"), b"canvass-store-key")
    except InvalidTag as exc:
        raise WrongPassphrase("Wrong passphrase: the store was not opened and nothing was changed.") from exc


def _write_private(path: Path, text: str) -> None:
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _passphrase(prompt: PassphrasePrompt | None, new: bool) -> str:
    value = os.environ.get(PASSPHRASE_ENV)
    if not value and prompt is not None:
        value = prompt(new)
    if not value:
        raise PassphraseNeeded(
            "No system keychain is available, so the store is protected by a passphrase: "
            f"set {PASSPHRASE_ENV} or enter it when asked."
        )
    if new and len(value) < MIN_PASSPHRASE:
        raise KeyUnavailable(f"The passphrase must have at least {MIN_PASSPHRASE} characters.")
    return value


def load_or_create_key(data_dir: Path, *, prompt: PassphrasePrompt | None = None) -> KeySource:
    """Return the store key for data_dir, creating and protecting a new one on first run."""
    meta_path = data_dir / KEYSTORE_FILE
    if meta_path.exists():
        kind = json.loads(meta_path.read_text())["kind"]
        if kind == "keyring":
            value = keyring_get(data_dir, "db-key")
            if value is None:
                raise KeyUnavailable(
                    "The store's key is missing from the system keychain; the data in "
                    f"{data_dir} cannot be opened on this account."
                )
            return KeySource(bytes.fromhex(value), "keyring")
        wrapped = json.loads((data_dir / WRAP_FILE).read_text())
        return KeySource(unwrap_key(wrapped, _passphrase(prompt, new=False)), "passphrase")

    key = secrets.token_bytes(32)
    data_dir.mkdir(parents=True, exist_ok=True)
    kind = "passphrase"
    if keyring_works() and not os.environ.get(PASSPHRASE_ENV):
        try:
            keyring_set(data_dir, "db-key", key.hex())
            if keyring_get(data_dir, "db-key") == key.hex():
                kind = "keyring"
        except Exception as exc:  # a backend that lists itself but cannot store
            log.warning("system keychain unusable (%s); falling back to a passphrase", type(exc).__name__)
    if kind == "passphrase":
        wrapped = wrap_key(key, _passphrase(prompt, new=True))
        _write_private(data_dir / WRAP_FILE, json.dumps(wrapped))
    _write_private(meta_path, json.dumps({"kind": kind}))
    return KeySource(key, kind)


def change_passphrase(data_dir: Path, old: str, new: str) -> None:
    """Re-wrap the store key under a new passphrase (passphrase-protected stores only)."""
    if len(new) < MIN_PASSPHRASE:
        raise KeyUnavailable(f"The passphrase must have at least {MIN_PASSPHRASE} characters.")
    wrap_path = data_dir / WRAP_FILE
    key = unwrap_key(json.loads(wrap_path.read_text()), old)
    _write_private(wrap_path, json.dumps(wrap_key(key, new)))
