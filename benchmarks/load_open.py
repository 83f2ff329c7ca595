"""Open-loop load on the sync server: sealed batches sent at a fixed arrival rate, latency from the scheduled time.

    .venv/bin/python benchmarks/load_open.py [--workers 2] [--seconds 20] [--rates auto] [--ops 20]
    .venv/bin/python benchmarks/load_open.py --nodes 2 --rates 100 --seconds 300     # through `make cluster`

Devices are enrolled over HTTP and their canvassers given turfs beforehand; every batch of a phase is sealed
(HPKE + Ed25519, docs/sync-protocol.md section 4) before the phase starts. Several generator processes then send
them at the phase's arrival rate, each batch at its own scheduled time whether or not earlier answers are back
(a device still sends its batches one at a time, in order, as the real client does: a batch whose device is busy
waits, and that wait counts). Latency is measured from the scheduled send time, so a stalled server cannot hide
its backlog (no coordinated omission); "service" is the time from the actual send to the answer.

`--rates auto` first finds the saturation rate (a closed loop of `--concurrency` devices sending back to back),
then runs open-loop phases at 25%, 50% and 80% of it. After every phase the database must hold exactly the ops
sent (contact attempts = ledger rows = sum of the devices' seqs = results in the console's rollups, after a drain
of what is queued for them as the console does before it reads = ops the generators sent). What the rollups'
drains had not counted by the end of a phase is reported, with the time the check took to count it; "with the
drains' catch-up" is the rate as if the phase had lasted until then (the 25-80% phases are shares of that one).

Anchor, same run: `GET /health` against a bare uvicorn app answering the same JSON with the same worker count,
both driven by Debian's `wrk` (a compiled closed-loop generator), interleaved.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import math
import multiprocessing as mp
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tools"))

import httpx  # noqa: E402
from cluster import free_port, wait_healthy  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ed25519, x25519  # noqa: E402
from sqlalchemy import text  # noqa: E402

from canvass_protocol import envelope, trust, wire  # noqa: E402

COUNTY = {"name": "Bench", "state": "NC"}
RESULTS = ["C", "NH", "NH", "R", "CB", "M"]
TURF_VOTERS = 60


@dataclass
class DeviceSpec:
    """What a generator process needs to seal and send as one enrolled device."""

    device_id: str
    token: str
    key_id: str
    private: bytes  # the device's Ed25519 key, raw
    server_public: bytes  # the server's X25519 key, raw
    voters: list[str]  # state voter ids on the turf its canvasser holds
    seq: int = 0


# ---------------------------------------------------------------------------------------------- generator side


def seal_batch(dev: DeviceSpec, n_ops: int, key: ed25519.Ed25519PrivateKey, server: x25519.X25519PublicKey
               ) -> tuple[str, bytes]:
    ops = []
    for _ in range(n_ops):
        dev.seq += 1
        payload = {"id": str(uuid.uuid4()), "county": COUNTY, "state_voter_id": dev.voters[dev.seq % len(dev.voters)],
                   "result": RESULTS[dev.seq % len(RESULTS)], "support": dev.seq % 5 + 1,
                   "created_at": "2026-11-01T12:00:00+00:00"}
        ops.append(wire.Op(op_id=str(uuid.uuid4()), seq=dev.seq, type="contact_attempt",
                           schema_version=wire.OP_SCHEMA_VERSION, payload=payload))
    header = wire.BatchHeader(device_id=dev.device_id, key_id=dev.key_id, batch_id=str(uuid.uuid4()),
                              seq_first=ops[0].seq, seq_last=dev.seq, op_count=n_ops,
                              created_at=dt.datetime.now(dt.UTC).isoformat())
    return header.batch_id, envelope.seal(header, wire.BatchBody(ops=ops), server, key)


@dataclass
class Sent:
    scheduled: float  # when it was due (closed loop: when its device was free)
    started: float  # when its last attempt went out
    done: float
    retries: int
    ok: bool
    why: str = ""


async def post_batch(http: Any, url: str, dev: DeviceSpec, batch: tuple[str, bytes], n_ops: int,
                     scheduled: float, deadline: float) -> Sent:
    """One batch until the server has it: network errors, 5xx and 429 are retried with the same bytes."""
    import aiohttp

    batch_id, data = batch
    headers = {"Authorization": f"Bearer {dev.token}", "Idempotency-Key": batch_id,
               "Content-Type": wire.BATCH_CONTENT_TYPE}
    retries, why = 0, ""
    while True:
        started = time.time()
        try:
            async with http.post(url + "/v1/batches", data=data, headers=headers) as r:
                body = await r.read()
                if r.status == 200:
                    answer = wire.BatchAnswer.model_validate_json(body)
                    ok = answer.applied + answer.duplicates == n_ops
                    bad = [r for r in answer.results if r.status == "rejected"]
                    return Sent(scheduled, started, time.time(), retries, ok,
                                f"200 with {len(bad)} rejected: {bad[0].code} {bad[0].reason}" if bad else "")
                if r.status < 500 and r.status != 429:
                    return Sent(scheduled, started, time.time(), retries, False, f"{r.status}: {body[:200]!r}")
                why = f"{r.status}"
        except (aiohttp.ClientError, TimeoutError) as exc:
            why = type(exc).__name__
        retries += 1
        if time.time() > deadline:
            return Sent(scheduled, started, time.time(), retries, False, f"gave up after retries: {why}")
        await asyncio.sleep(0.05 * min(retries, 10))


async def run_open(url: str, devices: list[DeviceSpec], queues: list[list[tuple[str, bytes]]], rate: float,
                   start: float, n_ops: int) -> list[Sent]:
    """Batch i is due at start + i/rate and goes to device i mod len(devices) (its next sealed batch)."""
    import aiohttp

    total = sum(len(q) for q in queues)
    locks = [asyncio.Lock() for _ in devices]
    out: list[Sent] = []
    connector = aiohttp.TCPConnector(limit=0, force_close=False)
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as http:

        async def one(i: int) -> None:
            due = start + i / rate
            k = i % len(devices)
            await asyncio.sleep(max(0.0, due - time.time()))
            async with locks[k]:  # the device's previous batch must be answered first (seq order)
                out.append(await post_batch(http, url, devices[k], queues[k][i // len(devices)], n_ops, due,
                                            due + 120))

        await asyncio.gather(*(one(i) for i in range(total)))
    return out


async def run_closed(url: str, devices: list[DeviceSpec], queues: list[list[tuple[str, bytes]]], until: float,
                     n_ops: int) -> tuple[list[Sent], list[int]]:
    """Each device sends its batches back to back until `until`; returns the records and the count each sent."""
    import aiohttp

    out: list[Sent] = []
    sent = [0] * len(devices)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0),
                                     timeout=aiohttp.ClientTimeout(total=60)) as http:

        async def loop(k: int) -> None:
            for batch in queues[k]:
                if time.time() >= until:
                    return
                now = time.time()
                sent[k] += 1
                out.append(await post_batch(http, url, devices[k], batch, n_ops, now, now + 120))

        await asyncio.gather(*(loop(k) for k in range(len(devices))))
    return out, sent


def generator(conn: Any, url: str, devices: list[DeviceSpec], n_ops: int) -> None:
    """A generator process: seals on request (untimed), then sends; answers with its records, its CPU seconds
    and the ops it sent."""
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    keys = [ed25519.Ed25519PrivateKey.from_private_bytes(d.private) for d in devices]
    server = x25519.X25519PublicKey.from_public_bytes(devices[0].server_public)
    while True:
        msg = conn.recv()
        if msg[0] == "stop":
            return
        kind, amount, seconds = msg
        if kind == "open":  # `amount` batches/s from this process for `seconds`
            total = max(1, round(amount * seconds))
            per = [total // len(devices) + (1 if k < total % len(devices) else 0) for k in range(len(devices))]
        else:  # closed: the first `amount` devices, each with more batches than it can send in the phase
            per = [math.ceil(500 * seconds / amount) if k < amount else 0 for k in range(len(devices))]
        queues = [[seal_batch(d, n_ops, keys[k], server) for _ in range(per[k])] for k, d in enumerate(devices)]
        conn.send("sealed")
        start = conn.recv()
        cpu = time.process_time()
        if kind == "open":
            records, sent = asyncio.run(run_open(url, devices, queues, amount, start, n_ops)), per
        else:
            records, sent = asyncio.run(run_closed(url, devices, queues, start + seconds, n_ops))
        for k, d in enumerate(devices):  # seqs sealed but never sent are reused by the next phase
            d.seq -= (per[k] - sent[k]) * n_ops
        conn.send((records, time.process_time() - cpu, sum(sent) * n_ops))


# ---------------------------------------------------------------------------------------------- driver side


def enroll_devices(url: str, database_url: str, n: int) -> list[DeviceSpec]:
    """n canvassers, each with an enrolled device and a turf of TURF_VOTERS voters of their own."""
    from server_ingest_bench import seed
    from sqlalchemy import create_engine, insert

    from canvass_server import db as dbmod
    from canvass_server.enrollment import make_enrollment_code
    from canvass_server.models import Device, Turf, TurfAssignment, TurfLine

    database = dbmod.Database.connect(database_url)
    ids = seed(database, max(20_000, n * TURF_VOTERS))
    with database.session() as s:
        codes = [make_enrollment_code(s, county=COUNTY["name"], state=COUNTY["state"], role="canvasser").code
                 for _ in range(n)]
    keys = [ed25519.Ed25519PrivateKey.generate() for _ in range(n)]

    def enroll(client: httpx.Client, code: str, key: ed25519.Ed25519PrivateKey) -> wire.EnrollResponse:
        public = envelope.b64(envelope.raw_public(key.public_key()))
        r = client.post("/v1/enroll", json=trust.enroll_request(code, public, "bench").model_dump())
        r.raise_for_status()
        return wire.EnrollResponse.model_validate(r.json())

    with httpx.Client(base_url=url, timeout=60) as client:
        answers = [enroll(client, c, k) for c, k in zip(codes, keys, strict=True)]
    specs = []
    with database.session() as s:
        county_id, = s.execute(text("SELECT id FROM county WHERE name = :n"), {"n": COUNTY["name"]}).one()
        voter_ids = dict(s.execute(text("SELECT state_voter_id, id FROM voter WHERE county_id = :c"),
                                   {"c": county_id}).all())
        for i, (answer, key) in enumerate(zip(answers, keys, strict=True)):
            member_id = s.get_one(Device, answer.device_id).member_id
            turf = Turf(county_id=county_id, list_number=f"B{i:05d}", name=f"bench {i}", member_id=member_id)
            s.add(turf)
            s.flush()
            mine = ids[i * TURF_VOTERS:(i + 1) * TURF_VOTERS]
            s.execute(insert(TurfLine), [{"turf_id": turf.id, "line": j + 1, "voter_id": voter_ids[sid]}
                                         for j, sid in enumerate(mine)])
            s.add(TurfAssignment(turf_id=turf.id, member_id=member_id))
            raw = key.private_bytes(*_RAW_PRIVATE)
            specs.append(DeviceSpec(answer.device_id, answer.token, answer.server_key.key_id, raw,
                                    envelope.unb64(answer.server_key.public_key), mine))
    engine = create_engine(dbmod.normalise_url(database_url), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("ANALYZE"))
    engine.dispose()
    database.dispose()
    return specs


def _raw_private_format() -> tuple[Any, Any, Any]:
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

    return Encoding.Raw, PrivateFormat.Raw, NoEncryption()


_RAW_PRIVATE = _raw_private_format()


def stored_counts(database_url: str) -> tuple[tuple[int, int, int, int], int, float]:
    """(contact attempts, ledger rows, sum of the devices' last seq, results in the console's rollups) as the
    database has them; the contact rows still queued for the rollups when the phase ended (the drains keep up when
    it is about what one drain counts) and the seconds it took to count them (work the phase left undone): the
    rollups after a drain of what is queued, as the console's pages drain before they read (every op here is a
    new result: each counts once)."""
    from canvass_server.db import Database
    from canvass_server.rollup_queue import drain_all

    database = Database.connect(database_url)
    with database.engine.connect() as conn:
        queued = int(conn.execute(text("SELECT count(*) FROM rollup_pending")).scalar_one())
    started = time.perf_counter()
    drain_all(database)
    catch_up = time.perf_counter() - started
    with database.engine.connect() as conn:
        row = conn.execute(text("SELECT (SELECT count(*) FROM contact_attempt), (SELECT count(*) FROM applied_op), "
                                "(SELECT coalesce(sum(last_seq), 0) FROM device), "
                                "(SELECT coalesce(sum(n), 0) FROM rollup_county)")).one()
    database.dispose()
    return (int(row[0]), int(row[1]), int(row[2]), int(row[3])), queued, catch_up


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0] * 1000
    return statistics.quantiles(values, n=1000, method="inclusive")[int(q * 10) - 1] * 1000


@dataclass
class Phase:
    name: str
    target: float  # batches/s asked (closed loop: 0)
    seconds: float
    records: list[Sent]
    cpu: float  # the generators' CPU seconds
    ops_sent: int
    stored: tuple[int, int, int, int]
    expected_ops: int
    queued: int  # contact rows not yet counted in the rollups when the phase ended
    catch_up: float  # seconds the check took to count them
    server_cpu: dict[str, float] = field(default_factory=dict)  # CPU ms per batch: api, postgres, proxies

    @property
    def errors(self) -> list[str]:
        return [r.why for r in self.records if not r.ok]

    @property
    def rate(self) -> float:
        if not self.records:
            return 0.0
        first = min(r.scheduled for r in self.records)
        last = max(r.done for r in self.records)
        return len(self.records) / max(last - first, 1e-9)

    @property
    def whole_rate(self) -> float:
        """The rate with the rollups' unfinished work counted in: as if the phase had lasted until it was done."""
        return len(self.records) / (len(self.records) / max(self.rate, 1e-9) + self.catch_up)

    @property
    def exactly_once(self) -> bool:
        return self.stored == (self.expected_ops,) * 4

    def line(self, n_ops: int) -> str:
        latency = [r.done - r.scheduled for r in self.records]
        service = [r.done - r.started for r in self.records]
        retries = sum(r.retries for r in self.records)
        cpu = " / ".join(f"{self.server_cpu.get(k, 0):.1f}" for k in ("api", "postgres", "proxies"))
        return (f"| {self.name} | {self.target:.0f} | {self.rate:.1f} ({self.rate * n_ops:,.0f} ops/s; "
                f"{self.whole_rate:.1f} with the drains' catch-up) | "
                f"{pct(service, 50):.0f} / {pct(service, 95):.0f} / {pct(service, 99):.0f} | "
                f"{pct(latency, 50):.0f} / {pct(latency, 99):.0f} / {max(latency, default=0) * 1000:.0f} | "
                f"{len(self.errors)} ({retries} retried) | {cpu} | {self.cpu / self.seconds * 100:.0f}% | "
                f"{'yes' if self.exactly_once else 'NO'} ({self.stored[0]:,} = {self.expected_ops:,}; "
                f"{self.queued:,} queued at the end, counted in {self.catch_up:.1f} s) |")


