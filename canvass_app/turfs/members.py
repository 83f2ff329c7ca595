"""The county's members as the server last sent them (scope `members`): whom a county lead can give a turf to."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from canvass_app.store.models import Member
from canvass_protocol import roles


class MemberError(Exception):
    """No such member to give a turf to; the message is for people."""


@dataclass(frozen=True)
class MemberChoice:
    """One entry of the assign picker."""

    id: int
    name: str
    role: str


def assignable_members(session: Session) -> list[MemberChoice]:
    """Active members whose role may hold turfs (canvassers, leads, admins), by name: the assign picker's list."""
    rows = session.scalars(select(Member).where(Member.status == "active").order_by(Member.name, Member.id))
    return [MemberChoice(m.id, m.name, m.role) for m in rows if roles.may_pull(m.role, "turfs") is not None]


def find_member(session: Session, who: str) -> MemberChoice:
    """The assignable member named `who` (case-insensitive) or with that id; MemberError when none or several."""
    text = who.strip()
    choices = assignable_members(session)
    found = [m for m in choices if str(m.id) == text] or [m for m in choices if m.name.casefold() == text.casefold()]
    if not found:
        raise MemberError(f"No active canvasser or lead {text!r} in the member list; sync to refresh it, or give "
                          "the member id.")
    if len(found) > 1:
        ids = ", ".join(str(m.id) for m in found)
        raise MemberError(f"{len(found)} members are named {text!r} (ids {ids}); give the member id.")
    return found[0]
