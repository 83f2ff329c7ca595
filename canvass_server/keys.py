"""The server's keys: the X25519 HPKE pair devices seal batches to, and the Ed25519 pair that signs revocation
notices. Made by `init`, kept together in a 0600 file (one base64 line each) or an env var (both, space-separated),
never in the database."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import ed25519, x25519
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
    signing: ed25519.Ed25519PrivateKey
    signing_public_b64: str

    @classmethod
    def of(cls, private: x25519.X25519PrivateKey, signing: ed25519.Ed25519PrivateKey | None = None
           ) -> ServerKeyPair:
        """The pair around `private`; without a signing key, a new one (for a server that lives in one process)."""
        public = private.public_key()
        signing = signing or ed25519.Ed25519PrivateKey.generate()
        return cls(private, envelope.key_id(public), envelope.b64(envelope.raw_public(public)), signing,
                   envelope.b64(envelope.raw_public(signing.public_key())))

    def wire(self) -> wire.ServerKey:
        return wire.ServerKey(key_id=self.key_id, public_key=self.public_b64)

    def secret_text(self) -> str:
        """Both private keys, base64, one per line: the key file's content."""
        return f"{envelope.b64(_raw_private(self.private))}\n{envelope.b64(_raw_private(self.signing))}\n"


def _raw_private(key: x25519.X25519PrivateKey | ed25519.Ed25519PrivateKey) -> bytes:
    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def create_key_file(path: Path) -> tuple[ServerKeyPair, bool]:
    """Make a new key file (owner read/write only) unless one exists; returns the pair and whether it is new.

    A file holding only the HPKE key (made before the signing key existed) gets a signing key added."""
    if path.exists():
        _check_private(path)
        text = path.read_text()
        if len(text.split()) == 1:
            pair = ServerKeyPair.of(_from_b64(text, str(path)).private)
            path.write_text(pair.secret_text())
            return pair, False
        return load_key_file(path), False
    path.parent.mkdir(parents=True, exist_ok=True)
    pair = ServerKeyPair.of(x25519.X25519PrivateKey.generate())
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(pair.secret_text())
    return pair, True


def _from_b64(text: str, where: str) -> ServerKeyPair:
    """The pair from "HPKE SIGNING" (base64 raw 32-byte private keys, any whitespace between); with the HPKE
    key alone, a pair with a throwaway signing key (only `create_key_file` asks for that)."""
    parts = text.split()
    if len(parts) not in (1, 2):
        raise ServerKeyError(f"{where} must hold two base64 private keys (HPKE, then signing)")
    try:
        private = x25519.X25519PrivateKey.from_private_bytes(envelope.unb64(parts[0]))
    except ValueError:
        raise ServerKeyError(f"{where} does not hold a base64 raw 32-byte X25519 private key") from None
    try:
        signing = ed25519.Ed25519PrivateKey.from_private_bytes(envelope.unb64(parts[1])) if parts[1:] else None
    except ValueError:
        raise ServerKeyError(f"{where}: the second key is not a base64 raw 32-byte Ed25519 private key") from None
    return ServerKeyPair.of(private, signing)


def _with_signing_key(text: str, where: str, fix: str) -> ServerKeyPair:
    if len(text.split()) == 1:
        raise ServerKeyError(f"{where} holds the HPKE key but no signing key: {fix}")
    return _from_b64(text, where)


def _check_private(path: Path) -> None:
    if path.stat().st_mode & 0o077:
        raise ServerKeyError(f"{path} is readable by others; run: chmod 600 {path}")


def load_key_file(path: Path) -> ServerKeyPair:
    _check_private(path)
    return _with_signing_key(path.read_text(), str(path), "run `canvass-server init` to add one")


def load(settings: Settings) -> ServerKeyPair:
    """The keys from CANVASS_SERVER_PRIVATE_KEY if set, else from the key file."""
    if settings.server_private_key is not None:
        return _with_signing_key(settings.server_private_key.get_secret_value(), KEY_ENV,
                                 "set it to the two lines of a key file made by `canvass-server init`")
    if not settings.key_file.exists():
        raise ServerKeyError(f"no server key at {settings.key_file}: run `canvass-server init` first")
    return load_key_file(settings.key_file)
