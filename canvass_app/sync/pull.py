"""Applying pulled pages: each page's items as upserts and the scope's cursor saved in the same transaction.

A page either lands whole (items and cursor) or not at all, so a crash between pages resumes at the next page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

from canvass_app.ballots.listing import apply_pulled_ballots
from canvass_app.candidates.candidates import apply_pulled_candidates
from canvass_app.candidates.scorecards import apply_pulled_scorecards
from canvass_app.gotv.rides import apply_pulled_rides
from canvass_app.paths import remove_private
from canvass_app.store.models import (
    ContactAttempt,
    County,
    Household,
    Member,
    OutboxOp,
    Precinct,
    ResultCode,
    RideRequest,
    SurveyOption,
    SurveyQuestion,
    SyncBatch,
    SyncState,
    Turf,
    TurfAssignment,
    TurfLine,
    Voted,
    Voter,
    utcnow,
)
from canvass_app.turfs.cutting import remove_local
from canvass_protocol import roles, wire

# Households before voters (voters name their household), voters before voted and turfs (they name voters).
PULL_ORDER = ("households", "voters", "voted", "members", "turfs", "contacts", "rights", "briefs", "surveys",
              "ballots", "scorecards", "candidates", "rides")
# Every field the server sends is stored: the columns are the wire models' fields, less the keys that link rows.
HOUSEHOLD_FIELDS = tuple(f for f in wire.item_fields("households") if f not in ("key", "precinct_code"))
VOTER_FIELDS = tuple(f for f in wire.item_fields("voters")
                     if f not in ("state_voter_id", "precinct_code", "household_key"))
VOTED_FIELDS = tuple(f for f in wire.item_fields("voted") if f != "state_voter_id")
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
    if refetch:  # the voters' voted rows start again too (a new turf's voted rows may have gone by before it)
        session.execute(delete(SyncState).where(SyncState.scope == "voted"))
    return _upsert(session, Voter.__table__, "state_voter_id", county.id, rows)


def apply_voted(session: Session, county: County, items: list[dict[str, Any]], refetch: bool) -> int:
    """Who has voted (GOTV) into `voted`, replacing this device's row of that voter and election; an item whose
    voter is not on this device is skipped. A refetch drops nothing: a vote once recorded is never taken back,
    and a voter who leaves the device takes their rows with them."""
    ids = dict(session.execute(select(Voter.state_voter_id, Voter.id).where(
        Voter.county_id == county.id, Voter.state_voter_id.in_({i["state_voter_id"] for i in items}))).all())
    rows = [{"voter_id": ids[i["state_voter_id"]], "county_id": county.id, **{f: i[f] for f in VOTED_FIELDS}}
            for i in items if i["state_voter_id"] in ids]
    if rows:
        stmt = sqlite.insert(Voted)
        session.execute(stmt.on_conflict_do_update(
            index_elements=[Voted.voter_id, Voted.election],
            set_={f: stmt.excluded[f] for f in ("county_id", *VOTED_FIELDS) if f != "election"}), rows)
    return len(rows)


def _when(value: Any) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if isinstance(value, str) and value else None


def apply_members(session: Session, county: County, items: list[dict[str, Any]], refetch: bool) -> int:
    for item in items:
        session.merge(Member(id=item["id"], name=item["name"], role=item["role"], status=item["status"]))
    session.flush()
    return len(items)


def _turf_lines(session: Session, county: County, turf: Turf, lines: list[list[Any]]) -> None:
    """The turf's lines as the server has them, and its households: those of its voters (known here)."""
    ids = dict(session.execute(select(Voter.state_voter_id, Voter.id).where(
        Voter.county_id == county.id, Voter.state_voter_id.in_({str(sid) for _, sid in lines}))).all())
    session.execute(delete(TurfLine).where(TurfLine.turf_id == turf.id))
    rows = [{"turf_id": turf.id, "line": int(line), "voter_id": ids[sid]} for line, sid in lines if sid in ids]
    if rows:
        session.execute(insert(TurfLine), rows)
    homes = select(Voter.household_id).where(Voter.id.in_(select(TurfLine.voter_id).where(
        TurfLine.turf_id == turf.id)))
    session.execute(update(Household).where(Household.turf_id == turf.id, Household.id.not_in(homes))
                    .values(turf_id=None), execution_options={"synchronize_session": False})
    session.execute(update(Household).where(Household.id.in_(homes)).values(turf_id=turf.id),
                    execution_options={"synchronize_session": False})


