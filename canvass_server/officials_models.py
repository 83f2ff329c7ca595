"""The public record's tables: officials, bills, roll calls, each official's vote, and the scorecards' links.

Open Civic Data ids (`ocd_id`) are kept exactly as Open States gives them; the integer ids only join the tables.
`official_vote` has no foreign keys on purpose: it is written in bulk (COPY) by the importer, which alone resolves
its ids, and a check per row would make a large session's import several times slower (migration 0004).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from canvass_server.models import Base, utcnow


class Official(Base):
    """A legislator; `listed` is False for one known only from the roll calls (not in the people file)."""

    __tablename__ = "official"
    __table_args__ = (Index("ix_official_pull", "version", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ocd_id: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    party: Mapped[str | None] = mapped_column(String(80))
    chamber: Mapped[str | None] = mapped_column(String(20))
    district: Mapped[str | None] = mapped_column(String(80))
    listed: Mapped[bool] = mapped_column(default=True)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(default=0)  # scope `scorecards`: bumped when the official's card changes


class Bill(Base):
    __tablename__ = "bill"
    __table_args__ = (Index("ix_bill_session_identifier", "session", "identifier"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ocd_id: Mapped[str] = mapped_column(String(80), unique=True)
    identifier: Mapped[str] = mapped_column(String(60))
    session: Mapped[str] = mapped_column(String(60))
    title: Mapped[str] = mapped_column(Text, default="")
    jurisdiction: Mapped[str | None] = mapped_column(String(200))
    chamber: Mapped[str | None] = mapped_column(String(20))


class VoteEvent(Base):
    """A roll call: one motion on one date (a bill can have several, even with the same motion text)."""

    __tablename__ = "vote_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    ocd_id: Mapped[str] = mapped_column(String(80), unique=True)
    bill_id: Mapped[int | None] = mapped_column(ForeignKey("bill.id"), index=True)
    motion_text: Mapped[str] = mapped_column(Text, default="")
    start_date: Mapped[str] = mapped_column(String(40))
    result: Mapped[str] = mapped_column(String(40), default="")
    session: Mapped[str | None] = mapped_column(String(60))
    chamber: Mapped[str | None] = mapped_column(String(20))


class OfficialVote(Base):
    """How one official voted in one roll call: Open States' option as given (yes, no, absent, other, ...)."""

    __tablename__ = "official_vote"

    vote_event_id: Mapped[int] = mapped_column(primary_key=True)
    official_id: Mapped[int] = mapped_column(primary_key=True)
    option: Mapped[str] = mapped_column(String(30))


class ScorecardLink(Base):
    """A roll call scored against an adopted brief: `aligned` is the option (yes or no) that agrees with it."""

    __tablename__ = "scorecard_link"
    __table_args__ = (UniqueConstraint("brief_slug", "vote_event_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    brief_slug: Mapped[str] = mapped_column(String(80), index=True)
    vote_event_id: Mapped[int] = mapped_column(ForeignKey("vote_event.id"), index=True)
    aligned: Mapped[str] = mapped_column(String(3))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
