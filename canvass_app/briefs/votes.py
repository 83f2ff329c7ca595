"""Volunteers' votes on proposed policies: one per person per policy, each written with its outbox op."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session
from uuid6 import uuid7

from canvass_app.store.models import PolicyBrief, PolicyVote, utcnow
from canvass_app.store.outbox import enqueue

CHOICES = ("support", "oppose", "abstain")


class VoteRefused(ValueError):
    """The vote cannot be recorded; the message is for people."""


@dataclass(frozen=True)
class VoteRecord:
    """A vote as stored, with the outbox seq it travels as."""

    id: str
    brief_slug: str
    person: str
    choice: str
    comment: str | None
    created_at: dt.datetime
    replaced: bool  # True when it replaced this person's earlier vote
    outbox_seq: int | None = None


def cast_vote(
    session: Session, *, slug: str, person: str, choice: str, comment: str | None = None
) -> VoteRecord:
    """Record person's vote on a proposed policy, replacing their earlier vote, and queue a `policy_vote` op
    in the same transaction. Raises VoteRefused for an unknown or non-proposed policy, a bad choice or no
    name; nothing is written then."""
    person = person.strip()
    if not person:
        raise VoteRefused("a vote needs the voter's name (set your canvasser name first)")
    if choice not in CHOICES:
        raise VoteRefused(f"choice {choice!r} is not one of {', '.join(CHOICES)}")
    statuses = set(session.scalars(select(PolicyBrief.status).where(PolicyBrief.slug == slug)))
    if not statuses:
        raise VoteRefused(f"no policy brief {slug!r}")
    if "proposed" not in statuses:
        state = "/".join(sorted(statuses))
        raise VoteRefused(f"policy {slug!r} is {state}: only proposed policies take votes")
    comment = (comment or "").strip() or None
    earlier = session.scalar(
        select(PolicyVote).where(PolicyVote.brief_slug == slug, PolicyVote.person == person)
    )
    if earlier is not None:
        session.delete(earlier)
        session.flush()  # the unique (brief_slug, person) must be free before the new row goes in
    vote = PolicyVote(id=str(uuid7()), brief_slug=slug, person=person, choice=choice, comment=comment,
                      created_at=utcnow())
    session.add(vote)
    op = enqueue(session, "policy_vote", {
        "id": vote.id, "brief_slug": slug, "person": person, "choice": choice, "comment": comment,
        "created_at": vote.created_at.isoformat(),
    })
    return VoteRecord(vote.id, slug, person, choice, comment, vote.created_at, earlier is not None, op.seq)


def my_vote(session: Session, *, slug: str, person: str) -> VoteRecord | None:
    """This person's current vote on a policy, or None."""
    row = session.scalar(
        select(PolicyVote).where(PolicyVote.brief_slug == slug, PolicyVote.person == person.strip())
    )
    if row is None:
        return None
    created = row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=dt.UTC)
    return VoteRecord(row.id, row.brief_slug, row.person, row.choice, row.comment, created, False)
