"""A rogue device's flood of bad batches against an honest device's sync, on PostgreSQL and on SQLite (issue 15:
the honest device's p99 stays under 1 s).

    .venv/bin/python benchmarks/rogue_flood_bench.py [--backend both|postgres|sqlite] [--seconds 20]
        [--flooders 4] [--ops 5] [--rate-limit N]

The server is `canvass-server serve` (uvicorn, one worker, the default settings: 600 batches a minute per device)
on loopback, over a throwaway PostgreSQL cluster (default durability) or a fresh SQLite file. Two devices enroll
through the real endpoint: an honest one (the real client, `canvass_app.sync.syncer.sync`, push only, on a real
SQLCipher store) and a rogue one, whose keys `--flooders` processes share to POST bad batches as fast as the server
answers, each cycling through every kind: seq gaps, bad signatures, a wrong server key id, bodies declared past the
size limit, too many ops, bodies that inflate past the plaintext limit, garbage, well-sealed bodies that do not
match their header, replays of a stored batch and a stored batch id with other bytes.

The anchor, in the same run against the same server: the honest device alone, syncing `--ops` contacts at a time,
a sync every `--interval` seconds, for `--seconds`; then the same with the flood on. Reported: the honest device's
p50/p95/p99 per sync in both phases, the ratio, the server's CPU time per phase, and what the rogue got back per
kind.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing as mp
import os
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import uuid
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
os.environ.setdefault("CANVASS_PASSPHRASE", "benchmark passphrase")

import httpx  # noqa: E402
from cluster import free_port, wait_healthy  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ed25519, x25519  # noqa: E402
from server_ingest_bench import RESULTS, seed  # noqa: E402
from server_pgcluster import pg_cluster  # noqa: E402

from canvass_app.store import outbox  # noqa: E402
from canvass_app.store.database import Store, open_store  # noqa: E402
from canvass_app.sync.enroll import enroll  # noqa: E402
from canvass_app.sync.syncer import SyncOptions, sync  # noqa: E402
from canvass_protocol import envelope, trust, wire  # noqa: E402
from canvass_server import db as dbmod  # noqa: E402
from canvass_server.enrollment import make_enrollment_code  # noqa: E402
from canvass_server.keys import ServerKeyPair  # noqa: E402

COUNTY = {"name": "Bench", "state": "NC"}
VOTERS = 20_000
MAX_BATCH_BYTES = 4 * 1024 * 1024  # the server default (Settings.max_batch_bytes)


@dataclass(frozen=True)
class Rogue:
    """What a flooding process needs: the rogue device's own credentials (it is enrolled; it is just hostile)."""

    base: str
    device_id: str
    token: str
    key_id: str
    server_public: bytes
    signing_key: bytes
    stored_batch_id: str
    stored_batch: bytes


def start_server(url: str, home: Path, rate_limit: int | None) -> tuple[subprocess.Popen[bytes], str]:
    keys = ServerKeyPair.of(x25519.X25519PrivateKey.generate())
    port = free_port()
    env = {**os.environ, "CANVASS_DATABASE_URL": url, "CANVASS_SERVER_HOME": str(home),
           "CANVASS_SERVER_PRIVATE_KEY": keys.secret_text()}
    if rate_limit is not None:
        env["CANVASS_RATE_LIMIT_PER_MINUTE"] = str(rate_limit)
    process = subprocess.Popen([sys.executable, "-m", "canvass_server.cli", "serve", "--port", str(port),
                                "--log-level", "warning"], env=env, stdout=subprocess.DEVNULL,
                               stderr=open(home / "server.log", "ab"))  # noqa: SIM115
    base = f"http://127.0.0.1:{port}"
    wait_healthy(base, process, log=home / "server.log")
    return process, base


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def contact_payload(voter: str, note: str | None = None) -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "county": COUNTY, "state_voter_id": voter, "result": RESULTS[len(voter) % 7],
            "note": note, "source": "walk", "created_at": dt.datetime.now(dt.UTC).isoformat()}


