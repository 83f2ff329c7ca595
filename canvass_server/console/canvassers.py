"""The Canvassers page: per member, results, doors per hour, contact rate, last sync, and the signals organisers
use to spot invented data (implausibly fast doors, the same note again and again), flagged, never judged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select, true
from sqlalchemy.orm import Session

from canvass_server.models import Device, Member
from canvass_server.rollup_models import RollupMember, RollupMemberDay, RollupMemberNote, total

FAST_DOORS_PER_HOUR = 60  # a door a minute, sustained over a day of at least...
FAST_MIN_DOORS = 10  # ...this many doors, is flagged
SAME_NOTE_TIMES = 3  # the same non-empty note this many times is flagged


@dataclass
class CanvasserRow:
    member_id: int
    name: str
    role: str
    attempts: int = 0
    contacts: int = 0
    doors: int = 0
    hours: float = 0.0  # first to last result of each day, added up
    last_sync: str | None = None
    flags: list[str] = field(default_factory=list)

    @property
    def contact_rate(self) -> float:
        return self.contacts / self.attempts if self.attempts else 0.0

    @property
    def doors_per_hour(self) -> float | None:
        return self.doors / self.hours if self.hours > 0 else None


def canvasser_rows(session: Session, county_ids: Sequence[int] | None) -> list[CanvasserRow]:
    """Every member with a result in the counties (None: all), busiest first, from the rollups (a member's days and
    notes are counted per county)."""

    def scope(column: Any) -> ColumnElement[bool]:
        return column.in_(county_ids) if county_ids is not None else true()

    rows: dict[int, CanvasserRow] = {}
    rm, day, note = RollupMember, RollupMemberDay, RollupMemberNote
    for mid, name, role, n, contacts, doors in session.execute(
        select(Member.id, Member.name, Member.role, total(rm.n), total(rm.contacts), total(rm.doors))
        .join(Member, Member.id == rm.member_id).where(scope(rm.county_id))
        .group_by(Member.id, Member.name, Member.role).having(total(rm.n) > 0)
    ):
        rows[mid] = CanvasserRow(mid, name, role, n, contacts, doors)
    for mid, seconds in session.execute(select(day.member_id, func.sum(day.span_s))
                                        .where(scope(day.county_id), day.n > 0).group_by(day.member_id)):
        if mid in rows and seconds is not None:
            rows[mid].hours = seconds / 3600
    fast = and_(day.n > 0, day.doors >= FAST_MIN_DOORS,
                or_(day.span_s <= 0, day.doors * 3600 > FAST_DOORS_PER_HOUR * day.span_s))
    for mid, d, doors, seconds in session.execute(select(day.member_id, day.day, day.doors, day.span_s)
                                                  .where(scope(day.county_id), fast)
                                                  .order_by(day.member_id, day.day)):
        if mid in rows and seconds is not None:
            rows[mid].flags.append(f"{doors} doors in {seconds / 60:.0f} min on {d}")
    for mid, text, n in session.execute(select(note.member_id, note.note, note.n)
                                        .where(scope(note.county_id), note.n >= SAME_NOTE_TIMES)
                                        .order_by(note.member_id, note.note)):
        if mid in rows:
            rows[mid].flags.append(f"the same note {n} times: “{text}”")
    for owner, seen in session.execute(select(Device.member_id, func.max(Device.last_seen_at))
                                       .where(Device.member_id.in_(list(rows))).group_by(Device.member_id)):
        if owner is not None and seen is not None:
            rows[owner].last_sync = (seen if seen.tzinfo else seen.replace(tzinfo=dt.UTC)).isoformat(timespec="minutes")
    return sorted(rows.values(), key=lambda r: (-r.attempts, r.name))
