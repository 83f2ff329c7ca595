"""The rollups (canvass_server.rollups) stay exact: after random batches of results, undos, amends, corrections of
corrections and a re-cut turf, and a drain of what the pushes queued (canvass_server.rollup_queue), every rollup
table equals a rebuild from scratch, and the console's (turf pages included) and `stats`' figures equal a count of
the effective rows made here in plain Python. The same after pushes on several threads with drains running beside
them; two drains at once count each row once; the console's pages and `stats` are exact without the background
drain."""

from __future__ import annotations

import asyncio
import json
import random
import threading
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from helpers.console import console_user, log_in
from helpers.server import Device, count, enrollment_code, migrate, seed_county
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from canvass_server import rollup_queue, rollups
from canvass_server.app import create_app
from canvass_server.cli import main
from canvass_server.config import Settings
from canvass_server.console import canvassers, figures
from canvass_server.db import Database
from canvass_server.keys import ServerKeyPair
from canvass_server.models import ContactAttempt, County, Turf, TurfLine, Voter, utcnow
from canvass_server.rollup_models import RollupMemberDay, RollupPending, RollupVoterLatest
from canvass_server.stats import county_stats

NOTES = [None, "", "  Great chat ", "Great chat", "dog", "call after 6"]
RESULTS = ["C", "NH", "NH", "R", "H", "DNC", "M", "CB"]


def snapshot(session: Session) -> dict[str, set[tuple[Any, ...]]]:
    """Every rollup table's rows, leaving out rows whose counts have all fallen back to 0 (a rebuild has none);
    tables without counts (a voter's latest result) whole."""
    out: dict[str, set[tuple[Any, ...]]] = {}
    for model in rollups.ALL:
        table = model.__table__
        counts = [c for c in ("n", "doors", "reached") if c in table.c]
        rows = session.execute(select(table)).mappings().all()
        out[table.name] = {tuple(round(v, 3) if isinstance(v, float) else v for v in r.values()) for r in rows
                           if model.__tablename__ == "rollup_turf" or not counts or any(r[c] for c in counts)}
    return out


def _random_batches(rng: random.Random, devices: list[tuple[Device, list[str]]], rounds: int) -> None:
    sent: list[str] = []
    for _ in range(rounds):
        for dev, voters in devices:
            items: list[tuple[str, dict[str, Any]]] = []
            for _ in range(rng.randrange(1, 9)):
                roll = rng.random()
                if roll < 0.15 and sent:  # an undo or amend of an older row (another device's too)
                    target = rng.choice(sent)
                    extra: dict[str, Any] = {"corrects_id": target}
                elif roll < 0.2 and items:  # undone before it was even synced: the same batch
                    extra = {"corrects_id": rng.choice(items)[1]["id"]}
                else:
                    extra = {}
                day, hour = rng.randrange(1, 4), rng.randrange(8, 20)
                zone = rng.choice(["+00:00", "-04:00", ""])
                created = rng.choice([f"2026-05-0{day}T{hour:02d}:{rng.randrange(60):02d}:00{zone}", "soon"])
                result = rng.choice(RESULTS)
                item = dev.contact(rng.choice(voters), result, support=rng.choice([None, 1, 3, 5]),
                                   note=rng.choice(NOTES), created_at=created, **extra)
                items.append(item)
                sent.append(item[1]["id"])
            dev.push_applied(*items)


