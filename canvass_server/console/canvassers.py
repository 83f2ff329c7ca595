"""The Canvassers page: per member, results, doors per hour, contact rate, last sync, and the signals organisers
use to spot invented data (implausibly fast doors, the same note again and again), flagged, never judged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from canvass_server.models import ContactAttempt, Device, Member
from canvass_server.stats import effective

from .figures import CONTACT_CODES

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


def _moment(text: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def canvasser_rows(session: Session, county_ids: Sequence[int] | None) -> list[CanvasserRow]:
    """Every member with a result in the counties (None: all), busiest first."""
    where = [effective(), ContactAttempt.member_id.is_not(None)]
    if county_ids is not None:
        where.append(ContactAttempt.county_id.in_(county_ids))
    rows: dict[int, CanvasserRow] = {}
    contact = func.count().filter(ContactAttempt.result.in_(CONTACT_CODES))
    for mid, name, role, n, contacts, doors in session.execute(
        select(Member.id, Member.name, Member.role, func.count(), contact,
               func.count(distinct(ContactAttempt.household_id)))
        .join(Member, Member.id == ContactAttempt.member_id).where(*where).group_by(Member.id, Member.name, Member.role)
    ):
        rows[mid] = CanvasserRow(mid, name, role, n, contacts, doors)
    day = func.substr(ContactAttempt.created_at, 1, 10)
    for mid, d, first, last, doors in session.execute(
        select(ContactAttempt.member_id, day, func.min(ContactAttempt.created_at), func.max(ContactAttempt.created_at),
               func.count(distinct(ContactAttempt.household_id))).where(*where).group_by(ContactAttempt.member_id, day)
    ):
        start, end = _moment(first), _moment(last)
        if start is None or end is None or mid is None or mid not in rows:
            continue
        hours = (end - start).total_seconds() / 3600
        rows[mid].hours += hours
        if doors >= FAST_MIN_DOORS and (hours <= 0 or doors / hours > FAST_DOORS_PER_HOUR):
            rows[mid].flags.append(f"{doors} doors in {hours * 60:.0f} min on {d}")
    note = func.trim(ContactAttempt.note)
    for mid, text, n in session.execute(
        select(ContactAttempt.member_id, note, func.count()).where(*where, ContactAttempt.note.is_not(None), note != "")
        .group_by(ContactAttempt.member_id, note).having(func.count() >= SAME_NOTE_TIMES)
    ):
        if mid in rows:
            rows[mid].flags.append(f"the same note {n} times: “{text[:40]}”")
    for owner, seen in session.execute(select(Device.member_id, func.max(Device.last_seen_at))
                                       .where(Device.member_id.in_(list(rows))).group_by(Device.member_id)):
        if owner is not None and seen is not None:
            rows[owner].last_sync = (seen if seen.tzinfo else seen.replace(tzinfo=dt.UTC)).isoformat(timespec="minutes")
    return sorted(rows.values(), key=lambda r: (-r.attempts, r.name))
