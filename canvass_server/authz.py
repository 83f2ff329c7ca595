"""Who may do what: the role rules for callers of the API, decided here (never in a route) and tested here."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from canvass_protocol import wire
from canvass_server.devices import authenticate
from canvass_server.errors import ApiError
from canvass_server.models import County, Device, Member

E = wire.ErrorCode

# The roles each role may hand out enrollment codes for; a county lead only within their own county.
MAY_MINT: dict[str, frozenset[str]] = {
    "admin": frozenset(wire.ROLES),
    "county_lead": frozenset({"canvasser", "county_lead"}),
    "canvasser": frozenset(),
}
ANY_COUNTY = frozenset({"admin"})


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

    def is_county(self, ref: wire.CountyRef) -> bool:
        return ref.name.casefold() == self.county.name.casefold() and ref.state.upper() == self.county.state


def identify(session: Session, authorization: str | None, *, allow_revoked: bool = False) -> Caller:
    """The caller behind `Authorization: Bearer <token>`; raises 401 (unknown) or 403 (revoked, unless allowed)."""
    device = authenticate(session, authorization, allow_revoked=allow_revoked)
    return caller_of(session, device)


def caller_of(session: Session, device: Device) -> Caller:
    """The Caller for an authenticated device. Every device has a member (enrollment gives it one)."""
    if device.member_id is None:
        raise ApiError(403, E.DEVICE_REVOKED, "This device belongs to no member: enroll it again.",
                       detail={"wipe": False})
    return Caller(device, session.get_one(Member, device.member_id), session.get_one(County, device.county_id))


def check_may_make_enrollment_code(caller: Caller, *, county: wire.CountyRef, role: str) -> None:
    """Admins make codes for anyone; county leads for canvassers and leads of their own county; canvassers never."""
    allowed = MAY_MINT.get(caller.role, frozenset())
    if not allowed:
        raise ApiError(403, E.FORBIDDEN, f"A {caller.role} cannot make enrollment codes; ask a county lead.")
    if role not in allowed:
        raise ApiError(403, E.FORBIDDEN, f"A {caller.role} cannot make codes for the {role} role.")
    if caller.role not in ANY_COUNTY and not caller.is_county(county):
        raise ApiError(403, E.FORBIDDEN, f"A {caller.role} makes codes for their own county "
                                         f"({caller.county.name} {caller.county.state}) only.")
