"""POST /v1/enroll (spend a code on a device key) and POST /v1/enrollment-codes (a device makes a code)."""

from __future__ import annotations

import logging

from fastapi import APIRouter

from canvass_protocol import wire
from canvass_server import enrollment
from canvass_server.api.deps import ERRORS, CallerDep, KeyDep, SessionDep
from canvass_server.devices import member_ref
from canvass_server.models import Member

log = logging.getLogger(__name__)
router = APIRouter(tags=["devices"], responses=ERRORS)


@router.post("/v1/enroll", response_model=wire.EnrollResponse, status_code=201)
def enroll(request: wire.EnrollRequest, session: SessionDep, key: KeyDep) -> wire.EnrollResponse:
    device, county, token = enrollment.enroll(session, request)
    member = session.get_one(Member, device.member_id)
    log.info("device %s enrolled (member %s, %s)", device.id, member.id, member.role)
    return wire.EnrollResponse.model_validate({
        "device_id": device.id, "token": token, "county": {"name": county.name, "state": county.state},
        "role": member.role, "member": member_ref(member), "list_prefix": enrollment.list_prefix(device),
        "server_key": key.wire()})


@router.post("/v1/enrollment-codes", response_model=wire.EnrollmentCodeResponse, status_code=201)
def enrollment_code(request: wire.EnrollmentCodeRequest, session: SessionDep,
                    caller: CallerDep) -> wire.EnrollmentCodeResponse:
    return enrollment.issue_enrollment_code(session, caller, request).response()
