"""Rides to the polls (GOTV): ride requests from the door (`ride_request`), county leads' status changes
(`ride_update`), the `rides` pull scope and the counts by status for `stats`. Who asked and who changed a ride is
the authenticated device's member, never the payload."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from canvass_protocol import wire
from canvass_server import versions
from canvass_server.authz import Caller
from canvass_server.models import RideRequest, Voter, utcnow
from canvass_server.outcome import Outcome, among

R = wire.OpRejection
Item = tuple[wire.Op, Any]


def scope_key(county_id: int) -> str:
    return f"rides:{county_id}"


def apply_ride_ops(session: Session, caller: Caller, requests: list[Item], updates: list[Item], out: Outcome,
                   out_of_reach: Any) -> None:
    """Requests first (a lead may ask and arrange in one batch), then updates in seq order.
    `out_of_reach(voter_ids) -> set` says which voters the caller may not write about (ops.py's rule)."""
    _requests(session, caller, requests, out, out_of_reach)
    for op, payload in sorted(updates, key=lambda item: item[0].seq):
        _update(session, caller, op, payload, out)


def _requests(session: Session, caller: Caller, items: list[Item], out: Outcome, out_of_reach: Any) -> None:
    if not items:
        return
    county, member = caller.county, caller.member
    voters: dict[str, int] = {}
    for where in among(session, Voter.state_voter_id, sorted({p.state_voter_id for _, p in items})):
        voters.update(session.execute(select(Voter.state_voter_id, Voter.id).where(
            Voter.county_id == county.id, where)).all())
    barred = out_of_reach(set(voters.values()))
    existing: set[str] = set()
    for where in among(session, RideRequest.id, [p.id for _, p in items]):
        existing.update(session.scalars(select(RideRequest.id).where(where)))
    for op, p in items:
        if p.state_voter_id not in voters:
            out.reject(op, R.UNKNOWN_VOTER, "no such voter in this county")
        elif p.id in existing:
            out.ok(op, "duplicate")
        elif voters[p.state_voter_id] in barred:
            out.reject(op, R.FORBIDDEN_ROLE, "this voter is on no turf you hold or have held")
        else:
            existing.add(p.id)
            session.add(RideRequest(
                id=p.id, county_id=county.id, voter_id=voters[p.state_voter_id], pickup_at=p.pickup_at,
                pickup_address=p.pickup_address, passengers=p.passengers, phone=p.phone, note=p.note,
                status="requested", member_id=member.id, requested_by=member.name, device_id=caller.device.id,
                op_id=op.op_id, version=versions.bump(session, scope_key(county.id))))
            out.ok(op)
    session.flush()


def _update(session: Session, caller: Caller, op: wire.Op, p: wire.RideUpdatePayload, out: Outcome) -> None:
    """The role table (ops.py) let only county leads and admins this far."""
    ride = session.get(RideRequest, p.id)
    if ride is None or ride.county_id != caller.county.id:
        out.reject(op, R.UNKNOWN_RIDE, "no such ride request in this county")
        return
    ride.status = p.status
    if p.note:
        ride.note = p.note
    ride.updated_by, ride.updated_by_member, ride.updated_at = caller.member.name, caller.member.id, utcnow()
    ride.version = versions.bump(session, scope_key(caller.county.id))
    out.ok(op)


def pull_items(session: Session, caller: Caller, rows: Any) -> list[dict[str, Any]]:
    """RideItems of a page of ride requests, each with its voter's id and name."""
    names = {vid: (sid, " ".join(p for p in (first, last) if p)) for vid, sid, first, last in session.execute(
        select(Voter.id, Voter.state_voter_id, Voter.first_name, Voter.last_name).where(
            Voter.id.in_({r.voter_id for r in rows})))}
    return [{"id": r.id, "state_voter_id": names[r.voter_id][0], "voter_name": names[r.voter_id][1],
             "pickup_at": r.pickup_at, "pickup_address": r.pickup_address, "passengers": r.passengers,
             "phone": r.phone, "note": r.note, "status": r.status, "member_id": r.member_id,
             "requested_by": r.requested_by, "requested_at": r.requested_at.isoformat(),
             "updated_by": r.updated_by, "updated_at": r.updated_at.isoformat() if r.updated_at else None}
            for r in rows]


def counts_by_county(session: Session) -> dict[int, dict[str, int]]:
    """{county id: {status: rides}} with every status present."""
    out: dict[int, dict[str, int]] = {}
    for cid, status, n in session.execute(select(RideRequest.county_id, RideRequest.status, func.count())
                                          .group_by(RideRequest.county_id, RideRequest.status)):
        out.setdefault(cid, dict.fromkeys(wire.RIDE_STATUSES, 0))[status] = n
    return out
