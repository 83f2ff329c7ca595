"""This device's sync identity (id, token, Ed25519 key, pinned server keys, URL, CA file, and the member it acts
for): in the keychain, never plaintext.

Where the store key lives in the OS keychain, the identity goes there too (the same `keys.keyring_*` helpers).
Where it does not (the passphrase fallback), `device.wrap` beside the database holds the identity sealed with
ChaCha20-Poly1305 under a key derived (HKDF) from the store key, which is itself only ever on disk wrapped by the
passphrase-derived key: opening the identity needs what opening the store needs, nothing more.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, x25519
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy.engine import make_url

from canvass_app.store import keys
from canvass_app.store.database import Store
from canvass_protocol.envelope import b64, unb64

WRAP_FILE = "device.wrap"
KEYRING_WHAT = "sync-identity"
_AAD = b"canvass-device-identity"


class IdentityError(Exception):
    """The identity cannot be read or written; the message is for people."""


@dataclass(frozen=True)
class Identity:
    device_id: str
    token: str
    private_key: str  # raw Ed25519 private key, base64
    server_url: str
    server_key: str  # pinned raw X25519 public key, base64
    server_key_id: str
    county_name: str = ""
    county_state: str = ""
    role: str = ""  # the member's role, as the server said at enrollment
    member_id: int | None = None  # the member this device acts for (None: enrolled before protocol 2)
    member_name: str = ""
    list_prefix: str = ""  # this device's turf list numbers: "T3-0001", ...
    server_signing_key: str = ""  # pinned raw Ed25519 public key, base64: only its notices wipe this device
    ca_file: str = ""  # the CA file given at enrollment (every sync checks the certificate against it); "": system

    def signing_key(self) -> ed25519.Ed25519PrivateKey:
        return ed25519.Ed25519PrivateKey.from_private_bytes(unb64(self.private_key))

    def server_public(self) -> x25519.X25519PublicKey:
        return x25519.X25519PublicKey.from_public_bytes(unb64(self.server_key))


def new_signing_key() -> tuple[ed25519.Ed25519PrivateKey, str]:
    """A fresh Ed25519 key and its raw private bytes in base64."""
    key = ed25519.Ed25519PrivateKey.generate()
    raw = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                            serialization.NoEncryption())
    return key, b64(raw)


def _store_key(store: Store) -> bytes:
    """The store's raw key, as given to SQLCipher (`x'<hex>'`) when the engine was made."""
    password = make_url(store.engine.url).password or ""
    if not (password.startswith("x'") and password.endswith("'")):
        raise IdentityError("The store key is not available to protect the device identity.")
    return bytes.fromhex(password[2:-1])


def _wrap_key(store: Store) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=None, info=_AAD).derive(_store_key(store))


def _uses_keyring(store: Store) -> bool:
    return store.key_kind == "keyring" and keys.keyring_works()


def save(store: Store, identity: Identity) -> None:
    """Keep the identity for this data dir, replacing any earlier one."""
    text = json.dumps(asdict(identity), sort_keys=True)
    if _uses_keyring(store):
        try:
            keys.keyring_set(store.data_dir, KEYRING_WHAT, text)
            return
        except Exception as exc:  # a keychain that reads but cannot write: fall back, never plaintext
            if keys.keyring_get(store.data_dir, KEYRING_WHAT) is not None:
                raise IdentityError(f"The system keychain refused the device identity: {exc}") from exc
    nonce = os.urandom(12)
    sealed = ChaCha20Poly1305(_wrap_key(store)).encrypt(nonce, text.encode("utf-8"), _AAD)
    blob = json.dumps({"version": 1, "nonce": b64(nonce), "sealed": b64(sealed)})
    keys._write_private(store.data_dir / WRAP_FILE, blob)


def load(store: Store) -> Identity | None:
    """The saved identity, or None when this device has not enrolled (or was wiped)."""
    text: str | None = None
    if _uses_keyring(store):
        text = keys.keyring_get(store.data_dir, KEYRING_WHAT)
    path = store.data_dir / WRAP_FILE
    if text is None and path.exists():
        try:
            blob = json.loads(path.read_text())
            text = ChaCha20Poly1305(_wrap_key(store)).decrypt(unb64(blob["nonce"]), unb64(blob["sealed"]),
                                                              _AAD).decode("utf-8")
        except (InvalidTag, KeyError, ValueError) as exc:
            raise IdentityError(f"{path} cannot be opened with this store's key: enroll the device again.") from exc
    if text is None:
        return None
    data = json.loads(text)
    return Identity(**{k: v for k, v in data.items() if k in Identity.__dataclass_fields__})


def forget(store: Store) -> None:
    """Remove the identity everywhere it may be kept."""
    if _uses_keyring(store):
        keys.keyring_delete(store.data_dir, KEYRING_WHAT)
    (store.data_dir / WRAP_FILE).unlink(missing_ok=True)
