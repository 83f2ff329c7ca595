"""Devices: counties they belong to, bearer-token authentication, status, listing and revocation."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from canvass_protocol import wire
from canvass_server.errors import ApiError
from canvass_server.models import County, Device, utcnow
from canvass_server.versions import insert_ignore

E = wire.ErrorCode


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def ensure_county(session: Session, name: str, state: str) -> County:
    """The county row for (name, state), created if new (safe under concurrency)."""
    state = state.upper()
    session.execute(insert_ignore(session, County).values(name=name, state=state))
    return session.execute(select(County).where(County.name == name, County.state == state)).scalar_one()


def find_county(session: Session, name: str, state: str) -> County | None:
    return session.execute(
        select(County).where(func.lower(County.name) == name.lower(), County.state == state.upper())
    ).scalar_one_or_none()


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
