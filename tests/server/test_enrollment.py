"""Enrollment codes (one-time, expiring, county + role), device tokens (hash only), listing and revocation."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519
from fastapi.testclient import TestClient
from helpers.server import Device, enrollment_code
from sqlalchemy import select, update

from canvass_protocol import envelope
from canvass_server import devices, enrollment
from canvass_server.db import Database
from canvass_server.models import Device as DeviceRow
from canvass_server.models import EnrollmentCode


def _enroll(client: TestClient, code: str) -> Any:
    key = envelope.b64(envelope.raw_public(ed25519.Ed25519PrivateKey.generate().public_key()))
    return client.post("/v1/enroll", json={"code": code, "public_key": key, "label": "Sam"})


def test_enrollment_gives_device_id_token_and_server_key(client: TestClient, database: Database) -> None:
    code = enrollment_code(database, "Wake", "NC", "county_lead")
    r = _enroll(client, code.lower().replace("-", " "))  # codes are forgiving about case and separators
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["role"] == "county_lead"
    assert body["county"] == {"name": "Wake", "state": "NC"}
    assert body["server_key"] == client.get("/v1/server-key").json()
    with database.session() as s:
        row = s.get_one(DeviceRow, body["device_id"])
        assert row.token_hash == devices.sha256_hex(body["token"])
        assert body["token"] not in repr(row.__dict__)
        assert s.scalar(select(EnrollmentCode.code_hash)) != code


def test_a_code_works_once(client: TestClient, database: Database) -> None:
    code = enrollment_code(database)
    assert _enroll(client, code).status_code == 201
    r = _enroll(client, code)
    assert r.status_code == 410
    assert r.json()["code"] == "enrollment_code_used"


def test_an_expired_code_is_refused(client: TestClient, database: Database) -> None:
    code = enrollment_code(database)
    with database.session() as s:
        s.execute(update(EnrollmentCode).values(expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)))
    r = _enroll(client, code)
    assert r.status_code == 410
    assert r.json()["code"] == "enrollment_code_expired"
    with database.session() as s:
        assert s.scalar(select(DeviceRow.id)) is None


def test_a_wrong_code_is_refused(client: TestClient, database: Database) -> None:
    enrollment_code(database)
    r = _enroll(client, "AAAA-BBBB-CCCC")
    assert r.status_code == 401
    assert r.json()["code"] == "enrollment_code_invalid"


def test_a_bad_public_key_is_refused_and_the_code_kept(client: TestClient, database: Database) -> None:
    code = enrollment_code(database)
    r = client.post("/v1/enroll", json={"code": code, "public_key": envelope.b64(b"x" * 31)})
    assert r.status_code == 400
    assert _enroll(client, code).status_code == 201


def test_county_leads_make_codes_for_their_county_only(make_device: Any) -> None:
    lead: Device = make_device(role="county_lead")
    canvasser: Device = make_device()
    ask = {"county": {"name": "Wake", "state": "NC"}, "role": "canvasser"}
    r = lead.client.post("/v1/enrollment-codes", json=ask, headers=lead.auth)
    assert r.status_code == 201, r.text
    assert _enroll(lead.client, r.json()["code"]).status_code == 201
    other = ask | {"county": {"name": "Durham", "state": "NC"}}
    assert lead.client.post("/v1/enrollment-codes", json=other, headers=lead.auth).status_code == 403
    assert lead.client.post("/v1/enrollment-codes", json=ask | {"role": "admin"}, headers=lead.auth).status_code == 403
    assert canvasser.client.post("/v1/enrollment-codes", json=ask, headers=canvasser.auth).status_code == 403


def test_list_and_revoke(make_device: Any, database: Database) -> None:
    dev: Device = make_device()
    with database.session() as s:
        listed = devices.list_devices(s)
        assert [d.device_id for d in listed] == [dev.device_id]
        assert devices.revoke(s, dev.device_id[:8]) is True
        assert devices.revoke(s, "ffffffff-nope") is False
    status = dev.client.get("/v1/device", headers=dev.auth).json()
    assert status["status"] == "revoked"
    assert status["wipe"] is True


@pytest.mark.parametrize("role", ["boss", ""])
def test_unknown_roles_are_refused(database: Database, role: str) -> None:
    with database.session() as s, pytest.raises(ValueError, match="unknown role"):
        enrollment.make_enrollment_code(s, county="Wake", state="NC", role=role)