def _by_hand(session: Session) -> dict[str, Any]:
    """The figures counted from the contact rows in Python: effective = corrects nothing, corrected by nothing."""
    rows = session.execute(select(ContactAttempt)).scalars().all()
    corrected = {r.corrects_id for r in rows if r.corrects_id}
    good = [r for r in rows if r.corrects_id is None and r.id not in corrected]
    names = dict(session.execute(select(County.id, County.name)).all())
    counties: dict[str, dict[str, Any]] = {}
    for r in good:
        c = counties.setdefault(names[r.county_id], {"results": Counter(), "doors": set()})
        c["results"][r.result] += 1
        if r.household_id is not None:
            c["doors"].add(r.household_id)
    members: dict[int, dict[str, Any]] = {}
    for r in good:
        m = members.setdefault(r.member_id, {"n": 0, "doors": set(), "notes": Counter(), "days": {}})
        m["n"] += 1
        when = rollups.moment(r.created_at)
        if when is not None:
            m["days"].setdefault(r.created_at[:10], []).append(when)
        if r.household_id is not None:
            m["doors"].add(r.household_id)
        if (r.note or "").strip(" "):
            m["notes"][r.note.strip(" ")] += 1
    reached = {r.household_id for r in good}
    turfs, pages = {}, {}
    midnight = utcnow().replace(hour=0, minute=0, second=0, microsecond=0)
    for turf in session.scalars(select(Turf).where(Turf.deleted.is_(False))):
        homes = set(session.scalars(select(Voter.household_id).join(TurfLine, TurfLine.voter_id == Voter.id)
                                    .where(TurfLine.turf_id == turf.id)))
        turfs[turf.id] = (len(homes), len(homes & reached))
        voters = set(session.scalars(select(TurfLine.voter_id).where(TurfLine.turf_id == turf.id)))
        mine = [r for r in good if r.voter_id in voters]
        pages[turf.id] = {"results": dict(sorted(Counter(r.result for r in mine).items())),
                          "support": dict(sorted(Counter(r.support for r in mine if r.support).items())),
                          "per_day": sorted(Counter(r.created_at[:10] for r in mine).items()),
                          "doors": len({r.household_id for r in mine if r.household_id is not None}),
                          "active": len({r.member_id for r in mine if r.member_id and r.received_at >= midnight})}
    latest = {}
    for r in sorted(good, key=lambda r: (r.received_at, r.id)):  # the last one received (then by id) wins
        latest[r.voter_id] = r.result
    return {"counties": counties, "members": members, "turfs": turfs, "pages": pages, "latest": latest}


def _check_exact(s: Session) -> dict[str, set[tuple[Any, ...]]]:
    """Every figure equals the count by hand, and every rollup table a rebuild (rolled back); returns the tables."""
    kept = snapshot(s)
    hand = _by_hand(s)
    stats = {r["county"]: r for r in county_stats(s)}
    for name, c in hand["counties"].items():
        assert stats[name]["results"] == dict(sorted(c["results"].items()))
        assert (stats[name]["contact_attempts"], stats[name]["doors"]) == (c["results"].total(), len(c["doors"]))
    nation = figures.figures(s, None)
    assert nation.attempts == sum(c["results"].total() for c in hand["counties"].values())
    assert nation.doors == sum(len(c["doors"]) for c in hand["counties"].values())
    assert {r["id"]: (r["doors"], r["reached"]) for r in figures.turf_rows(s, None)} == hand["turfs"]
    for turf_id, page in hand["pages"].items():  # the turf page
        f = figures.turf_figures(s, turf_id)
        assert (f.results, f.support, f.per_day, f.doors, f.active_today) == (
            page["results"], page["support"], page["per_day"], page["doors"], page["active"])
    assert dict(s.execute(select(RollupVoterLatest.voter_id, RollupVoterLatest.result)).all()) == hand["latest"]
    people = {r.member_id: r for r in canvassers.canvasser_rows(s, None)}
    assert {m: (r.attempts, r.doors) for m, r in people.items()} == {
        m: (h["n"], len(h["doors"])) for m, h in hand["members"].items()}
    for m, h in hand["members"].items():  # hours: first to last result of each day, added up
        hours = sum((max(w) - min(w)).total_seconds() for w in h["days"].values()) / 3600
        assert people[m].hours == pytest.approx(hours)
    for m, h in hand["members"].items():
        repeated = sorted(f"the same note {n} times: “{t[:40]}”" for t, n in h["notes"].items() if n >= 3)
        assert sorted(f for f in people[m].flags if f.startswith("the same note")) == repeated
    with s.begin_nested() as rebuilt:
        rollups.rebuild(s)
        assert snapshot(s) == kept
        rebuilt.rollback()
    return kept


def _cut(dev: Device, number: int, voters: list[str], day: int = 1) -> None:
    dev.push_applied(("turf_cut", {"county": dev.county, "list_number": f"{dev.list_prefix}{number:04d}",
                                   "name": "Main St", "lines": [[k + 1, sid] for k, sid in enumerate(voters)],
                                   "created_at": f"2026-05-0{day}T09:00:00+00:00"}))


