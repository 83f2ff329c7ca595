"""Server fixtures: SQLite and PostgreSQL databases, the app, its settings and key, simulated devices."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import x25519
from fastapi.testclient import TestClient
from helpers.pg import PgCluster
from helpers.server import Device, enrollment_code

from canvass_server import db as dbmod
from canvass_server.app import create_app
from canvass_server.config import Settings
from canvass_server.keys import ServerKeyPair


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        shutil.copyfile(template, tmp_path / "server.db")
        return f"sqlite:///{tmp_path / 'server.db'}"
    cluster: PgCluster = request.getfixturevalue("pg_cluster")
    return cluster.reset()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "server.db"
    engine = dbmod.make_engine(f"sqlite:///{path}")
    dbmod.upgrade(engine)
    engine.dispose()  # the last connection's close checkpoints the WAL into the file
    return path


@pytest.fixture(scope="session")
def server_key() -> ServerKeyPair:
    return ServerKeyPair.of(x25519.X25519PrivateKey.generate())


@pytest.fixture
def settings(db_url: str, tmp_path: Path) -> Settings:
    return Settings(database_url=db_url, server_key_file=tmp_path / "unused.key", rate_limit_per_minute=1000)


@pytest.fixture
def client(settings: Settings, server_key: ServerKeyPair) -> Iterator[TestClient]:
    app = create_app(settings, server_key)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    app.state.db.dispose()


@pytest.fixture
def database(settings: Settings) -> Iterator[dbmod.Database]:
    d = dbmod.Database.connect(settings.database_url)
    yield d
    d.dispose()


@pytest.fixture
def make_device(client: TestClient, database: dbmod.Database) -> Any:
    def make(county: str = "Wake", state: str = "NC", role: str = "canvasser", label: str = "Pat") -> Device:
        return Device(client, enrollment_code(database, county, state, role), county, state, label)

    return make


@pytest.fixture
def cli(db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Any:
    """`canvass-server ARGS` in process on the test database: (exit code, stdout, stderr)."""
    from canvass_server.cli import main

    monkeypatch.setenv("CANVASS_DATABASE_URL", db_url)

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return run
