"""The server's tables: counties, members, voters and households, turfs, devices and enrollment, batches, applied
ops, facts, ballots."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
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
    func,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


def utcnow() -> dt.datetime:
    """Timezone-aware now, the only clock the server writes."""
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A timestamp that reads back timezone-aware on every backend (SQLite drops the zone; all are UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        return value.replace(tzinfo=dt.UTC) if value is not None and value.tzinfo is None else value


# The same constraint names as the desktop store's (canvass_app.store.models), so both schemas read alike.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {
        dt.datetime: UTCDateTime(),
        dict[str, Any]: JSON,
        list[Any]: JSON,
        int: BigInteger().with_variant(Integer, "sqlite"),
    }


class County(Base):
    """Unique by state and case-insensitive name: "DURHAM" finds Durham (devices.ensure_county)."""

    __tablename__ = "county"
    __table_args__ = (UniqueConstraint("name", "state"),
                      Index("uq_county_lower_name_state", func.lower("name"), "state", unique=True))

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    state: Mapped[str] = mapped_column(String(2))


class Member(Base):
    """A person of the alliance in one county with a role; devices belong to members (migration 0002)."""

    __tablename__ = "member"
    __table_args__ = (Index("ix_member_pull", "county_id", "version", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("county.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))  # volunteer, canvasser, county_lead, admin
    email: Mapped[str | None] = mapped_column(String(120))
    phone: Mapped[str | None] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(10), default="active")  # active, suspended, removed
    added_by: Mapped[int | None] = mapped_column(ForeignKey("member.id"))  # None: added on the host
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    status_changed_at: Mapped[dt.datetime | None]
    version: Mapped[int] = mapped_column(default=0)


class ChangeCounter(Base):
    """Per-scope version counter; bumping it row-locks until commit, so versions become visible in order."""

    __tablename__ = "change_counter"

    scope_key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[int] = mapped_column(default=0)
    epoch: Mapped[int] = mapped_column(default=1)


class Household(Base):
    __tablename__ = "household"
    __table_args__ = (UniqueConstraint("county_id", "key"), Index("ix_household_pull", "county_id", "version", "id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("county.id"))
    key: Mapped[str] = mapped_column(String(200))
    house_number: Mapped[str | None] = mapped_column(String(20))
    house_number_int: Mapped[int | None]
    pre_dir: Mapped[str | None] = mapped_column(String(2))
    street_name: Mapped[str] = mapped_column(String(80), default="")
    street_type: Mapped[str | None] = mapped_column(String(8))
    post_dir: Mapped[str | None] = mapped_column(String(2))
    unit: Mapped[str | None] = mapped_column(String(20))
    unit_sort: Mapped[str | None] = mapped_column(String(24))
    city: Mapped[str | None] = mapped_column(String(60))
    zip: Mapped[str | None] = mapped_column(String(10))
    street_key: Mapped[str] = mapped_column(String(120), default="")
    side: Mapped[str] = mapped_column(String(1), default="E")
    precinct_code: Mapped[str | None] = mapped_column(String(40))
    lat: Mapped[float | None]
    lon: Mapped[float | None]
    version: Mapped[int] = mapped_column(default=0)


class Voter(Base):
    __tablename__ = "voter"
    __table_args__ = (
        UniqueConstraint("county_id", "state_voter_id"),
        Index("ix_voter_pull", "county_id", "version", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("county.id"))
    state_voter_id: Mapped[str] = mapped_column(String(40))
    registration_number: Mapped[str | None] = mapped_column(String(40))
    first_name: Mapped[str] = mapped_column(String(80), default="")
    middle_name: Mapped[str | None] = mapped_column(String(80))
    last_name: Mapped[str] = mapped_column(String(80), default="")
    suffix: Mapped[str | None] = mapped_column(String(20))
    birth_year: Mapped[int | None]
    sex: Mapped[str | None] = mapped_column(String(1))
    party: Mapped[str | None] = mapped_column(String(10))
    phone: Mapped[str | None] = mapped_column(String(30))
    email: Mapped[str | None] = mapped_column(String(120))
    language: Mapped[str | None] = mapped_column(String(10))
    res_address: Mapped[str | None] = mapped_column(String(200))
    res_city: Mapped[str | None] = mapped_column(String(60))
    res_state: Mapped[str | None] = mapped_column(String(2))
    res_zip: Mapped[str | None] = mapped_column(String(10))
    precinct_code: Mapped[str | None] = mapped_column(String(40))
    household_id: Mapped[int | None] = mapped_column(ForeignKey("household.id"), index=True)
    registration_status: Mapped[str] = mapped_column(String(20), default="active")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    do_not_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    deceased: Mapped[bool] = mapped_column(Boolean, default=False)
    moved: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(default=0)


class Turf(Base):
    """A turf cut on a county lead's device; `member_id` holds it now (assignment history in turf_assignment)."""

    __tablename__ = "turf"
    __table_args__ = (UniqueConstraint("county_id", "list_number"), Index("ix_turf_pull", "county_id", "version", "id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("county.id"))
    list_number: Mapped[str] = mapped_column(String(12))
    name: Mapped[str] = mapped_column(String(120), default="")
    precinct_code: Mapped[str | None] = mapped_column(String(40))
    both_sides_ascending: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by_device: Mapped[str | None] = mapped_column(String(36))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"), index=True)
    checked_out_at: Mapped[dt.datetime | None]
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(default=0)


class TurfLine(Base):
    """A voter's line on a turf's walk list, in walk order."""

    __tablename__ = "turf_line"
    __table_args__ = (Index("ix_turf_line_voter", "voter_id"),)

    turf_id: Mapped[int] = mapped_column(ForeignKey("turf.id"), primary_key=True)
    line: Mapped[int] = mapped_column(Integer, primary_key=True)
    voter_id: Mapped[int] = mapped_column(ForeignKey("voter.id"))


class TurfAssignment(Base):
    """Who held a turf and when: a canvasser may log contacts for voters of turfs they hold or have held."""

    __tablename__ = "turf_assignment"
    __table_args__ = (Index("ix_turf_assignment_member", "member_id", "turf_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    turf_id: Mapped[int] = mapped_column(ForeignKey("turf.id"))
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"))
    assigned_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    returned_at: Mapped[dt.datetime | None]


class EnrollmentCode(Base):
    """A one-time code for one member's new device (only the hash is kept). Without a member (the host's
    `--county/--role` shortcut) enrolling creates the member, named by the device's label."""

    __tablename__ = "enrollment_code"

    id: Mapped[int] = mapped_column(primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    code_key: Mapped[str | None] = mapped_column(String(64))  # hex HKDF key of the enrollment proofs (trust.py)
    county_id: Mapped[int] = mapped_column(ForeignKey("county.id"))
    role: Mapped[str] = mapped_column(String(20))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("member.id"), index=True)  # None: the host
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime]
    used_at: Mapped[dt.datetime | None]
    revoked_at: Mapped[dt.datetime | None]
    device_id: Mapped[str | None] = mapped_column(String(36))


class Device(Base):
    __tablename__ = "device"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("county.id"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))  # the member's role when enrolled; authz reads the member's
    label: Mapped[str] = mapped_column(String(120), default="")
    list_series: Mapped[int] = mapped_column(default=0)  # turf list numbers "T{series}-0001", unique per county
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    status: Mapped[str] = mapped_column(String(10), default="active")  # active, revoked
    last_seq: Mapped[int] = mapped_column(default=0)  # highest op seq applied from this device
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[dt.datetime | None]
    last_seen_at: Mapped[dt.datetime | None]


class Batch(Base):
    """A batch that was applied, with the exact answer given, so a retry gets the same answer."""

    __tablename__ = "batch"
    __table_args__ = (Index("ix_batch_device_time", "device_id", "received_at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("device.id"))
    seq_first: Mapped[int]
    seq_last: Mapped[int]
    body_sha256: Mapped[str] = mapped_column(String(64))
    answer: Mapped[dict[str, Any]]
    received_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class AppliedOp(Base):
    """Every op id ever seen, with its outcome: the idempotency ledger."""

    __tablename__ = "applied_op"

    op_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    seq: Mapped[int]
    batch_id: Mapped[str] = mapped_column(String(36))
    op_type: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(10))  # applied, rejected
    code: Mapped[str | None] = mapped_column(String(40))


class ContactAttempt(Base):
    __tablename__ = "contact_attempt"
    __table_args__ = (Index("ix_contact_county_voter", "county_id", "voter_id"),
                      Index("ix_contact_pull", "county_id", "version", "id"),
                      Index("ix_contact_corrects", "corrects_id", postgresql_where=text("corrects_id IS NOT NULL"),
                            sqlite_where=text("corrects_id IS NOT NULL")),
                      Index("ix_contact_received", "received_at"))

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("county.id"))
    voter_id: Mapped[int] = mapped_column(ForeignKey("voter.id"))
    household_id: Mapped[int | None]
    result: Mapped[str] = mapped_column(String(4))
    support: Mapped[int | None]
    top_issue: Mapped[str | None] = mapped_column(String(40))
    volunteer_interest: Mapped[bool | None]
    preferred_language: Mapped[str | None] = mapped_column(String(10))
    needs_ride: Mapped[bool | None]
    answers: Mapped[dict[str, Any] | None]
    note: Mapped[str | None] = mapped_column(Text)
    # the device's member; indexed with the day by ix_contact_member_day (rollup_models)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    canvasser: Mapped[str | None] = mapped_column(String(120))  # the member's name when it arrived
    list_number: Mapped[str | None] = mapped_column(String(12))
    corrects_id: Mapped[str | None] = mapped_column(String(36))
    source: Mapped[str] = mapped_column(String(10), default="walk")
    created_at: Mapped[str] = mapped_column(String(40))  # as the device said; never used for ordering
    device_id: Mapped[str] = mapped_column(String(36))
    op_id: Mapped[str] = mapped_column(String(36))
    received_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(default=0)  # scope `contacts:{county_id}`


class SecuredRight(Base):
    __tablename__ = "secured_right"
    __table_args__ = (Index("ix_secured_right_pull", "version", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    sort_order: Mapped[int] = mapped_column(default=0)
    version: Mapped[int] = mapped_column(default=0)


class PolicyBrief(Base):
    __tablename__ = "policy_brief"
    __table_args__ = (UniqueConstraint("slug", "language"), Index("ix_policy_brief_pull", "version", "id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80))
    language: Mapped[str] = mapped_column(String(10), default="en")
    title: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(20))
    summary: Mapped[str] = mapped_column(String(400), default="")
    body_md: Mapped[str] = mapped_column(Text, default="")
    talking_points: Mapped[list[Any]] = mapped_column(default=list)
    questions: Mapped[list[Any]] = mapped_column(default=list)
    rebuttals: Mapped[list[Any]] = mapped_column(default=list)
    protects: Mapped[list[Any]] = mapped_column(default=list)
    conflicts: Mapped[list[Any]] = mapped_column(default=list)
    status: Mapped[str] = mapped_column(String(10), default="proposed")
    revision: Mapped[int] = mapped_column(default=1)  # the content's own version number
    updated_at: Mapped[dt.datetime | None]
    version: Mapped[int] = mapped_column(default=0)


class Ballot(Base):
    """A proposed brief put to the active members of a scope (county, state, national); or a candidate's
    endorsement or recall put to the active members of their district (migration 0006). One recall ballot per
    petition round: the unique (candidate_id, petition_round) is the database's own guard of "exactly once"."""

    __tablename__ = "ballot"
    __table_args__ = (Index("ix_ballot_pull", "version", "id"),
                      UniqueConstraint("candidate_id", "petition_round", name="uq_ballot_recall_round"))

    id: Mapped[int] = mapped_column(primary_key=True)
    brief_slug: Mapped[str | None] = mapped_column(String(80), index=True)  # None for a candidate's ballot
    kind: Mapped[str] = mapped_column(String(12), default="policy")  # policy, endorsement, recall
    candidate_id: Mapped[int | None] = mapped_column(ForeignKey("candidate.id"), index=True)
    petition_round: Mapped[int | None]  # a recall ballot's petition round
    scope: Mapped[str] = mapped_column(String(10))  # county, state, national, district
    county_id: Mapped[int | None] = mapped_column(ForeignKey("county.id"))
    state: Mapped[str | None] = mapped_column(String(2))
    chamber: Mapped[str | None] = mapped_column(String(20))  # a district ballot's district
    district: Mapped[str | None] = mapped_column(String(80))
    opens_at: Mapped[dt.datetime]
    closes_at: Mapped[dt.datetime]
    closed_at: Mapped[dt.datetime | None]  # set when tallied for good (by `ballots close` or once past closes_at)
    quorum: Mapped[float]
    threshold: Mapped[float]
    electorate: Mapped[int] = mapped_column(default=0)
    opened_by: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    result: Mapped[dict[str, Any] | None]  # BallotResult, frozen at close
    version: Mapped[int] = mapped_column(default=0)


class BallotElector(Base):
    """The electorate, frozen when the ballot opens: the scope's active members then."""

    __tablename__ = "ballot_elector"

    ballot_id: Mapped[int] = mapped_column(ForeignKey("ballot.id"), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), primary_key=True)


class BallotVote(Base):
    """One member's vote on one ballot; a later vote (by order of receipt) replaces it until close."""

    __tablename__ = "ballot_vote"
    __table_args__ = (UniqueConstraint("ballot_id", "member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ballot_id: Mapped[int] = mapped_column(ForeignKey("ballot.id"))
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"))
    choice: Mapped[str] = mapped_column(String(8))
    receipt: Mapped[str] = mapped_column(String(64))
    comment: Mapped[str | None] = mapped_column(Text)
    op_id: Mapped[str] = mapped_column(String(36))
    device_id: Mapped[str] = mapped_column(String(36))
    received_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class SurveyQuestion(Base):
    __tablename__ = "survey_question"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(40), unique=True)
    text: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10))
    sort_order: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    options: Mapped[list[Any]] = mapped_column(default=list)  # [{"value", "label"}]
    version: Mapped[int] = mapped_column(default=0)


class Voted(Base):
    """Whether a voter has voted in an election and their mail ballot's state, from the county's voted files
    (`import-voted`, migrations 0005, 0009, 0013, 0014 and 0018); sent to devices in their own scope (`voted`,
    wire.VotedItem), so an import never rewrites a voter row. `county_id` is the voter's county. No foreign keys: the
    import writes each row from a join with `voter` (and voters are never deleted here), and the checks were most of
    its INSERT."""

    __tablename__ = "voted"
    # Two indexes (migrations 0014, 0018): each costs import-voted's INSERT a fifth to a quarter. The key also serves
    # the GOTV stats (a county's latest election and its voted rows); the pull pages by (county_id, version,
    # voter_id), unique because an import writes one election's rows under one version (changes.voted).
    __table_args__ = (Index("ix_voted_pull", "county_id", "version", "voter_id", unique=True),)

    county_id: Mapped[int] = mapped_column(primary_key=True)
    election: Mapped[str] = mapped_column(String(10), primary_key=True)  # "2026-11-03"
    voter_id: Mapped[int] = mapped_column(primary_key=True)  # voter.id: no foreign key (migration 0013)
    voted: Mapped[bool] = mapped_column(Boolean, default=False)
    voted_on: Mapped[str | None] = mapped_column(String(10))
    vote_method: Mapped[str | None] = mapped_column(String(20))
    ballot_status: Mapped[str | None] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(default=0)  # scope `voted:{county_id}`


class RideRequest(Base):
    """A ride to the polls asked for at a door (op `ride_request`, migration 0007): who asked is the device's
    member; county leads mark it arranged, done or cancelled (op `ride_update`). Pulled by leads (scope `rides`)."""

    __tablename__ = "ride_request"
    __table_args__ = (Index("ix_ride_request_pull", "county_id", "version", "id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # the device's UUID
    county_id: Mapped[int] = mapped_column(ForeignKey("county.id"))
    voter_id: Mapped[int] = mapped_column(ForeignKey("voter.id"))
    pickup_at: Mapped[str] = mapped_column(String(40))  # as the device said, with its offset
    pickup_address: Mapped[str] = mapped_column(String(200))
    passengers: Mapped[int] = mapped_column(default=1)
    phone: Mapped[str] = mapped_column(String(20))  # E.164
    note: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default="requested")  # requested, arranged, done, cancelled
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))  # who asked: the device's member
    requested_by: Mapped[str | None] = mapped_column(String(120))
    device_id: Mapped[str] = mapped_column(String(36))
    op_id: Mapped[str] = mapped_column(String(36))
    requested_at: Mapped[dt.datetime] = mapped_column(default=utcnow)  # the server's receipt time
    updated_by: Mapped[str | None] = mapped_column(String(120))
    updated_by_member: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    updated_at: Mapped[dt.datetime | None]
    version: Mapped[int] = mapped_column(default=0)  # scope `rides:{county_id}`


# Tables the ones above point at (ballot.candidate_id), defined in their own modules: every user of these models
# gets the whole schema in the metadata.
from canvass_server import candidates_models, officials_models, rollup_models  # noqa: E402, F401
