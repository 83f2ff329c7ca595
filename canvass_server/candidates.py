"""The alliance's own candidates: added with their office and district, vetted by a questionnaire on the adopted
briefs, endorsed by a ballot of their district, recalled by a petition of their district's members that opens a
recall ballot on its own (docs/candidates.md).

The petition's rule: one signature per member per round, the signer being the device's member (never the
payload's word). When a round's signatures reach `needed` — the candidate's `petition_share` (10% unless set) of
the district's active members, rounded up, at least one — the signature that reaches it opens the recall ballot,
exactly once: every signing transaction holds the candidate's row lock while it counts, and the ballot table's
unique (candidate_id, petition_round) refuses a second ballot whatever happens.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from canvass_formats import promises
from canvass_protocol import wire
from canvass_server import ballots, scorecards, versions
from canvass_server.authz import Caller
from canvass_server.candidates_models import (
    Candidate,
    MemberDistrict,
    Nomination,
    PetitionSignature,
    QuestionnaireAnswer,
)
from canvass_server.models import County, Member, PolicyBrief, utcnow
from canvass_server.officials_models import Official
from canvass_server.outcome import Outcome

R = wire.OpRejection
PULL_KEY = ballots.CANDIDATES_KEY
DEFAULT_PETITION_SHARE = 0.10
RECALL_THRESHOLD = 2 / 3  # the charter's: recalls need two thirds
RECALL_QUORUM = 0.25  # of the district's active members when the recall opens
RECALL_DAYS = 14  # how long a recall ballot stays open


class CandidateError(ValueError):
    """A candidate command that cannot be done; the message is for people."""


def chamber_of(text: str) -> str:
    """upper or lower, from Open States' words or the usual names (senate, house, assembly)."""
    value = text.strip().lower()
    value = scorecards.CHAMBERS.get(value, value)
    if value not in ("upper", "lower"):
        raise CandidateError(f"chamber {text!r}: say upper (senate) or lower (house, assembly)")
    return value


def get_candidate(session: Session, candidate_id: int) -> Candidate:
    candidate = session.get(Candidate, candidate_id)
    if candidate is None:
        raise CandidateError(f"no candidate {candidate_id}; see `canvass-server candidates list`")
    return candidate


def _touch(session: Session, candidate: Candidate) -> None:
    candidate.version = versions.bump(session, PULL_KEY)


# ---- adding and vetting -------------------------------------------------------------------------------------


def add_candidate(session: Session, *, office: str, state: str, official: str | None = None,
                  name: str | None = None, chamber: str | None = None, district: str | None = None,
                  petition_share: float = DEFAULT_PETITION_SHARE) -> Candidate:
    """A new candidate in vetting: an official (by Open Civic Data person id: name, chamber and district default
    to the official's) or a newcomer (`name`, `chamber` and `district` required). Fills the seat's open
    nomination, if a recall opened one."""
    state = state.strip().upper()
    if len(state) != 2 or not state.isalpha():
        raise CandidateError("--state is the two-letter state of the district, e.g. NC")
    if not 0 < petition_share <= 1:
        raise CandidateError("--petition-share is a fraction of the district's members above 0, e.g. 0.1")
    person = None
    if official is not None:
        person = session.scalar(select(Official).where(Official.ocd_id == official.strip()))
        if person is None:
            raise CandidateError(f"no official {official!r}; import them first (`canvass-server officials import`)")
    name = " ".join((name or (person.name if person else "")).split())
    if not name:
        raise CandidateError("give the candidate's --name, or --official OCD_ID")
    chamber = chamber or (person.chamber if person else None)
    district = (district or (person.district if person else None) or "").strip()
    if not chamber or not district:
        raise CandidateError("give the --chamber and --district the candidate runs in")
    office = " ".join(office.split())
    if not office:
        raise CandidateError("give the --office, e.g. 'NC House'")
    candidate = Candidate(name=name[:200], official_id=person.id if person else None, office=office[:120],
                          state=state, chamber=chamber_of(chamber), district=district[:80], status="vetting",
                          petition_share=petition_share, petition_round=1)
    session.add(candidate)
    session.flush()
    seat = session.scalar(select(Nomination).where(
        Nomination.state == state, Nomination.chamber == candidate.chamber, Nomination.district == candidate.district,
        Nomination.filled_by.is_(None)).order_by(Nomination.id).limit(1))
    if seat is not None:
        seat.filled_by, seat.filled_at = candidate.id, utcnow()
        recalled = session.get(Candidate, seat.recalled_candidate_id) if seat.recalled_candidate_id else None
        if recalled is not None:
            _touch(session, recalled)  # its `nominations_open` turns false on the devices
    _touch(session, candidate)
    return candidate