def _turf_holder(session: Session, turf: Turf, item: dict[str, Any]) -> None:
    """The open assignment follows the server's holder (a free-text one of this device's own stays)."""
    held = session.scalar(select(TurfAssignment).where(TurfAssignment.turf_id == turf.id,
                                                       TurfAssignment.returned_at.is_(None)))
    member_id = item.get("member_id")
    if held is not None and held.member_id is not None and held.member_id == member_id:
        held.checked_out_at = _when(item.get("checked_out_at")) or held.checked_out_at
        return
    if held is not None and (member_id is not None or held.member_id is not None):
        held.returned_at = utcnow()
        session.flush()
    if member_id is not None:
        session.add(TurfAssignment(turf_id=turf.id, member_id=member_id, canvasser=item.get("member_name") or "",
                                   checked_out_at=_when(item.get("checked_out_at"))))


def apply_turfs(session: Session, county: County, items: list[dict[str, Any]], refetch: bool) -> int:
    """Upsert turfs by list number with their lines, households and holder; a deleted one is removed here."""
    precincts = _precincts(session, county.id, {i["precinct_code"] for i in items if i.get("precinct_code")})
    for item in items:
        number = str(item["list_number"]).strip().upper()
        turf = session.scalar(select(Turf).where(Turf.list_number == number))
        if item["deleted"]:
            if turf is not None:
                remove_local(session, [turf.id])
            continue
        if turf is None:
            turf = Turf(county_id=county.id, list_number=number)
            session.add(turf)
        turf.name = item.get("name") or number
        turf.precinct_id = precincts.get(item.get("precinct_code") or "")
        turf.both_sides_ascending, turf.mine = bool(item["both_sides_ascending"]), bool(item["mine"])
        session.flush()
        _turf_lines(session, county, turf, item["lines"])
        _turf_holder(session, turf, item)
        session.flush()
    return len(items)


CONTACT_FIELDS = ("support", "top_issue", "volunteer_interest", "preferred_language", "needs_ride", "answers", "note",
                  "canvasser", "source")


def apply_contacts(session: Session, county: County, items: list[dict[str, Any]], refetch: bool) -> int:
    """Contacts logged on other devices (and this one's, as the server stored them): append-only, so a contact
    already here is left alone. One whose voter is not on this device is skipped; a correction of a contact that
    is not here stands on its own."""
    voters = {sid: (vid, hid) for sid, vid, hid in session.execute(
        select(Voter.state_voter_id, Voter.id, Voter.household_id).where(
            Voter.county_id == county.id, Voter.state_voter_id.in_({i["state_voter_id"] for i in items})))}
    wanted = {i["id"] for i in items} | {i["corrects_id"] for i in items if i.get("corrects_id")}
    known = set(session.scalars(select(ContactAttempt.id).where(ContactAttempt.id.in_(wanted))))
    codes = dict(session.execute(select(ResultCode.code, ResultCode.id)).all())
    turfs = dict(session.execute(select(Turf.list_number, Turf.id).where(
        Turf.list_number.in_({i["list_number"] for i in items if i.get("list_number")}))).all())
    rows = []
    for item in items:
        if item["id"] in known or item["state_voter_id"] not in voters:
            continue
        known.add(item["id"])
        vid, hid = voters[item["state_voter_id"]]
        rows.append({"id": item["id"], "voter_id": vid, "household_id": hid, "result_code_id": codes[item["result"]],
                     "turf_id": turfs.get(item.get("list_number") or ""),
                     "corrects_id": item["corrects_id"] if item.get("corrects_id") in known else None,
                     "created_at": _when(item["created_at"]) or utcnow(),
                     **{f: item.get(f) for f in CONTACT_FIELDS}})
    if rows:
        session.execute(insert(ContactAttempt), rows)
    return len(rows)


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
    "households": apply_households,
    "voters": apply_voters,
    "voted": apply_voted,
    "members": apply_members,
    "turfs": apply_turfs,
    "contacts": apply_contacts,
    "rights": apply_rights,
    "briefs": apply_briefs,
    "surveys": apply_surveys,
    "ballots": apply_pulled_ballots,
    "scorecards": apply_pulled_scorecards,
    "candidates": apply_pulled_candidates,
    "rides": apply_pulled_rides,
}


