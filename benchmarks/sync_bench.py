"""End-to-end sync speed: 100,000 contacts from one device into PostgreSQL (freeze + seal, upload, ingest, settle)
against a plain insert of the same rows into the same table, in the same run; over plain HTTP and over TLS.

    .venv/bin/python benchmarks/sync_bench.py [--ops 100000] [--batch 2000] [--tls both|on|off]

The client is the real sync client (`canvass_app.sync.syncer.sync`, push only) on a real SQLCipher store; the
server is `canvass-server serve` (uvicorn, one worker) on loopback against a throwaway PostgreSQL cluster with its
default durability settings. The anchor inserts the very rows the server stored (same columns, same values) with
Core executemany, one transaction per batch-sized chunk, into an empty copy of the table in the same cluster.

With `--tls on` the server serves HTTPS (`serve --certfile --keyfile`) with a self-signed certificate for 127.0.0.1
made here with `cryptography`, and the device enrolls with that certificate as its CA file (`enroll --ca`). `both`
(the default) runs plain HTTP then TLS, each on a fresh cluster, and reports TLS/plain (issue 15: at most 1.15).
"""

from __future__ import annotations

import argparse
import datetime as dt
import ipaddress
import os
import ssl
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import cast

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
os.environ.setdefault("CANVASS_PASSPHRASE", "benchmark passphrase")

from cluster import free_port, wait_healthy  # noqa: E402
from cryptography import x509  # noqa: E402
from cryptography.hazmat.primitives import hashes  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec, x25519  # noqa: E402
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat  # noqa: E402
from cryptography.x509.oid import NameOID  # noqa: E402
from server_ingest_bench import RESULTS, seed  # noqa: E402  (the same seeded county as the ingest bench)
from server_pgcluster import pg_cluster  # noqa: E402
from sqlalchemy import MetaData, Table, insert, select, text  # noqa: E402

from canvass_app.store import outbox  # noqa: E402
from canvass_app.store.database import open_store  # noqa: E402
from canvass_app.sync.batches import Limits  # noqa: E402
from canvass_app.sync.enroll import enroll  # noqa: E402
from canvass_app.sync.syncer import SyncOptions, sync  # noqa: E402
from canvass_server import db as dbmod  # noqa: E402
from canvass_server.enrollment import make_enrollment_code  # noqa: E402
from canvass_server.keys import ServerKeyPair  # noqa: E402
from canvass_server.models import ContactAttempt  # noqa: E402


