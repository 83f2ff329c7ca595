"""POST /v1/enroll (spend a code on a device key; the answer's keys are bound to the code) and
POST /v1/enrollment-codes (a device makes a code)."""

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
    answer = enrollment.answer(session, request, key)
    log.info("device %s enrolled (member %s, %s)", answer.device_id, answer.member.id, answer.member.role)
    return answer


@router.post("/v1/enrollment-codes", response_model=wire.EnrollmentCodeResponse, status_code=201)
def enrollment_code(request: wire.EnrollmentCodeRequest, session: SessionDep,
                    caller: CallerDep) -> wire.EnrollmentCodeResponse:
    return enrollment.issue_enrollment_code(session, caller, request).response()