def test_rollups_equal_a_rebuild_and_a_count_by_hand(make_device: Any, database: Database) -> None:
    rng = random.Random(18)
    wake = seed_county(database, "Wake", voters=40)
    durham = seed_county(database, "Durham", voters=12)
    lead, other = make_device(role="county_lead", label="A"), make_device(role="county_lead", label="B")
    far = make_device("Durham", role="county_lead")
    _cut(lead, 1, wake[:16])
    _cut(lead, 2, wake[10:30])
    devices = [(lead, wake), (other, wake), (far, durham)]
    _random_batches(rng, devices, rounds=6)
    _cut(lead, 2, wake[20:40], day=2)  # a re-cut turf (its doors change), then more results
    _random_batches(rng, devices, rounds=6)

    rollup_queue.drain_all(database)  # as every reader does (the background drain may have counted some already)
    with database.session() as s:
        kept = _check_exact(s)
        assert sum(len(rows) for rows in kept.values()) > 100
        assert sum(len(figures.turf_figures(s, t).results) for t in s.scalars(select(Turf.id))) > 5
    migrate(database, "0011")  # migrations 0012's and 0017's backfills make their tables as the drains kept them
    migrate(database, "head")
    with database.session() as s:
        assert snapshot(s) == kept


def test_concurrent_pushes_and_drains_stay_exact(make_device: Any, database: Database) -> None:
    """Four devices push at once on threads (results, undos and amends of each other's rows, corrections of
    corrections, a turf re-cut in the middle) while a thread drains again and again beside the background drain;
    after a last drain the rollups equal a rebuild and the count by hand."""
    wake = seed_county(database, "Wake", voters=40)
    durham = seed_county(database, "Durham", voters=12)
    lead = make_device(role="county_lead", label="A")
    devices = [(lead, wake), (make_device(role="county_lead", label="B"), wake),
               (make_device(role="county_lead", label="C"), wake), (make_device("Durham", role="county_lead"), durham)]
    _cut(lead, 1, wake[:16])
    _cut(lead, 2, wake[10:30])
    stored: list[str] = []  # acknowledged contact ids, any device's
    guard = threading.Lock()
    done = threading.Event()
    failures: list[BaseException] = []

    def pushes(k: int, dev: Device, voters: list[str]) -> None:
        rng = random.Random(k)
        try:
            for n in range(8):
                items: list[tuple[str, dict[str, Any]]] = []
                if k == 0 and n == 4:  # a re-cut with results in the same batch: ingest's careful path
                    items.append(("turf_cut", {"county": dev.county, "list_number": f"{dev.list_prefix}0002",
                                               "name": "Main St", "created_at": "2026-05-02T09:00:00+00:00",
                                               "lines": [[i + 1, sid] for i, sid in enumerate(wake[20:40])]}))
                for _ in range(rng.randrange(2, 9)):
                    roll = rng.random()
                    extra: dict[str, Any] = {}
                    with guard:
                        if roll < 0.2 and stored:
                            extra = {"corrects_id": rng.choice(stored)}
                    mine = [i for i in items if i[0] == "contact_attempt"]
                    if 0.2 <= roll < 0.3 and mine:
                        extra = {"corrects_id": rng.choice(mine)[1]["id"]}
                    items.append(dev.contact(rng.choice(voters), rng.choice(RESULTS),
                                             support=rng.choice([None, 1, 5]), note=rng.choice(NOTES),
                                             created_at=f"2026-05-0{rng.randrange(1, 3)}T1{rng.randrange(10)}:00:00Z",
                                             **extra))
                dev.push_applied(*items)
                with guard:
                    stored.extend(i[1]["id"] for i in items if i[0] == "contact_attempt")
        except BaseException as exc:  # noqa: BLE001 - reported by the test thread
            failures.append(exc)

    def drains() -> None:
        try:
            while not done.is_set():
                rollup_queue.drain_all(database)
        except BaseException as exc:  # noqa: BLE001
            failures.append(exc)

    threads = [threading.Thread(target=pushes, args=(k, dev, voters)) for k, (dev, voters) in enumerate(devices)]
    drainer = threading.Thread(target=drains)
    for t in [*threads, drainer]:
        t.start()
    for t in threads:
        t.join()
    done.set()
    drainer.join()
    assert not failures, failures
    rollup_queue.drain_all(database)
    assert count(database, "rollup_pending") == 0
    with database.session() as s:
        assert s.scalar(select(func.count()).select_from(ContactAttempt)) == len(stored)
        assert sum(len(rows) for rows in _check_exact(s).values()) > 100


