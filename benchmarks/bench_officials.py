"""Officials import speed: one large legislature's session (about 200 people, 2,000 roll calls, 300,000 votes)
through `officials.import_dir` into PostgreSQL, against a plain COPY of the same vote rows in the same run; then every
scorecard of the state recomputed with a link on every bill.

    .venv/bin/python benchmarks/bench_officials.py [--people 200] [--bills 600] [--database URL] [--statements N]

Targets (issue 17): the import within 3x of the plain COPY; every scorecard in under 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from helpers.openstates_files import generate  # noqa: E402
from server_pgcluster import pg_cluster  # noqa: E402
from sqlalchemy import event, select, text  # noqa: E402

from canvass_server import db as dbmod  # noqa: E402
from canvass_server import officials, scorecards, versions  # noqa: E402
from canvass_server.bulk import write_rows  # noqa: E402
from canvass_server.models import PolicyBrief  # noqa: E402
from canvass_server.officials_models import Bill, OfficialVote  # noqa: E402


def _timed_statements(database: dbmod.Database) -> defaultdict[str, float]:
    """Seconds spent in each SQL statement the engine runs from now on (COPY goes past it: it is in the rest)."""
    spent: defaultdict[str, float] = defaultdict(float)

    def before(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        conn.info["started"] = time.perf_counter()

    def after(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        spent[" ".join(statement.split())[:100]] += time.perf_counter() - conn.info["started"]

    event.listen(database.engine, "before_cursor_execute", before)
    event.listen(database.engine, "after_cursor_execute", after)
    return spent


def _cpu(session: Any) -> float:
    """CPU seconds (user + system) of this process and of the session's PostgreSQL backend (0 for the backend when
    the server is on another host): the ratio of these moves less with the machine's load than wall time."""
    pid = session.execute(text("SELECT pg_backend_pid()")).scalar_one()
    stat = Path(f"/proc/{pid}/stat")
    fields = stat.read_text().rsplit(")", 1)[1].split() if stat.exists() else ["0"] * 13
    return time.process_time() + (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(url: str, people: int, bills: int, statements: int = 0, rounds: int = 3) -> int:
    database = dbmod.Database.connect(url)
    dbmod.upgrade(database.engine)
    spent = _timed_statements(database) if statements else defaultdict(float)
    ratios = []
    with tempfile.TemporaryDirectory() as tmp:
        gen = generate(Path(tmp), people=people, bills=bills, max_events_per_bill=5, seed=17)
        print(f"{len(gen.people)} people, {len(gen.bills)} bills, {len(gen.events)} roll calls, "
              f"{len(gen.votes)} votes; {rounds} rounds, each a first import into emptied tables, then its anchor")
        for _ in range(rounds):
            with database.session() as s:
                s.execute(text("TRUNCATE official_vote, vote_event, bill, official RESTART IDENTITY CASCADE"))
            spent.clear()
            start = time.perf_counter()
            with database.session() as s:
                cpu = -_cpu(s)
                res = officials.import_dir(s, Path(tmp))
                cpu += _cpu(s)
            imported = time.perf_counter() - start
            assert res.votes == len(gen.votes) and not res.problems, res.problems[:3]
            with database.session() as s:  # the same rows, as they sit in official_vote, copied plainly
                rows = [dict(r._mapping) for r in s.execute(
                    select(OfficialVote.vote_event_id, OfficialVote.official_id, OfficialVote.option))]
            with database.session() as s:  # into the same table, emptied: the same index to fill
                s.execute(text("TRUNCATE official_vote"))
                copy_cpu = -_cpu(s)
                start = time.perf_counter()
                write_rows(s, OfficialVote.__table__, rows)  # type: ignore[arg-type]
                copied = time.perf_counter() - start
                copy_cpu += _cpu(s)
            ratios.append(imported / copied)
            print(f"import {imported:.2f} s (parse, upsert, COPY), plain COPY {copied:.2f} s: {ratios[-1]:.1f}x; "
                  f"CPU of this process and its PostgreSQL backend {cpu:.2f} s against {copy_cpu:.2f} s: "
                  f"{cpu / copy_cpu:.1f}x")
    if statements:  # the last round's
        for statement, took in sorted(spent.items(), key=lambda item: -item[1])[:statements]:
            print(f"  {took * 1000:7.1f} ms  {statement}")
        print(f"  {(imported - sum(spent.values())) * 1000:7.1f} ms  the rest (the COPY, reading the small files)")
    ratio = statistics.median(ratios)
    print(f"median of {rounds}: {ratio:.1f}x (target within 3x) {'OK' if ratio <= 3 else 'SLOW'}")
    with database.session() as s:
        s.add(PolicyBrief(slug="bench", title="Bench", category="economy", status="adopted", protects=["x"],
                          version=versions.bump(s, "briefs")))
    with database.session() as s:
        for n, (ident, session) in enumerate(s.execute(select(Bill.identifier, Bill.session)).all()):
            scorecards.link(s, brief_slug="bench", bill=ident, bill_session=session, aligned="yes" if n % 2 else "no")
    start = time.perf_counter()
    with database.session() as s:
        cards = scorecards.scorecards(s)
    took = time.perf_counter() - start
    print(f"{len(cards)} scorecards over every roll call in {took:.2f} s (target under 1 s) "
          f"{'OK' if took < 1 else 'SLOW'}")
    database.dispose()
    return 0 if ratio <= 3 and took < 1 else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--bills", type=int, default=600,
                        help="about 3 roll calls each (default 600: ~1,800 roll calls, ~330,000 votes)")
    parser.add_argument("--rounds", type=int, default=3, help="imports timed, each against its own anchor")
    parser.add_argument("--database", metavar="URL", help="a PostgreSQL URL (default: a throwaway cluster)")
    parser.add_argument("--statements", type=int, default=0, metavar="N",
                        help="also print the import's N slowest SQL statements and the time outside them")
    args = parser.parse_args()
    if args.database:
        return run(args.database, args.people, args.bills, args.statements, args.rounds)
    with pg_cluster() as url:
        return run(url, args.people, args.bills, args.statements, args.rounds)


if __name__ == "__main__":
    sys.exit(main())
