"""Enrollment: one-time codes (only their hash is stored) and spending one on a new device's key."""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from canvass_protocol import wire
from canvass_protocol.envelope import unb64
from canvass_server.authz import Caller, check_may_make_enrollment_code
from canvass_server.devices import ensure_county, sha256_hex
from canvass_server.errors import ApiError
from canvass_server.models import County, Device, EnrollmentCode, utcnow

E = wire.ErrorCode
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


@dataclass(frozen=True)
class NewCode:
    code: str
    county: str
    state: str
    role: str
    expires_at: dt.datetime


def make_enrollment_code(session: Session, *, county: str, state: str, role: str, hours: int = 72) -> NewCode:
    """A one-time code (only its hash is stored) for enrolling one device in a county with a role."""
    if role not in wire.ROLES:
        raise ValueError(f"unknown role {role!r}: choose one of {', '.join(wire.ROLES)}")
    row = ensure_county(session, county, state)
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    code = "-".join(raw[i : i + 4] for i in range(0, 12, 4))
    expires = utcnow() + dt.timedelta(hours=hours)
    session.add(EnrollmentCode(code_hash=sha256_hex(raw), county_id=row.id, role=role, expires_at=expires))
    session.flush()
    return NewCode(code, row.name, row.state, role, expires)


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def enroll(session: Session, request: wire.EnrollRequest) -> tuple[Device, County, str]:
    """Spend a code on a new device: returns the device, its county and the bearer token (shown once)."""
    row = session.execute(
        select(EnrollmentCode).where(EnrollmentCode.code_hash == sha256_hex(normalise_code(request.code)))
    ).scalar_one_or_none()
    if row is None:
        raise ApiError(401, E.ENROLLMENT_CODE_INVALID, "This enrollment code is not known.")
    if row.used_at is not None:
        raise ApiError(410, E.ENROLLMENT_CODE_USED, "This enrollment code has already been used.")
    if _aware(row.expires_at) <= utcnow():
        raise ApiError(410, E.ENROLLMENT_CODE_EXPIRED, "This enrollment code has expired; ask for a new one.")
    try:
        public = unb64(request.public_key)
    except ValueError:
        public = b""
    if len(public) != 32:
        raise ApiError(400, E.BAD_REQUEST, "public_key must be a base64 raw 32-byte Ed25519 public key.")
    device_id = str(uuid.uuid4())
    # Spend the code atomically: of two concurrent enrollments, only one updates the row.
    spent = session.execute(
        update(EnrollmentCode)
        .where(EnrollmentCode.id == row.id, EnrollmentCode.used_at.is_(None))
        .values(used_at=utcnow(), device_id=device_id)
    )
    if spent.rowcount != 1:  # type: ignore[attr-defined]
        raise ApiError(410, E.ENROLLMENT_CODE_USED, "This enrollment code has already been used.")
    token = "cvt_" + secrets.token_urlsafe(32)
    device = Device(
        id=device_id, county_id=row.county_id, role=row.role, label=request.label, public_key=public,
        token_hash=sha256_hex(token), status="active", last_seq=0,
    )
    session.add(device)
    session.flush()
    return device, session.get_one(County, row.county_id), token


def issue_enrollment_code(session: Session, caller: Caller, request: wire.EnrollmentCodeRequest) -> NewCode:
    """A code made through the API by an enrolled device, within what the caller's role allows (else 403)."""
    check_may_make_enrollment_code(caller, county=request.county, role=request.role)
    return make_enrollment_code(session, county=request.county.name, state=request.county.state,
                                role=request.role, hours=request.expires_hours)
