"""End-to-end fixtures: the real sync server (uvicorn on loopback, SQLite or PostgreSQL), client stores, a proxy."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from faultproxy import FaultPlan, FaultProxy
from helpers.live_server import Server, running_server
from sync_harness import PASSPHRASE

from canvass_app.store.database import Store, open_store


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Server]:
    url = None if request.param == "sqlite" else request.getfixturevalue("pg_cluster").reset()
    with running_server(tmp_path / "server", url) as srv:
        yield srv


@pytest.fixture
def proxy(server: Server) -> Iterator[FaultProxy]:
    with FaultProxy(("127.0.0.1", server.port), FaultPlan()) as p:
        yield p


@pytest.fixture
def make_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], Store]]:
    monkeypatch.setenv("CANVASS_PASSPHRASE", PASSPHRASE)
    opened: list[Store] = []

    def make(name: str) -> Store:
        store = open_store(tmp_path / "clients" / name)
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()
