"""The alliance's own candidates: the candidate, their vetting questionnaire, the members' districts, the recall
petition's signatures and the seats open for nominations (migration 0006, docs/candidates.md)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from canvass_server.models import Base, utcnow


class Candidate(Base):
    """A person the alliance may back for an office in a district: an official (`official_id`) or a newcomer.
    `petition_round` counts recall petitions (a failed recall starts a new one); `recall_ballot_id` is set, under
    the row's lock, by the one signature that reaches the threshold."""

    __tablename__ = "candidate"
    __table_args__ = (Index("ix_candidate_pull", "version", "id"),
                      Index("ix_candidate_district", "state", "chamber", "district"))

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    official_id: Mapped[int | None] = mapped_column(ForeignKey("official.id"))
    office: Mapped[str] = mapped_column(String(120))
    state: Mapped[str] = mapped_column(String(2))
    chamber: Mapped[str] = mapped_column(String(20))  # upper or lower: the districts members belong to
    district: Mapped[str] = mapped_column(String(80))
    status: Mapped[str] = mapped_column(String(10), default="vetting")  # vetting, endorsed, withdrawn, recalled
    petition_share: Mapped[float] = mapped_column(default=0.10)  # of the district's active members
    petition_round: Mapped[int] = mapped_column(default=1)
    # The ballots' own rows point here (ballot.candidate_id); these name the latest of each kind, without a key.
    endorsement_ballot_id: Mapped[int | None]
    recall_ballot_id: Mapped[int | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    status_changed_at: Mapped[dt.datetime | None]
    version: Mapped[int] = mapped_column(default=0)  # scope `candidates`


class QuestionnaireAnswer(Base):
    """A candidate's answer on one adopted brief: they promise to support it or to oppose it."""

    __tablename__ = "questionnaire_answer"

    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id"), primary_key=True)
    brief_slug: Mapped[str] = mapped_column(String(80), primary_key=True)
    answer: Mapped[str] = mapped_column(String(8))  # support, oppose
    comment: Mapped[str] = mapped_column(Text, default="")
    answered_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class MemberDistrict(Base):
    """The legislative district a member lives in, one per chamber, in their county's state (`members district`)."""

    __tablename__ = "member_district"
    __table_args__ = (Index("ix_member_district_seat", "chamber", "district"),)

    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), primary_key=True)
    chamber: Mapped[str] = mapped_column(String(20), primary_key=True)
    district: Mapped[str] = mapped_column(String(80))


class PetitionSignature(Base):
    """One member's signature on one round of a candidate's recall petition: the unique key is the rule."""

    __tablename__ = "petition_signature"
    __table_args__ = (UniqueConstraint("candidate_id", "round", "member_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # the payload's id
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id"))
    round: Mapped[int]
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"))
    receipt: Mapped[str] = mapped_column(String(64))
    op_id: Mapped[str] = mapped_column(String(36))
    device_id: Mapped[str] = mapped_column(String(36))
    received_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Nomination(Base):
    """A seat open for nominations: opened when the members recall its candidate, filled by the next candidate
    added for the same office and district."""

    __tablename__ = "nomination"

    id: Mapped[int] = mapped_column(primary_key=True)
    office: Mapped[str] = mapped_column(String(120))
    state: Mapped[str] = mapped_column(String(2))
    chamber: Mapped[str] = mapped_column(String(20))
    district: Mapped[str] = mapped_column(String(80))
    recalled_candidate_id: Mapped[int | None] = mapped_column(ForeignKey("candidate.id"))
    opened_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    filled_by: Mapped[int | None] = mapped_column(ForeignKey("candidate.id"))
    filled_at: Mapped[dt.datetime | None]