class Generators:
    """`procs` generator processes, each owning a share of the devices."""

    def __init__(self, url: str, devices: list[DeviceSpec], procs: int, n_ops: int) -> None:
        ctx = mp.get_context("spawn")
        self.n_ops, self.conns, self.procs = n_ops, [], []
        for i in range(procs):
            ours, theirs = ctx.Pipe()
            p = ctx.Process(target=generator, args=(theirs, url, devices[i::procs], n_ops), daemon=True)
            p.start()
            self.conns.append(ours)
            self.procs.append(p)
        self.sizes = [len(devices[i::procs]) for i in range(procs)]
        self.ops_sent = 0

    def run(self, kind: str, amount: float, seconds: float) -> tuple[list[Sent], float, int]:
        """An open phase (`amount` batches/s in all) or a closed one (`amount` devices in all)."""
        n = len(self.conns)
        for conn in self.conns:
            share = amount / n if kind == "open" else max(1, round(amount / n))
            conn.send((kind, share, seconds))
        for conn in self.conns:
            assert conn.recv() == "sealed"
        start = time.time() + 0.5
        for conn in self.conns:
            conn.send(start)
        records: list[Sent] = []
        cpu, ops = 0.0, 0
        for conn in self.conns:
            r, c, o = conn.recv()
            records += r
            cpu += c
            ops += o
        self.ops_sent += ops
        return records, cpu, ops

    def close(self) -> None:
        for conn in self.conns:
            conn.send(("stop",))
        for p in self.procs:
            p.join(timeout=10)


