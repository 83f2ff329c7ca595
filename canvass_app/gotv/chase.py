"""Chase lists: the supporters who have not voted yet, in walk order, for a turf or the whole county.

Support is the field's 1–5 scale (VAN's voter ID scale, the walk list's boxes), 1 = strong support … 5 = strong
oppose, so the default rule "supporters" is support 1–2 (canvass_protocol.wire.SUPPORTERS). A voter's support is
the latest support answer among their contacts. Left out: who has voted in the election, who was
contacted today with a final result (moved, refused, …), and who is not knocked at all (inactive, deceased,
Do Not Contact).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session

from canvass_app.contacts.attempts import effective
from canvass_app.gotv.voted_import import current_election
from canvass_app.store.models import (
    ContactAttempt,
    County,
    Household,
    ResultCode,
    Turf,
    TurfLine,
    Voted,
    Voter,
    full_name,
)
from canvass_app.turfs.cutting import get_turf
from canvass_app.turfs.walk_order import assign_lines, eligible_voter, order_doors, select_doors, street_label
from canvass_protocol.wire import SUPPORTERS


@dataclass(slots=True)
class ChaseLine:
    """One supporter to knock: where in the walk (list number and line; None outside any turf) and who."""

    list_number: str | None
    line: int | None
    voter_id: int
    state_voter_id: str
    name: str
    address: str
    phone: str | None
    support: int
    ballot_status: str | None  # a mail ballot still out ("requested") or with a problem: remind them


@dataclass
class ChaseList:
    county: str
    state: str
    election: str | None
    support: tuple[int, int]
    turf: str | None
    lines: list[ChaseLine] = field(default_factory=list)
    supporters: int = 0  # before leaving anyone out
    voted: int = 0
    contacted_today: int = 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self) -> str:
        where = f"turf {self.turf}" if self.turf else f"{self.county}, {self.state}"
        return (f"Chase list for {where} (election {self.election or 'not known yet'}): {len(self.lines):,} to "
                f"knock of {self.supporters:,} supporters (support {self.support[0]}–{self.support[1]}); "
                f"{self.voted:,} have voted, {self.contacted_today:,} were contacted today with a final result")


def latest_support(*where: Any) -> Any:
    """A subquery of each voter's latest support answer (voter_id, support), among contacts matching where."""
    ranked = (
        select(ContactAttempt.voter_id, ContactAttempt.support,
               func.row_number().over(partition_by=ContactAttempt.voter_id,
                                      order_by=(ContactAttempt.created_at.desc(), ContactAttempt.id.desc()))
               .label("rank"))
        .where(ContactAttempt.support.is_not(None), effective(), *where)
        .subquery("ranked")
    )
    return select(ranked.c.voter_id, ranked.c.support).where(ranked.c.rank == 1).subquery("support")


def start_of_today(now: dt.datetime | None = None) -> dt.datetime:
    """Midnight of the local day, in UTC (how contacts' times are stored)."""
    local = (now or dt.datetime.now(dt.UTC)).astimezone()
    return local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(dt.UTC)


