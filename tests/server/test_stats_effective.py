"""`canvass-server stats` counts effective results only: an undone or amended contact is no result."""

from __future__ import annotations

import json
from typing import Any

import pytest
from helpers.server import Device, seed_county

from canvass_server.cli import main
from canvass_server.db import Database
from canvass_server.rollup_queue import drain_all
from canvass_server.stats import county_stats


def test_undone_and_amended_results_are_not_counted(make_device: Any, database: Database, db_url: str,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    ids = seed_county(database, voters=6)  # two voters a door: ids[0] and ids[1] at door 1, ...
    dev: Device = make_device(role="county_lead")
    hostile = dev.contact(ids[0], "H")
    talked = dev.contact(ids[2], "C", support=3)
    dev.push_applied(hostile, talked, dev.contact(ids[4], "NH"))
    # Undo the Hostile (a retraction carries the retracted row's result), and amend the conversation's answers:
    # the retraction of the old row and a new row with the same result, as the app writes them.
    dev.push_applied(dev.contact(ids[0], "H", corrects_id=hostile[1]["id"]),
          dev.contact(ids[2], "C", corrects_id=talked[1]["id"]), dev.contact(ids[2], "C", support=5))

    drain_all(database)  # what the pushes queued for the rollups, counted first (as `stats` and the console do)
    with database.session() as s:
        (wake,) = county_stats(s)
    assert wake["results"] == {"C": 1, "NH": 1}  # no H: the one Hostile was undone
    assert (wake["contact_attempts"], wake["doors"]) == (2, 2)  # door 1's only result was undone

    assert main(["stats", "--json", "--database", db_url]) == 0
    assert json.loads(capsys.readouterr().out)[0]["results"] == {"C": 1, "NH": 1}
    assert main(["stats", "--database", db_url]) == 0
    out = capsys.readouterr().out
    assert "2 contact attempts, 2 doors; results C=1 NH=1;" in out
