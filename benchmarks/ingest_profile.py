"""Where one batch's ingest time goes, in process: CPU (ours and PostgreSQL's backend) and statements per batch.

    .venv/bin/python benchmarks/ingest_profile.py [--batches 300] [--ops 20] [--devices 20] [--drain-every 10]
        [--profile cprofile|pyinstrument] [--sort tottime]

The same batches as benchmarks/load_open.py (canvassers with a turf of 60 voters each, 20 contact ops a batch,
HPKE-sealed and signed beforehand) handed to `canvass_server.ingest.ingest` one after another, each in its own
unit of work, on a throwaway PostgreSQL cluster (fsync on). No HTTP: this is the ingest transaction alone.
Reported: this process's CPU ms per batch, the PostgreSQL backend's CPU ms per batch (from /proc), statements sent
per batch (a SQLAlchemy event listener; COPY counted as one), the wall time per batch and how long the county's
version counter stays locked (from the recording statement that bumps it to the end of the commit: one county's
pushes queue for that long each). The console's rollups are counted by drains (canvass_server.rollup_queue), not
by the push: one after every `--drain-every` batches (as a server's background drain folds the pushes of a quarter
of a second), reported apart, per batch. Anchor, same run, interleaved batch by batch: the rows those batches stored,
written again with one COPY per batch into an empty copy of `contact_attempt` in a transaction of its own (the least
any ingest can do).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cryptography.hazmat.primitives.asymmetric import ed25519, x25519  # noqa: E402
from load_open import TURF_VOTERS, DeviceSpec, seal_batch  # noqa: E402
from server_ingest_bench import seed  # noqa: E402
from server_pgcluster import pg_cluster  # noqa: E402
from sqlalchemy import event, insert, text  # noqa: E402

from canvass_protocol import envelope, trust  # noqa: E402
from canvass_server import db as dbmod  # noqa: E402
from canvass_server.config import Settings  # noqa: E402
from canvass_server.enrollment import enroll, make_enrollment_code  # noqa: E402
from canvass_server.ingest import ingest  # noqa: E402
from canvass_server.keys import ServerKeyPair  # noqa: E402
from canvass_server.models import Turf, TurfAssignment, TurfLine  # noqa: E402
from canvass_server.rollup_queue import drain_all  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")


def proc_cpu(pid: int) -> float:
    """Seconds of CPU (user + system) process `pid` has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def enroll_devices(database: dbmod.Database, n: int, key: ServerKeyPair) -> list[tuple[DeviceSpec, str, Any]]:
    ids = seed(database, max(20_000, n * TURF_VOTERS))
    out = []
    with database.session() as s:
        county_id = s.execute(text("SELECT id FROM county WHERE name = 'Bench'")).scalar_one()
        voter_ids = dict(s.execute(text("SELECT state_voter_id, id FROM voter")).all())
        for i in range(n):
            code = make_enrollment_code(s, county="Bench", state="NC", role="canvasser").code
            device_key = ed25519.Ed25519PrivateKey.generate()
            device, _, token = enroll(s, trust.enroll_request(
                code, envelope.b64(envelope.raw_public(device_key.public_key()))))
            turf = Turf(county_id=county_id, list_number=f"B{i:05d}", name=f"bench {i}", member_id=device.member_id)
            s.add(turf)
            s.flush()
            mine = ids[i * TURF_VOTERS:(i + 1) * TURF_VOTERS]
            s.execute(insert(TurfLine), [{"turf_id": turf.id, "line": j + 1, "voter_id": voter_ids[sid]}
                                         for j, sid in enumerate(mine)])
            s.add(TurfAssignment(turf_id=turf.id, member_id=device.member_id))
            spec = DeviceSpec(device.id, token, key.key_id, b"", b"", mine)
            out.append((spec, token, device_key))
    with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("ANALYZE"))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--batches", type=int, default=300)
    ap.add_argument("--ops", type=int, default=20)
    ap.add_argument("--devices", type=int, default=20)
    ap.add_argument("--drain-every", type=int, default=10, help="batches between two drains of the rollups' queue")
    ap.add_argument("--history", type=int, default=100_000,
                    help="contact and ledger rows stored before (a server that has been running)")
    ap.add_argument("--unprepared", action="store_true",
                    help="psycopg prepares nothing on the server (as the nodes behind PgBouncer in transaction mode)")
    ap.add_argument("--profile", choices=["cprofile", "pyinstrument"])
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--sort", default="cumulative", help="cProfile order: cumulative or tottime")
    args = ap.parse_args()
    with pg_cluster(options="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_planning=on"
                    " -c pg_stat_statements.track_utility=on") as url:
        return run(args, url)


