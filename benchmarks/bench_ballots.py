"""Ballots on PostgreSQL: opening, tally and receipts of a national ballot with 1,000,000 votes; vote ingest per op
against contact ingest per op, through the real ingest path, in the same run.

Anchors, same database, same run: `SELECT count(*) FROM ballot_vote` (the tally and receipts read that table) and
contact ingest (the same number of ops in batches of the same size, interleaved batch by batch).

    .venv/bin/python benchmarks/bench_ballots.py [--votes 1000000] [--ops 20000] [--batch 500] [--database URL]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import sys
import time
import uuid
from pathlib import Path
from typing import Any, cast

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cryptography.hazmat.primitives.asymmetric import ed25519, x25519  # noqa: E402
from server_pgcluster import pg_cluster  # noqa: E402
from sqlalchemy import Table, insert, text  # noqa: E402

from canvass_protocol import envelope, trust, wire  # noqa: E402
from canvass_server import ballots, versions  # noqa: E402
from canvass_server import db as dbmod  # noqa: E402
from canvass_server.bulk import write_rows  # noqa: E402
from canvass_server.config import Settings  # noqa: E402
from canvass_server.devices import ensure_county  # noqa: E402
from canvass_server.enrollment import enroll, make_enrollment_code  # noqa: E402
from canvass_server.ingest import ingest  # noqa: E402
from canvass_server.keys import ServerKeyPair  # noqa: E402
from canvass_server.models import Ballot, BallotVote, Household, Member, PolicyBrief, Voter  # noqa: E402

LATER = dt.datetime.now(dt.UTC) + dt.timedelta(days=30)
CHOICES = ("support", "support", "oppose", "abstain")


def timed(fn: Any) -> tuple[float, Any]:
    t = time.perf_counter()
    value = fn()
    return time.perf_counter() - t, value


def seed_national(database: dbmod.Database, members: int) -> None:
    """`members` active members over 100 counties, and a proposed brief."""
    with database.session() as s:
        counties = [ensure_county(s, f"County {n}", "NC" if n % 2 else "VA").id for n in range(100)]
        s.add(PolicyBrief(slug="national-brief", title="National brief", category="education",
                          version=versions.bump(s, "briefs")))
    now = dt.datetime.now(dt.UTC)
    for start in range(0, members, 200_000):
        with database.session() as s:
            write_rows(s, cast(Table, Member.__table__), [
                {"id": i + 1, "county_id": counties[i % 100], "name": f"Member {i}", "role": "volunteer",
                 "status": "active", "created_at": now, "version": 0}
                for i in range(start, min(members, start + 200_000))])
    with database.engine.begin() as conn:
        conn.execute(text("SELECT setval('member_id_seq', (SELECT max(id) FROM member))"))
        conn.execute(text("ANALYZE"))


def cast_votes(database: dbmod.Database, ballot_id: int, members: int) -> None:
    """One vote per member, as ingest would have stored them (COPY, untimed)."""
    now = dt.datetime.now(dt.UTC)
    for start in range(0, members, 200_000):
        rows = []
        for i in range(start, min(members, start + 200_000)):
            choice = CHOICES[i % len(CHOICES)]
            receipt = hashlib.sha256(f"canvass-ballot-receipt:v1:{ballot_id}:{choice}:{os.urandom(32).hex()}"
                                     .encode()).hexdigest()
            rows.append({"id": i + 1, "ballot_id": ballot_id, "member_id": i + 1, "choice": choice,
                         "receipt": receipt, "comment": None, "op_id": str(uuid.uuid4()), "device_id": "bench",
                         "received_at": now})
        with database.session() as s:
            write_rows(s, cast(Table, BallotVote.__table__), rows)
    with database.engine.begin() as conn:
        conn.execute(text("SELECT setval('ballot_vote_id_seq', (SELECT max(id) FROM ballot_vote))"))
        conn.execute(text("ANALYZE ballot_vote"))


def national(database: dbmod.Database, members: int) -> None:
    seed_national(database, members)
    with database.session() as s:
        open_s, ballot = timed(lambda: ballots.open_ballot(
            s, brief_slug="national-brief", scope="national", closes_at=LATER, quorum=0.25, threshold=0.5))
        ballot_id = ballot.id
    cast_votes(database, ballot_id, members)
    with database.session() as s:
        s.execute(text("SELECT count(*) FROM ballot_vote")).scalar_one()  # warm the cache, as for the others
        count_s, n = timed(lambda: s.execute(text("SELECT count(*) FROM ballot_vote")).scalar_one())
    with database.session() as s:
        tally_s, result = timed(lambda: ballots.tally(s, s.get_one(Ballot, ballot_id)))
    with database.session() as s:
        close_s, closed = timed(lambda: ballots.close_ballot(s, s.get_one(Ballot, ballot_id)))
    with database.session() as s:
        receipts_s, published = timed(lambda: ballots.receipts(s, s.get_one(Ballot, ballot_id)))
    assert ballots.recount(published) == (result.support, result.oppose, result.abstain)
    assert n == members == result.votes and closed.result == result
    print(f"national ballot, {members:,} members and votes (PostgreSQL)")
    print(f"  anchor SELECT count(*) FROM ballot_vote: {count_s * 1000:.0f} ms")
    print(f"  open (electorate of {members:,} frozen): {open_s:.2f} s")
    for name, secs in (("tally (running)", tally_s), ("close (tally frozen)", close_s),
                       ("receipts (sorted lists)", receipts_s)):
        print(f"  {name}: {secs:.2f} s  ({secs / count_s:.1f}x the anchor)  target < 5 s: "
              f"{'met' if secs < 5 else 'MISSED'}")


def ingest_comparison(database: dbmod.Database, url: str, n_ops: int, per_batch: int) -> None:
    """Vote ops (each on another of `per_batch` ballots, changed again batch after batch) against contact ops."""
    key = ServerKeyPair.of(x25519.X25519PrivateKey.generate())
    settings = Settings(database_url=url, server_key_file=Path("unused"), rate_limit_per_minute=10**9)
    with database.session() as s:
        county = ensure_county(s, "Ingest", "NC")
        v = versions.bump(s, f"voters:{county.id}")
        home = Household(county_id=county.id, key="h", street_name="MAIN", street_key="MAIN ST", version=v)
        s.add(home)
        s.flush()
        s.execute(insert(Voter), [{"county_id": county.id, "state_voter_id": f"I{i:06d}", "household_id": home.id,
                                   "version": v} for i in range(5000)])
    devices = {}
    for kind in ("vote", "contact"):
        device_key = ed25519.Ed25519PrivateKey.generate()
        with database.session() as s:
            code = make_enrollment_code(s, county="Ingest", state="NC", role="county_lead").code
            public = envelope.b64(envelope.raw_public(device_key.public_key()))
            device, _, token = enroll(s, trust.enroll_request(code, public, f"bench {kind}"))
            devices[kind] = (device.id, token, device_key)
    with database.session() as s:
        s.add_all([PolicyBrief(slug=f"b{n}", title=f"Brief {n}", category="education") for n in range(per_batch)])
        s.flush()
        ids = [ballots.open_ballot(s, brief_slug=f"b{n}", scope="county", county="Ingest", state="NC",
                                   closes_at=LATER, quorum=0.1, threshold=0.5).id for n in range(per_batch)]
    public = key.private.public_key()

    def batch(kind: str, seq: int, n: int) -> tuple[str, bytes]:
        device_id, _, device_key = devices[kind]
        ops = []
        for k in range(n):
            if kind == "vote":
                choice = CHOICES[(seq + k) % len(CHOICES)]
                payload: dict[str, Any] = {"id": str(uuid.uuid4()), "ballot_id": ids[k], "choice": choice,
                                           "receipt": os.urandom(32).hex(), "created_at": "2026-05-01T12:00:00Z"}
                op_type = "ballot_vote"
            else:
                payload = {"id": str(uuid.uuid4()), "county": {"name": "Ingest", "state": "NC"},
                           "state_voter_id": f"I{(seq + k) % 5000:06d}", "result": "NH",
                           "created_at": "2026-05-01T12:00:00+00:00"}
                op_type = "contact_attempt"
            ops.append(wire.Op(op_id=str(uuid.uuid4()), seq=seq + k + 1, type=op_type, payload=payload,
                               schema_version=wire.OP_SCHEMA_VERSION))
        header = wire.BatchHeader(device_id=device_id, key_id=key.key_id, batch_id=str(uuid.uuid4()),
                                  seq_first=seq + 1, seq_last=seq + n, op_count=n,
                                  created_at=dt.datetime.now(dt.UTC).isoformat())
        return header.batch_id, envelope.seal(header, wire.BatchBody(ops=ops), public, device_key)

    spent = {"vote": 0.0, "contact": 0.0}
    for seq in range(0, n_ops, per_batch):
        n = min(per_batch, n_ops - seq)
        for kind in ("vote", "contact"):  # interleaved, so load from elsewhere hits both alike
            batch_id, data = batch(kind, seq, n)
            t = time.perf_counter()
            with database.session() as s:
                answer, _ = ingest(s, settings=settings, key=key, authorization=f"Bearer {devices[kind][1]}",
                                   idempotency_key=batch_id, body=data)
            spent[kind] += time.perf_counter() - t
            assert answer["applied"] == n, answer["results"][:3]
    vote_us, contact_us = (spent[k] / n_ops * 1e6 for k in ("vote", "contact"))
    print(f"ingest, {n_ops:,} ops of each kind in batches of {per_batch} (votes: {per_batch} ballots, each vote "
          f"changed {n_ops // per_batch} times)")
    print(f"  contact_attempt (anchor): {contact_us:.0f} µs/op")
    print(f"  ballot_vote: {vote_us:.0f} µs/op  ({vote_us / contact_us:.2f}x contact)  target within 2x: "
          f"{'met' if vote_us <= 2 * contact_us else 'MISSED'}")


def run(args: argparse.Namespace, url: str) -> int:
    database = dbmod.Database.connect(url)
    dbmod.upgrade(database.engine)
    national(database, args.votes)
    ingest_comparison(database, url, args.ops, args.batch)
    database.dispose()
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--votes", type=int, default=1_000_000)
    ap.add_argument("--ops", type=int, default=20_000)
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--database", help="an empty PostgreSQL database (default: a throwaway cluster)")
    args = ap.parse_args()
    if args.database:
        return run(args, args.database)
    with pg_cluster() as url:
        return run(args, url)


if __name__ == "__main__":
    sys.exit(main())
