"""The alliance's members: added to a county with a role, listed, suspended and removed. Suspending or removing a
member revokes their devices, the unused codes they made and the unused codes made for them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from canvass_protocol import wire
from canvass_server import versions
from canvass_server.authz import Caller, check_may_list_members, check_may_manage
from canvass_server.devices import ensure_county, find_county
from canvass_server.errors import ApiError
from canvass_server.models import County, Device, EnrollmentCode, Member, utcnow

E = wire.ErrorCode
LIMITS = {"name": 120, "email": 120, "phone": 30}


class MemberError(ValueError):
    """A member request that cannot be done; the message says why ("no member 42", "unknown role 'boss'")."""


@dataclass(frozen=True)
class MemberInfo:
    id: int
    county: str
    state: str
    name: str
    role: str
    email: str | None
    phone: str | None
    status: str
    added_by: int | None  # the member who added them; None: added on the host
    created_at: str
    status_changed_at: str | None

    def item(self) -> wire.MemberItem:
        return wire.MemberItem.model_validate({"id": self.id, "name": self.name, "role": self.role,
                                               "status": self.status})


@dataclass(frozen=True)
class StatusChange:
    """A member suspended or removed, and how many of their devices and unused codes that revoked."""

    member: MemberInfo
    devices_revoked: int
    codes_revoked: int


def _info(member: Member, county: County) -> MemberInfo:
    changed = member.status_changed_at
    return MemberInfo(member.id, county.name, county.state, member.name, member.role, member.email, member.phone,
                      member.status, member.added_by, member.created_at.isoformat(),
                      changed.isoformat() if changed else None)


def _text(field: str, value: str | None) -> str | None:
    value = " ".join(value.split()) if value else None
    if value and len(value) > LIMITS[field]:
        raise MemberError(f"the {field} is longer than {LIMITS[field]} characters")
    return value


def create(session: Session, *, county_id: int, name: str, role: str, email: str | None = None,
           phone: str | None = None, added_by: int | None = None) -> Member:
    """A new active member of county `county_id` (raises MemberError for an unknown role or an empty name)."""
    if role not in wire.ROLES:
        raise MemberError(f"unknown role {role!r}: choose one of {', '.join(wire.ROLES)}")
    clean = _text("name", name)
    if not clean:
        raise MemberError("give the member's name")
    member = Member(county_id=county_id, name=clean, role=role, email=_text("email", email),
                    phone=_text("phone", phone), status="active", added_by=added_by,
                    version=versions.bump(session, f"members:{county_id}"))
    session.add(member)
    session.flush()
    return member


def add_member(session: Session, *, county: str, state: str, name: str, role: str, email: str | None = None,
               phone: str | None = None, added_by: int | None = None) -> MemberInfo:
    """Add a member to a county, found case-insensitively ("DURHAM" is Durham) or created."""
    try:
        row = ensure_county(session, county, state)
    except ValueError as exc:
        raise MemberError(str(exc)) from exc
    member = create(session, county_id=row.id, name=name, role=role, email=email, phone=phone, added_by=added_by)
    return _info(member, row)


def get_member(session: Session, member_id: int) -> Member:
    member = session.get(Member, member_id)
    if member is None:
        raise MemberError(f"no member {member_id}")
    return member


def list_members(session: Session, *, county: str | None = None, state: str | None = None) -> list[MemberInfo]:
    """The members of one county (`county` and `state`), or of every county; by county, then name."""
    query = select(Member, County).join(County, County.id == Member.county_id)
    if county:
        row = find_county(session, county, state or "")
        if row is None:
            raise MemberError(f"no county {county} {(state or '').upper()}".rstrip())
        query = query.where(County.id == row.id)
    rows = session.execute(query.order_by(County.state, County.name, Member.name, Member.id)).all()
    return [_info(m, c) for m, c in rows]


def _change(session: Session, member: Member, status: str) -> StatusChange:
    if member.status == "removed" and status != "removed":
        raise MemberError(f"member {member.id} ({member.name}) was removed")
    now = utcnow()
    if member.status != status:
        member.status, member.status_changed_at = status, now
        member.version = versions.bump(session, f"members:{member.county_id}")
    devices = session.execute(
        update(Device).where(Device.member_id == member.id, Device.status == "active")
        .values(status="revoked", revoked_at=now)
    )
    codes = session.execute(
        update(EnrollmentCode)
        .where(or_(EnrollmentCode.member_id == member.id, EnrollmentCode.created_by == member.id),
               EnrollmentCode.used_at.is_(None), EnrollmentCode.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    session.flush()
    return StatusChange(_info(member, session.get_one(County, member.county_id)),
                        devices.rowcount, codes.rowcount)  # type: ignore[attr-defined]


def suspend(session: Session, member_id: int) -> StatusChange:
    """Suspend a member: their devices are refused and told to wipe, their unused codes stop working."""
    return _change(session, get_member(session, member_id), "suspended")


def remove(session: Session, member_id: int) -> StatusChange:
    """Remove a member for good (kept for the record: their contacts and votes still name them)."""
    return _change(session, get_member(session, member_id), "removed")


# ---- for API callers: the same, within what the caller's role allows (roles.MANAGES) ---------------------------


def add_for(session: Session, caller: Caller, request: wire.MemberRequest) -> MemberInfo:
    """A new member of the caller's county, of a role the caller manages (else 403)."""
    check_may_manage(caller, county_id=caller.county.id, role=request.role)
    try:
        return add_member(session, county=caller.county.name, state=caller.county.state, name=request.name,
                          role=request.role, email=request.email, phone=request.phone, added_by=caller.member.id)
    except MemberError as exc:
        raise ApiError(400, E.BAD_REQUEST, str(exc)) from exc


def list_for(session: Session, caller: Caller, *, county: str | None = None,
             state: str | None = None) -> list[MemberInfo]:
    """The members of the caller's county, or (admins) of the county named."""
    row = find_county(session, county, state or caller.county.state) if county else caller.county
    if row is None:
        raise ApiError(404, E.NOT_FOUND, f"no county {county} {state or caller.county.state}")
    check_may_list_members(caller, row.id)
    return list_members(session, county=row.name, state=row.state)


def change_for(session: Session, caller: Caller, member_id: int, status: str) -> StatusChange:
    """Suspend or remove a member the caller manages (else 403; 404 when there is no such member)."""
    member = session.get(Member, member_id)
    if member is None:
        raise ApiError(404, E.NOT_FOUND, f"no member {member_id}")
    check_may_manage(caller, county_id=member.county_id, role=member.role)
    try:
        return _change(session, member, status)
    except MemberError as exc:
        raise ApiError(400, E.BAD_REQUEST, str(exc)) from exc
