"""Server fixtures: a throwaway PostgreSQL cluster, SQLite and PostgreSQL databases, the app, simulated devices."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519, x25519
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from canvass_app.sync import envelope, wire
from canvass_server import db as dbmod
from canvass_server import versions
from canvass_server.app import create_app
from canvass_server.config import Settings
from canvass_server.devices import ensure_county, make_enrollment_code
from canvass_server.keys import ServerKeyPair
from canvass_server.models import Base, Household, Voter

_DEBIAN = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
PG_BIN = Path(os.environ.get("CANVASS_PG_BIN") or (_DEBIAN[-1].parent if _DEBIAN else "/usr/lib/postgresql/15/bin"))
REQUIRE_PG = os.environ.get("CANVASS_REQUIRE_POSTGRES") == "1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


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


def seed_county(database: dbmod.Database, name: str = "Wake", state: str = "NC", voters: int = 20) -> list[str]:
    """A county with `voters` voters in voters/2 households; returns the state voter ids."""
    ids = []
    with database.unit() as s:
        county = ensure_county(s, name, state)
        hv, vv = versions.bump(s, f"households:{county.id}"), versions.bump(s, f"voters:{county.id}")
        for h in range(max(1, voters // 2)):
            home = Household(county_id=county.id, key=f"{h + 1}||MAIN|ST|||27601", house_number=str(h + 1),
                             house_number_int=h + 1, street_name="MAIN", street_type="ST", street_key="MAIN ST",
                             side="O" if (h + 1) % 2 else "E", version=hv)
            s.add(home)
            s.flush()
            for k in range(2):
                sid = f"{name[:2].upper()}{h * 2 + k:06d}"
                s.add(Voter(county_id=county.id, state_voter_id=sid, first_name="Ann", last_name=f"Doe{h}",
                            household_id=home.id, version=vv))
                ids.append(sid)
    return ids[:voters]


def enrollment_code(database: dbmod.Database, county: str = "Wake", state: str = "NC",
                    role: str = "canvasser", hours: int = 24) -> str:
    with database.unit() as s:
        return make_enrollment_code(s, county=county, state=state, role=role, hours=hours).code


class Device:
    """A simulated desktop client: its own Ed25519 key, its seq counter, and sealed-batch making."""

    def __init__(self, client: TestClient, code: str, county: str = "Wake", state: str = "NC",
                 label: str = "Pat") -> None:
        self.client = client
        self.key = ed25519.Ed25519PrivateKey.generate()
        self.county = {"name": county, "state": state}
        r = client.post("/v1/enroll", json={"code": code, "label": label,
                                            "public_key": envelope.b64(envelope.raw_public(self.key.public_key()))})
        assert r.status_code == 201, r.text
        body = wire.EnrollResponse.model_validate(r.json())
        self.device_id, self.token = body.device_id, body.token
        self.server_public = x25519.X25519PublicKey.from_public_bytes(envelope.unb64(body.server_key.public_key))
        self.key_id = body.server_key.key_id
        self.seq = 0

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def contact(self, state_voter_id: str, result: str = "C", county: dict[str, str] | None = None,
                **extra: Any) -> tuple[str, dict[str, Any]]:
        payload = {"id": str(uuid.uuid4()), "county": county or self.county, "state_voter_id": state_voter_id,
                   "result": result, "support": 4, "created_at": "2026-05-01T12:00:00+00:00", **extra}
        return "contact_attempt", payload

    def ops(self, *items: tuple[str, dict[str, Any]]) -> list[wire.Op]:
        out = []
        for op_type, payload in items:
            self.seq += 1
            out.append(wire.Op(op_id=str(uuid.uuid4()), seq=self.seq, type=op_type, payload=payload))
        return out

    def seal(self, ops: list[wire.Op], *, batch_id: str | None = None, key_id: str | None = None,
             device_id: str | None = None) -> tuple[str, bytes]:
        batch_id = batch_id or str(uuid.uuid4())
        header = wire.BatchHeader(device_id=device_id or self.device_id, key_id=key_id or self.key_id,
                                  batch_id=batch_id, seq_first=ops[0].seq, seq_last=ops[-1].seq, op_count=len(ops),
                                  created_at=dt.datetime.now(dt.UTC).isoformat())
        return batch_id, envelope.seal(header, wire.BatchBody(ops=ops), self.server_public, self.key)

    def post(self, batch_id: str, data: bytes, **headers: str) -> Any:
        h = {**self.auth, "Idempotency-Key": batch_id, "Content-Type": wire.BATCH_CONTENT_TYPE, **headers}
        return self.client.post("/v1/batches", content=data, headers=h)

    def push(self, *items: tuple[str, dict[str, Any]]) -> Any:
        return self.post(*self.seal(self.ops(*items)))

    def pull(self, scope: str, cursor: str | None = None) -> dict[str, Any]:
        params = {"scope": scope} | ({"cursor": cursor} if cursor else {})
        r = self.client.get("/v1/changes", params=params, headers=self.auth)
        assert r.status_code == 200, r.text
        return dict(r.json())

    def pull_all(self, scope: str, cursor: str | None = None) -> tuple[list[dict[str, Any]], str]:
        items: list[dict[str, Any]] = []
        while True:
            page = self.pull(scope, cursor)
            items += page["items"]
            cursor = page["cursor"]
            if not page["has_more"]:
                return items, cursor


@pytest.fixture
def make_device(client: TestClient, database: dbmod.Database) -> Any:
    def make(county: str = "Wake", state: str = "NC", role: str = "canvasser", label: str = "Pat") -> Device:
        return Device(client, enrollment_code(database, county, state, role), county, state, label)

    return make


def count(database: dbmod.Database, table: str) -> int:
    with database.unit() as s:
        return int(s.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
