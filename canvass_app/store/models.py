"""The local domain model: SQLAlchemy 2 typed ORM classes for every table of the encrypted store."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> dt.datetime:
    """Timezone-aware now, the only clock the store writes."""
    return dt.datetime.now(dt.UTC)


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dt.datetime: DateTime(timezone=True), dict[str, Any]: JSON, list[Any]: JSON}


class County(Base):
    __tablename__ = "county"
    __table_args__ = (UniqueConstraint("name", "state"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    state: Mapped[str] = mapped_column(String(2))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Precinct(Base):
    __tablename__ = "precinct"
    __table_args__ = (UniqueConstraint("county_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("county.id"))
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str | None] = mapped_column(String(120))


class Household(Base):
    """Voters at one normalised residential address; the unit a canvasser knocks on."""

    __tablename__ = "household"
    __table_args__ = (
        UniqueConstraint("county_id", "key"),
        Index("ix_household_turf_id", "turf_id", sqlite_where=text("turf_id IS NOT NULL")),  # migration 0010
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("county.id"))
    key: Mapped[str] = mapped_column(String(200))  # normalised address, e.g. "12B|N|MAIN|ST||APT 4|27601"
    house_number: Mapped[str | None] = mapped_column(String(20))  # as printed: "12 1/2", "12B"
    house_number_int: Mapped[int | None] = mapped_column(Integer)  # numeric part, for walk order
    pre_dir: Mapped[str | None] = mapped_column(String(2))
    street_name: Mapped[str] = mapped_column(String(80), default="")
    street_type: Mapped[str | None] = mapped_column(String(8))
    post_dir: Mapped[str | None] = mapped_column(String(2))
    unit: Mapped[str | None] = mapped_column(String(20))
    unit_sort: Mapped[str | None] = mapped_column(String(24))  # zero-padded, sorts units naturally
    city: Mapped[str | None] = mapped_column(String(60))
    zip: Mapped[str | None] = mapped_column(String(10))
    street_key: Mapped[str] = mapped_column(String(120), default="")  # "N MAIN ST", one walkable street
    side: Mapped[str] = mapped_column(String(1), default="E")  # "O" odd, "E" even (house number parity)
    precinct_id: Mapped[int | None] = mapped_column(ForeignKey("precinct.id"))
    turf_id: Mapped[int | None] = mapped_column(ForeignKey("turf.id", ondelete="SET NULL"))
    lat: Mapped[float | None]
    lon: Mapped[float | None]

    voters: Mapped[list[Voter]] = relationship(back_populates="household")


class Voter(Base):
    __tablename__ = "voter"
    __table_args__ = (
        UniqueConstraint("county_id", "state_voter_id"),
        Index("ix_voter_name", "last_name", "first_name"),
        Index("ix_voter_party_name", "party", "last_name", "first_name"),  # migration 0009
        Index("ix_voter_language_name", "language", "last_name", "first_name",
              sqlite_where=text("language IS NOT NULL")),  # migrations 0009, 0010
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("county.id"))
    state_voter_id: Mapped[str] = mapped_column(String(40))  # the voter's id in Canvass (NC: ncid)
    registration_number: Mapped[str | None] = mapped_column(String(40))
    first_name: Mapped[str] = mapped_column(String(80), default="")
    middle_name: Mapped[str | None] = mapped_column(String(80))
    last_name: Mapped[str] = mapped_column(String(80), default="")
    suffix: Mapped[str | None] = mapped_column(String(20))
    birth_year: Mapped[int | None]
    sex: Mapped[str | None] = mapped_column(String(1))  # M, F, U, X
    party: Mapped[str | None] = mapped_column(String(10))
    phone: Mapped[str | None] = mapped_column(String(30))
    email: Mapped[str | None] = mapped_column(String(120))
    language: Mapped[str | None] = mapped_column(String(10))  # preferred language, ISO 639-1 ("en", "es")
    res_address: Mapped[str | None] = mapped_column(String(200))  # the original one-string address
    res_house_number: Mapped[str | None] = mapped_column(String(20))
    res_pre_dir: Mapped[str | None] = mapped_column(String(2))
    res_street_name: Mapped[str | None] = mapped_column(String(80))
    res_street_type: Mapped[str | None] = mapped_column(String(8))
    res_post_dir: Mapped[str | None] = mapped_column(String(2))
    res_unit: Mapped[str | None] = mapped_column(String(20))
    res_city: Mapped[str | None] = mapped_column(String(60))
    res_state: Mapped[str | None] = mapped_column(String(2))
    res_zip: Mapped[str | None] = mapped_column(String(10))
    mail_address1: Mapped[str | None] = mapped_column(String(200))
    mail_address2: Mapped[str | None] = mapped_column(String(200))
    mail_city: Mapped[str | None] = mapped_column(String(60))
    mail_state: Mapped[str | None] = mapped_column(String(2))
    mail_zip: Mapped[str | None] = mapped_column(String(10))
    precinct_id: Mapped[int | None] = mapped_column(ForeignKey("precinct.id"), index=True)
    # Looked up through ix_voter_household_name (household_id, last_name, first_name), migration 0006.
    household_id: Mapped[int | None] = mapped_column(ForeignKey("household.id"))
    registration_status: Mapped[str] = mapped_column(String(20), default="active")  # as the state says
    active: Mapped[bool] = mapped_column(Boolean, default=True)  # present in the latest imported file
    do_not_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    deceased: Mapped[bool] = mapped_column(Boolean, default=False)
    moved: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())  # said by the server
    lat: Mapped[float | None]
    lon: Mapped[float | None]
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    household: Mapped[Household | None] = relationship(back_populates="voters")

    @property
    def full_name(self) -> str:
        return full_name(self.first_name, self.middle_name, self.last_name, self.suffix)


def full_name(first: str, middle: str | None, last: str, suffix: str | None) -> str:
    """"Ana María Soto Jr": the parts a voter has, in the order a walk list prints them."""
    return " ".join(p for p in (first, middle or "", last, suffix or "") if p)


class Turf(Base):
    __tablename__ = "turf"

    id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("county.id"))
    list_number: Mapped[str] = mapped_column(String(12), unique=True)  # "T-0042"
    name: Mapped[str] = mapped_column(String(120), default="")
    precinct_id: Mapped[int | None] = mapped_column(ForeignKey("precinct.id"))
    both_sides_ascending: Mapped[bool] = mapped_column(Boolean, default=False)
    talking_points: Mapped[str | None] = mapped_column(Text)  # summary printed on the walk list
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    cut_id: Mapped[int | None] = mapped_column(Integer)  # shared by the turfs of one cut (migration 0012)
    # Held by this device's member, as the server says (migration 0016): the Walk page's "My turfs".
    mine: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class TurfAssignment(Base):
    __tablename__ = "turf_assignment"
    __table_args__ = (  # two people never hold the same turf: one open (not returned) assignment per turf
        Index("uq_turf_assignment_open", "turf_id", unique=True, sqlite_where=text("returned_at IS NULL"),
              postgresql_where=text("returned_at IS NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    turf_id: Mapped[int] = mapped_column(ForeignKey("turf.id", ondelete="CASCADE"), index=True)
    canvasser: Mapped[str] = mapped_column(String(120))
    member_id: Mapped[int | None] = mapped_column(Integer)  # the server's member (migration 0016); None: free text
    assigned_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    checked_out_at: Mapped[dt.datetime | None]
    returned_at: Mapped[dt.datetime | None]


class TurfLine(Base):
    """A voter's stable line number on a turf's walk list: printed on the sheet, typed back from paper."""

    __tablename__ = "turf_line"
    __table_args__ = (UniqueConstraint("voter_id", "turf_id"),)

    turf_id: Mapped[int] = mapped_column(ForeignKey("turf.id", ondelete="CASCADE"), primary_key=True)
    line: Mapped[int] = mapped_column(Integer, primary_key=True)
    voter_id: Mapped[int] = mapped_column(ForeignKey("voter.id"))


class ResultCode(Base):
    __tablename__ = "result_code"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(4), unique=True)  # printable abbreviation, e.g. "NH"
    name: Mapped[str] = mapped_column(String(40), unique=True)  # "Not Home"
    is_contact: Mapped[bool] = mapped_column(Boolean, default=False)  # spoke with the voter
    final: Mapped[bool] = mapped_column(Boolean, default=False)  # the voter is not to be knocked again
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class ContactAttempt(Base):
    """One result at one door: append-only; a correction is a new row pointing at the one it corrects."""

    __tablename__ = "contact_attempt"
    __table_args__ = (
        Index("ix_contact_voter_time", "voter_id", "created_at"),
        Index("ix_contact_corrects", "corrects_id"),  # migration 0006
        Index("ix_contact_turf_time", "turf_id", "created_at"),  # migration 0006
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # client UUID
    voter_id: Mapped[int] = mapped_column(ForeignKey("voter.id"))
    household_id: Mapped[int | None] = mapped_column(ForeignKey("household.id"), index=True)
    turf_id: Mapped[int | None] = mapped_column(ForeignKey("turf.id", ondelete="SET NULL"), index=True)
    result_code_id: Mapped[int] = mapped_column(ForeignKey("result_code.id"))
    support: Mapped[int | None]  # 1 (strong support) .. 5 (strong oppose)
    top_issue: Mapped[str | None] = mapped_column(String(40))  # a policy category
    volunteer_interest: Mapped[bool | None]
    preferred_language: Mapped[str | None] = mapped_column(String(10))
    needs_ride: Mapped[bool | None]
    answers: Mapped[dict[str, Any] | None]  # further survey questions, by question key
    note: Mapped[str | None] = mapped_column(Text)
    canvasser: Mapped[str | None] = mapped_column(String(120))
    source: Mapped[str] = mapped_column(String(10), default="walk")  # walk, cli, paper
    corrects_id: Mapped[str | None] = mapped_column(ForeignKey("contact_attempt.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class SurveyQuestion(Base):
    __tablename__ = "survey_question"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(40), unique=True)
    text: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10))  # scale, choice, bool, text
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    options: Mapped[list[SurveyOption]] = relationship(order_by="SurveyOption.sort_order")


class SurveyOption(Base):
    __tablename__ = "survey_option"
    __table_args__ = (UniqueConstraint("question_id", "value"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("survey_question.id", ondelete="CASCADE"))
    value: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(String(120))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class SecuredRight(Base):
    __tablename__ = "secured_right"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class PolicyBrief(Base):
    __tablename__ = "policy_brief"
    __table_args__ = (UniqueConstraint("slug", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80))
    language: Mapped[str] = mapped_column(String(10), default="en")
    title: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(20))  # education, healthcare, careers, peace, prison_reform, ...
    summary: Mapped[str] = mapped_column(String(400), default="")
    body_md: Mapped[str] = mapped_column(Text, default="")
    talking_points: Mapped[list[Any]] = mapped_column(default=list)  # [str]
    questions: Mapped[list[Any]] = mapped_column(default=list)  # [{"q": str, "a": str}]
    rebuttals: Mapped[list[Any]] = mapped_column(default=list)  # [{"claim": str, "response": str}]
    protects: Mapped[list[Any]] = mapped_column(default=list)  # Secured Right slugs
    conflicts: Mapped[list[Any]] = mapped_column(default=list)  # Secured Right slugs it would violate
    status: Mapped[str] = mapped_column(String(10), default="proposed")  # proposed, adopted, retired
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    tally_support: Mapped[int] = mapped_column(Integer, default=0)  # as last received from the server
    tally_oppose: Mapped[int] = mapped_column(Integer, default=0)
    tally_abstain: Mapped[int] = mapped_column(Integer, default=0)


class PolicyVote(Base):
    """One person's vote on one proposed policy; a later vote replaces the earlier one."""

    __tablename__ = "policy_vote"
    __table_args__ = (UniqueConstraint("brief_slug", "person"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    brief_slug: Mapped[str] = mapped_column(String(80))
    person: Mapped[str] = mapped_column(String(120))
    choice: Mapped[str] = mapped_column(String(8))  # support, oppose, abstain
    comment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class BriefBookmark(Base):
    """A brief this device's user marked to find again (by slug, in any language). Migration 0004."""

    __tablename__ = "brief_bookmark"

    slug: Mapped[str] = mapped_column(String(80), primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class OutboxOp(Base):
    """A local change waiting to reach the server; seq is this device's monotonically increasing number."""

    __tablename__ = "outbox_op"
    __table_args__ = (Index("ix_outbox_pending", "status", "seq"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)  # UUIDv7
    op_type: Mapped[str] = mapped_column(String(40))  # contact_attempt, voter_correction, policy_vote, ...
    payload: Mapped[dict[str, Any]]
    schema_version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    batch_id: Mapped[str | None] = mapped_column(String(36), index=True)
    status: Mapped[str] = mapped_column(String(10), default="pending")  # pending, batched, synced, rejected
    reject_reason: Mapped[str | None] = mapped_column(Text)
    seen_at: Mapped[dt.datetime | None]  # a rejection the person has seen (migration 0014); NULL: count it


class SyncBatch(Base):
    """Outbox ops frozen into one sealed batch (migration 0007); retries resend `sealed` byte for byte."""

    __tablename__ = "sync_batch"
    __table_args__ = (Index("ix_sync_batch_status", "status", "seq_first"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # batch id = Idempotency-Key
    device_id: Mapped[str] = mapped_column(String(64))
    seq_first: Mapped[int] = mapped_column(Integer)  # wire seqs, numbered per enrolled device
    seq_last: Mapped[int] = mapped_column(Integer)
    op_count: Mapped[int] = mapped_column(Integer)
    sealed: Mapped[bytes] = mapped_column(LargeBinary)
    status: Mapped[str] = mapped_column(String(10), default="open")  # open, acked
    answer: Mapped[dict[str, Any] | None]  # the server's 2xx answer, stored before any op is marked synced
    tries: Mapped[int] = mapped_column(Integer, default=0)
    next_try_at: Mapped[dt.datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    acked_at: Mapped[dt.datetime | None]


class SyncState(Base):
    """Per-scope pull cursors and other sync bookkeeping."""

    __tablename__ = "sync_state"

    scope: Mapped[str] = mapped_column(String(40), primary_key=True)
    cursor: Mapped[str | None] = mapped_column(String(200))
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Setting(Base):
    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class Member(Base):
    """A member of the county as the server knows them (scope `members`, pulled by county leads; migration 0016):
    whom a turf can be given to. `id` is the server's."""

    __tablename__ = "member"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))  # volunteer, canvasser, county_lead, admin
    status: Mapped[str] = mapped_column(String(10))  # active, suspended, removed


class Ballot(Base):
    """A ballot this device's county is in, as last pulled (scope `ballots`; migration 0015); `id` is the server's.
    `receipt_check` is what the published receipts said of this device's vote: verified, missing or mismatch."""

    __tablename__ = "ballot"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    brief_slug: Mapped[str] = mapped_column(String(80), index=True)  # "" for a candidate's ballot
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(12), default="policy")  # policy, endorsement, recall (migration 0019)
    candidate_id: Mapped[int | None] = mapped_column(Integer)
    scope: Mapped[str] = mapped_column(String(10))  # county, state, national, district
    opens_at: Mapped[dt.datetime]
    closes_at: Mapped[dt.datetime]
    quorum: Mapped[float]
    threshold: Mapped[float]
    status: Mapped[str] = mapped_column(String(10))  # open, closed
    electorate: Mapped[int] = mapped_column(Integer)
    result: Mapped[dict[str, Any] | None]  # wire.BallotResult once closed
    receipt_check: Mapped[str | None] = mapped_column(String(12))
    receipt_checked_at: Mapped[dt.datetime | None]


class BallotVote(Base):
    """A vote this device cast (every one: the last one sent is the member's vote), with the secret nonce that
    opens its receipt. Migration 0015."""

    __tablename__ = "ballot_vote"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    ballot_id: Mapped[int] = mapped_column(ForeignKey("ballot.id"), index=True)
    choice: Mapped[str] = mapped_column(String(8))
    comment: Mapped[str | None] = mapped_column(Text)
    nonce: Mapped[str] = mapped_column(String(64))  # 32 random bytes, hex
    receipt: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Voted(Base):
    """Whether a voter has voted in an election, and their mail ballot's state (migration 0018): imported from the
    county's voted files here, or pulled from the server (scope `voted`). `ballot_status`: requested, accepted, or
    the state's word for a problem to cure."""

    __tablename__ = "voted"
    __table_args__ = (Index("ix_voted_county_election", "county_id", "election"),)

    voter_id: Mapped[int] = mapped_column(ForeignKey("voter.id", ondelete="CASCADE"), primary_key=True)
    election: Mapped[str] = mapped_column(String(10), primary_key=True)  # "2026-11-03"
    county_id: Mapped[int] = mapped_column(ForeignKey("county.id"))
    voted: Mapped[bool] = mapped_column(Boolean, default=False)
    voted_on: Mapped[str | None] = mapped_column(String(10))
    vote_method: Mapped[str | None] = mapped_column(String(20))  # mail, early, election_day, provisional, other
    ballot_status: Mapped[str | None] = mapped_column(String(40))


class PollingPlace(Base):
    """Where a precinct's voters vote (migration 0020): election-day polling places, early-voting sites and drop
    boxes, from the Voting Information Project's feed or a simple CSV (canvass_app.gotv.polling). `precinct_code`
    is the voter file's precinct code in upper case, or "*" for a site serving the whole county."""

    __tablename__ = "polling_place"
    __table_args__ = (Index("ix_polling_place_county_precinct", "county_id", "precinct_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("county.id"))
    precinct_code: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(12))  # election_day, early_vote, drop_box
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(300))
    hours: Mapped[str | None] = mapped_column(String(400))
    directions: Mapped[str | None] = mapped_column(Text)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class RideRequest(Base):
    """A ride to the polls asked for at a door (migration 0020): written here and sent as a `ride_request` op, or
    pulled by a county lead (scope `rides`), who marks it arranged and done (`ride_update` ops)."""

    __tablename__ = "ride_request"
    __table_args__ = (Index("ix_ride_request_county_status", "county_id", "status"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # client UUID, the op's `id`
    county_id: Mapped[int] = mapped_column(ForeignKey("county.id"))
    state_voter_id: Mapped[str] = mapped_column(String(40))
    voter_name: Mapped[str] = mapped_column(String(200), default="")
    pickup_at: Mapped[str] = mapped_column(String(40))  # ISO-8601 with the local offset
    pickup_address: Mapped[str] = mapped_column(String(200))
    passengers: Mapped[int] = mapped_column(Integer, default=1)
    phone: Mapped[str] = mapped_column(String(20))  # E.164
    note: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default="requested")  # requested, arranged, done, cancelled
    requested_by: Mapped[str | None] = mapped_column(String(120))
    requested_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str | None] = mapped_column(String(120))
    updated_at: Mapped[dt.datetime | None]
