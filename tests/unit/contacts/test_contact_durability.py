"""SIGKILL at random moments while contacts are logged: every contact confirmed after commit survives, with its op."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers.turf_fixtures import make_county, street
from sqlalchemy import select

from canvass_app.store.database import Store, open_store
from canvass_app.store.models import ContactAttempt, OutboxOp

# The child logs contacts as the GUI and CLI do: one unit of work per contact, and the id is printed only after
# the unit of work has committed.
CHILD = """
import sys
from canvass_app.contacts.attempts import Survey, log_contact
from canvass_app.store.database import open_store

store = open_store(sys.argv[1])
voters = [int(v) for v in sys.argv[2].split(",")]
print("ready", flush=True)
i = 0
while True:
    voter = voters[i % len(voters)]
    with store.session() as session:
        cid = log_contact(session, voter, "NH" if i % 3 else "C", Survey(support=1 + i % 5), note=f"loop {i}",
                          source="cli")
    print(cid, flush=True)
    i += 1
"""

ROUNDS = 12


def _run_and_kill(data_dir: Path, voters: list[int], rng: random.Random) -> list[str]:
    env = dict(os.environ)
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(data_dir), ",".join(map(str, voters))],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    assert proc.stdout is not None
    first = proc.stdout.readline()
    assert first.strip() == "ready", proc.stderr.read() if proc.stderr else first
    time.sleep(rng.uniform(0.0, 0.6))
    os.kill(proc.pid, signal.SIGKILL)
    out, _err = proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    # A line cut short by the kill is not a confirmation: only whole lines count.
    return [line for line in out.split("\n")[:-1] if line]


@pytest.mark.slow
def test_sigkill_never_loses_a_confirmed_contact_or_its_outbox_op(store: Store, data_dir: Path) -> None:
    with store.session() as s:
        make_county(s, street("Main St", range(1, 21)))
    store.close()
    rng = random.Random(20260301)
    confirmed: list[str] = []
    for _ in range(ROUNDS):
        confirmed += _run_and_kill(data_dir, list(range(1, 21)), rng)
    assert len(confirmed) > ROUNDS  # the kills landed while contacts were being written
    reopened = open_store(data_dir)
    try:
        with reopened.session() as s:
            stored = set(s.scalars(select(ContactAttempt.id)))
            op_ids = {p["id"] for p in s.scalars(select(OutboxOp.payload).where(
                OutboxOp.op_type == "contact_attempt"))}
        missing = [c for c in confirmed if c not in stored]
        assert missing == [], f"{len(missing)} confirmed contacts lost"
        assert [c for c in confirmed if c not in op_ids] == []
        # Nothing half-written either: every stored contact has its op and every op its contact.
        assert stored == op_ids
    finally:
        reopened.close()
