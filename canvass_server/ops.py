"""Applying the ops of one opened batch: validate, scope to the device's county, dedupe by op_id, bulk-write."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from pydantic import BaseModel, ValidationError
from sqlalchemy import String, Table, any_, select
from sqlalchemy import cast as cast_
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from canvass_protocol import wire
from canvass_server import versions
from canvass_server.bulk import write_rows
from canvass_server.models import (
    AppliedOp,
    ContactAttempt,
    County,
    Device,
    PolicyBrief,
    PolicyVote,
    Turf,
    Voter,
    utcnow,
)

R = wire.OpRejection
CHUNK = 900  # stays under SQLite's bound-parameter limit
TEXT_LIMITS = {"phone": 30, "email": 120, "language": 10}


@dataclass
class Outcome:
    results: dict[str, wire.OpResult] = field(default_factory=dict)

    def reject(self, op: wire.Op, code: wire.OpRejection, reason: str) -> None:
        self.results[op.op_id] = wire.OpResult(op_id=op.op_id, seq=op.seq, status="rejected", code=code,
                                               reason=reason)

    def ok(self, op: wire.Op, status: str = "applied") -> None:
        self.results[op.op_id] = wire.OpResult(op_id=op.op_id, seq=op.seq, status=status)  # type: ignore[arg-type]


def _chunks(values: list[Any]) -> Iterable[list[Any]]:
    for i in range(0, len(values), CHUNK):
        yield values[i : i + CHUNK]


def _among(session: Session, column: Any, values: list[str]) -> Iterable[Any]:
    """`column IN values`: on PostgreSQL one array parameter (no long query text to parse), else chunked IN."""
    if session.get_bind().dialect.name == "postgresql":
        yield column == any_(cast_(values, ARRAY(String)))
        return
    for chunk in _chunks(values):
        yield column.in_(chunk)


def _describe(exc: ValidationError) -> str:
    """Field names and error kinds only: pydantic messages may echo the (personal) input values."""
    parts = [f"{'.'.join(str(p) for p in e['loc']) or 'payload'}: {e['type']}" for e in exc.errors()[:5]]
    return "invalid payload (" + "; ".join(parts) + ")"


def _same_county(ref: wire.CountyRef, county: County) -> bool:
    return ref.name.casefold() == county.name.casefold() and ref.state == county.state


def apply_ops(session: Session, device: Device, county: County, batch_id: str, ops: list[wire.Op]) -> Outcome:
    """Apply every op not seen before; results keyed by op_id. The caller holds the device row lock."""
    out = Outcome()
    seen: dict[str, str] = {}
    for where in _among(session, AppliedOp.op_id, [op.op_id for op in ops]):
        for op_id, owner in session.execute(select(AppliedOp.op_id, AppliedOp.device_id).where(where)):
            seen[op_id] = owner
    parsed: dict[str, list[tuple[wire.Op, Any]]] = {t: [] for t in wire.OP_TYPES}
    for op in ops:
        if op.op_id in seen:
            out.ok(op, "duplicate")
        elif op.seq <= device.last_seq:
            out.reject(op, R.SEQ_REUSED, "this seq was already applied with another op_id")
        elif op.type not in wire.PAYLOAD_MODELS:
            out.reject(op, R.UNKNOWN_OP_TYPE, f"unknown op type {op.type[:40]!r}")
        elif op.schema_version != 1:
            out.reject(op, R.UNSUPPORTED_SCHEMA, f"schema_version {op.schema_version} is not supported")
        else:
            model: type[BaseModel] = wire.PAYLOAD_MODELS[op.type]
            try:
                parsed[op.type].append((op, model.model_validate(op.payload)))
            except ValidationError as exc:
                out.reject(op, R.INVALID_PAYLOAD, _describe(exc))
    for op, payload in [p for items in parsed.values() for p in items]:
        ref = getattr(payload, "county", None)
        if ref is not None and not _same_county(ref, county):
            out.reject(op, R.COUNTY_FORBIDDEN, "this device may not write to another county")
    todo = {t: [(op, p) for op, p in items if op.op_id not in out.results] for t, items in parsed.items()}
    _contacts(session, device, county, todo["contact_attempt"], out)
    _corrections(session, county, todo["voter_correction"], out)
    _votes(session, device, county, todo["policy_vote"], out)
    _checkouts(session, county, todo["turf_checkout"], out)
    ledger = [
        {"op_id": op.op_id, "device_id": device.id, "seq": op.seq, "batch_id": batch_id, "op_type": op.type[:40],
         "status": out.results[op.op_id].status, "code": out.results[op.op_id].code}
        for op in ops
        if op.op_id not in seen
    ]
    # The device row lock and the check above make these op ids new; a collision with another device's op
    # (never expected of UUIDv7s) fails the transaction, and the retry then answers it as a duplicate.
    write_rows(session, cast(Table, AppliedOp.__table__), ledger)
    return out


def _voter_ids(session: Session, county: County, ids: set[str]) -> dict[str, tuple[int, int | None]]:
    found: dict[str, tuple[int, int | None]] = {}
    for where in _among(session, Voter.state_voter_id, sorted(ids)):
        for sid, vid, hid in session.execute(
            select(Voter.state_voter_id, Voter.id, Voter.household_id).where(Voter.county_id == county.id, where)
        ):
            found[sid] = (vid, hid)
    return found


def _contacts(session: Session, device: Device, county: County, items: list[tuple[wire.Op, Any]],
              out: Outcome) -> None:
    if not items:
        return
    voters = _voter_ids(session, county, {p.state_voter_id for _, p in items})
    existing: set[str] = set()
    for where in _among(session, ContactAttempt.id, [p.id for _, p in items]):
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
        existing.add(p.id)
        vid, hid = voters[p.state_voter_id]
        row = p.model_dump(exclude={"county", "state_voter_id"})
        row.update(county_id=county.id, voter_id=vid, household_id=hid, device_id=device.id, op_id=op.op_id,
                   received_at=now)
        rows.append(row)
        out.ok(op)
    if rows:
        write_rows(session, cast(Table, ContactAttempt.__table__), rows)


def _check_fields(fields: dict[str, Any]) -> str | None:
    for name, value in fields.items():
        if name in TEXT_LIMITS:
            if value is not None and (not isinstance(value, str) or len(value) > TEXT_LIMITS[name]):
                return f"{name} must be text of at most {TEXT_LIMITS[name]} characters, or null"
        elif not isinstance(value, bool):
            return f"{name} must be true or false"
    return None


def _corrections(session: Session, county: County, items: list[tuple[wire.Op, Any]], out: Outcome) -> None:
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
        for name, value in p.fields.items():  # order of receipt decides: the last applied wins
            setattr(voter, name, value)
        voter.version = versions.bump(session, f"voters:{county.id}")
        out.ok(op)


def _votes(session: Session, device: Device, county: County, items: list[tuple[wire.Op, Any]],
           out: Outcome) -> None:
    for op, p in items:
        briefs = session.scalars(
            select(PolicyBrief).where(PolicyBrief.slug == p.brief_slug, PolicyBrief.status != "retired")
        ).all()
        if not briefs:
            out.reject(op, R.UNKNOWN_BRIEF, "no open policy brief with this slug")
            continue
        vote = session.execute(
            select(PolicyVote).where(PolicyVote.brief_slug == p.brief_slug, PolicyVote.person == p.person)
        ).scalar_one_or_none()
        if vote is None:
            session.add(PolicyVote(id=p.id, brief_slug=p.brief_slug, person=p.person, choice=p.choice,
                                   comment=p.comment, created_at=p.created_at, county_id=county.id,
                                   device_id=device.id))
        else:
            vote.choice, vote.comment, vote.created_at = p.choice, p.comment, p.created_at
            vote.device_id, vote.received_at = device.id, utcnow()
        version = versions.bump(session, "briefs")  # the tallies travel with the brief
        for brief in briefs:
            brief.version = version
        session.flush()
        out.ok(op)


def _checkouts(session: Session, county: County, items: list[tuple[wire.Op, Any]], out: Outcome) -> None:
    for op, p in items:
        session.execute(versions.insert_ignore(session, Turf).values(
            county_id=county.id, list_number=p.list_number, name=p.list_number, version=0))
        turf = session.execute(
            select(Turf).where(Turf.county_id == county.id, Turf.list_number == p.list_number)
        ).scalar_one()
        if p.action == "checkout":
            turf.canvasser, turf.checked_out_at, turf.returned_at = p.canvasser, utcnow(), None
        else:
            turf.returned_at = utcnow()
        turf.version = versions.bump(session, f"assignments:{county.id}")
        out.ok(op)
