"""Paper results entry and the contacts commands: good rows applied whole, bad rows reported, none half-applied."""

from __future__ import annotations

import getpass
import json
from pathlib import Path

import pytest
from helpers.turf_fixtures import H, P, make_county, street
from sqlalchemy import func, select

from canvass_app.cli.main import main
from canvass_app.contacts.attempts import ContactError, current_results
from canvass_app.contacts.paper_results import enter_results
from canvass_app.store.database import Store
from canvass_app.store.models import ContactAttempt, OutboxOp, TurfLine, Voter
from canvass_app.turfs.cutting import cut_by_precinct


@pytest.fixture
def county(store: Store) -> Store:
    with store.session() as s:
        make_county(s, [H(1, "Main St", [P("Ann", "Lee"), P("Bob", "Lee")]), *street("Main St", [3, 5, 7]),
                        H(9, "Main St", [P("Cy", "Ng")])])
        cut_by_precinct(s, 1)
    return store


def line_voter(store: Store, line: int) -> Voter:
    with store.session() as s:
        voter = s.scalar(select(Voter).join(TurfLine, TurfLine.voter_id == Voter.id).where(TurfLine.line == line))
        assert voter is not None
        return voter


def counts(store: Store) -> tuple[int, int]:
    with store.session() as s:
        return (s.scalar(select(func.count()).select_from(ContactAttempt)) or 0,
                s.scalar(select(func.count()).select_from(OutboxOp)) or 0)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "results.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_good_rows_are_applied_and_bad_rows_reported_with_row_number_and_reason(county: Store,
                                                                               tmp_path: Path) -> None:
    path = write(tmp_path, "List Number,Line,Result,Support,Note\n"
                           "T-0001,1,C,5,Yard sign\n"
                           "t-0001,2,not home,,\n"
                           "T-0001,3,XX,,\n"
                           "T-0001,99,NH,,\n"
                           "T-0002,1,NH,,\n"
                           "T-0001,4,C,7,\n"
                           "T-0001,x,C,,\n"
                           "T-0001,1,R,,\n"
                           "\n"
                           "T-0001,5,Refused,2,Shut the door\n")
    with county.session() as s:
        outcome = enter_results(s, path, canvasser="paper team")
    assert len(outcome.applied) == 3
    assert [(p.row, p.reason.split(";")[0]) for p in outcome.problems] == [
        (4, "Unknown result code 'XX'"),
        (5, "walk list T-0001 has no line 99"),
        (6, "walk list T-0002 has no line 1"),
        (7, "support '7' is not 1 to 5"),
        (8, "the line number 'x' is not a whole number"),
        (9, "T-0001 line 1 appears twice in this file"),
    ]
    assert counts(county) == (3, 3)  # each applied row: one contact, one outbox op; refused rows: nothing
    ann = line_voter(county, 1)
    with county.session() as s:
        row = s.scalar(select(ContactAttempt).where(ContactAttempt.voter_id == ann.id))
        assert row is not None
        assert (row.source, row.support, row.note, row.canvasser, row.turf_id) == ("paper", 5, "Yard sign",
                                                                                     "paper team", 1)
        assert current_results(s, [line_voter(county, 5).id])[line_voter(county, 5).id].code == "R"


def test_entering_the_same_file_twice_applies_nothing_the_second_time(county: Store, tmp_path: Path) -> None:
    path = write(tmp_path, "T-0001,1,NH\nT-0001,2,C,4,hi\n")  # no header: columns by position
    with county.session() as s:
        assert len(enter_results(s, path).applied) == 2
    with county.session() as s:
        again = enter_results(s, path)
    assert (again.applied, [p.row for p in again.skipped], again.problems) == ([], [1, 2], [])
    assert counts(county) == (2, 2)


