"""The ballots as pulled (scope `ballots`), and what the Briefs page and `canvass-app ballots` show of them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from canvass_app.ballots.votes import aware, is_open, my_votes
from canvass_app.store.database import upsert_by_id
from canvass_app.store.models import Ballot, County, utcnow

PULLED_FIELDS = ("brief_slug", "title", "kind", "candidate_id", "scope", "quorum", "threshold", "status", "electorate",
                 "result")


def apply_pulled_ballots(session: Session, county: County, items: list[dict[str, Any]], refetch: bool) -> int:
    """Upsert pulled ballots by the server's id (a pull.APPLY function). Ballots are never removed: a refetch
    sends them all again, and this device's votes and receipt checks stay with them."""
    parsed = [{**item, "opens_at": dt.datetime.fromisoformat(item["opens_at"]),
               "closes_at": dt.datetime.fromisoformat(item["closes_at"])} for item in items]
    upsert_by_id(session, Ballot, parsed, (*PULLED_FIELDS, "opens_at", "closes_at"))
    return len(items)


@dataclass(frozen=True)
class BallotView:
    """One ballot with this device's vote: what the panel and the command line show."""

    id: int
    brief_slug: str
    title: str
    scope: str
    opens_at: dt.datetime
    closes_at: dt.datetime
    open: bool  # open for votes now (by the server's word and the clock)
    closed: bool  # the server published its result
    quorum: float
    threshold: float
    electorate: int
    result: dict[str, Any] | None
    my_vote_id: str | None
    my_choice: str | None
    my_comment: str | None
    my_vote_at: dt.datetime | None
    my_receipt: str | None
    receipt_check: str | None  # verified, missing, mismatch; None until checked
    receipt_checked_at: dt.datetime | None

    def seconds_left(self, now: dt.datetime | None = None) -> int:
        return max(0, int((self.closes_at - (now or utcnow())).total_seconds()))

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "brief_slug": self.brief_slug, "title": self.title, "scope": self.scope,
            "opens_at": self.opens_at.isoformat(), "closes_at": self.closes_at.isoformat(),
            "status": "closed" if self.closed else ("open" if self.open else "awaiting_result"),
            "quorum": self.quorum, "threshold": self.threshold, "electorate": self.electorate, "result": self.result,
            "my_vote": None if self.my_choice is None else {
                "choice": self.my_choice, "comment": self.my_comment, "receipt": self.my_receipt,
                "cast_at": self.my_vote_at.isoformat() if self.my_vote_at else None},
            "receipt_check": self.receipt_check,
        }


def list_ballots(session: Session, *, brief_slug: str | None = None) -> list[BallotView]:
    """The ballots (of one brief, or all): open ones first, soonest to close first; then closed, newest first."""
    stmt = select(Ballot)
    if brief_slug is not None:
        stmt = stmt.where(Ballot.brief_slug == brief_slug)
    now = utcnow()
    views = []
    for b in session.scalars(stmt):
        mine = my_votes(session, b.id)
        last = mine[0] if mine else None
        views.append(BallotView(
            id=b.id, brief_slug=b.brief_slug, title=b.title, scope=b.scope, opens_at=aware(b.opens_at),
            closes_at=aware(b.closes_at), open=is_open(b, now), closed=b.status == "closed", quorum=b.quorum,
            threshold=b.threshold, electorate=b.electorate, result=b.result,
            my_vote_id=last.id if last else None, my_choice=last.choice if last else None,
            my_comment=last.comment if last else None,
            my_vote_at=aware(last.created_at) if last else None, my_receipt=last.receipt if last else None,
            receipt_check=b.receipt_check,
            receipt_checked_at=aware(b.receipt_checked_at) if b.receipt_checked_at else None,
        ))
    views.sort(key=lambda v: (not v.open, v.closes_at.timestamp() * (1 if v.open else -1)))
    return views