def enroll_rogue(base: str, code: str) -> Rogue:
    """Enroll through the real endpoint, then store one good batch (seq 1) for the replays."""
    key = ed25519.Ed25519PrivateKey.generate()
    public = envelope.b64(envelope.raw_public(key.public_key()))
    r = httpx.post(base + "/v1/enroll", json=trust.enroll_request(code, public).model_dump())
    r.raise_for_status()
    answer = wire.EnrollResponse.model_validate(r.json())
    server = x25519.X25519PublicKey.from_public_bytes(envelope.unb64(answer.server_key.public_key))
    header = wire.BatchHeader(device_id=answer.device_id, key_id=answer.server_key.key_id,
                              batch_id=str(uuid.uuid4()), seq_first=1, seq_last=1, op_count=1,
                              created_at=dt.datetime.now(dt.UTC).isoformat())
    op = wire.Op(op_id=str(uuid.uuid4()), seq=1, type="contact_attempt", payload=contact_payload("V0000001"))
    sealed = envelope.seal(header, wire.BatchBody(ops=[op]), server, key)
    r = httpx.post(base + "/v1/batches", content=sealed, headers={
        "Authorization": f"Bearer {answer.token}", "Idempotency-Key": header.batch_id,
        "Content-Type": wire.BATCH_CONTENT_TYPE})
    assert r.status_code == 200, r.text
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

    return Rogue(base, answer.device_id, answer.token, answer.server_key.key_id,
                 envelope.raw_public(server), key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()),
                 header.batch_id, sealed)


def _sealed_raw(header: wire.BatchHeader, plaintext: bytes, server: x25519.X25519PublicKey,
                key: ed25519.Ed25519PrivateKey) -> bytes:
    """`envelope.seal` over plaintext of our choosing (a body that is not what the header says)."""
    header_bytes = header.canonical()
    ciphertext = envelope.SUITE.encrypt(zlib.compress(plaintext, 9), server, info=header_bytes)
    signed = b"".join((envelope.MAGIC, bytes([envelope.FORMAT]), struct.pack(">I", len(header_bytes)),
                       header_bytes, struct.pack(">I", len(ciphertext)), ciphertext))
    return signed + key.sign(signed)


def bad_batches(rogue: Rogue) -> dict[str, tuple[str, bytes]]:
    """Every kind of bad batch, as (Idempotency-Key, bytes); made once, sent over and over (failed batches are
    not stored, so the same bytes stay just as bad). The rogue's last stored seq is 1."""
    server = x25519.X25519PublicKey.from_public_bytes(rogue.server_public)
    key = ed25519.Ed25519PrivateKey.from_private_bytes(rogue.signing_key)

    def header(seq_first: int, n: int, key_id: str = rogue.key_id, batch_id: str = "") -> wire.BatchHeader:
        return wire.BatchHeader(device_id=rogue.device_id, key_id=key_id, batch_id=batch_id or str(uuid.uuid4()),
                                seq_first=seq_first, seq_last=seq_first + n - 1, op_count=n,
                                created_at=dt.datetime.now(dt.UTC).isoformat())

    def body(seq_first: int, n: int) -> wire.BatchBody:  # about 170 KB sealed, as the reproduction
        return wire.BatchBody(ops=[wire.Op(op_id=str(uuid.uuid4()), seq=seq_first + i, type="contact_attempt",
                                           payload=contact_payload(f"V{i:07d}", note=os.urandom(1500).hex()))
                                   for i in range(n)])

    def sealed(h: wire.BatchHeader, b: wire.BatchBody) -> tuple[str, bytes]:
        return h.batch_id, envelope.seal(h, b, server, key)

    out: dict[str, tuple[str, bytes]] = {}
    out["seq_gap"] = sealed(header(1000, 60), body(1000, 60))
    batch_id, good = sealed(header(2, 60), body(2, 60))
    out["bad_signature"] = batch_id, good[:-64] + bytes(64)
    out["wrong_key_id"] = sealed(header(2, 60, key_id="0" * 16), body(2, 60))
    out["too_many_ops"] = sealed(header(2, 6000), body(2, 1))  # the header claims 6,000 ops
    h = header(2, 1)
    out["inflates_too_far"] = h.batch_id, _sealed_raw(h, b" " * (33 * 1024 * 1024), server, key)
    h = header(2, 60)
    out["body_not_header"] = h.batch_id, _sealed_raw(h, wire.canonical_json(body(500, 60).model_dump(mode="json")),
                                                     server, key)
    out["garbage"] = str(uuid.uuid4()), os.urandom(170_000)
    out["replay"] = rogue.stored_batch_id, rogue.stored_batch
    out["replay_other_bytes"] = sealed(header(1, 1, batch_id=rogue.stored_batch_id), body(1, 1))
    out["declared_oversize"] = str(uuid.uuid4()), b""  # sent by hand: headers only, Content-Length past the limit
    return out


