"""The rollups' drain in a process of its own (`canvass-server drain`): API nodes run with
CANVASS_ROLLUP_DRAIN_SECONDS=0 and leave what pushes queue to it, so no drain holds a node's GIL while it serves."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from typing import Any

import pytest
from fastapi.testclient import TestClient
from helpers.server import Device, count, enrollment_code, seed_county
from sqlalchemy import func, select

from canvass_server.app import create_app
from canvass_server.config import Settings
from canvass_server.db import Database
from canvass_server.keys import ServerKeyPair
from canvass_server.rollup_models import RollupCounty


def _push(dev: Device, voters: list[str]) -> None:
    dev.push_applied(*(dev.contact(sid, "C") for sid in voters))


def _counted(database: Database) -> int:
    with database.session() as s:
        return int(s.scalar(select(func.sum(RollupCounty.n))) or 0)


def _until_drained(database: Database, proc: subprocess.Popen[bytes], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while count(database, "rollup_pending") and time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else proc.returncode
        time.sleep(0.05)


def test_a_drain_process_counts_what_nodes_without_a_drain_leave_queued(settings: Settings, server_key: ServerKeyPair,
                                                                       database: Database, db_url: str) -> None:
    if not database.is_postgres:
        pytest.skip("SQLite counts a push's contacts in the push's own transaction")
    app = create_app(settings.model_copy(update={"rollup_drain_seconds": 0}), server_key)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        wake = seed_county(database, "Wake", voters=12)
        dev = Device(client, enrollment_code(database, role="county_lead"))
        _push(dev, wake[:6])
        time.sleep(0.6)  # more than twice the default pause: a node that drained would have by now
        assert count(database, "rollup_pending") == 6
        assert _counted(database) == 0
        env = {**os.environ, "CANVASS_DATABASE_URL": db_url, "CANVASS_ROLLUP_DRAIN_SECONDS": "0"}
        proc = subprocess.Popen([sys.executable, "-m", "canvass_server.cli", "drain", "--every", "0.05"], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            _until_drained(database, proc)
            assert _counted(database) == 6
            _push(dev, wake[6:10])  # while it runs: counted at its next round
            _until_drained(database, proc)
            assert _counted(database) == 6 + 4
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=20) == 0
        finally:
            if proc.poll() is None:
                proc.kill()
    app.state.db.dispose()
    assert count(database, "rollup_pending") == 0


def test_drain_once_and_its_refusals(settings: Settings, server_key: ServerKeyPair, database: Database,
                                     cli: Any) -> None:
    code, _, err = cli("drain", "--every", "0")
    assert code == 2 and "--every" in err
    app = create_app(settings.model_copy(update={"rollup_drain_seconds": 0}), server_key)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        wake = seed_county(database, "Wake", voters=4)
        dev = Device(client, enrollment_code(database, role="county_lead"))
        _push(dev, wake)
    app.state.db.dispose()
    queued = 4 if database.is_postgres else 0  # SQLite: counted in the push
    code, out, _ = cli("drain", "--once", "--json")
    assert code == 0 and f'"counted": {queued}' in out
    assert _counted(database) == 4
    if not database.is_postgres:
        code, _, err = cli("drain")
        assert code == 2 and "nothing to drain" in err
