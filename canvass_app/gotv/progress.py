"""Election-day progress: per turf and for the county, the supporters identified, how many of them have voted, and
how many are left to chase.

A supporter is a voter who is knocked (active, not deceased, not Do Not Contact) whose latest support answer is 1–2
(1 = strong support … 5 = strong oppose: canvass_protocol.wire.SUPPORTERS); voted: in the county's current election
(the latest with voted data); left to chase: supporters who have not voted. (The chase list also leaves out, for
today, those contacted today with a final result.) The server's `stats --json` counts the same way
(canvass_server.gotv).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Integer, and_, cast, func, select
from sqlalchemy.orm import Session

from canvass_app.gotv.chase import latest_support
from canvass_app.gotv.rides import ride_counts
from canvass_app.gotv.voted_import import current_election
from canvass_app.store.models import County, Household, Turf, Voted, Voter
from canvass_app.turfs.walk_order import eligible_voter
from canvass_protocol.wire import SUPPORTERS


@dataclass(frozen=True)
class Figures:
    supporters: int
    voted: int

    @property
    def left_to_chase(self) -> int:
        return self.supporters - self.voted

    def as_dict(self) -> dict[str, int]:
        return {"supporters": self.supporters, "voted": self.voted, "left_to_chase": self.left_to_chase}


@dataclass(frozen=True)
class TurfFigures:
    list_number: str
    name: str
    figures: Figures

    def as_dict(self) -> dict[str, Any]:
        return {"list_number": self.list_number, "name": self.name, **self.figures.as_dict()}


@dataclass
class Progress:
    county: str
    state: str
    election: str | None
    county_figures: Figures
    turfs: list[TurfFigures] = field(default_factory=list)
    outside_turfs: Figures = Figures(0, 0)  # supporters at doors in no turf
    rides: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"county": self.county, "state": self.state, "election": self.election,
                **self.county_figures.as_dict(), "turfs": [t.as_dict() for t in self.turfs],
                "outside_turfs": self.outside_turfs.as_dict(), "rides": self.rides}

    def summary(self) -> str:
        f = self.county_figures
        return (f"Election day in {self.county}, {self.state} (election {self.election or 'not known yet'}): "
                f"{f.voted:,} of {f.supporters:,} supporters have voted, {f.left_to_chase:,} left to chase "
                f"across {len(self.turfs):,} turfs")


def progress(session: Session, county_id: int) -> Progress:
    """The county's election-day figures, turf by turf (by list number)."""
    county = session.get(County, county_id)
    if county is None:
        raise LookupError(f"no county with id {county_id}")
    election = current_election(session, county_id)
    sup = latest_support()
    voted = func.coalesce(func.sum(cast(func.coalesce(Voted.voted, False), Integer)), 0)
    rows = session.execute(
        select(Turf.list_number, Turf.name, func.count(), voted)
        .select_from(Voter)
        .join(sup, sup.c.voter_id == Voter.id)
        .join(Household, Household.id == Voter.household_id, isouter=True)
        .outerjoin(Turf, Turf.id == Household.turf_id)
        .outerjoin(Voted, and_(Voted.voter_id == Voter.id, Voted.election == (election or "")))
        .where(Voter.county_id == county_id, eligible_voter(), sup.c.support.between(*SUPPORTERS))
        .group_by(Turf.list_number, Turf.name).order_by(Turf.list_number)
    ).all()
    out = Progress(county=county.name, state=county.state, election=election, county_figures=Figures(
        sum(int(r[2]) for r in rows), sum(int(r[3]) for r in rows)), rides=ride_counts(session, county_id))
    for number, name, n, v in rows:
        if number is None:
            out.outside_turfs = Figures(int(n), int(v))
        else:
            out.turfs.append(TurfFigures(number, name or number, Figures(int(n), int(v))))
    return out


def all_progress(session: Session) -> list[Progress]:
    """Every county's figures, by state and name (for `canvass-app status --json`)."""
    ids = session.scalars(select(County.id).order_by(County.state, County.name)).all()
    return [progress(session, cid) for cid in ids]
