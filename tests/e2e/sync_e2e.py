"""End-to-end helpers: the real sync server in a child process, and queueing contacts the way the app does."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, insert, select, text

from canvass_app import outbox
from canvass_app.store import Store
from canvass_server import db as dbmod
from canvass_server import versions
from canvass_server.devices import ensure_county, make_enrollment_code
from canvass_server.devices import revoke as revoke_device
from canvass_server.keys import ServerKeyPair
from canvass_server.models import Household, Voter

# The server engineer's throwaway PostgreSQL cluster fixture, imported rather than copied.
_spec = importlib.util.spec_from_file_location("canvass_server_test_conftest",
                                               Path(__file__).parents[1] / "server" / "conftest.py")
assert _spec is not None and _spec.loader is not None
_server_conftest = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = _server_conftest
_spec.loader.exec_module(_server_conftest)
pg_cluster = _server_conftest.pg_cluster


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


COUNTY = {"name": "Wake", "state": "NC"}
PASSPHRASE = "correct horse battery"


class Server:
    """`canvass-server serve` in a child process, with its database at hand for seeding and counting."""

    def __init__(self, url: str, home: Path, key: ServerKeyPair) -> None:
        self.database_url = url
        self.home = home
        self.key = key
        self.port = free_port()
        self.database = dbmod.Database.connect(url)
        self.process: subprocess.Popen[bytes] | None = None
        self.overrides: dict[str, str] = {}  # extra environment for the next start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def env(self) -> dict[str, str]:
        from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

        from canvass_app.sync import envelope

        raw = self.key.private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        return {**os.environ, "CANVASS_DATABASE_URL": self.database_url, "CANVASS_SERVER_HOME": str(self.home),
                "CANVASS_SERVER_PRIVATE_KEY": envelope.b64(raw), "CANVASS_RATE_LIMIT_PER_MINUTE": "100000",
                "CANVASS_PAGE_SIZE": "250", **self.overrides}

    def start(self) -> None:
        log = open(self.home / "server.log", "ab")  # noqa: SIM115 (the child keeps it)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "canvass_server.cli", "serve", "--port", str(self.port), "--log-level",
             "warning"], env=self.env(), stdout=log, stderr=log)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited: {(self.home / 'server.log').read_text()[-2000:]}")
            try:
                if httpx.get(self.url + "/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError("the server did not come up within 60 s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()  # a test server: no graceful drain needed (and a crash is a fine test too)
            self.process.wait()
        self.process = None

    def code(self, role: str = "canvasser") -> str:
        with self.database.unit() as s:
            return make_enrollment_code(s, county=COUNTY["name"], state=COUNTY["state"], role=role, hours=2).code

    def revoke(self, device_id: str) -> None:
        with self.database.unit() as s:
            assert revoke_device(s, device_id)

    def seed_voters(self, n: int) -> list[str]:
        """n voters in n/2 households of the county (Core executemany); returns their state voter ids."""
        ids = [f"WA{i:06d}" for i in range(n)]
        with self.database.unit() as s:
            county = ensure_county(s, COUNTY["name"], COUNTY["state"])
            home_version = versions.bump(s, f"households:{county.id}")
            voter_version = versions.bump(s, f"voters:{county.id}")
            homes = [{"county_id": county.id, "key": f"{h + 1}||MAIN|ST|||27601", "house_number": str(h + 1),
                      "house_number_int": h + 1, "street_name": "MAIN", "street_type": "ST", "street_key": "MAIN ST",
                      "side": "O" if (h + 1) % 2 else "E", "precinct_code": "01-01", "version": home_version}
                     for h in range((n + 1) // 2)]
            s.execute(insert(Household), homes)
            home_ids = dict(s.execute(select(Household.key, Household.id)
                                      .where(Household.county_id == county.id)).all())
            s.execute(insert(Voter), [
                {"county_id": county.id, "state_voter_id": sid, "first_name": "Ann", "last_name": f"Doe{i}",
                 "household_id": home_ids[f"{i // 2 + 1}||MAIN|ST|||27601"], "precinct_code": "01-01",
                 "version": voter_version} for i, sid in enumerate(ids)])
        return ids

    def count(self, sql: str) -> int:
        with self.database.unit() as s:
            return int(s.execute(text(sql)).scalar_one())

    def contacts(self) -> int:
        return self.count("SELECT count(*) FROM contact_attempt")

    def distinct_ops(self) -> int:
        return self.count("SELECT count(DISTINCT op_id) FROM contact_attempt")


def contact(voter: str, **extra: Any) -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "county": COUNTY, "state_voter_id": voter, "result": "C", "support": 4,
            "source": "cli", "created_at": dt.datetime.now(dt.UTC).isoformat(), **extra}


def log_contacts(store: Store, voters: list[str], per_transaction: int = 500) -> None:
    """Queue one contact per voter, the way the contacts service does (outbox op in the change's session)."""
    for i in range(0, len(voters), per_transaction):
        with store.session() as s:
            for voter in voters[i : i + per_transaction]:
                outbox.enqueue(s, "contact_attempt", contact(voter))


def local_count(store: Store, sql: str) -> int:
    with store.session() as s:
        return int(s.execute(text(sql)).scalar_one())


def pending(store: Store) -> int:
    from canvass_app.models import OutboxOp

    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(OutboxOp).where(
            OutboxOp.status.in_(("pending", "batched")))) or 0)
