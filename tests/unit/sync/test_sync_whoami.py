"""Who is signed in: the enrolled member, else the local name of an offline install with every local right."""

from __future__ import annotations

import dataclasses
import getpass

import pytest
from test_sync_helpers import make_identity

from canvass_app.store.database import Store
from canvass_app.sync import identity
from canvass_app.sync.whoami import Person, set_local_name, signed_in


def test_an_offline_install_signs_with_the_login_name_then_the_name_picked(store: Store) -> None:
    assert signed_in(store) == Person(getpass.getuser(), "county_lead", None, "T-")
    with store.session() as s:
        set_local_name(s, "  Maria   Lopez ")
    assert signed_in(store).name == "Maria Lopez"
    with store.session() as s, pytest.raises(ValueError, match="1 to 120"):
        set_local_name(s, "   ")


def test_an_enrolled_device_signs_as_its_member(store: Store) -> None:
    ident, _ = make_identity()
    identity.save(store, dataclasses.replace(ident, member_id=7, member_name="Pat Doe", list_prefix="T3-"))
    person = signed_in(store)
    assert person == Person("Pat Doe", "canvasser", 7, "T3-")
    assert person.enrolled


def test_an_identity_from_before_members_keeps_its_role(store: Store) -> None:
    ident, _ = make_identity()  # enrolled under protocol 1: no member
    identity.save(store, ident)
    assert (signed_in(store).role, signed_in(store).member_id) == ("canvasser", None)
