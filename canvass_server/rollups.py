"""Keeping the rollup tables (canvass_server.rollup_models) exact: the rollups of the contact rows counted so far,
which are every contact row but those queued in rollup_pending (canvass_server.rollup_queue drains the queue).

`contacts_added` counts rows that were not counted before (a drain's, taken off the queue in its transaction, many
batches at once; or rows just written): the ones that are results among the counted rows (they correct nothing and
no counted row corrects them: `counted()`, stats.effective() without the queued rows) are added to their buckets,
and the rows counted before that the new corrections make ineffective are taken out of theirs — the same rule as
effective(), applied at the moment it changes. Queued rows are left out of every query here, so a drain counts
exactly the rows it took off the queue, whatever pushes commit meanwhile; one runs at a time (`hold`).
Doors (distinct households) move only when a household's count crosses 0; a turf's reached doors move with them.
A member's day (results, doors, first to last result) that only gains rows is updated from those rows alone (its
doors by rollup_member_day_household's crossings, its first and last moments by min and max), so a drain costs what
it counts whatever the size of the day; a day that loses a row (rare: a correction) is recounted from its rows. A
turf's results (the turf page) move with its voters' rows; a voter's latest result is replaced by a later one, and
recomputed from the voter's rows when it is corrected.
`rebuild` computes every table from scratch from every row (the migrations' backfill; a test compares the two after
drains).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

import orjson
from sqlalchemy import (
    ColumnElement,
    Integer,
    Table,
    and_,
    bindparam,
    case,
    delete,
    distinct,
    exists,
    func,
    insert,
    literal_column,
    select,
    true,
    tuple_,
    update,
)
from sqlalchemy import text as sql_text
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import DeclarativeBase, Session, aliased

from canvass_server.models import ContactAttempt, Turf, TurfLine, Voter
from canvass_server.outcome import among
from canvass_server.rollup_models import (
    RollupContact,
    RollupCounty,
    RollupHousehold,
    RollupMember,
    RollupMemberDay,
    RollupMemberDayHousehold,
    RollupMemberHousehold,
    RollupMemberNote,
    RollupMemberReceived,
    RollupPending,
    RollupTurf,
    RollupTurfContact,
    RollupTurfHousehold,
    RollupTurfReceived,
    RollupVoterLatest,
    day_of,
)
from canvass_server.stats import effective

CA = ContactAttempt
# The codes that mean someone spoke with the voter (the stores' seeded result_code.is_contact).
CONTACT_CODES = ("C", "R", "DNC", "H")
FAST_DOORS_PER_HOUR = 60  # a door a minute, sustained over a day of at least...
FAST_MIN_DOORS = 10  # ...this many doors, is flagged on the Canvassers page
BASE = (RollupContact, RollupCounty, RollupHousehold, RollupTurf, RollupMember, RollupMemberHousehold,
        RollupMemberReceived, RollupMemberNote)  # migration 0010's, but for its members' days (rebuild_days)
TURF_RESULTS = (RollupTurfContact, RollupTurfHousehold, RollupTurfReceived)  # migration 0012's, with RollupVoterLatest
DAYS = (RollupMemberDay, RollupMemberDayHousehold)  # migration 0017's (the first of them made by 0010)
ALL = (*BASE, *DAYS, *TURF_RESULTS, RollupVoterLatest)
# What a contact row brings to the rollups.
COLUMNS = (CA.id, CA.county_id, CA.voter_id, CA.household_id, CA.member_id, CA.result, CA.support, CA.note,
           CA.created_at, CA.received_at)
# The rollups' lock (PostgreSQL advisory lock key): drains, and turf refreshes, one at a time.
LOCK_KEY = 0x524F4C4C5550  # "ROLLUP"


def hold(session: Session, *, wait: bool = True) -> bool:
    """Take the rollups' lock until the transaction ends: on PostgreSQL an advisory lock (with wait=False, False at
    once when another transaction holds it); on SQLite the write lock that every transaction takes at BEGIN."""
    if session.get_bind().dialect.name != "postgresql":
        return True
    if wait:
        session.execute(select(func.pg_advisory_xact_lock(LOCK_KEY)))
        return True
    return bool(session.scalar(select(func.pg_try_advisory_xact_lock(LOCK_KEY))))


@cache
def not_queued() -> ColumnElement[bool]:
    """A contact row that is not waiting in rollup_pending: one the rollups have counted (or are counting)."""
    return ~exists().where(RollupPending.contact_id == CA.id)


@cache  # built once, as stats.effective(): making the aliases costs more than running the query
def counted() -> ColumnElement[bool]:
    """A contact row that counts in the rollups as a result: not queued, correcting nothing, and corrected by no row
    that is not queued (stats.effective() among the counted rows; the same where nothing is queued)."""
    later, queued = aliased(CA), aliased(RollupPending)
    return and_(CA.corrects_id.is_(None), not_queued(),
                ~exists().where(later.corrects_id == CA.id, ~exists().where(queued.contact_id == later.id)))


def moment(text: str) -> dt.datetime | None:
    """A device's created_at as an aware moment (UTC when it names no zone), or None when it is not ISO 8601."""
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_MS = dt.timedelta(milliseconds=1)