def phase(gens: Generators, c: Any, name: str, kind: str, amount: float, seconds: float) -> Phase:
    before = c.cpu_seconds()
    records, cpu, _ = gens.run(kind, amount, seconds)
    after = c.cpu_seconds()
    stored, queued, catch_up = stored_counts(c.database_url)
    p = Phase(name, amount if kind == "open" else 0, seconds, records, cpu, gens.ops_sent, stored, gens.ops_sent,
              queued, catch_up)
    p.server_cpu = {k: (after[k] - before[k]) / max(len(records), 1) * 1000 for k in after}
    print(p.line(gens.n_ops), flush=True)
    for why in sorted({e[:100] for e in p.errors})[:3]:
        print(f"    error: {why}", flush=True)
    return p


# ---------------------------------------------------------------------------------------------- /health anchor

BARE_APP = '''
"""A bare uvicorn (ASGI) app answering GET /health with fixed JSON: the anchor of benchmarks/load_open.py."""
import os
BODY = os.environ["BARE_BODY"].encode()
async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(BODY)).encode())]})
    await send({"type": "http.response.body", "body": BODY})
'''


def wrk_rate(url: str, seconds: int, connections: int) -> tuple[float, str]:
    out = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", url],
                         capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p99 = re.search(r"99%\s+(\S+)", out)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rate, f"p99 {p99.group(1) if p99 else '?'}" + (f", {bad.group(1)} non-2xx" if bad else "")


