"""Applying the ops of one opened batch: validate, check the role table, scope to the device's county, dedupe by
op_id, bulk-write. The author of every op is the authenticated device's member (`caller.member`), never a payload."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from typing import Any, cast

from pydantic import BaseModel, ValidationError
from sqlalchemy import Table, select, text
from sqlalchemy.exc import OperationalError, StatementError
from sqlalchemy.orm import Session

from canvass_protocol import roles, wire
from canvass_server import ballots, candidates, rides, rollup_queue, turfs, versions
from canvass_server.authz import Caller
from canvass_server.bulk import write_rows
from canvass_server.models import AppliedOp, ContactAttempt, County, Voter, utcnow
from canvass_server.outcome import Outcome, among
from canvass_server.record import Applied

log = logging.getLogger(__name__)
R = wire.OpRejection
Todo = dict[str, list[tuple[wire.Op, Any]]]
# Op types whose payload names the row it creates.
ID_FIELD = {"contact_attempt": "id", "ballot_vote": "id", "petition_sign": "id", "ride_request": "id"}
TEXT_LIMITS = {"phone": 30, "email": 120, "language": 10}


def _describe(exc: ValidationError) -> str:
    """Field names and error kinds only: pydantic messages may echo the (personal) input values."""
    parts = [f"{'.'.join(str(p) for p in e['loc']) or 'payload'}: {e['type']}" for e in exc.errors()[:5]]
    return "invalid payload (" + "; ".join(parts) + ")"


def _same_county(ref: wire.CountyRef, county: County) -> bool:
    return ref.name.casefold() == county.name.casefold() and ref.state == county.state


def apply_ops(session: Session, caller: Caller, batch_id: str, ops: list[wire.Op], *, fast: bool = True) -> Applied:
    """Decide every op not seen before (results keyed by op_id) and apply it, or leave it to `record.record`; the
    caller holds the device row lock and records the batch.

    `fast` (on PostgreSQL, when the batch's new ops are all contacts): the op-id ledger, the voters and the contact
    ids are looked up in one statement and the contact rows are left pending, to be written by the batch's one
    recording statement. If the database refuses them there (record.Refused), the caller rolls back and calls
    again in a new transaction with `fast=False`: every op applied in savepoints, as many as it takes
    (`_apply_guarded`)."""
    device, county = caller.device, caller.county
    out = Outcome()
    looked = _look_up(session, caller, ops)
    if looked is not None:
        seen = looked.seen
    else:
        seen = set()
        for where in among(session, AppliedOp.op_id, [op.op_id for op in ops]):
            seen.update(session.scalars(select(AppliedOp.op_id).where(where)))
    parsed: Todo = {t: [] for t in wire.OP_TYPES}
    for op in ops:  # envelope.open_body refused op_ids repeated inside the batch
        if op.op_id in seen:
            out.ok(op, "duplicate")
        elif op.seq <= device.last_seq:
            out.reject(op, R.SEQ_REUSED, "this seq was already applied with another op_id")
        elif op.type not in wire.PAYLOAD_MODELS:
            out.reject(op, R.UNKNOWN_OP_TYPE, f"unknown op type {op.type[:40]!r}")
        elif op.schema_version != wire.OP_SCHEMA_VERSION:
            out.reject(op, R.UNSUPPORTED_SCHEMA, f"schema_version {op.schema_version} is not supported "
                                                 f"(protocol {wire.PROTOCOL_VERSION} ops are {wire.OP_SCHEMA_VERSION})")
        elif roles.may_send(caller.role, op.type) is None:
            out.reject(op, R.FORBIDDEN_ROLE, f"a {caller.role} may not send {op.type} ops")
        else:
            model: type[BaseModel] = wire.PAYLOAD_MODELS[op.type]
            try:
                parsed[op.type].append((op, model.model_validate(op.payload)))
            except ValidationError as exc:
                out.reject(op, R.INVALID_PAYLOAD, _describe(exc))
    for op_type, items in parsed.items():
        ids = Counter(getattr(p, ID_FIELD[op_type]) for _, p in items) if op_type in ID_FIELD else Counter()
        for op, payload in items:
            ref = getattr(payload, "county", None)
            if ref is not None and not _same_county(ref, county):
                out.reject(op, R.COUNTY_FORBIDDEN, "this device may not write to another county")
            elif ids and ids[getattr(payload, ID_FIELD[op_type])] > 1:
                out.reject(op, R.ID_CONFLICT, f"this {op_type} id appears more than once in the batch")
    todo = {t: [(op, p) for op, p in items if op.op_id not in out.results] for t, items in parsed.items()}
    if any(todo[t] for t in ("turf_cut", "turf_assign", "turf_delete")):
        looked = None  # turfs change hands in this batch: who may write about which voter is asked afterwards
    scope = f"contacts:{county.id}"
    applied = Applied(out)
    if (fast and looked is not None and not any(items for t, items in todo.items() if t != "contact_attempt")
            and scope not in session.info.get("versions", {})):
        applied.contacts = _contact_rows(session, caller, todo["contact_attempt"], out, looked)
        applied.contacts_scope = scope
    else:
        _apply_guarded(session, caller, todo, out, looked)
    # The device row lock and the check above make these op ids new; a collision with another device's op
    # (never expected of UUIDv7s) fails the transaction, and the retry then answers it as a duplicate.
    applied.ledger = [
        {"op_id": op.op_id, "device_id": device.id, "seq": op.seq, "batch_id": batch_id,
         "op_type": op.type if op.type in wire.PAYLOAD_MODELS else "unknown",
         "status": out.results[op.op_id].status, "code": out.results[op.op_id].code}
        for op in ops
        if op.op_id not in seen
    ]
    return applied


@dataclass(frozen=True)
class LookedUp:
    """What one statement found before the ops were applied (`_look_up`)."""

    seen: set[str]  # op ids already in the ledger
    voter_ids: set[str]  # the state voter ids asked about ...
    voters: dict[str, tuple[int, int | None, bool]]  # ... and those found: (id, household id, held by the member)
    contact_ids: set[str]  # the contact ids asked about ...
    contacts: set[str]  # ... and those stored already


# The op-id ledger, the county's voters named by the batch's contacts (with whether the member holds or held a turf
# they are on: the "own" reach, turfs.voters_ever_held) and the contact ids already stored: one round trip.
LOOK_UP = text("""
SELECT 'op', op_id, NULL::bigint, NULL::bigint, NULL::boolean FROM applied_op WHERE op_id = ANY(CAST(:ops AS text[]))
UNION ALL
SELECT 'voter', v.state_voter_id, v.id, v.household_id,
       v.id IN (SELECT tl.voter_id FROM turf_line tl JOIN turf_assignment ta ON ta.turf_id = tl.turf_id
                WHERE ta.member_id = :member)
FROM voter v WHERE v.county_id = :county AND v.state_voter_id = ANY(CAST(:voters AS text[]))
UNION ALL
SELECT 'contact', id, NULL, NULL, NULL FROM contact_attempt WHERE id = ANY(CAST(:contacts AS text[]))
""")


def _look_up(session: Session, caller: Caller, ops: list[wire.Op]) -> LookedUp | None:
    """On PostgreSQL, `LOOK_UP` for the batch's op ids and its contact ops' voters and ids (as sent: the values
    validated later are looked up again if they differ); None elsewhere."""
    if session.get_bind().dialect.name != "postgresql":
        return None
    contacts = [op.payload for op in ops if op.type == "contact_attempt"]
    voter_ids = {v for p in contacts if isinstance(v := p.get("state_voter_id"), str)}
    contact_ids = {c for p in contacts if isinstance(c := p.get("id"), str)}
    found = LookedUp(set(), voter_ids, {}, contact_ids, set())
    for kind, key, vid, hid, held in session.execute(LOOK_UP, {
            "ops": [op.op_id for op in ops], "member": caller.member.id, "county": caller.county.id,
            "voters": sorted(voter_ids), "contacts": sorted(contact_ids)}):
        if kind == "op":
            found.seen.add(key)
        elif kind == "voter":
            found.voters[key] = (vid, hid, held)
        else:
            found.contacts.add(key)
    return found


def _apply(session: Session, caller: Caller, todo: Todo, out: Outcome, looked: LookedUp | None) -> None:
    # Turfs first: a lead's batch may cut a turf and log contacts on it.
    turfs.apply_turf_ops(session, caller, todo["turf_cut"], todo["turf_assign"], todo["turf_delete"], out)
    _contacts(session, caller, todo["contact_attempt"], out, looked)
    _corrections(session, caller, todo["voter_correction"], out)
    ballots.apply_votes(session, caller, todo["ballot_vote"], out)
    candidates.apply_signatures(session, caller, todo["petition_sign"], out)
    rides.apply_ride_ops(session, caller, todo["ride_request"], todo["ride_update"], out,
                         lambda voter_ids: _out_of_reach(session, caller, "ride_request", voter_ids))


def _apply_guarded(session: Session, caller: Caller, todo: Todo, out: Outcome, looked: LookedUp | None) -> None:
    """All the ops in one savepoint; if the database refuses any of them (a constraint, a value it cannot
    store), each op again in its own savepoint, and the ones it still refuses are rejected: one bad op never
    fails the batch. Lock and connection trouble (OperationalError) still fails it, to be retried."""
    trial = Outcome()
    if _in_savepoint(session, lambda: _apply(session, caller, todo, trial, looked)):
        out.results.update(trial.results)
        return
    for op_type, items in todo.items():
        for item in items:
            alone = {t: [item] if t == op_type else [] for t in todo}
            trial = Outcome()
            if _in_savepoint(session, lambda: _apply(session, caller, alone, trial, looked)):  # noqa: B023
                out.results.update(trial.results)
            else:
                out.reject(item[0], R.INVALID_PAYLOAD, "the database refused this op (a value it cannot store "
                                                       "or a conflict with stored data)")


def _in_savepoint(session: Session, work: Any) -> bool:
    """Run `work` in a savepoint; False (rolled back, version counters as before) if the database refused it."""
    counters = dict(session.info.get("versions", {}))
    try:
        with session.begin_nested():
            work()
    except OperationalError:
        raise
    except StatementError as exc:
        log.warning("op refused by the database: %s", type(exc.orig or exc).__name__)
        session.info["versions"] = counters
        return False
    return True


def _voter_ids(session: Session, county: County, ids: set[str]) -> dict[str, tuple[int, int | None]]:
    found: dict[str, tuple[int, int | None]] = {}
    for where in among(session, Voter.state_voter_id, sorted(ids)):
        for sid, vid, hid in session.execute(
            select(Voter.state_voter_id, Voter.id, Voter.household_id).where(Voter.county_id == county.id, where)
        ):
            found[sid] = (vid, hid)
    return found


def _out_of_reach(session: Session, caller: Caller, op_type: str, voter_ids: set[int]) -> set[int]:
    """The voters this caller may not write about: none for a role that reaches the whole county; for "own",
    those on no turf the member holds or has held."""
    if roles.may_send(caller.role, op_type) == "all" or not voter_ids:
        return set()
    return voter_ids - turfs.voters_ever_held(session, caller.member.id, voter_ids)


def _contacts(session: Session, caller: Caller, items: list[tuple[wire.Op, Any]], out: Outcome,
              looked: LookedUp | None) -> None:
    rows = _contact_rows(session, caller, items, out, looked)
    if rows:
        version = versions.bump(session, f"contacts:{caller.county.id}")
        for row in rows:
            row["version"] = version
        write_rows(session, cast(Table, ContactAttempt.__table__), rows)
        rollup_queue.enqueue(session, [row["id"] for row in rows])


def _contact_rows(session: Session, caller: Caller, items: list[tuple[wire.Op, Any]], out: Outcome,
                  looked: LookedUp | None) -> list[dict[str, Any]]:
    """The rows to store for these contact ops (without their version); the others rejected or duplicates."""
    if not items:
        return []
    device, county, member = caller.device, caller.county, caller.member
    wanted = {p.state_voter_id for _, p in items}
    ids = [p.id for _, p in items]
    if looked is not None and wanted <= looked.voter_ids and looked.contact_ids.issuperset(ids):
        voters = {sid: (vid, hid) for sid, (vid, hid, _) in looked.voters.items()}
        own = roles.may_send(caller.role, "contact_attempt") != "all"
        barred = {vid for vid, _, held in looked.voters.values() if own and not held}
        existing = set(looked.contacts)
    else:
        voters = _voter_ids(session, county, wanted)
        barred = _out_of_reach(session, caller, "contact_attempt", {vid for vid, _ in voters.values()})
        existing = set()
        for where in among(session, ContactAttempt.id, ids):
            existing.update(session.scalars(select(ContactAttempt.id).where(where)))
    rows = []
    now = utcnow()
    for op, p in items:
        if p.state_voter_id not in voters:
            out.reject(op, R.UNKNOWN_VOTER, "no such voter in this county")
            continue
        if p.id in existing:
            out.ok(op, "duplicate")
            continue
        vid, hid = voters[p.state_voter_id]
        if vid in barred:
            out.reject(op, R.FORBIDDEN_ROLE, "this voter is on no turf you hold or have held")
            continue
        existing.add(p.id)
        row = p.model_dump(exclude={"county", "state_voter_id"})
        row.update(county_id=county.id, voter_id=vid, household_id=hid, device_id=device.id, op_id=op.op_id,
                   received_at=now, member_id=member.id, canvasser=member.name)
        rows.append(row)
        out.ok(op)
    return rows


def _check_fields(fields: dict[str, Any]) -> str | None:
    for name, value in fields.items():
        if name in TEXT_LIMITS:
            if value is not None and (not isinstance(value, str) or len(value) > TEXT_LIMITS[name]):
                return f"{name} must be text of at most {TEXT_LIMITS[name]} characters, or null"
        elif not isinstance(value, bool):
            return f"{name} must be true or false"
    return None


def _corrections(session: Session, caller: Caller, items: list[tuple[wire.Op, Any]], out: Outcome) -> None:
    county = caller.county
    for op, p in items:
        problem = _check_fields(p.fields)
        if problem:
            out.reject(op, R.INVALID_PAYLOAD, problem)
            continue
        voter = session.execute(
            select(Voter).where(Voter.county_id == county.id, Voter.state_voter_id == p.state_voter_id)
        ).scalar_one_or_none()
        if voter is None:
            out.reject(op, R.UNKNOWN_VOTER, "no such voter in this county")
            continue
        if _out_of_reach(session, caller, "voter_correction", {voter.id}):
            out.reject(op, R.FORBIDDEN_ROLE, "this voter is on no turf you hold or have held")
            continue
        for name, value in p.fields.items():  # order of receipt decides: the last applied wins
            setattr(voter, name, value)
        voter.version = versions.bump(session, f"voters:{county.id}")
        out.ok(op)
