"""A process killed in the middle of an import leaves the store exactly as it was."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import VOTERFILES
from sqlalchemy import text

from canvass_app.store.database import open_store
from canvass_app.voters.importer import import_voter_file

FIX = VOTERFILES

# Runs the import in a child; after the first chunk is written it says so and waits to be killed. With
# "process", the file is read in a reading process (as a big file is), whose pid the marker also gives.
CHILD = """
import multiprocessing, sys, time
from pathlib import Path
from canvass_app.voters import reading
from canvass_app.voters.importer import import_voter_file
from canvass_app.store.database import open_store

if sys.argv[4] == "process":
    reading.PROCESS_MIN_BYTES = 0
store = open_store(sys.argv[1])
marker = Path(sys.argv[3])

def progress(p):
    readers = [c.pid for c in multiprocessing.active_children()]
    marker.write_text(" ".join(map(str, [p.rows, *readers])))
    time.sleep(3600)

with store.session() as s:
    import_voter_file(s, sys.argv[2], county="Wake", state="NC", progress=progress)
"""


def _running(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status  # a zombie has ended (nobody reaps it in some containers)


def _snapshot(data_dir: Path) -> tuple[object, ...]:
    store = open_store(data_dir)
    try:
        with store.session() as s:
            voters = s.execute(text(
                "SELECT state_voter_id, last_name, active, household_id FROM voter ORDER BY id")).all()
            households = s.execute(text("SELECT count(*) FROM household")).scalar()
            triggers = s.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")).all()
            hits = s.execute(text("SELECT rowid FROM voter_fts WHERE voter_fts MATCH 'smi*' ORDER BY rowid")).all()
            counties = s.execute(text("SELECT name FROM county")).all()
        return (voters, households, triggers, hits, counties)
    finally:
        store.close()


@pytest.mark.parametrize("reading", ["in-process", "process"])
def test_sigkill_mid_import_leaves_store_unchanged(data_dir: Path, tmp_path: Path, reading: str) -> None:
    store = open_store(data_dir)
    with store.session() as s:
        import_voter_file(s, FIX / "generic_onestring.csv", county="Wake", state="NC")
    store.close()
    before = _snapshot(data_dir)
    big = tmp_path / "big.csv"
    with open(big, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Voter ID", "First Name", "Last Name", "Address", "Zip"])
        w.writerows([f"K{i}", "Kim", f"Smithers{i}", f"{i} Kill St", "27601"] for i in range(12000))
    marker = tmp_path / "marker"
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(data_dir), str(big), str(marker), reading],
                             env=os.environ.copy())
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert child.poll() is None, "the importing child ended before it was killed"
            assert time.monotonic() < deadline, "the child never reached the middle of the import"
            time.sleep(0.05)
        time.sleep(0.1)  # the marker is complete
        rows, *readers = map(int, marker.read_text().split())
        assert rows > 0
        assert len(readers) == (1 if reading == "process" else 0)
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert _snapshot(data_dir) == before
    deadline = time.monotonic() + 30
    while any(_running(pid) for pid in readers):  # the orphaned reading process sees the broken pipe and ends
        assert time.monotonic() < deadline, "the reading process outlived the killed importer"
        time.sleep(0.1)
