"""The Overview's figures for a set of counties (or one turf): doors, contacts, support, results, days, turfs.

Only effective results count, by the rule of canvass_server/stats.py (`effective()`): undone and corrected rows
are out, so the console's numbers equal `canvass-server stats --json`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, distinct, func, select
from sqlalchemy.orm import Session

from canvass_server.models import ContactAttempt, County, Member, Turf, TurfLine, Voter, utcnow
from canvass_server.stats import effective

# The codes that mean someone spoke with the voter (the stores' seeded result_code.is_contact).
CONTACT_CODES = ("C", "R", "DNC", "H")
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


def _where(county_ids: Sequence[int] | None, turf_id: int | None) -> list[ColumnElement[bool]]:
    where = [effective()]
    if county_ids is not None:
        where.append(ContactAttempt.county_id.in_(county_ids))
    if turf_id is not None:
        where.append(ContactAttempt.voter_id.in_(select(TurfLine.voter_id).where(TurfLine.turf_id == turf_id)))
    return where


def figures(session: Session, county_ids: Sequence[int] | None, turf_id: int | None = None) -> Figures:
    """The figures of the counties `county_ids` (None: every county), or of one turf of them."""
    where = _where(county_ids, turf_id)
    out = Figures()
    for code, n in session.execute(select(ContactAttempt.result, func.count()).where(*where)
                                   .group_by(ContactAttempt.result)):
        out.results[code] = n
    out.results = dict(sorted(out.results.items()))
    out.attempts = sum(out.results.values())
    out.contacts = sum(n for code, n in out.results.items() if code in CONTACT_CODES)
    out.doors = session.scalar(select(func.count(distinct(ContactAttempt.household_id))).where(*where)) or 0
    out.support = {int(s): n for s, n in session.execute(
        select(ContactAttempt.support, func.count()).where(*where, ContactAttempt.support.is_not(None))
        .group_by(ContactAttempt.support)) if s is not None}
    day = func.substr(ContactAttempt.created_at, 1, 10)
    out.per_day = [(d, n) for d, n in session.execute(
        select(day, func.count()).where(*where).group_by(day).order_by(day.desc()).limit(DAYS_SHOWN))][::-1]
    midnight = utcnow().replace(hour=0, minute=0, second=0, microsecond=0)
    out.active_today = session.scalar(select(func.count(distinct(ContactAttempt.member_id)))
                                      .where(*where, ContactAttempt.received_at >= midnight)) or 0
    if turf_id is None:
        for row in turf_rows(session, county_ids):
            out.turfs[row["status"]] += 1
    return out


def turf_rows(session: Session, county_ids: Sequence[int] | None) -> list[dict[str, Any]]:
    """Every live turf of the counties: its doors, the doors with an effective result, and done / in_progress /
    untouched by those two numbers."""
    # The reached households as a joined set (not `IN (subquery)` inside the count, which PostgreSQL runs once per
    # turf line when the set outgrows work_mem).
    reached = (select(ContactAttempt.household_id.label("hid")).where(*_where(county_ids, None),
                                                                     ContactAttempt.household_id.is_not(None))
               .distinct().subquery())
    stmt = (select(Turf.id, Turf.county_id, Turf.list_number, Turf.name, Member.name,
                   func.count(distinct(Voter.household_id)), func.count(distinct(reached.c.hid)))
            .outerjoin(TurfLine, TurfLine.turf_id == Turf.id).outerjoin(Voter, Voter.id == TurfLine.voter_id)
            .outerjoin(reached, reached.c.hid == Voter.household_id)
            .outerjoin(Member, Member.id == Turf.member_id).where(Turf.deleted.is_(False))
            .group_by(Turf.id, Turf.county_id, Turf.list_number, Turf.name, Member.name).order_by(Turf.list_number))
    if county_ids is not None:
        stmt = stmt.where(Turf.county_id.in_(county_ids))
    rows = []
    for tid, cid, number, name, holder, doors, done in session.execute(stmt):
        status = "untouched" if not done else ("done" if done >= doors else "in_progress")
        rows.append({"id": tid, "county_id": cid, "list_number": number, "name": name, "holder": holder,
                     "doors": doors, "reached": done, "status": status})
    return rows


def county_rows(session: Session, county_ids: Sequence[int] | None) -> list[dict[str, Any]]:
    """One row per county (of `county_ids`, or all): attempts, doors, contacts and contact rate."""
    where = _where(county_ids, None)
    contact = func.count().filter(ContactAttempt.result.in_(CONTACT_CODES))
    stats = {cid: (n, doors, contacts) for cid, n, doors, contacts in session.execute(
        select(ContactAttempt.county_id, func.count(), func.count(distinct(ContactAttempt.household_id)), contact)
        .where(*where).group_by(ContactAttempt.county_id))}
    counties = select(County).order_by(County.state, County.name)
    if county_ids is not None:
        counties = counties.where(County.id.in_(county_ids))
    rows = []
    for c in session.scalars(counties):
        n, doors, contacts = stats.get(c.id, (0, 0, 0))
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
