"""Ballots: a proposed brief put to the active members of a scope, or a candidate's endorsement or recall put to
the active members of their district; votes, tallies, receipts, and what a passed ballot does (adopt the brief,
endorse or recall the candidate).

The rule a ballot passes by (docs/ballots.md): quorum is met when votes (abstentions included) / electorate >=
quorum; then a simple-majority ballot (threshold 1/2) passes when support / (support + oppose) > 1/2, any other
threshold (two thirds, say) when support / (support + oppose) >= threshold. Fractions are read as the nearest
fraction with a denominator of at most 100, so 0.667 and 0.6667 both mean exactly two thirds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from sqlalchemy import and_, func, insert, literal, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from canvass_formats.charter import charter_violation
from canvass_protocol import wire
from canvass_server import versions
from canvass_server.authz import Caller
from canvass_server.candidates_models import Candidate, MemberDistrict, Nomination
from canvass_server.devices import find_county
from canvass_server.models import Ballot, BallotElector, BallotVote, County, Member, PolicyBrief, utcnow
from canvass_server.outcome import Outcome, among

R = wire.OpRejection
SCOPES = ("county", "state", "national")  # of a policy ballot; a candidate's ballots are of their district
PULL_KEY = "ballots"  # one version counter for every ballot: they are few, and a device filters by scope
SIMPLE_MAJORITY = Fraction(1, 2)
TWO_THIRDS = Fraction(2, 3)
CANDIDATES_KEY = "candidates"  # the candidates' pull scope: a ballot's close may change a candidate


class BallotError(ValueError):
    """A ballot command that cannot be done; the message is for people."""


def as_fraction(value: float) -> Fraction:
    """A quorum or threshold as the fraction it stands for (0.6667 is two thirds)."""
    return Fraction(value).limit_denominator(100)


def aware(moment: dt.datetime) -> dt.datetime:
    """A moment given without a zone is UTC (what the command line and the console pass in)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def is_closed(ballot: Ballot, now: dt.datetime | None = None) -> bool:
    return ballot.closed_at is not None or (now or utcnow()) >= ballot.closes_at


def _briefs(session: Session, slug: str) -> Sequence[PolicyBrief]:
    return session.scalars(select(PolicyBrief).where(PolicyBrief.slug == slug).order_by(PolicyBrief.language)).all()


def _title(briefs: Sequence[PolicyBrief], slug: str) -> str:
    english = [b.title for b in briefs if b.language == "en"]
    return english[0] if english else (briefs[0].title if briefs else slug)


# ---- opening ------------------------------------------------------------------------------------------------


def open_ballot(session: Session, *, brief_slug: str, scope: str, closes_at: dt.datetime, quorum: float,
                threshold: float, county: str | None = None, state: str | None = None,
                opened_by: Member | None = None) -> Ballot:
    """Open a ballot on a proposed brief; the electorate is the scope's active members now, frozen in one
    INSERT ... SELECT. `opened_by` None is the host's command line. Raises BallotError with the reason."""
    now = utcnow()
    briefs = _briefs(session, brief_slug)
    if not briefs:
        raise BallotError(f"no brief {brief_slug!r}; publish it first (`canvass-server publish-briefs`)")
    if any(b.status != "proposed" for b in briefs):
        status = "/".join(sorted({b.status for b in briefs}))
        raise BallotError(f"brief {brief_slug!r} is {status}: only a proposed brief can be put to a ballot")
    if scope not in SCOPES:
        raise BallotError(f"scope must be one of {', '.join(SCOPES)}")
    closes_at = aware(closes_at)
    if closes_at <= now:
        raise BallotError(f"the ballot would close in the past ({closes_at.isoformat()}); give a later --closes")
    if not 0 <= quorum <= 1:
        raise BallotError("quorum is a fraction of the electorate between 0 and 1, e.g. 0.25")
    if not 0.5 <= threshold <= 1:
        raise BallotError("threshold is a fraction between 0.5 (simple majority) and 1, e.g. 0.5 or 0.6667")
    touches = sorted({str(r) for b in briefs for r in (b.protects or []) + (b.conflicts or [])})
    if touches and as_fraction(threshold) < TWO_THIRDS:
        raise BallotError(f"brief {brief_slug!r} touches the Secured Right(s) {', '.join(touches)}: its ballot "
                          f"needs a two-thirds threshold (--threshold 0.6667 or more), not {threshold}")
    where, place_county, place_state = _electorate(session, scope, county, state)
    if opened_by is not None:
        _check_may_open(opened_by, scope, place_county)
    ballot = Ballot(brief_slug=brief_slug, scope=scope, county_id=place_county.id if place_county else None,
                    state=place_state, opens_at=now, closes_at=closes_at, quorum=quorum, threshold=threshold,
                    opened_by=opened_by.id if opened_by else None, version=versions.bump(session, PULL_KEY))
    _freeze_electorate(session, ballot, where)
    return ballot


