"""Two real server processes (`canvass-server serve`) on one database receive the same batch at once: applied once."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from cluster import free_port
from helpers.server import Device, count, enrollment_code, seed_county

from canvass_server.db import Database
from canvass_server.keys import ServerKeyPair


@pytest.fixture
def two_servers(db_url: str, server_key: ServerKeyPair) -> Iterator[list[str]]:
    env = {**os.environ, "CANVASS_SERVER_PRIVATE_KEY": server_key.secret_text(), "CANVASS_DATABASE_URL": db_url}
    procs, urls = [], []
    for _ in range(2):
        port = free_port()
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "canvass_server.cli", "serve", "--port", str(port), "--log-level", "warning"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE))
        urls.append(f"http://127.0.0.1:{port}")
    try:
        for proc, url in zip(procs, urls, strict=True):
            for _ in range(300):
                try:
                    if httpx.get(url + "/health", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if proc.poll() is not None:
                    pytest.fail(f"server exited: {proc.stderr.read().decode() if proc.stderr else ''}")
                time.sleep(0.1)
        yield urls
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=20)


def test_the_same_batch_at_two_instances_is_applied_once(two_servers: list[str], database: Database) -> None:
    ids = seed_county(database, voters=40)
    a, b = (httpx.Client(base_url=u, timeout=30) for u in two_servers)
    dev = Device(a, enrollment_code(database, role="county_lead"))  # type: ignore[arg-type]
    rounds, per_batch = 6, 25
    for n in range(rounds):
        batch_id, data = dev.seal(dev.ops(*(dev.contact(ids[(n * per_batch + i) % 40]) for i in range(per_batch))))
        answers: list[Any] = [None, None]
        barrier = threading.Barrier(2)

        def send(i: int, client: httpx.Client, bid: str = batch_id, body: bytes = data,
                 barrier: threading.Barrier = barrier, answers: list[Any] = answers) -> None:
            barrier.wait()
            answers[i] = client.post("/v1/batches", content=body,
                                     headers={**dev.auth, "Idempotency-Key": bid})

        threads = [threading.Thread(target=send, args=(i, c)) for i, c in enumerate((a, b))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert {r.status_code for r in answers} == {200}, [r.text for r in answers]
        assert answers[0].json() == answers[1].json()
        assert answers[0].json()["applied"] == per_batch
        assert sorted(r.headers["Canvass-Replayed"] for r in answers) == ["0", "1"]
    assert count(database, "contact_attempt") == rounds * per_batch
    assert count(database, "batch") == rounds
    a.close()
    b.close()
