"""End-to-end fixtures: the real sync server (uvicorn on loopback, SQLite or PostgreSQL), client stores, a proxy."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import x25519
from faultproxy import FaultPlan, FaultProxy
from helpers.pg import PgCluster
from sync_harness import PASSPHRASE, Server

from canvass_app.store.database import Store, open_store
from canvass_server import db as dbmod
from canvass_server.keys import ServerKeyPair


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Server]:
    home = tmp_path / "server"
    home.mkdir()
    if request.param == "sqlite":
        url = f"sqlite:///{home / 'server.db'}"
        engine = dbmod.make_engine(url)
        dbmod.upgrade(engine)
        engine.dispose()
    else:
        cluster: PgCluster = request.getfixturevalue("pg_cluster")
        url = cluster.reset()
    srv = Server(url, home, ServerKeyPair.of(x25519.X25519PrivateKey.generate()))
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()
        srv.database.dispose()


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
