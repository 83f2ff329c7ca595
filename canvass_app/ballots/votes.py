"""Casting a vote: stored with the secret nonce behind its receipt, and queued as a `ballot_vote` op in the same
transaction. The voter is whoever the server knows this device by; nothing here names a person."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from uuid6 import uuid7

from canvass_app.i18n import translate
from canvass_app.store.models import Ballot, BallotVote, utcnow
from canvass_app.store.outbox import enqueue
from canvass_protocol import wire

CHOICES = wire.VOTE_CHOICES


class VoteRefused(ValueError):
    """The vote cannot be cast; the message is for people."""


def receipt_of(ballot_id: int, choice: str, nonce_hex: str) -> str:
    """The commitment the server publishes after close: SHA-256 over the ballot, the choice and a random nonce."""
    return hashlib.sha256(f"canvass-ballot-receipt:v1:{ballot_id}:{choice}:{nonce_hex}".encode()).hexdigest()


def aware(moment: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; the store writes UTC only."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def is_open(ballot: Ballot, now: dt.datetime | None = None) -> bool:
    now = now or utcnow()
    return ballot.status == "open" and aware(ballot.opens_at) <= now < aware(ballot.closes_at)


@dataclass(frozen=True)
class CastVote:
    id: str
    ballot_id: int
    choice: str
    receipt: str
    replaced: bool  # True when it replaces an earlier vote of this device on the ballot
    outbox_seq: int


def cast_vote(session: Session, ballot_id: int, choice: str, comment: str | None = None) -> CastVote:
    """Vote on an open ballot (offline; sent at the next sync). A later vote replaces the earlier one until the
    ballot closes. Raises VoteRefused for an unknown or closed ballot or an unknown choice; nothing is written."""
    if choice not in CHOICES:
        raise VoteRefused(translate("Ballots", "choose support, oppose or abstain"))
    ballot = session.get(Ballot, ballot_id)
    if ballot is None:
        raise VoteRefused(translate("Ballots", "no such ballot here: sync first to receive the ballots"))
    if not is_open(ballot):
        raise VoteRefused(translate("Ballots", "this ballot is not open for votes"))
    earlier = session.scalar(select(func.count()).select_from(BallotVote).where(BallotVote.ballot_id == ballot_id))
    nonce = secrets.token_bytes(32).hex()
    vote = BallotVote(id=str(uuid7()), ballot_id=ballot_id, choice=choice, comment=(comment or "").strip() or None,
                      nonce=nonce, receipt=receipt_of(ballot_id, choice, nonce), created_at=utcnow())
    session.add(vote)
    op = enqueue(session, "ballot_vote", {
        "id": vote.id, "ballot_id": ballot_id, "choice": choice, "comment": vote.comment, "receipt": vote.receipt,
        "created_at": vote.created_at.isoformat(),
    })
    return CastVote(vote.id, ballot_id, choice, vote.receipt, bool(earlier), op.seq)


def my_votes(session: Session, ballot_id: int) -> list[BallotVote]:
    """This device's votes on a ballot, newest first (the first is the one that counts, once it is sent)."""
    return list(session.scalars(select(BallotVote).where(BallotVote.ballot_id == ballot_id)
                                .order_by(BallotVote.created_at.desc(), BallotVote.id.desc())))
