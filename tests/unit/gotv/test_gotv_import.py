"""Importing voted files into the store: each layout against its generated truth, re-runs, problems, no half-apply."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from helpers.turf_fixtures import H, P, make_county
from helpers.voted_files import write_absentee, write_generic, write_ncvhis
from sqlalchemy import func, select

from canvass_app.cli.main import main
from canvass_app.gotv.voted_import import import_voted_file
from canvass_app.store.database import Store
from canvass_app.store.models import Voted, Voter

STREETS = ("Oak St", "Elm St", "Pine Ave")


@pytest.fixture
def ids(store: Store) -> list[str]:
    with store.session() as s:
        make_county(s, [H(n, st, [P(f"A{n}", "Lee"), P(f"B{n}", "Kim")]) for st in STREETS for n in range(1, 41)],
                    name="Durham")
        return list(s.scalars(select(Voter.state_voter_id).order_by(Voter.id)))


def _statuses(store: Store) -> dict[str, str]:
    with store.session() as s:
        rows = s.execute(select(Voter.state_voter_id, Voted.voted, Voted.ballot_status)
                         .join(Voted, Voted.voter_id == Voter.id)).all()
    return {sid: "voted" if voted else status for sid, voted, status in rows if voted or status}


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:  # type: ignore[type-arg]
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_absentee_file_matches_its_truth_and_twice_changes_nothing(
        store: Store, ids: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gen = write_absentee(tmp_path / "absentee_20261020.csv", ids)
    out = _run(capsys, "voted", "import", str(tmp_path / "absentee_20261020.csv"))
    truth = gen.truth
    assert _statuses(store) == truth
    assert out["layout"] == "nc-absentee" and out["election"] == "2026-11-03"
    assert out["rows"] == gen.rows and out["unmatched"] == gen.unmatched and out["rejected"] == gen.rejected
    assert out["matched"] == gen.rows - gen.unmatched - gen.rejected
    assert out["voted"] == sum(1 for v in truth.values() if v == "voted")
    assert out["requested_not_returned"] == sum(1 for v in truth.values() if v == "requested")
    assert out["needs_cure"] == sum(1 for v in truth.values() if v not in ("voted", "requested"))
    assert out["changed"] == len(truth)
    reasons = {p["reason"].split(":")[0] for p in out["problems"]}
    assert "ballot_req_dt is not a date" in reasons
    assert any(r.startswith("no voter with id ZZ") for r in reasons)
    again = _run(capsys, "voted", "import", str(tmp_path / "absentee_20261020.csv"))
    assert again["changed"] == 0 and _statuses(store) == truth
    assert {k: v for k, v in again.items() if k not in ("changed", "seconds")} == {
        k: v for k, v in out.items() if k not in ("changed", "seconds")}


def test_ncvhis_takes_its_latest_election_and_a_vote_is_never_taken_back(
        store: Store, ids: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    absentee = write_absentee(tmp_path / "absentee.csv", ids)
    _run(capsys, "voted", "import", str(tmp_path / "absentee.csv"))
    hist = write_ncvhis(tmp_path / "ncvhis32.txt", ids)
    out = _run(capsys, "voted", "import", str(tmp_path / "ncvhis32.txt"))
    assert out["layout"] == "ncvhis" and out["election"] == "2026-11-03"
    assert out["other_elections"] > 0 and out["unmatched"] == 1
    merged = dict(absentee.truth) | hist.truth
    assert _statuses(store) == merged
    _run(capsys, "voted", "import", str(tmp_path / "absentee.csv"))  # an older daily file after the history
    assert _statuses(store) == merged
    older = _run(capsys, "voted", "import", str(tmp_path / "ncvhis32.txt"), "--election", "2024-11-05")
    assert older["election"] == "2024-11-05" and older["voted"] > 0
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Voted).where(Voted.election == "2024-11-05")) == older[
            "voted"]


def test_generic_file_without_an_election_means_that_years_election_day(
        store: Store, ids: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gen = write_generic(tmp_path / "early.csv", ids)
    out = _run(capsys, "voted", "import", str(tmp_path / "early.csv"))
    assert out["layout"] == "generic" and out["election"] == "2026-11-03"
    assert (out["rows"], out["unmatched"], out["rejected"]) == (gen.rows, 1, 1)
    assert _statuses(store) == gen.truth
    assert [p["reason"][:24] for p in out["problems"]] == ["no voter with id NOPE-1 ", "Date Voted is not a date"]


def test_a_failure_half_way_changes_nothing(store: Store, ids: list[str], tmp_path: Path) -> None:
    write_absentee(tmp_path / "a.csv", ids)
    def import_then_fail() -> None:
        with store.session() as s:
            import_voted_file(s, tmp_path / "a.csv", county_id=1)
            raise ZeroDivisionError  # anything after the import, in the same transaction

    with pytest.raises(ZeroDivisionError):
        import_then_fail()
    assert _statuses(store) == {}


def test_bad_input_is_a_clear_message(store: Store, ids: list[str], tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x.csv").write_text("name,date\nPat,2026-10-01\n")
    assert main(["voted", "import", str(tmp_path / "x.csv")]) != 0
    assert "no voter id column" in capsys.readouterr().err
    assert main(["voted", "import", str(tmp_path / "missing.csv")]) != 0
    assert "cannot read" in capsys.readouterr().err
    assert main(["voted", "import", str(tmp_path / "x.csv"), "--county", "Nowhere"]) != 0
    assert "no county named" in capsys.readouterr().err


def test_election_option_is_checked() -> None:
    with pytest.raises(SystemExit):
        main(["voted", "import", "f.csv", "--election", "11/03/2026"])
    assert dt.date(2026, 11, 3).isoformat() == "2026-11-03"
