"""The console's reading pages: Overview (nation, state, county, turf), Canvassers, Exports and the audit log."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response, StreamingResponse
from sqlalchemy import func, or_, select

from canvass_server.api.deps import DatabaseDep, RowId, SessionDep
from canvass_server.models import County, Household, Member, Turf, TurfLine, Voter
from canvass_server.rollup_models import RollupVoterLatest

from . import canvassers, charts, exports, figures
from .models import AuditEntry
from .web import DRAINED, ConsoleError, ViewerDep, audit, base, county_for, render

router = APIRouter()


def _page(request: Request, viewer: ViewerDep, level: str, title: str, figs: figures.Figures,
          crumbs: list[tuple[str, str]], **context: Any) -> Response:
    chart = charts.bars(figs.per_day, title=f"Results per day (the last {figures.DAYS_SHOWN} days with results)")
    return render(request, "overview.html", viewer, level=level, title=title, f=figs, chart=chart, crumbs=crumbs,
                  **context)


@router.get("/", dependencies=DRAINED)
def nation(request: Request, session: SessionDep, viewer: ViewerDep) -> Response:
    if viewer.county is not None:
        return RedirectResponse(f"{base(request)}/county/{viewer.county.id}", status_code=303)
    return _page(request, viewer, "nation", "Nation", figures.figures(session, None), [],
                 rows=figures.state_rows(session))


@router.get("/state/{state}", dependencies=DRAINED)
def state(request: Request, state: str, session: SessionDep, viewer: ViewerDep) -> Response:
    if viewer.county is not None:
        raise ConsoleError(403, f"Your login covers {viewer.county.name} {viewer.county.state} only.")
    ids = figures.county_ids_of_state(session, state)
    if not ids:
        raise ConsoleError(404, f"No county in {state.upper()}.")
    return _page(request, viewer, "state", state.upper(), figures.figures(session, ids), [("Nation", "/")],
                 rows=figures.county_rows(session, ids))


@router.get("/county/{county_id}", dependencies=DRAINED)
def county(request: Request, county_id: RowId, session: SessionDep, viewer: ViewerDep) -> Response:
    c = county_for(session, viewer, county_id)
    crumbs = [("Nation", "/"), (c.state, f"/state/{c.state}")] if viewer.is_admin else []
    return _page(request, viewer, "county", f"{c.name} {c.state}", figures.figures(session, [c.id]), crumbs,
                 county=c, turfs=figures.turf_rows(session, [c.id]))


@router.get("/county/{county_id}/turf/{turf_id}", dependencies=DRAINED)
def turf(request: Request, county_id: RowId, turf_id: RowId, session: SessionDep, viewer: ViewerDep) -> Response:
    c = county_for(session, viewer, county_id)
    t = session.get(Turf, turf_id)
    if t is None or t.county_id != c.id or t.deleted:
        raise ConsoleError(404, f"There is no turf {turf_id} in {c.name} {c.state}.")
    figs = figures.turf_figures(session, t.id)
    door = func.trim(func.coalesce(Household.house_number, "") + " " + func.coalesce(Household.street_name, "")
                     + " " + func.coalesce(Household.street_type, "") + " " + func.coalesce(Household.unit, ""))
    lines = session.execute(  # with each voter's latest effective result (rollup_voter_latest)
        select(TurfLine.line, Voter.first_name, Voter.last_name, door, RollupVoterLatest.result)
        .join(Voter, Voter.id == TurfLine.voter_id).outerjoin(Household, Household.id == Voter.household_id)
        .outerjoin(RollupVoterLatest, RollupVoterLatest.voter_id == Voter.id)
        .where(TurfLine.turf_id == t.id).order_by(TurfLine.line)).all()
    crumbs = ([("Nation", "/"), (c.state, f"/state/{c.state}")] if viewer.is_admin else [])
    crumbs.append((f"{c.name} {c.state}", f"/county/{c.id}"))
    return _page(request, viewer, "turf", f"Turf {t.list_number} {t.name}".strip(), figs, crumbs, county=c, turf=t,
                 lines=lines)


def _scope(session: SessionDep, viewer: ViewerDep, county_id: int | None) -> tuple[list[int] | None, County | None]:
    """The counties a page covers: the lead's own; for an admin the one chosen, or all (None)."""
    if county_id is None:
        return ([viewer.county.id], viewer.county) if viewer.county is not None else (None, None)
    c = county_for(session, viewer, county_id)
    return [c.id], c