def _freeze_electorate(session: Session, ballot: Ballot, where: list[Any]) -> None:
    """Add the ballot and copy the active members matching `where` into its electorate, in one INSERT ... SELECT.
    Raises BallotError (the caller's transaction is then rolled back) when there are none."""
    session.add(ballot)
    session.flush()
    members = select(literal(ballot.id), Member.id).join(County, County.id == Member.county_id).where(
        Member.status == "active", *where)
    session.execute(insert(BallotElector).from_select(["ballot_id", "member_id"], members))
    ballot.electorate = session.scalar(
        select(func.count()).select_from(BallotElector).where(BallotElector.ballot_id == ballot.id)) or 0
    if ballot.electorate == 0:
        raise BallotError(f"no active members in this {ballot.scope} scope: a ballot needs an electorate")


def district_members(state: str, chamber: str, district: str) -> list[Any]:
    """The member filter of a district (to join with County): members whose county is in the state and who were
    given this district of this chamber (`canvass-server members district`)."""
    seat = select(MemberDistrict.member_id).where(MemberDistrict.chamber == chamber,
                                                  MemberDistrict.district == district)
    return [County.state == state, Member.id.in_(seat)]


def open_candidate_ballot(session: Session, *, candidate: Candidate, kind: str, closes_at: dt.datetime,
                          quorum: float, threshold: float, opened_by: Member | None = None,
                          petition_round: int | None = None) -> Ballot:
    """Put a candidate's endorsement (while they are in vetting) or recall (by the petition: candidates.py) to
    the active members of their district, frozen now. A recall needs two thirds at least."""
    now = utcnow()
    closes_at = aware(closes_at)
    if kind not in ("endorsement", "recall"):
        raise BallotError("a candidate's ballot is an endorsement or a recall")
    if kind == "endorsement" and candidate.status != "vetting":
        raise BallotError(f"candidate {candidate.id} is {candidate.status}: only a candidate in vetting can be put "
                          "to an endorsement ballot")
    if kind == "recall" and as_fraction(threshold) < TWO_THIRDS:
        raise BallotError("a recall needs a two-thirds threshold")
    if closes_at <= now:
        raise BallotError(f"the ballot would close in the past ({closes_at.isoformat()}); give a later --closes")
    if not 0 <= quorum <= 1:
        raise BallotError("quorum is a fraction of the electorate between 0 and 1, e.g. 0.25")
    if not 0.5 <= threshold <= 1:
        raise BallotError("threshold is a fraction between 0.5 (simple majority) and 1, e.g. 0.5 or 0.6667")
    if opened_by is not None and opened_by.role != "admin":
        raise BallotError(f"a {opened_by.role} may not open a candidate's ballot: admins do")
    ballot = Ballot(brief_slug=None, kind=kind, candidate_id=candidate.id, petition_round=petition_round,
                    scope="district", state=candidate.state, chamber=candidate.chamber, district=candidate.district,
                    opens_at=now, closes_at=closes_at, quorum=quorum, threshold=threshold,
                    opened_by=opened_by.id if opened_by else None, version=versions.bump(session, PULL_KEY))
    _freeze_electorate(session, ballot, district_members(candidate.state, candidate.chamber, candidate.district))
    if kind == "endorsement":
        candidate.endorsement_ballot_id = ballot.id
    else:
        candidate.recall_ballot_id = ballot.id
    candidate.version = versions.bump(session, CANDIDATES_KEY)
    return ballot


def _electorate(session: Session, scope: str, county: str | None, state: str | None
                ) -> tuple[list[Any], County | None, str | None]:
    """The member filter of a scope, and its county and state."""
    state = state.strip().upper() if state else None
    if scope == "county":
        if not county or not state:
            raise BallotError("a county ballot needs --county NAME and --state XX")
        row = find_county(session, county, state)
        if row is None:
            raise BallotError(f"no county {county!r} in {state}")
        return [Member.county_id == row.id], row, row.state
    if scope == "state":
        if not state or len(state) != 2:
            raise BallotError("a state ballot needs --state XX (two letters)")
        return [County.state == state], None, state
    return [], None, None