def moment_ms(text: str) -> int | None:
    """moment() in epoch milliseconds (a member's day keeps its first and last so)."""
    when = moment(text)
    return None if when is None else (when - _EPOCH) // _MS


def note_key(note: str | None) -> str | None:
    """A note as the Canvassers page compares them (SQL's trim(): spaces off both ends), or None when empty."""
    text = (note or "").strip(" ")
    return text or None


def received_day(received_at: dt.datetime) -> str:
    return (received_at.astimezone(dt.UTC) if received_at.tzinfo else received_at).date().isoformat()


def contacts_added(session: Session, rows: Sequence[Mapping[str, Any]]) -> None:
    """Count contact rows not counted before and not queued (each with at least COLUMNS' keys and corrects_id), as
    one set: the rows of many batches, corrections of each other's included. The caller holds `hold()`, or is the
    only writer (the tests' helpers)."""
    if not rows:
        return
    ids = [r["id"] for r in rows]
    corrected: set[str] = set()
    for where in among(session, CA.corrects_id, ids):
        corrected.update(session.scalars(select(CA.corrects_id).where(where, not_queued())))
    gained = [r for r in rows if r.get("corrects_id") is None and r["id"] not in corrected]
    by_batch = Counter(r["corrects_id"] for r in rows if r.get("corrects_id") is not None)
    targets = sorted(set(by_batch) - set(ids))  # rows of this batch that others correct were never counted
    lost: list[Any] = []
    if targets:
        total: Counter[str] = Counter()
        for where in among(session, CA.corrects_id, targets):
            total.update(dict(session.execute(select(CA.corrects_id, func.count())  # type: ignore[arg-type]
                                              .where(where, not_queued()).group_by(CA.corrects_id)).all()))
        fresh = [t for t in targets if total[t] == by_batch[t]]  # no older row corrected it: it counted till now
        for where in among(session, CA.id, fresh):  # (a queued target never counted: it counts as corrected later)
            lost += session.execute(select(*COLUMNS).where(where, CA.corrects_id.is_(None), not_queued())
                                    ).mappings().all()
    _Deltas(gained, lost).write(session)


