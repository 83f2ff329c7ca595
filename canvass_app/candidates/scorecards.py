"""Scorecards as pulled (scope `scorecards`): stored, listed, searched and sorted in SQL, and explained vote by vote.

A card's score is the server's: aligned / (aligned + against) over the roll calls linked to adopted briefs, a vote on
a brief that touches a Secured Right weighing double (docs/scorecards.md). Absences and "other" votes are shown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import JSON, Float, Integer, String, cast, func, or_, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from canvass_app.store.database import upsert_by_id
from canvass_app.store.models import Base, County, utcnow

PULLED_FIELDS = ("name", "party", "chamber", "district", "aligned", "against", "absent", "other", "score", "votes")
SORTS = ("name", "party", "chamber", "district", "score", "aligned", "against", "absent", "other")


class Scorecard(Base):
    """One official's card (migration 0017), keyed by the Open Civic Data person id."""

    __tablename__ = "scorecard"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    party: Mapped[str | None] = mapped_column(String(80))
    chamber: Mapped[str | None] = mapped_column(String(20))
    district: Mapped[str | None] = mapped_column(String(80), index=True)
    aligned: Mapped[int] = mapped_column(default=0)
    against: Mapped[int] = mapped_column(default=0)
    absent: Mapped[int] = mapped_column(default=0)
    other: Mapped[int] = mapped_column(default=0)
    score: Mapped[float | None] = mapped_column(Float)
    votes: Mapped[list[Any]] = mapped_column(JSON, default=list)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


def apply_pulled_scorecards(session: Session, county: County, items: list[dict[str, Any]], refetch: bool) -> int:
    """Upsert pulled cards by person id (a pull.APPLY function); a refetch sends them all again."""
    return len(upsert_by_id(session, Scorecard, items, PULLED_FIELDS, updated_at=utcnow()))


@dataclass(frozen=True)
class ScorecardView:
    id: str
    name: str
    party: str | None
    chamber: str | None
    district: str | None
    aligned: int
    against: int
    absent: int
    other: int
    score: float | None
    votes: list[dict[str, Any]]  # oldest first: brief, bill, session, date, motion, option, counts_as, weight

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _view(card: Scorecard) -> ScorecardView:
    votes = sorted(card.votes or [], key=lambda v: (str(v.get("date")), str(v.get("bill"))))
    return ScorecardView(card.id, card.name, card.party, card.chamber, card.district, card.aligned, card.against,
                         card.absent, card.other, card.score, votes)


def list_scorecards(session: Session, *, search: str = "", sort: str = "name", descending: bool = False,
                    district: str | None = None) -> list[ScorecardView]:
    """The cards matching `search` (name, party or district), or of one district, sorted in SQL by one of SORTS;
    a card with no scored vote sorts after every score. Raises ValueError for another sort."""
    if sort not in SORTS:
        raise ValueError(f"sort by one of {', '.join(SORTS)}, not {sort!r}")
    stmt = select(Scorecard)
    text = search.strip()
    if text:
        like = f"%{text.casefold()}%"
        stmt = stmt.where(or_(func.lower(Scorecard.name).like(like), func.lower(Scorecard.party).like(like),
                              func.lower(Scorecard.district) == text.casefold()))
    if district is not None:
        stmt = stmt.where(func.lower(Scorecard.district) == district.strip().casefold())
    special: dict[str, list[Any]] = {"district": [cast(Scorecard.district, Integer), Scorecard.district],
                                     "name": [func.lower(Scorecard.name)], "party": [func.lower(Scorecard.party)]}
    columns = special.get(sort) or [getattr(Scorecard, sort)]
    stmt = stmt.order_by(columns[-1].is_(None), *(c.desc() if descending else c.asc() for c in columns),
                         Scorecard.name)
    return [_view(c) for c in session.scalars(stmt)]
