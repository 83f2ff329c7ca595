"""Server load: N simulated devices upload sealed batches concurrently over loopback for S seconds to
`canvass-server serve --workers W` on PostgreSQL; batches/s, latency p50/p99, and every unintended error.

    .venv/bin/python benchmarks/server_load_bench.py [--devices 200] [--seconds 60] [--workers 4] [--ops 20]

The anchor, measured in the same run, is `GET /health` (one trivial query) under the same concurrency.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import httpx  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ed25519, x25519  # noqa: E402
from server_ingest_bench import seed  # noqa: E402
from server_pgcluster import pg_cluster  # noqa: E402

from canvass_protocol import envelope, trust, wire  # noqa: E402
from canvass_server import db as dbmod  # noqa: E402
from canvass_server.enrollment import make_enrollment_code  # noqa: E402

RESULTS = ["C", "NH", "NH", "R", "CB"]


class SimDevice:
    def __init__(self, ids: list[str]) -> None:
        self.key = ed25519.Ed25519PrivateKey.generate()
        self.ids = ids
        self.seq = 0
        self.device_id = self.token = self.key_id = ""
        self.server: x25519.X25519PublicKey | None = None

    async def enroll(self, client: httpx.AsyncClient, code: str) -> None:
        public = envelope.b64(envelope.raw_public(self.key.public_key()))
        r = await client.post("/v1/enroll", json=trust.enroll_request(code, public).model_dump())
        r.raise_for_status()
        body = wire.EnrollResponse.model_validate(r.json())
        self.device_id, self.token, self.key_id = body.device_id, body.token, body.server_key.key_id
        self.server = x25519.X25519PublicKey.from_public_bytes(envelope.unb64(body.server_key.public_key))

    def batch(self, n: int) -> tuple[str, bytes]:
        ops = []
        for _ in range(n):
            self.seq += 1
            payload = {"id": str(uuid.uuid4()), "county": {"name": "Bench", "state": "NC"},
                       "state_voter_id": self.ids[(self.seq * 7919) % len(self.ids)],
                       "result": RESULTS[self.seq % len(RESULTS)], "created_at": "2026-05-01T12:00:00+00:00"}
            ops.append(wire.Op(op_id=str(uuid.uuid4()), seq=self.seq, type="contact_attempt", payload=payload))
        header = wire.BatchHeader(device_id=self.device_id, key_id=self.key_id, batch_id=str(uuid.uuid4()),
                                  seq_first=ops[0].seq, seq_last=self.seq, op_count=n,
                                  created_at=dt.datetime.now(dt.UTC).isoformat())
        assert self.server is not None
        return header.batch_id, envelope.seal(header, wire.BatchBody(ops=ops), self.server, self.key)


async def upload_loop(dev: SimDevice, client: httpx.AsyncClient, until: float, n_ops: int,
                      latencies: list[float], errors: list[str]) -> None:
    while time.perf_counter() < until:
        batch_id, data = dev.batch(n_ops)
        while True:  # a network error would be retried with the same bytes, as the real client does
            t = time.perf_counter()
            try:
                r = await client.post("/v1/batches", content=data, headers={
                    "Authorization": f"Bearer {dev.token}", "Idempotency-Key": batch_id,
                    "Content-Type": wire.BATCH_CONTENT_TYPE})
            except httpx.HTTPError as exc:
                errors.append(f"network: {type(exc).__name__}")
                continue
            latencies.append(time.perf_counter() - t)
            if r.status_code != 200 or r.json()["applied"] != n_ops:
                errors.append(f"{r.status_code}: {r.text[:200]}")
            break


async def health_loop(client: httpx.AsyncClient, until: float, latencies: list[float], errors: list[str]) -> None:
    while time.perf_counter() < until:
        t = time.perf_counter()
        r = await client.get("/health")
        latencies.append(time.perf_counter() - t)
        if r.status_code != 200:
            errors.append(str(r.status_code))


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] * 1000 if len(values) > 1 else float("nan")


async def drive(base: str, devices: list[SimDevice], codes: list[str], args: argparse.Namespace) -> None:
    limits = httpx.Limits(max_connections=args.devices + 10, max_keepalive_connections=args.devices + 10)
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as client:
        for i in range(0, len(devices), 20):
            await asyncio.gather(*(d.enroll(client, c) for d, c in zip(devices[i:i + 20], codes[i:i + 20],
                                                                       strict=True)))
        h_lat: list[float] = []
        h_err: list[str] = []
        until = time.perf_counter() + min(10, args.seconds / 4)
        await asyncio.gather(*(health_loop(client, until, h_lat, h_err) for _ in devices))
        lat: list[float] = []
        err: list[str] = []
        start = time.perf_counter()
        until = start + args.seconds
        await asyncio.gather(*(upload_loop(d, client, until, args.ops, lat, err) for d in devices))
        elapsed = time.perf_counter() - start
    print(f"{args.devices} devices, {args.workers} workers, {args.ops} ops per batch, {elapsed:.0f} s")
    print(f"batches: {len(lat)}  {len(lat) / elapsed:.1f} batches/s  {len(lat) * args.ops / elapsed:,.0f} ops/s  "
          f"p50 {pct(lat, 50):.0f} ms  p99 {pct(lat, 99):.0f} ms  errors {len(err)}")
    print(f"anchor GET /health: {len(h_lat) / min(10, args.seconds / 4):.0f} req/s  p50 {pct(h_lat, 50):.0f} ms  "
          f"p99 {pct(h_lat, 99):.0f} ms  errors {len(h_err)}")
    for e in sorted(set(err))[:10]:
        print("  error:", e)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--devices", type=int, default=200)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--ops", type=int, default=20)
    args = ap.parse_args()
    with pg_cluster(max_connections=args.workers * 20 + 50) as url:
        database = dbmod.Database.connect(url)
        dbmod.upgrade(database.engine)
        ids = seed(database, 20_000)
        with database.session() as s:
            codes = [make_enrollment_code(s, county="Bench", state="NC", role="canvasser").code
                     for _ in range(args.devices)]
        devices = [SimDevice(ids) for _ in range(args.devices)]
        private = x25519.X25519PrivateKey.generate()
        from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
        raw = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        env = {**os.environ, "CANVASS_DATABASE_URL": url, "CANVASS_SERVER_PRIVATE_KEY": envelope.b64(raw),
               "CANVASS_RATE_LIMIT_PER_MINUTE": "100000"}
        port = 18000 + os.getpid() % 1000
        proc = subprocess.Popen([sys.executable, "-m", "canvass_server.cli", "serve", "--port", str(port),
                                 "--workers", str(args.workers), "--log-level", "warning"], env=env)
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(600):
                try:
                    if httpx.get(base + "/health", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.1)
            asyncio.run(drive(base, devices, codes, args))
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        with database.session() as s:
            from sqlalchemy import text
            stored = s.execute(text("SELECT count(*) FROM contact_attempt")).scalar_one()
            seqs = s.execute(text("SELECT sum(last_seq) FROM device")).scalar_one()
        print(f"stored contact attempts {stored}, sum of device seqs {seqs}: "
              f"{'consistent' if stored == seqs else 'INCONSISTENT'}")
        database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
