"""The rollup tables (migration 0010): the console's and `stats`' figures kept exact as contacts arrive.

Every effective contact row (canvass_server.stats.effective) adds 1 to its buckets; a row that a later row corrects
takes its 1 back. Distinct counts (doors) come from per-household counts: a door is a household whose count is above
0, and the counters of doors move only when a count crosses 0. canvass_server/rollups.py keeps them: a push queues
its contact rows (rollup_pending) and a drain (canvass_server.rollup_queue) counts many batches' rows at once;
docs/console.md (Speed) says how they stay exact.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, Index, String, cast, func, literal_column, text
from sqlalchemy.orm import Mapped, mapped_column

from canvass_server.models import Base, ContactAttempt


def day_of(created_at: Any) -> ColumnElement[str]:
    """The day a device dated a result: the first 10 characters of its created_at (literal 1 and 10, so the
    expression equals the index's below, and itself in a GROUP BY)."""
    return func.substr(created_at, literal_column("1"), literal_column("10"))


def total(column: Any) -> ColumnElement[int]:
    """sum(column) as an integer (PostgreSQL sums bigints as numeric)."""
    return cast(func.sum(column), BigInteger)


# A member's results of one day (rollups.refresh_days); also serves lookups by member alone.
Index("ix_contact_member_day", ContactAttempt.member_id, day_of(ContactAttempt.created_at))


class RollupContact(Base):
    """Effective results by county, day (as the device dated them), result code and support (0: none)."""

    __tablename__ = "rollup_contact"

    county_id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    result: Mapped[str] = mapped_column(String(4), primary_key=True)
    support: Mapped[int] = mapped_column(primary_key=True)
    n: Mapped[int] = mapped_column(default=0)


class RollupCounty(Base):
    """Per county: effective results, those where someone spoke, and doors (households with a result)."""

    __tablename__ = "rollup_county"

    county_id: Mapped[int] = mapped_column(primary_key=True)
    n: Mapped[int] = mapped_column(default=0)
    contacts: Mapped[int] = mapped_column(default=0)
    doors: Mapped[int] = mapped_column(default=0)


class RollupHousehold(Base):
    """Per household: its effective results (a door of its county while above 0)."""

    __tablename__ = "rollup_household"

    household_id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int]
    n: Mapped[int] = mapped_column(default=0)


class RollupTurf(Base):
    """Per turf: its doors (distinct households of its voters) and those reached (with an effective result)."""

    __tablename__ = "rollup_turf"

    turf_id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int]
    doors: Mapped[int] = mapped_column(default=0)
    reached: Mapped[int] = mapped_column(default=0)


class RollupMember(Base):
    """Per member and county: effective results, those where someone spoke, doors, and the sum of their days'
    first-to-last-result spans (milliseconds)."""

    __tablename__ = "rollup_member"

    member_id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(primary_key=True)
    n: Mapped[int] = mapped_column(default=0)
    contacts: Mapped[int] = mapped_column(default=0)
    doors: Mapped[int] = mapped_column(default=0)
    span_ms: Mapped[int] = mapped_column(default=0)


class RollupMemberHousehold(Base):
    """Per member and household: the member's effective results there (one of their doors while above 0)."""

    __tablename__ = "rollup_member_household"

    member_id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(primary_key=True)
    n: Mapped[int] = mapped_column(default=0)


class RollupMemberDay(Base):
    """Per member, county and day (as the device dated the results): results, doors, the first and last result's
    moments (epoch milliseconds, migration 0017) and the span between them (None when no result's time could be
    read), and whether that is implausibly fast (rollups.FAST_*). A drain that only adds rows to a day updates it
    from those rows; one that takes a row away recounts the day from its rows."""

    __tablename__ = "rollup_member_day"
    __table_args__ = (Index("ix_rollup_member_day_fast", "member_id", postgresql_where=text("fast"),
                            sqlite_where=text("fast")),)

    member_id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    n: Mapped[int] = mapped_column(default=0)
    doors: Mapped[int] = mapped_column(default=0)
    span_ms: Mapped[int | None]
    fast: Mapped[bool] = mapped_column(default=False)
    first_ms: Mapped[int | None]
    last_ms: Mapped[int | None]


