"""Server fixtures: a throwaway PostgreSQL cluster, SQLite and PostgreSQL databases, the app, simulated devices."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import x25519
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from canvass_server import db as dbmod
from canvass_server.app import create_app
from canvass_server.config import Settings
from canvass_server.keys import ServerKeyPair
from canvass_server.models import Base

# The plain helpers live beside this file; other suites (tests/e2e) load this conftest by path, so say where.
if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))
from server_helpers import Device, enrollment_code, free_port  # noqa: E402

__all__ = ["free_port"]  # re-exported for tests/e2e

_DEBIAN = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
PG_BIN = Path(os.environ.get("CANVASS_PG_BIN") or (_DEBIAN[-1].parent if _DEBIAN else "/usr/lib/postgresql/15/bin"))
REQUIRE_PG = os.environ.get("CANVASS_REQUIRE_POSTGRES") == "1"


def _pg_bin(name: str) -> str:
    found = PG_BIN / name
    if found.exists():
        return str(found)
    return shutil.which(name) or name


@dataclass
class PgCluster:
    url: str
    seed: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def reset(self) -> str:
        """Empty every table and put back what the migrations seeded: a fresh database, much faster."""
        engine = create_engine(self.url)
        with engine.begin() as conn:
            names = ", ".join(t.name for t in Base.metadata.sorted_tables)
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
            for table in Base.metadata.sorted_tables:
                if self.seed.get(table.name):
                    conn.execute(table.insert(), self.seed[table.name])
        engine.dispose()
        return self.url


def _start_cluster(tmp: Path) -> tuple[PgCluster, list[str]]:
    as_root = os.geteuid() == 0
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
    if as_root:
        shutil.chown(tmp, "postgres")
    data = tmp / "data"
    subprocess.run([*prefix, _pg_bin("initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                    "--no-sync", "--no-instructions"], check=True, capture_output=True, timeout=120)
    port = free_port()
    opts = f"-p {port} -k {tmp} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off " \
           "-c full_page_writes=off -c max_connections=300 -c shared_buffers=64MB"
    subprocess.run([*prefix, _pg_bin("pg_ctl"), "-D", str(data), "-o", opts, "-l", str(tmp / "log"), "-w",
                    "start"], check=True, capture_output=True, timeout=120)
    stop = [*prefix, _pg_bin("pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]
    base = f"postgresql+psycopg://postgres@127.0.0.1:{port}/"
    admin = create_engine(base + "postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text('CREATE DATABASE "canvass_test"'))
    admin.dispose()
    cluster = PgCluster(base + "canvass_test")
    engine = dbmod.make_engine(cluster.url)
    dbmod.upgrade(engine)
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            cluster.seed[table.name] = [dict(r._mapping) for r in conn.execute(table.select())]
    engine.dispose()
    return cluster, stop


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    tmp = Path(tempfile.mkdtemp(prefix="canvass-pg-"))
    stop: list[str] = []
    try:
        cluster, stop = _start_cluster(tmp)
    except (OSError, subprocess.SubprocessError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        reason = f"PostgreSQL could not start: {exc} {detail.decode(errors='replace')[-400:]}"
        shutil.rmtree(tmp, ignore_errors=True)
        if REQUIRE_PG:
            pytest.fail(reason + " (CANVASS_REQUIRE_POSTGRES=1)")
        pytest.skip(reason)
    try:
        yield cluster
    finally:
        subprocess.run(stop, capture_output=True, timeout=60)
        shutil.rmtree(tmp, ignore_errors=True)


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
    return Settings(database_url=db_url, key_file=tmp_path / "unused.key", rate_limit_per_minute=1000)


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


