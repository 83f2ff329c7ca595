"""The Overview's figures for a set of counties (or one turf): doors, contacts, support, results, days, turfs.

Only effective results count, by the rule of canvass_server/stats.py (`effective()`): undone and corrected rows
are out. Counties' figures come from the rollups kept at ingest (canvass_server.rollups), which `stats --json`
reads too; a turf's from the turf rollups kept the same way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, distinct, func, select, true
from sqlalchemy.orm import Session

from canvass_server.models import County, Member, Turf, utcnow
from canvass_server.rollup_models import (
    RollupContact,
    RollupCounty,
    RollupMemberReceived,
    RollupTurf,
    RollupTurfContact,
    RollupTurfHousehold,
    RollupTurfReceived,
    total,
)
from canvass_server.rollups import CONTACT_CODES

DAYS_SHOWN = 30


@dataclass
class Figures:
    attempts: int = 0  # effective results (stats' contact_attempts)
    doors: int = 0  # distinct households with an effective result (stats' doors)
    contacts: int = 0  # results where someone spoke with the voter
    results: dict[str, int] = field(default_factory=dict)
    support: dict[int, int] = field(default_factory=dict)  # 1..5 -> count
    # the last DAYS_SHOWN days with results: (YYYY-MM-DD as the device dated them, results)
    per_day: list[tuple[str, int]] = field(default_factory=list)
    active_today: int = 0  # members with a result received since 00:00 UTC
    turfs: dict[str, int] = field(default_factory=lambda: {"done": 0, "in_progress": 0, "untouched": 0})

    @property
    def contact_rate(self) -> float:
        return self.contacts / self.attempts if self.attempts else 0.0


def _in(column: Any, county_ids: Sequence[int] | None) -> ColumnElement[bool]:
    return column.in_(county_ids) if county_ids is not None else true()


def figures(session: Session, county_ids: Sequence[int] | None) -> Figures:
    """The figures of the counties `county_ids` (None: every county), from the rollups (canvass_server.rollups)."""
    out = Figures()
    results: Counter[str] = Counter()
    support: Counter[int] = Counter()
    days: Counter[str] = Counter()
    for day, code, level, n in session.execute(
            select(RollupContact.day, RollupContact.result, RollupContact.support, total(RollupContact.n))
            .where(_in(RollupContact.county_id, county_ids))
            .group_by(RollupContact.day, RollupContact.result, RollupContact.support)):
        results[code] += n
        days[day] += n
        if level:
            support[level] += n
    return _finish(out, results, support, days, session.scalar(
        select(func.coalesce(total(RollupCounty.doors), 0)).where(_in(RollupCounty.county_id, county_ids))) or 0,
        session.scalar(select(func.count(distinct(RollupMemberReceived.member_id)))
                       .where(RollupMemberReceived.day == utcnow().date().isoformat(), RollupMemberReceived.n > 0,
                              _in(RollupMemberReceived.county_id, county_ids))) or 0,
        turf_rows(session, county_ids))


def _finish(out: Figures, results: Counter[str], support: Counter[int], days: Counter[str], doors: int,
            active: int, turfs: list[dict[str, Any]] | None) -> Figures:
    out.results = {code: n for code, n in sorted(results.items()) if n > 0}
    out.attempts = sum(out.results.values())
    out.contacts = sum(n for code, n in out.results.items() if code in CONTACT_CODES)
    out.doors, out.active_today = doors, active
    out.support = {level: n for level, n in sorted(support.items()) if n > 0}
    out.per_day = sorted((d, n) for d, n in days.items() if n > 0)[-DAYS_SHOWN:]
    for row in turfs or []:
        out.turfs[row["status"]] += 1
    return out


def turf_figures(session: Session, turf_id: int) -> Figures:
    """One turf's figures: its voters' effective results, from the turf rollups (canvass_server.rollups) — a few
    hundred rows however many results the turf's voters have."""
    results: Counter[str] = Counter()
    support: Counter[int] = Counter()
    days: Counter[str] = Counter()
    tc, th, tr = RollupTurfContact, RollupTurfHousehold, RollupTurfReceived
    for day, code, level, n in session.execute(select(tc.day, tc.result, tc.support, tc.n)
                                               .where(tc.turf_id == turf_id, tc.n > 0)):
        results[code] += n
        days[day] += n
        if level:
            support[level] += n
    doors = session.scalar(select(func.count()).where(th.turf_id == turf_id, th.n > 0)) or 0
    active = session.scalar(select(func.count(distinct(tr.member_id)))
                            .where(tr.turf_id == turf_id, tr.day == utcnow().date().isoformat(), tr.n > 0)) or 0
    return _finish(Figures(), results, support, days, doors, active, None)


def turf_rows(session: Session, county_ids: Sequence[int] | None) -> list[dict[str, Any]]:
    """Every live turf of the counties: its doors, the doors with an effective result (rollup_turf), and done /
    in_progress / untouched by those two numbers."""
    stmt = (select(Turf.id, Turf.county_id, Turf.list_number, Turf.name, Member.name,
                   func.coalesce(RollupTurf.doors, 0), func.coalesce(RollupTurf.reached, 0))
            .outerjoin(RollupTurf, RollupTurf.turf_id == Turf.id).outerjoin(Member, Member.id == Turf.member_id)
            .where(Turf.deleted.is_(False), _in(Turf.county_id, county_ids)).order_by(Turf.list_number))
    rows = []
    for tid, cid, number, name, holder, doors, done in session.execute(stmt):
        status = "untouched" if not done else ("done" if done >= doors else "in_progress")
        rows.append({"id": tid, "county_id": cid, "list_number": number, "name": name, "holder": holder,
                     "doors": doors, "reached": done, "status": status})
    return rows


def county_rows(session: Session, county_ids: Sequence[int] | None) -> list[dict[str, Any]]:
    """One row per county (of `county_ids`, or all): attempts, doors, contacts and contact rate."""
    rows = []
    for c, n, doors, contacts in session.execute(
            select(County, RollupCounty.n, RollupCounty.doors, RollupCounty.contacts)
            .outerjoin(RollupCounty, RollupCounty.county_id == County.id)
            .where(_in(County.id, county_ids)).order_by(County.state, County.name)):
        n, doors, contacts = n or 0, doors or 0, contacts or 0
        rows.append({"id": c.id, "name": c.name, "state": c.state, "attempts": n, "doors": doors,
                     "contacts": contacts, "contact_rate": contacts / n if n else 0.0})
    return rows


def state_rows(session: Session) -> list[dict[str, Any]]:
    """One row per state: the sums of its counties' rows."""
    states: dict[str, dict[str, Any]] = {}
    for r in county_rows(session, None):
        s = states.setdefault(r["state"], {"state": r["state"], "counties": 0, "attempts": 0, "doors": 0,
                                           "contacts": 0})
        s["counties"] += 1
        for key in ("attempts", "doors", "contacts"):
            s[key] += r[key]
    for s in states.values():
        s["contact_rate"] = s["contacts"] / s["attempts"] if s["attempts"] else 0.0
    return list(states.values())


def county_ids_of_state(session: Session, state: str) -> list[int]:
    return list(session.scalars(select(County.id).where(County.state == state.upper())))