class RollupMemberDayHousehold(Base):
    """Per member, county, day and household: the member's effective results there that day (one of the day's
    doors while above 0; migration 0017), as rollup_member_household keeps a member's doors."""

    __tablename__ = "rollup_member_day_household"

    member_id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    household_id: Mapped[int] = mapped_column(primary_key=True)
    n: Mapped[int] = mapped_column(default=0)


class RollupMemberReceived(Base):
    """Per UTC day the server received them, member and county: effective results ("active today")."""

    __tablename__ = "rollup_member_received"

    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    member_id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(primary_key=True)
    n: Mapped[int] = mapped_column(default=0)


class RollupMemberNote(Base):
    """Per member, county and note (trimmed, not empty; keyed by its SHA-256): effective results with it."""

    __tablename__ = "rollup_member_note"
    __table_args__ = (Index("ix_rollup_member_note_repeated", "member_id", postgresql_where=text("n >= 3"),
                            sqlite_where=text("n >= 3")),)

    member_id: Mapped[int] = mapped_column(primary_key=True)
    county_id: Mapped[int] = mapped_column(primary_key=True)
    note_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    note: Mapped[str] = mapped_column(String(40))  # its first 40 characters, to show
    n: Mapped[int] = mapped_column(default=0)


# The turf page's figures (migration 0012): a turf's voters' effective results, summed per turf when they arrive
# (rollups._Deltas.turf_results) and recomputed from the rows when the turf is cut again (rollups.refresh_turfs).
# A voter counts once per turf, however many of its lines name them.


class RollupTurfContact(Base):
    """Per turf, day (as the device dated it), result and support (0: none): its voters' effective results."""

    __tablename__ = "rollup_turf_contact"

    turf_id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    result: Mapped[str] = mapped_column(String(4), primary_key=True)
    support: Mapped[int] = mapped_column(primary_key=True)
    n: Mapped[int] = mapped_column(default=0)


class RollupTurfHousehold(Base):
    """Per turf and household (the contact row's): its voters' effective results there (a door knocked while
    above 0)."""

    __tablename__ = "rollup_turf_household"

    turf_id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(primary_key=True)
    n: Mapped[int] = mapped_column(default=0)


class RollupTurfReceived(Base):
    """Per turf, UTC day the server received them and member: its voters' effective results ("active today")."""

    __tablename__ = "rollup_turf_received"

    turf_id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    member_id: Mapped[int] = mapped_column(primary_key=True)
    n: Mapped[int] = mapped_column(default=0)


class RollupVoterLatest(Base):
    """Per voter with an effective result: the latest one (by time received, then id) and its code, as a walk
    list's "last result". A newer result replaces it; when it is corrected, it is recomputed from the voter's rows."""

    __tablename__ = "rollup_voter_latest"

    voter_id: Mapped[int] = mapped_column(primary_key=True)
    received_at: Mapped[dt.datetime]
    contact_id: Mapped[str] = mapped_column(String(36))
    result: Mapped[str] = mapped_column(String(4))


class RollupPending(Base):
    """Contact rows written but not counted in the rollups yet (migration 0015; canvass_server.rollup_queue): a push
    adds its rows' ids in the transaction that writes them, a drain deletes them in the transaction that counts
    them. The rollups are always exactly those of the contact rows not in here."""

    __tablename__ = "rollup_pending"
    __table_args__ = (Index("ix_rollup_pending_contact", "contact_id", unique=True),)

    seq: Mapped[int] = mapped_column(primary_key=True)  # order of arrival: drains take the oldest first
    contact_id: Mapped[str] = mapped_column(String(36))
