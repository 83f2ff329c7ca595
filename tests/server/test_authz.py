"""Who may manage members and make their enrollment codes, decided in canvass_server.authz over roles.MANAGES and
applied the same way through the API."""

from __future__ import annotations

from typing import Any

import pytest
from helpers.server import Device as SimDevice

from canvass_protocol import wire
from canvass_server import members
from canvass_server.authz import Caller, check_may_make_enrollment_code, check_may_manage
from canvass_server.errors import ApiError
from canvass_server.models import County, Device, Member

WAKE, DURHAM = 1, 2


def _caller(role: str) -> Caller:
    return Caller(Device(id="d", county_id=WAKE, role=role, label="Pat"),
                  Member(id=1, county_id=WAKE, name="Pat", role=role), County(id=WAKE, name="Wake", state="NC"))


@pytest.mark.parametrize(("role", "county_id", "managed", "allowed"), [
    ("admin", DURHAM, "admin", True),
    ("admin", WAKE, "canvasser", True),
    ("county_lead", WAKE, "canvasser", True),
    ("county_lead", WAKE, "volunteer", True),
    ("county_lead", WAKE, "county_lead", False),
    ("county_lead", WAKE, "admin", False),
    ("county_lead", DURHAM, "canvasser", False),
    ("canvasser", WAKE, "volunteer", False),
    ("volunteer", WAKE, "volunteer", False),
])
def test_who_may_manage_and_make_codes(role: str, county_id: int, managed: str, allowed: bool) -> None:
    member = Member(id=2, county_id=county_id, name="Ana", role=managed)
    for check in (lambda: check_may_manage(_caller(role), county_id=county_id, role=managed),
                  lambda: check_may_make_enrollment_code(_caller(role), member)):
        if allowed:
            check()
            continue
        with pytest.raises(ApiError) as refused:
            check()
        assert refused.value.status == 403
        assert refused.value.code == wire.ErrorCode.FORBIDDEN
        assert role in refused.value.message


@pytest.mark.parametrize(("role", "allowed"), [("county_lead", True), ("admin", True), ("canvasser", False)])
def test_codes_for_oneself_only_for_those_who_manage(role: str, allowed: bool) -> None:
    caller = _caller(role)
    if allowed:
        check_may_make_enrollment_code(caller, caller.member)
    else:
        with pytest.raises(ApiError):
            check_may_make_enrollment_code(caller, caller.member)


def test_an_admin_device_makes_codes_for_any_county_through_the_api(make_device: Any, database: Any) -> None:
    admin: SimDevice = make_device(role="admin")
    with database.session() as s:
        durham_lead = members.add_member(s, county="Durham", state="NC", name="Dee", role="county_lead").id
        wake = members.add_member(s, county="Wake", state="NC", name="Ann", role="canvasser").id
    r = admin.client.post("/v1/enrollment-codes", json={"member_id": durham_lead}, headers=admin.auth)
    assert r.status_code == 201, r.text
    assert r.json()["county"] == {"name": "Durham", "state": "NC"}
    lead = SimDevice(admin.client, r.json()["code"], "Durham")
    refused = lead.client.post("/v1/enrollment-codes", json={"member_id": wake}, headers=lead.auth)
    assert refused.status_code == 403
    assert "Durham NC" in refused.json()["message"]


def test_a_revoked_device_makes_no_codes(make_device: Any, database: Any) -> None:
    from canvass_server.devices import revoke

    lead: SimDevice = make_device(role="county_lead")
    with database.session() as s:
        revoke(s, lead.device_id)
    r = lead.client.post("/v1/enrollment-codes", json={"member_id": lead.member.id}, headers=lead.auth)
    assert r.status_code == 403
    assert r.json()["code"] == "device_revoked"