def run(args: argparse.Namespace, url: str) -> int:
    database = dbmod.Database.connect(url, pool_size=1, prepared=not args.unprepared)
    dbmod.upgrade(database.engine)
    key = ServerKeyPair.of(x25519.X25519PrivateKey.generate())
    devices = enroll_devices(database, args.devices, key)
    with database.engine.begin() as conn:  # a server that has been running: plans and indexes see real sizes
        conn.execute(text(
            "INSERT INTO applied_op SELECT gen_random_uuid()::text, 'history', g, 'history', 'contact_attempt', "
            "'applied', NULL FROM generate_series(1, :n) AS g"), {"n": args.history})
        conn.execute(text(
            "INSERT INTO contact_attempt (id, county_id, voter_id, household_id, result, source, created_at, "
            "device_id, op_id, received_at, version) SELECT gen_random_uuid()::text, v.county_id, v.id, "
            "v.household_id, 'NH', 'walk', '2026-11-01T12:00:00+00:00', 'history', gen_random_uuid()::text, now(), 0 "
            "FROM generate_series(1, :n) AS g JOIN voter v ON v.id = 1 + g % 20000"), {"n": args.history})
    server_public = key.private.public_key()
    batches = [(devices[i % len(devices)][1],
                *seal_batch(devices[i % len(devices)][0], args.ops, devices[i % len(devices)][2], server_public))
               for i in range(args.batches)]
    settings = Settings(database_url=url, server_key_file=Path("unused"), rate_limit_per_minute=10**9)
    raw = database.engine.raw_connection()  # the anchor's own connection
    with database.engine.connect() as conn:  # the pool's other connection: every ingest runs on this backend
        backend = conn.execute(text("SELECT pg_backend_pid()")).scalar_one()
    statements: list[str] = []
    draining = False  # the drains' statements are counted apart
    drain_statements: list[str] = []
    bumped: list[float] = []  # when the recording statement (the county counter's bump) returned
    held: list[float] = []  # how long the counter's lock was held: from then to the end of the commit

    @event.listens_for(database.engine, "before_cursor_execute")
    def _count(conn: Any, cursor: Any, statement: str, *rest: Any) -> None:
        (drain_statements if draining else statements).append(statement)

    @event.listens_for(database.engine, "after_cursor_execute")
    def _bumped(conn: Any, cursor: Any, statement: str, parameters: Any, *rest: Any) -> None:
        if statement.startswith("SELECT canvass_push_record") and parameters.get("contacts") is not None:
            bumped.append(time.perf_counter())

    with raw.cursor() as cur:
        cur.execute("CREATE EXTENSION pg_stat_statements")
        cur.execute("CREATE TABLE anchor_contact (LIKE contact_attempt INCLUDING ALL)")
        cur.execute("SELECT pg_backend_pid()")
        anchor_pid = cur.fetchone()[0]
    raw.commit()
    columns: list[str] = []

    def anchor(batch_id: str) -> None:
        nonlocal columns
        with raw.cursor() as cur:
            if not columns:
                cur.execute("SELECT * FROM contact_attempt LIMIT 0")
                columns = [d.name for d in cur.description]
            cur.execute(f"SELECT {', '.join(columns)} FROM contact_attempt WHERE op_id IN "
                        "(SELECT op_id FROM applied_op WHERE batch_id = %s)", (batch_id,))
            rows = cur.fetchall()
        raw.commit()
        t0, p0 = time.perf_counter(), proc_cpu(anchor_pid)
        with raw.cursor() as cur, cur.copy(f"COPY anchor_contact ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([str(uuid.uuid4()) if c == "id" else (None if c == "answers" else v)
                                for c, v in zip(columns, row, strict=True)])
        raw.commit()
        totals["anchor_wall"] += time.perf_counter() - t0
        totals["anchor_pg"] += proc_cpu(anchor_pid) - p0

    totals = {"cpu": 0.0, "pg": 0.0, "wall": 0.0, "anchor_wall": 0.0, "anchor_pg": 0.0, "drain_cpu": 0.0,
              "drain_pg": 0.0, "drain_wall": 0.0}
    drained = 0
    profiler: Any = None
    if args.profile == "cprofile":
        profiler = cProfile.Profile(time.process_time)  # CPU, not waits
    elif args.profile == "pyinstrument":
        from pyinstrument import Profiler
        profiler = Profiler(interval=0.0005)
    warm = min(50, args.batches // 5)
    for n, (token, batch_id, body) in enumerate(batches):
        if n == warm:
            with raw.cursor() as cur:  # as autovacuum would have, on a server that has been running
                cur.execute("ANALYZE")
            raw.commit()
            statements.clear()
            drain_statements.clear()
            held.clear()
            drained = 0
            with raw.cursor() as cur:
                cur.execute("SELECT pg_stat_statements_reset()")
            raw.commit()
            totals = dict.fromkeys(totals, 0.0)
            if profiler is not None:
                profiler.enable() if args.profile == "cprofile" else profiler.start()
        t0, c0, p0 = time.perf_counter(), time.process_time(), proc_cpu(backend)
        with database.session() as s:
            answer, _ = ingest(s, settings=settings, key=key, authorization=f"Bearer {token}",
                               idempotency_key=batch_id, body=body)
        if bumped:
            held.append(time.perf_counter() - bumped.pop())
        totals["cpu"] += time.process_time() - c0
        totals["wall"] += time.perf_counter() - t0
        totals["pg"] += proc_cpu(backend) - p0
        assert answer["applied"] == args.ops, answer
        if profiler is not None and n >= warm:
            profiler.disable() if args.profile == "cprofile" else profiler.stop()
        anchor(batch_id)
        if profiler is not None and n >= warm:
            profiler.enable() if args.profile == "cprofile" else profiler.start()
        if (n + 1) % args.drain_every == 0 or n + 1 == args.batches:
            draining = True
            t0, c0, p0 = time.perf_counter(), time.process_time(), proc_cpu(backend)
            drained += drain_all(database, wait=False)
            totals["drain_cpu"] += time.process_time() - c0
            totals["drain_wall"] += time.perf_counter() - t0
            totals["drain_pg"] += proc_cpu(backend) - p0
            draining = False
    if profiler is not None:
        profiler.disable() if args.profile == "cprofile" else profiler.stop()
    timed = args.batches - warm
    per = {k: 1000 * v / timed for k, v in totals.items()}
    print(f"{timed} batches of {args.ops} contact ops from {len(devices)} canvassers (after {warm} warm-up)")
    print(f"ingest per batch: {per['cpu']:.2f} ms CPU here, {per['pg']:.2f} ms PostgreSQL backend CPU, "
          f"{per['wall']:.2f} ms wall, {len(statements) / timed:.1f} statements")
    print(f"rollups' drains (every {args.drain_every} batches, {drained} rows counted) per batch: "
          f"{per['drain_cpu']:.2f} ms CPU here, {per['drain_pg']:.2f} ms PostgreSQL backend CPU, "
          f"{per['drain_wall']:.2f} ms wall, {len(drain_statements) / timed:.1f} statements")
    if held:
        held.sort()
        print(f"county version counter's lock held (recording statement to end of commit): median "
              f"{1000 * held[len(held) // 2]:.2f} ms, p90 {1000 * held[len(held) * 9 // 10]:.2f} ms")
    print(f"anchor (one COPY of the same rows, own transaction): {per['anchor_wall']:.2f} ms wall, "
          f"{per['anchor_pg']:.2f} ms PostgreSQL CPU; ratio ingest/anchor wall {per['wall'] / per['anchor_wall']:.1f}x")
    print("Per batch and statement (pg_stat_statements: planning + execution in the backend):")
    with raw.cursor() as cur:
        cur.execute("SELECT total_plan_time + total_exec_time, total_plan_time, calls, "
                    "shared_blks_hit + shared_blks_read, wal_bytes, query FROM pg_stat_statements "
                    "WHERE query NOT LIKE '%pg_stat_statements%' "
                    "AND query NOT LIKE '%anchor_contact%' AND query NOT LIKE '%applied_op WHERE batch_id%' "
                    "ORDER BY 1 DESC LIMIT 15")
        print("    ms (wall, so with this machine's other load)  of which planning  calls  blocks  WAL bytes  "
              "statement")
        for spent, planning, calls, blocks, wal, query in cur.fetchall():
            print(f"    {spent / timed:6.3f}  {planning / timed:6.3f}  {calls / timed:4.1f}  {blocks / timed:6.0f}  "
                  f"{float(wal) / timed:8.0f}  "
                  f"{' '.join(query.split())[:80]}")
    raw.commit()
    print("statements of the last batch:")
    last = statements[-len(statements) // timed:] if statements else []
    for st in last:
        print("   ", " ".join(st.split())[:150])
    if args.profile == "cprofile":
        buf = io.StringIO()
        pstats.Stats(profiler, stream=buf).sort_stats(args.sort).print_stats(args.top)
        print(buf.getvalue())
    elif args.profile == "pyinstrument":
        print(profiler.output_text(unicode=False, show_all=False))
    raw.close()
    database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