def test_a_voter_marked_do_not_contact_since_printing_is_refused(county: Store, tmp_path: Path) -> None:
    with county.session() as s:
        enter_results(s, write(tmp_path, "list,line,result\nT-0001,1,DNC\n"))
    path = write(tmp_path, "list,line,result\nT-0001,2,NH\nT-0001,1,C\n")
    with county.session() as s:
        outcome = enter_results(s, path)
    assert (len(outcome.applied), [p.row for p in outcome.problems]) == (1, [3])
    assert "marked Do Not Contact" in outcome.problems[0].reason
    with county.session() as s:
        assert s.scalar(select(func.count()).select_from(OutboxOp).where(OutboxOp.op_type == "voter_correction")) == 1


def test_a_file_without_the_needed_columns_is_refused_whole(county: Store, tmp_path: Path) -> None:
    path = write(tmp_path, "voter,outcome\nV1,NH\n")
    with pytest.raises(ContactError, match=r"results.csv row 1: .*missing: list, line, result"), \
            county.session() as s:
        enter_results(s, path)
    assert counts(county) == (0, 0)


def test_control_characters_in_a_row_are_refused_at_the_source_with_row_and_reason(
        county: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A NUL (or any control character but tab and line breaks) would otherwise travel to the server as a poison
    op; the paper file is checked where it is read, and the row is refused whole."""
    path = write(tmp_path, "list,line,result,support,note\n"
                           "T-0001,1,C,4,rang twice\x00\n"
                           "T-0001,2,NH,,bell\x07\n"
                           "T-0001,3,NH,,\x1b[31mred\n"
                           "T-0001,4,C,5,\"two\nlines\tand a tab\"\n"
                           "T-0001,5\x00,R,,\n"
                           "T-0001,6,R,,del\x7f\n")
    with county.session() as s:
        outcome = enter_results(s, path)
    reason = "the row holds control characters (such as NUL); remove them and enter the row again"
    assert [(p.row, p.reason) for p in outcome.problems] == [(2, reason), (3, reason), (4, reason), (6, reason),
                                                            (7, reason)]  # rows as a spreadsheet counts them
    assert len(outcome.applied) == 1  # the note with a line break and a tab is fine
    assert counts(county) == (1, 1)
    with county.session() as s:
        assert s.scalar(select(ContactAttempt.note)) == "two\nlines\tand a tab"

    county.close()
    assert main(["enter-results", str(path)]) == 1  # nothing new; the same rows refused again
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"results.csv row 2: {reason}"
    assert len(err) == 5


def test_cli_enter_results_prints_summary_and_reasons_and_exits_non_zero_on_refusals(
        county: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    county.close()
    path = write(tmp_path, "list,line,result\nT-0001,1,NH\nT-0001,2,ZZ\n")
    assert main(["enter-results", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out.strip() == "Entered 1 of 2 results from results.csv; 1 rows refused."
    assert err.strip().startswith("results.csv row 3: Unknown result code 'ZZ'")
    assert main(["enter-results", str(tmp_path / "missing.csv")]) == 2


def test_cli_log_contact_and_contacts_listing(county: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                              ) -> None:
    sid = line_voter(county, 1).state_voter_id
    county.close()
    assert main(["log-contact", sid, "--result", "Not Home", "--json"]) == 0
    logged = json.loads(capsys.readouterr().out)
    assert logged["result"] == "NH"
    assert main(["log-contact", sid, "--result", "c", "--support", "4", "--note", "Talked about schools"]) == 0
    assert capsys.readouterr().out.startswith("Logged contact ")
    assert main(["log-contact", sid, "--result", "nope"]) == 2
    assert "Unknown result code 'nope'" in capsys.readouterr().err
    assert main(["log-contact", "V404", "--result", "NH"]) == 2
    capsys.readouterr()
    assert main(["contacts", "--voter", sid, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["contacts"]
    assert [(c["id"], c["result"], c["source"]) for c in listed][0] == (logged["id"], "NH", "cli")
    assert listed[1]["note"] == "Talked about schools"
    # Signed locally by the name of this never-enrolled install (the op names nobody: the server signs it).
    assert {c["canvasser"] for c in listed} == {getpass.getuser()}
    assert main(["contacts", "--list", "T-0001"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "2 contact entries."
    out = tmp_path / "c.csv"
    assert main(["contacts", "--csv", str(out)]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3
    assert main(["contacts", "--list", "T-0404"]) == 2