def answer(session: Session, *, candidate_id: int, brief_slug: str, promise: str, comment: str = "") -> None:
    """The candidate's questionnaire answer on an adopted brief: they promise to `support` or `oppose` it.
    Answering again replaces the answer."""
    candidate = get_candidate(session, candidate_id)
    if promise not in wire.QUESTIONNAIRE_ANSWERS:
        raise CandidateError("--answer is support or oppose")
    briefs = session.scalars(select(PolicyBrief).where(PolicyBrief.slug == brief_slug)).all()
    if not briefs:
        raise CandidateError(f"no brief {brief_slug!r}; publish it first (`canvass-server publish-briefs`)")
    if any(b.status != "adopted" for b in briefs):
        raise CandidateError(f"brief {brief_slug!r} is not adopted: the questionnaire asks about the policies the "
                             "members adopted")
    row = session.get(QuestionnaireAnswer, (candidate.id, brief_slug))
    if row is None:
        row = QuestionnaireAnswer(candidate_id=candidate.id, brief_slug=brief_slug)
        session.add(row)
    row.answer, row.comment, row.answered_at = promise, " ".join(comment.split()), utcnow()
    _touch(session, candidate)


def withdraw(session: Session, candidate_id: int) -> Candidate:
    """The candidate withdraws (from vetting, or endorsed): no more petitions or ballots for them."""
    candidate = get_candidate(session, candidate_id)
    if candidate.status not in ("vetting", "endorsed"):
        raise CandidateError(f"candidate {candidate_id} is {candidate.status} already")
    candidate.status, candidate.status_changed_at = "withdrawn", utcnow()
    _touch(session, candidate)
    return candidate


def set_district(session: Session, *, member_id: int, chamber: str, district: str | None) -> Member:
    """Give a member the district they live in for a chamber (None: take it away). It counts for ballots and
    petitions opened from now on; an electorate already frozen stays as it was."""
    member = session.get(Member, member_id)
    if member is None:
        raise CandidateError(f"no member {member_id}; see `canvass-server members list`")
    seat = chamber_of(chamber)
    row = session.get(MemberDistrict, (member_id, seat))
    if district is None or not district.strip():
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(MemberDistrict(member_id=member_id, chamber=seat, district=district.strip()[:80]))
    else:
        row.district = district.strip()[:80]
    session.flush()
    return member


# ---- the petition -------------------------------------------------------------------------------------------


def district_size(session: Session, candidate: Candidate) -> int:
    """The active members of the candidate's district now."""
    where = ballots.district_members(candidate.state, candidate.chamber, candidate.district)
    return session.scalar(select(func.count()).select_from(Member).join(County, County.id == Member.county_id)
                          .where(Member.status == "active", *where)) or 0


def needed(share: float, members: int) -> int:
    """Signatures that open the recall: `share` of the district's members, rounded up, at least one."""
    return max(1, math.ceil(Fraction(share).limit_denominator(1000) * members))


def petition_open(candidate: Candidate) -> bool:
    return candidate.status == "endorsed" and candidate.recall_ballot_id is None


