"""HQ console helpers: make a member with a console login, and log a TestClient in with password and TOTP."""

from __future__ import annotations

import re
import secrets
import time
import uuid
from dataclasses import dataclass
from typing import Any

import httpx
import pyotp
from fastapi.testclient import TestClient
from sqlalchemy import select

from canvass_server import db as dbmod
from canvass_server import members, rollups
from canvass_server.console import auth
from canvass_server.devices import sha256_hex
from canvass_server.models import ContactAttempt, Member, Voter
from canvass_server.models import Device as DeviceRow

PASSWORD = "correct horse battery staple"


@dataclass(frozen=True)
class Login:
    member_id: int
    secret: str

    def code(self, step_offset: int = 0) -> str:
        """The TOTP code of now (or of a neighbouring 30 s step: each code is good once)."""
        return pyotp.TOTP(self.secret).at(time.time() + 30 * step_offset)


def console_user(database: dbmod.Database, *, county: str = "Wake", state: str = "NC", role: str = "county_lead",
                 name: str = "Lee Lead", password: str = PASSWORD) -> Login:
    with database.session() as s:
        m = members.add_member(s, county=county, state=state, name=name, role=role)
        new = auth.set_login(s, m.id, password)
    return Login(new.member_id, new.totp_secret)


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "no CSRF field on the page"
    return found.group(1)


def log_in(client: TestClient, login: Login, *, password: str = PASSWORD, code: str | None = None,
           step_offset: int = 0) -> httpx.Response:
    """POST the login form as a browser would (after GETting it); returns the response (303 on success)."""
    page = client.get("/console/login")
    return client.post("/console/login", data={"who": str(login.member_id), "password": password,
                                               "code": code or login.code(step_offset), "csrf": csrf_of(page.text)},
                       follow_redirects=False)


def field_device(database: dbmod.Database, member_id: int, label: str = "Pat's laptop") -> tuple[str, str]:
    """An enrolled device of a member, written as enrollment writes it; returns (device id, bearer token)."""
    token = "cvt_" + secrets.token_urlsafe(16)
    with database.session() as s:
        member = s.get_one(Member, member_id)
        device = DeviceRow(id=str(uuid.uuid4()), county_id=member.county_id, member_id=member.id, role=member.role,
                           label=label, list_series=1, public_key=bytes(32), token_hash=sha256_hex(token))
        s.add(device)
    return device.id, token


def contacts(database: dbmod.Database, device_id: str, rows: list[dict[str, Any]]) -> list[str]:
    """Contact rows as ingest stores them (by the device's member); each dict names `voter` (a state voter id),
    `result` and any other column. Returns the rows' ids."""
    ids = []
    with database.session() as s:
        added = []
        device = s.get_one(DeviceRow, device_id)
        member = s.get_one(Member, device.member_id)
        for row in rows:
            voter = s.scalars(select(Voter).where(Voter.county_id == device.county_id,
                                                  Voter.state_voter_id == row.pop("voter"))).one()
            row.setdefault("created_at", "2026-05-01T12:00:00+00:00")
            contact = ContactAttempt(id=str(uuid.uuid4()), county_id=device.county_id, voter_id=voter.id,
                                     household_id=voter.household_id, member_id=member.id, canvasser=member.name,
                                     device_id=device.id, op_id=str(uuid.uuid4()), **row)
            s.add(contact)
            ids.append(contact.id)
            added.append(contact)
        s.flush()  # and counted in the rollups, as ingest does
        rollups.contacts_added(s, [{c.name: getattr(row, c.name) for c in ContactAttempt.__table__.columns}
                                   for row in added])
    return ids
