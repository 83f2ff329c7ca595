"""Scorecards: roll calls linked to adopted briefs, and each official's record against them (docs/scorecards.md).

An official's score is aligned / (aligned + against) over the linked roll calls, each vote weighed by its brief:
WEIGHT_SECURED_RIGHT for a brief that touches a Secured Right (it declares `protects`), 1 otherwise. Absences and
"other" options (abstain, paired, present, ...) are counted and shown, never in the score.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import case, func, select, text, true, update
from sqlalchemy.orm import Session

from canvass_formats.charter import charter_violation
from canvass_formats.openstates import ABSENT_OPTIONS
from canvass_protocol import wire
from canvass_server import versions
from canvass_server.authz import Caller
from canvass_server.models import PolicyBrief
from canvass_server.officials import PULL_KEY
from canvass_server.officials_models import Bill, Official, OfficialVote, ScorecardLink, VoteEvent
from canvass_server.outcome import among

WEIGHT_SECURED_RIGHT = 2  # the charter's two-thirds rule, as a weight: such a vote counts twice
CHAMBERS = {"house": "lower", "assembly": "lower", "senate": "upper"}


class ScorecardError(ValueError):
    """A scorecard command that cannot be done; the message is for people."""


@dataclass(frozen=True)
class Linked:
    brief_slug: str
    bill: str
    session: str
    aligned: str
    weight: int
    roll_calls: list[dict[str, str]]


def _briefs(session: Session, slug: str) -> Sequence[PolicyBrief]:
    return session.scalars(select(PolicyBrief).where(PolicyBrief.slug == slug).order_by(PolicyBrief.language)).all()


def _weight(briefs: Sequence[PolicyBrief]) -> int:
    return WEIGHT_SECURED_RIGHT if any(b.protects or b.conflicts for b in briefs) else 1


def _squash(identifier: str) -> str:
    return "".join(identifier.split()).upper()


def link(session: Session, *, brief_slug: str, bill: str, bill_session: str, aligned: str,
         motion: str | None = None) -> Linked:
    """Score the roll calls on `bill` of `bill_session` (those whose motion is `motion`, else all) against an
    adopted brief; `aligned` is the option (yes or no) that agrees with the brief. Linking again updates it."""
    aligned = aligned.strip().lower()
    if aligned not in ("yes", "no"):
        raise ScorecardError("--aligned is yes or no: the vote that agrees with the brief")
    briefs = _briefs(session, brief_slug)
    if not briefs:
        raise ScorecardError(f"no brief {brief_slug!r}; publish it first (`canvass-server publish-briefs`)")
    if any(b.status != "adopted" for b in briefs):
        status = "/".join(sorted({b.status for b in briefs}))
        raise ScorecardError(f"brief {brief_slug!r} is {status}: only a brief the members adopted scores a record")
    for b in briefs:
        reason = charter_violation("adopted", [str(c) for c in b.conflicts or []])
        if reason:
            raise ScorecardError(f"brief {brief_slug!r} {reason}")
    found = session.scalars(select(Bill).where(
        Bill.session == bill_session.strip(),
        func.upper(func.replace(Bill.identifier, " ", "")) == _squash(bill))).all()
    if not found:
        raise ScorecardError(f"no bill {bill!r} in session {bill_session!r}; import it first "
                             "(`canvass-server officials import DIR`)")
    events = session.scalars(select(VoteEvent).where(VoteEvent.bill_id.in_([b.id for b in found]))
                             .order_by(VoteEvent.start_date, VoteEvent.id)).all()
    if not events:
        raise ScorecardError(f"bill {bill!r} of session {bill_session!r} has no roll calls in the imported files")
    if motion is not None:
        events = _matching(events, motion, bill)
    existing = {row.vote_event_id: row for row in session.scalars(select(ScorecardLink).where(
        ScorecardLink.brief_slug == brief_slug, ScorecardLink.vote_event_id.in_([e.id for e in events])))}
    for e in events:
        if e.id in existing:
            existing[e.id].aligned = aligned
        else:
            session.add(ScorecardLink(brief_slug=brief_slug, vote_event_id=e.id, aligned=aligned))
    session.flush()
    _touch(session, [e.id for e in events])
    return Linked(brief_slug, found[0].identifier, found[0].session, aligned, _weight(briefs),
                  [{"id": e.ocd_id, "motion": e.motion_text, "date": e.start_date, "result": e.result}
                   for e in events])


def _matching(events: Sequence[VoteEvent], motion: str, bill: str) -> list[VoteEvent]:
    """The roll calls whose motion is `motion` (any case); if none is, those whose motion contains it."""
    wanted = " ".join(motion.split()).casefold()
    exact = [e for e in events if " ".join(e.motion_text.split()).casefold() == wanted]
    picked = exact or [e for e in events if wanted in e.motion_text.casefold()]
    if not picked:
        motions = "; ".join(sorted({f"{e.motion_text!r}" for e in events}))
        raise ScorecardError(f"no roll call on {bill} with the motion {motion!r}; its motions: {motions}")
    return picked


def _touch(session: Session, event_ids: list[int]) -> None:
    """Every official who voted in these roll calls gets a new card version: devices pull it again."""
    version = versions.bump(session, PULL_KEY)
    voters = select(OfficialVote.official_id).where(OfficialVote.vote_event_id.in_(event_ids))
    session.execute(update(Official).where(Official.id.in_(voters)).values(version=version),
                    execution_options={"synchronize_session": False})


def unlink(session: Session, *, brief_slug: str) -> int:
    """Remove every link of a brief; returns how many roll calls were unlinked."""
    rows = session.scalars(select(ScorecardLink).where(ScorecardLink.brief_slug == brief_slug)).all()
    _touch(session, [r.vote_event_id for r in rows])
    for row in rows:
        session.delete(row)
    return len(rows)


# ---- the cards ----------------------------------------------------------------------------------------------


@dataclass
class Scorecard:
    id: str  # the Open Civic Data person id
    name: str
    party: str | None
    chamber: str | None
    district: str | None
    aligned: int = 0
    against: int = 0
    absent: int = 0
    other: int = 0
    aligned_weight: int = 0
    against_weight: int = 0
    votes: list[dict[str, Any]] = field(default_factory=list)

    @property
    def score(self) -> float | None:
        """Weighed aligned / (aligned + against); None without a yes or no vote on a linked roll call."""
        total = self.aligned_weight + self.against_weight
        return self.aligned_weight / total if total else None

    def as_dict(self, *, votes: bool = False) -> dict[str, Any]:
        data = asdict(self) | {"score": self.score}
        if not votes:
            del data["votes"]
        return data


def _kind(aligned: Any) -> Any:
    """What an official's vote counts as on a link, in SQL (the same rule as canvass_formats.openstates; every
    import stores the option lower-cased and trimmed, so it is compared as stored)."""
    option = OfficialVote.option
    return case((option == aligned, "aligned"), (option.in_(("yes", "no")), "against"),
                (option.in_(sorted(ABSENT_OPTIONS)), "absent"), else_="other")


def _weights(session: Session) -> dict[str, int]:
    slugs = set(session.scalars(select(ScorecardLink.brief_slug).distinct()))
    return {s: _weight(_briefs(session, s)) for s in slugs}


def scorecards(session: Session, *, chamber: str | None = None, ids: list[int] | None = None) -> list[Scorecard]:
    """Every official's card (of a chamber, or of these official ids), by name: one grouped query."""
    stmt = select(Official)
    if ids is not None:
        stmt = stmt.where(Official.id.in_(ids))
    if chamber:
        wanted = CHAMBERS.get(chamber.strip().lower(), chamber.strip().lower())
        stmt = stmt.where(func.lower(Official.chamber) == wanted)
    cards = {o.id: Scorecard(o.ocd_id, o.name, o.party, o.chamber, o.district)
             for o in session.scalars(stmt.order_by(Official.name, Official.ocd_id))}
    weights = _weights(session)
    kind = _kind(ScorecardLink.aligned).label("kind")
    if session.get_bind().dialect.name == "postgresql":  # a few hundred groups of 300,000 votes: hashed in memory,
        session.execute(text("SET LOCAL work_mem = '32MB'"))  # not sorted on disk (0.25 s rather than 0.5-0.8 s)
    rows = session.execute(
        select(OfficialVote.official_id, ScorecardLink.brief_slug, kind, func.count())
        .join(ScorecardLink, ScorecardLink.vote_event_id == OfficialVote.vote_event_id)
        .where(OfficialVote.official_id.in_(ids) if ids is not None else true())
        .group_by(OfficialVote.official_id, ScorecardLink.brief_slug, kind))
    for official_id, slug, what, n in rows:
        card = cards.get(official_id)
        if card is None:
            continue
        setattr(card, what, getattr(card, what) + n)
        if what in ("aligned", "against"):
            name = f"{what}_weight"
            setattr(card, name, getattr(card, name) + n * weights.get(slug, 1))
    return list(cards.values())