class _Deltas:
    """What a set of rows gained (+1) and lost (-1) brings to every rollup, gathered by key, then written."""

    def __init__(self, gained: Iterable[Mapping[str, Any]], lost: Iterable[Mapping[str, Any]]) -> None:
        self.contact: Counter[tuple[int, str, str, int]] = Counter()
        self.county: dict[int, list[int]] = defaultdict(lambda: [0, 0])
        self.household: Counter[int] = Counter()
        self.member: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0])
        self.member_household: Counter[tuple[int, int]] = Counter()
        self.received: Counter[tuple[str, int, int]] = Counter()
        self.note: Counter[tuple[int, int, str]] = Counter()
        self.note_text: dict[str, str] = {}
        self.county_of: dict[int, int] = {}  # household -> county
        self.day_household: Counter[tuple[int, int, str, int]] = Counter()
        self.gained_days: dict[tuple[int, int, str], list[Any]] = {}  # _tally_day's of the gained rows
        self.lost_days: set[tuple[int, int, str]] = set()
        self.signed: list[tuple[int, Mapping[str, Any]]] = []  # for the turfs of each row's voter
        for sign, rows in ((1, gained), (-1, lost)):
            for r in rows:
                self._add(r, sign)
                self.signed.append((sign, r))

    def _add(self, r: Mapping[str, Any], sign: int) -> None:
        cid, hid, mid, day = r["county_id"], r["household_id"], r["member_id"], r["created_at"][:10]
        spoke = sign if r["result"] in CONTACT_CODES else 0
        self.contact[(cid, day, r["result"], r["support"] or 0)] += sign
        self.county[cid][0] += sign
        self.county[cid][1] += spoke
        if hid is not None:
            self.household[hid] += sign
            self.county_of[hid] = cid
        if mid is None:
            return
        self.member[(mid, cid)][0] += sign
        self.member[(mid, cid)][1] += spoke
        if hid is not None:
            self.member_household[(mid, hid)] += sign
            self.day_household[(mid, cid, day, hid)] += sign
        self.received[(received_day(r["received_at"]), mid, cid)] += sign
        text = note_key(r["note"])
        if text is not None:
            key = hashlib.sha256(text.encode()).hexdigest()
            self.note[(mid, cid, key)] += sign
            self.note_text[key] = text[:40]
        if sign > 0:
            _tally_day(self.gained_days.setdefault((mid, cid, day), [0, set(), None, None]), hid, r["created_at"])
        else:
            self.lost_days.add((mid, cid, day))

    def write(self, session: Session) -> None:
        _add(session, RollupContact, [{"county_id": c, "day": d, "result": r, "support": s, "n": n}
                                      for (c, d, r, s), n in self.contact.items() if n])
        doors: Counter[int] = Counter()
        moved: dict[int, int] = {}
        for hid, n in _add(session, RollupHousehold, [{"household_id": h, "county_id": self.county_of[h], "n": n}
                                                      for h, n in self.household.items() if n], returning=True):
            step = _crossed(n - self.household[hid], n)
            if step:
                moved[hid] = step
                doors[self.county_of[hid]] += step
        member_doors: Counter[tuple[int, int]] = Counter()
        for (mid, hid), n in _add(session, RollupMemberHousehold,
                                  [{"member_id": m, "household_id": h, "n": n}
                                   for (m, h), n in self.member_household.items() if n], returning=True):
            member_doors[(mid, self.county_of[hid])] += _crossed(n - self.member_household[(mid, hid)], n)
        day_doors: Counter[tuple[int, int, str]] = Counter()
        for (mid, cid, day, hid), n in _add(session, RollupMemberDayHousehold,
                                            [{"member_id": m, "county_id": c, "day": d, "household_id": h, "n": n}
                                             for (m, c, d, h), n in self.day_household.items() if n],
                                            returning=True):
            day_doors[(mid, cid, day)] += _crossed(n - self.day_household[(mid, cid, day, hid)], n)
        _add(session, RollupCounty, [{"county_id": c, "n": n, "contacts": k, "doors": doors[c]}
                                     for c, (n, k) in self.county.items()])
        _add(session, RollupMember, [{"member_id": m, "county_id": c, "n": n, "contacts": k,
                                      "doors": member_doors[(m, c)], "span_ms": 0}
                                     for (m, c), (n, k) in self.member.items()])
        _add(session, RollupMemberReceived, [{"day": d, "member_id": m, "county_id": c, "n": n}
                                             for (d, m, c), n in self.received.items() if n])
        _add(session, RollupMemberNote, [{"member_id": m, "county_id": c, "note_key": k, "note": self.note_text[k],
                                          "n": n} for (m, c, k), n in self.note.items() if n])
        _reach(session, moved)
        refresh_days(session, self.gained_days, day_doors, self.lost_days)
        self.turf_results(session)
        refresh_latest(session, [r for sign, r in self.signed if sign > 0], [r for sign, r in self.signed if sign < 0])

    def turf_results(self, session: Session) -> None:
        """Each row counts (or stops counting) in every turf with a line for its voter. A row's voter and a turf's
        lines are of their own county (ingest and a cut look voters up in the caller's), so no county check."""
        turfs_of: dict[int, list[int]] = defaultdict(list)
        for where in among(session, TurfLine.voter_id, sorted({r["voter_id"] for _, r in self.signed})):
            for turf_id, voter_id in session.execute(select(TurfLine.turf_id, TurfLine.voter_id).where(where)
                                                     .distinct()):
                turfs_of[voter_id].append(turf_id)
        contact: Counter[tuple[int, str, str, int]] = Counter()
        household: Counter[tuple[int, int]] = Counter()
        received: Counter[tuple[int, str, int]] = Counter()
        for sign, r in self.signed:
            for t in turfs_of.get(r["voter_id"], ()):
                contact[(t, r["created_at"][:10], r["result"], r["support"] or 0)] += sign
                if r["household_id"] is not None:
                    household[(t, r["household_id"])] += sign
                if r["member_id"] is not None:
                    received[(t, received_day(r["received_at"]), r["member_id"])] += sign
        _add(session, RollupTurfContact, [{"turf_id": t, "day": d, "result": c, "support": s, "n": n}
                                          for (t, d, c, s), n in contact.items() if n])
        _add(session, RollupTurfHousehold, [{"turf_id": t, "household_id": h, "n": n}
                                            for (t, h), n in household.items() if n])
        _add(session, RollupTurfReceived, [{"turf_id": t, "day": d, "member_id": m, "n": n}
                                           for (t, d, m), n in received.items() if n])


