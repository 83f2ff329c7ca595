"""GOTV speed: a 1,000,000-row NC absentee file applied to a 1M-voter county store (time and peak memory, against
the sqlite3 shell's `.import` of the same file in the same run), the chase list of a 5,000-voter turf, and the
server's import-voted against a plain COPY of the same file into PostgreSQL.

    .venv/bin/python benchmarks/bench_gotv.py [--voters 1000000] [--rows 1000000] [--no-server | --no-app]
        [--no-settle] [--keep DIR [--chase-only]]

--keep DIR works in DIR and leaves the file and the imported store there; --chase-only then times only the chase
list on that store (profiling it without building a million voters again). The server's import runs on voters
vacuumed, analysed and checkpointed, as a server holds them when a voted file comes; --no-settle times it right
after they are written (it then also sets their hint bits and competes with autovacuum and the checkpoint).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from helpers.voted_files import ABSENTEE_HEADER  # noqa: E402
from sqlalchemy import insert, text  # noqa: E402

STATUSES = ("ACCEPTED",) * 6 + ("",) * 3 + ("SPOILED", "CANCELLED", "WITNESS INFO INCOMPLETE")
COUNTS = ("rows", "matched", "voted", "requested_not_returned", "needs_cure", "unmatched", "rejected")


def write_file(path: Path, voters: int, rows: int) -> None:
    """`rows` request rows over about 0.9 x voters voters: most one row, some two (re-issued), quoted."""
    rng = random.Random(1)
    base = dt.date(2026, 9, 1)
    with open(path, "w", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL)
        w.writerow(ABSENTEE_HEADER)
        for n in range(rows):
            sid = f"BN{rng.randrange(voters):07d}"
            req = base + dt.timedelta(days=rng.randrange(50))
            status = rng.choice(STATUSES)
            rtn = (req + dt.timedelta(days=9)).strftime("%m/%d/%Y") if status else ""
            kind = "ONE-STOP" if n % 7 == 0 else "MAIL"
            w.writerow(["DURHAM", str(n), sid, "SMITH, JR", "PAT", "", "WHITE", "NL", "F", "44", "12 MAIN ST",
                        "DURHAM", "NC", "27701", "", "", "", "", "11/03/2026", "DEM", "01", "MAIL", kind, "DEM",
                        req.strftime("%m/%d/%Y"), "", rtn, status, "", "N"])


def build_store(data_dir: Path, voters: int) -> None:
    from canvass_app.store.database import open_store
    from canvass_app.store.models import County, Household, Turf, Voter
    from canvass_app.turfs.walk_order import assign_lines

    store = open_store(data_dir)
    with store.session() as s:
        county = County(name="Durham", state="NC")
        s.add(county)
        s.flush()
        turf = Turf(county_id=county.id, list_number="T-0001", name="Chase turf")
        s.add(turf)
        s.flush()
        homes = [{"county_id": county.id, "key": f"{n}|MAIN|ST", "house_number": str(n), "house_number_int": n,
                  "street_name": f"STREET{n // 100}", "street_type": "ST", "street_key": f"STREET{n // 100} ST",
                  "side": "O" if n % 2 else "E", "turf_id": turf.id} for n in range(1, 2501)]
        s.execute(insert(Household), homes)
        first_home = s.scalar(text("SELECT min(id) FROM household"))
        now = dt.datetime.now(dt.UTC)
        for start in range(0, voters, 50000):
            s.execute(insert(Voter), [
                {"county_id": county.id, "state_voter_id": f"BN{n:07d}", "first_name": "Pat", "last_name": f"L{n}",
                 "household_id": first_home + n // 2 if n < 5000 else None, "registration_status": "active",
                 "active": True, "do_not_contact": False, "deceased": False, "moved": False, "updated_at": now}
                for n in range(start, min(voters, start + 50000))])
        assign_lines(s, turf.id)
        code = s.scalar(text("SELECT id FROM result_code WHERE code = 'C'"))
        s.execute(text("INSERT INTO contact_attempt (id, voter_id, household_id, turf_id, result_code_id, support, "
                       "source, created_at) SELECT 'c' || v.id, v.id, v.household_id, :t, :code, 1 + v.id % 5, "
                       "'walk', :at FROM voter v WHERE v.household_id IS NOT NULL"),
                  {"t": turf.id, "code": code, "at": now - dt.timedelta(days=3)})
    store.close()


def apply_child(data_dir: Path, path: Path) -> None:
    """In a child process, so that its peak memory is the import's own."""
    from canvass_app.gotv.voted_import import import_voted_file
    from canvass_app.store.database import open_store

    store = open_store(data_dir)
    started = time.perf_counter()
    with store.session() as s:
        result = import_voted_file(s, path, county_id=1)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    counts = {k: getattr(result, k) for k in COUNTS}
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "changed": result.changed, "counts": counts}))


def chase_ms(data_dir: Path) -> tuple[float, int]:
    from canvass_app.gotv.chase import chase_list
    from canvass_app.store.database import open_store

    store = open_store(data_dir)
    times = []
    n = 0
    for _ in range(7):
        with store.session() as s:
            started = time.perf_counter()
            n = len(chase_list(s, 1, turf="T-0001").lines)
            times.append((time.perf_counter() - started) * 1000)
    store.close()
    return statistics.median(times), n


