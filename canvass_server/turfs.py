"""Turfs that travel: a county lead's cut (turf_cut), hand-outs and returns (turf_assign), deletions (turf_delete),
and which voters a member may reach through the turfs they hold or have held."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Table, delete, select, update
from sqlalchemy.orm import Session

from canvass_protocol import roles, wire
from canvass_server import rollups, versions
from canvass_server.authz import Caller
from canvass_server.bulk import write_rows
from canvass_server.models import Member, Turf, TurfAssignment, TurfLine, Voter, utcnow
from canvass_server.outcome import Outcome, among

R = wire.OpRejection
Item = tuple[wire.Op, Any]


def scope_key(county_id: int) -> str:
    return f"turfs:{county_id}"


def apply_turf_ops(session: Session, caller: Caller, cuts: list[Item], assigns: list[Item], deletes: list[Item],
                   out: Outcome) -> None:
    """Apply cuts, then assignments, then deletions, in seq order within each; each op applied or rejected."""
    for op, payload in sorted(cuts, key=lambda item: item[0].seq):
        _cut(session, caller, op, payload, out)
    for op, payload in sorted(assigns, key=lambda item: item[0].seq):
        _assign(session, caller, op, payload, out)
    for op, payload in sorted(deletes, key=lambda item: item[0].seq):
        _delete(session, caller, op, payload, out)


def _turf(session: Session, caller: Caller, list_number: str) -> Turf | None:
    return session.scalar(select(Turf).where(Turf.county_id == caller.county.id, Turf.list_number == list_number))


def _touch(session: Session, caller: Caller, turf: Turf) -> None:
    turf.version = versions.bump(session, scope_key(caller.county.id))


def _cut(session: Session, caller: Caller, op: wire.Op, p: wire.TurfCutPayload, out: Outcome) -> None:
    turf = _turf(session, caller, p.list_number)
    if turf is not None and turf.created_by_device != caller.device.id:
        out.reject(op, R.LIST_NUMBER_TAKEN, f"{p.list_number} is another device's turf in this county")
        return
    numbers = [line for line, _ in p.lines]
    if len(set(numbers)) != len(numbers):
        out.reject(op, R.INVALID_PAYLOAD, "a line number appears twice")
        return
    ids: dict[str, int] = {}
    wanted = sorted({sid for _, sid in p.lines})
    for where in among(session, Voter.state_voter_id, wanted):
        ids.update(session.execute(select(Voter.state_voter_id, Voter.id).where(
            Voter.county_id == caller.county.id, where)).all())
    unknown = next((sid for _, sid in p.lines if sid not in ids), None)
    if unknown is not None:
        out.reject(op, R.UNKNOWN_VOTER, f"no voter {unknown} in this county; the turf was not cut")
        return
    if turf is None:
        turf = Turf(county_id=caller.county.id, list_number=p.list_number, created_by_device=caller.device.id)
        session.add(turf)
    else:  # the same device cutting this list number again: its new cut replaces the old
        session.execute(delete(TurfLine).where(TurfLine.turf_id == turf.id))
    turf.name, turf.precinct_code, turf.both_sides_ascending = p.name, p.precinct_code, p.both_sides_ascending
    turf.deleted = False
    _touch(session, caller, turf)
    session.flush()
    write_rows(session, cast(Table, TurfLine.__table__),
               [{"turf_id": turf.id, "line": line, "voter_id": ids[sid]} for line, sid in p.lines])
    rollups.refresh_turfs(session, turf_ids=[turf.id])
    out.ok(op)


def _close_assignment(session: Session, turf: Turf) -> None:
    session.execute(update(TurfAssignment).where(TurfAssignment.turf_id == turf.id,
                                                 TurfAssignment.returned_at.is_(None)).values(returned_at=utcnow()))
    turf.member_id, turf.checked_out_at = None, None


def _assign(session: Session, caller: Caller, op: wire.Op, p: wire.TurfAssignPayload, out: Outcome) -> None:
    turf = _turf(session, caller, p.list_number)
    if turf is None or turf.deleted:
        out.reject(op, R.UNKNOWN_TURF, f"no turf {p.list_number} in this county")
        return
    if roles.may_send(caller.role, "turf_assign") == "own" and (
            p.action != "return" or turf.member_id != caller.member.id):
        out.reject(op, R.FORBIDDEN_ROLE, f"a {caller.role} may only return a turf they hold")
        return
    if p.action == "return":
        if turf.member_id is not None:
            _close_assignment(session, turf)
            _touch(session, caller, turf)
        out.ok(op)
        return
    member = session.get(Member, p.member_id) if p.member_id is not None else None
    if member is None or member.county_id != caller.county.id or member.status != "active":
        out.reject(op, R.UNKNOWN_MEMBER, f"no active member {p.member_id} in this county")
        return
    if roles.may_pull(member.role, "turfs") is None:
        out.reject(op, R.FORBIDDEN_ROLE, f"a {member.role} cannot hold turfs")
        return
    if turf.member_id != member.id:
        _close_assignment(session, turf)
        session.add(TurfAssignment(turf_id=turf.id, member_id=member.id))
        turf.member_id, turf.checked_out_at = member.id, utcnow()
        _touch(session, caller, turf)
    out.ok(op)


def _delete(session: Session, caller: Caller, op: wire.Op, p: wire.TurfDeletePayload, out: Outcome) -> None:
    turf = _turf(session, caller, p.list_number)
    if turf is None:
        out.reject(op, R.UNKNOWN_TURF, f"no turf {p.list_number} in this county")
        return
    if not turf.deleted:  # its lines stay: a canvasser who held it may still sync results from it
        _close_assignment(session, turf)
        turf.deleted = True
        _touch(session, caller, turf)
    out.ok(op)


def voters_ever_held(session: Session, member_id: int, voter_ids: set[int]) -> set[int]:
    """Of `voter_ids`, those on a turf the member holds or has held."""
    found: set[int] = set()
    held = select(TurfAssignment.turf_id).where(TurfAssignment.member_id == member_id)
    for where in among(session, TurfLine.voter_id, sorted(voter_ids)):
        found.update(session.scalars(select(TurfLine.voter_id).where(where, TurfLine.turf_id.in_(held))))
    return found
