"""A throwaway PostgreSQL cluster for the server and end-to-end suites (started as `postgres` when run as root).

Conftests re-export the fixture by importing it: `from helpers.pg import pg_cluster`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from cluster import free_port
from sqlalchemy import create_engine, text

from canvass_server import db as dbmod
from canvass_server.models import Base

_DEBIAN = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
PG_BIN = Path(os.environ.get("CANVASS_PG_BIN") or (_DEBIAN[-1].parent if _DEBIAN else "/usr/lib/postgresql/15/bin"))
REQUIRE_PG = os.environ.get("CANVASS_REQUIRE_POSTGRES") == "1"


def pg_bin(name: str) -> str:
    found = PG_BIN / name
    if found.exists():
        return str(found)
    return shutil.which(name) or name


@dataclass
class PgCluster:
    """One migrated database on a private cluster; `reset()` makes it fresh again between tests."""

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


def start_cluster(tmp: Path) -> tuple[PgCluster, list[str]]:
    """initdb + pg_ctl start in `tmp` (fsync off: a test cluster), a migrated database; returns it and its stop."""
    as_root = os.geteuid() == 0
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []  # initdb refuses to run as root
    if as_root:
        shutil.chown(tmp, "postgres")
    data = tmp / "data"
    subprocess.run([*prefix, pg_bin("initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                    "--no-sync", "--no-instructions"], check=True, capture_output=True, timeout=120)
    port = free_port()
    opts = f"-p {port} -k {tmp} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off " \
           "-c full_page_writes=off -c max_connections=300 -c shared_buffers=64MB"
    subprocess.run([*prefix, pg_bin("pg_ctl"), "-D", str(data), "-o", opts, "-l", str(tmp / "log"), "-w",
                    "start"], check=True, capture_output=True, timeout=120)
    stop = [*prefix, pg_bin("pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]
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
    """The session's cluster; skips (or fails, with CANVASS_REQUIRE_POSTGRES=1) when PostgreSQL cannot start."""
    tmp = Path(tempfile.mkdtemp(prefix="canvass-pg-"))
    stop: list[str] = []
    try:
        cluster, stop = start_cluster(tmp)
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