def chase_list(session: Session, county_id: int, *, turf: str | None = None, support: tuple[int, int] = SUPPORTERS,
               election: str | None = None, now: dt.datetime | None = None) -> ChaseList:
    """The county's (or one turf's) supporters who have not voted, in walk order: a turf's by its line numbers,
    the county's turf by turf (list numbers in order) and then the doors in no turf."""
    county = session.get(County, county_id)
    if county is None:
        raise LookupError(f"no county with id {county_id}")
    lo, hi = support
    if not 1 <= lo <= hi <= 5:
        raise ValueError(f"support runs from 1 (strong support) to 5 (strong oppose); {lo}–{hi} is not a range")
    election = election or current_election(session, county_id)
    out = ChaseList(county=county.name, state=county.state, election=election, support=(lo, hi), turf=turf)
    where = [Voter.county_id == county_id, eligible_voter()]
    contacts = []
    if turf is not None:
        t: Turf = get_turf(session, turf)
        if _unnumbered(session, t.id):
            assign_lines(session, t.id)
        homes = select(Household.id).where(Household.turf_id == t.id)
        where = [Voter.household_id.in_(homes), eligible_voter()]  # from the turf's doors, not the county's voters
        contacts.append(ContactAttempt.household_id.in_(homes))
    sup = latest_support(*contacts)
    final_today = exists().where(
        ContactAttempt.voter_id == Voter.id, effective(), ContactAttempt.created_at >= start_of_today(now),
        ContactAttempt.result_code_id.in_(select(ResultCode.id).where(ResultCode.final.is_(True))))
    rows = [_Row._make(r) for r in session.execute(  # plain tuples: a Row's attributes cost ~0.4 µs each
        select(Voter.id, Voter.state_voter_id, Voter.first_name, Voter.middle_name, Voter.last_name, Voter.suffix,
               Voter.phone, Voter.household_id, sup.c.support, Household.turf_id, Turf.list_number, TurfLine.line,
               Household.house_number, Household.unit, Household.pre_dir, Household.street_name,
               Household.street_type, Household.post_dir, Household.street_key,
               func.coalesce(Voted.voted, False).label("voted"), Voted.ballot_status,
               final_today.label("final_today"))
        .join(sup, sup.c.voter_id == Voter.id)
        .join(Household, Household.id == Voter.household_id)
        .outerjoin(Turf, Turf.id == Household.turf_id)
        .outerjoin(TurfLine, and_(TurfLine.turf_id == Household.turf_id, TurfLine.voter_id == Voter.id))
        .outerjoin(Voted, and_(Voted.voter_id == Voter.id, Voted.election == (election or "")))
        .where(*where, sup.c.support.between(lo, hi))
    )]
    out.supporters = len(rows)
    out.voted = sum(1 for r in rows if r.voted)
    keep = [r for r in rows if not r.voted]
    out.contacted_today = sum(1 for r in keep if r.final_today)
    keep = [r for r in keep if not r.final_today]
    out.lines = _in_walk_order(session, keep)
    return out


class _Row(NamedTuple):
    """One supporter as chase_list selects them."""

    id: int
    state_voter_id: str
    first_name: str
    middle_name: str | None
    last_name: str
    suffix: str | None
    phone: str | None
    household_id: int
    support: int
    turf_id: int | None
    list_number: str | None
    line: int | None
    house_number: str | None
    unit: str | None
    pre_dir: str | None
    street_name: str
    street_type: str | None
    post_dir: str | None
    street_key: str
    voted: bool
    ballot_status: str | None
    final_today: bool


def _unnumbered(session: Session, turf_id: int) -> bool:
    """Whether a knockable voter of the turf has no line number yet (lines are given on first print)."""
    lined = select(TurfLine.voter_id).where(TurfLine.turf_id == turf_id)
    return session.scalar(select(exists().where(
        Voter.household_id == Household.id, Household.turf_id == turf_id, eligible_voter(),
        Voter.id.not_in(lined)))) or False


def _in_walk_order(session: Session, rows: list[_Row]) -> list[ChaseLine]:
    """Turfs' voters by list number and line; the rest by walking their doors (walk_order's street order)."""
    loose = list({r.household_id for r in rows if r.line is None})
    doors = [d for i in range(0, len(loose), 900) for d in select_doors(session, Household.id.in_(loose[i:i + 900]))]
    position = {d.household_id: i for i, d in enumerate(order_doors(doors))}
    rows = sorted(rows, key=lambda r: (r.line is None, r.list_number or "", r.line or 0,
                                       position.get(r.household_id, 0), r.last_name, r.first_name, r.id))
    return [ChaseLine(list_number=r.list_number if r.line is not None else None, line=r.line, voter_id=r.id,
                      state_voter_id=r.state_voter_id,
                      name=full_name(r.first_name, r.middle_name, r.last_name, r.suffix),
                      address=" ".join(p for p in (r.house_number, street_label(r), r.unit) if p),
                      phone=r.phone, support=r.support, ballot_status=r.ballot_status)
            for r in rows]