def _check_may_open(member: Member, scope: str, county: County | None) -> None:
    """County leads open ballots of their own county; admins any scope."""
    if member.role == "admin":
        return
    if member.role != "county_lead" or scope != "county" or county is None or county.id != member.county_id:
        raise BallotError(f"a {member.role} may not open a {scope} ballot here: county leads open ballots of "
                          "their own county, admins of any scope")


# ---- votes --------------------------------------------------------------------------------------------------


def _upsert(session: Session) -> Any:
    """INSERT ... ON CONFLICT (ballot_id, member_id) DO UPDATE: a later vote replaces the member's earlier one."""
    dialect = session.get_bind().dialect.name
    stmt = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(BallotVote)
    changed = {c: stmt.excluded[c] for c in ("choice", "receipt", "comment", "op_id", "device_id", "received_at")}
    return stmt.on_conflict_do_update(index_elements=["ballot_id", "member_id"], set_=changed)


def apply_votes(session: Session, caller: Caller, items: list[tuple[wire.Op, Any]], out: Outcome) -> None:
    """The caller's member's votes, in seq order: the voter is always `caller.member`, whatever the payload says
    (it names no one). Refused: unknown_ballot (none, or not for this county), ballot_closed, not_in_electorate."""
    if not items:
        return
    member, now = caller.member, utcnow()
    ids = sorted({p.ballot_id for _, p in items})
    found: dict[int, Ballot] = {}
    electorate: set[int] = set()
    for where in among(session, Ballot.id, ids):
        found.update((b.id, b) for b in session.scalars(select(Ballot).where(where, covers(caller))))
    for where in among(session, BallotElector.ballot_id, ids):
        electorate.update(session.scalars(select(BallotElector.ballot_id).where(
            where, BallotElector.member_id == member.id)))
    latest: dict[int, tuple[wire.Op, Any]] = {}
    for op, p in sorted(items, key=lambda item: item[0].seq):
        ballot = found.get(p.ballot_id)
        if ballot is None:
            out.reject(op, R.UNKNOWN_BALLOT, f"no ballot {p.ballot_id} for this county")
        elif now < ballot.opens_at or is_closed(ballot, now):
            out.reject(op, R.BALLOT_CLOSED, f"ballot {p.ballot_id} is not open for votes")
        elif p.ballot_id not in electorate:
            out.reject(op, R.NOT_IN_ELECTORATE, f"you are not in the electorate of ballot {p.ballot_id} "
                                                "(members active when it opened)")
        else:
            out.ok(op)  # an earlier vote in the same batch is applied, then replaced by the later one
            latest[p.ballot_id] = (op, p)
    rows = [{"ballot_id": bid, "member_id": member.id, "choice": p.choice, "receipt": p.receipt,
             "comment": p.comment, "op_id": op.op_id, "device_id": caller.device.id, "received_at": now}
            for bid, (op, p) in latest.items()]
    if rows:
        session.execute(_upsert(session), rows)


# ---- results ------------------------------------------------------------------------------------------------


def count_votes(session: Session, ballot: Ballot) -> wire.BallotResult:
    """The ballot's result from its votes as they stand (final once it is closed)."""
    counts = dict.fromkeys(wire.VOTE_CHOICES, 0)
    counts.update(session.execute(select(BallotVote.choice, func.count()).where(
        BallotVote.ballot_id == ballot.id).group_by(BallotVote.choice)).all())
    return result_of(ballot, counts["support"], counts["oppose"], counts["abstain"])


def result_of(ballot: Ballot, support: int, oppose: int, abstain: int) -> wire.BallotResult:
    """The rule in this module's docstring, in exact fractions."""
    votes = support + oppose + abstain
    quorum_met = ballot.electorate > 0 and Fraction(votes, ballot.electorate) >= as_fraction(ballot.quorum)
    threshold = as_fraction(ballot.threshold)
    share = Fraction(support, support + oppose) if support + oppose else Fraction(0)
    carried = share > threshold if threshold == SIMPLE_MAJORITY else share >= threshold
    return wire.BallotResult(electorate=ballot.electorate, votes=votes, support=support, oppose=oppose,
                             abstain=abstain, quorum_met=quorum_met, passed=quorum_met and carried)


