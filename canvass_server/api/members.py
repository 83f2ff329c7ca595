"""/v1/members: a county lead's (or admin's) device adds, lists, suspends and removes members (roles.MANAGES)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from canvass_protocol import wire
from canvass_server import members
from canvass_server.api.deps import ERRORS, CallerDep, RowId, SessionDep

router = APIRouter(tags=["members"], responses=ERRORS)
CountyName = Annotated[str | None, Query(max_length=120)]
StateCode = Annotated[str | None, Query(min_length=2, max_length=2)]


@router.post("/v1/members", response_model=wire.MemberItem, status_code=201)
def add_member(request: wire.MemberRequest, session: SessionDep, caller: CallerDep) -> wire.MemberItem:
    return members.add_for(session, caller, request).item()


@router.get("/v1/members", response_model=list[wire.MemberItem])
def list_members(session: SessionDep, caller: CallerDep, county: CountyName = None,
                 state: StateCode = None) -> list[wire.MemberItem]:
    return [m.item() for m in members.list_for(session, caller, county=county, state=state)]


@router.post("/v1/members/{member_id}/suspend", response_model=wire.MemberItem)
def suspend_member(member_id: RowId, session: SessionDep, caller: CallerDep) -> wire.MemberItem:
    return members.change_for(session, caller, member_id, "suspended").member.item()


@router.post("/v1/members/{member_id}/remove", response_model=wire.MemberItem)
def remove_member(member_id: RowId, session: SessionDep, caller: CallerDep) -> wire.MemberItem:
    return members.change_for(session, caller, member_id, "removed").member.item()