def _crossed(before: int, after: int) -> int:
    """+1 when a count rose from 0, -1 when it fell to 0, else 0."""
    return 1 if before <= 0 < after else (-1 if after <= 0 < before else 0)


def _add(session: Session, model: type[DeclarativeBase], rows: list[dict[str, Any]],
         returning: bool = False) -> list[tuple[Any, int]]:
    """Add each row's counts to the row with its key (made at 0 if missing), in key order (so two transactions
    lock rows in the same order). With `returning`: (key, or key tuple, new n) per row."""
    if not rows:
        return []
    table: Table = model.__table__  # type: ignore[assignment]
    keys = tuple(c.name for c in table.primary_key.columns)
    counters = tuple(c for c in ("n", "contacts", "doors", "reached", "span_ms") if c in rows[0])
    rows.sort(key=lambda r: tuple(r[k] for k in keys))
    added = ", ".join(f"{c} = {table.name}.{c} + excluded.{c}" for c in counters)
    out = _upsert_rows(session, _upsert(model, counters),
                       _json_upsert(table.name, tuple(rows[0]), keys, added, "", ", ".join((*keys, "n"))), rows)
    return [((r[0] if len(keys) == 1 else tuple(r[:-1])), r[-1]) for r in out] if returning else []


@cache  # built once per table: making the statement (its `excluded` alias above all) cost more than running it
def _upsert(model: type[DeclarativeBase], counters: tuple[str, ...]) -> Any:
    """`_add`'s statement (SQLite): insert, or add the counters to the row with the same key; returns the key and
    n (with RETURNING, SQLAlchemy sends the rows as one multi-row INSERT; without, one INSERT per row)."""
    table: Table = model.__table__  # type: ignore[assignment]
    keys = [c.name for c in table.primary_key.columns]
    stmt = sqlite.insert(table)
    stmt = stmt.on_conflict_do_update(index_elements=keys, set_={c: table.c[c] + stmt.excluded[c] for c in counters})
    return stmt.returning(*(table.c[k] for k in keys), table.c.n)


@cache
def _json_upsert(table: str, columns: tuple[str, ...], keys: tuple[str, ...], sets: str, where: str,
                 returning: str) -> Any:
    """An upsert on PostgreSQL of rows sent as one JSON parameter (jsonb_populate_recordset, as record.py writes a
    batch's contacts): a short statement that psycopg parses once and prepares, whatever the number of rows. A
    drain's multi-row VALUES of hundreds of rows cost more Python to send (psycopg parses a long query text anew
    each time) than PostgreSQL to run."""
    names = ", ".join(columns)
    return sql_text(f"INSERT INTO {table} ({names}) SELECT {names} FROM jsonb_populate_recordset(NULL::{table}, "
                    f"CAST(:rows AS jsonb)) ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {sets}{where} "
                    f"RETURNING {returning}")


def _upsert_rows(session: Session, portable: Any, postgres: Any, rows: list[dict[str, Any]]) -> Sequence[Any]:
    """Run an upsert of `rows`: on PostgreSQL `postgres` (a `_json_upsert`), elsewhere `portable` (executemany)."""
    if session.get_bind().dialect.name == "postgresql":
        return session.execute(postgres, {"rows": orjson.dumps(rows).decode()}).all()
    return session.execute(portable, rows).all()


def _reach(session: Session, moved: dict[int, int]) -> None:
    """Households that gained their first result (+1) or lost their last (-1): their turfs' reached doors."""
    if not moved:
        return
    steps: Counter[int] = Counter()
    for where in among(session, Voter.household_id, sorted(moved)):
        for turf_id, hid in session.execute(select(TurfLine.turf_id, Voter.household_id).join(
                Voter, Voter.id == TurfLine.voter_id).where(where).group_by(TurfLine.turf_id, Voter.household_id)):
            steps[turf_id] += moved[hid]  # type: ignore[index]  # hid is one of moved's keys
    rows = [{"t": t, "step": n} for t, n in sorted(steps.items()) if n]
    if rows:  # every turf has its row: refresh_turfs made it at the turf's cut
        turfs: Table = RollupTurf.__table__  # type: ignore[assignment]
        session.execute(update(turfs).where(turfs.c.turf_id == bindparam("t"))
                        .values(reached=turfs.c.reached + bindparam("step")), rows)


# refresh_days' statements, built once (each took longer to make than to run); the members come with `among`
_DAYS: Any = bindparam("days", expanding=True)
_DAY_ROWS = (select(CA.member_id, CA.county_id, day_of(CA.created_at), CA.household_id, CA.created_at)
             .where(day_of(CA.created_at).in_(_DAYS), counted()))
