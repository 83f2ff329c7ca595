"""`stats`: per county, devices, contact attempts, doors knocked, results by code, votes per policy, election-day
progress (`gotv`, canvass_server.gotv) and rides to the polls by status (`rides`).

Only effective results count: a contact row that corrects another (an undo, or the retraction half of an amended
answer) is no result, and neither is a row that a later row corrects. One Hostile that was undone counts nothing.
Results and doors are read from the rollups kept by this rule (canvass_server.rollups), the same the HQ console
shows; callers drain what pushes queued for them first (canvass_server.rollup_queue.drain_all).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, select
from sqlalchemy.orm import Session, aliased

from canvass_protocol import wire
from canvass_server.models import Ballot, BallotVote, ContactAttempt, County, Device, Member
from canvass_server.rollup_models import RollupContact, RollupCounty, total


@cache  # built once: the alias and its column proxies cost ~1 ms to make, and ingest asks for it every batch
def effective() -> ColumnElement[bool]:
    """A contact row that is a result: it corrects nothing and nothing corrects it (the app's rule, attempts.py)."""
    later = aliased(ContactAttempt)
    return and_(ContactAttempt.corrects_id.is_(None), ~exists().where(later.corrects_id == ContactAttempt.id))


def county_stats(session: Session) -> list[dict[str, Any]]:
    def by_county(stmt: Any) -> dict[int, Any]:
        return {row[0]: row[1] for row in session.execute(stmt)}

    devices = by_county(select(Device.county_id, func.count()).where(Device.status == "active")
                        .group_by(Device.county_id))
    attempts: dict[int, int] = {}
    doors = by_county(select(RollupCounty.county_id, RollupCounty.doors))
    results: dict[int, dict[str, int]] = {}
    for cid, code, n in session.execute(select(RollupContact.county_id, RollupContact.result, total(RollupContact.n))
                                        .group_by(RollupContact.county_id, RollupContact.result)
                                        .having(total(RollupContact.n) > 0)):
        results.setdefault(cid, {})[code] = n
        attempts[cid] = attempts.get(cid, 0) + n
    votes: dict[int, dict[str, dict[str, int]]] = {}
    for cid, slug, choice, n in session.execute(  # by the voting member's county
        select(Member.county_id, Ballot.brief_slug, BallotVote.choice, func.count())
        .join(Ballot, Ballot.id == BallotVote.ballot_id).join(Member, Member.id == BallotVote.member_id)
        .where(Ballot.kind == "policy").group_by(Member.county_id, Ballot.brief_slug, BallotVote.choice)
    ):
        votes.setdefault(cid, {}).setdefault(slug or "", {"support": 0, "oppose": 0, "abstain": 0})[choice] = n
    from canvass_server import gotv, rides  # they build on effective() above

    progress = gotv.gotv_by_county(session)
    ride_counts = rides.counts_by_county(session)
    return [
        {"county": c.name, "state": c.state, "devices": devices.get(c.id, 0),
         "contact_attempts": attempts.get(c.id, 0), "doors": doors.get(c.id, 0),
         "results": dict(sorted(results.get(c.id, {}).items())), "votes": votes.get(c.id, {}),
         "gotv": progress[c.id],
         "rides": ride_counts.get(c.id) or dict.fromkeys(wire.RIDE_STATUSES, 0)}
        for c in session.scalars(select(County).order_by(County.state, County.name))
    ]
