"""Enrollment: one-time codes for a member's new device (only their hash is stored; who made them is kept), listing
and revoking codes, and spending one on a device's key."""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, aliased

from canvass_protocol import trust, wire
from canvass_protocol.envelope import unb64
from canvass_server import members
from canvass_server.authz import Caller, check_may_make_enrollment_code
from canvass_server.devices import ensure_county, member_ref, sha256_hex
from canvass_server.errors import ApiError
from canvass_server.keys import ServerKeyPair
from canvass_server.models import County, Device, EnrollmentCode, Member, utcnow

E = wire.ErrorCode
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L


@dataclass(frozen=True)
class NewCode:
    id: int
    code: str
    county: str
    state: str
    role: str
    member: wire.MemberRef | None  # None: the host's shortcut (the member is made at enrollment)
    expires_at: dt.datetime

    def response(self) -> wire.EnrollmentCodeResponse:
        return wire.EnrollmentCodeResponse.model_validate({
            "id": self.id, "code": self.code, "county": {"name": self.county, "state": self.state},
            "member": self.member, "role": self.role, "expires_at": self.expires_at.isoformat()})


def make_enrollment_code(session: Session, *, member_id: int | None = None, county: str | None = None,
                         state: str | None = None, role: str | None = None, created_by: int | None = None,
                         hours: int = 72) -> NewCode:
    """A one-time code for a new device of member `member_id`, made by member `created_by` (None: the host).

    Without a member (the host's shortcut) the code is for `role` in `county`/`state` (found case-insensitively or
    created), and enrolling with it creates the member, named by the device's label. Raises ValueError ("no member
    42", "unknown role 'boss'") for what cannot be made.
    """
    if hours < 1:
        raise ValueError("a code must last at least 1 hour")
    member: Member | None = None
    if member_id is not None:
        if county or role:
            raise ValueError("give a member, or a county and a role, not both")
        member = members.get_member(session, member_id)
        if member.status != "active":
            raise ValueError(f"member {member.id} ({member.name}) is {member.status}: no code can be made for them")
        county_row, role = session.get_one(County, member.county_id), member.role
    else:
        if role is None and county is None:
            raise ValueError("give a member (--member ID), or a county and a role")
        if role not in wire.ROLES:
            raise ValueError(f"unknown role {role!r}: choose one of {', '.join(wire.ROLES)}")
        if not county or not state:
            raise ValueError("give the county and its state")
        county_row = ensure_county(session, county, state)
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    code = "-".join(raw[i : i + 4] for i in range(0, 12, 4))
    expires = utcnow() + dt.timedelta(hours=hours)
    row = EnrollmentCode(code_hash=trust.code_lookup(raw), code_key=trust.code_key(raw).hex(),
                         county_id=county_row.id, role=role, expires_at=expires, member_id=member_id,
                         created_by=created_by)
    session.add(row)
    session.flush()
    return NewCode(row.id, code, county_row.name, county_row.state, role,
                   member_ref(member) if member else None, expires)


def issue_enrollment_code(session: Session, caller: Caller, request: wire.EnrollmentCodeRequest) -> NewCode:
    """A code made through the API by an enrolled device, for a member the caller manages or for themselves."""
    member = session.get(Member, request.member_id)
    if member is None:
        raise ApiError(404, E.NOT_FOUND, f"no member {request.member_id}")
    check_may_make_enrollment_code(caller, member)
    try:
        return make_enrollment_code(session, member_id=member.id, created_by=caller.member.id,
                                    hours=request.expires_hours)
    except ValueError as exc:
        raise ApiError(400, E.BAD_REQUEST, str(exc)) from exc


# ---- listing and revoking codes ------------------------------------------------------------------------------


def code_status(row: EnrollmentCode, now: dt.datetime) -> str:
    """unused, used, expired or revoked."""
    if row.used_at is not None:
        return "used"
    if row.revoked_at is not None:
        return "revoked"
    return "expired" if row.expires_at <= now else "unused"


@dataclass(frozen=True)
class CodeInfo:
    """A code as listed: never the code itself (only its hash is kept)."""

    id: int
    member_id: int | None
    member: str | None  # the member's name
    county: str
    state: str
    role: str
    created_by: int | None  # the member who made it; None: the host
    created_at: str
    expires_at: str
    status: str


def list_codes(session: Session) -> list[CodeInfo]:
    """Every enrollment code ever made, oldest first."""
    now = utcnow()
    owner = aliased(Member)
    rows = session.execute(
        select(EnrollmentCode, County, owner.name).join(County, County.id == EnrollmentCode.county_id)
        .outerjoin(owner, owner.id == EnrollmentCode.member_id).order_by(EnrollmentCode.id)
    ).all()
    return [CodeInfo(c.id, c.member_id, name, county.name, county.state, c.role, c.created_by,
                     c.created_at.isoformat(), c.expires_at.isoformat(), code_status(c, now))
            for c, county, name in rows]


