"""POST /v1/enroll (spend a code on a device key) and POST /v1/enrollment-codes (a device makes a code)."""

from __future__ import annotations

import logging

from fastapi import APIRouter

from canvass_protocol import wire
from canvass_server import enrollment
from canvass_server.api.deps import ERRORS, CallerDep, KeyDep, SessionDep

log = logging.getLogger(__name__)
router = APIRouter(tags=["devices"], responses=ERRORS)


@router.post("/v1/enroll", response_model=wire.EnrollResponse, status_code=201)
def enroll(request: wire.EnrollRequest, session: SessionDep, key: KeyDep) -> wire.EnrollResponse:
    device, county, token = enrollment.enroll(session, request)
    log.info("device %s enrolled (%s)", device.id, device.role)
    return wire.EnrollResponse(device_id=device.id, token=token, county=wire.CountyRef(name=county.name,
                               state=county.state), role=device.role, server_key=key.wire())


@router.post("/v1/enrollment-codes", response_model=wire.EnrollmentCodeResponse, status_code=201)
def enrollment_code(request: wire.EnrollmentCodeRequest, session: SessionDep,
                    caller: CallerDep) -> wire.EnrollmentCodeResponse:
    new = enrollment.issue_enrollment_code(session, caller, request)
    return wire.EnrollmentCodeResponse(code=new.code, county=wire.CountyRef(name=new.county, state=new.state),
                                       role=new.role, expires_at=new.expires_at.isoformat())