@pytest.fixture
def still(settings: Settings, server_key: ServerKeyPair) -> Iterator[TestClient]:
    """The server without its background drain in the test's time: what is queued stays queued until read."""
    app = create_app(settings.model_copy(update={"rollup_drain_seconds": 3600}), server_key)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c
    app.state.db.dispose()


def _queued(database: Database) -> int:
    return count(database, "rollup_pending")


def test_pages_and_stats_are_exact_without_the_background_drain(still: TestClient, database: Database,
                                                                  db_url: str,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    wake = seed_county(database, "Wake", voters=20)
    dev = Device(still, enrollment_code(database, role="county_lead"))
    _cut(dev, 1, wake[:10])
    dev.push_applied(*[dev.contact(sid, "NH" if i % 3 else "C") for i, sid in enumerate(wake[:12])])
    undo = dev.contact(wake[0], "C", corrects_id=_first_contact(database))
    dev.push_applied(undo, dev.contact(wake[1], "R"))
    if database.is_postgres:  # SQLite counts them in the push's own transaction
        assert _queued(database) == 14
    admin = console_user(database, role="admin", name="Ada Admin")
    assert log_in(still, admin).status_code == 303
    page = still.get("/console/county/1").text  # 12 + 2 rows, one undone and one undo: 12 results
    assert '<span class="n" id="attempts">12</span>' in page
    assert _queued(database) == 0
    dev.push_applied(*[dev.contact(sid, "C") for sid in wake[12:15]])  # 3 doors more
    assert '<span class="n" id="attempts">15</span>' in still.get("/console/").text
    dev.push_applied(dev.contact(wake[2], "C"))
    with database.session() as s:
        turf_id = s.scalar(select(Turf.id))
    turf_page = still.get(f"/console/county/1/turf/{turf_id}").text  # wake[0:10]: 9 + wake[1]'s R + wake[2]'s C
    assert '<span class="n" id="attempts">11</span>' in turf_page
    dev.push_applied(dev.contact(wake[3], "R"))
    assert 'county lead</td><td class="num">17</td>' in still.get("/console/canvassers").text
    dev.push_applied(dev.contact(wake[4], "NH"))
    assert main(["stats", "--json", "--database", db_url]) == 0
    assert json.loads(capsys.readouterr().out)[0]["contact_attempts"] == 18
    with database.session() as s:
        _check_exact(s)


def _first_contact(database: Database) -> str:
    with database.session() as s:
        first: str = s.scalars(select(ContactAttempt.id).order_by(ContactAttempt.received_at, ContactAttempt.id)
                               .join(Voter, Voter.id == ContactAttempt.voter_id)
                               .where(Voter.state_voter_id == "WA000000")).one()
    return first


def test_two_drains_at_once_count_each_row_once(still: TestClient, database: Database) -> None:
    """A drain that took rows off the queue and has not committed: a second drain waits for it (or, from the
    background, gives up), then counts only the rest — including a correction, pushed after the first drain took
    its rows, of a row that drain is counting, and a re-cut turf whose new lines take those rows in."""
    if not database.is_postgres:
        pytest.skip("on SQLite one transaction writes at a time: drains cannot overlap")
    wake = seed_county(database, "Wake", voters=20)
    first, second = (Device(still, enrollment_code(database, role="county_lead"), label=x) for x in "AB")
    _cut(first, 1, wake[:4])
    a = [first.contact(sid, "C", created_at="2026-05-01T10:00:00Z") for sid in wake[:6]]
    first.push_applied(*a)
    with database.session() as s:
        upto = s.scalar(select(func.max(RollupPending.seq)))
    _cut(first, 1, wake[:8])  # before a's rows are counted: they count with the new lines
    b = [second.contact(wake[0], "C", corrects_id=a[0][1]["id"]), second.contact(wake[9], "R"),
         second.contact(wake[1], "NH", corrects_id=a[1][1]["id"])]
    second.push_applied(*b, second.contact(wake[10], "C", corrects_id=b[1][1]["id"]))
    assert _queued(database) == 10
    other: list[int] = []
    with database.session() as s:
        rollups.hold(s)
        assert rollup_queue.drain(s, upto=upto) == 6  # a's rows, against the rows counted before: none of b's
        assert rollup_queue.drain_all(database, wait=False) == 0  # the background task leaves it the work
        waiting = threading.Thread(target=lambda: other.append(rollup_queue.drain_all(database)))
        waiting.start()
        waiting.join(0.5)
        assert waiting.is_alive()  # waits for the first drain to commit
    waiting.join()
    assert other == [4]
    assert _queued(database) == 0
    with database.session() as s:
        _check_exact(s)


def test_an_idle_drain_is_one_statement_outside_a_transaction(database: Database) -> None:
    """Nothing queued: the drain sends its look at the queue, in autocommit on PostgreSQL (no BEGIN, no COMMIT, no
    lock), and nothing else."""
    sent: list[tuple[str, bool]] = []

    def _sent(conn: Any, cursor: Any, statement: str, *rest: Any) -> None:
        sent.append((statement.split()[0], bool(getattr(conn.connection.dbapi_connection, "autocommit", False))))

    event.listen(database.engine, "before_cursor_execute", _sent)
    try:
        assert rollup_queue.drain_all(database, wait=False) == 0
    finally:
        event.remove(database.engine, "before_cursor_execute", _sent)
    # SQLite: in its transaction, whose BEGIN IMMEDIATE takes the write lock (one connection at a time there)
    assert sent == [("SELECT", True)] if database.is_postgres else [("BEGIN", False), ("SELECT", False)]


def test_the_background_drain_backs_off_while_little_is_queued(database: Database) -> None:
    """Its pause doubles while drains find fewer than DRAIN_BATCH rows, up to BACKOFF times the setting, and is the
    setting again once a drain finds that many; so an idle server drains a few times where it drained dozens."""
    every = 0.01
    waits = [every]
    for counted in (0, 3, 0, 0, 0, rollup_queue.DRAIN_BATCH, 0):
        waits.append(rollup_queue.next_wait(waits[-1], counted, every))
    assert waits == pytest.approx([every, 2 * every, 4 * every, 8 * every, 8 * every, 8 * every, every, 2 * every])

    looks: list[str] = []

    def _look(conn: Any, cursor: Any, statement: str, *rest: Any) -> None:
        if statement.startswith("SELECT"):  # SQLite: and its BEGIN
            looks.append(statement)

    event.listen(database.engine, "before_cursor_execute", _look)
    stop = asyncio.Event()

    async def _run() -> None:
        task = asyncio.create_task(rollup_queue.keep_draining(database, every, stop))
        await asyncio.sleep(0.6)
        stop.set()
        await task

    asyncio.run(_run())
    assert 3 <= len(looks) <= 15  # 0.01 + 0.02 + 0.04 + 0.08 * 6.x; without the back-off some 50


def test_a_drain_of_a_row_and_its_own_correction_counts_nothing(still: TestClient, database: Database) -> None:
    """A result undone before it was synced: the drain takes both rows and neither counts (no row left to look
    up turf lines for: a query with no values at all, which PostgreSQL once refused)."""
    wake = seed_county(database, "Wake", voters=4)
    dev = Device(still, enrollment_code(database, role="county_lead"), label="A")
    _cut(dev, 1, wake)
    first = dev.contact(wake[0], "C")
    dev.push_applied(first, dev.contact(wake[0], "C", corrects_id=first[1]["id"]))
    queued = 2 if database.is_postgres else 0  # SQLite counts them in the push's own transaction
    assert _queued(database) == queued
    assert rollup_queue.drain_all(database) == queued
    with database.session() as s:
        _check_exact(s)
        assert not figures.turf_figures(s, s.scalars(select(Turf.id)).one()).results


def _day(database: Database, day: str) -> tuple[int, int, int | None, bool]:
    """The one member's row of `day`: results, doors, span (ms), fast."""
    with database.session() as s:
        row = s.execute(select(RollupMemberDay.n, RollupMemberDay.doors, RollupMemberDay.span_ms,
                               RollupMemberDay.fast).where(RollupMemberDay.day == day)).one()
    return row.n, row.doors, row.span_ms, row.fast


def test_a_members_day_grows_over_drains_as_a_recount_makes_it(still: TestClient, database: Database) -> None:
    """A member's day gaining rows drain after drain (updated from the new rows alone) equals a rebuild after every
    drain: rows without a household, an unreadable created_at, several time zones on one day, the fast flag set
    and cleared, and corrections that take away the day's last and then its first result (a recount)."""
    wake = seed_county(database, "Wake", voters=30)
    with database.session() as s:  # a voter of no household: results, but no door
        county = s.scalars(select(County.id).where(County.name == "Wake")).one()
        s.add(Voter(county_id=county, state_voter_id="WA-NOHOME", first_name="Ann", last_name="Nohome", version=1))
    dev = Device(still, enrollment_code(database, role="county_lead"))
    day, other = "2026-05-03", "2026-05-04"

    def drain(*items: tuple[str, dict[str, Any]]) -> None:
        dev.push_applied(*items)
        rollup_queue.drain_all(database)
        with database.session() as s:
            _check_exact(s)

    def at(voter: str, created: str, result: str = "C") -> tuple[str, dict[str, Any]]:
        return dev.contact(voter, result, created_at=created)

    # six households (two voters of the first), 10:00-10:05 UTC, an unreadable time, no household
    drain(*[at(wake[2 * k], f"{day}T10:0{k}:00Z") for k in range(6)], at(wake[1], f"{day}T25:00:00"),
          at("WA-NOHOME", f"{day}T10:02:30+00:00"))
    assert _day(database, day) == (8, 6, 5 * 60_000, False)
    drain(at(wake[0], f"{other}T25:00:00"))  # a day with no readable time: no span
    assert _day(database, other) == (1, 1, None, False)
    # five households more, one dated in New York's time (10:07 UTC): 11 doors in 9 minutes is fast
    drain(*[at(wake[12 + 2 * k], f"{day}T10:0{6 + k}:00+00:00") for k in range(4)],
          at(wake[20], f"{day}T06:09:00-04:00"), at(wake[13], f"{day}T10:07:30Z"))
    assert _day(database, day) == (14, 11, 9 * 60_000, True)
    # an earlier first in Paris' time (07:00 UTC) and a later last with no zone (15:00 UTC): slower than a door a minute
    first, last = at(wake[22], f"{day}T09:00:00+02:00"), at(wake[24], f"{day}T15:00:00")
    drain(first, at(wake[0], f"{other}T08:00:00Z"))
    assert _day(database, day) == (15, 12, 189 * 60_000, False)
    drain(last, at(wake[0], f"{other}T09:30:00Z"))
    assert _day(database, day) == (16, 13, 8 * 3_600_000, False)
    assert _day(database, other) == (3, 1, 90 * 60_000, False)
    # the last undone: 07:00-10:09 again; then the first undone with a new result at 10:08 in the same drain (a
    # day that gains and loses at once): 12 doors in 9 minutes, fast again
    drain(dev.contact(wake[24], "C", corrects_id=last[1]["id"], created_at=f"{day}T15:01:00Z"))
    assert _day(database, day) == (15, 12, 189 * 60_000, False)
    drain(dev.contact(wake[22], "C", corrects_id=first[1]["id"], created_at=f"{day}T10:08:30Z"),
          at(wake[26], f"{day}T10:08:00Z"))
    assert _day(database, day) == (15, 12, 9 * 60_000, True)
    if database.is_postgres:  # (SQLite counts a push's rows in its transaction: nothing is ever queued there)
        migrate(database, "0016")  # rows queued while migration 0017 fills its tables are left to their drain
        dev.push_applied(at(wake[28], f"{day}T10:09:30Z"), at(wake[0], f"{other}T07:00:00Z"))
        migrate(database, "head")
        assert _queued(database) == 2
        rollup_queue.drain_all(database)
        with database.session() as s:
            _check_exact(s)
        assert (_day(database, day), _day(database, other)) == ((16, 13, 570_000, True), (4, 1, 150 * 60_000, False))