def _counties(session: SessionDep, viewer: ViewerDep) -> list[County]:
    if viewer.county is not None:
        return [viewer.county]
    return list(session.scalars(select(County).order_by(County.state, County.name)))


@router.get("/canvassers", dependencies=DRAINED)
def canvasser_page(request: Request, session: SessionDep, viewer: ViewerDep,
                   county: Annotated[int | None, Query()] = None,
                   page: Annotated[int, Query(ge=1)] = 1) -> Response:
    """PAGE_SIZE canvassers a page (server-side, busiest first), with links to the others."""
    ids, chosen = _scope(session, viewer, county)
    total = canvassers.canvasser_count(session, ids)
    pages = max(1, -(-total // canvassers.PAGE_SIZE))
    page = min(page, pages)
    first = (page - 1) * canvassers.PAGE_SIZE
    rows = canvassers.canvasser_rows(session, ids, offset=first, limit=canvassers.PAGE_SIZE)
    href = f"{base(request)}/canvassers?" + (f"county={county}&" if county is not None else "") + "page="
    return render(request, "canvassers.html", viewer, rows=rows, chosen=chosen, counties=_counties(session, viewer),
                  fast=canvassers.FAST_DOORS_PER_HOUR, same=canvassers.SAME_NOTE_TIMES, total=total, page=page,
                  pages=pages, first=first + 1, last=first + len(rows), href=href)


@router.get("/exports")
def export_page(request: Request, session: SessionDep, viewer: ViewerDep) -> Response:
    return render(request, "exports.html", viewer, counties=_counties(session, viewer))


def _day(text: str | None, name: str) -> str | None:
    if not text:
        return None
    try:
        return exports.day(text)
    except ValueError as e:
        raise ConsoleError(400, f"The {name} date: {e}.") from None


@router.get("/exports/contacts.{kind}")
def export(request: Request, kind: str, session: SessionDep, database: DatabaseDep, viewer: ViewerDep,
           county: Annotated[int, Query()], date_from: Annotated[str | None, Query(alias="from")] = None,
           date_to: Annotated[str | None, Query(alias="to")] = None) -> Response:
    if kind not in ("csv", "json"):
        raise ConsoleError(404, "Exports are contacts.csv or contacts.json (OSDI record_canvass).")
    c = county_for(session, viewer, county)
    q = exports.ExportQuery(c.id, _day(date_from, "from"), _day(date_to, "to"))
    audit(session, request, viewer, "export", target=f"contacts.{kind}", county_id=c.id,
          detail={"from": q.date_from, "to": q.date_to})
    name = f"contacts-{c.name.lower().replace(' ', '-')}-{c.state.lower()}"
    if kind == "csv":
        body, media = exports.csv_stream(database, q), "text/csv; charset=utf-8"
    else:
        body, media = exports.osdi_stream(database, q), "application/json"
    return StreamingResponse(body, media_type=media,
                             headers={"Content-Disposition": f'attachment; filename="{name}.{kind}"'})


@router.get("/audit")
def audit_page(request: Request, session: SessionDep, viewer: ViewerDep) -> Response:
    stmt = (select(AuditEntry, Member.name, County.name, County.state)
            .outerjoin(Member, Member.id == AuditEntry.member_id).outerjoin(County, County.id == AuditEntry.county_id)
            .order_by(AuditEntry.id.desc()).limit(200))
    if viewer.county is not None:
        stmt = stmt.where(or_(AuditEntry.county_id == viewer.county.id, AuditEntry.member_id == viewer.member.id))
    return render(request, "audit.html", viewer, rows=session.execute(stmt).all())