_MEMBER_DAYS: Table = RollupMemberDay.__table__  # type: ignore[assignment]
_DAY_COLUMNS = ("n", "doors", "span_ms", "fast", "first_ms", "last_ms")  # what a day's row holds but its key
_DAY_OLD = select(_MEMBER_DAYS.c.member_id, _MEMBER_DAYS.c.county_id, _MEMBER_DAYS.c.day, _MEMBER_DAYS.c.n,
                  _MEMBER_DAYS.c.doors, _MEMBER_DAYS.c.span_ms, _MEMBER_DAYS.c.first_ms, _MEMBER_DAYS.c.last_ms
                  ).where(_MEMBER_DAYS.c.day.in_(_DAYS))
_DAY_GONE = delete(_MEMBER_DAYS).where(_MEMBER_DAYS.c.member_id == bindparam("m"),
                                       _MEMBER_DAYS.c.county_id == bindparam("c"), _MEMBER_DAYS.c.day == bindparam("d"))
_MEMBERS: Table = RollupMember.__table__  # type: ignore[assignment]
_SPAN_MOVE = (update(_MEMBERS).where(_MEMBERS.c.member_id == bindparam("m"), _MEMBERS.c.county_id == bindparam("c"))
              .values(span_ms=_MEMBERS.c.span_ms + bindparam("step")))


@cache
def _day_upsert() -> Any:
    stmt = sqlite.insert(_MEMBER_DAYS)
    return stmt.on_conflict_do_update(index_elements=["member_id", "county_id", "day"],
                                      set_={c: stmt.excluded[c] for c in _DAY_COLUMNS}
                                      ).returning(_MEMBER_DAYS.c.member_id)  # RETURNING: one multi-row INSERT


def refresh_days(session: Session, gained: Mapping[tuple[int, int, str], list[Any]],
                 doors: Mapping[tuple[int, int, str], int], lost: Iterable[tuple[int, int, str]]) -> None:
    """Members' days (member, county, day) after a drain. A day that only gained rows is updated from them alone:
    `gained`, their _tally_day by day; `doors`, the steps of its doors (rollup_member_day_household's crossings).
    A day that `lost` a row may have lost its first or last moment: it is recounted from its counted rows (index
    ix_contact_member_day). The days' old rows are read in one statement, the recounted days' rows in another (a
    member's rows of another of the days too, left aside here), then the writes, with the members' span sums."""
    recount = set(lost)
    keys = recount | set(gained)
    if not keys:
        return
    old: dict[tuple[int, int, str], Any] = {}
    for where in among(session, _MEMBER_DAYS.c.member_id, sorted({mid for mid, _, _ in keys})):
        for row in session.execute(_DAY_OLD.where(where), {"days": sorted({day for _, _, day in keys})}):
            if (row.member_id, row.county_id, row.day) in keys:
                old[(row.member_id, row.county_id, row.day)] = row
    found: dict[tuple[int, int, str], list[Any]] = {}
    for where in among(session, CA.member_id, sorted({mid for mid, _, _ in recount})):
        for mid, cid, day, hid, created in session.execute(_DAY_ROWS.where(where),
                                                           {"days": sorted({day for _, _, day in recount})}):
            if (mid, cid, day) in recount:
                assert mid is not None  # by `recount`
                _tally_day(found.setdefault((mid, cid, day), [0, set(), None, None]), hid, created)
    rows = [_tallied(key, t) for key, t in found.items()]
    for key in gained.keys() - recount:
        n, _, first, last = gained[key]
        was = old.get(key)
        if was is None:
            rows.append(_day_row(*key, n, doors.get(key, 0), first, last))
        else:
            rows.append(_day_row(*key, was.n + n, was.doors + doors.get(key, 0),
                                 min((v for v in (was.first_ms, first) if v is not None), default=None),
                                 max((v for v in (was.last_ms, last) if v is not None), default=None)))
    rows.sort(key=lambda r: (r["member_id"], r["county_id"], r["day"]))
    span: Counter[tuple[int, int]] = Counter()  # after - before, by member
    for (mid, cid, _), was in old.items():
        span[(mid, cid)] -= was.span_ms or 0
    for r in rows:
        span[(r["member_id"], r["county_id"])] += r["span_ms"] or 0
    moves = [{"m": m, "c": c, "step": step} for (m, c), step in sorted(span.items()) if step]
    if moves:  # the members' hours: the sum of their days' spans
        session.execute(_SPAN_MOVE, moves)
    gone = [{"m": m, "c": c, "d": d} for m, c, d in sorted(recount - set(found))]
    if gone:
        session.execute(_DAY_GONE, gone)
    if rows:
        _upsert_rows(session, _day_upsert(), _json_upsert(
            "rollup_member_day", tuple(rows[0]), ("member_id", "county_id", "day"),
            ", ".join(f"{c} = excluded.{c}" for c in _DAY_COLUMNS), "", "member_id"), rows)