def revoke_code(session: Session, code_id: int) -> str:
    """Revoke an unused code; returns its status before ("unused", "expired", "revoked"). ValueError when there is
    no such code or it was already used (revoke the device instead)."""
    row = session.get(EnrollmentCode, code_id)
    if row is None:
        raise ValueError(f"no enrollment code {code_id}")
    before = code_status(row, utcnow())
    if before == "used":
        raise ValueError(f"enrollment code {code_id} was already used; revoke its device {row.device_id} instead")
    if row.revoked_at is None:
        row.revoked_at = utcnow()
    return before


# ---- enrolling -----------------------------------------------------------------------------------------------


def list_prefix(device: Device) -> str:
    """The prefix of the turf list numbers this device allocates ("T3-"): its series is unique in the county."""
    return f"T{device.list_series}-"


def _refuse(row: EnrollmentCode | None, session: Session, request: wire.EnrollRequest) -> None:
    # A wrong proof reads like an unknown code, and spends nothing: whoever sent it does not hold the code.
    if row is None or row.code_key is None or not trust.request_is_genuine(bytes.fromhex(row.code_key), request):
        raise ApiError(401, E.ENROLLMENT_CODE_INVALID, "This enrollment code is not known.")
    if row.used_at is not None:
        raise ApiError(410, E.ENROLLMENT_CODE_USED, "This enrollment code has already been used.")
    if row.revoked_at is not None:
        raise ApiError(410, E.ENROLLMENT_CODE_REVOKED, "This enrollment code was revoked; ask for a new one.")
    if row.expires_at <= utcnow():
        raise ApiError(410, E.ENROLLMENT_CODE_EXPIRED, "This enrollment code has expired; ask for a new one.")
    if row.member_id is not None and session.get_one(Member, row.member_id).status != "active":
        raise ApiError(410, E.ENROLLMENT_CODE_REVOKED, "This code's member is suspended or removed.")


def enroll(session: Session, request: wire.EnrollRequest) -> tuple[Device, County, str]:
    """Spend a code on a new device of its member (made now, named by the label, for the host's shortcut codes):
    returns the device, its county and the bearer token (shown once). The request must prove it holds the code
    (canvass_protocol.trust); the code itself never travels."""
    device, county, token, _ = _spend(session, request)
    return device, county, token


def answer(session: Session, request: wire.EnrollRequest, key: ServerKeyPair) -> wire.EnrollResponse:
    """Enroll, and answer with the server's keys bound to the code and to the device's key by `proof`."""
    device, county, token, code_key = _spend(session, request)
    member = session.get_one(Member, device.member_id)
    body = wire.EnrollResponse.model_validate({
        "device_id": device.id, "token": token, "county": {"name": county.name, "state": county.state},
        "role": member.role, "member": member_ref(member), "list_prefix": list_prefix(device),
        "server_key": key.wire(), "signing_key": key.signing_public_b64, "proof": "0" * 64,
    }).model_dump(mode="json")  # the proof covers the answer as the device will read it
    body["proof"] = trust.answer_proof(code_key, body, request.public_key)
    return wire.EnrollResponse.model_validate(body)


def _spend(session: Session, request: wire.EnrollRequest) -> tuple[Device, County, str, bytes]:
    row = session.execute(
        select(EnrollmentCode).where(EnrollmentCode.code_hash == request.code_lookup)
    ).scalar_one_or_none()
    _refuse(row, session, request)
    assert row is not None and row.code_key is not None
    try:
        public = unb64(request.public_key)
    except ValueError:
        public = b""
    if len(public) != 32:
        raise ApiError(400, E.BAD_REQUEST, "public_key must be a base64 raw 32-byte Ed25519 public key.")
    device_id = str(uuid.uuid4())
    # Spend the code atomically: of two concurrent enrollments (or a revocation), only one updates the row.
    spent = session.execute(
        update(EnrollmentCode)
        .where(EnrollmentCode.id == row.id, EnrollmentCode.used_at.is_(None), EnrollmentCode.revoked_at.is_(None))
        .values(used_at=utcnow(), device_id=device_id)
    )
    if spent.rowcount != 1:  # type: ignore[attr-defined]
        raise ApiError(410, E.ENROLLMENT_CODE_USED, "This enrollment code has already been used.")
    if row.member_id is not None:
        member = session.get_one(Member, row.member_id)
    else:
        name = request.label.strip() or f"device {device_id[:8]}"
        member = members.create(session, county_id=row.county_id, name=name, role=row.role, added_by=row.created_by)
    # The county row lock orders concurrent enrollments in a county, so no two devices get the same series.
    session.execute(select(County.id).where(County.id == row.county_id).with_for_update())
    last = session.scalar(select(func.max(Device.list_series)).where(Device.county_id == row.county_id))
    token = "cvt_" + secrets.token_urlsafe(32)
    device = Device(
        id=device_id, county_id=row.county_id, member_id=member.id, role=member.role, label=request.label,
        list_series=(last or 0) + 1, public_key=public, token_hash=sha256_hex(token), status="active", last_seq=0,
    )
    session.add(device)
    session.flush()
    return device, session.get_one(County, row.county_id), token, bytes.fromhex(row.code_key)
