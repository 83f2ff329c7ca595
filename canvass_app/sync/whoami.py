"""Who is signed in: the member this device was enrolled for, or, on an install that never enrolled, the local name
picked in the first-run wizard (setting "user.name", by default the computer's login name)."""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from sqlalchemy.orm import Session

from canvass_app.store.database import Store
from canvass_app.store.models import Setting
from canvass_app.sync import identity
from canvass_app.turfs.cutting import Me

NAME_SETTING = "user.name"
OFFLINE_ROLE = "county_lead"  # whoever holds the data on an offline install may do everything with it locally
OFFLINE_PREFIX = "T-"  # turf list numbers of an install with no server: "T-0001", ...


@dataclass(frozen=True)
class Person:
    """The signed-in person: `member_id` is None on an offline install (no server knows them)."""

    name: str
    role: str
    member_id: int | None
    list_prefix: str

    @property
    def enrolled(self) -> bool:
        return self.member_id is not None

    def turf_member(self) -> Me | None:
        """The member as turfs need them (their cuts and hand-outs travel as ops); None on an offline install."""
        if self.member_id is None:
            return None
        return Me(member_id=self.member_id, role=self.role, list_prefix=self.list_prefix)


def default_name() -> str:
    """The computer's login name, the offline name until the person gives another; "" when there is none."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in this environment
        return ""


def local_name(session: Session) -> str:
    """The name this install uses offline: the "user.name" setting, else the OS login name."""
    row = session.get(Setting, NAME_SETTING)
    if row is not None and isinstance(row.value, str) and row.value.strip():
        return row.value.strip()
    return default_name()


def set_local_name(session: Session, name: str) -> None:
    """Keep the name an offline install signs its contacts with (the first-run wizard asks for it)."""
    clean = " ".join(name.split())
    if not clean or len(clean) > 120:
        raise ValueError("Give a name of 1 to 120 characters.")
    session.merge(Setting(key=NAME_SETTING, value=clean))


def signed_in(store: Store) -> Person:
    """The member this device acts for once enrolled, else the local name with every local right."""
    try:
        ident = identity.load(store)
    except identity.IdentityError:
        ident = None
    if ident is not None and ident.member_id is not None:
        return Person(ident.member_name, ident.role, ident.member_id, ident.list_prefix)
    with store.session() as session:
        name = local_name(session)
    # An identity from before members (protocol 1) keeps the role it was enrolled with.
    return Person(name, ident.role if ident is not None and ident.role else OFFLINE_ROLE, None, OFFLINE_PREFIX)
