"""Election-day progress for `stats` (GOTV): per county and per turf, the supporters identified (latest support
answer 1–2 of a voter who is knocked; 1 = strong support … 5 = strong oppose), how many of them have voted in the
county's latest election with voted data, and how many are left to chase. The same definitions as the app's
(canvass_app.gotv.progress)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer, and_, cast, exists, func, select
from sqlalchemy.orm import Session

from canvass_protocol.wire import SUPPORTERS
from canvass_server.models import ContactAttempt, County, Turf, TurfLine, Voted, Voter
from canvass_server.stats import effective

INACTIVE_STATUSES = ("inactive", "removed", "denied")  # as the app's walk order: shown, never knocked


def _latest() -> Any:
    """(county_id, election): each county's latest election with voted data (NULL without), one look-up of voted's
    unique key (county_id, election, voter_id) a county rather than a pass over every voted row."""
    election = select(func.max(Voted.election)).where(Voted.county_id == County.id).scalar_subquery()
    return select(County.id.label("county_id"), election.label("election")).subquery("latest")


def _supporters() -> Any:
    """(voter_id, county_id, voted) of every knocked voter whose latest support answer is a supporter's; voted: in
    the county's latest election, one probe of voted's unique key a supporter."""
    ranked = (select(ContactAttempt.voter_id, ContactAttempt.support,
                     func.row_number().over(partition_by=ContactAttempt.voter_id,
                                            order_by=(ContactAttempt.received_at.desc(), ContactAttempt.id.desc()))
                     .label("rank"))
              .where(ContactAttempt.support.is_not(None), effective()).subquery("ranked"))
    latest = _latest()
    voted = exists().where(Voted.county_id == Voter.county_id, Voted.election == latest.c.election,
                           Voted.voter_id == Voter.id, Voted.voted.is_(True))
    return (select(Voter.id.label("voter_id"), Voter.county_id, voted.label("voted"))
            .join(ranked, and_(ranked.c.voter_id == Voter.id, ranked.c.rank == 1))
            .join(latest, latest.c.county_id == Voter.county_id)
            .where(ranked.c.support.between(*SUPPORTERS), Voter.active.is_(True), Voter.deceased.is_(False),
                   Voter.do_not_contact.is_(False),
                   func.lower(func.coalesce(Voter.registration_status, "active")).not_in(INACTIVE_STATUSES))
            .subquery("supporters"))


def _figures(supporters: int, voted: int) -> dict[str, int]:
    return {"supporters": supporters, "voted": voted, "left_to_chase": supporters - voted}


def gotv_by_county(session: Session) -> dict[int, dict[str, Any]]:
    """{county id: {"election", "supporters", "voted", "left_to_chase", "turfs": [{list_number, name, ...}]}}, every
    county (zeros, and its election if voted data arrived, before its first supporter)."""
    sup = _supporters()
    voted_n = func.coalesce(func.sum(cast(sup.c.voted, Integer)), 0)
    latest = _latest()
    out: dict[int, dict[str, Any]] = {
        cid: {"election": election, **_figures(0, 0), "turfs": []}
        for cid, election in session.execute(select(latest.c.county_id, latest.c.election))}
    for cid, n, v in session.execute(select(sup.c.county_id, func.count(), voted_n).group_by(sup.c.county_id)):
        out[cid].update(_figures(int(n), int(v)))
    for cid, number, name, n, v in session.execute(
            select(Turf.county_id, Turf.list_number, Turf.name, func.count(), voted_n)
            .join(TurfLine, TurfLine.voter_id == sup.c.voter_id).join(Turf, Turf.id == TurfLine.turf_id)
            .where(Turf.deleted.is_(False)).group_by(Turf.county_id, Turf.list_number, Turf.name)
            .order_by(Turf.list_number)):
        out[cid]["turfs"].append({"list_number": number, "name": name, **_figures(int(n), int(v))})
    return out
