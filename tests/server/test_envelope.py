"""The sealed-batch envelope on its own: round trip, canonical header, tamper and size checks."""

from __future__ import annotations

import struct
import uuid
import zlib

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519, x25519

from canvass_protocol import envelope, wire

SERVER = x25519.X25519PrivateKey.generate()
DEVICE = ed25519.Ed25519PrivateKey.generate()


MARKER = "Zoë Quintessa-Marchbanks"  # long enough never to turn up by chance in random ciphertext ("Zo" did)


def _header(n: int = 2) -> wire.BatchHeader:
    return wire.BatchHeader(device_id="d1", key_id=envelope.key_id(SERVER.public_key()), batch_id=str(uuid.uuid4()),
                            seq_first=1, seq_last=n, op_count=n, created_at="2026-05-01T12:00:00+00:00")


def _body(n: int = 2) -> wire.BatchBody:
    return wire.BatchBody(ops=[wire.Op(op_id=str(uuid.uuid4()), seq=i + 1, type="contact_attempt",
                                       payload={"name": MARKER}) for i in range(n)])


def test_round_trip() -> None:
    header, body = _header(), _body()
    data = envelope.seal(header, body, SERVER.public_key(), DEVICE)
    parsed = envelope.parse(data)
    envelope.verify(parsed, envelope.raw_public(DEVICE.public_key()))
    assert parsed.header == header
    assert envelope.open_body(parsed, SERVER) == body
    assert MARKER.encode() not in data and b"Quintessa" not in data  # the payload is never in clear


def test_header_is_canonical_json() -> None:
    header = _header()
    raw = header.canonical()
    assert raw.startswith(b'{"batch_id":')
    assert b" " not in raw
    data = envelope.seal(header, _body(), SERVER.public_key(), DEVICE)
    (hlen,) = struct.unpack_from(">I", data, 5)
    assert data[:5] == b"CNVB\x01"
    assert data[9 : 9 + hlen] == raw


def test_header_is_bound_to_the_ciphertext() -> None:
    data = envelope.seal(_header(), _body(), SERVER.public_key(), DEVICE)
    parsed = envelope.parse(data)
    other = envelope.Parsed(parsed.header, parsed.header_bytes.replace(b'"d1"', b'"d2"'), parsed.ciphertext,
                            parsed.signed, parsed.signature)
    with pytest.raises(envelope.EnvelopeError) as err:
        envelope.open_body(other, SERVER)
    assert err.value.code == "bad_envelope"


def test_wrong_signer() -> None:
    data = envelope.seal(_header(), _body(), SERVER.public_key(), DEVICE)
    stranger = ed25519.Ed25519PrivateKey.generate().public_key()
    with pytest.raises(envelope.EnvelopeError, match="signature"):
        envelope.verify(envelope.parse(data), envelope.raw_public(stranger))


def test_seq_range_must_match_the_ops() -> None:
    data = envelope.seal(_header(3), _body(2), SERVER.public_key(), DEVICE)
    with pytest.raises(envelope.EnvelopeError, match="seq range"):
        envelope.open_body(envelope.parse(data), SERVER)


def test_decompression_is_bounded() -> None:
    header = _header(1)
    bomb = zlib.compress(b"[" * 10_000_000)
    ct = envelope.SUITE.encrypt(bomb, SERVER.public_key(), info=header.canonical())
    hb = header.canonical()
    signed = b"CNVB\x01" + struct.pack(">I", len(hb)) + hb + struct.pack(">I", len(ct)) + ct
    parsed = envelope.parse(signed + DEVICE.sign(signed))
    with pytest.raises(envelope.EnvelopeError) as err:
        envelope.open_body(parsed, SERVER, max_plaintext=1_000_000)
    assert err.value.code == "payload_too_large"
