"""Sealed batches: compress, HPKE-seal to the server key with the header as info, Ed25519-sign; and the inverse.

Byte layout (all lengths unsigned 32-bit big-endian; see docs/sync-protocol.md):

    b"CNVB" | 0x01 | len(header) | header | len(ciphertext) | ciphertext | signature (64 bytes)

`header` is the canonical JSON of a `wire.BatchHeader`; `ciphertext` is HPKE single-shot base-mode output
(`enc` (32 bytes) followed by the AEAD ciphertext) over the zlib-compressed canonical JSON of a
`wire.BatchBody`; the signature covers every byte before it.
"""

from __future__ import annotations

import base64
import hashlib
import struct
import zlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, x25519
from cryptography.hazmat.primitives.hpke import AEAD, KDF, KEM, Suite
from pydantic import ValidationError

from canvass_protocol.wire import BatchBody, BatchHeader, canonical_json

MAGIC = b"CNVB"
FORMAT = 1
SIGNATURE_LEN = 64
MAX_PLAINTEXT = 32 * 1024 * 1024
SUITE = Suite(KEM.X25519, KDF.HKDF_SHA256, AEAD.CHACHA20_POLY1305)
_RAW = serialization.Encoding.Raw, serialization.PublicFormat.Raw


class EnvelopeError(Exception):
    """The bytes are not a well-formed, authentic batch; `code` is a wire.ErrorCode value."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Parsed:
    """The clear parts of a sealed batch, before any key is used."""

    header: BatchHeader
    header_bytes: bytes
    ciphertext: bytes
    signed: bytes
    signature: bytes


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def raw_public(key: x25519.X25519PublicKey | ed25519.Ed25519PublicKey) -> bytes:
    return key.public_bytes(*_RAW)


def key_id(public_key: x25519.X25519PublicKey) -> str:
    """The server key's id: the first 16 hex digits of SHA-256 over its raw bytes."""
    return hashlib.sha256(raw_public(public_key)).hexdigest()[:16]


def seal(
    header: BatchHeader,
    body: BatchBody,
    server_public: x25519.X25519PublicKey,
    device_key: ed25519.Ed25519PrivateKey,
) -> bytes:
    """The exact bytes to POST (and to store for retries)."""
    header_bytes = header.canonical()
    plaintext = zlib.compress(canonical_json(body.model_dump(mode="json")), 6)
    ciphertext = SUITE.encrypt(plaintext, server_public, info=header_bytes)
    signed = b"".join(
        (MAGIC, bytes([FORMAT]), struct.pack(">I", len(header_bytes)), header_bytes,
         struct.pack(">I", len(ciphertext)), ciphertext)
    )
    return signed + device_key.sign(signed)


def parse(data: bytes) -> Parsed:
    """Split sealed bytes into their parts and validate the header; no key is needed yet."""
    if len(data) < 9 + 4 + SIGNATURE_LEN or data[:4] != MAGIC:
        raise EnvelopeError("malformed_batch", "not a Canvass batch (bad magic or too short)")
    if data[4] != FORMAT:
        raise EnvelopeError("unsupported_version", f"batch format {data[4]} is not supported")
    (hlen,) = struct.unpack_from(">I", data, 5)
    hend = 9 + hlen
    if hend + 4 + SIGNATURE_LEN > len(data):
        raise EnvelopeError("malformed_batch", "header length runs past the end")
    (clen,) = struct.unpack_from(">I", data, hend)
    cend = hend + 4 + clen
    if cend + SIGNATURE_LEN != len(data):
        raise EnvelopeError("malformed_batch", "ciphertext length does not match the body size")
    header_bytes = data[9:hend]
    try:
        header = BatchHeader.model_validate_json(header_bytes)
    except ValidationError as exc:
        fields = ", ".join(".".join(str(p) for p in e["loc"]) or "header" for e in exc.errors())
        raise EnvelopeError("malformed_batch", f"invalid header fields: {fields}") from None
    if header.canonical() != header_bytes:
        raise EnvelopeError("malformed_batch", "header is not in canonical JSON form")
    if header.seq_last < header.seq_first or header.op_count != header.seq_last - header.seq_first + 1:
        raise EnvelopeError("malformed_batch", "seq range and op_count disagree")
    return Parsed(header, header_bytes, data[hend + 4 : cend], data[:cend], data[cend:])


def verify(parsed: Parsed, device_public: bytes) -> None:
    """Check the Ed25519 signature against the device's registered raw public key."""
    try:
        ed25519.Ed25519PublicKey.from_public_bytes(device_public).verify(parsed.signature, parsed.signed)
    except (InvalidSignature, ValueError):
        raise EnvelopeError("bad_signature", "the signature does not verify with the device's key") from None


def open_body(parsed: Parsed, server_private: x25519.X25519PrivateKey, max_plaintext: int = MAX_PLAINTEXT) -> BatchBody:
    """Decrypt, decompress (bounded) and validate the body of a verified batch."""
    try:
        compressed = SUITE.decrypt(parsed.ciphertext, server_private, info=parsed.header_bytes)
    except Exception:
        raise EnvelopeError("bad_envelope", "the envelope does not open with the server key") from None
    inflater = zlib.decompressobj()
    try:
        plaintext = inflater.decompress(compressed, max_plaintext)
    except zlib.error:
        raise EnvelopeError("bad_envelope", "the payload is not valid zlib data") from None
    if inflater.unconsumed_tail:
        raise EnvelopeError("payload_too_large", f"the payload inflates past {max_plaintext} bytes")
    try:
        body = BatchBody.model_validate_json(plaintext)
    except ValidationError as exc:
        fields = ", ".join(".".join(str(p) for p in e["loc"]) for e in exc.errors()[:5])
        raise EnvelopeError("malformed_batch", f"invalid batch body at: {fields}") from None
    seqs = [op.seq for op in body.ops]
    expected = list(range(parsed.header.seq_first, parsed.header.seq_last + 1))
    if seqs != expected:
        raise EnvelopeError("malformed_batch", "ops must carry exactly the header's seq range, in order")
    if len({op.op_id for op in body.ops}) != len(body.ops):
        raise EnvelopeError("malformed_batch", "an op_id appears twice in the batch")
    return body
