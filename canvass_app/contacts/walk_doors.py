"""What the Walk page shows: a turf's doors in walk order, each with all its voters, their marks and results."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from canvass_app.contacts.attempts import current_results
from canvass_app.store.models import SurveyQuestion, Turf, TurfAssignment, TurfLine, Voted, Voter
from canvass_app.turfs.walk_order import INACTIVE_STATUSES, assign_lines, turf_doors


@dataclass(frozen=True)
class WalkVoter:
    voter_id: int
    state_voter_id: str
    name: str
    age: int | None
    sex: str
    party: str
    language: str
    line: int | None
    skip: str | None  # "Do Not Contact", "Deceased", "Inactive", "Voted": shown, never knocked
    result: str | None  # current result code
    result_name: str | None
    support: int | None
    final: bool


@dataclass(frozen=True)
class WalkDoor:
    household_id: int
    street: str
    house: str

    voters: tuple[WalkVoter, ...]

    @property
    def address(self) -> str:
        return f"{self.house} {self.street}".strip()

    @property
    def knockable(self) -> tuple[WalkVoter, ...]:
        return tuple(v for v in self.voters if v.skip is None)

    @property
    def done(self) -> bool:
        """Every knockable voter here has a current result."""
        return all(v.result is not None for v in self.knockable)

    @property
    def started(self) -> bool:
        return any(v.result is not None for v in self.knockable)


@dataclass(frozen=True)
class TurfChoice:
    turf_id: int
    list_number: str
    name: str
    assignee: str | None

    @property
    def label(self) -> str:
        return f"{self.list_number} — {self.name}" + (f" ({self.assignee})" if self.assignee else "")


def turf_choices(session: Session, *, canvasser: str | None = None) -> list[TurfChoice]:
    """Turfs open (not returned) for `canvasser` or held by this device's member as the server says ("My
    turfs"), or every turf when canvasser is None (a county lead)."""
    query = (
        select(Turf.id, Turf.list_number, Turf.name, TurfAssignment.canvasser)
        .outerjoin(TurfAssignment, (TurfAssignment.turf_id == Turf.id) & TurfAssignment.returned_at.is_(None))
        .order_by(Turf.list_number)
    )
    if canvasser is not None:
        query = query.where((TurfAssignment.canvasser == canvasser) | Turf.mine.is_(True))
    return [TurfChoice(turf_id=t, list_number=n, name=name, assignee=who) for t, n, name, who in session.execute(query)]


def _skip(v: Voter) -> str | None:
    if v.deceased:
        return "Deceased"
    if v.do_not_contact:
        return "Do Not Contact"
    if not v.active or (v.registration_status or "active").lower() in INACTIVE_STATUSES:
        return "Inactive"
    return None


def _voted(session: Session, voter_ids: list[int]) -> set[int]:
    """Who of these has voted in the latest election the store knows of (GOTV: not knocked again)."""
    if not voter_ids:
        return set()
    latest = select(func.max(Voted.election)).scalar_subquery()
    out: set[int] = set()
    for i in range(0, len(voter_ids), 900):
        out.update(session.scalars(select(Voted.voter_id).where(
            Voted.voter_id.in_(voter_ids[i:i + 900]), Voted.election == latest, Voted.voted.is_(True))))
    return out


def walk_doors(session: Session, turf_id: int, *, today: dt.date | None = None) -> list[WalkDoor]:
    """The turf's doors in walk order; each door's voters by line number, marks and current results."""
    doors = turf_doors(session, turf_id)
    assign_lines(session, turf_id)
    ids = [d.household_id for d in doors]
    voters: list[Voter] = []
    for i in range(0, len(ids), 900):
        voters.extend(session.scalars(select(Voter).where(Voter.household_id.in_(ids[i:i + 900]))))
    lines = dict(session.execute(select(TurfLine.voter_id, TurfLine.line).where(TurfLine.turf_id == turf_id)).all())
    results = current_results(session, (v.id for v in voters))
    voted = _voted(session, [v.id for v in voters])
    year = (today or dt.date.today()).year
    by_house: dict[int, list[WalkVoter]] = {}
    for v in voters:
        cur = results.get(v.id)
        by_house.setdefault(v.household_id or 0, []).append(WalkVoter(
            voter_id=v.id, state_voter_id=v.state_voter_id, name=v.full_name,
            age=(year - v.birth_year) if v.birth_year else None, sex=v.sex or "", party=v.party or "",
            language=v.language or "", line=lines.get(v.id), skip=_skip(v) or ("Voted" if v.id in voted else None),
            result=cur.code if cur else None,
            result_name=cur.name if cur else None, support=cur.support if cur else None,
            final=cur.final if cur else False,
        ))
    big = 10**9
    return [
        WalkDoor(household_id=d.household_id, street=d.street_label, house=d.house,
                 voters=tuple(sorted(by_house.get(d.household_id, []),
                                     key=lambda w: (w.line if w.line is not None else big, w.name))))
        for d in doors
    ]


def survey_choices(session: Session) -> dict[str, list[tuple[str, str]]]:
    """The active survey questions' options by question key: [(value, label)] in their order."""
    out: dict[str, list[tuple[str, str]]] = {}
    for q in session.scalars(select(SurveyQuestion).where(SurveyQuestion.active.is_(True))
                             .order_by(SurveyQuestion.sort_order)):
        out[q.key] = [(o.value, o.label) for o in q.options]
    return out
