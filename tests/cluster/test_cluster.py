"""Several stateless nodes behind nginx and PgBouncer: a device's batches spread over the nodes are applied once and
in order, and a node killed with SIGKILL in the middle of the load loses nothing while the devices carry on."""

from __future__ import annotations

import threading
import time
from typing import Any

import httpx
import pytest
from cluster import Cluster
from helpers.server import Device, count, enrollment_code, seed_county
from sqlalchemy import text

from canvass_server.db import Database

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def send(dev: Device, batch: tuple[str, bytes], deadline: float = 60) -> tuple[httpx.Response, int]:
    """POST a sealed batch until it is stored, retrying the same bytes on network errors and 5xx as the app
    does; returns the answer and the number of retries."""
    retries, until = 0, time.monotonic() + deadline
    while True:
        try:
            r = dev.post(*batch)
            if r.status_code < 500:
                return r, retries
        except httpx.HTTPError:
            pass
        retries += 1
        assert time.monotonic() < until, "the cluster did not take the batch"
        time.sleep(0.05)


def batches_in_order(database: Database, device_id: str) -> list[tuple[int, int]]:
    with database.session() as s:
        return [(a, b) for a, b in s.execute(text(
            "SELECT seq_first, seq_last FROM batch WHERE device_id = :d ORDER BY received_at, seq_first"),
            {"d": device_id})]


def test_one_devices_batches_over_different_nodes_are_applied_once_and_in_order(
        lb_cluster: Cluster, cluster_db: Database) -> None:
    ids = seed_county(cluster_db, voters=60)
    client = httpx.Client(base_url=lb_cluster.url, timeout=30)
    dev = Device(client, enrollment_code(cluster_db, role="county_lead"))  # type: ignore[arg-type]
    nodes, n_batches, per = [], 12, 5
    for n in range(n_batches):
        batch = dev.seal(dev.ops(*(dev.contact(ids[(n * per + i) % 60]) for i in range(per))))
        r, _ = send(dev, batch)
        assert r.status_code == 200, r.text
        assert r.json()["applied"] == per
        nodes.append(r.headers["X-Canvass-Node"])
        if n % 3 == 2:  # a retry of a stored batch, wherever it lands, is the stored answer, applied nothing again
            again, _ = send(dev, batch)
            assert again.headers["Canvass-Replayed"] == "1" and again.json() == r.json()
            nodes.append(again.headers["X-Canvass-Node"])
    assert len(set(nodes)) == 2, f"every batch went to one node: {nodes}"
    assert any(a != b for a, b in zip(nodes, nodes[1:], strict=False))
    assert count(cluster_db, "contact_attempt") == n_batches * per
    assert count(cluster_db, "applied_op") == n_batches * per
    assert batches_in_order(cluster_db, dev.device_id) == [(n * per + 1, n * per + per) for n in range(n_batches)]
    with cluster_db.session() as s:
        seqs = [r[0] for r in s.execute(text("SELECT seq FROM applied_op ORDER BY seq"))]
    assert seqs == list(range(1, n_batches * per + 1))


def test_a_node_killed_mid_load_loses_nothing_and_the_devices_carry_on(
        lb_cluster: Cluster, cluster_db: Database) -> None:
    ids = seed_county(cluster_db, voters=200)
    n_devices, n_batches, per = 16, 20, 10
    clients = [httpx.Client(base_url=lb_cluster.url, timeout=30) for _ in range(n_devices)]
    devices = [Device(c, enrollment_code(cluster_db, role="county_lead"), label=f"d{i}")  # type: ignore[arg-type]
               for i, c in enumerate(clients)]
    sealed = [[dev.seal(dev.ops(*(dev.contact(ids[(k * 7 + n * per + i) % 200]) for i in range(per))))
               for n in range(n_batches)] for k, dev in enumerate(devices)]
    outcome: dict[int, Any] = {}
    progress = [0] * n_devices

    def device_loop(k: int) -> None:
        retries = 0
        try:
            for n, batch in enumerate(sealed[k]):
                r, tried = send(devices[k], batch)
                retries += tried
                assert r.status_code == 200 and r.json()["applied"] + r.json()["duplicates"] == per, r.text
                progress[k] = n + 1
                time.sleep(0.02)
            outcome[k] = retries
        except BaseException as exc:  # reported below, with the device
            outcome[k] = exc

    threads = [threading.Thread(target=device_loop, args=(k,)) for k in range(n_devices)]
    for t in threads:
        t.start()
    while sum(progress) < n_devices * n_batches // 4:  # a quarter of the load through both nodes, then the kill
        time.sleep(0.01)
    victim = lb_cluster.nodes[0]
    victim.kill()  # SIGKILL to the node's whole process group: no goodbye, requests cut mid-flight
    killed_at = sum(progress)
    for t in threads:
        t.join(timeout=120)
    failures = {k: v for k, v in outcome.items() if isinstance(v, BaseException)}
    assert not failures, failures
    assert len(outcome) == n_devices
    assert killed_at < n_devices * n_batches, "the load was over before the node was killed"
    total = n_devices * n_batches * per
    assert count(cluster_db, "contact_attempt") == total
    assert count(cluster_db, "applied_op") == total
    with cluster_db.session() as s:
        assert s.execute(text("SELECT sum(last_seq) FROM device")).scalar_one() == total
    for dev in devices:
        assert batches_in_order(cluster_db, dev.device_id) == [(n * per + 1, n * per + per)
                                                               for n in range(n_batches)]
    survivor = httpx.get(lb_cluster.nodes[1].url + "/health", timeout=5)
    assert survivor.status_code == 200
    for c in clients:
        c.close()
