"""Ballot cure: the county's mail ballots requested and not returned, and those returned with a problem (every
status but accepted), each with the problem in plain words, so volunteers can help the voter fix it in time."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from canvass_app.gotv.voted_import import current_election
from canvass_app.i18n import translate
from canvass_app.store.models import County, Voted, Voter, full_name
from canvass_formats.voted import BALLOT_ACCEPTED, BALLOT_REQUESTED, problem_text


@dataclass(frozen=True)
class CureLine:
    state_voter_id: str
    name: str
    address: str
    mail_address: str
    phone: str | None
    kind: str  # needs_cure or requested_not_returned
    ballot_status: str  # "requested" or the state's word ("WITNESS INFO INCOMPLETE")
    problem: str  # in plain words, in the language in force


@dataclass
class CureList:
    county: str
    state: str
    election: str | None
    needs_cure: int = 0
    requested_not_returned: int = 0
    voters: list[CureLine] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self) -> str:
        return (f"Ballot cure for {self.county}, {self.state} (election {self.election or 'not known yet'}): "
                f"{self.needs_cure:,} ballots returned with a problem, {self.requested_not_returned:,} requested "
                "and not returned")


def cure_list(session: Session, county_id: int, *, election: str | None = None) -> CureList:
    """Problems first (those have a deadline to fix), then ballots not returned; by name within each."""
    county = session.get(County, county_id)
    if county is None:
        raise LookupError(f"no county with id {county_id}")
    election = election or current_election(session, county_id)
    out = CureList(county=county.name, state=county.state, election=election)
    rows = session.execute(
        select(Voter, Voted.ballot_status).join(Voted, and_(Voted.voter_id == Voter.id, Voted.election == election))
        .where(Voter.county_id == county_id, Voted.voted.is_(False), Voted.ballot_status.is_not(None),
               Voted.ballot_status != BALLOT_ACCEPTED)
    ).all()
    for v, ballot_status in rows:
        status = str(ballot_status)  # not NULL: the query says so
        kind = "requested_not_returned" if status == BALLOT_REQUESTED else "needs_cure"
        text = translate("Cure", problem_text(status))
        out.voters.append(CureLine(
            state_voter_id=v.state_voter_id, name=full_name(v.first_name, v.middle_name, v.last_name, v.suffix),
            address=", ".join(p for p in (v.res_address, v.res_city, v.res_zip) if p),
            mail_address=", ".join(p for p in (v.mail_address1, v.mail_address2, v.mail_city, v.mail_state,
                                                 v.mail_zip) if p),
            phone=v.phone, kind=kind, ballot_status=status, problem=text.format(status)))
    out.voters.sort(key=lambda c: (c.kind != "needs_cure", c.name.casefold(), c.state_voter_id))
    out.needs_cure = sum(1 for c in out.voters if c.kind == "needs_cure")
    out.requested_not_returned = len(out.voters) - out.needs_cure
    return out
