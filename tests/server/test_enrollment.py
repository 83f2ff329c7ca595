"""Enrollment codes (one-time, expiring, for a member or the host's county + role shortcut), device tokens (hash
only), list series, listing and revocation."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519
from fastapi.testclient import TestClient
from helpers.server import Device, enrollment_code
from sqlalchemy import select, update

from canvass_protocol import envelope, trust, wire
from canvass_server import devices, enrollment, members
from canvass_server.db import Database
from canvass_server.models import Device as DeviceRow
from canvass_server.models import EnrollmentCode, Member


def _enroll(client: TestClient, code: str) -> Any:
    key = envelope.b64(envelope.raw_public(ed25519.Ed25519PrivateKey.generate().public_key()))
    return client.post("/v1/enroll", json=trust.enroll_request(code, key, "Sam").model_dump())


def test_enrollment_gives_device_id_token_and_server_key(client: TestClient, database: Database) -> None:
    code = enrollment_code(database, "Wake", "NC", "county_lead")
    r = _enroll(client, code.lower().replace("-", " "))  # codes are forgiving about case and separators
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["role"] == "county_lead"
    assert body["county"] == {"name": "Wake", "state": "NC"}
    assert body["server_key"] == client.get("/v1/server-key").json()
    # The host's shortcut code: enrolling made the member, named by the device's label.
    assert body["member"]["name"] == "Sam"
    assert body["member"]["role"] == "county_lead"
    assert body["list_prefix"] == "T1-"
    with database.session() as s:
        row = s.get_one(DeviceRow, body["device_id"])
        assert row.member_id == body["member"]["id"]
        assert s.get_one(Member, row.member_id).county_id == row.county_id
        assert row.token_hash == devices.sha256_hex(body["token"])
        assert body["token"] not in repr(row.__dict__)
        assert s.scalar(select(EnrollmentCode.code_hash)) != code
    assert body["signing_key"] and body["proof"]


def test_the_code_never_travels_and_the_answer_is_bound_to_it(client: TestClient, database: Database) -> None:
    code = enrollment_code(database, role="county_lead")
    key = envelope.b64(envelope.raw_public(ed25519.Ed25519PrivateKey.generate().public_key()))
    request = trust.enroll_request(code, key, "Sam").model_dump()
    assert trust.normalise_code(code) not in repr(request) and code not in repr(request)
    answer = wire.EnrollResponse.model_validate(client.post("/v1/enroll", json=request).json())
    assert trust.answer_is_genuine(trust.code_key(code), answer, key)
    assert not trust.answer_is_genuine(trust.code_key("AAAA-BBBB-CCCC"), answer, key)
    other = envelope.b64(envelope.raw_public(ed25519.Ed25519PrivateKey.generate().public_key()))
    assert not trust.answer_is_genuine(trust.code_key(code), answer, other)  # bound to the device's key too


def test_a_proof_without_the_code_is_refused_and_spends_nothing(client: TestClient, database: Database) -> None:
    code = enrollment_code(database)
    key = envelope.b64(envelope.raw_public(ed25519.Ed25519PrivateKey.generate().public_key()))
    forged = trust.enroll_request(code, key, "Sam").model_copy(
        update={"proof": trust.request_proof(trust.code_key("AAAA-BBBB-CCCC"), key, "Sam")})
    r = client.post("/v1/enroll", json=forged.model_dump())
    assert (r.status_code, r.json()["code"]) == (401, "enrollment_code_invalid")
    swapped = trust.enroll_request(code, key, "Sam").model_copy(  # someone in the middle swaps the device key
        update={"public_key": envelope.b64(envelope.raw_public(ed25519.Ed25519PrivateKey.generate().public_key()))})
    assert client.post("/v1/enroll", json=swapped.model_dump()).status_code == 401
    assert _enroll(client, code).status_code == 201


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
    r = client.post("/v1/enroll", json=trust.enroll_request(code, envelope.b64(b"x" * 31)).model_dump())
    assert r.status_code == 400
    assert _enroll(client, code).status_code == 201


def _member(database: Database, name: str, role: str = "canvasser", county: str = "Wake") -> int:
    with database.session() as s:
        return members.add_member(s, county=county, state="NC", name=name, role=role).id


def test_county_leads_make_codes_for_the_members_they_manage(make_device: Any, database: Database) -> None:
    lead: Device = make_device(role="county_lead", label="Lee")
    canvasser: Device = make_device()
    ana, wake_lead, durham = _member(database, "Ana"), _member(database, "Kim", "county_lead"), _member(
        database, "Dee", county="Durham")
    r = lead.client.post("/v1/enrollment-codes", json={"member_id": ana}, headers=lead.auth)
    assert r.status_code == 201, r.text
    assert r.json()["member"] == {"id": ana, "name": "Ana", "role": "canvasser"}
    enrolled = _enroll(lead.client, r.json()["code"]).json()
    assert enrolled["member"]["id"] == ana  # the code's member, not the label's
    with database.session() as s:
        assert s.scalar(select(EnrollmentCode.created_by).where(EnrollmentCode.member_id == ana)) == \
            lead.member.id
    for other in (wake_lead, durham):
        assert lead.client.post("/v1/enrollment-codes", json={"member_id": other},
                                headers=lead.auth).status_code == 403
    assert lead.client.post("/v1/enrollment-codes", json={"member_id": 9999}, headers=lead.auth).status_code == 404
    own = lead.client.post("/v1/enrollment-codes", json={"member_id": lead.member.id}, headers=lead.auth)
    assert own.status_code == 201  # a second device of their own
    assert canvasser.client.post("/v1/enrollment-codes", json={"member_id": ana},
                                 headers=canvasser.auth).status_code == 403


def test_each_device_of_a_county_gets_its_own_list_series(make_device: Any) -> None:
    assert [make_device().list_prefix for _ in range(3)] == ["T1-", "T2-", "T3-"]
    assert make_device(county="Durham").list_prefix == "T1-"


def test_a_revoked_code_is_refused_and_listed_as_revoked(client: TestClient, database: Database) -> None:
    code = enrollment_code(database)
    with database.session() as s:
        [listed] = enrollment.list_codes(s)
        assert (listed.status, listed.member_id, listed.created_by) == ("unused", None, None)
        assert code not in repr(listed)
        assert enrollment.revoke_code(s, listed.id) == "unused"
        assert [c.status for c in enrollment.list_codes(s)] == ["revoked"]
        with pytest.raises(ValueError, match="no enrollment code 999"):
            enrollment.revoke_code(s, 999)
    r = _enroll(client, code)
    assert r.status_code == 410
    assert r.json()["code"] == "enrollment_code_revoked"


def test_a_code_for_a_suspended_member_is_refused(client: TestClient, database: Database) -> None:
    ana = _member(database, "Ana")
    with database.session() as s:
        code = enrollment.make_enrollment_code(s, member_id=ana).code
        s.execute(update(Member).where(Member.id == ana).values(status="suspended"))
        with pytest.raises(ValueError, match="suspended"):
            enrollment.make_enrollment_code(s, member_id=ana)
    r = _enroll(client, code)
    assert r.status_code == 410
    assert r.json()["code"] == "enrollment_code_revoked"


def test_list_and_revoke(make_device: Any, database: Database) -> None:
    dev: Device = make_device()
    with database.session() as s:
        listed = devices.list_devices(s)
        assert [(d.device_id, d.member_id, d.member) for d in listed] == [(dev.device_id, dev.member.id, "Pat")]
        assert devices.revoke(s, dev.device_id[:8]) is False  # the whole id only, never a prefix
        assert devices.revoke(s, dev.device_id) is True
        assert devices.revoke(s, "ffffffff-nope") is False
    status = dev.client.get("/v1/device", headers=dev.auth).json()
    assert status["status"] == "revoked"
    assert status["wipe"] is True


@pytest.mark.parametrize("role", ["boss", ""])
def test_unknown_roles_are_refused(database: Database, role: str) -> None:
    with database.session() as s, pytest.raises(ValueError, match="unknown role"):
        enrollment.make_enrollment_code(s, county="Wake", state="NC", role=role)
