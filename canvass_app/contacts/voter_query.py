"""The Contacts page's voter list as SQL: filters, search over the FTS index, two sorts, one page at a time.

Nothing here loads every voter: `count_voters` counts in SQL and `voter_page` reads one LIMIT/OFFSET page.
Sorting by address uses the walk order: within a chosen turf, its stable walk-list line numbers; across the
county, street by street with the odd side up and the even side down (index ix_household_walk_sort).

On a 1M-voter county every first page is read from an index in the order shown, never sorted: the current result
and "contacted" are probed per voter (index ix_contact_voter_time), party and language lists walk
ix_voter_party_name / ix_voter_language_name, and the county-wide address sort walks the households first.
Exact counts of big lists are left to `count_voters`, which the table runs after the first page is shown.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Integer, Select, and_, column, func, literal_column, select, table, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.selectable import Join

from canvass_app.contacts.attempts import effective
from canvass_app.contacts.listing import ContactRecord, list_contacts
from canvass_app.store.models import ContactAttempt, Household, Precinct, ResultCode, Turf, TurfLine, Voter
from canvass_app.voters.search import match_expression

SORTS = ("name", "address", "found")  # "found": the search index's order, for searches that match a lot
SEARCH_CAP = 2000  # a search matching more is shown in index order, capped: type more to narrow it
QUICK_COUNT = 5000  # a filter's first answer counts at most this many voters; the exact count comes after
QUICK_COUNT_MS = 30  # ... and gives up counting after this long (a sparse filter probes many voters)
PROGRESS_STEPS = 2000  # SQLite virtual machine steps between looks at the clock
FTS = table("voter_fts", column("rowid", Integer))
# Must match the expression of ix_household_walk_sort (migration 0006) for SQLite to walk the index.
WALK_SORT: Any = literal_column("(CASE WHEN household.side = 'O' THEN household.house_number_int "
                           "ELSE -household.house_number_int END)")


@dataclass(frozen=True)
class VoterFilter:
    """What the person asked for; every field narrows the list, None means "any"."""

    search: str = ""
    county_id: int | None = None
    precinct_id: int | None = None
    party: str | None = None
    turf_id: int | None = None
    support: int | None = None  # current result's support level
    contacted: bool | None = None  # has a current result, or has none
    last_result: str | None = None  # current result code, e.g. "NH"
    language: str | None = None
    sort: str = "name"

    def with_(self, **changes: Any) -> VoterFilter:
        return replace(self, **changes)


@dataclass(frozen=True)
class VoterRow:
    id: int
    state_voter_id: str
    name: str
    address: str
    precinct: str
    party: str
    age: int | None
    language: str
    list_number: str
    last_result: str
    support: int | None
    mark: str  # "Do Not Contact", "Deceased", "Inactive" or ""
    household_id: int | None


def _mark(dnc: bool, deceased: bool, active: bool) -> str:
    return "Deceased" if deceased else "Do Not Contact" if dnc else "" if active else "Inactive"


class _HouseholdsFirst(Join):
    """household CROSS JOIN voter: SQLite keeps this join order, so the walk-order index drives."""

    inherit_cache = True


@compiles(_HouseholdsFirst)
def _households_first(element: _HouseholdsFirst, compiler: SQLCompiler, **kw: Any) -> str:
    kw["asfrom"] = True
    assert element.onclause is not None
    return (f"{compiler.process(element.left, **kw)} CROSS JOIN {compiler.process(element.right, **kw)} "
            f"ON {compiler.process(element.onclause, **kw)}")


def _current(col: Any) -> Any:
    """The voter's current result's column, probed per voter: the latest effective contact."""
    return (select(col).where(ContactAttempt.voter_id == Voter.id, effective())
            .order_by(ContactAttempt.created_at.desc(), ContactAttempt.id.desc()).limit(1).scalar_subquery())


def _conditions(f: VoterFilter, *, probe: bool = False) -> list[Any]:
    """The filter as SQL; `probe` keeps party and language off their indexes (the households drive)."""
    where: list[Any] = []
    if f.county_id is not None:
        where.append(Voter.county_id == f.county_id)
    if f.precinct_id is not None:
        where.append(Voter.precinct_id == f.precinct_id)
    if f.party:
        where.append((Voter.party.concat("") if probe else Voter.party) == f.party)
    if f.language:
        where.append((Voter.language.concat("") if probe else Voter.language) == f.language)
    if f.turf_id is not None:
        where.append(Voter.household_id.in_(select(Household.id).where(Household.turf_id == f.turf_id)))
    if f.support is not None:
        where.append(_current(ContactAttempt.support) == f.support)
    if f.last_result:
        code_id = select(ResultCode.id).where(ResultCode.code == f.last_result).scalar_subquery()
        where.append(_current(ContactAttempt.result_code_id) == code_id)
    if f.contacted is not None:
        has = select(ContactAttempt.id).where(ContactAttempt.voter_id == Voter.id, effective()).exists()
        where.append(has if f.contacted else ~has)
    return where


def _base(f: VoterFilter, columns: list[Any], *, paging: bool = False, counting: bool = False) -> Select[Any]:
    expression = match_expression(f.search) if f.search else None
    walk = f.sort == "address" and expression is None and f.turf_id is None and f.precinct_id is None
    if expression is not None:  # the search index drives: it yields matches in rowid order, no sort needed
        query = (select(*columns).select_from(FTS).join(Voter, Voter.id == FTS.c.rowid)
                 .where(text("voter_fts MATCH :match").bindparams(match=expression)))
    elif paging and walk:  # a page in walk order over the county: households in index order, then their voters
        hv = _HouseholdsFirst(Household.__table__, Voter.__table__, Household.id == Voter.household_id)
        return select(*columns).select_from(hv).where(*_conditions(f, probe=True))
    else:
        query = select(*columns).select_from(Voter)
    if f.sort == "address" and counting:  # the same voters as the join below, without a lookup per voter
        query = query.where(Voter.household_id.is_not(None))
    elif f.sort == "address":
        query = query.join(Household, Household.id == Voter.household_id)
    return query.where(*_conditions(f))


def count_voters(session: Session, f: VoterFilter, *, cap: int | None = None) -> int:
    """How many voters the filter selects (the table's row count); at most cap + 1 when cap is given."""
    expression = match_expression(f.search) if f.search else None
    if expression is not None and f.sort != "address" and not _conditions(f):
        # a bare search: the index alone (its rows are the voters, kept in step by triggers), no voter lookups
        query = select(FTS.c.rowid).select_from(FTS).where(text("voter_fts MATCH :match").bindparams(match=expression))
        if cap is not None:
            query = query.limit(cap + 1)
        return session.scalar(select(func.count()).select_from(query.subquery())) or 0
    if cap is None:
        return session.scalar(_base(f, [func.count()], counting=True)) or 0
    capped = _base(f, [Voter.id], counting=True).limit(cap + 1).subquery()
    return session.scalar(select(func.count()).select_from(capped)) or 0


@dataclass(frozen=True)
class TableCount:
    """The row count a filter's first answer shows, and how to page it."""

    rows: int
    paged: VoterFilter  # the filter to read pages with (a big search: in the index's order)
    capped: bool  # a search matching more than SEARCH_CAP voters: only SEARCH_CAP are shown
    exact: bool  # False: `rows` is a lower bound; `count_voters(paged, cap=count_cap)` gives the exact count
    count_cap: int | None = None  # a slow search's later count: above this many it is shown capped


def _within(session: Session, ms: float, count: Callable[[], int]) -> int | None:
    """count(), or None when it takes longer than ms (SQLite's progress handler stops the statement)."""
    conn = session.connection().connection.dbapi_connection
    assert conn is not None
    deadline = time.perf_counter() + ms / 1000
    conn.set_progress_handler(lambda: int(time.perf_counter() >= deadline),  # type: ignore[attr-defined]
                              PROGRESS_STEPS)
    try:
        return count()
    except OperationalError:
        if time.perf_counter() >= deadline:  # stopped ("interrupted", or a virtual table's constructor failed)
            return None
        raise
    finally:
        conn.set_progress_handler(None, 0)  # type: ignore[attr-defined]


def first_answer(session: Session, f: VoterFilter, page_size: int) -> tuple[TableCount, list[VoterRow]]:
    """What the table shows first for a filter: a quick row count and the first page.

    A search matching more than SEARCH_CAP voters is shown in the index's order and capped (sorting that many on
    every keystroke is too slow); a search whose capped count takes longer than QUICK_COUNT_MS (a filter tested
    on every match) is shown in the index's order too, counted later up to SEARCH_CAP. Any other list is counted
    up to QUICK_COUNT + 1 within QUICK_COUNT_MS (else the first page is the lower bound), and exactly later:
    counting a million rows takes longer than showing a page.
    """
    if f.search and match_expression(f.search) is not None:
        found = f.with_(sort="found")
        n = _within(session, QUICK_COUNT_MS, lambda: count_voters(session, f, cap=SEARCH_CAP))
        if n is None:
            rows = voter_page(session, found, 0, page_size)
            done = len(rows) < page_size
            return TableCount(len(rows), found, False, done, None if done else SEARCH_CAP), rows
        counted = TableCount(SEARCH_CAP, found, True, True) if n > SEARCH_CAP else TableCount(n, f, False, True)
        return counted, voter_page(session, counted.paged, 0, page_size)
    rows = voter_page(session, f, 0, page_size)
    if len(rows) < page_size:
        return TableCount(len(rows), f, False, True), rows
    quick = _within(session, QUICK_COUNT_MS, lambda: count_voters(session, f, cap=QUICK_COUNT))
    if quick is None:
        return TableCount(len(rows), f, False, False), rows
    return TableCount(quick, f, False, quick <= QUICK_COUNT), rows


def _ordered(query: Select[Any], f: VoterFilter) -> Select[Any]:
    if f.sort == "found":
        return query.order_by(FTS.c.rowid)
    if f.sort == "address" and f.turf_id is not None:
        line = TurfLine.line
        query = query.outerjoin(TurfLine, and_(TurfLine.voter_id == Voter.id, TurfLine.turf_id == f.turf_id))
        return query.order_by(line.is_(None), line, Voter.last_name, Voter.first_name, Voter.id)
    if f.sort == "address":
        return query.order_by(Household.county_id, Household.street_key, Household.side, WALK_SORT,
                              Household.unit_sort, Household.id, Voter.last_name, Voter.first_name, Voter.id)
    return query.order_by(Voter.last_name, Voter.first_name, Voter.id)


def voter_page(session: Session, f: VoterFilter, offset: int, limit: int, *,
               today: dt.date | None = None) -> list[VoterRow]:
    """One page of the list in the chosen order, with each voter's current result."""
    ids = list(session.scalars(_ordered(_base(f, [Voter.id], paging=True), f).offset(offset).limit(limit)))
    if not ids:
        return []
    rows = {
        r.id: r for r in session.execute(
            select(Voter.id, Voter.state_voter_id, Voter.first_name, Voter.middle_name, Voter.last_name,
                   Voter.suffix, Voter.res_address, Voter.party, Voter.birth_year, Voter.language,
                   Voter.do_not_contact, Voter.deceased, Voter.active, Voter.household_id,
                   Precinct.code.label("precinct"), Turf.list_number)
            .outerjoin(Precinct, Precinct.id == Voter.precinct_id)
            .outerjoin(Household, Household.id == Voter.household_id)
            .outerjoin(Turf, Turf.id == Household.turf_id)
            .where(Voter.id.in_(ids))
        )
    }
    current: dict[int, tuple[str, int | None]] = {}
    for vid, code, support in session.execute(  # ascending: the last one seen per voter is the current result
        select(ContactAttempt.voter_id, ResultCode.code, ContactAttempt.support)
        .join(ResultCode, ResultCode.id == ContactAttempt.result_code_id)
        .where(ContactAttempt.voter_id.in_(ids), effective())
        .order_by(ContactAttempt.created_at, ContactAttempt.id)
    ):
        current[vid] = (code, support)
    year = (today or dt.date.today()).year
    out = []
    for vid in ids:
        r = rows[vid]
        cur = current.get(vid)
        name = " ".join(p for p in (r.first_name, r.middle_name, r.last_name, r.suffix) if p)
        out.append(VoterRow(
            id=vid, state_voter_id=r.state_voter_id, name=name, address=r.res_address or "",
            precinct=r.precinct or "", party=r.party or "", age=(year - r.birth_year) if r.birth_year else None,
            language=r.language or "", list_number=r.list_number or "", last_result=cur[0] if cur else "",
            support=cur[1] if cur else None, mark=_mark(r.do_not_contact, r.deceased, r.active),
            household_id=r.household_id,
        ))
    return out


@dataclass(frozen=True)
class FilterOptions:
    """The choices each filter offers: (value, label) pairs."""

    precincts: list[tuple[int, str]] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    turfs: list[tuple[int, str]] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    results: list[tuple[str, str]] = field(default_factory=list)


def _distinct(session: Session, name: str) -> list[str]:
    """The distinct non-empty values of an indexed voter column, one index seek per value (not a scan of all)."""
    sql = (f"WITH RECURSIVE d(v) AS (SELECT min({name}) FROM voter UNION ALL "
           f"SELECT (SELECT min({name}) FROM voter WHERE {name} > d.v) FROM d WHERE d.v IS NOT NULL) "
           "SELECT v FROM d WHERE v IS NOT NULL AND v != ''")
    return [v for (v,) in session.execute(text(sql))]


def filter_options(session: Session, county_id: int | None = None) -> FilterOptions:
    """Distinct values for the filter boxes (read from small tables, or seeking indexed columns)."""
    precincts = select(Precinct.id, Precinct.code).order_by(Precinct.code)
    turfs = select(Turf.id, Turf.list_number, Turf.name).order_by(Turf.list_number)
    if county_id is not None:
        precincts = precincts.where(Precinct.county_id == county_id)
        turfs = turfs.where(Turf.county_id == county_id)
    return FilterOptions(
        precincts=[(i, c) for i, c in session.execute(precincts)],
        parties=_distinct(session, "party"),
        turfs=[(i, f"{n} {name}".strip()) for i, n, name in session.execute(turfs)],
        languages=_distinct(session, "language"),
        results=[(c, n) for c, n in session.execute(select(ResultCode.code, ResultCode.name)
                                                    .order_by(ResultCode.sort_order))],
    )


@dataclass(frozen=True)
class Member:
    voter_id: int
    state_voter_id: str
    name: str
    age: int | None
    party: str
    language: str
    phone: str
    mark: str
    history: list[ContactRecord]


@dataclass(frozen=True)
class VoterDetail:
    voter_id: int
    address: str
    precinct: str
    list_number: str
    members: list[Member]  # the voter first, then the rest of the household


def voter_detail(session: Session, voter_id: int, *, today: dt.date | None = None) -> VoterDetail | None:
    """The voter's household with each member's contact history (newest first); None when no such voter."""
    voter = session.get(Voter, voter_id)
    if voter is None:
        return None
    if voter.household_id is not None:
        people = list(session.scalars(select(Voter).where(Voter.household_id == voter.household_id)
                                      .order_by(Voter.id != voter.id, Voter.last_name, Voter.first_name)))
    else:
        people = [voter]
    precinct = session.scalar(select(Precinct.code).where(Precinct.id == voter.precinct_id)) or ""
    list_number = session.scalar(select(Turf.list_number).join(Household, Household.turf_id == Turf.id)
                                 .where(Household.id == voter.household_id)) or ""
    year = (today or dt.date.today()).year
    members = [
        Member(voter_id=p.id, state_voter_id=p.state_voter_id, name=p.full_name,
               age=(year - p.birth_year) if p.birth_year else None, party=p.party or "",
               language=p.language or "", phone=p.phone or "", mark=_mark(p.do_not_contact, p.deceased, p.active),
               history=list(reversed(list_contacts(session, voter_id=p.id))))
        for p in people
    ]
    address = voter.res_address or ""
    if voter.res_city:
        address = f"{address}, {voter.res_city} {voter.res_zip or ''}".strip()
    return VoterDetail(voter_id=voter.id, address=address, precinct=precinct, list_number=list_number,
                       members=members)