def _latest(where: ColumnElement[bool], results: ColumnElement[bool]) -> Any:
    """Each voter's latest row of those `results` (by time received, then id) among rows `where`: voter_id,
    received_at, contact_id, result, by voter."""
    rank = func.row_number().over(partition_by=CA.voter_id, order_by=(CA.received_at.desc(), CA.id.desc()))
    rows = (select(CA.voter_id, CA.received_at, CA.id.label("contact_id"), CA.result, rank.label("rank"))
            .where(where, results).subquery())
    return (select(rows.c.voter_id, rows.c.received_at, rows.c.contact_id, rows.c.result).where(rows.c.rank == 1)
            .order_by(rows.c.voter_id))


LATEST = ["voter_id", "received_at", "contact_id", "result"]


@cache
def _latest_upsert() -> Any:
    """Insert a voter's latest row, or replace theirs when this one is later (received, then id)."""
    latest: Table = RollupVoterLatest.__table__  # type: ignore[assignment]
    stmt = sqlite.insert(latest)
    later = tuple_(stmt.excluded.received_at, stmt.excluded.contact_id) > tuple_(latest.c.received_at,
                                                                                  latest.c.contact_id)
    return stmt.on_conflict_do_update(index_elements=["voter_id"], set_={c: stmt.excluded[c] for c in LATEST[1:]},
                                      where=later).returning(latest.c.voter_id)  # RETURNING: one multi-row INSERT


def refresh_latest(session: Session, gained: Sequence[Mapping[str, Any]], lost: Sequence[Mapping[str, Any]]) -> None:
    """Voters' latest results: a gained row replaces its voter's when it is later (received, then id: compared by
    the database, as _latest orders them); a voter whose latest row was lost is recomputed from their rows."""
    latest: Table = RollupVoterLatest.__table__  # type: ignore[assignment]
    rounds: list[list[dict[str, Any]]] = []  # a statement may touch a row once: a voter's k-th row in round k
    seen: Counter[int] = Counter()
    for r in gained:
        k = seen[r["voter_id"]]
        seen[r["voter_id"]] += 1
        if k == len(rounds):
            rounds.append([])
        rounds[k].append({"voter_id": r["voter_id"], "received_at": r["received_at"], "contact_id": r["id"],
                          "result": r["result"]})
    later = (" WHERE (excluded.received_at, excluded.contact_id) > (rollup_voter_latest.received_at, "
             "rollup_voter_latest.contact_id)")
    replace = ", ".join(f"{c} = excluded.{c}" for c in LATEST[1:])
    for rows in rounds:
        _upsert_rows(session, _latest_upsert(),
                     _json_upsert("rollup_voter_latest", tuple(LATEST), ("voter_id",), replace, later, "voter_id"),
                     sorted(rows, key=lambda r: r["voter_id"]))
    if not lost:
        return
    county_of = {r["voter_id"]: r["county_id"] for r in lost}
    redo: dict[int, list[int]] = defaultdict(list)
    for where in among(session, latest.c.contact_id, sorted({r["id"] for r in lost})):
        for vid in session.scalars(select(latest.c.voter_id).where(where)):
            redo[county_of[vid]].append(vid)
    for cid, vids in sorted(redo.items()):
        vids.sort()
        for where in among(session, latest.c.voter_id, vids):
            session.execute(delete(latest).where(where))
        for where in among(session, CA.voter_id, vids):
            session.execute(insert(latest).from_select(LATEST, _latest(and_(CA.county_id == cid, where), counted())))


def _tally_day(t: list[Any], hid: int | None, created: str) -> None:
    """Count a row into its day's tally t: [results, households, first moment, last moment (moment_ms)]."""
    t[0] += 1
    if hid is not None:
        t[1].add(hid)
    when = moment_ms(created)
    if when is not None:
        t[2] = when if t[2] is None or when < t[2] else t[2]
        t[3] = when if t[3] is None or when > t[3] else t[3]


def _tallied(key: tuple[int, int, str], t: list[Any]) -> dict[str, Any]:
    """A member's day recounted: from the _tally_day of all its rows."""
    return _day_row(*key, t[0], len(t[1]), t[2], t[3])


