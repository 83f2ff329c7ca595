"""`import-voted` on SQLite and PostgreSQL: each layout against its truth, re-runs change nothing, and devices
receive the voted fields with the voter (only the voters that changed are sent again)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers.server import seed_county
from helpers.voted_files import write_absentee, write_generic, write_ncvhis
from sqlalchemy import select

from canvass_server import db as dbmod
from canvass_server.cli import main as server_main
from canvass_server.config import Settings
from canvass_server.models import Voted, Voter


def _statuses(database: dbmod.Database) -> dict[str, str]:
    with database.session() as s:
        rows = s.execute(select(Voter.state_voter_id, Voted.voted, Voted.ballot_status)
                         .join(Voted, Voted.voter_id == Voter.id)).all()
    return {sid: "voted" if voted else status for sid, voted, status in rows if voted or status}


def _cli(settings: Settings, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
         *argv: str) -> dict[str, Any]:
    monkeypatch.setenv("CANVASS_DATABASE_URL", settings.database_url)
    capsys.readouterr()
    assert server_main(["import-voted", *argv, "--county", "durham", "--state", "nc", "--json"]) == 0
    return dict(json.loads(capsys.readouterr().out))


def test_each_layout_matches_its_truth(database: dbmod.Database, settings: Settings, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    ids = seed_county(database, "Durham", "NC", voters=240)
    gen = write_absentee(tmp_path / "absentee.csv", ids)
    out = _cli(settings, capsys, monkeypatch, str(tmp_path / "absentee.csv"))
    assert _statuses(database) == gen.truth
    assert (out["rows"], out["unmatched"], out["rejected"]) == (gen.rows, gen.unmatched, gen.rejected)
    assert out["needs_cure"] == sum(1 for v in gen.truth.values() if v not in ("voted", "requested"))
    assert out["changed"] == len(gen.truth)
    assert _cli(settings, capsys, monkeypatch, str(tmp_path / "absentee.csv"))["changed"] == 0
    hist = write_ncvhis(tmp_path / "ncvhis.txt", ids)
    out = _cli(settings, capsys, monkeypatch, str(tmp_path / "ncvhis.txt"))
    assert out["layout"] == "ncvhis" and out["election"] == "2026-11-03"
    assert _statuses(database) == gen.truth | hist.truth
    early = write_generic(tmp_path / "early.csv", ids)
    _cli(settings, capsys, monkeypatch, str(tmp_path / "early.csv"))
    assert _statuses(database) == gen.truth | hist.truth | early.truth


def test_devices_pull_voted_status_with_the_voter(database: dbmod.Database, settings: Settings, make_device: Any,
                                                  tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    ids = seed_county(database, "Durham", "NC", voters=60)
    lead = make_device("Durham", "NC", role="county_lead")
    items, cursor = lead.pull_all("voters")
    assert len(items) == 60 and all(i["election_date"] is None and i["voted"] is False for i in items)
    gen = write_absentee(tmp_path / "absentee.csv", ids)
    _cli(settings, capsys, monkeypatch, str(tmp_path / "absentee.csv"))
    changed, cursor = lead.pull_all("voters", cursor)
    assert {i["state_voter_id"] for i in changed} == set(gen.truth)  # only the voters whose status changed
    got = {i["state_voter_id"]: "voted" if i["voted"] else i["ballot_status"] for i in changed}
    assert got == gen.truth
    assert all(i["election_date"] == "2026-11-03" for i in changed)
    _cli(settings, capsys, monkeypatch, str(tmp_path / "absentee.csv"))
    assert lead.pull_all("voters", cursor)[0] == []  # the same file again: nothing to send


def test_unknown_county_and_bad_file_are_clear(database: dbmod.Database, settings: Settings, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CANVASS_DATABASE_URL", settings.database_url)
    (tmp_path / "x.csv").write_text("name\nPat\n")
    seed_county(database, "Durham", "NC", voters=2)
    assert server_main(["import-voted", str(tmp_path / "x.csv"), "--county", "Wake", "--state", "NC"]) != 0
    assert "no county 'Wake'" in capsys.readouterr().err
    assert server_main(["import-voted", str(tmp_path / "x.csv"), "--county", "Durham", "--state", "NC"]) != 0
    assert "no voter id column" in capsys.readouterr().err