def scopes_for(role: str) -> list[str]:
    """The scopes a device of this role pulls, in PULL_ORDER: those the role table lets it (and this app reads)."""
    return [scope for scope in PULL_ORDER if scope in APPLY and roles.may_pull(role, scope) is not None]


def _pending_voters(session: Session) -> set[str]:
    """State voter ids named by ops not yet taken by the server: their voters stay until the ops are sent."""
    payloads = session.scalars(select(OutboxOp.payload).where(OutboxOp.status.in_(("pending", "batched"))))
    return {p["state_voter_id"] for p in payloads if isinstance(p, dict) and "state_voter_id" in p}


def after_pull(session: Session, role: str) -> dict[str, int]:
    """After a whole pull: a device that reaches only its own turfs' voters (a canvasser's) removes the voters and
    households on none of its turfs, with their contacts (already synced). Returns the rows removed per table."""
    if roles.may_pull(role, "voters") != "own":
        return {}
    on_turfs = select(TurfLine.voter_id)
    pending = _pending_voters(session)
    gone = [vid for vid, sid in session.execute(select(Voter.id, Voter.state_voter_id).where(
        Voter.id.not_in(on_turfs))) if sid not in pending]
    removed = {"contact_attempt": 0, "voter": 0, "household": 0}
    for i in range(0, len(gone), 900):
        chunk = gone[i:i + 900]
        removed["contact_attempt"] += session.execute(  # corrections first: they point at the contact they correct
            delete(ContactAttempt).where(ContactAttempt.voter_id.in_(chunk), ContactAttempt.corrects_id.is_not(None))
        ).rowcount  # type: ignore[attr-defined]
        removed["contact_attempt"] += session.execute(
            delete(ContactAttempt).where(ContactAttempt.voter_id.in_(chunk))).rowcount  # type: ignore[attr-defined]
        removed["voter"] += session.execute(delete(Voter).where(Voter.id.in_(chunk))).rowcount  # type: ignore[attr-defined]
    lived_in = select(Voter.household_id).where(Voter.household_id.is_not(None))
    empty = select(Household.id).where(Household.turf_id.is_(None), Household.id.not_in(lived_in))
    unvisited = select(ContactAttempt.household_id).where(ContactAttempt.household_id.is_not(None))
    removed["household"] = session.execute(delete(Household).where(
        Household.id.in_(empty), Household.id.not_in(unvisited))).rowcount  # type: ignore[attr-defined]
    session.flush()
    return removed


def apply_page(session: Session, county: County, page: wire.ChangesPage) -> int:
    """Apply one page and save its cursor, in the caller's transaction; returns the items applied."""
    applied = APPLY[page.scope](session, county, page.typed_items(), page.refetch)
    _save_cursor(session, page.scope, page.cursor)
    return applied


def wipe_voter_data(session: Session, reason: str) -> dict[str, int]:
    """Remove every voter-related row (voters, households, turfs, contacts, queued ops) after a revocation.

    Policy briefs, Secured Rights and survey questions are public and stay, and so do the unsynced ops that
    sync/kept.py sealed for the server beforehand (the setting `sync.kept`). Returns rows removed per table.
    """
    session.execute(delete(SyncBatch))  # their sealed copies are in sync.kept
    removed: dict[str, int] = {}
    session.execute(update(Household).values(turf_id=None))
    models: tuple[type[Any], ...] = (ContactAttempt, TurfLine, TurfAssignment, OutboxOp, Turf, RideRequest, Voter,
                                     Household, Member)
    for model in models:
        removed[model.__tablename__] = session.execute(delete(model)).rowcount  # type: ignore[attr-defined]
    session.execute(delete(SyncState))
    from canvass_app.store.models import Setting

    for key in ("sync.device", WIPE_SETTING):
        row = session.get(Setting, key)
        if row is not None:
            session.delete(row)
    session.flush()
    store_file = session.connection().engine.url.database  # and walk-list previews, outside the store
    if store_file:
        remove_private(Path(store_file).parent)
    session.add(Setting(key=WIPE_SETTING, value={"at": utcnow().isoformat(), "reason": reason, "removed": removed}))
    return removed
