"""Reading voted files: layout detection, each layout's rows, rejections with row and reason, plain words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers.voted_files import write_absentee, write_generic, write_ncvhis

from canvass_formats.voted import VotedFileError, VotedFileReader, VotedRow, general_election_day, problem_text
from canvass_formats.voted.status import PROBLEMS, vote_method
from canvass_formats.voterfile import Rejection

IDS = [f"AA{n:06d}" for n in range(300)]


def _read(path: Path, layout: str = "auto") -> tuple[VotedFileReader, list[VotedRow], list[Rejection]]:
    reader = VotedFileReader(path, layout=layout)
    items = list(reader)
    return (reader, [i for i in items if isinstance(i, VotedRow)], [i for i in items if isinstance(i, Rejection)])


def test_absentee_file_is_detected_and_read_row_by_row(tmp_path: Path) -> None:
    gen = write_absentee(tmp_path / "absentee_20261020.csv", IDS)
    reader, rows, rejected = _read(tmp_path / "absentee_20261020.csv")
    assert reader.layout == "nc-absentee"
    assert len(rows) + len(rejected) == gen.rows
    assert {r.reason.split(" ")[0] for r in rejected} == {"ballot_req_dt", "wrong"}
    assert all(r.row > 1 for r in rejected)  # file rows (the header is row 1)
    assert {r.election for r in rows} == {"2026-11-03"}
    accepted = [r for r in rows if r.voted]
    assert accepted and all(r.method in ("mail", "early") for r in accepted)
    assert any(r.ballot_status == "requested" for r in rows)
    assert any(r.ballot_status == "CANCELLED" for r in rows)
    names_with_commas = (tmp_path / "absentee_20261020.csv").read_text(encoding="utf-8").count('"SMITH, JR"')
    assert names_with_commas  # quoted fields with the delimiter inside survive the reading
    one_stop = next(r for r in rows if r.method == "early")
    assert one_stop.ballot_status is None and one_stop.voted_on is not None


def test_ncvhis_keeps_each_rows_election_and_method(tmp_path: Path) -> None:
    gen = write_ncvhis(tmp_path / "ncvhis32.txt", IDS)
    reader, rows, rejected = _read(tmp_path / "ncvhis32.txt")
    assert reader.layout == "ncvhis" and reader.delimiter == "\t" and not rejected
    assert len(rows) == gen.rows
    assert {r.election for r in rows} == {"2024-11-05", "2026-11-03"}
    assert {r.method for r in rows} == {"early", "election_day", "mail", "provisional"}
    assert all(r.voted and r.voted_on == r.election for r in rows)


def test_generic_headers_are_detected_and_blank_dates_kept(tmp_path: Path) -> None:
    write_generic(tmp_path / "early.csv", IDS)
    reader, rows, rejected = _read(tmp_path / "early.csv")
    assert reader.layout == "generic"
    assert set(reader.columns) == {"voter_id", "date", "method"}
    assert [(r.row, r.reason) for r in rejected] == [(len(rows) + 2, "Date Voted is not a date: 'not a date'")]
    assert any(r.voted_on is None for r in rows) and all(r.voted and r.election is None for r in rows)


def test_generic_status_column_marks_ballots_not_counted(tmp_path: Path) -> None:
    path = tmp_path / "ballots.csv"
    path.write_text("SOS VoterID;Ballot Status;Vote Type\nX1;Accepted;Mail\nX2;Requested;Mail\nX3;Witness info "
                    "incomplete;Mail\n")
    _, rows, _ = _read(path)
    assert [(r.voted, r.ballot_status) for r in rows] == [(True, "accepted"), (False, "requested"),
                                                          (False, "WITNESS INFO INCOMPLETE")]


@pytest.mark.parametrize(("content", "message"), [
    ("", "empty"),
    ("name,date\nPat,2026-10-01\n", "no voter id column"),
    ("\x00\x01\x02binary", "binary"),
])
def test_unreadable_files_fail_with_a_clear_message(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "f.csv"
    path.write_text(content)
    with pytest.raises(VotedFileError, match=message):
        VotedFileReader(path)


def test_a_forced_layout_checks_the_header(tmp_path: Path) -> None:
    write_generic(tmp_path / "early.csv", IDS)
    with pytest.raises(VotedFileError, match="lacks ballot_req_type"):
        VotedFileReader(tmp_path / "early.csv", layout="nc-absentee")


def test_plain_words_and_methods() -> None:
    assert "witness" in problem_text("WITNESS INFO INCOMPLETE")
    assert "not returned" in problem_text("requested")
    assert "{0}" in problem_text("SOMETHING NEW")
    assert all(text.endswith(".") for text in PROBLEMS.values())
    assert [vote_method(m) for m in ("ABSENTEE ONESTOP", "ABSENTEE BY MAIL", "IN-PERSON", "PROVISIONAL", "")] == [
        "early", "mail", "election_day", "provisional", "other"]
    assert general_election_day(2026) == dt.date(2026, 11, 3)
    assert general_election_day(2024) == dt.date(2024, 11, 5)
