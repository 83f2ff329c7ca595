"""The server's X25519 HPKE key pair: made by `init`, kept in a 0600 file or an env var, never in the database."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import x25519
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from canvass_protocol import envelope, wire
from canvass_server.config import KEY_ENV, Settings


class ServerKeyError(Exception):
    """The private key cannot be had; the message says why."""


@dataclass(frozen=True)
class ServerKeyPair:
    private: x25519.X25519PrivateKey
    key_id: str
    public_b64: str

    @classmethod
    def of(cls, private: x25519.X25519PrivateKey) -> ServerKeyPair:
        public = private.public_key()
        return cls(private, envelope.key_id(public), envelope.b64(envelope.raw_public(public)))

    def wire(self) -> wire.ServerKey:
        return wire.ServerKey(key_id=self.key_id, public_key=self.public_b64)


def _raw_private(key: x25519.X25519PrivateKey) -> bytes:
    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def create_key_file(path: Path) -> tuple[ServerKeyPair, bool]:
    """Make a new key file (owner read/write only) unless one exists; returns the pair and whether it is new."""
    if path.exists():
        return load_key_file(path), False
    path.parent.mkdir(parents=True, exist_ok=True)
    private = x25519.X25519PrivateKey.generate()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(envelope.b64(_raw_private(private)) + "\n")
    return ServerKeyPair.of(private), True


def _from_b64(text: str, where: str) -> ServerKeyPair:
    try:
        raw = envelope.unb64(text.strip())
        return ServerKeyPair.of(x25519.X25519PrivateKey.from_private_bytes(raw))
    except ValueError:
        raise ServerKeyError(f"{where} does not hold a base64 raw 32-byte X25519 private key") from None


def load_key_file(path: Path) -> ServerKeyPair:
    if path.stat().st_mode & 0o077:
        raise ServerKeyError(f"{path} is readable by others; run: chmod 600 {path}")
    return _from_b64(path.read_text(), str(path))


def load(settings: Settings) -> ServerKeyPair:
    """The key from CANVASS_SERVER_PRIVATE_KEY if set, else from the key file."""
    if settings.server_private_key is not None:
        return _from_b64(settings.server_private_key.get_secret_value(), KEY_ENV)
    if not settings.key_file.exists():
        raise ServerKeyError(f"no server key at {settings.key_file}: run `canvass-server init` first")
    return load_key_file(settings.key_file)
