"""Exactly once under faults: a network failing a third of the exchanges, and a client SIGKILLed mid-sync."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
from collections.abc import Callable

import pytest
from faultproxy import FaultPlan, FaultProxy
from sync_harness import Server, log_contacts, pending

from canvass_app.store.database import Store
from canvass_app.sync.backoff import Backoff
from canvass_app.sync.batches import Limits
from canvass_app.sync.enroll import enroll
from canvass_app.sync.syncer import SyncOptions, SyncReport, sync


def _quick(attempts: int = 2, max_ops: int = 150, pull: bool = True) -> SyncOptions:
    return SyncOptions(attempts=attempts, limits=Limits(max_ops=max_ops), backoff=Backoff(base=0.01, cap=0.05),
                       pull=pull)


def _sync_until_ok(store: Store, rounds: int = 20) -> SyncReport:
    report = SyncReport()
    for _ in range(rounds):
        report = sync(store, options=_quick(attempts=3))
        if report.ok:
            return report
    return report


@pytest.mark.slow
def test_ten_thousand_ops_from_three_devices_through_a_failing_network(
        server: Server, proxy: FaultProxy, make_store: Callable[[str], Store]) -> None:
    voters = server.seed_voters(10_000)
    stores = [make_store(f"device{i}") for i in range(3)]
    for store in stores:
        enroll(store, proxy.url, server.code())
    shares = [voters[0:3334], voters[3334:6667], voters[6667:]]
    for store, share in zip(stores, shares, strict=True):
        log_contacts(store, share, per_transaction=1000)

    proxy.set_plan(FaultPlan(fail_rate=1 / 3, seed=8))
    outcomes: list[list[SyncReport]] = [[] for _ in stores]

    def run(i: int) -> None:
        for _ in range(6):  # a few runs under faults; each gives up on a batch after two failed tries
            outcomes[i].append(sync(stores[i], options=_quick(pull=False)))

    threads = [threading.Thread(target=run, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    failed = sum(proxy.counts[f] for f in ("refuse", "reset_before", "reset_after", "truncate"))
    total = sum(proxy.counts.values())
    assert all(proxy.counts[f] > 0 for f in ("refuse", "reset_before", "reset_after", "truncate")), proxy.counts
    assert 0.2 < failed / total < 0.45, proxy.counts
    assert any(r.error_kind == "network" for runs in outcomes for r in runs)

    proxy.heal()
    for store in stores:
        report = _sync_until_ok(store)
        assert report.ok, report.error
    assert [pending(s) for s in stores] == [0, 0, 0]
    assert server.contacts() == server.distinct_ops() == 10_000
    assert server.count("SELECT count(*) FROM applied_op") == 10_000


@pytest.mark.slow
def test_a_client_killed_mid_sync_many_times_delivers_everything_once(
        server: Server, proxy: FaultProxy, make_store: Callable[[str], Store]) -> None:
    voters = server.seed_voters(2000)
    store = make_store("killed")
    enroll(store, proxy.url, server.code())
    log_contacts(store, voters)
    data_dir = str(store.data_dir)
    proxy.set_plan(FaultPlan(delay=0.2, seed=3))
    rng = random.Random(11)
    kills = 0
    for _ in range(14):
        child = subprocess.Popen([sys.executable, "-m", "canvass_app.cli.main", "sync", "--data-dir", data_dir,
                                  "--batch-ops", "40"], env=os.environ.copy(), stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
        try:
            child.wait(timeout=rng.uniform(1.2, 3.0))
        except subprocess.TimeoutExpired:
            child.send_signal(signal.SIGKILL)
            child.wait()
            kills += 1
        if pending(store) == 0:
            break
    assert kills >= 3
    assert server.contacts() <= 2000
    proxy.heal()
    report = _sync_until_ok(store)
    assert report.ok, report.error
    assert pending(store) == 0
    assert server.contacts() == server.distinct_ops() == 2000


@pytest.mark.slow
def test_two_processes_syncing_one_store_at_once_deliver_everything_once(
        server: Server, proxy: FaultProxy, make_store: Callable[[str], Store]) -> None:
    voters = server.seed_voters(1500)
    store = make_store("shared")
    enroll(store, proxy.url, server.code())
    log_contacts(store, voters)
    proxy.set_plan(FaultPlan(delay=0.02, seed=5))
    command = [sys.executable, "-m", "canvass_app.cli.main", "sync", "--data-dir", str(store.data_dir), "--batch-ops",
               "50"]
    children = [subprocess.Popen(command, env=os.environ.copy(), stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL) for _ in range(2)]
    in_process = [sync(store, options=_quick(max_ops=50)) for _ in range(3)]  # the app, meanwhile
    for child in children:
        child.wait(timeout=120)
    assert all(r.error_kind in (None, "busy") for r in in_process), [r.error for r in in_process]
    report = _sync_until_ok(store)
    assert report.ok, report.error
    assert pending(store) == 0
    assert server.contacts() == server.distinct_ops() == 1500