@contextmanager
def bare_uvicorn(body: bytes, workers: int) -> Iterator[str]:
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="canvass-bare-"))
    (folder / "bare_health.py").write_text(BARE_APP)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "bare_health:app", "--port", str(port), "--workers",
                             str(workers), "--log-level", "warning", "--no-access-log"],
                            cwd=folder, env={**os.environ, "BARE_BODY": body.decode()}, start_new_session=True)
    try:
        wait_healthy(f"http://127.0.0.1:{port}", proc)
        yield f"http://127.0.0.1:{port}/health"
    finally:
        os.killpg(proc.pid, 15)
        proc.wait(timeout=20)
        shutil.rmtree(folder, ignore_errors=True)


def health_anchor(node_url: str, workers: int, seconds: int, rounds: int = 2) -> None:
    body = httpx.get(node_url + "/health").content
    ours, bare = [], []
    with bare_uvicorn(body, workers) as bare_url:
        assert httpx.get(bare_url).content == body
        for _ in range(rounds):  # interleaved, so the shared machine's other load hits both alike
            bare.append(wrk_rate(bare_url, seconds, 32))
            ours.append(wrk_rate(node_url + "/health", seconds, 32))
    b, o = statistics.median(r for r, _ in bare), statistics.median(r for r, _ in ours)
    print(f"GET /health, wrk -c32, {workers} worker(s), median of {rounds} x {seconds} s: ours {o:,.0f} req/s "
          f"({ours[-1][1]}), bare uvicorn {b:,.0f} req/s ({bare[-1][1]}): ours/bare = {o / b:.2f}", flush=True)


