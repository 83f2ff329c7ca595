"""`import-voted` on SQLite and PostgreSQL: each layout against its truth, re-runs change nothing, and devices
receive who has voted in the `voted` scope (only the rows that changed are sent again; a canvasser's, those of
their turfs' voters)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from helpers.server import Device, enrollment_code, migrate, seed_county
from helpers.voted_files import write_absentee, write_generic, write_ncvhis
from sqlalchemy import select, text

from canvass_server import db as dbmod
from canvass_server import versions
from canvass_server.app import create_app
from canvass_server.cli import main as server_main
from canvass_server.config import Settings
from canvass_server.keys import ServerKeyPair
from canvass_server.models import Voted, Voter


def _statuses(database: dbmod.Database) -> dict[str, str]:
    with database.session() as s:
        rows = s.execute(select(Voter.state_voter_id, Voted.voted, Voted.ballot_status)
                         .join(Voted, Voted.voter_id == Voter.id)).all()
    return {sid: "voted" if voted else str(status) for sid, voted, status in rows if voted or status}


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


def test_devices_pull_voted_status_in_its_own_scope(database: dbmod.Database, settings: Settings, make_device: Any,
                                                    tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    ids = seed_county(database, "Durham", "NC", voters=60)
    lead = make_device("Durham", "NC", role="county_lead")
    voters, v_cursor = lead.pull_all("voters")
    assert len(voters) == 60 and all("voted" not in i for i in voters)
    assert lead.pull_all("voted")[0] == []
    gen = write_absentee(tmp_path / "absentee.csv", ids)
    _cli(settings, capsys, monkeypatch, str(tmp_path / "absentee.csv"))
    assert lead.pull_all("voters", v_cursor)[0] == []  # no voter row is rewritten by a voted file
    items, cursor = lead.pull_all("voted")
    got = {i["state_voter_id"]: "voted" if i["voted"] else i["ballot_status"] for i in items}
    assert got == gen.truth and len(items) == len(gen.truth)
    assert all(i["election"] == "2026-11-03" for i in items)
    _cli(settings, capsys, monkeypatch, str(tmp_path / "absentee.csv"))
    assert lead.pull_all("voted", cursor)[0] == []  # the same file again: nothing to send
    hist = write_ncvhis(tmp_path / "ncvhis.txt", ids)
    _cli(settings, capsys, monkeypatch, str(tmp_path / "ncvhis.txt"))
    changed = {i["state_voter_id"]: i for i in lead.pull_all("voted", cursor)[0]}
    assert set(changed) == {sid for sid in hist.truth if gen.truth.get(sid) != "voted"}
    assert all(i["voted"] for i in changed.values())


def test_voted_rows_page_by_voter_within_an_import_and_migration_0018_restarts_old_cursors(
        database: dbmod.Database, settings: Settings, server_key: ServerKeyPair, tmp_path: Path,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    ids = seed_county(database, "Durham", "NC", voters=60)
    gen = write_absentee(tmp_path / "absentee.csv", ids)
    _cli(settings, capsys, monkeypatch, str(tmp_path / "absentee.csv"))
    paged = Settings(database_url=settings.database_url, server_key_file=settings.key_file, page_size=7)
    app = create_app(paged, server_key)
    with TestClient(app) as client:
        lead = Device(client, enrollment_code(database, "Durham", "NC", "county_lead"), "Durham", "NC")
        pages: list[dict[str, Any]] = []
        cursor = None  # every row of the import has one version: the pages split it by voter
        while not pages or pages[-1]["has_more"]:
            pages.append(lead.pull("voted", cursor))
            cursor = pages[-1]["cursor"]
        sent = [i["state_voter_id"] for page in pages for i in page["items"]]
        assert len(pages) > 2 and sorted(sent) == sorted(gen.truth)  # each voter once
        assert lead.pull("voted", cursor)["items"] == []
        with database.session() as s:
            key = f"voted:{s.scalar(select(Voter.county_id).limit(1))}"
        migrate(database, "0017")  # a server before 0018: the cursors it gave named a row id
        with database.session() as s:  # and a voter in two elections under one version (0009 gave rows version 0)
            s.execute(text("INSERT INTO voted (voter_id, election, county_id, voted, version) SELECT id, e, county_id, "
                           "true, 0 FROM voter, (SELECT '2022-11-08' AS e UNION ALL SELECT '2024-11-05') x "
                           "WHERE state_voter_id = :sid"), {"sid": ids[0]})
        with database.session() as s:
            before = versions.current(s, key)[0]
        migrate(database, "head")
        with database.session() as s:
            assert versions.current(s, key)[0] == before + 1  # a new epoch: the old cursors start again
        again = lead.pull("voted", cursor)
        assert again["refetch"] is True and len(again["items"]) == 7
        items, _ = lead.pull_all("voted", again["cursor"])
        assert sorted((i["state_voter_id"], i["election"]) for i in again["items"] + items) == sorted(
            [(sid, "2026-11-03") for sid in gen.truth] + [(ids[0], "2022-11-08"), (ids[0], "2024-11-05")])
    app.state.db.dispose()


def test_a_canvasser_pulls_the_voted_rows_of_their_turfs_and_a_new_turfs_at_once(
        database: dbmod.Database, settings: Settings, make_device: Any, tmp_path: Path,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    ids = seed_county(database, "Durham", "NC", voters=40)
    lead = make_device("Durham", "NC", role="county_lead", label="Lee")
    pat = make_device("Durham", "NC", role="canvasser", label="Pat")
    vic = make_device("Durham", "NC", role="volunteer", label="Vic")
    at = "2026-05-01T12:00:00+00:00"

    def turf(number: int, voters: list[str]) -> list[tuple[str, dict[str, Any]]]:
        listed = f"{lead.list_prefix}{number:04d}"
        return [("turf_cut", {"county": lead.county, "list_number": listed, "name": "Oak St",
                              "lines": [[n + 1, sid] for n, sid in enumerate(voters)], "created_at": at}),
                ("turf_assign", {"county": lead.county, "list_number": listed, "action": "assign",
                                 "member_id": pat.member.id, "at": at})]

    assert lead.push(*turf(1, ids[:10])).status_code == 200
    (tmp_path / "early.csv").write_text("Voter ID,Date Voted,Method\n" + "".join(
        f"{sid},2026-10-24,Early\n" for sid in ids[::3]))
    _cli(settings, capsys, monkeypatch, str(tmp_path / "early.csv"))
    items, cursor = pat.pull_all("voted")
    assert {i["state_voter_id"] for i in items} == set(ids[:10:3])  # only the voters on Pat's turf
    # A second turf, whose voters voted before it was Pat's: the scope starts again and their rows arrive.
    assert lead.push(*turf(2, ids[20:30])).status_code == 200
    assert pat.pull("voted", cursor)["refetch"] is True
    items, cursor = pat.pull_all("voted", cursor)
    assert {i["state_voter_id"] for i in items} == set(ids[:10:3]) | set(ids[21:30:3])
    assert pat.pull("voted", cursor)["items"] == []
    r = vic.client.get("/v1/changes", params={"scope": "voted"}, headers=vic.auth)
    assert (r.status_code, r.json()["code"]) == (403, "forbidden")


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


def test_a_vote_once_recorded_stays_in_the_status_and_the_counts(
        database: dbmod.Database, settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    ids = seed_county(database, "Durham", "NC", voters=4)
    (tmp_path / "early.csv").write_text(f"Voter ID,Date Voted,Method\n{ids[0]},2026-10-24,Early\n")
    out = _cli(settings, capsys, monkeypatch, str(tmp_path / "early.csv"))
    assert (out["voters"], out["voted"], out["changed"]) == (1, 1, 1)
    (tmp_path / "ballots.csv").write_text("Voter ID,Ballot Status,Election\n" + "".join(
        f"{sid},Requested,11/03/2026\n" for sid in ids[:2]))
    out = _cli(settings, capsys, monkeypatch, str(tmp_path / "ballots.csv"))
    assert (out["voters"], out["voted"], out["requested_not_returned"], out["changed"]) == (2, 1, 1, 1)
    assert _statuses(database) == {ids[0]: "voted", ids[1]: "requested"}
