"""End-to-end sync speed: 100,000 contacts from one device into PostgreSQL (freeze + seal, upload, ingest, settle)
against a plain insert of the same rows into the same table, in the same run.

    .venv/bin/python benchmarks/sync_bench.py [--ops 100000] [--batch 2000] [--pg-bin DIR]

The client is the real sync client (`canvass_app.sync.syncer.sync`, push only) on a real SQLCipher store; the
server is `canvass-server serve` (uvicorn, one worker) on loopback against a throwaway PostgreSQL cluster with its
default durability settings. The anchor inserts the very rows the server stored (same columns, same values) with
Core executemany, one transaction per batch-sized chunk, into an empty copy of the table in the same cluster.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
os.environ.setdefault("CANVASS_PASSPHRASE", "benchmark passphrase")

import httpx  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import x25519  # noqa: E402
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat  # noqa: E402
from server_ingest_bench import RESULTS, seed  # noqa: E402  (the same seeded county as the ingest bench)
from server_pgcluster import pg_cluster  # noqa: E402
from sqlalchemy import insert, select, text  # noqa: E402

from canvass_app.store import outbox  # noqa: E402
from canvass_app.store.database import open_store  # noqa: E402
from canvass_app.sync.batches import Limits  # noqa: E402
from canvass_app.sync.enroll import enroll  # noqa: E402
from canvass_app.sync.syncer import SyncOptions, sync  # noqa: E402
from canvass_protocol import envelope  # noqa: E402
from canvass_server import db as dbmod  # noqa: E402
from canvass_server.enrollment import make_enrollment_code  # noqa: E402
from canvass_server.models import ContactAttempt  # noqa: E402


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(url: str, home: Path) -> tuple[subprocess.Popen[bytes], str]:
    key = x25519.X25519PrivateKey.generate()
    raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    port = free_port()
    env = {**os.environ, "CANVASS_DATABASE_URL": url, "CANVASS_SERVER_HOME": str(home),
           "CANVASS_SERVER_PRIVATE_KEY": envelope.b64(raw), "CANVASS_RATE_LIMIT_PER_MINUTE": "100000"}
    process = subprocess.Popen([sys.executable, "-m", "canvass_server.cli", "serve", "--port", str(port),
                                "--log-level", "warning"], env=env, stdout=subprocess.DEVNULL,
                               stderr=open(home / "server.log", "wb"))  # noqa: SIM115
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(base + "/health", timeout=1).status_code == 200:
                return process, base
        except httpx.HTTPError:
            time.sleep(0.1)
    raise SystemExit("the server did not start; see " + str(home / "server.log"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ops", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=2000, help="ops per sealed batch (the client default)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="canvass-sync-bench-"))
    with pg_cluster() as url:
        database = dbmod.Database.connect(url)
        dbmod.upgrade(database.engine)
        seed(database, args.ops)
        process, base = start_server(url, tmp)
        try:
            store = open_store(tmp / "client")
            with database.session() as s:
                code = make_enrollment_code(s, county="Bench", state="NC", role="canvasser", hours=1).code
            enroll(store, base, code)
            t0 = time.perf_counter()
            now = dt.datetime.now(dt.UTC).isoformat()
            for start in range(0, args.ops, 5000):
                with store.session() as s:
                    for i in range(start, min(args.ops, start + 5000)):
                        outbox.enqueue(s, "contact_attempt", {
                            "id": str(uuid.uuid4()), "county": {"name": "Bench", "state": "NC"},
                            "state_voter_id": f"V{i:07d}", "result": RESULTS[i % len(RESULTS)],
                            "support": (i % 5) + 1 if i % 3 == 0 else None, "canvasser": "Pat",
                            "list_number": "T-0001", "note": "left literature" if i % 10 == 0 else None,
                            "source": "walk", "created_at": now})
            queued = time.perf_counter() - t0

            t0 = time.perf_counter()
            report = sync(store, options=SyncOptions(pull=False, limits=Limits(max_ops=args.batch)))
            synced = time.perf_counter() - t0
            assert report.ok and report.applied == args.ops, report.line()
            store.close()
        finally:
            process.kill()
            process.wait()

        with database.engine.begin() as conn:
            conn.execute(text("CREATE TABLE contact_anchor (LIKE contact_attempt INCLUDING ALL)"))
            rows = [dict(r._mapping) for r in conn.execute(select(ContactAttempt.__table__))]
        anchor = ContactAttempt.__table__.to_metadata(ContactAttempt.metadata, name="contact_anchor")
        t0 = time.perf_counter()
        for start in range(0, len(rows), args.batch):
            with database.engine.begin() as conn:
                conn.execute(insert(anchor), rows[start : start + args.batch])
        plain = time.perf_counter() - t0
        database.dispose()

    ratio = synced / plain
    print(f"{args.ops} contacts, batches of {args.batch}: queue (outbox, local) {queued:.1f} s; end-to-end sync "
          f"{synced:.1f} s ({args.ops / synced:,.0f} ops/s, {report.batches} batches); plain insert of the same "
          f"rows {plain:.1f} s ({args.ops / plain:,.0f} rows/s); ratio sync/plain {ratio:.2f}x (target <= 5x)")
    return 0 if ratio <= 5 else 1


if __name__ == "__main__":
    sys.exit(main())
