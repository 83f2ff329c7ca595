"""Server ingest speed: 100,000 contact ops in sealed batches through the real ingest path into PostgreSQL,
against a plain executemany and a COPY of the same rows into the same table, in the same run.

    .venv/bin/python benchmarks/server_ingest_bench.py [--ops 100000] [--batch 500] [--database URL]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cryptography.hazmat.primitives.asymmetric import ed25519, x25519  # noqa: E402
from server_pgcluster import pg_cluster  # noqa: E402
from sqlalchemy import insert, text  # noqa: E402

from canvass_protocol import envelope, trust, wire  # noqa: E402
from canvass_server import db as dbmod  # noqa: E402
from canvass_server import versions  # noqa: E402
from canvass_server.config import Settings  # noqa: E402
from canvass_server.devices import ensure_county  # noqa: E402
from canvass_server.enrollment import enroll, make_enrollment_code  # noqa: E402
from canvass_server.ingest import ingest  # noqa: E402
from canvass_server.keys import ServerKeyPair  # noqa: E402
from canvass_server.models import ContactAttempt, Household, Voter  # noqa: E402

RESULTS = ["C", "NH", "NH", "NH", "R", "CB", "M"]


def seed(database: dbmod.Database, voters: int) -> list[str]:
    with database.session() as s:
        county = ensure_county(s, "Bench", "NC")
        v = versions.bump(s, f"voters:{county.id}")
        s.execute(insert(Household), [{"county_id": county.id, "key": f"h{i}", "street_name": "MAIN",
                                       "street_key": "MAIN ST", "version": v} for i in range(voters // 2)])
        homes = [r[0] for r in s.execute(text("SELECT id FROM household ORDER BY id"))]
        s.execute(insert(Voter), [{"county_id": county.id, "state_voter_id": f"V{i:07d}",
                                   "household_id": homes[i // 2], "version": v} for i in range(voters)])
    with database.engine.begin() as conn:  # as autovacuum would have, on a server that has been running
        conn.execute(text("ANALYZE"))
    return [f"V{i:07d}" for i in range(voters)]


def make_batches(n_ops: int, per_batch: int, ids: list[str], device_id: str, key: ServerKeyPair,
                 device_key: ed25519.Ed25519PrivateKey) -> list[tuple[str, bytes]]:
    out, seq = [], 0
    public = key.private.public_key()
    for start in range(0, n_ops, per_batch):
        ops = []
        for i in range(start, min(n_ops, start + per_batch)):
            seq += 1
            payload = {"id": str(uuid.uuid4()), "county": {"name": "Bench", "state": "NC"},
                       "state_voter_id": ids[i % len(ids)], "result": RESULTS[i % len(RESULTS)],
                       "support": (i % 5) + 1 if i % 3 == 0 else None, "list_number": "T-0001",
                       "note": "left literature" if i % 10 == 0 else None, "source": "walk",
                       "created_at": "2026-05-01T12:00:00+00:00"}
            ops.append(wire.Op(op_id=str(uuid.uuid4()), seq=seq, type="contact_attempt", payload=payload,
                               schema_version=wire.OP_SCHEMA_VERSION))
        header = wire.BatchHeader(device_id=device_id, key_id=key.key_id, batch_id=str(uuid.uuid4()),
                                  seq_first=ops[0].seq, seq_last=seq, op_count=len(ops),
                                  created_at=dt.datetime.now(dt.UTC).isoformat())
        out.append((header.batch_id, envelope.seal(header, wire.BatchBody(ops=ops), public, device_key)))
    return out


def anchor_rows(batches: list[tuple[str, bytes]], key: ServerKeyPair, voter_ids: dict[str, tuple[int, int]],
                county_id: int) -> list[dict[str, Any]]:
    """The same rows ingest writes, prepared outside the timing."""
    rows = []
    for _, data in batches:
        for op in envelope.open_body(envelope.parse(data), key.private).ops:
            p = wire.ContactAttemptPayload.model_validate(op.payload)
            vid, hid = voter_ids[p.state_voter_id]
            row = p.model_dump(exclude={"county", "state_voter_id"})
            row.update(county_id=county_id, voter_id=vid, household_id=hid, device_id="anchor", op_id=op.op_id,
                       received_at=dt.datetime.now(dt.UTC))
            rows.append(row)
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ops", type=int, default=100_000)
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--voters", type=int, default=50_000)
    ap.add_argument("--database", help="an empty PostgreSQL database (default: a throwaway cluster)")
    args = ap.parse_args()
    if args.database:
        return run(args, args.database)
    with pg_cluster() as url:
        return run(args, url)


def run(args: argparse.Namespace, url: str) -> int:
    database = dbmod.Database.connect(url)
    dbmod.upgrade(database.engine)
    ids = seed(database, args.voters)
    key = ServerKeyPair.of(x25519.X25519PrivateKey.generate())
    device_key = ed25519.Ed25519PrivateKey.generate()
    with database.session() as s:
        code = make_enrollment_code(s, county="Bench", state="NC", role="county_lead").code
        public = envelope.b64(envelope.raw_public(device_key.public_key()))
        device, _, token = enroll(s, trust.enroll_request(code, public))
    t = time.perf_counter()
    batches = make_batches(args.ops, args.batch, ids, device.id, key, device_key)
    seal_s = time.perf_counter() - t
    settings = Settings(database_url=url, server_key_file=Path("unused"), rate_limit_per_minute=10**9)
    with database.session() as s:
        county_id = s.execute(text("SELECT id FROM county WHERE name = 'Bench'")).scalar_one()
        voter_ids = {sid: (vid, hid) for sid, vid, hid in s.execute(
            text("SELECT state_voter_id, id, household_id FROM voter"))}
    # The anchors' rows: what ingest writes to contact_attempt, made before any timing, with fresh ids.
    per_batch = [anchor_rows([b], key, voter_ids, county_id) for b in batches]
    copy_rows = [[dict(r, id=str(uuid.uuid4())) for r in rows] for rows in per_batch]
    for rows in per_batch:
        for row in rows:
            row["id"] = str(uuid.uuid4())
    cols = list(per_batch[0][0])
    raw = database.engine.raw_connection()

    def copy(rows: list[dict[str, Any]]) -> None:
        with raw.cursor() as cur, cur.copy(  # type: ignore[attr-defined]
                f"COPY contact_attempt ({', '.join(cols)}) FROM STDIN") as out:
            for row in rows:
                out.write_row([row[c] if c != "answers" else None for c in cols])
        raw.commit()

    # Interleaved batch by batch, so that load from elsewhere on the machine hits all three alike.
    ingest_s = executemany_s = copy_batched_s = 0.0
    for (batch_id, data), em_rows, cp_rows in zip(batches, per_batch, copy_rows, strict=True):
        t = time.perf_counter()
        with database.session() as s:
            answer, _ = ingest(s, settings=settings, key=key, authorization=f"Bearer {token}",
                               idempotency_key=batch_id, body=data)
        ingest_s += time.perf_counter() - t
        refused = [r for r in answer["results"] if r["status"] == "rejected"]
        assert not refused, refused[0]
        t = time.perf_counter()
        with database.session() as s:
            s.execute(insert(ContactAttempt.__table__), em_rows)
        executemany_s += time.perf_counter() - t
        t = time.perf_counter()
        copy(cp_rows)
        copy_batched_s += time.perf_counter() - t
    all_rows = [dict(r, id=str(uuid.uuid4())) for rows in per_batch for r in rows]
    t = time.perf_counter()
    copy(all_rows)
    copy_s = time.perf_counter() - t
    raw.close()
    n = args.ops
    print(f"{n} contact ops in {len(batches)} batches of {args.batch} (sealing {seal_s:.1f} s, not timed)")
    print(f"ingest (verify, open, seq, dedupe, apply, record): {ingest_s:.2f} s  {n / ingest_s:,.0f} ops/s")
    print(f"anchor executemany, same rows and transaction size: {executemany_s:.2f} s  "
          f"{n / executemany_s:,.0f} ops/s  ratio {ingest_s / executemany_s:.2f}x")
    print(f"anchor COPY, same transaction size: {copy_batched_s:.2f} s  {n / copy_batched_s:,.0f} ops/s  "
          f"ratio {ingest_s / copy_batched_s:.2f}x")
    print(f"anchor COPY, one transaction: {copy_s:.2f} s  {n / copy_s:,.0f} ops/s  ratio {ingest_s / copy_s:.2f}x")
    database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
