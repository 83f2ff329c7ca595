"""Who may make enrollment codes, decided in canvass_server.authz and applied the same way through the API."""

from __future__ import annotations

from typing import Any

import pytest
from helpers.server import Device as SimDevice

from canvass_protocol import wire
from canvass_server.authz import Caller, check_may_make_enrollment_code
from canvass_server.errors import ApiError
from canvass_server.models import County, Device

WAKE = wire.CountyRef(name="Wake", state="NC")
DURHAM = wire.CountyRef(name="Durham", state="NC")


def _caller(role: str) -> Caller:
    return Caller(Device(id="d", county_id=1, role=role, label="Pat"), County(id=1, name="Wake", state="NC"))


@pytest.mark.parametrize(("role", "county", "minted", "allowed"), [
    ("admin", DURHAM, "admin", True),
    ("admin", WAKE, "canvasser", True),
    ("county_lead", WAKE, "canvasser", True),
    ("county_lead", wire.CountyRef(name="wake", state="NC"), "county_lead", True),
    ("county_lead", WAKE, "admin", False),
    ("county_lead", DURHAM, "canvasser", False),
    ("canvasser", WAKE, "canvasser", False),
])
def test_who_may_make_codes(role: str, county: wire.CountyRef, minted: str, allowed: bool) -> None:
    if allowed:
        check_may_make_enrollment_code(_caller(role), county=county, role=minted)
        return
    with pytest.raises(ApiError) as refused:
        check_may_make_enrollment_code(_caller(role), county=county, role=minted)
    assert refused.value.status == 403
    assert refused.value.code == wire.ErrorCode.FORBIDDEN
    assert role in refused.value.message


def test_an_admin_device_makes_codes_for_any_county_through_the_api(make_device: Any) -> None:
    admin: SimDevice = make_device(role="admin")
    r = admin.client.post("/v1/enrollment-codes", json={"county": {"name": "Durham", "state": "NC"},
                                                        "role": "county_lead"}, headers=admin.auth)
    assert r.status_code == 201, r.text
    assert r.json()["county"] == {"name": "Durham", "state": "NC"}
    lead = SimDevice(admin.client, r.json()["code"], "Durham")
    refused = lead.client.post("/v1/enrollment-codes", json={"county": {"name": "Wake", "state": "NC"},
                                                             "role": "canvasser"}, headers=lead.auth)
    assert refused.status_code == 403
    assert "Durham NC" in refused.json()["message"]


def test_a_revoked_device_makes_no_codes(make_device: Any, database: Any) -> None:
    from canvass_server.devices import revoke

    lead: SimDevice = make_device(role="county_lead")
    with database.session() as s:
        revoke(s, lead.device_id)
    r = lead.client.post("/v1/enrollment-codes", json={"county": {"name": "Wake", "state": "NC"},
                                                       "role": "canvasser"}, headers=lead.auth)
    assert r.status_code == 403
    assert r.json()["code"] == "device_revoked"