def _signatures(session: Session, candidate: Candidate) -> int:
    return session.scalar(select(func.count()).select_from(PetitionSignature).where(
        PetitionSignature.candidate_id == candidate.id, PetitionSignature.round == candidate.petition_round)) or 0


def _in_district(session: Session, caller: Caller, candidate: Candidate) -> bool:
    if caller.member.status != "active" or caller.county.state != candidate.state:
        return False
    seat = session.get(MemberDistrict, (caller.member.id, candidate.chamber))
    return seat is not None and seat.district == candidate.district


def apply_signatures(session: Session, caller: Caller, items: list[tuple[wire.Op, Any]], out: Outcome) -> None:
    """The caller's member's petition signatures, in seq order; the signer is always `caller.member`. Each
    candidate's row is locked (in id order) before its signatures are counted, so concurrent batches take turns
    and exactly one of them sees the count reach the threshold and opens the recall ballot."""
    if not items:
        return
    member, now = caller.member, utcnow()
    ids = sorted({p.candidate_id for _, p in items})
    found = {c.id: c for c in session.scalars(select(Candidate).where(Candidate.id.in_(ids))
                                              .order_by(Candidate.id).with_for_update())}
    signed = {(cid, rnd) for cid, rnd in session.execute(select(PetitionSignature.candidate_id, PetitionSignature.round)
              .where(PetitionSignature.candidate_id.in_(ids), PetitionSignature.member_id == member.id))}
    touched: dict[int, Candidate] = {}
    for op, p in sorted(items, key=lambda item: item[0].seq):
        c = found.get(p.candidate_id)
        if c is None:
            out.reject(op, R.UNKNOWN_CANDIDATE, f"no candidate {p.candidate_id}")
        elif not petition_open(c) or p.round != c.petition_round:
            out.reject(op, R.PETITION_CLOSED, f"the recall petition of candidate {c.id} takes no signatures now "
                                              f"({c.status}" + (", a recall ballot is open)" if
                                                                c.recall_ballot_id else ")"))
        elif not _in_district(session, caller, c):
            out.reject(op, R.NOT_IN_DISTRICT, f"you are not a member of district {c.district} ({c.chamber}, "
                                              f"{c.state}), candidate {c.id}'s")
        elif (c.id, c.petition_round) in signed:
            out.reject(op, R.ALREADY_SIGNED, f"you have signed this round of candidate {c.id}'s recall petition")
        else:
            session.add(PetitionSignature(id=p.id, candidate_id=c.id, round=c.petition_round, member_id=member.id,
                                          receipt=p.receipt, op_id=op.op_id, device_id=caller.device.id,
                                          received_at=now))
            signed.add((c.id, c.petition_round))
            touched[c.id] = c
            out.ok(op)
    session.flush()
    for c in touched.values():
        _touch(session, c)
        if _signatures(session, c) >= needed(c.petition_share, district_size(session, c)):
            open_recall(session, c)


def open_recall(session: Session, candidate: Candidate) -> None:
    """The petition reached its threshold: the recall ballot of this round opens (the caller holds the lock)."""
    ballots.open_candidate_ballot(session, candidate=candidate, kind="recall", quorum=RECALL_QUORUM,
                                  threshold=RECALL_THRESHOLD, petition_round=candidate.petition_round,
                                  closes_at=utcnow() + dt.timedelta(days=RECALL_DAYS))


def receipts(session: Session, candidate: Candidate) -> list[str]:
    """Every counted receipt of the current round, sorted (their order says nothing of who or when)."""
    return sorted(session.scalars(select(PetitionSignature.receipt).where(
        PetitionSignature.candidate_id == candidate.id, PetitionSignature.round == candidate.petition_round)))


# ---- reading ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CandidateInfo:
    """A candidate as the commands and the pull send it, with their record against their promises."""

    item: wire.CandidateItem
    record: list[promises.PromiseCheck]

    def as_dict(self) -> dict[str, Any]:
        return self.item.model_dump(mode="json") | {
            "record": [c.as_dict() for c in self.record], "record_summary": promises.summary(self.record)}


