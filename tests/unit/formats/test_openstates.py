"""Reading Open States bulk files: the session CSVs in Open States' own columns, people from CSV and YAML (a changed
district: the open role wins), option kinds, and bad rows reported with file, row and reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.openstates_files import generate

from canvass_formats import openstates as osf


def test_a_generated_session_reads_back_whole(tmp_path: Path):
    gen = generate(tmp_path, people=9, bills=4)
    files = osf.find_files(tmp_path)
    assert [p.name for p in files.people] == ["nc.csv"]
    chambers = osf.read_organizations(files.organizations[0])
    bills = list(osf.read_bills(files.bills[0]))
    events = list(osf.read_vote_events(files.votes[0], chambers))
    votes = list(osf.read_person_votes(files.vote_people[0]))
    people = list(osf.read_people(files.people[0]))
    assert [b.id for b in bills] == [b["id"] for b in gen.bills]  # type: ignore[union-attr]
    assert {e.chamber for e in events} <= {"upper", "lower"}  # type: ignore[union-attr]
    assert [(v.vote_event_id, v.voter_id, v.option) for v in votes] == [  # type: ignore[union-attr]
        (v["vote_event_id"], v["voter_id"], v["option"]) for v in gen.votes]
    assert [(p.id, p.district, p.chamber, p.party) for p in people] == [  # type: ignore[union-attr]
        (p["id"], p["district"], p["chamber"], p["party"]) for p in gen.people]


def test_people_yaml_take_the_current_role_after_a_district_change(tmp_path: Path):
    gen = generate(tmp_path, people=10, bills=1, people_format="yaml")
    files = osf.find_files(tmp_path)
    people = {p.id: p for path in files.people for p in osf.read_people(path)}  # type: ignore[union-attr]
    moved = [p for p in gen.people if p["old_district"]]
    assert moved, "the generator changes some districts"
    for p in gen.people:
        assert people[p["id"]].district == p["district"]  # type: ignore[union-attr]
        assert people[p["id"]].party == p["party"]  # type: ignore[union-attr]


@pytest.mark.parametrize(("option", "kind"), [("yes", "yes"), ("No", "no"), ("absent", "absent"),
                                              ("excused", "absent"), ("not voting", "absent"), ("other", "other"),
                                              ("abstain", "other"), ("paired", "other")])
def test_option_kinds(option: str, kind: str):
    assert osf.option_kind(option) == kind


def test_bad_rows_are_reported_with_file_row_and_reason(tmp_path: Path):
    (tmp_path / "NC_2025_votes.csv").write_text(
        "id,motion_text,start_date,result,organization_id,bill_id\n"
        "ocd-vote/1,Third Reading,2025-02-03,pass,o,ocd-bill/1\n"
        "vote-2,Third Reading,2025-02-03,pass,o,ocd-bill/1\n"
        "ocd-vote/3,Third Reading,someday,pass,o,ocd-bill/1\n")
    (tmp_path / "NC_2025_vote_people.csv").write_text(
        "id,vote_event_id,option,voter_name,voter_id,note\n"
        "a,ocd-vote/1,yes,Smith,ocd-person/1,\n"
        "b,ocd-vote/1,,Jones,ocd-person/2,\n"
        "c,ocd-vote/1,no,Brown,person-3,\n"
        "d,ocd-vote/1,no,,,\n"
        "e,ocd-vote/1,no,Unmatched,,\n")
    files = osf.find_files(tmp_path)
    problems = [p for p in osf.read_vote_events(files.votes[0]) if isinstance(p, osf.Problem)]
    assert [(p.file, p.row) for p in problems] == [("NC_2025_votes.csv", 3), ("NC_2025_votes.csv", 4)]
    assert "ocd-vote/" in problems[0].reason and "someday" in problems[1].reason
    items = list(osf.read_person_votes(files.vote_people[0]))
    assert [p.row for p in items if isinstance(p, osf.Problem)] == [3, 4, 5]
    assert [v.voter_name for v in items if isinstance(v, osf.PersonVote)] == ["Smith", "Unmatched"]


def test_a_file_without_open_states_columns_is_refused_by_name(tmp_path: Path):
    (tmp_path / "NC_2025_bills.csv").write_text("bill,name\nx,y\n")
    files = osf.find_files(tmp_path)
    with pytest.raises(osf.OpenStatesError, match="NC_2025_bills.csv: no column id, identifier, session_identifier"):
        list(osf.read_bills(files.bills[0]))


def test_a_folder_without_open_states_files_is_refused(tmp_path: Path):
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(osf.OpenStatesError, match="no Open States files"):
        osf.find_files(tmp_path)
    with pytest.raises(osf.OpenStatesError, match="is not a folder"):
        osf.find_files(tmp_path / "missing")
