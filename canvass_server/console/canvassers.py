"""The Canvassers page: per member, results, doors per hour, contact rate, last sync, and the signals organisers
use to spot invented data (implausibly fast doors, the same note again and again), flagged, never judged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select, true
from sqlalchemy.orm import Session

from canvass_server.models import Device, Member
from canvass_server.outcome import among
from canvass_server.rollup_models import RollupMember, RollupMemberDay, RollupMemberNote, total
from canvass_server.rollups import FAST_DOORS_PER_HOUR as FAST_DOORS_PER_HOUR  # the page names it

SAME_NOTE_TIMES = 3  # the same non-empty note this many times is flagged
PAGE_SIZE = 100  # rows of the Canvassers page


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


def _scope(county_ids: Sequence[int] | None) -> Any:
    def scope(column: Any) -> ColumnElement[bool]:
        return column.in_(county_ids) if county_ids is not None else true()

    return scope


def _members(county_ids: Sequence[int] | None) -> Select[int, str, str, int, int, int, int]:
    """Every member with a result in the counties (None: all) and their sums over those counties."""
    rm, scope = RollupMember, _scope(county_ids)
    return (select(Member.id, Member.name, Member.role, total(rm.n), total(rm.contacts), total(rm.doors),
                   total(rm.span_ms))
            .join(Member, Member.id == rm.member_id).where(scope(rm.county_id))
            .group_by(Member.id, Member.name, Member.role).having(total(rm.n) > 0))


def canvasser_count(session: Session, county_ids: Sequence[int] | None) -> int:
    """How many rows canvasser_rows has in all."""
    return session.scalar(select(func.count()).select_from(_members(county_ids).subquery())) or 0


def canvasser_rows(session: Session, county_ids: Sequence[int] | None, *, offset: int = 0,
                   limit: int | None = None) -> list[CanvasserRow]:
    """The members with a result in the counties (None: all), busiest first (then by name), from the rollups (a
    member's days and notes are counted per county); `limit` of them from `offset` (a page), or all."""
    scope = _scope(county_ids)
    rm, day, note = RollupMember, RollupMemberDay, RollupMemberNote
    stmt = _members(county_ids).order_by(total(rm.n).desc(), Member.name, Member.id).offset(offset).limit(limit)
    rows = {mid: CanvasserRow(mid, name, role, n, contacts, doors, span / 3_600_000)
            for mid, name, role, n, contacts, doors, span in session.execute(stmt)}
    if not rows:
        return []
    ids = sorted(rows)
    for where in among(session, day.member_id, ids):
        for mid, d, doors, ms in session.execute(select(day.member_id, day.day, day.doors, day.span_ms)
                                                 .where(day.fast, where, scope(day.county_id))
                                                 .order_by(day.member_id, day.day)):
            if ms is not None:
                rows[mid].flags.append(f"{doors} doors in {ms / 60_000:.0f} min on {d}")
    for where in among(session, note.member_id, ids):
        for mid, text, n in session.execute(select(note.member_id, note.note, note.n)
                                            .where(where, scope(note.county_id), note.n >= SAME_NOTE_TIMES)
                                            .order_by(note.member_id, note.note)):
            rows[mid].flags.append(f"the same note {n} times: “{text}”")
    for where in among(session, Device.member_id, ids):
        for owner, seen in session.execute(select(Device.member_id, func.max(Device.last_seen_at))
                                           .where(where, scope(Device.county_id)).group_by(Device.member_id)):
            if owner is not None and seen is not None:  # a member's devices are of their county
                rows[owner].last_sync = (seen if seen.tzinfo else seen.replace(tzinfo=dt.UTC)).isoformat(
                    timespec="minutes")
    return list(rows.values())  # in the statement's order