def declared_oversize(rogue: Rogue, batch_id: str) -> int:
    """POST headers declaring a body past the limit, then wait for the answer (no body is ever sent)."""
    port = int(rogue.base.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall((f"POST /v1/batches HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {rogue.token}\r\n"
                   f"Idempotency-Key: {batch_id}\r\nContent-Type: {wire.BATCH_CONTENT_TYPE}\r\n"
                   f"Content-Length: {MAX_BATCH_BYTES + 1}\r\n\r\n").encode())
        status = s.recv(64).split(b" ", 2)
        return int(status[1]) if len(status) > 1 else 0


def flood(rogue: Rogue, index: int, nice: int, ready: Any, stop: Any, results: Any) -> None:
    """One flooding process: every kind in turn, back to back, until told to stop; sends back the counts and
    its own CPU time."""
    os.nice(nice)
    kinds = bad_batches(rogue)
    ready.wait()
    cpu = time.process_time()
    names = sorted(kinds)
    counts: Counter[tuple[str, int]] = Counter()
    times: dict[str, list[float]] = {name: [] for name in names}
    i = index
    with httpx.Client(timeout=60) as client:
        while not stop.is_set():
            name = names[i % len(names)]
            i += 1
            batch_id, data = kinds[name]
            t = time.perf_counter()
            try:
                if name == "declared_oversize":
                    status = declared_oversize(rogue, batch_id)
                else:
                    status = client.post(rogue.base + "/v1/batches", content=data, headers={
                        "Authorization": f"Bearer {rogue.token}", "Idempotency-Key": batch_id,
                        "Content-Type": wire.BATCH_CONTENT_TYPE}).status_code
            except (httpx.HTTPError, OSError):
                status = 0
            times[name].append(time.perf_counter() - t)
            counts[name, status] += 1
    results.put((counts, times, time.process_time() - cpu))


def honest_syncs(store: Store, seconds: float, ops: int, start: int, interval: float
                 ) -> tuple[list[float], float, int]:
    """Sync `ops` new contacts at a time, one sync every `interval` seconds (at once when the last one took
    longer), for `seconds`; each sync's wall time (all must succeed), and the honest client's CPU time in them."""
    latencies: list[float] = []
    cpu = 0.0
    voter = start
    now = time.perf_counter()
    until, due = now + seconds, now
    while time.perf_counter() < until:
        time.sleep(max(0.0, due - time.perf_counter()))
        due = time.perf_counter() + interval
        with store.session() as s:
            for _ in range(ops):
                outbox.enqueue(s, "contact_attempt", contact_payload(f"V{voter % VOTERS:07d}"))
                voter += 1
        t, c = time.perf_counter(), time.process_time()
        report = sync(store, options=SyncOptions(pull=False))
        latencies.append(time.perf_counter() - t)
        cpu += time.process_time() - c
        assert report.ok and report.applied == ops and report.rejected == 0, report.line()
    return latencies, cpu, voter


def pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] * 1000


def line(values: list[float]) -> str:
    return (f"{len(values)} syncs, p50 {pct(values, 50):.0f} ms, p95 {pct(values, 95):.0f} ms, "
            f"p99 {pct(values, 99):.0f} ms, max {max(values) * 1000:.0f} ms")


