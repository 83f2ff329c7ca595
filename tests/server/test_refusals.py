"""Every refusal of POST /v1/batches: the right status and code, and nothing applied."""

from __future__ import annotations

import os
import uuid
from typing import Any

from cryptography.hazmat.primitives.asymmetric import x25519
from fastapi.testclient import TestClient
from helpers.server import Device, count, seed_county

from canvass_protocol import envelope, wire
from canvass_server.app import create_app
from canvass_server.config import Settings
from canvass_server.db import Database
from canvass_server.devices import revoke
from canvass_server.keys import ServerKeyPair


def _refused(r: Any, status: int, code: str, database: Database) -> None:
    assert r.status_code == status, r.text
    assert r.json()["code"] == code
    assert count(database, "contact_attempt") == 0
    assert count(database, "batch") == 0
    assert count(database, "applied_op") == 0


def test_no_token_or_unknown_token(make_device: Any, database: Database) -> None:
    ids = seed_county(database)
    dev: Device = make_device()
    batch_id, data = dev.seal(dev.ops(dev.contact(ids[0])))
    _refused(dev.post(batch_id, data, Authorization=""), 401, "unauthorized", database)
    _refused(dev.post(batch_id, data, Authorization="Bearer cvt_forged"), 401, "unauthorized", database)


def test_revoked_device(make_device: Any, database: Database) -> None:
    ids = seed_county(database)
    dev: Device = make_device()
    with database.session() as s:
        revoke(s, dev.device_id)
    r = dev.push(dev.contact(ids[0]))
    _refused(r, 403, "device_revoked", database)
    assert r.json()["detail"] == {"wipe": True}


def test_header_naming_another_device(make_device: Any, database: Database) -> None:
    ids = seed_county(database)
    dev: Device = make_device()
    other: Device = make_device()
    batch_id, data = dev.seal(dev.ops(dev.contact(ids[0])), device_id=other.device_id)
    _refused(dev.post(batch_id, data), 403, "wrong_device", database)


def test_signature_by_another_key(make_device: Any, database: Database) -> None:
    ids = seed_county(database)
    dev: Device = make_device()
    thief: Device = make_device()
    batch_id, data = thief.seal(dev.ops(dev.contact(ids[0])), device_id=dev.device_id)
    _refused(dev.post(batch_id, data), 401, "bad_signature", database)


def test_tampered_bytes(make_device: Any, database: Database) -> None:
    ids = seed_county(database)
    dev: Device = make_device()
    batch_id, data = dev.seal(dev.ops(dev.contact(ids[0])))
    flipped = bytearray(data)
    flipped[len(data) - 80] ^= 1  # inside the ciphertext
    _refused(dev.post(batch_id, bytes(flipped)), 401, "bad_signature", database)
    _refused(dev.post(batch_id, b"not a batch at all"), 400, "malformed_batch", database)
    _refused(dev.post(batch_id, data[:-1]), 400, "malformed_batch", database)


def test_idempotency_key_missing_or_different(make_device: Any, database: Database) -> None:
    ids = seed_county(database)
    dev: Device = make_device()
    batch_id, data = dev.seal(dev.ops(dev.contact(ids[0])))
    h = {**dev.auth, "Content-Type": wire.BATCH_CONTENT_TYPE}
    r = dev.client.post("/v1/batches", content=data, headers=h)
    _refused(r, 400, "idempotency_key_missing", database)
    _refused(dev.post(str(uuid.uuid4()), data), 400, "idempotency_key_mismatch", database)


def test_sealed_to_another_server_key(make_device: Any, database: Database) -> None:
    ids = seed_county(database)
    dev: Device = make_device()
    ops = dev.ops(dev.contact(ids[0]))
    _refused(dev.post(*dev.seal(ops, key_id="0123456789abcdef")), 400, "unknown_server_key", database)
    real = dev.server_public
    dev.server_public = x25519.X25519PrivateKey.generate().public_key()  # right key id, wrong key
    _refused(dev.post(*dev.seal(ops)), 400, "bad_envelope", database)
    dev.server_public = real
    assert dev.post(*dev.seal(ops)).status_code == 200


def test_size_and_rate_limits(settings: Settings, server_key: ServerKeyPair, database: Database) -> None:
    ids = seed_county(database)
    small = Settings(database_url=settings.database_url, server_key_file=settings.key_file, max_batch_bytes=2000,
                     rate_limit_per_minute=3)  # the refused streamed batch below counts too
    app = create_app(small, server_key)
    with TestClient(app) as client:
        from helpers.server import enrollment_code
        dev = Device(client, enrollment_code(database, role="county_lead"))  # a lead reaches the whole county
        big = dev.contact(ids[0], note=envelope.b64(os.urandom(2400)))  # incompressible
        _refused(dev.push(big), 413, "payload_too_large", database)
        batch_id, data = dev.seal(dev.ops(big))
        streamed = client.post("/v1/batches", content=iter([data[:1500], data[1500:]]),  # chunked: no length
                               headers={**dev.auth, "Idempotency-Key": batch_id})
        _refused(streamed, 413, "payload_too_large", database)
        dev.seq = 0
        assert dev.push(dev.contact(ids[0])).status_code == 200
        assert dev.push(dev.contact(ids[1])).status_code == 200
        r = dev.push(dev.contact(ids[2]))
        assert r.status_code == 429
        assert r.json()["code"] == "rate_limited"
        assert int(r.headers["Retry-After"]) > 0
    app.state.db.dispose()
    assert count(database, "contact_attempt") == 2