def _day_row(mid: int, cid: int, day: str, n: int, doors: int, first: int | None, last: int | None
             ) -> dict[str, Any]:
    """A member's day from its results, doors and first and last moments (recounted or updated alike)."""
    span = last - first if first is not None and last is not None else None
    fast = span is not None and doors >= FAST_MIN_DOORS and (span <= 0
                                                             or doors * 3_600_000 > FAST_DOORS_PER_HOUR * span)
    return {"member_id": mid, "county_id": cid, "day": day, "n": n, "doors": doors, "span_ms": span, "fast": fast,
            "first_ms": first, "last_ms": last}


def refresh_turfs(session: Session, *, turf_ids: Sequence[int] | None = None, county_id: int | None = None) -> None:
    """Recompute turfs' doors and reached doors (these turfs, this county's, or every one) from their lines and
    rollup_household: after a cut, or an import that moves voters between households. After a cut (`turf_ids`),
    their voters' counted results too (_turf_results): the lines changed. Under the rollups' lock (`hold`), so no
    drain counts rows meanwhile; the rows still queued count, with the new lines, when they are drained."""
    hold(session)
    where: ColumnElement[bool] = true()
    if turf_ids is not None:
        where = Turf.id.in_(turf_ids)
    elif county_id is not None:
        where = Turf.county_id == county_id
    session.execute(delete(RollupTurf).where(RollupTurf.turf_id.in_(select(Turf.id).where(where))))
    reached = case((RollupHousehold.n > 0, Voter.household_id))
    session.execute(insert(RollupTurf).from_select(
        ["turf_id", "county_id", "doors", "reached"],
        select(Turf.id, Turf.county_id, func.count(distinct(Voter.household_id)), func.count(distinct(reached)))
        .outerjoin(TurfLine, TurfLine.turf_id == Turf.id).outerjoin(Voter, Voter.id == TurfLine.voter_id)
        .outerjoin(RollupHousehold, RollupHousehold.household_id == Voter.household_id)
        .where(where).group_by(Turf.id, Turf.county_id)))
    if turf_ids is not None:
        _turf_results(session, where, counted())


def _turf_results(session: Session, turfs: ColumnElement[bool], results: ColumnElement[bool]) -> None:
    """The turf page's rollups of the turfs `turfs`, from their voters' rows that are `results` (each voter once a
    turf)."""
    for model in TURF_RESULTS:
        session.execute(delete(model).where(model.turf_id.in_(select(Turf.id).where(turfs))))
    lines = (select(TurfLine.turf_id, TurfLine.voter_id, Turf.county_id).join(Turf, Turf.id == TurfLine.turf_id)
             .where(turfs).distinct().subquery())
    turf = lines.c.turf_id

    def rows(*columns: Any) -> Any:
        return (select(turf, *columns, func.count()).select_from(lines)
                .join(CA, and_(CA.county_id == lines.c.county_id, CA.voter_id == lines.c.voter_id))
                .where(results).group_by(turf, *columns))

    support = func.coalesce(CA.support, literal_column("0", Integer))
    session.execute(insert(RollupTurfContact).from_select(["turf_id", "day", "result", "support", "n"],
                                                          rows(day_of(CA.created_at), CA.result, support)))
    session.execute(insert(RollupTurfHousehold).from_select(
        ["turf_id", "household_id", "n"], rows(CA.household_id).where(CA.household_id.is_not(None))))
    session.execute(insert(RollupTurfReceived).from_select(
        ["turf_id", "day", "member_id", "n"],
        rows(utc_day(session, CA.received_at), CA.member_id).where(CA.member_id.is_not(None))))


def utc_day(session: Session, column: Any) -> ColumnElement[str]:
    """SQL for received_day(): the UTC day of a stored moment (SQLite keeps them as UTC text)."""
    if session.get_bind().dialect.name == "postgresql":
        return func.to_char(func.timezone("UTC", column), "YYYY-MM-DD")
    return func.substr(column, literal_column("1"), literal_column("10"))


def rebuild(session: Session) -> None:
    """Every rollup from scratch, from every contact row (the tests' reference; the benchmark after its COPY): with
    nothing queued (rollup_queue.drain_all first), or the queued rows would count twice."""
    rebuild_base(session)
    rebuild_days(session)
    rebuild_turf_results(session)


def rebuild_turf_results(session: Session) -> None:
    """Migration 0012's tables from scratch (its backfill): every turf's results and every voter's latest."""
    session.execute(delete(RollupVoterLatest))
    session.execute(insert(RollupVoterLatest).from_select(LATEST, _latest(true(), effective())))
    _turf_results(session, true(), effective())


