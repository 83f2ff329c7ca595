"""Who may do what: the role rules for callers of the API, decided here (never in a route) and tested here."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from canvass_protocol import roles, wire
from canvass_server.devices import authenticate_row
from canvass_server.errors import ApiError
from canvass_server.models import County, Device, Member

E = wire.ErrorCode


@dataclass(frozen=True)
class Caller:
    """The authenticated device behind a request, its member, county and role (the server's word, never the
    payload's): the author of everything the device sends."""

    device: Device
    member: Member
    county: County

    @property
    def role(self) -> str:
        return self.member.role


def identify(session: Session, authorization: str | None, *, allow_revoked: bool = False) -> Caller:
    """The caller behind `Authorization: Bearer <token>`; raises 401 (unknown) or 403 (revoked, unless allowed)."""
    return caller(*authenticate_row(session, authorization, allow_revoked=allow_revoked))


def caller(device: Device, member: Member | None, county: County) -> Caller:
    """The Caller for an authenticated device and its member and county. Every device has a member (enrollment
    gives it one)."""
    if member is None:
        raise ApiError(403, E.DEVICE_REVOKED, "This device belongs to no member: enroll it again.",
                       detail={"wipe": False})
    return Caller(device, member, county)



def check_may_manage(caller: Caller, *, county_id: int, role: str) -> None:
    """May the caller add, suspend or remove a member with `role` in county `county_id` (or make them a code)?
    The roles each role manages are roles.MANAGES; a county lead only in their own county, an admin anywhere.
    Raises 403 `forbidden` with the reason."""
    managed = roles.MANAGES.get(caller.role, frozenset())
    if not managed:
        raise ApiError(403, E.FORBIDDEN, f"A {caller.role} cannot manage members; ask a county lead.")
    if role not in managed:
        raise ApiError(403, E.FORBIDDEN, f"A {caller.role} cannot manage {role} members; ask an admin.")
    if caller.role != "admin" and county_id != caller.county.id:
        raise ApiError(403, E.FORBIDDEN, f"A {caller.role} manages the members of their own county "
                                         f"({caller.county.name} {caller.county.state}) only.")


def check_may_make_enrollment_code(caller: Caller, member: Member) -> None:
    """Codes for the members the caller manages, and for themselves (another device) if they manage anyone."""
    if not roles.MANAGES.get(caller.role):
        raise ApiError(403, E.FORBIDDEN, f"A {caller.role} cannot make enrollment codes; ask a county lead.")
    if member.id != caller.member.id:
        check_may_manage(caller, county_id=member.county_id, role=member.role)


def check_may_list_members(caller: Caller, county_id: int) -> None:
    """The members of a county are listed to those who pull the `members` scope: its lead, and admins."""
    if roles.may_pull(caller.role, "members") is None:
        raise ApiError(403, E.FORBIDDEN, f"A {caller.role} cannot list members; ask a county lead.")
    if caller.role != "admin" and county_id != caller.county.id:
        raise ApiError(403, E.FORBIDDEN, f"A {caller.role} lists the members of their own county "
                                         f"({caller.county.name} {caller.county.state}) only.")
