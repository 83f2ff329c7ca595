"""The summary before an import (a dry run that changes nothing), the confirm hook, and undo of the last import."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import func, select

from canvass_app.store.database import Store
from canvass_app.store.models import ContactAttempt, County, Household, Precinct, ResultCode, Voter
from canvass_app.turfs import cutting
from canvass_app.voters import import_journal
from canvass_app.voters.importer import ImportDeclined, ImportResult, import_voter_file
from canvass_formats.voterfile import VoterFileError

HEADER = ["Voter ID", "First Name", "Last Name", "Street #", "Street", "Type", "Zip", "Precinct"]


def _file(path: Path, rows: list[tuple[str, str, int, str]]) -> Path:
    """rows: (voter id, last name, house number, precinct)."""
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        w.writerows([vid, "Al", last, str(num), "Elm", "St", "27601", pct] for vid, last, num, pct in rows)
    return path


def _run(store: Store, path: Path, **kw: object) -> ImportResult:
    with store.session() as s:
        return import_voter_file(s, path, county="Wake", state="NC", rejects_path=path.with_suffix(".rej.csv"),
                                 **kw)  # type: ignore[arg-type]


def _plan(store: Store, path: Path) -> ImportResult:
    with pytest.raises(ImportDeclined) as info:
        _run(store, path, dry_run=True)
    return info.value.result


def _snapshot(store: Store) -> list[tuple[object, ...]]:
    with store.session() as s:
        return [tuple(r) for r in s.execute(select(
            Voter.id, Voter.state_voter_id, Voter.last_name, Voter.active, Voter.household_id, Voter.precinct_id,
            Voter.res_house_number).order_by(Voter.id))]


def _counts(store: Store) -> tuple[int, int, int, int]:
    with store.session() as s:
        return tuple(int(s.scalar(select(func.count()).select_from(t)) or 0)  # type: ignore[return-value]
                     for t in (County, Precinct, Household, Voter))


@pytest.fixture
def county(store: Store, tmp_path: Path) -> Path:
    """Wake: 20 voters at 10 doors in two precincts, cut into one turf per precinct."""
    first = _file(tmp_path / "v1.csv", [(f"V{i:02d}", f"Old{i}", 100 + i // 2, f"P{i // 2 % 2}") for i in range(20)])
    _run(store, first)
    with store.session() as s:
        assert len(cutting.cut_by_precinct(s, cutting.find_county(s, "Wake", "NC").id)) == 2
    return first


def test_a_new_county_is_summarised_and_nothing_is_written(store: Store, tmp_path: Path) -> None:
    path = _file(tmp_path / "new.csv", [("A1", "Lee", 1, "P1"), ("A2", "Lee", 1, "P1"), ("A3", "Ng", 3, "")])
    plan = _plan(store, path)
    assert (plan.added, plan.updated, plan.unchanged, plan.inactivated, plan.new_county) == (3, 0, 0, 0, True)
    assert plan.dry_run
    assert _counts(store) == (0, 0, 0, 0)
    assert not path.with_suffix(".rej.csv").exists()
    assert plan.changes() == ("Wake, NC (a new county): 3 added, 0 updated, 0 unchanged, 0 to be marked inactive, "
                              "0 rejected; no turf loses doors")


def test_summary_counts_of_a_reimport_and_the_doors_leaving_turfs(store: Store, county: Path, tmp_path: Path) -> None:
    # V00-V09 unchanged, V10 renamed, V11 moved to a new door, V12-V19 gone, two new voters.
    rows = [(f"V{i:02d}", f"Old{i}", 100 + i // 2, f"P{i // 2 % 2}") for i in range(10)]
    rows += [("V10", "Renamed", 105, "P1"), ("V11", "Old11", 900, "P1"), ("N1", "New", 901, "P0"),
             ("N2", "New", 901, "P0")]
    before = _snapshot(store)
    plan = _plan(store, _file(tmp_path / "v2.csv", rows))
    assert (plan.added, plan.updated, plan.unchanged, plan.inactivated) == (2, 2, 10, 8)
    assert plan.active_before == 20
    assert plan.inactivated_share == pytest.approx(0.4)
    assert plan.needs_yes
    # Doors 106-109 lose everyone; door 105 keeps V10 though V11 moved away: P0 loses 106, 108; P1 loses 107, 109.
    assert (plan.turfs_affected, plan.doors_leaving_turfs, plan.turfs_emptied) == (2, 4, 0)
    assert "2 turfs lose 4 doors" in plan.changes()
    assert _snapshot(store) == before  # the dry run wrote nothing
    result = _run(store, tmp_path / "v2.csv")
    assert (result.added, result.updated, result.unchanged, result.inactivated) == (2, 2, 10, 8)
    with store.session() as s:
        assert sorted(t.doors for t in cutting.list_turfs(s)) == [3, 3]


def test_a_declined_confirm_rolls_everything_back(store: Store, county: Path, tmp_path: Path) -> None:
    before, counts = _snapshot(store), _counts(store)
    seen: list[ImportResult] = []
    wrong = _file(tmp_path / "wrong.csv", [("X1", "Other", 1, "Q9")])
    with pytest.raises(ImportDeclined):
        _run(store, wrong, confirm=lambda plan: bool(seen.append(plan)))
    assert seen[0].inactivated == 20
    assert seen[0].turfs_emptied == 2
    assert (_snapshot(store), _counts(store)) == (before, counts)
    with store.session() as s:
        last = import_journal.last_import(s)
        assert last is not None and last.file == "v1.csv"  # the record of the last real import is kept


def test_required_columns_are_checked_before_anything(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "nostreet.csv"
    path.write_text("Voter ID,First Name,Last Name,Street #,Zip\nA,Al,Lee,12,27601\n", encoding="utf-8")
    with pytest.raises(VoterFileError, match="no street name"):
        _run(store, path)
    assert _counts(store) == (0, 0, 0, 0)


def test_undo_restores_the_store_as_it_was(store: Store, county: Path, tmp_path: Path) -> None:
    before, counts = _snapshot(store), _counts(store)
    rows = [(f"V{i:02d}", f"Changed{i}", 500 + i, "P7") for i in range(5)] + [("N1", "New", 1, "P8")]
    result = _run(store, _file(tmp_path / "v2.csv", rows))
    assert (result.added, result.updated, result.inactivated) == (1, 5, 15)
    with store.session() as s:
        last = import_journal.last_import(s)
        assert last is not None
        assert "v2.csv into Wake, NC" in last.describe()
        undone = import_journal.undo_last_import(s)
    assert (undone.removed, undone.restored, undone.reactivated) == (1, 5, 15)
    assert (_snapshot(store), _counts(store)) == (before, counts)
    with store.session() as s:
        assert sorted(t.doors for t in cutting.list_turfs(s)) == [5, 5]
        assert import_journal.last_import(s) is None
        with pytest.raises(import_journal.UndoError, match="no import to undo"):
            import_journal.undo_last_import(s)


def test_undo_of_a_first_import_removes_the_county(store: Store, tmp_path: Path) -> None:
    _run(store, _file(tmp_path / "new.csv", [("A1", "Lee", 1, "P1"), ("A2", "Ng", 3, "P2")]))
    with store.session() as s:
        assert import_journal.undo_last_import(s).removed == 2
    assert _counts(store) == (0, 0, 0, 0)


def test_undo_refuses_when_contacts_were_logged_for_added_voters(store: Store, tmp_path: Path) -> None:
    _run(store, _file(tmp_path / "new.csv", [("A1", "Lee", 1, "P1")]))
    with store.session() as s:
        code = s.scalar(select(ResultCode.id).limit(1))
        vid = s.scalar(select(Voter.id))
        s.add(ContactAttempt(id="22222222-2222-2222-2222-222222222222", voter_id=vid, result_code_id=code))
    counts = _counts(store)
    with store.session() as s, pytest.raises(import_journal.UndoError, match="1 contacts were logged"):
        import_journal.undo_last_import(s)
    assert _counts(store) == counts
