"""A throwaway PostgreSQL cluster for the server benchmarks (the machine's initdb/pg_ctl, as postgres if root)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text

_DEBIAN = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
PG_BIN = Path(os.environ.get("CANVASS_PG_BIN") or (_DEBIAN[-1].parent if _DEBIAN else "/usr/lib/postgresql/15/bin"))


def _bin(name: str) -> str:
    return str(PG_BIN / name) if (PG_BIN / name).exists() else (shutil.which(name) or name)


@contextmanager
def pg_cluster(max_connections: int = 300, options: str = "") -> Iterator[str]:
    """Yield a psycopg URL of a fresh database on a new cluster; the cluster is removed afterwards.

    Durability settings are the server defaults (fsync on) so that commit costs are real. `options`: more `-c`
    settings for the server."""
    tmp = Path(tempfile.mkdtemp(prefix="canvass-bench-pg-"))
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if prefix:
        shutil.chown(tmp, "postgres")
    data = tmp / "data"
    subprocess.run([*prefix, _bin("initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                    "--no-instructions"], check=True, capture_output=True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    opts = f"-p {port} -k {tmp} -c listen_addresses=127.0.0.1 -c max_connections={max_connections} {options}"
    subprocess.run([*prefix, _bin("pg_ctl"), "-D", str(data), "-o", opts, "-l", str(tmp / "log"), "-w", "start"],
                   check=True, capture_output=True)
    try:
        base = f"postgresql+psycopg://postgres@127.0.0.1:{port}/"
        admin = create_engine(base + "postgres", isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text("CREATE DATABASE bench"))
        admin.dispose()
        yield base + "bench"
    finally:
        subprocess.run([*prefix, _bin("pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"], capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)