def self_signed(where: Path) -> tuple[Path, Path]:
    """A self-signed certificate (P-256) for 127.0.0.1 and its key, as PEM files: what a county with no CA of its
    own would make, and hand the certificate to its devices as their CA file."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(hours=1))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .sign(key, hashes.SHA256()))
    (where / "cert.pem").write_bytes(cert.public_bytes(Encoding.PEM))
    (where / "key.pem").write_bytes(key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()))
    (where / "key.pem").chmod(0o600)
    return where / "cert.pem", where / "key.pem"


def start_server(url: str, home: Path, tls: tuple[Path, Path] | None) -> tuple[subprocess.Popen[bytes], str]:
    keys = ServerKeyPair.of(x25519.X25519PrivateKey.generate())  # HPKE and Ed25519 signing keys
    port = free_port()
    env = {**os.environ, "CANVASS_DATABASE_URL": url, "CANVASS_SERVER_HOME": str(home),
           "CANVASS_SERVER_PRIVATE_KEY": keys.secret_text(), "CANVASS_RATE_LIMIT_PER_MINUTE": "100000"}
    serve_tls = ["--certfile", str(tls[0]), "--keyfile", str(tls[1])] if tls else []
    process = subprocess.Popen([sys.executable, "-m", "canvass_server.cli", "serve", "--port", str(port),
                                "--log-level", "warning", *serve_tls], env=env, stdout=subprocess.DEVNULL,
                               stderr=open(home / "server.log", "ab"))  # noqa: SIM115
    base = f"{'https' if tls else 'http'}://127.0.0.1:{port}"
    verify = ssl.create_default_context(cafile=str(tls[0])) if tls else True
    wait_healthy(base, process, verify=verify, log=home / "server.log")
    return process, base


@dataclass
class Run:
    queued: float
    synced: float
    plain: float
    batches: int


def run(ops: int, batch: int, tmp: Path, tls: bool) -> Run:
    """One device's sync of `ops` contacts on a fresh cluster, then the anchor in the same cluster."""
    tmp.mkdir(parents=True)
    certs = self_signed(tmp) if tls else None
    with pg_cluster() as url:
        database = dbmod.Database.connect(url)
        dbmod.upgrade(database.engine)
        seed(database, ops)
        process, base = start_server(url, tmp, certs)
        try:
            store = open_store(tmp / "client")
            with database.session() as s:
                code = make_enrollment_code(s, county="Bench", state="NC", role="county_lead", hours=1).code
            enroll(store, base, code, ca_file=str(certs[0]) if certs else None)
            t0 = time.perf_counter()
            now = dt.datetime.now(dt.UTC).isoformat()
            for start in range(0, ops, 5000):
                with store.session() as s:
                    for i in range(start, min(ops, start + 5000)):
                        outbox.enqueue(s, "contact_attempt", {
                            "id": str(uuid.uuid4()), "county": {"name": "Bench", "state": "NC"},
                            "state_voter_id": f"V{i:07d}", "result": RESULTS[i % len(RESULTS)],
                            "support": (i % 5) + 1 if i % 3 == 0 else None,
                            "list_number": "T-0001", "note": "left literature" if i % 10 == 0 else None,
                            "source": "walk", "created_at": now})
            queued = time.perf_counter() - t0

            t0 = time.perf_counter()
            report = sync(store, options=SyncOptions(pull=False, limits=Limits(max_ops=batch)))
            synced = time.perf_counter() - t0
            assert report.ok and report.applied == ops, report.line()
            store.close()
        finally:
            process.kill()
            process.wait()

        with database.engine.begin() as conn:
            conn.execute(text("CREATE TABLE contact_anchor (LIKE contact_attempt INCLUDING ALL)"))
            rows = [dict(r._mapping) for r in conn.execute(select(ContactAttempt.__table__))]
        anchor = cast(Table, ContactAttempt.__table__).to_metadata(MetaData(), name="contact_anchor")
        t0 = time.perf_counter()
        for start in range(0, len(rows), batch):
            with database.engine.begin() as conn:
                conn.execute(insert(anchor), rows[start : start + batch])
        plain = time.perf_counter() - t0
        database.dispose()
    return Run(queued, synced, plain, report.batches)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ops", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=2000, help="ops per sealed batch (the client default)")
    parser.add_argument("--tls", choices=("both", "on", "off"), default="both")
    parser.add_argument("--rounds", type=int, default=1, help="runs of each mode, alternating; the best counts")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="canvass-sync-bench-"))
    modes = {"both": (False, True), "on": (True,), "off": (False,)}[args.tls]
    best: dict[bool, Run] = {}
    for n in range(args.rounds):
        for tls in modes:
            r = run(args.ops, args.batch, tmp / f"{'tls' if tls else 'http'}-{n}", tls)
            if tls not in best or r.synced < best[tls].synced:
                best[tls] = r
            ratio = r.synced / r.plain
            print(f"{'TLS ' if tls else 'HTTP'}: {args.ops} contacts, batches of {args.batch}: queue (outbox, "
                  f"local) {r.queued:.1f} s; end-to-end sync {r.synced:.1f} s ({args.ops / r.synced:,.0f} ops/s, "
                  f"{r.batches} batches); plain insert of the same rows {r.plain:.1f} s ({args.ops / r.plain:,.0f} "
                  f"rows/s); ratio sync/plain {ratio:.2f}x (target <= 5x)", flush=True)
    ok = all(r.synced / r.plain <= 5 for r in best.values())
    if len(best) == 2:
        cost = best[True].synced / best[False].synced
        ok = ok and cost <= 1.15
        print(f"best of {args.rounds}: TLS {best[True].synced:.1f} s, plain HTTP {best[False].synced:.1f} s; "
              f"TLS/plain {cost:.3f}x (target <= 1.15x)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
