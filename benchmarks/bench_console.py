"""HQ console speed: every page's server time (p95 over 50 loads) and a 1,000,000-contact export, against
PostgreSQL holding 100 counties, 2,000 devices and 5,000,000 contact attempts.

    .venv/bin/python benchmarks/bench_console.py [--contacts 5000000] [--big 1000000] [--loads 50]

A throwaway PostgreSQL cluster (fsync on). Counties, households, voters, turfs, members and devices are made with
`INSERT ... SELECT generate_series`; the contact attempts are written with COPY (one in a hundred is undone by a
later correction row, so the effective-results rule has work to do), and the rollups are rebuilt from them as
migrations 0010 and 0012 do (ingest keeps them, but COPY goes around ingest). County 1 holds `--big` contacts (the
export), the other 99 share the rest. Then `canvass-server serve` (uvicorn, one worker) on loopback; an admin and
county 1's lead log in with password and TOTP, and each page is loaded `--loads` times (time from request to the
last byte).
Anchor, same run: `SELECT count(*) FROM contact_attempt`. The export streams county 1's CSV, then its OSDI JSON,
while the server's RSS is sampled every 50 ms; its anchor is PostgreSQL's own `COPY (the export's SELECT) TO
STDOUT` of the same rows, parsed by psycopg.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

import httpx  # noqa: E402
import pyotp  # noqa: E402
from cluster import free_port, wait_healthy  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import x25519  # noqa: E402
from server_pgcluster import pg_cluster  # noqa: E402
from sqlalchemy import text  # noqa: E402

from canvass_server import db as dbmod  # noqa: E402
from canvass_server import members, rollups  # noqa: E402
from canvass_server.console import auth, exports  # noqa: E402
from canvass_server.keys import ServerKeyPair  # noqa: E402

COUNTIES, STATES = 100, ("NC", "SC", "GA", "VA", "TN", "FL", "AL", "KY", "OH", "PA")
HOMES, TURFS, TURF_HOMES, CANVASSERS = 10_000, 20, 250, 20  # per county
RESULTS = ["C", "NH", "NH", "NH", "R", "CB", "M", "C", "NH", "DNC"]
NOTES = ["left literature", "dog", "come back after 6", None, None, None, None, None]
PASSWORD = "correct horse battery staple"


def build(url: str, contacts: int, big: int) -> None:
    """The data set: everything by generate_series except the contacts, which are COPYed."""
    t0 = time.perf_counter()
    per_state = COUNTIES // len(STATES)
    database = dbmod.Database.connect(url)
    dbmod.upgrade(database.engine)
    with database.engine.begin() as conn:
        for i in range(COUNTIES):
            conn.execute(text("INSERT INTO county (id, name, state) VALUES (:i, :n, :s)"),
                         {"i": i + 1, "n": f"County {i + 1:03d}", "s": STATES[i // per_state]})
        conn.execute(text(f"""
            INSERT INTO household (id, county_id, key, house_number, house_number_int, street_name, street_key,
                                   side, version)
            SELECT g, (g - 1) / {HOMES} + 1, 'h' || g, ((g - 1) % {HOMES} + 1)::text, (g - 1) % {HOMES} + 1,
                   'MAIN', 'MAIN ST', CASE WHEN g % 2 = 1 THEN 'O' ELSE 'E' END, 1
            FROM generate_series(1, {COUNTIES * HOMES}) g"""))
        conn.execute(text(f"""
            INSERT INTO voter (id, county_id, state_voter_id, first_name, last_name, household_id, res_address,
                               res_city, res_zip, registration_status, active, do_not_contact, deceased, moved,
                               version)
            SELECT g, (g - 1) / {2 * HOMES} + 1, 'V' || g, 'Ann', 'Doe' || g, (g - 1) / 2 + 1,
                   ((g - 1) / 2 % {HOMES} + 1)::text || ' MAIN ST', 'Raleigh', '27601', 'active', true, false, false,
                   false, 1
            FROM generate_series(1, {COUNTIES * 2 * HOMES}) g"""))
        conn.execute(text(f"""
            INSERT INTO member (id, county_id, name, role, status, created_at, version)
            SELECT g, (g - 1) / {CANVASSERS} + 1, 'Canvasser ' || g, 'canvasser', 'active', now(), 1
            FROM generate_series(1, {COUNTIES * CANVASSERS}) g"""))
        conn.execute(text("""
            INSERT INTO device (id, county_id, member_id, role, label, list_series, public_key, token_hash, status,
                                last_seq, created_at, last_seen_at)
            SELECT 'dev-' || m.id, m.county_id, m.id, 'canvasser', 'laptop', m.id, decode(repeat('00', 32), 'hex'),
                   md5(m.id::text) || md5('t' || m.id::text), 'active', 0, now(), now() - interval '1 hour'
            FROM member m"""))
        conn.execute(text(f"""
            INSERT INTO turf (id, county_id, list_number, name, both_sides_ascending, member_id, deleted, version)
            SELECT g, (g - 1) / {TURFS} + 1, 'T1-' || lpad(((g - 1) % {TURFS} + 1)::text, 4, '0'), 'Turf ' || g,
                   false, ((g - 1) / {TURFS}) * {CANVASSERS} + (g - 1) % {CANVASSERS} + 1, false, 1
            FROM generate_series(1, {COUNTIES * TURFS}) g"""))
        # turf t of county c walks households (t-1)*TURF_HOMES+1 .. t*TURF_HOMES of the county, both voters each
        conn.execute(text(f"""
            INSERT INTO turf_line (turf_id, line, voter_id)
            SELECT t.id, n, ((t.county_id - 1) * {HOMES} + ((t.id - 1) % {TURFS}) * {TURF_HOMES}) * 2 + n
            FROM turf t, generate_series(1, {2 * TURF_HOMES}) n"""))
        for table in ("county", "household", "voter", "member", "turf"):
            conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"))
    print(f"counties, {COUNTIES * HOMES:,} households, {COUNTIES * 2 * HOMES:,} voters, {COUNTIES * TURFS:,} turfs, "
          f"{COUNTIES * CANVASSERS:,} members and devices: {time.perf_counter() - t0:.1f} s", flush=True)

    t0 = time.perf_counter()
    rng = random.Random(15)
    today = dt.datetime.now(dt.UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    columns = ("id", "county_id", "voter_id", "household_id", "result", "support", "note", "member_id", "canvasser",
               "list_number", "corrects_id", "source", "created_at", "device_id", "op_id", "received_at", "version")
    raw = database.engine.raw_connection()
    try:
        cursor = raw.driver_connection.cursor()  # type: ignore[union-attr]
        with cursor, cursor.copy(f"COPY contact_attempt ({', '.join(columns)}) FROM STDIN") as copy:
            rest = contacts - big
            for c in range(1, COUNTIES + 1):
                n = big if c == 1 else rest // (COUNTIES - 1) + (1 if c - 2 < rest % (COUNTIES - 1) else 0)
                previous: tuple[object, ...] | None = None
                for k in range(n):
                    v = (c - 1) * 2 * HOMES + rng.randrange(2 * HOMES) + 1
                    member = (c - 1) * CANVASSERS + rng.randrange(CANVASSERS) + 1
                    when = today - dt.timedelta(days=rng.randrange(60), hours=rng.randrange(24) - 14,
                                                minutes=rng.randrange(60))
                    if previous is not None and k % 100 == 99:  # an undo of the row before
                        row: tuple[object, ...] = (
                            str(uuid.uuid4()), c, previous[2], previous[3], previous[4], None, None, previous[7],
                            previous[8], previous[9], previous[0], "walk", when.isoformat(), previous[13],
                            str(uuid.uuid4()), when, 0)
                    else:
                        result = rng.choice(RESULTS)
                        row = (str(uuid.uuid4()), c, v, (v - 1) // 2 + 1, result,
                               rng.randrange(1, 6) if result == "C" else None, rng.choice(NOTES), member,
                               f"Canvasser {member}", f"T1-{rng.randrange(TURFS) + 1:04d}", None, "walk",
                               when.isoformat(), f"dev-{member}", str(uuid.uuid4()), when, 0)
                    copy.write_row(row)
                    previous = row
        raw.commit()
    finally:
        raw.close()
    print(f"{contacts:,} contact attempts by COPY: {time.perf_counter() - t0:.1f} s", flush=True)
    t0 = time.perf_counter()
    with database.session() as s:  # COPY went around ingest: the rollups as migrations 0010 and 0012 make them
        rollups.rebuild(s)
    print(f"rollups rebuilt from the rows: {time.perf_counter() - t0:.1f} s", flush=True)
    t0 = time.perf_counter()
    with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))
    database.dispose()
    print(f"VACUUM ANALYZE: {time.perf_counter() - t0:.1f} s", flush=True)


def logins(url: str) -> dict[str, tuple[int, str]]:
    database = dbmod.Database.connect(url)
    out = {}
    with database.session() as s:
        for who, county, role in (("admin", "County 001", "admin"), ("lead", "County 001", "county_lead")):
            m = members.add_member(s, county=county, state="NC", name=f"Bench {who}", role=role)
            out[who] = (m.id, auth.set_login(s, m.id, PASSWORD).totp_secret)
    database.dispose()
    return out


def log_in(base: str, member_id: int, secret: str) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=120, follow_redirects=True)
    page = client.get("/console/login").text
    csrf = page.split('name="csrf" value="', 1)[1].split('"', 1)[0]
    r = client.post("/console/login", data={"who": str(member_id), "password": PASSWORD,
                                             "code": pyotp.TOTP(secret).now(), "csrf": csrf})
    assert r.status_code == 200 and "Log out" in r.text, r.text[:500]
    return client


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=5_000_000)
    parser.add_argument("--big", type=int, default=1_000_000, help="contacts of county 1 (the export)")
    parser.add_argument("--loads", type=int, default=50)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="canvass-console-bench-"))
    with pg_cluster() as url:
        build(url, args.contacts, args.big)
        who = logins(url)
        database = dbmod.Database.connect(url)
        with database.engine.connect() as conn:
            t0 = time.perf_counter()
            for _ in range(5):
                conn.execute(text("SELECT count(*) FROM contact_attempt")).scalar_one()
            anchor = (time.perf_counter() - t0) / 5
        port = free_port()
        env = {**os.environ, "CANVASS_DATABASE_URL": url, "CANVASS_SERVER_HOME": str(home),
               "CANVASS_SERVER_PRIVATE_KEY": ServerKeyPair.of(x25519.X25519PrivateKey.generate()).secret_text()}
        server = subprocess.Popen([sys.executable, "-m", "canvass_server.cli", "serve", "--port", str(port),
                                   "--log-level", "warning"], env=env, stdout=subprocess.DEVNULL,
                                  stderr=open(home / "server.log", "wb"))  # noqa: SIM115
        base = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(base, server, log=home / "server.log")
            admin, lead = log_in(base, *who["admin"]), log_in(base, *who["lead"])
            pages = [("nation", admin, "/console/"), ("state NC", admin, "/console/state/NC"),
                     ("county (1M contacts)", lead, "/console/county/1"),
                     ("county (40k contacts)", admin, "/console/county/2"),
                     ("turf", lead, "/console/county/1/turf/1"),
                     ("canvassers, every county", admin, "/console/canvassers"),
                     ("canvassers, county 1", lead, "/console/canvassers"),
                     ("members & devices", lead, "/console/members?county=1"),
                     ("ballots", lead, "/console/ballots"), ("exports", lead, "/console/exports"),
                     ("audit log", admin, "/console/audit")]
            print(f"anchor SELECT count(*) FROM contact_attempt: {anchor * 1000:.0f} ms")
            print(f"{'page':28} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'p95/anchor':>10}")
            worst = 0.0
            for name, client, path in pages:
                times = []
                for _ in range(args.loads):
                    t0 = time.perf_counter()
                    r = client.get(path)
                    times.append(time.perf_counter() - t0)
                    assert r.status_code == 200, (path, r.status_code, r.text[:300])
                p95 = statistics.quantiles(times, n=20)[18] if len(times) >= 2 else times[0]
                worst = max(worst, p95)
                print(f"{name:28} {statistics.median(times) * 1000:8.0f} {p95 * 1000:8.0f} {max(times) * 1000:8.0f} "
                      f"{p95 / anchor:10.2f}", flush=True)

            idle, peak, stop = rss_mb(server.pid), [0.0], threading.Event()

            def sample() -> None:
                while not stop.wait(0.05):
                    peak[0] = max(peak[0], rss_mb(server.pid))

            def export(kind: str) -> tuple[int, float]:
                """Lines received and seconds: the client only counts LF in raw pieces of a MB."""
                lines = 0
                t0 = time.perf_counter()
                with lead.stream("GET", f"/console/exports/contacts.{kind}", params={"county": 1}) as r:
                    assert r.status_code == 200
                    for chunk in r.iter_raw(1 << 20):  # rows end in CRLF, whose two bytes chunks may split: LF
                        lines += chunk.count(b"\n")  # (no note here holds a line break)
                return lines, time.perf_counter() - t0

            sampler = threading.Thread(target=sample, daemon=True)
            sampler.start()
            lines, exported = export("csv")
            rows = lines - 1  # the header
            lines, osdi_time = export("json")
            osdi_rows = lines - 2  # a record a line, then "\n]\n"
            stop.set()
            sampler.join()
        finally:
            server.terminate()
            server.wait()
        statement = exports._statement(exports.ExportQuery(1))
        sql = str(statement.compile(database.engine, compile_kwargs={"literal_binds": True}))
        raw = database.engine.raw_connection()
        try:
            cursor = raw.driver_connection.cursor()  # type: ignore[union-attr]
            t0 = time.perf_counter()
            copied = 0
            with cursor, cursor.copy(f"COPY ({sql}) TO STDOUT") as copy:
                for _ in copy.rows():
                    copied += 1
            copy_time = time.perf_counter() - t0
        finally:
            raw.close()
        database.dispose()
    rate = rows / exported
    print(f"export of county 1: {rows:,} rows in {exported:.1f} s = {rate:,.0f} rows/s (target >= 50,000); "
          f"OSDI JSON {osdi_rows:,} rows in {osdi_time:.1f} s = {osdi_rows / osdi_time:,.0f} rows/s; "
          f"server RSS idle {idle:.0f} MB, peak {peak[0]:.0f} MB (+{peak[0] - idle:.0f} MB); anchor COPY TO STDOUT "
          f"of the same {copied:,} rows {copy_time:.1f} s = {copied / copy_time:,.0f} rows/s; "
          f"ratio {exported / copy_time:.1f}x (OSDI {osdi_time / copy_time:.1f}x)")
    print(f"worst page p95 {worst * 1000:.0f} ms (target < 300 ms)")
    return 0 if worst < 0.3 and rate >= 50_000 and rows == copied == osdi_rows else 1


if __name__ == "__main__":
    sys.exit(main())
