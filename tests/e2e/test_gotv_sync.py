"""GOTV against the real server on loopback: the county loads who has voted, and a voted supporter disappears
from the canvasser's chase list (and is marked on the Walk page) at the next sync; offline, the list still works."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select
from sync_harness import Server

from canvass_app.cli import main
from canvass_app.contacts.walk_doors import walk_doors
from canvass_app.store.database import Store
from canvass_app.store.models import Turf
from canvass_app.sync.enroll import enroll
from canvass_app.sync.syncer import sync
from canvass_server.voted_import import import_voted


def _chase(store: Store, number: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    capsys.readouterr()
    assert main.main(["gotv", "chase", "--turf", number, "--json", "--data-dir", str(store.data_dir)]) == 0
    return [ln["state_voter_id"] for ln in json.loads(capsys.readouterr().out)["lines"]]


def test_a_voted_supporter_leaves_the_canvassers_chase_at_the_next_sync(
        server: Server, make_store: Callable[[str], Store], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    server.seed_voters(40)
    lead, pat = make_store("lead"), make_store("pat")
    enroll(lead, server.url, server.code("county_lead"), label="Lee")
    enroll(pat, server.url, server.code("canvasser"), label="Pat")
    assert sync(lead).ok and sync(pat).ok
    dirs = ["--data-dir", str(lead.data_dir)]
    assert main.main(["turfs", "cut", *dirs, "--county", "Wake", "--doors", "6"]) == 0
    with lead.session() as s:
        number = s.scalars(select(Turf.list_number).order_by(Turf.list_number)).first()
    assert number is not None
    assert main.main(["turfs", "assign", number, "--to", "Pat", *dirs]) == 0
    assert sync(lead).ok and sync(pat).ok
    walked = _chase(pat, number, capsys)
    assert walked == []  # nobody has said they support us yet
    with pat.session() as s:
        turf_id = s.scalars(select(Turf.id)).one()
        people = [v.state_voter_id for d in walk_doors(s, turf_id) for v in d.voters]
    for sid in people:
        assert main.main(["log-contact", sid, "--result", "C", "--support", "1", "--data-dir",
                          str(pat.data_dir)]) == 0
    assert sync(pat).ok
    assert _chase(pat, number, capsys) == people

    # The county lead loads today's early-vote file on the server: the first two of Pat's supporters voted.
    early = tmp_path / "early.csv"
    early.write_text("Voter ID,Date Voted,Method\n" + "".join(f"{sid},2026-10-24,Early\n" for sid in people[:2]))
    with server.database.session() as s:
        assert import_voted(s, early, county="Wake", state="NC").changed == 2
    assert _chase(pat, number, capsys) == people  # not synced yet: Pat's list is as it was
    assert sync(pat).ok
    assert _chase(pat, number, capsys) == people[2:]
    with pat.session() as s:
        marks = {v.state_voter_id: v.skip for d in walk_doors(s, turf_id) for v in d.voters}
    assert [marks[sid] for sid in people[:2]] == ["Voted", "Voted"]
    assert all(marks[sid] is None for sid in people[2:])

    # Offline (the server gone), the chase list and the cure list still come from the store.
    server.stop()
    assert _chase(pat, number, capsys) == people[2:]
    assert main.main(["gotv", "cure", "--data-dir", str(pat.data_dir)]) == 0
