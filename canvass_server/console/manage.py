"""The console's changing pages: members and devices (add, enrollment code, suspend, revoke) and ballots (open,
close). Each change goes through the project's own services, within roles.MANAGES, and into the audit log."""

from __future__ import annotations

import datetime as dt
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from canvass_protocol import roles
from canvass_server import ballots, devices, enrollment, members
from canvass_server.api.deps import KeyDep, RowId, SessionDep
from canvass_server.models import Ballot, County, Device, Member, PolicyBrief

from . import auth, charts
from .web import ConsoleError, FormViewerDep, ViewerDep, audit, base, county_for, render

router = APIRouter()


def _check_manages(viewer: auth.Viewer, county_id: int, role: str) -> None:
    """roles.MANAGES says which roles the viewer's role adds, suspends and makes codes for; a lead in their county."""
    managed = roles.MANAGES.get(viewer.member.role, frozenset())
    if role not in managed:
        raise ConsoleError(403, f"A {viewer.member.role} cannot manage {role} members; ask an admin.")
    if not viewer.may_see(county_id):
        raise ConsoleError(403, "You manage the members of your own county only.")


def _back(request: Request, county_id: int, note: str) -> Response:
    return RedirectResponse(f"{base(request)}/members?" + urlencode({"county": county_id, "done": note}), 303)


@router.get("/members")
def members_page(request: Request, session: SessionDep, viewer: ViewerDep,
                 county: Annotated[int | None, Query()] = None, done: str = "") -> Response:
    chosen = county_for(session, viewer, county) if county is not None else viewer.county
    counties = [viewer.county] if viewer.county else list(session.scalars(select(County).order_by(County.state,
                                                                                                  County.name)))
    rows = members.list_members(session, county=chosen.name, state=chosen.state) if chosen else []
    device_rows = session.execute(
        select(Device, Member.name).join(Member, Member.id == Device.member_id)
        .where(Device.county_id == chosen.id).order_by(Member.name, Device.created_at)).all() if chosen else []
    codes = [c for c in enrollment.list_codes(session) if chosen and (c.county, c.state) == (chosen.name, chosen.state)
             and c.status == "unused"]
    return render(request, "members.html", viewer, chosen=chosen, counties=counties, rows=rows,
                  devices=device_rows, codes=codes, roles=sorted(roles.MANAGES.get(viewer.member.role, ())), done=done)


@router.post("/members")
def add_member(request: Request, session: SessionDep, viewer: FormViewerDep, county: Annotated[int, Form()],
               name: Annotated[str, Form()] = "", role: Annotated[str, Form()] = "",
               email: Annotated[str, Form()] = "", phone: Annotated[str, Form()] = "") -> Response:
    c = county_for(session, viewer, county)
    _check_manages(viewer, c.id, role)
    try:
        m = members.add_member(session, county=c.name, state=c.state, name=name, role=role, email=email or None,
                               phone=phone or None, added_by=viewer.member.id)
    except members.MemberError as exc:
        raise ConsoleError(400, f"The member was not added: {exc}.") from exc
    audit(session, request, viewer, "member_add", target=f"member {m.id}", county_id=c.id,
          detail={"name": m.name, "role": m.role})
    return _back(request, c.id, f"added member {m.id}")


def _member(session: Session, viewer: auth.Viewer, member_id: int) -> Member:
    m = session.get(Member, member_id)
    if m is None or not viewer.may_see(m.county_id):
        raise ConsoleError(404, f"There is no member {member_id} in your counties.")
    return m


@router.post("/members/{member_id}/suspend")
def suspend(request: Request, member_id: RowId, session: SessionDep, viewer: FormViewerDep) -> Response:
    m = _member(session, viewer, member_id)
    _check_manages(viewer, m.county_id, m.role)
    try:
        change = members.suspend(session, m.id)
    except members.MemberError as exc:
        raise ConsoleError(400, str(exc)) from exc
    audit(session, request, viewer, "member_suspend", target=f"member {m.id}", county_id=m.county_id,
          detail={"devices_revoked": change.devices_revoked, "codes_revoked": change.codes_revoked})
    return _back(request, m.county_id, f"suspended member {m.id}")


@router.post("/members/{member_id}/code")
def make_code(request: Request, member_id: RowId, session: SessionDep, key: KeyDep, viewer: FormViewerDep,
              hours: Annotated[int, Form()] = 72) -> Response:
    m = _member(session, viewer, member_id)
    if m.id != viewer.member.id:
        _check_manages(viewer, m.county_id, m.role)
    try:
        new = enrollment.make_enrollment_code(session, member_id=m.id, created_by=viewer.member.id, hours=hours)
    except ValueError as exc:
        raise ConsoleError(400, f"No code was made: {exc}.") from exc
    audit(session, request, viewer, "code_make", target=f"code {new.id} for member {m.id}", county_id=m.county_id,
          detail={"expires_at": new.expires_at.isoformat()})
    server = str(request.base_url).rstrip("/")
    return render(request, "code.html", viewer, member=m, new=new, qr=charts.qr_svg(new.code), server=server,
                  fingerprint=key.key_id)


