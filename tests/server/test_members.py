"""Members: added, listed, suspended and removed from the command line and by county leads over the API; devices
belong to members; the author of a contact is the device's member, whatever the op says."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ed25519, x25519
from fastapi.testclient import TestClient
from helpers.server import Device, seed_county
from sqlalchemy import select

from canvass_protocol import envelope, trust, wire
from canvass_server.db import Database
from canvass_server.models import ContactAttempt, County


def _add(cli: Any, name: str, role: str, county: str = "Wake") -> int:
    code, out, err = cli("members", "add", "--county", county, "--state", "NC", "--name", name, "--role", role,
                         "--json")
    assert code == 0, err
    return int(json.loads(out)["id"])


def _code(cli: Any, member_id: int) -> str:
    code, out, err = cli("enrollment-code", "--member", str(member_id), "--expires-hours", "2", "--json")
    assert code == 0, err
    return str(json.loads(out)["code"])


def _enroll(client: TestClient, code: str, label: str = "laptop") -> Any:
    key = envelope.b64(envelope.raw_public(ed25519.Ed25519PrivateKey.generate().public_key()))
    return client.post("/v1/enroll", json=trust.enroll_request(code, key, label).model_dump())


def test_members_from_the_command_line(cli: Any, client: TestClient, database: Database) -> None:
    lee = _add(cli, "Lee Lead", "county_lead", "Durham")
    ana = _add(cli, "Ana", "canvasser", "DURHAM")  # the same county, in any case
    _add(cli, "Wes", "volunteer", "Wake")
    with database.session() as s:
        assert s.scalars(select(County.name).order_by(County.name)).all() == ["Durham", "Wake"]
    code, out, _ = cli("members", "list", "--county", "durham", "--state", "nc", "--json")
    assert code == 0
    listed = json.loads(out)
    assert [(m["id"], m["name"], m["role"], m["status"], m["county"]) for m in listed] == [
        (ana, "Ana", "canvasser", "active", "Durham"), (lee, "Lee Lead", "county_lead", "active", "Durham")]
    assert all(dt.datetime.fromisoformat(m["created_at"]).utcoffset() == dt.timedelta(0) for m in listed)  # SQLite too
    code, out, _ = cli("members", "list")
    assert code == 0
    assert "3 member(s), 3 active" in out

    enrolled = _enroll(client, _code(cli, ana), "Ana's laptop").json()
    assert enrolled["member"] == {"id": ana, "name": "Ana", "role": "canvasser"}
    assert enrolled["county"] == {"name": "Durham", "state": "NC"}
    code, out, _ = cli("devices")
    assert f"member {ana} Ana" in out
    code, out, _ = cli("enrollment-codes", "list", "--json")
    [used] = json.loads(out)
    assert (used["member_id"], used["member"], used["county"], used["role"], used["created_by"], used["status"]) \
        == (ana, "Ana", "Durham", "canvasser", None, "used")
    assert "code" not in used

    code, out, _ = cli("members", "suspend", str(ana))
    assert code == 0
    assert f"member {ana} (Ana) suspended; 1 device(s)" in out
    assert client.get("/v1/device", headers={"Authorization": f"Bearer {enrolled['token']}"}).json()["wipe"] is True
    code, _, err = cli("enrollment-code", "--member", str(ana))
    assert code == 2
    assert "suspended" in err
    code, out, _ = cli("members", "remove", str(ana), "--json")
    assert json.loads(out)["status"] == "removed"
    code, _, err = cli("members", "suspend", str(ana))
    assert (code, "was removed" in err) == (2, True)


def test_command_line_refusals_are_clear(cli: Any) -> None:
    for argv, reason in [
        (("members", "add", "--county", "Wake", "--name", "Bo", "--role", "boss"), "unknown role"),
        (("members", "add", "--county", " ", "--name", "Bo", "--role", "canvasser"), "county"),
        (("members", "suspend", "42"), "no member 42"),
        (("members", "remove", "42"), "no member 42"),
        (("members", "list", "--county", "Nowhere"), "no county Nowhere NC"),
        (("enrollment-code", "--member", "42"), "no member 42"),
        (("enrollment-code", "--county", "Wake", "--role", "boss"), "unknown role"),
        (("enrollment-code",), "--member"),
        (("enrollment-codes", "revoke", "42"), "no enrollment code 42"),
    ]:
        code, out, err = cli(*argv)
        assert (code, out) == (2, ""), argv
        assert reason in err, (argv, err)
        assert "Traceback" not in err


def test_codes_are_listed_and_revoked(cli: Any, client: TestClient) -> None:
    ana = _add(cli, "Ana", "canvasser")
    code = _code(cli, ana)
    _, out, _ = cli("enrollment-codes", "list", "--json")
    [listed] = json.loads(out)
    assert listed["status"] == "unused"
    assert cli("enrollment-codes", "revoke", str(listed["id"]))[0] == 0
    _, out, _ = cli("enrollment-codes", "list")
    assert "revoked" in out
    assert code not in out
    r = _enroll(client, code)
    assert (r.status_code, r.json()["code"]) == (410, "enrollment_code_revoked")


def test_county_leads_manage_the_roles_below_theirs_in_their_county(make_device: Any, cli: Any) -> None:
    lead: Device = make_device(role="county_lead", label="Lee")
    canvasser: Device = make_device(label="Cam")
    durham = _add(cli, "Dee", "canvasser", "Durham")
    other_lead = _add(cli, "Kim", "county_lead")

    r = lead.client.post("/v1/members", json={"name": "Ana", "role": "canvasser", "email": "ana@example.org"},
                         headers=lead.auth)
    assert r.status_code == 201, r.text
    ana = r.json()
    assert (ana["name"], ana["role"], ana["status"]) == ("Ana", "canvasser", "active")
    _, out, _ = cli("members", "list", "--county", "Wake", "--json")
    assert {(m["name"], m["added_by"]) for m in json.loads(out)} >= {("Ana", lead.member.id)}
    listed = lead.client.get("/v1/members", headers=lead.auth).json()
    assert {m["name"] for m in listed} == {"Lee", "Cam", "Kim", "Ana"}

    for refused in (
        lead.client.post("/v1/members", json={"name": "Zed", "role": "county_lead"}, headers=lead.auth),
        lead.client.post(f"/v1/members/{durham}/suspend", headers=lead.auth),
        lead.client.post(f"/v1/members/{other_lead}/remove", headers=lead.auth),
        lead.client.get("/v1/members", params={"county": "Durham", "state": "NC"}, headers=lead.auth),
        canvasser.client.post("/v1/members", json={"name": "Zed", "role": "volunteer"}, headers=canvasser.auth),
        canvasser.client.get("/v1/members", headers=canvasser.auth),
    ):
        assert refused.status_code == 403, refused.text
        assert refused.json()["code"] == "forbidden"
    assert lead.client.post("/v1/members/9999/suspend", headers=lead.auth).status_code == 404

    r = lead.client.post(f"/v1/members/{canvasser.member.id}/suspend", headers=lead.auth)
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "suspended"
    gone = canvasser.client.get("/v1/changes", params={"scope": "briefs"}, headers=canvasser.auth)
    assert (gone.status_code, gone.json()["code"]) == (403, "device_revoked")
    assert lead.client.post(f"/v1/members/{ana['id']}/remove", headers=lead.auth).json()["status"] == "removed"


def test_suspending_a_lead_revokes_their_devices_and_the_codes_they_made(make_device: Any, cli: Any) -> None:
    lead: Device = make_device(role="county_lead", label="Lee")
    ana, ben = _add(cli, "Ana", "canvasser"), _add(cli, "Ben", "canvasser")
    spent = lead.client.post("/v1/enrollment-codes", json={"member_id": ana}, headers=lead.auth).json()["code"]
    ana_device = _enroll(lead.client, spent).json()
    unused = lead.client.post("/v1/enrollment-codes", json={"member_id": ben}, headers=lead.auth).json()["code"]
    hosts = _code(cli, ben)  # made on the host: not the lead's

    code, out, _ = cli("members", "suspend", str(lead.member.id), "--json")
    assert code == 0
    assert (json.loads(out)["devices_revoked"], json.loads(out)["codes_revoked"]) == (1, 1)
    r = lead.client.get("/v1/changes", params={"scope": "voters"}, headers=lead.auth)
    assert (r.status_code, r.json()["code"]) == (403, "device_revoked")
    r = _enroll(lead.client, unused)
    assert (r.status_code, r.json()["code"]) == (410, "enrollment_code_revoked")
    _, out, _ = cli("enrollment-codes", "list", "--json")
    assert [(c["member"], c["created_by"], c["status"]) for c in json.loads(out)] == [
        (None, None, "used"),  # the lead's own, from the host's shortcut
        ("Ana", lead.member.id, "used"), ("Ben", lead.member.id, "revoked"), ("Ben", None, "unused")]
    assert _enroll(lead.client, hosts).status_code == 201
    ana_auth = {"Authorization": f"Bearer {ana_device['token']}"}
    assert lead.client.get("/v1/device", headers=ana_auth).json()["status"] == "active"  # Ana keeps her device


def _forge(client: TestClient, enrolled: Device, payload: dict[str, Any], seq: int) -> dict[str, Any]:
    """One contact op written by hand, following docs/sync-protocol.md: sealed, signed and posted."""
    server_key = wire.ServerKey.model_validate(client.get("/v1/server-key").json())
    ops = [{"op_id": str(uuid.uuid4()), "seq": seq, "type": "contact_attempt", "schema_version": 2,
            "payload": payload}]
    batch_id = str(uuid.uuid4())
    header = wire.BatchHeader(device_id=enrolled.device_id, key_id=server_key.key_id, batch_id=batch_id,
                              seq_first=seq, seq_last=seq, op_count=1, created_at=dt.datetime.now(dt.UTC).isoformat())
    sealed = envelope.seal(header, wire.BatchBody.model_validate({"ops": ops}),
                           x25519.X25519PublicKey.from_public_bytes(envelope.unb64(server_key.public_key)),
                           enrolled.key)
    r = client.post("/v1/batches", content=sealed, headers={
        **enrolled.auth, "Idempotency-Key": batch_id, "Content-Type": wire.BATCH_CONTENT_TYPE})
    assert r.status_code == 200, r.text
    return dict(r.json()["results"][0])


def test_a_contact_is_signed_by_the_device_member_never_by_the_payload(make_device: Any, database: Database,
                                                                        client: TestClient) -> None:
    ids = seed_county(database)
    lead: Device = make_device(role="county_lead", label="Lee")
    make_device(label="Someone Else")
    contact = {"id": str(uuid.uuid4()), "county": {"name": "WAKE", "state": "NC"}, "state_voter_id": ids[0],
               "result": "C", "created_at": "2026-05-01T12:00:00+00:00"}
    forged = _forge(client, lead, contact | {"canvasser": "Someone Else"}, seq=1)
    assert (forged["status"], forged["code"]) == ("rejected", "invalid_payload")
    honest = _forge(client, lead, contact, seq=2)
    assert honest["status"] == "applied"
    with database.session() as s:
        rows = s.execute(select(ContactAttempt.member_id, ContactAttempt.canvasser, ContactAttempt.device_id)).all()
    assert rows == [(lead.member.id, "Lee", lead.device_id)]