def run(backend: str, url: str, tmp: Path, args: argparse.Namespace) -> float:
    """Both phases on one server; returns the flood phase's p99 in ms."""
    database = dbmod.Database.connect(url)
    dbmod.upgrade(database.engine)
    seed(database, VOTERS)
    with database.session() as s:
        codes = [make_enrollment_code(s, county=COUNTY["name"], state=COUNTY["state"], role=role, hours=1).code
                 for role in ("canvasser", "county_lead")]
    process, base = start_server(url, tmp, args.rate_limit)
    try:
        rogue = enroll_rogue(base, codes[0])
        store = open_store(tmp / "honest")
        enroll(store, base, codes[1], label="honest")
        sync(store, options=SyncOptions(pull=False))  # warm: connections, caches

        cpu = cpu_seconds(process.pid)
        alone, client_alone, voter = honest_syncs(store, args.seconds, args.ops, 0, args.interval)
        cpu_alone = cpu_seconds(process.pid) - cpu

        ctx = mp.get_context("spawn")
        ready, stop, results = ctx.Barrier(args.flooders + 1), ctx.Event(), ctx.Queue()
        floods = [ctx.Process(target=flood, args=(rogue, i, args.rogue_nice, ready, stop, results))
                  for i in range(args.flooders)]
        for p in floods:
            p.start()
        ready.wait(timeout=300)  # every flooder has made its batches
        time.sleep(1.0)  # and is flooding
        cpu = cpu_seconds(process.pid)
        flooded, client_flood, _ = honest_syncs(store, args.seconds, args.ops, voter, args.interval)
        cpu_flood = cpu_seconds(process.pid) - cpu
        stop.set()
        counts: Counter[tuple[str, int]] = Counter()
        times: dict[str, list[float]] = {}
        cpu_rogue = 0.0
        for _ in floods:
            c, t, used = results.get(timeout=120)
            counts.update(c)
            cpu_rogue += used
            for name, values in t.items():
                times.setdefault(name, []).extend(values)
        for p in floods:
            p.join(timeout=60)
        store.close()
    finally:
        process.kill()
        process.wait()
    database.dispose()

    p99_alone, p99_flood = pct(alone, 99), pct(flooded, 99)
    print(f"\n== {backend}: {args.flooders} flooding processes (nice {args.rogue_nice}), rate limit "
          f"{args.rate_limit or 600}/min, {args.ops} contacts per honest sync, {args.seconds:.0f} s a phase; "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"  anchor, honest device alone: {line(alone)}; server CPU {cpu_alone:.1f} s, honest client CPU "
          f"{client_alone * 1000 / len(alone):.0f} ms a sync")
    print(f"  under the rogue's flood:     {line(flooded)}; server CPU {cpu_flood:.1f} s, honest client CPU "
          f"{client_flood * 1000 / len(flooded):.0f} ms a sync")
    print(f"  p99 flood/alone {p99_flood / p99_alone:.2f}x; p99 {'under' if p99_flood < 1000 else 'OVER'} 1 s")
    total, span = sum(counts.values()), args.seconds + 1
    print(f"  the rogue sent {total} bad batches in about {span:.0f} s ({total / span:.0f}/s),"
          f" using {cpu_rogue:.1f} s of client CPU on the same machine:")
    for name in sorted(times):
        if not times[name]:
            continue
        answers = ", ".join(f"{status or 'closed'}: {n}" for (k, status), n in sorted(counts.items()) if k == name)
        print(f"    {name:20s} {answers:40s} median {statistics.median(times[name]) * 1000:6.1f} ms")
    return p99_flood


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("both", "postgres", "sqlite"), default="both")
    parser.add_argument("--seconds", type=float, default=20.0, help="length of each phase")
    parser.add_argument("--flooders", type=int, default=4, help="processes flooding as the rogue device")
    parser.add_argument("--ops", type=int, default=5, help="contacts per honest sync")
    parser.add_argument("--interval", type=float, default=0.25,
                        help="seconds between the starts of two honest syncs (4 a second stays well under the "
                             "600 batches a minute the server allows a device)")
    parser.add_argument("--rogue-nice", type=int, default=0,
                        help="niceness of the flooding processes (a real rogue's senders are other machines; here they "
                             "share the cores with the server and the honest client)")
    parser.add_argument("--rate-limit", type=int, default=None,
                        help="CANVASS_RATE_LIMIT_PER_MINUTE for the server (default: the server's default)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="canvass-rogue-bench-"))
    p99s = []
    for backend in ("postgres", "sqlite") if args.backend == "both" else (args.backend,):
        home = tmp / backend
        home.mkdir()
        if backend == "postgres":
            with pg_cluster() as url:
                p99s.append(run(backend, url, home, args))
        else:
            p99s.append(run(backend, f"sqlite:///{home / 'server.db'}", home, args))
    return 0 if all(p < 1000 for p in p99s) else 1


if __name__ == "__main__":
    sys.exit(main())