@router.post("/devices/{device_id}/revoke")
def revoke(request: Request, device_id: str, session: SessionDep, viewer: FormViewerDep) -> Response:
    d = session.get(Device, device_id)
    if d is None or not viewer.may_see(d.county_id):
        raise ConsoleError(404, "There is no such device in your counties.")
    owner = session.get(Member, d.member_id) if d.member_id is not None else None
    if owner is not None and owner.id != viewer.member.id:
        _check_manages(viewer, d.county_id, owner.role)
    devices.revoke(session, d.id)
    audit(session, request, viewer, "device_revoke", target=f"device {d.id}", county_id=d.county_id,
          detail={"member_id": d.member_id, "label": d.label})
    return _back(request, d.county_id, "revoked device " + d.id[:8])


# ---- ballots ------------------------------------------------------------------------------------------------


def _visible(viewer: auth.Viewer, row: ballots.BallotRow, ballot: Ballot) -> bool:
    c = viewer.county
    return c is None or ballot.scope == "national" or (ballot.scope == "state" and ballot.state == c.state) or (
        ballot.county_id == c.id)


def _may_close(viewer: auth.Viewer, ballot: Ballot) -> bool:
    return viewer.is_admin or (ballot.scope == "county" and viewer.may_see(ballot.county_id or 0))


@router.get("/ballots")
def ballots_page(request: Request, session: SessionDep, viewer: ViewerDep, done: str = "") -> Response:
    rows = []
    for row in ballots.list_ballots(session):
        ballot = session.get_one(Ballot, row.id)
        if _visible(viewer, row, ballot):
            rows.append((row, _may_close(viewer, ballot)))
    slugs = session.scalars(select(PolicyBrief.slug).distinct().where(PolicyBrief.status == "proposed")
                            .order_by(PolicyBrief.slug)).all()
    counties = [viewer.county] if viewer.county else list(session.scalars(select(County).order_by(County.state,
                                                                                                  County.name)))
    default_close = (dt.datetime.now(dt.UTC) + dt.timedelta(days=7)).strftime("%Y-%m-%dT%H:%M")
    return render(request, "ballots.html", viewer, rows=rows, slugs=slugs, counties=counties, done=done,
                  default_close=default_close)


@router.post("/ballots")
def open_ballot(request: Request, session: SessionDep, viewer: FormViewerDep, brief: Annotated[str, Form()] = "",
                scope: Annotated[str, Form()] = "county", county: Annotated[int | None, Form()] = None,
                state: Annotated[str, Form()] = "", closes: Annotated[str, Form()] = "",
                quorum: Annotated[float, Form()] = 0.25, threshold: Annotated[float, Form()] = 0.5) -> Response:
    c = county_for(session, viewer, county) if county is not None else None
    try:
        closes_at = ballots.aware(dt.datetime.fromisoformat(closes))
    except ValueError:
        raise ConsoleError(400, f"The closing time {closes!r} is not a date and time like 2026-12-31T18:00.") from None
    try:
        ballot = ballots.open_ballot(session, brief_slug=brief, scope=scope, closes_at=closes_at, quorum=quorum,
                                     threshold=threshold, county=c.name if c else None,
                                     state=(c.state if c else state) or None, opened_by=viewer.member)
    except ballots.BallotError as exc:
        raise ConsoleError(400, f"The ballot was not opened: {exc}.") from exc
    audit(session, request, viewer, "ballot_open", target=f"ballot {ballot.id}", county_id=ballot.county_id,
          detail={"brief": brief, "scope": scope, "electorate": ballot.electorate})
    return RedirectResponse(f"{base(request)}/ballots?" + urlencode({"done": f"opened ballot {ballot.id}"}), 303)


@router.post("/ballots/{ballot_id}/close")
def close_ballot(request: Request, ballot_id: RowId, session: SessionDep, viewer: FormViewerDep) -> Response:
    ballot = session.get(Ballot, ballot_id)
    if ballot is None or not _may_close(viewer, ballot):
        raise ConsoleError(404, f"There is no ballot {ballot_id} that you may close.")
    closed = ballots.close_ballot(session, ballot)
    audit(session, request, viewer, "ballot_close", target=f"ballot {ballot.id}", county_id=ballot.county_id,
          detail={"passed": closed.result.passed, "adopted": closed.adopted})
    return RedirectResponse(f"{base(request)}/ballots?" + urlencode({"done": f"closed ballot {ballot.id}"}), 303)
