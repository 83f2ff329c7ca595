"""A rollups drain against the size of the members' days it adds to (issue 20, seventh pass).

    .venv/bin/python benchmarks/drain_day_bench.py [--members 50] [--day 1000] [--new 500] [--repeat 10]

A throwaway PostgreSQL cluster (fsync on), one county. `--members` members each get a day of `--day` counted
results (written, then the rollups rebuilt, as a server that has been counting all day), then drains of `--new`
new results spread evenly over those members' full days are timed (`rollup_queue.drain` in its own transaction,
under the rollups' lock, commit included): this process's CPU, the PostgreSQL backend's CPU (from /proc) and the
wall time. Anchor, same run, interleaved drain by drain: the same drain of `--new` rows onto days with no rows yet
(a new day each time). The ratio full / anchor is what a drain costs for the size of the day: 1 when its cost
depends only on the rows it counts. Runs against whichever tree is first on PYTHONPATH (before / after).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest_profile import proc_cpu  # noqa: E402
from server_pgcluster import pg_cluster  # noqa: E402
from sqlalchemy import insert, text  # noqa: E402

from canvass_server import db as dbmod  # noqa: E402
from canvass_server import rollup_queue, rollups  # noqa: E402
from canvass_server.models import ContactAttempt  # noqa: E402
from canvass_server.rollup_models import RollupPending  # noqa: E402

HOMES = 20_000
RESULTS = ["C", "NH", "NH", "R", "CB", "M"]


def build(database: dbmod.Database, members: int) -> None:
    with database.engine.begin() as conn:
        conn.execute(text("INSERT INTO county (id, name, state) VALUES (1, 'Bench', 'NC')"))
        conn.execute(text(f"""
            INSERT INTO household (id, county_id, key, street_name, street_key, side, version)
            SELECT g, 1, 'h' || g, 'MAIN', 'MAIN ST', 'E', 1 FROM generate_series(1, {HOMES}) g"""))
        conn.execute(text(f"""
            INSERT INTO voter (id, county_id, state_voter_id, first_name, last_name, household_id, res_address,
                               res_city, res_zip, registration_status, active, do_not_contact, deceased, moved,
                               version)
            SELECT g, 1, 'V' || g, 'Ann', 'Doe', (g - 1) / 2 + 1, 'MAIN ST', 'Raleigh', '27601', 'active', true,
                   false, false, false, 1
            FROM generate_series(1, {2 * HOMES}) g"""))
        conn.execute(text(f"""
            INSERT INTO member (id, county_id, name, role, status, created_at, version)
            SELECT g, 1, 'Canvasser ' || g, 'canvasser', 'active', now(), 1 FROM generate_series(1, {members}) g"""))


class Rows:
    """Contact rows of a member's day: k-th of the day at 08:00 + 30 s * k, its own household in turn."""

    def __init__(self) -> None:
        self.k = 0

    def make(self, members: int, per_member: int, day: str) -> list[dict[str, Any]]:
        out = []
        now = dt.datetime.now(dt.UTC)
        for m in range(1, members + 1):
            for _ in range(per_member):
                self.k += 1
                voter = (m * 997 + self.k * 2) % (2 * HOMES) + 1
                when = dt.datetime.fromisoformat(f"{day}T08:00:00+00:00") + dt.timedelta(seconds=30 * (self.k % 1200))
                out.append({"id": str(uuid.uuid4()), "county_id": 1, "voter_id": voter,
                            "household_id": (voter - 1) // 2 + 1, "result": RESULTS[self.k % len(RESULTS)],
                            "support": None, "note": None, "member_id": m, "canvasser": f"Canvasser {m}",
                            "list_number": None, "corrects_id": None, "source": "walk",
                            "created_at": when.isoformat(), "device_id": f"dev-{m}", "op_id": str(uuid.uuid4()),
                            "received_at": now, "version": 1})
        return out


def timed_drain(database: dbmod.Database, rows: list[dict[str, Any]]) -> tuple[float, float, float]:
    """Write and queue `rows` (as pushes do), then one drain of them: (Python CPU, backend CPU, wall) seconds."""
    with database.session() as s:
        s.execute(insert(ContactAttempt), rows)
        s.execute(insert(RollupPending), [{"contact_id": r["id"]} for r in rows])
    with database.session() as s:
        backend = s.execute(text("SELECT pg_backend_pid()")).scalar_one()
        t0, c0, p0 = time.perf_counter(), time.process_time(), proc_cpu(backend)
        rollups.hold(s)
        assert rollup_queue.drain(s, limit=None) == len(rows)
        s.commit()
        return time.process_time() - c0, proc_cpu(backend) - p0, time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=50)
    parser.add_argument("--day", type=int, default=1000, help="results in each member's full day")
    parser.add_argument("--new", type=int, default=500, help="results a drain counts")
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    with pg_cluster() as url:
        database = dbmod.Database.connect(url)
        dbmod.upgrade(database.engine)
        build(database, args.members)
        rows, full = Rows(), "2026-05-01"
        t0 = time.perf_counter()
        with database.session() as s:
            for start in range(0, args.day, 100):
                s.execute(insert(ContactAttempt), rows.make(args.members, min(100, args.day - start), full))
            rollups.rebuild(s)
        with database.engine.begin() as conn:
            conn.execute(text("ANALYZE"))
        print(f"{args.members} members with a day of {args.day:,} results: {time.perf_counter() - t0:.1f} s",
              flush=True)
        per = max(1, args.new // args.members)
        timed_drain(database, rows.make(args.members, per, "2026-04-01"))  # warm-up (statements, caches)
        got: dict[str, list[tuple[float, float, float]]] = {"full": [], "empty": []}
        for i in range(args.repeat):
            got["empty"].append(timed_drain(database, rows.make(args.members, per, f"2026-06-{i + 1:02d}")))
            got["full"].append(timed_drain(database, rows.make(args.members, per, full)))
        med = {k: [statistics.mean(x[j] for x in v) * 1000 for j in range(3)] for k, v in got.items()}
        print(f"drains of {per * args.members} results, mean of {args.repeat} (ms; /proc counts CPU in 10 ms ticks): "
              "Python CPU / backend CPU / wall")
        for k in ("empty", "full"):
            print(f"  onto {'empty days' if k == 'empty' else f'days of {args.day:,}':>14}: "
                  f"{med[k][0]:7.1f} / {med[k][1]:7.1f} / {med[k][2]:7.1f}")
        print(f"  ratio full / empty: Python {med['full'][0] / med['empty'][0]:.2f}x, "
              f"PostgreSQL {med['full'][1] / med['empty'][1]:.2f}x, wall {med['full'][2] / med['empty'][2]:.2f}x")
        database.dispose()


if __name__ == "__main__":
    main()