def tally(session: Session, ballot: Ballot) -> wire.BallotResult:
    """The frozen result of a closed ballot (closing it first when it is past its time), else the running count."""
    finalise_due(session, [ballot])
    if ballot.result is not None:
        return wire.BallotResult.model_validate(ballot.result)
    return count_votes(session, ballot)


@dataclass(frozen=True)
class Closed:
    """A closed ballot: `adopted` is True when its passing took effect (the brief adopted, the candidate endorsed
    or recalled), else `why_not_adopted` says why not."""

    ballot: Ballot
    result: wire.BallotResult
    adopted: bool
    why_not_adopted: str | None


def close_ballot(session: Session, ballot: Ballot) -> Closed:
    """Close now (if still open): freeze the result and, if it passed, adopt the brief when the charter allows.
    Only one of two concurrent closers wins the row; the other sees the frozen result."""
    now = utcnow()
    claimed = session.execute(update(Ballot).where(Ballot.id == ballot.id, Ballot.closed_at.is_(None))
                              .values(closed_at=now)).rowcount  # type: ignore[attr-defined]
    session.refresh(ballot)
    if not claimed:
        result = wire.BallotResult.model_validate(ballot.result)
        return Closed(ballot, result, False, "the ballot was already closed")
    result = count_votes(session, ballot)
    ballot.result = result.model_dump()
    ballot.version = versions.bump(session, PULL_KEY)
    adopted, why = False, None if result.passed else "the ballot did not pass"
    if ballot.kind == "recall":
        adopted, why = _recall(session, ballot, result.passed)
    elif result.passed and ballot.kind == "endorsement":
        adopted, why = _endorse(session, ballot)
    elif result.passed:
        adopted, why = _adopt(session, ballot.brief_slug or "")
    session.flush()
    return Closed(ballot, result, adopted, why)


def _endorse(session: Session, ballot: Ballot) -> tuple[bool, str | None]:
    candidate = session.get_one(Candidate, ballot.candidate_id, with_for_update=True)
    if candidate.status != "vetting":
        return False, f"the candidate is {candidate.status}, no longer in vetting"
    candidate.status, candidate.status_changed_at = "endorsed", utcnow()
    candidate.version = versions.bump(session, CANDIDATES_KEY)
    return True, None


def _recall(session: Session, ballot: Ballot, passed: bool) -> tuple[bool, str | None]:
    """A passed recall marks the candidate recalled and opens nominations for their seat; a failed one starts
    a new petition round (the signatures of this one have been spent)."""
    candidate = session.get_one(Candidate, ballot.candidate_id, with_for_update=True)
    candidate.version = versions.bump(session, CANDIDATES_KEY)
    if not passed:
        candidate.petition_round += 1
        candidate.recall_ballot_id = None
        return False, "the recall did not pass: the candidate stays endorsed and a new petition may start"
    candidate.status, candidate.status_changed_at = "recalled", utcnow()
    session.add(Nomination(office=candidate.office, state=candidate.state, chamber=candidate.chamber,
                           district=candidate.district, recalled_candidate_id=candidate.id))
    return True, None


def _adopt(session: Session, slug: str) -> tuple[bool, str | None]:
    briefs = _briefs(session, slug)
    if any(b.status != "proposed" for b in briefs):
        return False, "the brief is no longer proposed"
    for brief in briefs:
        reason = charter_violation("adopted", [str(c) for c in brief.conflicts or []])
        if reason:
            return False, f"the brief {reason}"
    version = versions.bump(session, "briefs")
    for brief in briefs:
        brief.status, brief.version, brief.updated_at = "adopted", version, utcnow()
    return True, None


def finalise_due(session: Session, ballots: Sequence[Ballot] | None = None) -> list[Closed]:
    """Close every ballot (of `ballots`, or all) whose closing time has passed but was never closed."""
    now = utcnow()
    if ballots is None:
        ballots = session.scalars(select(Ballot).where(Ballot.closed_at.is_(None), Ballot.closes_at <= now)).all()
    return [close_ballot(session, b) for b in ballots if b.closed_at is None and now >= b.closes_at]


