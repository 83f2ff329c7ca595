"""Devices: counties they belong to, bearer-token authentication (of an active member's device), status, listing
and revocation."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ed25519
from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import Session

from canvass_protocol import trust, wire
from canvass_server.errors import ApiError
from canvass_server.models import County, Device, Member, utcnow
from canvass_server.versions import insert_ignore

E = wire.ErrorCode


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def ensure_county(session: Session, name: str, state: str) -> County:
    """The county row for (name, state), found case-insensitively ("DURHAM" is Durham), else created as spelled
    (safe under concurrency: the unique index on lower(name), state makes a second insert a no-op)."""
    name = " ".join(name.split())
    if not name:
        raise ValueError("give the county's name")
    found = find_county(session, name, state)
    if found is not None:
        return found
    session.execute(insert_ignore(session, County).values(name=name, state=state.strip().upper()))
    made = find_county(session, name, state)
    assert made is not None
    return made


def find_county(session: Session, name: str, state: str) -> County | None:
    """The county named `name` in `state`, in any case and spacing; None when there is none."""
    return session.execute(
        select(County).where(func.lower(County.name) == " ".join(name.split()).lower(),
                             County.state == state.strip().upper())
    ).scalar_one_or_none()


def authenticate(session: Session, authorization: str | None, *, lock: bool = False,
                 allow_revoked: bool = False) -> Device:
    """The device behind `Authorization: Bearer <token>`; `lock` row-locks it for the transaction."""
    return authenticate_row(session, authorization, lock=lock, allow_revoked=allow_revoked)[0]


def token_hash(authorization: str | None) -> str:
    """The hash the device table keeps of the token in `Authorization: Bearer <token>` (the key every per-device
    cache of this process uses too)."""
    return sha256_hex((authorization or "")[7:].strip())


def authenticate_row(session: Session, authorization: str | None, *, lock: bool = False,
                     allow_revoked: bool = False) -> tuple[Device, Member | None, County]:
    """`authenticate`, with the device's member and county loaded by the same query."""
    key = bearer_hash(authorization)
    row = session.execute(device_row(lock), {"token_hash": key}).one_or_none()
    check_active(row, allow_revoked=allow_revoked)
    assert row is not None
    device, member, county = row
    return device, member, county


def bearer_hash(authorization: str | None) -> str:
    """The token's hash (`token_hash`); 401 when `authorization` is no bearer token."""
    if not authorization or not authorization.lower().startswith("bearer "):
        raise ApiError(401, E.UNAUTHORIZED, "Missing bearer token.", headers={"WWW-Authenticate": "Bearer"})
    return token_hash(authorization)


def check_active(row: Sequence[Any] | None, *, allow_revoked: bool = False) -> None:
    """A row of `device_row` (or of a query that adds columns to it): 401 when there is none, 403 unless its
    device is active and acts for an active member (or for none)."""
    if row is None:
        raise ApiError(401, E.UNAUTHORIZED, "Unknown or invalid token.", headers={"WWW-Authenticate": "Bearer"})
    device: Device = row[0]
    member: Member | None = row[1]
    # A device acts for an active member only (suspending a member also revokes the device; this holds even for a
    # member whose status was changed another way). A device without a member: authz.caller refuses it.
    member_active = member is None or member.status == "active"
    if (device.status != "active" or not member_active) and not allow_revoked:
        raise ApiError(403, E.DEVICE_REVOKED, "This device has been revoked: wipe local voter data.",
                       detail={"wipe": True})


@cache  # built once: every authenticated request runs it
def device_row(lock: bool) -> Select[Device, Member, County]:
    """The device with a token hash, its member and county; `lock` row-locks the device."""
    stmt = (select(Device, Member, County).join(County, County.id == Device.county_id)
            .outerjoin(Member, Member.id == Device.member_id).where(Device.token_hash == bindparam("token_hash")))
    return stmt.with_for_update(of=Device) if lock else stmt


@dataclass(frozen=True)
class DeviceInfo:
    device_id: str
    county: str
    state: str
    role: str
    label: str
    member_id: int | None
    member: str | None  # the member's name
    status: str
    last_seq: int
    created_at: str
    last_seen_at: str | None


def list_devices(session: Session) -> list[DeviceInfo]:
    """Every device, oldest first, with its county and member."""
    rows = session.execute(
        select(Device, County, Member.name).join(County, County.id == Device.county_id)
        .outerjoin(Member, Member.id == Device.member_id).order_by(Device.created_at)
    ).all()
    return [
        DeviceInfo(d.id, c.name, c.state, d.role, d.label, d.member_id, member, d.status, d.last_seq,
                   d.created_at.isoformat(), d.last_seen_at.isoformat() if d.last_seen_at else None)
        for d, c, member in rows
    ]


def revoke(session: Session, device_id: str) -> bool:
    """Revoke a device by its whole id (never a prefix or a pattern); False when no device has that id."""
    device = session.get(Device, device_id)
    if device is None:
        return False
    device.status, device.revoked_at = "revoked", utcnow()
    return True


def reinstate(session: Session, device_id: str) -> bool:
    """Let a revoked device (by its whole id) sync again: it then delivers the ops it kept sealed through its wipe.
    False when no device has that id."""
    device = session.get(Device, device_id)
    if device is None:
        return False
    device.status, device.revoked_at = "active", None
    return True


def member_ref(member: Member) -> wire.MemberRef:
    return wire.MemberRef.model_validate({"id": member.id, "name": member.name, "role": member.role})


def device_status(device: Device, county: County, member: Member | None = None, *,
                  signing: ed25519.Ed25519PrivateKey | None = None, nonce: str | None = None) -> wire.DeviceStatus:
    """What GET /v1/device and the `device` scope answer; `member` is whom the device acts for.

    A revoked device asking with a `nonce` also gets the revocation notice, signed with `signing`: the only answer
    a device wipes on (canvass_protocol.trust)."""
    revoked = device.status != "active" or (member is not None and member.status != "active")
    notice = None
    if revoked and signing is not None and nonce is not None:
        notice = trust.sign_notice(signing, device.id, utcnow().isoformat(), nonce)
    return wire.DeviceStatus.model_validate({
        "device_id": device.id, "status": "revoked" if revoked else "active", "wipe": revoked,
        "county": {"name": county.name, "state": county.state},
        "role": member.role if member is not None else device.role,
        "member": member_ref(member) if member is not None else None, "notice": notice,
    })
