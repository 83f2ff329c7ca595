"""`canvass-server officials import DIR`: Open States session CSVs and people into official, bill, vote_event and
official_vote (OCD ids as given); importing again updates in place; bad rows are reported, the rest imported."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers.openstates_files import generate, write_people
from helpers.server import count
from sqlalchemy import select

from canvass_server.db import Database
from canvass_server.officials_models import Official, OfficialVote, VoteEvent


def test_import_prints_the_counts_and_keeps_ocd_ids(cli: Any, database: Database, tmp_path: Path):
    gen = generate(tmp_path / "nc", people=15, bills=6)
    code, out, err = cli("officials", "import", str(tmp_path / "nc"), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert (data["people"], data["bills"], data["vote_events"], data["votes"]) == (
        15, 6, len(gen.events), len(gen.votes))
    assert data["problems"] == []
    with database.session() as s:
        assert set(s.scalars(select(Official.ocd_id))) == {p["id"] for p in gen.people}
        assert set(s.scalars(select(VoteEvent.ocd_id))) == {e["id"] for e in gen.events}
        stored = {(ve, o, opt) for ve, o, opt in s.execute(
            select(VoteEvent.ocd_id, Official.ocd_id, OfficialVote.option)
            .join(VoteEvent, VoteEvent.id == OfficialVote.vote_event_id)
            .join(Official, Official.id == OfficialVote.official_id))}
    assert stored == {(v["vote_event_id"], v["voter_id"], v["option"]) for v in gen.votes}
    code, out, _ = cli("officials", "import", str(tmp_path / "nc"))
    assert code == 0
    assert f"15 people, 6 bills, {len(gen.events)} vote events, {len(gen.votes)} votes; 0 row(s) skipped" in out


def test_importing_again_updates_districts_and_replaces_votes(cli: Any, database: Database, tmp_path: Path):
    gen = generate(tmp_path, people=12, bills=4)
    assert cli("officials", "import", str(tmp_path))[0] == 0
    moved = gen.people[0]
    moved["district"], moved["name"] = "99", "Renamed Person"
    write_people(tmp_path, gen)
    first = gen.votes[0]
    first["option"] = "no" if first["option"] == "yes" else "yes"
    rows = (tmp_path / "NC_2025_vote_people.csv").read_text().splitlines()
    cells = rows[1].split(",")
    cells[2] = first["option"]
    rows[1] = ",".join(cells)
    (tmp_path / "NC_2025_vote_people.csv").write_text("\n".join(rows) + "\n")
    assert cli("officials", "import", str(tmp_path))[0] == 0
    assert count(database, "official") == 12
    assert count(database, "official_vote") == len(gen.votes)
    with database.session() as s:
        row = s.scalars(select(Official).where(Official.ocd_id == moved["id"])).one()
        assert (row.district, row.name) == ("99", "Renamed Person")
        option = s.scalar(select(OfficialVote.option).join(VoteEvent, VoteEvent.id == OfficialVote.vote_event_id)
                          .join(Official, Official.id == OfficialVote.official_id)
                          .where(VoteEvent.ocd_id == first["vote_event_id"], Official.ocd_id == first["voter_id"]))
    assert option == first["option"]


def test_people_from_yaml_with_changed_districts(cli: Any, database: Database, tmp_path: Path):
    gen = generate(tmp_path, people=10, bills=2, people_format="yaml")
    code, out, err = cli("officials", "import", str(tmp_path), "--json")
    assert code == 0, err
    assert json.loads(out)["people"] == 10
    with database.session() as s:
        districts = dict(s.execute(select(Official.ocd_id, Official.district)).tuples().all())
    assert districts == {p["id"]: p["district"] for p in gen.people}


# On PostgreSQL a vote_people file is COPYed and resolved in SQL (officials_copy) unless COPY cannot read it as the
# csv module does: "\r\n" keeps the generated file's line ends (the COPY path), "\n" mixes them (row by row).
@pytest.mark.parametrize("newline", ["\r\n", "\n"])
def test_bad_rows_are_reported_and_the_rest_imported(cli: Any, database: Database, tmp_path: Path, newline: str):
    gen = generate(tmp_path, people=6, bills=2, max_events_per_bill=1)
    event = gen.events[0]["id"]
    with (tmp_path / "NC_2025_vote_people.csv").open("a", newline="") as f:
        for line in (f"x1,{event},yes,Nobody,,",  # no voter_id, no such name
                     f"x2,{event},yes,Smith,not-an-ocd-id,",
                     f"x3,ocd-vote/unknown,yes,Smith,{gen.people[0]['id']},",
                     f"x4,{event},no,Again,{next(v for v in gen.votes if v['vote_event_id'] == event)['voter_id']},",
                     f"x5,{event},yes,Newcomer,ocd-person/00000000-0000-0000-0000-000000000000,",
                     f"x6,{event},,Smith,{gen.people[0]['id']},",  # no option
                     f"x7,{event},yes,,,"):  # nobody
            f.write(line + newline)
    with (tmp_path / "NC_2025_bills.csv").open("a") as f:
        f.write("bill-1,HB 9,Bad id,,,2025,NC,lower\n")
    code, out, err = cli("officials", "import", str(tmp_path), "--json")
    assert code == 0, err
    data = json.loads(out)
    problems = {(p["file"], p["row"]): p["reason"] for p in data["problems"]}
    last = len(gen.votes) + 1
    assert "no voter_id" in problems[("NC_2025_vote_people.csv", last + 1)]
    assert "not an Open Civic Data person id" in problems[("NC_2025_vote_people.csv", last + 2)]
    assert "a second vote" in problems[("NC_2025_vote_people.csv", last + 4)]
    assert problems[("NC_2025_vote_people.csv", last + 6)] == "no option (yes, no, absent, other, ...)"
    assert problems[("NC_2025_vote_people.csv", last + 7)] == "neither voter_id nor voter_name"
    assert problems[("NC_2025_vote_people.csv", 0)] == ("1 vote(s) in roll call ocd-vote/unknown, which is in no "
                                                        "_votes.csv (or was skipped); not imported")
    assert [p["row"] for p in data["problems"] if p["file"] == "NC_2025_vote_people.csv"] == [
        last + n for n in (2, 6, 7, 1, 4)] + [0]  # the reader's, then the resolver's in row order, then roll calls
    assert "not an Open Civic Data bill id" in problems[("NC_2025_bills.csv", len(gen.bills) + 2)]
    assert data["votes"] == len(gen.votes) + 1 and data["unlisted_voters"] == 1  # the newcomer counts
    code, out, _ = cli("officials", "import", str(tmp_path))
    assert "NC_2025_vote_people.csv row" in out and "skipped" in out


NEWCOMER = "ocd-person/00000000-0000-0000-0000-000000000000"


# On PostgreSQL a file whose every voter_id is a plain person id is written in one INSERT without a look at each
# row (officials._write_plain); one irregular row in an otherwise clean file must come out as row by row.
@pytest.mark.parametrize(("line", "problem", "votes", "stored"), [
    ("y,ocd-vote/unknown,yes,Smith,{voter},", (0, "1 vote(s) in roll call ocd-vote/unknown, which is in no "
                                                  "_votes.csv (or was skipped); not imported"), 0, None),
    ("y,{event},{other},Again,{voter},", ("last", "a second vote by 'Again' in roll call {event}; the first is "
                                                  "kept"), 0, ("{voter}", "{option}")),
    ("y,{event},,Smith,{newcomer},", ("last", "no option (yes, no, absent, other, ...)"), 0, None),
    ("y,{event}, Yes ,Newcomer,{newcomer},", None, 1, ("{newcomer}", "yes")),
    ("y,{event},no,Newcomer, {newcomer} ,", None, 1, ("{newcomer}", "no")),
], ids=["unknown-roll-call", "second-vote", "no-option", "option-as-written", "padded-voter-id"])
def test_one_irregular_row_in_a_clean_file(cli: Any, database: Database, tmp_path: Path, line: str,
                                           problem: tuple[Any, str] | None, votes: int,
                                           stored: tuple[str, str] | None):
    gen = generate(tmp_path, people=6, bills=2, max_events_per_bill=1)
    first = gen.votes[0]
    fill = {"event": first["vote_event_id"], "voter": first["voter_id"], "option": first["option"],
            "other": "no" if first["option"] == "yes" else "yes", "newcomer": NEWCOMER}
    with (tmp_path / "NC_2025_vote_people.csv").open("a", newline="") as f:
        f.write(line.format(**fill) + "\r\n")  # the generated file's line ends: COPY reads it
    code, out, err = cli("officials", "import", str(tmp_path), "--json")
    assert code == 0, err
    data = json.loads(out)
    last = len(gen.votes) + 2
    assert [(p["row"], p["reason"]) for p in data["problems"]] == (
        [(last if problem[0] == "last" else problem[0], problem[1].format(**fill))] if problem else [])
    assert data["votes"] == len(gen.votes) + votes
    assert data["unlisted_voters"] == (1 if votes else 0)
    assert count(database, "official_vote") == len(gen.votes) + votes
    if stored:
        voter, option = (v.format(**fill) for v in stored)
        with database.session() as s:
            assert s.scalar(select(OfficialVote.option).join(Official, Official.id == OfficialVote.official_id)
                            .join(VoteEvent, VoteEvent.id == OfficialVote.vote_event_id)
                            .where(VoteEvent.ocd_id == fill["event"], Official.ocd_id == voter)) == option
            if voter == NEWCOMER:
                assert s.scalar(select(Official.name).where(Official.ocd_id == NEWCOMER)) == "Newcomer"


def test_a_folder_that_is_not_open_states_data_is_a_clear_error(cli: Any, tmp_path: Path):
    (tmp_path / "NC_2025_votes.csv").write_text("vote,when\n1,2\n")
    code, out, err = cli("officials", "import", str(tmp_path))
    assert code == 2
    assert "nothing imported: NC_2025_votes.csv: no column id, bill_id" in err
    assert "Traceback" not in err
