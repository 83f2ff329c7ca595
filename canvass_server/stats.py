"""`stats`: per county, devices, contact attempts, doors knocked, results by code and votes per policy."""

from __future__ import annotations

from typing import Any

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from canvass_server.models import ContactAttempt, County, Device, PolicyVote


def county_stats(session: Session) -> list[dict[str, Any]]:
    def by_county(stmt: Any) -> dict[int, Any]:
        return {row[0]: row[1] for row in session.execute(stmt)}

    devices = by_county(select(Device.county_id, func.count()).where(Device.status == "active")
                        .group_by(Device.county_id))
    attempts = by_county(select(ContactAttempt.county_id, func.count()).group_by(ContactAttempt.county_id))
    doors = by_county(select(ContactAttempt.county_id, func.count(distinct(ContactAttempt.household_id)))
                      .group_by(ContactAttempt.county_id))
    results: dict[int, dict[str, int]] = {}
    for cid, code, n in session.execute(select(ContactAttempt.county_id, ContactAttempt.result, func.count())
                                        .group_by(ContactAttempt.county_id, ContactAttempt.result)):
        results.setdefault(cid, {})[code] = n
    votes: dict[int, dict[str, dict[str, int]]] = {}
    for cid, slug, choice, n in session.execute(
        select(PolicyVote.county_id, PolicyVote.brief_slug, PolicyVote.choice, func.count())
        .group_by(PolicyVote.county_id, PolicyVote.brief_slug, PolicyVote.choice)
    ):
        votes.setdefault(cid, {}).setdefault(slug, {"support": 0, "oppose": 0, "abstain": 0})[choice] = n
    return [
        {"county": c.name, "state": c.state, "devices": devices.get(c.id, 0),
         "contact_attempts": attempts.get(c.id, 0), "doors": doors.get(c.id, 0),
         "results": dict(sorted(results.get(c.id, {}).items())), "votes": votes.get(c.id, {})}
        for c in session.scalars(select(County).order_by(County.state, County.name))
    ]