# ---------------------------------------------------------------------------------------------- main


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=0,
                    help="N nodes behind nginx and PgBouncer (tools/cluster.py); 0: one `serve` on PostgreSQL")
    ap.add_argument("--workers", type=int, default=2, help="uvicorn workers per node")
    ap.add_argument("--devices", type=int, default=600)
    ap.add_argument("--ops", type=int, default=20, help="ops per batch")
    ap.add_argument("--seconds", type=float, default=20, help="length of each phase")
    ap.add_argument("--rates", default="auto",
                    help="comma-separated batches/s, or `auto`: saturation, then 25%%, 50%%, 80%% of it")
    ap.add_argument("--concurrency", type=int, default=48, help="devices in the saturation (closed loop) phase")
    ap.add_argument("--procs", type=int, default=2, help="generator processes")
    ap.add_argument("--health-seconds", type=int, default=5, help="0 skips the /health anchor")
    ap.add_argument("--profile", metavar="FILE", help="py-spy samples of node 1 (all its workers) during the phases, "
                                                      "as collapsed stacks in FILE")
    ap.add_argument("--pool-mode", choices=["transaction", "session"], default="transaction",
                    help="with --nodes: PgBouncer's pool_mode (session: the nodes keep prepared statements)")
    ap.add_argument("--drain-in-nodes", action="store_true",
                    help="each node counts the rollups itself (before session 9), no `canvass-server drain` process")
    ap.add_argument("--kill-node-after", type=float, default=0,
                    help="with --nodes >= 2: SIGKILL the first node this many seconds into each open phase")
    args = ap.parse_args()
    import threading

    from cluster import cluster

    env = {"CANVASS_RATE_LIMIT_PER_MINUTE": "100000", "CANVASS_LOG_LEVEL": "warning"}
    with ExitStack() as stack:
        c = stack.enter_context(cluster(max(args.nodes, 1), args.workers, balancer=args.nodes > 0,
                                        pooler=args.nodes > 0, pool_mode=args.pool_mode,
                                        drain_process=not args.drain_in_nodes, env=env))
        where = (f"{args.nodes} node(s) x {args.workers} worker(s) behind nginx, PgBouncer ({args.pool_mode})"
                 if args.nodes
                 else f"one `serve --workers {args.workers}`")
        where += "; rollups counted in the nodes" if args.drain_in_nodes else "; rollups by `canvass-server drain`"
        print(f"{where}; PostgreSQL (fsync on); {args.devices} devices; {args.ops} ops per batch; "
              f"{args.procs} generator processes; load average {os.getloadavg()[0]:.1f}", flush=True)
        if args.health_seconds:
            health_anchor(c.nodes[0].url, args.workers, args.health_seconds)
        t = time.time()
        devices = enroll_devices(c.url, c.database_url, args.devices)
        print(f"enrolled {len(devices)} devices in {time.time() - t:.0f} s", flush=True)
        gens = Generators(c.url, devices, args.procs, args.ops)
        if args.profile:
            py_spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
            spy = subprocess.Popen([py_spy, "record", "--pid", str(c.nodes[0].proc.pid), "--subprocesses",
                                    "--nonblocking", "--gil", "--rate", "100", "--format", "raw",
                                    "--output", args.profile],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            stack.callback(lambda: (spy.send_signal(2), spy.wait(timeout=60)))
        stack.callback(gens.close)
        print("| phase | asked batches/s | done batches/s | service p50 / p95 / p99 ms | from schedule p50 / p99 / "
              "max ms | errors | CPU ms per batch: API / PostgreSQL / nginx+PgBouncer | generator CPU | "
              "exactly once (stored = counted in the rollups = sent) |")
        print("|---|---|---|---|---|---|---|---|---|")
        if args.rates == "auto":
            sat = phase(gens, c, f"saturation (closed loop, {args.concurrency} devices)", "closed",
                        args.concurrency, args.seconds)
            rates = [(f"{share:.0%}", sat.whole_rate * share) for share in (0.25, 0.5, 0.8)]
        else:
            rates = [(f"{float(r):.0f}/s", float(r)) for r in args.rates.split(",")]
        for name, rate in rates:
            if args.kill_node_after and len(c.nodes) > 1 and c.nodes[0].proc.poll() is None:
                threading.Timer(args.kill_node_after, c.nodes[0].kill).start()
                name += f", node 1 killed at {args.kill_node_after:.0f} s"
            phase(gens, c, name, "open", rate, args.seconds)
        print(f"load average at the end {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
