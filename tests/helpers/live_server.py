"""The real sync server (`canvass-server serve`) in a child process on loopback, with its database at hand."""

from __future__ import annotations

import os
import ssl
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cluster import free_port, wait_healthy
from cryptography.hazmat.primitives.asymmetric import x25519
from sqlalchemy import insert, select, text

from canvass_server import db as dbmod
from canvass_server import versions
from canvass_server.devices import ensure_county
from canvass_server.devices import revoke as revoke_device
from canvass_server.enrollment import make_enrollment_code
from canvass_server.keys import ServerKeyPair
from canvass_server.models import Household, Voter

COUNTY = {"name": "Wake", "state": "NC"}


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
        self.tls: tuple[Path, Path, Path] | None = None  # certfile, keyfile and its CA: serve HTTPS at next start()

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    def env(self) -> dict[str, str]:
        return {**os.environ, "CANVASS_DATABASE_URL": self.database_url, "CANVASS_SERVER_HOME": str(self.home),
                "CANVASS_SERVER_PRIVATE_KEY": self.key.secret_text(), "CANVASS_RATE_LIMIT_PER_MINUTE": "100000",
                "CANVASS_PAGE_SIZE": "250", **self.overrides}

    def start(self) -> None:
        log = open(self.home / "server.log", "ab")  # noqa: SIM115 (the child keeps it)
        tls = ["--certfile", str(self.tls[0]), "--keyfile", str(self.tls[1])] if self.tls else []
        verify = ssl.create_default_context(cafile=str(self.tls[2])) if self.tls else True
        self.process = subprocess.Popen(
            [sys.executable, "-m", "canvass_server.cli", "serve", "--port", str(self.port), "--log-level",
             "warning", *tls], env=self.env(), stdout=log, stderr=log)
        wait_healthy(self.url, self.process, verify=verify, log=self.home / "server.log")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()  # a test server: no graceful drain needed (and a crash is a fine test too)
            self.process.wait()
        self.process = None

    def code(self, role: str = "county_lead") -> str:
        """A host-made code for a new member of the county (named by the device's label at enrollment); by default
        a county lead's, whose device reaches the whole county (a canvasser's reaches only the turfs they hold)."""
        with self.database.session() as s:
            return make_enrollment_code(s, county=COUNTY["name"], state=COUNTY["state"], role=role, hours=2).code

    def revoke(self, device_id: str) -> None:
        with self.database.session() as s:
            assert revoke_device(s, device_id)

    def seed_voters(self, n: int) -> list[str]:
        """n voters in n/2 households of the county (Core executemany); returns their state voter ids."""
        ids = [f"WA{i:06d}" for i in range(n)]
        with self.database.session() as s:
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
        with self.database.session() as s:
            return int(s.execute(text(sql)).scalar_one())

    def contacts(self) -> int:
        return self.count("SELECT count(*) FROM contact_attempt")

    def distinct_ops(self) -> int:
        return self.count("SELECT count(DISTINCT op_id) FROM contact_attempt")


@contextmanager
def running_server(home: Path, url: str | None = None) -> Iterator[Server]:
    """A started server with a new key; over a fresh SQLite database in `home` unless `url` names one (migrated)."""
    home.mkdir(exist_ok=True)
    if url is None:
        url = f"sqlite:///{home / 'server.db'}"
        engine = dbmod.make_engine(url)
        dbmod.upgrade(engine)
        engine.dispose()
    srv = Server(url, home, ServerKeyPair.of(x25519.X25519PrivateKey.generate()))
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()
        srv.database.dispose()
