"""The Canvassers page: per member, results, doors per hour, contact rate, last sync, and the signals organisers
use to spot invented data (implausibly fast doors, the same note again and again), flagged, never judged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, func, select, true
from sqlalchemy.orm import Session

from canvass_server.models import Device, Member
from canvass_server.rollup_models import RollupMember, RollupMemberDay, RollupMemberNote, total
from canvass_server.rollups import FAST_DOORS_PER_HOUR as FAST_DOORS_PER_HOUR  # the page names it

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
    for mid, name, role, n, contacts, doors, span in session.execute(
        select(Member.id, Member.name, Member.role, total(rm.n), total(rm.contacts), total(rm.doors),
               total(rm.span_ms))
        .join(Member, Member.id == rm.member_id).where(scope(rm.county_id))
        .group_by(Member.id, Member.name, Member.role).having(total(rm.n) > 0)
    ):
        rows[mid] = CanvasserRow(mid, name, role, n, contacts, doors, span / 3_600_000)
    for mid, d, doors, ms in session.execute(select(day.member_id, day.day, day.doors, day.span_ms)
                                               .where(day.fast, scope(day.county_id))
                                               .order_by(day.member_id, day.day)):
        if mid in rows and ms is not None:
            rows[mid].flags.append(f"{doors} doors in {ms / 60_000:.0f} min on {d}")
    for mid, text, n in session.execute(select(note.member_id, note.note, note.n)
                                        .where(scope(note.county_id), note.n >= SAME_NOTE_TIMES)
                                        .order_by(note.member_id, note.note)):
        if mid in rows:
            rows[mid].flags.append(f"the same note {n} times: “{text}”")
    for owner, seen in session.execute(select(Device.member_id, func.max(Device.last_seen_at))
                                       .where(scope(Device.county_id)).group_by(Device.member_id)):
        if owner in rows and seen is not None:  # a member's devices are of their county
            rows[owner].last_sync = (seen if seen.tzinfo else seen.replace(tzinfo=dt.UTC)).isoformat(timespec="minutes")
    return sorted(rows.values(), key=lambda r: (-r.attempts, r.name))