def receipts(session: Session, ballot: Ballot) -> wire.BallotReceipts:
    """Every receipt under the choice it was cast for, sorted (so their order says nothing of who or when).
    Raises BallotError while the ballot is open: a list published early would show the running tally."""
    finalise_due(session, [ballot])
    if ballot.result is None:
        raise BallotError(f"ballot {ballot.id} is open until {ballot.closes_at.isoformat()}: its receipts "
                          "are published when it closes")
    lists: dict[str, list[str]] = {choice: [] for choice in wire.VOTE_CHOICES}
    rows = session.execute(select(BallotVote.choice, BallotVote.receipt).where(BallotVote.ballot_id == ballot.id))
    for choice, receipt in rows:
        lists[choice].append(receipt)
    for values in lists.values():
        values.sort()
    return wire.BallotReceipts(ballot_id=ballot.id, result=wire.BallotResult.model_validate(ballot.result),
                               receipts=lists)  # type: ignore[arg-type]


def recount(published: wire.BallotReceipts) -> tuple[int, int, int]:
    """(support, oppose, abstain) counted from a published receipt list: anyone can check it against the tally."""
    lists: dict[str, list[str]] = {str(c): r for c, r in published.receipts.items()}
    return len(lists.get("support", [])), len(lists.get("oppose", [])), len(lists.get("abstain", []))


# ---- listing and pull ---------------------------------------------------------------------------------------


def covers(caller: Caller) -> Any:
    """Ballots whose scope takes in the caller's county, and district ballots the caller's member is elector of."""
    county = caller.county
    mine = select(BallotElector.ballot_id).where(BallotElector.member_id == caller.member.id)
    return or_(Ballot.scope == "national", and_(Ballot.scope == "state", Ballot.state == county.state),
               and_(Ballot.scope == "county", Ballot.county_id == county.id),
               and_(Ballot.scope == "district", Ballot.id.in_(mine)))


def ballot_title(session: Session, ballot: Ballot) -> str:
    """A policy ballot's brief title; "Endorse …" / "Recall …" with the candidate's office for the others."""
    if ballot.kind == "policy" or ballot.candidate_id is None:
        slug = ballot.brief_slug or ""
        return _title(_briefs(session, slug), slug)
    c = session.get_one(Candidate, ballot.candidate_id)
    verb = "Endorse" if ballot.kind == "endorsement" else "Recall"
    return f"{verb} {c.name} ({c.office}, district {c.district})"


def get_ballot(session: Session, ballot_id: int) -> Ballot:
    ballot = session.get(Ballot, ballot_id)
    if ballot is None:
        raise BallotError(f"no ballot {ballot_id}; see `canvass-server ballots list`")
    return ballot


def pull_items(session: Session, caller: Caller, rows: Sequence[Ballot]) -> list[dict[str, Any]]:
    """Scope `ballots` (wire.BallotItem): the ballots a device's county is in, each with its result once closed.
    (The caller of the page closes due ballots first: `finalise_due`.)"""
    return [wire.BallotItem(
        id=b.id, brief_slug=b.brief_slug or "", title=ballot_title(session, b), kind=b.kind,  # type: ignore[arg-type]
        candidate_id=b.candidate_id, scope=b.scope,  # type: ignore[arg-type]
        opens_at=b.opens_at.isoformat(), closes_at=b.closes_at.isoformat(), quorum=b.quorum,
        threshold=b.threshold, status="closed" if b.result is not None else "open", electorate=b.electorate,
        result=wire.BallotResult.model_validate(b.result) if b.result is not None else None,
    ).model_dump(mode="json") for b in rows]


@dataclass(frozen=True)
class BallotRow:
    """A line of `canvass-server ballots list`: turnout, never who voted how."""

    id: int
    brief_slug: str
    title: str
    kind: str
    scope: str
    place: str
    opens_at: str
    closes_at: str
    status: str
    electorate: int
    votes: int
    result: dict[str, Any] | None


def list_ballots(session: Session) -> list[BallotRow]:
    """Every ballot, newest first (due ones closed first)."""
    finalise_due(session)
    turnout = dict(session.execute(select(BallotVote.ballot_id, func.count()).group_by(BallotVote.ballot_id))
                   .all())
    counties = {c.id: f"{c.name} {c.state}" for c in session.scalars(select(County))}
    rows = []
    for b in session.scalars(select(Ballot).order_by(Ballot.id.desc())):
        place = counties.get(b.county_id or 0, "") if b.scope == "county" else (b.state or "")
        if b.scope == "district":
            place = f"{b.state} {b.chamber} {b.district}"
        rows.append(BallotRow(b.id, b.brief_slug or "", ballot_title(session, b), b.kind, b.scope,
                              place or "national", b.opens_at.isoformat(), b.closes_at.isoformat(),
                              "closed" if b.result is not None else "open", b.electorate, turnout.get(b.id, 0),
                              b.result))
    return rows
