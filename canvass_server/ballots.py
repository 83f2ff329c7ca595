"""Ballots: a proposed brief put to the active members of a scope; votes, tallies, receipts, adoption.

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
from canvass_server.devices import find_county
from canvass_server.models import Ballot, BallotElector, BallotVote, County, Member, PolicyBrief, utcnow
from canvass_server.outcome import Outcome, among

R = wire.OpRejection
SCOPES = ("county", "state", "national")
PULL_KEY = "ballots"  # one version counter for every ballot: they are few, and a device filters by scope
SIMPLE_MAJORITY = Fraction(1, 2)
TWO_THIRDS = Fraction(2, 3)


class BallotError(ValueError):
    """A ballot command that cannot be done; the message is for people."""


def as_fraction(value: float) -> Fraction:
    """A quorum or threshold as the fraction it stands for (0.6667 is two thirds)."""
    return Fraction(value).limit_denominator(100)


def aware(moment: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; every one the server writes is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def is_closed(ballot: Ballot, now: dt.datetime | None = None) -> bool:
    return ballot.closed_at is not None or (now or utcnow()) >= aware(ballot.closes_at)


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
    session.add(ballot)
    session.flush()
    members = select(literal(ballot.id), Member.id).join(County, County.id == Member.county_id).where(
        Member.status == "active", *where)
    session.execute(insert(BallotElector).from_select(["ballot_id", "member_id"], members))
    ballot.electorate = session.scalar(
        select(func.count()).select_from(BallotElector).where(BallotElector.ballot_id == ballot.id)) or 0
    if ballot.electorate == 0:
        raise BallotError(f"no active members in this {scope} scope: a ballot needs an electorate")
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
        found.update((b.id, b) for b in session.scalars(select(Ballot).where(where, covers(caller.county))))
    for where in among(session, BallotElector.ballot_id, ids):
        electorate.update(session.scalars(select(BallotElector.ballot_id).where(
            where, BallotElector.member_id == member.id)))
    latest: dict[int, tuple[wire.Op, Any]] = {}
    for op, p in sorted(items, key=lambda item: item[0].seq):
        ballot = found.get(p.ballot_id)
        if ballot is None:
            out.reject(op, R.UNKNOWN_BALLOT, f"no ballot {p.ballot_id} for this county")
        elif now < aware(ballot.opens_at) or is_closed(ballot, now):
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
    if result.passed:
        adopted, why = _adopt(session, ballot.brief_slug)
    session.flush()
    return Closed(ballot, result, adopted, why)


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
    return [close_ballot(session, b) for b in ballots if b.closed_at is None and now >= aware(b.closes_at)]


def receipts(session: Session, ballot: Ballot) -> wire.BallotReceipts:
    """Every receipt under the choice it was cast for, sorted (so their order says nothing of who or when).
    Raises BallotError while the ballot is open: a list published early would show the running tally."""
    finalise_due(session, [ballot])
    if ballot.result is None:
        raise BallotError(f"ballot {ballot.id} is open until {aware(ballot.closes_at).isoformat()}: its receipts "
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


def covers(county: County) -> Any:
    """Ballots whose scope takes in this county."""
    return or_(Ballot.scope == "national", and_(Ballot.scope == "state", Ballot.state == county.state),
               and_(Ballot.scope == "county", Ballot.county_id == county.id))


def get_ballot(session: Session, ballot_id: int) -> Ballot:
    ballot = session.get(Ballot, ballot_id)
    if ballot is None:
        raise BallotError(f"no ballot {ballot_id}; see `canvass-server ballots list`")
    return ballot


def pull_items(session: Session, caller: Caller, rows: Sequence[Ballot]) -> list[dict[str, Any]]:
    """Scope `ballots` (wire.BallotItem): the ballots a device's county is in, each with its result once closed.
    (The caller of the page closes due ballots first: `finalise_due`.)"""
    titles: dict[str, str] = {}
    for slug in {b.brief_slug for b in rows}:
        titles[slug] = _title(_briefs(session, slug), slug)
    return [wire.BallotItem(
        id=b.id, brief_slug=b.brief_slug, title=titles[b.brief_slug], scope=b.scope,  # type: ignore[arg-type]
        opens_at=aware(b.opens_at).isoformat(), closes_at=aware(b.closes_at).isoformat(), quorum=b.quorum,
        threshold=b.threshold, status="closed" if b.result is not None else "open", electorate=b.electorate,
        result=wire.BallotResult.model_validate(b.result) if b.result is not None else None,
    ).model_dump(mode="json") for b in rows]


@dataclass(frozen=True)
class BallotRow:
    """A line of `canvass-server ballots list`: turnout, never who voted how."""

    id: int
    brief_slug: str
    title: str
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
        rows.append(BallotRow(b.id, b.brief_slug, _title(_briefs(session, b.brief_slug), b.brief_slug), b.scope,
                              place or "national", aware(b.opens_at).isoformat(), aware(b.closes_at).isoformat(),
                              "closed" if b.result is not None else "open", b.electorate, turnout.get(b.id, 0),
                              b.result))
    return rows
