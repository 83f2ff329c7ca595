"""What the window offers each role: read from the one role table (canvass_protocol.roles), never decided here."""

from __future__ import annotations

from canvass_app.i18n import QT_TRANSLATE_NOOP
from canvass_protocol import roles

ROLE_NAMES = {
    "volunteer": QT_TRANSLATE_NOOP("Roles", "volunteer"),
    "canvasser": QT_TRANSLATE_NOOP("Roles", "canvasser"),
    "county_lead": QT_TRANSLATE_NOOP("Roles", "county lead"),
    "admin": QT_TRANSLATE_NOOP("Roles", "admin"),
}


def may_import(role: str) -> bool:
    """Importing a voter file is for those who hold the whole county's voters (county leads, admins)."""
    return roles.may_pull(role, "voters") == "all"


def may_cut(role: str) -> bool:
    return roles.may_send(role, "turf_cut") is not None


def may_assign(role: str) -> bool:
    """Handing turfs to others (a canvasser may only give back their own)."""
    return roles.may_send(role, "turf_assign") == "all"