def _questionnaire(session: Session, ids: list[int]) -> dict[int, list[wire.QuestionnaireItem]]:
    out: dict[int, list[wire.QuestionnaireItem]] = {i: [] for i in ids}
    titles: dict[str, str] = {}
    for row in session.scalars(select(QuestionnaireAnswer).where(QuestionnaireAnswer.candidate_id.in_(ids))
                               .order_by(QuestionnaireAnswer.brief_slug)):
        if row.brief_slug not in titles:
            briefs = session.scalars(select(PolicyBrief).where(PolicyBrief.slug == row.brief_slug)).all()
            titles[row.brief_slug] = scorecards._title(briefs, row.brief_slug)
        out[row.candidate_id].append(wire.QuestionnaireItem(brief_slug=row.brief_slug,
                                                            brief_title=titles[row.brief_slug],
                                                            answer=row.answer, comment=row.comment))  # type: ignore[arg-type]
    return out


def describe(session: Session, rows: Sequence[Candidate], caller: Caller | None = None, *, record: bool = True
             ) -> list[CandidateInfo]:
    """The candidates as wire items (in the caller's eyes: `in_my_district`) with their promise-by-vote record
    (left empty when not `record`)."""
    ids = [c.id for c in rows]
    asked = _questionnaire(session, ids)
    officials = {o.id: o.ocd_id for o in session.scalars(select(Official).where(
        Official.id.in_([c.official_id for c in rows if c.official_id])))}
    votes = scorecards.explain(session, list(officials)) if record else {}
    open_seats = set(session.scalars(select(Nomination.recalled_candidate_id).where(
        Nomination.recalled_candidate_id.in_(ids), Nomination.filled_by.is_(None))))
    infos = []
    for c in rows:
        size = district_size(session, c)
        petition = wire.PetitionState(round=c.petition_round, open=petition_open(c),
                                      signatures=_signatures(session, c), needed=needed(c.petition_share, size),
                                      receipts=receipts(session, c))
        item = wire.CandidateItem(
            id=c.id, name=c.name, official_id=officials.get(c.official_id or 0), office=c.office, state=c.state,
            chamber=c.chamber, district=c.district, status=c.status,  # type: ignore[arg-type]
            questionnaire=asked[c.id], petition=petition, endorsement_ballot_id=c.endorsement_ballot_id,
            recall_ballot_id=c.recall_ballot_id, nominations_open=c.id in open_seats,
            in_my_district=caller is not None and _in_district(session, caller, c))
        checks = promises.compare([a.model_dump() for a in asked[c.id]], votes.get(c.official_id or 0, []))
        infos.append(CandidateInfo(item, checks))
    return infos


def list_candidates(session: Session) -> list[CandidateInfo]:
    return describe(session, session.scalars(select(Candidate).order_by(Candidate.state, Candidate.chamber,
                                                                       Candidate.district, Candidate.name)).all())


def pull_items(session: Session, caller: Caller, rows: Sequence[Candidate]) -> list[dict[str, Any]]:
    """Scope `candidates` (wire.CandidateItem): a page of candidates as the caller sees them. The record against
    the promises is not sent: the device computes it from the scorecards it pulled (canvass_formats.promises)."""
    return [info.item.model_dump(mode="json") for info in describe(session, rows, caller, record=False)]


def fingerprint(session: Session, caller: Caller) -> str:
    """The member's districts: when they change, `in_my_district` may change for any candidate, so the scope
    starts again."""
    seats = session.execute(select(MemberDistrict.chamber, MemberDistrict.district).where(
        MemberDistrict.member_id == caller.member.id).order_by(MemberDistrict.chamber)).all()
    text = caller.county.state + ";" + ";".join(f"{c}:{d}" for c, d in seats)
    return hashlib.sha256(text.encode()).hexdigest()[:16]
