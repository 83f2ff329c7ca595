"""Changes the server refused, told where people made them: what each carried, and whether anyone has seen it.

A refused op stays in the outbox (`status = 'rejected'`, `reject_reason = "code: reason"`). What it carried is
found through its payload's `id` (a contact attempt's or a vote's id), so the Contacts and Policy Briefs pages can
mark the very row that was refused. It counts in the status bar until the person marks it seen (`seen_at`,
migration 0014).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, func, select, update
from sqlalchemy.orm import Session

from canvass_app.store.models import Ballot, County, OutboxOp, PolicyBrief, Voter, full_name, utcnow

_SQL_VARS = 900  # ids per IN (...): below SQLite's old 999-variable limit


@dataclass(frozen=True)
class Rejection:
    """One op the server refused: when it was made, its type, what it was about, the server's code and reason."""

    seq: int
    op_type: str
    item_id: str | None  # payload["id"]: the contact attempt or vote it carried (None for ops without one)
    what: str  # the voter's name, the brief's title or the turf's list number; "" when the store no longer has it
    code: str
    reason: str
    created_at: dt.datetime
    seen: bool


def split_reason(stored: str) -> tuple[str, str]:
    """("unknown_voter", "no such voter in this county") from the stored "unknown_voter: no such voter ..."."""
    code, sep, reason = stored.partition(": ")
    return (code, reason) if sep else ("rejected", stored)


def _json(path: str) -> ColumnElement[Any]:
    return func.json_extract(OutboxOp.payload, path)


def _refused(session: Session, where: Sequence[ColumnElement[bool]], *, language: str, limit: int | None
             ) -> list[Rejection]:
    """Refused ops matching `where`, unseen first, then newest first, each with what it was about: one query."""
    brief = (  # a vote's policy, in the person's language where the store has it
        select(PolicyBrief.title).where(PolicyBrief.slug == _json("$.brief_slug"))
        .order_by(PolicyBrief.language != language, PolicyBrief.language != "en", PolicyBrief.language)
        .limit(1).scalar_subquery()
    )
    ballot = select(Ballot.title).where(Ballot.id == _json("$.ballot_id")).scalar_subquery()
    query = (
        select(OutboxOp, Voter.first_name, Voter.middle_name, Voter.last_name, Voter.suffix,
               func.coalesce(brief, ballot))
        .outerjoin(County, and_(County.name == _json("$.county.name"), County.state == _json("$.county.state")))
        .outerjoin(Voter, and_(Voter.county_id == County.id, Voter.state_voter_id == _json("$.state_voter_id")))
        .where(OutboxOp.status == "rejected", *where)
        .order_by(OutboxOp.seen_at.is_not(None), OutboxOp.seq.desc())
        .limit(limit)
    )
    out = []
    for op, first, middle, last, suffix, title in session.execute(query):
        payload = op.payload if isinstance(op.payload, dict) else {}
        voter = full_name(first, middle, last, suffix) if last is not None else None
        code, reason = split_reason(op.reject_reason or "")
        created = op.created_at if op.created_at.tzinfo else op.created_at.replace(tzinfo=dt.UTC)
        item = payload.get("id")
        out.append(Rejection(
            seq=op.seq, op_type=op.op_type, item_id=item if isinstance(item, str) else None,
            what=voter or title or str(payload.get("list_number") or ""), code=code, reason=reason,
            created_at=created, seen=op.seen_at is not None,
        ))
    return out


def list_rejections(session: Session, *, language: str = "en", limit: int = 200) -> list[Rejection]:
    """Refused ops for the Sync page: every unseen one first (up to `limit`, so "Mark as seen" can always reach
    them), then the seen ones kept for the record; newest first within each."""
    return _refused(session, [], language=language, limit=limit)


def unseen_count(session: Session) -> int:
    """How many refused ops the person has not marked seen (the status bar's "2 not accepted")."""
    return session.scalar(select(func.count()).select_from(OutboxOp).where(
        OutboxOp.status == "rejected", OutboxOp.seen_at.is_(None))) or 0


def mark_seen(session: Session, seqs: Iterable[int], *, at: dt.datetime | None = None) -> int:
    """Mark these refused ops seen (the ones the person was shown, not any refused since); returns how many."""
    wanted = list(seqs)
    marked = 0
    for i in range(0, len(wanted), _SQL_VARS):
        marked += session.execute(
            update(OutboxOp).where(OutboxOp.seq.in_(wanted[i:i + _SQL_VARS]), OutboxOp.status == "rejected",
                                   OutboxOp.seen_at.is_(None)).values(seen_at=at or utcnow())
        ).rowcount  # type: ignore[attr-defined]
    return marked


def refusals(session: Session, item_ids: Iterable[str], *, language: str = "en") -> dict[str, Rejection]:
    """The refusal of each of these contacts or votes (by id) that the server refused; the others are absent."""
    ids = list(set(item_ids))
    out: dict[str, Rejection] = {}
    for i in range(0, len(ids), _SQL_VARS):
        found = _refused(session, [_json("$.id").in_(ids[i:i + _SQL_VARS])], language=language, limit=None)
        out.update((r.item_id, r) for r in found if r.item_id is not None)
    return out
