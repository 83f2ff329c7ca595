"""Applying pulled pages: each page's items as upserts and the scope's cursor saved in the same transaction.

A page either lands whole (items and cursor) or not at all, so a crash between pages resumes at the next page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from canvass_app.store.models import (
    ContactAttempt,
    County,
    Household,
    OutboxOp,
    Precinct,
    SurveyOption,
    SurveyQuestion,
    SyncBatch,
    SyncState,
    Turf,
    TurfAssignment,
    TurfLine,
    Voter,
    utcnow,
)
from canvass_protocol import wire

PULL_ORDER = ("assignments", "households", "voters", "rights", "briefs", "surveys")
# Every field the server sends is stored: the columns are the wire models' fields, less the keys that link rows.
HOUSEHOLD_FIELDS = tuple(f for f in wire.item_fields("households") if f not in ("key", "precinct_code"))
VOTER_FIELDS = tuple(f for f in wire.item_fields("voters")
                     if f not in ("state_voter_id", "precinct_code", "household_key"))
WIPE_SETTING = "sync.wiped"


def get_cursor(session: Session, scope: str) -> str | None:
    row = session.get(SyncState, scope)
    return row.cursor if row else None


def _save_cursor(session: Session, scope: str, cursor: str) -> None:
    row = session.get(SyncState, scope)
    if row is None:
        session.add(SyncState(scope=scope, cursor=cursor))
    else:
        row.cursor = cursor
        row.updated_at = utcnow()


def local_county(session: Session, name: str, state: str) -> County:
    county = session.scalar(select(County).where(County.name == name, County.state == state))
    if county is None:
        county = County(name=name, state=state)
        session.add(county)
        session.flush()
    return county


def _precincts(session: Session, county_id: int, codes: set[str]) -> dict[str, int]:
    found = dict(session.execute(select(Precinct.code, Precinct.id).where(
        Precinct.county_id == county_id, Precinct.code.in_(codes))).all())
    for code in sorted(codes - set(found)):
        precinct = Precinct(county_id=county_id, code=code, name=code)
        session.add(precinct)
        session.flush()
        found[code] = precinct.id
    return found


def _upsert(session: Session, table: Any, key_col: str, county_id: int, rows: list[dict[str, Any]]) -> int:
    """Insert new rows, update known ones (by county + key), with Core executemany."""
    if not rows:
        return 0
    col = table.c[key_col]
    known: dict[Any, int] = dict(session.execute(select(col, table.c.id).where(
        table.c.county_id == county_id, col.in_([r[key_col] for r in rows]))).all())
    new = [r | {"county_id": county_id} for r in rows if r[key_col] not in known]
    old = [{**{f"b_{k}": v for k, v in r.items()}, "b_id": known[r[key_col]]} for r in rows if r[key_col] in known]
    conn = session.connection()
    if new:
        conn.execute(insert(table), new)
    if old:
        values: dict[str, Any] = {k: bindparam(f"b_{k}") for k in rows[0] if k != key_col}
        conn.execute(update(table).where(table.c.id == bindparam("b_id")).values(**values), old)
    return len(rows)


def apply_households(session: Session, county: County, items: list[dict[str, Any]], refetch: bool) -> int:
    precincts = _precincts(session, county.id, {i["precinct_code"] for i in items if i.get("precinct_code")})
    rows = [{"key": i["key"], **{f: i.get(f) for f in HOUSEHOLD_FIELDS},
             "precinct_id": precincts.get(i.get("precinct_code") or "")} for i in items]
    for r in rows:
        r["street_name"] = r["street_name"] or ""
        r["street_key"] = r["street_key"] or ""
        r["side"] = r["side"] or "E"
    return _upsert(session, Household.__table__, "key", county.id, rows)


def apply_voters(session: Session, county: County, items: list[dict[str, Any]], refetch: bool) -> int:
    if refetch:  # the server starts the scope again: whoever it does not send again is no longer on its list
        session.execute(update(Voter).where(Voter.county_id == county.id).values(active=False))
    precincts = _precincts(session, county.id, {i["precinct_code"] for i in items if i.get("precinct_code")})
    keys = {i["household_key"] for i in items if i.get("household_key")}
    homes = dict(session.execute(select(Household.key, Household.id).where(
        Household.county_id == county.id, Household.key.in_(keys))).all())
    rows = []
    for i in items:
        row = {"state_voter_id": i["state_voter_id"], **{f: i.get(f) for f in VOTER_FIELDS},
               "precinct_id": precincts.get(i.get("precinct_code") or ""),
               "household_id": homes.get(i.get("household_key") or ""), "updated_at": utcnow()}
        row["first_name"] = row["first_name"] or ""
        row["last_name"] = row["last_name"] or ""
        row["registration_status"] = row["registration_status"] or "active"
        for flag in ("active", "do_not_contact", "deceased", "moved"):
            row[flag] = bool(row[flag]) if flag != "active" else row[flag] is not False
        rows.append(row)
    return _upsert(session, Voter.__table__, "state_voter_id", county.id, rows)


def _when(value: Any) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if isinstance(value, str) and value else None


def apply_assignments(session: Session, county: County, items: list[dict[str, Any]], refetch: bool) -> int:
    for item in items:
        number = str(item["list_number"]).strip().upper()
        turf = session.scalar(select(Turf).where(Turf.list_number == number))
        if turf is None:
            turf = Turf(county_id=county.id, list_number=number, name=item.get("name") or number)
            session.add(turf)
            session.flush()
        held = session.scalar(select(TurfAssignment).where(TurfAssignment.turf_id == turf.id,
                                                           TurfAssignment.returned_at.is_(None)))
        returned, out, who = _when(item.get("returned_at")), _when(item.get("checked_out_at")), item.get("canvasser")
        if returned is not None:
            if held is not None:
                held.returned_at = returned
        elif who:
            if held is None:
                session.add(TurfAssignment(turf_id=turf.id, canvasser=who, checked_out_at=out))
            else:
                held.canvasser, held.checked_out_at = who, out or held.checked_out_at
        session.flush()
    return len(items)


def apply_rights(session: Session, county: County, items: list[dict[str, Any]], refetch: bool) -> int:
    from canvass_app.briefs import apply_pulled_rights

    apply_pulled_rights(session, items)
    return len(items)


def apply_briefs(session: Session, county: County, items: list[dict[str, Any]], refetch: bool) -> int:
    from canvass_app.briefs import apply_pulled_briefs

    apply_pulled_briefs(session, items)
    return len(items)


def apply_surveys(session: Session, county: County, items: list[dict[str, Any]], refetch: bool) -> int:
    for item in items:
        question = session.scalar(select(SurveyQuestion).where(SurveyQuestion.key == item["key"]))
        if question is None:
            question = SurveyQuestion(key=item["key"], text=item["text"], kind=item["kind"])
            session.add(question)
        question.text, question.kind = item["text"], item["kind"]
        question.sort_order, question.active = int(item.get("sort_order") or 0), bool(item.get("active", True))
        session.flush()
        session.execute(delete(SurveyOption).where(SurveyOption.question_id == question.id))
        for n, option in enumerate(item.get("options") or []):
            session.add(SurveyOption(question_id=question.id, value=str(option["value"]),
                                     label=str(option.get("label") or option["value"]), sort_order=n))
        session.flush()
    return len(items)


APPLY: dict[str, Callable[[Session, County, list[dict[str, Any]], bool], int]] = {
    "assignments": apply_assignments,
    "households": apply_households,
    "voters": apply_voters,
    "rights": apply_rights,
    "briefs": apply_briefs,
    "surveys": apply_surveys,
}


def apply_page(session: Session, county: County, page: wire.ChangesPage) -> int:
    """Apply one page and save its cursor, in the caller's transaction; returns the items applied."""
    applied = APPLY[page.scope](session, county, page.typed_items(), page.refetch)
    _save_cursor(session, page.scope, page.cursor)
    return applied


def wipe_voter_data(session: Session, reason: str) -> dict[str, int]:
    """Remove every voter-related row (voters, households, turfs, contacts, queued ops) after a revocation.

    Policy briefs, Secured Rights and survey questions are public and stay. Returns rows removed per table.
    """
    session.execute(delete(SyncBatch))  # sealed to the server, but the server no longer takes them
    removed: dict[str, int] = {}
    session.execute(update(Household).values(turf_id=None))
    models: tuple[type[Any], ...] = (ContactAttempt, TurfLine, TurfAssignment, OutboxOp, Turf, Voter, Household)
    for model in models:
        removed[model.__tablename__] = session.execute(delete(model)).rowcount  # type: ignore[attr-defined]
    session.execute(delete(SyncState))
    from canvass_app.store.models import Setting

    for key in ("sync.device", WIPE_SETTING):
        row = session.get(Setting, key)
        if row is not None:
            session.delete(row)
    session.flush()
    session.add(Setting(key=WIPE_SETTING, value={"at": utcnow().isoformat(), "reason": reason, "removed": removed}))
    return removed