def rebuild_base(session: Session) -> None:
    """Migration 0010's tables from scratch (its backfill), but for the members' days and the members' span sums
    (rebuild_days: migration 0017's)."""
    for model in BASE:
        session.execute(delete(model))
    eff, zero = effective(), literal_column("0", Integer)
    spoke = func.count(case((CA.result.in_(CONTACT_CODES), 1)))
    day = day_of(CA.created_at)
    support = func.coalesce(CA.support, zero)

    def fill(model: type[DeclarativeBase], names: list[str], query: Any) -> None:
        session.execute(insert(model).from_select(names, query))

    fill(RollupContact, ["county_id", "day", "result", "support", "n"],
         select(CA.county_id, day, CA.result, support, func.count()).where(eff)
         .group_by(CA.county_id, day, CA.result, support))
    fill(RollupCounty, ["county_id", "n", "contacts", "doors"],
         select(CA.county_id, func.count(), spoke, func.count(distinct(CA.household_id))).where(eff)
         .group_by(CA.county_id))
    fill(RollupHousehold, ["household_id", "county_id", "n"],
         select(CA.household_id, func.max(CA.county_id), func.count()).where(eff, CA.household_id.is_not(None))
         .group_by(CA.household_id))
    member = and_(eff, CA.member_id.is_not(None))
    fill(RollupMember, ["member_id", "county_id", "n", "contacts", "doors", "span_ms"],
         select(CA.member_id, CA.county_id, func.count(), spoke, func.count(distinct(CA.household_id)), zero)
         .where(member).group_by(CA.member_id, CA.county_id))
    fill(RollupMemberHousehold, ["member_id", "household_id", "n"],
         select(CA.member_id, CA.household_id, func.count()).where(member, CA.household_id.is_not(None))
         .group_by(CA.member_id, CA.household_id))
    notes: Counter[tuple[int, int, str]] = Counter()
    texts: dict[str, str] = {}
    trimmed = func.trim(CA.note)
    for mid, cid, text, n in session.execute(select(CA.member_id, CA.county_id, trimmed, func.count())
                                             .where(member, CA.note.is_not(None), trimmed != "")
                                             .group_by(CA.member_id, CA.county_id, trimmed)):
        key = hashlib.sha256(text.encode()).hexdigest()
        notes[(mid, cid, key)] += n
        texts[key] = text[:40]
    _chunked(session, RollupMemberNote, ({"member_id": m, "county_id": c, "note_key": k, "note": texts[k], "n": n}
                                         for (m, c, k), n in notes.items()))
    received = utc_day(session, CA.received_at)
    fill(RollupMemberReceived, ["day", "member_id", "county_id", "n"],
         select(received, CA.member_id, CA.county_id, func.count()).where(member)
         .group_by(received, CA.member_id, CA.county_id))
    refresh_turfs(session)


def rebuild_days(session: Session) -> None:
    """Migration 0017's tables from scratch (its backfill): the members' days, their households and the members'
    span sums, from the counted rows (rows still queued are their drain's to count, as everywhere here). A day is
    made as refresh_days recounts one (_tally_day, _day_row), in one ordered pass (one day's households in
    memory)."""
    for model in DAYS:
        session.execute(delete(model))
    member = and_(counted(), CA.member_id.is_not(None))
    day = day_of(CA.created_at)
    session.execute(insert(RollupMemberDayHousehold).from_select(
        ["member_id", "county_id", "day", "household_id", "n"],
        select(CA.member_id, CA.county_id, day, CA.household_id, func.count())
        .where(member, CA.household_id.is_not(None)).group_by(CA.member_id, CA.county_id, day, CA.household_id)))
    stmt = (select(CA.member_id, CA.county_id, day, CA.household_id, CA.created_at).where(member)
            .order_by(CA.member_id, CA.county_id, day).execution_options(yield_per=10_000))
    rows: list[dict[str, Any]] = []
    key: tuple[int, int, str] | None = None
    t: list[Any] = []
    for mid, cid, d, hid, created in session.execute(stmt):
        assert mid is not None  # by the query
        if (mid, cid, d) != key:
            if key is not None:
                rows.append(_tallied(key, t))
            key, t = (mid, cid, d), [0, set(), None, None]
        _tally_day(t, hid, created)
        if len(rows) >= 5000:
            _chunked(session, RollupMemberDay, rows)
            rows = []
    if key is not None:
        rows.append(_tallied(key, t))
    _chunked(session, RollupMemberDay, rows)
    md = RollupMemberDay
    session.execute(update(RollupMember).values(span_ms=select(func.coalesce(func.sum(md.span_ms), 0)).where(
        md.member_id == RollupMember.member_id, md.county_id == RollupMember.county_id).scalar_subquery()))


def _chunked(session: Session, model: type[DeclarativeBase], rows: Iterable[dict[str, Any]]) -> None:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= 5000:
            session.execute(insert(model), chunk)
            chunk = []
    if chunk:
        session.execute(insert(model), chunk)
