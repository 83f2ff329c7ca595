"""A canvasser's first pull (households, voters, turfs) of 3 turfs from a 1M-voter county, on PostgreSQL.

Server time only: `canvass_server.changes.changes` called page after page as the route does (default page size).
The anchor, same database, same run: a county lead's first pages of `voters` and `households` holding as many rows
(the plain county scan, no turf filter).

    .venv/bin/python benchmarks/bench_canvasser_pull.py [--voters 1000000] [--turf-voters 1000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import cast

from sqlalchemy import Table, select, text

sys.path.insert(0, str(Path(__file__).parent))
from server_pgcluster import pg_cluster  # noqa: E402

from canvass_server import changes, versions  # noqa: E402
from canvass_server import db as dbmod  # noqa: E402
from canvass_server.authz import Caller  # noqa: E402
from canvass_server.bulk import write_rows  # noqa: E402
from canvass_server.devices import ensure_county  # noqa: E402
from canvass_server.models import County, Device, Household, Member, Turf, TurfAssignment, TurfLine, Voter  # noqa: E402

PAGE = 500  # the server's default page size


def seed(database: dbmod.Database, voters: int, turf_voters: int) -> tuple[int, int, int]:
    """The county (2 voters a household), turfs of `turf_voters` covering a third of it (lead-cut, held by other
    canvassers), and 3 of them held by our canvasser. Returns (county id, canvasser id, lead id)."""
    with database.session() as s:
        county = ensure_county(s, "Bench", "NC")
        hv, vv, tv = (versions.bump(s, f"{k}:{county.id}") for k in ("households", "voters", "turfs"))
        lead = Member(county_id=county.id, name="Lead", role="county_lead")
        me = Member(county_id=county.id, name="Me", role="canvasser")
        others = [Member(county_id=county.id, name=f"Other {n}", role="canvasser") for n in range(20)]
        s.add_all([lead, me, *others])
        s.flush()
        cid, mid, lid, other_ids = county.id, me.id, lead.id, [o.id for o in others]
    step = 100_000
    for start in range(0, voters // 2, step):  # households, then their two voters, in chunks of COPY
        n = min(step, voters // 2 - start)
        with database.session() as s:
            write_rows(s, cast(Table, Household.__table__), [
                {"id": start + h + 1, "county_id": cid, "key": f"{start + h}|MAIN|ST|27601", "side": "E",
                 "house_number": str(start + h), "house_number_int": start + h,
                 "street_name": f"ST{(start + h) // 400}", "street_key": f"ST{(start + h) // 400}", "version": hv}
                for h in range(n)])
            write_rows(s, cast(Table, Voter.__table__), [
                {"id": 2 * (start + h) + k + 1, "county_id": cid, "state_voter_id": f"BV{2 * (start + h) + k:08d}",
                 "first_name": "Ann", "last_name": f"Doe{h}", "household_id": start + h + 1, "registration_status":
                 "active", "active": True, "do_not_contact": False, "deceased": False, "moved": False, "version": vv}
                for h in range(n) for k in range(2)])
    turfs = voters // 3 // turf_voters
    with database.session() as s:
        for t in range(turfs):
            holder = mid if t in (7, turfs // 2, turfs - 3) else other_ids[t % len(other_ids)]
            turf = Turf(county_id=cid, list_number=f"T1-{t + 1:04d}", name=f"Turf {t}", member_id=holder,
                        created_by_device="bench", version=tv)
            s.add(turf)
            s.flush()
            s.add(TurfAssignment(turf_id=turf.id, member_id=holder))
            # Every third voter of a stretch of the county: a turf's voters are not one block of ids.
            first = t * turf_voters * 3
            write_rows(s, cast(Table, TurfLine.__table__), [
                {"turf_id": turf.id, "line": n + 1, "voter_id": first + 3 * n + 1} for n in range(turf_voters)])
        s.execute(text("SELECT setval(pg_get_serial_sequence('household', 'id'), (SELECT max(id) FROM household))"))
        s.execute(text("SELECT setval(pg_get_serial_sequence('voter', 'id'), (SELECT max(id) FROM voter))"))
    with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))
    return cid, mid, lid


def caller(database: dbmod.Database, county_id: int, member_id: int, role: str) -> Caller:
    with database.session() as s:
        county = s.get_one(County, county_id)
        member = s.get_one(Member, member_id)
        s.expunge_all()
    device = Device(id=f"bench-{role}", county_id=county_id, member_id=member_id, role=role, label=role,
                    public_key=b"\0" * 32, token_hash=f"bench-{role}", status="active")
    return Caller(device, member, county)


def pull(database: dbmod.Database, who: Caller, scopes: tuple[str, ...], limit: int | None = None
         ) -> tuple[float, dict[str, int]]:
    """Seconds and items per scope of a first pull (each page in its own session, as requests are)."""
    got: dict[str, int] = {}
    started = time.perf_counter()
    for scope in scopes:
        cursor: str | None = None
        got[scope] = 0
        while True:
            with database.session() as s:
                page = changes.changes(s, who, scope, cursor, PAGE)
            got[scope] += len(page.items)
            cursor = page.cursor
            if not page.has_more or (limit is not None and got[scope] >= limit):
                break
    return time.perf_counter() - started, got


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--voters", type=int, default=1_000_000)
    ap.add_argument("--turf-voters", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    with pg_cluster() as url:
        database = dbmod.Database.connect(url)
        dbmod.upgrade(database.engine)
        t0 = time.perf_counter()
        county_id, me, lead = seed(database, args.voters, args.turf_voters)
        print(f"seeded {args.voters:,} voters in {time.perf_counter() - t0:.0f} s")
        canvasser = caller(database, county_id, me, "canvasser")
        boss = caller(database, county_id, lead, "county_lead")
        with database.session() as s:
            stmt = select(Voter.id).where(changes.voters(s, canvasser, "own").where).order_by(
                Voter.version, Voter.id).limit(PAGE + 1)
            sql = stmt.compile(dialect=s.get_bind().dialect, compile_kwargs={"literal_binds": True})
            print("\n".join(row[0] for row in s.execute(text(f"EXPLAIN ANALYZE {sql}"))))
        ours, anchors = [], []
        for _ in range(args.rounds):
            seconds, got = pull(database, canvasser, ("households", "voters", "turfs"))
            ours.append(seconds)
            anchor, _ = pull(database, boss, ("households", "voters"), limit=got["voters"])
            anchors.append(anchor)
        print(f"canvasser first pull: {got}")
        print(f"canvasser pull (3 turfs): best {min(ours) * 1000:.0f} ms, worst {max(ours) * 1000:.0f} ms")
        print(f"anchor, lead's first {got['voters']:,} voters and households: best {min(anchors) * 1000:.0f} ms")
        print(f"ratio {min(ours) / min(anchors):.2f}x; target < 1 s: {'met' if max(ours) < 1 else 'NOT met'}")
        database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
