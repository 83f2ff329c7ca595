"""Enrollment codes, device enrollment, bearer-token authentication, listing and revocation."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from canvass_app.sync import wire
from canvass_app.sync.envelope import unb64
from canvass_server.errors import ApiError
from canvass_server.models import County, Device, EnrollmentCode, utcnow
from canvass_server.versions import insert_ignore

E = wire.ErrorCode
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def ensure_county(session: Session, name: str, state: str) -> County:
    """The county row for (name, state), created if new (safe under concurrency)."""
    state = state.upper()
    session.execute(insert_ignore(session, County).values(name=name, state=state))
    return session.execute(select(County).where(County.name == name, County.state == state)).scalar_one()


def find_county(session: Session, name: str, state: str) -> County | None:
    return session.execute(
        select(County).where(func.lower(County.name) == name.lower(), County.state == state.upper())
    ).scalar_one_or_none()


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


def authenticate(session: Session, authorization: str | None, *, lock: bool = False,
                 allow_revoked: bool = False) -> Device:
    """The device behind `Authorization: Bearer <token>`; `lock` row-locks it for the transaction."""
    if not authorization or not authorization.lower().startswith("bearer "):
        raise ApiError(401, E.UNAUTHORIZED, "Missing bearer token.", headers={"WWW-Authenticate": "Bearer"})
    stmt = select(Device).where(Device.token_hash == sha256_hex(authorization[7:].strip()))
    if lock:
        stmt = stmt.with_for_update()
    device = session.execute(stmt).scalar_one_or_none()
    if device is None:
        raise ApiError(401, E.UNAUTHORIZED, "Unknown or invalid token.", headers={"WWW-Authenticate": "Bearer"})
    if device.status != "active" and not allow_revoked:
        raise ApiError(403, E.DEVICE_REVOKED, "This device has been revoked: wipe local voter data.",
                       detail={"wipe": True})
    return device


@dataclass(frozen=True)
class DeviceInfo:
    device_id: str
    county: str
    state: str
    role: str
    label: str
    status: str
    last_seq: int
    created_at: str
    last_seen_at: str | None


def list_devices(session: Session) -> list[DeviceInfo]:
    rows = session.execute(select(Device, County).join(County).order_by(Device.created_at)).all()
    return [
        DeviceInfo(d.id, c.name, c.state, d.role, d.label, d.status, d.last_seq, d.created_at.isoformat(),
                   d.last_seen_at.isoformat() if d.last_seen_at else None)
        for d, c in rows
    ]


def revoke(session: Session, device_id: str) -> bool:
    """Revoke a device (by id or unique id prefix); returns False when no device matches."""
    matches = session.execute(select(Device).where(Device.id.startswith(device_id))).scalars().all()
    if len(matches) > 1:
        raise ValueError(f"{device_id!r} matches {len(matches)} devices; give more of the id")
    if not matches:
        return False
    matches[0].status = "revoked"
    matches[0].revoked_at = utcnow()
    return True


def device_status(device: Device, county: County) -> wire.DeviceStatus:
    return wire.DeviceStatus(
        device_id=device.id, status="active" if device.status == "active" else "revoked",
        wipe=device.status != "active", county=wire.CountyRef(name=county.name, state=county.state),
        role=device.role,
    )