def server(path: Path, voters: int, settle: bool = True) -> tuple[float, float, float, dict[str, int]]:
    """(import-voted, plain COPY, reading the file alone with the shared reader, in seconds; the import's counts).
    settle: vacuum, analyse and checkpoint the new voters first (else the import's first read of them sets their
    hint bits and competes with autovacuum and the checkpoint their writing started)."""
    from server_pgcluster import pg_cluster

    from canvass_formats.voted import VotedFileReader
    from canvass_server import bulk
    from canvass_server import db as dbmod
    from canvass_server.devices import ensure_county
    from canvass_server.models import Voter
    from canvass_server.voted_import import import_voted

    with pg_cluster() as url:
        database = dbmod.Database.connect(url)
        dbmod.upgrade(database.engine)
        with database.session() as s:
            cid = ensure_county(s, "Durham", "NC").id
            for start in range(0, voters, 100000):
                bulk.write_rows(s, Voter.__table__, [  # type: ignore[arg-type]
                    {"county_id": cid, "state_voter_id": f"BN{n:07d}", "first_name": "Pat", "last_name": f"L{n}",
                     "registration_status": "active", "active": True, "do_not_contact": False, "deceased": False,
                     "moved": False, "version": 1} for n in range(start, min(voters, start + 100000))])
        if settle:  # as a server is when a voted file comes: its voters imported long before, vacuumed, analysed
            with database.engine.connect() as conn:
                conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("VACUUM ANALYZE voter"))
                conn.execute(text("CHECKPOINT"))
        def plain_copy(table: str) -> float:
            with database.session() as s:
                s.execute(text(f"CREATE TABLE {table} (" + ", ".join(f"{c} text" for c in ABSENTEE_HEADER) + ")"))
                cursor = s.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
                started = time.perf_counter()
                with cursor.copy(f"COPY {table} FROM STDIN WITH (FORMAT csv, HEADER true)") as copy, \
                        open(path, "rb") as f:
                    while block := f.read(1 << 20):
                        copy.write(block)
            return time.perf_counter() - started

        before = plain_copy("plain")
        with database.session() as s:
            started = time.perf_counter()
            result = import_voted(s, path, county="Durham", state="NC")
        ours = time.perf_counter() - started
        after = plain_copy("plain_again")
        copy_s = (before + after) / 2  # COPY before and after the import: the machine's load moves
        print(f"plain COPY before the import {before:.1f} s, after {after:.1f} s")
        database.dispose()
    started = time.perf_counter()
    for _ in VotedFileReader(path):
        pass
    return ours, copy_s, time.perf_counter() - started, {k: getattr(result, k) for k in COUNTS}


def app(tmp: Path, path: Path) -> dict[str, int]:
    """The app's import in a child process against sqlite3's .import, then the chase list."""
    child = subprocess.run([sys.executable, __file__, "--apply", str(tmp / "data"), str(path)],
                           capture_output=True, text=True, check=True)
    ours = json.loads(child.stdout.strip().splitlines()[-1])
    started = time.perf_counter()
    subprocess.run(["sqlite3", str(tmp / "plain.db"), ".mode csv", f".import {path} absentee"], check=True)
    shell = time.perf_counter() - started
    print(f"voted import: {ours['seconds']:.1f} s, peak {ours['peak_mb']:.0f} MB ({ours['changed']:,} voters "
          f"changed); sqlite3 .import: {shell:.1f} s; ratio {ours['seconds'] / shell:.1f}x")
    ms, n = chase_ms(tmp / "data")
    print(f"chase list of a 5,000-voter turf: {ms:.1f} ms median ({n:,} to knock)")
    return dict(ours["counts"])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--voters", type=int, default=1_000_000)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--no-server", action="store_true")
    parser.add_argument("--no-app", action="store_true", help="only the server's import-voted against COPY")
    parser.add_argument("--no-settle", action="store_true",
                        help="time the server's import right after its voters are written (no VACUUM, CHECKPOINT)")
    parser.add_argument("--keep", metavar="DIR", type=Path, help="work in DIR and leave the file and store there")
    parser.add_argument("--chase-only", action="store_true", help="only the chase list, on the store --keep DIR kept")
    parser.add_argument("--apply", nargs=2, metavar=("DATA_DIR", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.apply:
        apply_child(Path(args.apply[0]), Path(args.apply[1]))
        return 0
    os.environ.setdefault("CANVASS_PASSPHRASE", "benchmark passphrase")
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    if args.chase_only:
        if args.keep is None or not (args.keep / "data").is_dir():
            parser.error("--chase-only needs --keep DIR of an earlier run")
        ms, n = chase_ms(args.keep / "data")
        print(f"chase list of a 5,000-voter turf: {ms:.1f} ms median ({n:,} to knock)")
        return 0
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        if any(args.keep.iterdir()):
            parser.error(f"--keep {args.keep}: give a new or empty directory")
    tmp = args.keep or Path(tempfile.mkdtemp(prefix="canvass-bench-gotv-"))
    path = tmp / "absentee_20261020.csv"
    started = time.perf_counter()
    write_file(path, args.voters, args.rows)
    if not args.no_app:
        build_store(tmp / "data", args.voters)
    print(f"setup: {args.voters:,} voters, {args.rows:,} rows ({path.stat().st_size / 1e6:.0f} MB) in "
          f"{time.perf_counter() - started:.0f} s")
    counts = app(tmp, path) if not args.no_app else None
    if not args.no_server:
        server_s, copy_s, read_s, server_counts = server(path, args.voters, not args.no_settle)
        print(f"server import-voted: {server_s:.1f} s; plain COPY: {copy_s:.1f} s; ratio {server_s / copy_s:.1f}x "
              f"(reading the file alone, no database: {read_s:.1f} s, {read_s / copy_s:.1f}x)")
        print(f"server counts: {json.dumps(server_counts)}" + (
            "" if counts is None else " (the same as the app's)" if counts == server_counts
            else f" DIFFER from the app's: {json.dumps(counts)}"))
    if args.keep is None:
        shutil.rmtree(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