def explain(session: Session, official_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """Each official's linked votes, oldest first: brief, bill, date, motion, the vote, what it counts as."""
    weights = _weights(session)
    titles: dict[str, str] = {}
    out: dict[int, list[dict[str, Any]]] = {oid: [] for oid in official_ids}
    kind = _kind(ScorecardLink.aligned)
    for where in among(session, OfficialVote.official_id, official_ids):
        rows = session.execute(
            select(OfficialVote.official_id, OfficialVote.option, kind, ScorecardLink.brief_slug,
                   ScorecardLink.aligned, Bill.identifier, Bill.session, Bill.title, VoteEvent.motion_text,
                   VoteEvent.start_date)
            .join(ScorecardLink, ScorecardLink.vote_event_id == OfficialVote.vote_event_id)
            .join(VoteEvent, VoteEvent.id == OfficialVote.vote_event_id)
            .join(Bill, Bill.id == VoteEvent.bill_id)
            .where(where).order_by(VoteEvent.start_date, VoteEvent.id, ScorecardLink.brief_slug))
        for oid, option, what, slug, aligned, ident, bill_session, bill_title, motion, date in rows:
            if slug not in titles:
                titles[slug] = _title(_briefs(session, slug), slug)
            out[oid].append({"brief_slug": slug, "brief_title": titles[slug], "bill": ident, "session": bill_session,
                             "bill_title": bill_title, "motion": motion, "date": date, "option": option,
                             "aligned_option": aligned, "counts_as": what, "weight": weights.get(slug, 1)})
    return out


def _title(briefs: Sequence[PolicyBrief], slug: str) -> str:
    english = [b.title for b in briefs if b.language == "en"]
    return english[0] if english else (briefs[0].title if briefs else slug)


def pull_items(session: Session, caller: Caller, rows: Sequence[Official]) -> list[dict[str, Any]]:
    """Scope `scorecards` (wire.ScorecardItem): a page of officials, each with its card and its votes explained."""
    ids = [o.id for o in rows]
    cards = {c.id: c for c in scorecards(session, ids=ids)}
    votes = explain(session, ids)
    items = []
    for o in rows:
        card = cards[o.ocd_id]
        items.append(wire.ScorecardItem(
            id=o.ocd_id, name=o.name, party=o.party, chamber=o.chamber, district=o.district, aligned=card.aligned,
            against=card.against, absent=card.absent, other=card.other, score=card.score,
            votes=[wire.ScorecardVote.model_validate(v) for v in votes[o.id]]).model_dump(mode="json"))
    return items
