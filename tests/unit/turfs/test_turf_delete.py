"""Cuts you can undo: the report of what a cut made, deleting turfs and whole cuts, re-cutting a precinct."""

from __future__ import annotations

import json

import pytest
from helpers.turf_fixtures import H, P, make_county, street
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from canvass_app.cli import main
from canvass_app.contacts.attempts import log_contact
from canvass_app.store.database import Store
from canvass_app.store.models import ContactAttempt, Household, OutboxOp, Turf, TurfAssignment, TurfLine, Voter
from canvass_app.turfs.cutting import (
    Me,
    TurfError,
    TurfInUseError,
    assign,
    check_out,
    cut_by_hand,
    cut_county,
    delete_cut,
    delete_turfs,
    find_county,
    list_turfs,
    recut_precinct,
)


def two_precincts(s: Session) -> int:
    """Wake: precinct 01 (Main St 1-10, 10 doors), precinct 02 (Oak Ave 1-4, plus a two-voter house)."""
    return make_county(s, [*street("Main St", range(1, 11)), *street("Oak Ave", range(1, 5), precinct="02"),
                           H(20, "Oak Ave", [P("Ann", "Lee"), P("Bo", "Lee")], precinct="02")]).id


def free_households(s: Session) -> int:
    return s.scalar(select(func.count()).select_from(Household).where(Household.turf_id.is_(None))) or 0


def a_voter_of(s: Session, list_number: str) -> int:
    turf_id = s.scalar(select(Turf.id).where(Turf.list_number == list_number))
    vid = s.scalar(select(Voter.id).join(Household).where(Household.turf_id == turf_id).limit(1))
    assert vid is not None
    return vid


def test_a_cut_reports_its_turfs_doors_voters_and_shares_one_cut_number(store: Store) -> None:
    with store.session() as s:
        cid = two_precincts(s)
        report = cut_county(s, cid)
    assert [(t.list_number, t.doors, t.people) for t in report.turfs] == [("T-0001", 10, 10), ("T-0002", 5, 6)]
    assert (report.doors, report.voters, report.warnings) == (15, 16, [])
    assert report.cut_id is not None
    assert {t.cut_id for t in report.turfs} == {report.cut_id}
    assert report.headline == "Cut 2 turfs (15 doors, 16 voters) in Wake: T-0001–T-0002."
    with store.session() as s:
        make_county(s, street("Elm St", range(1, 2)), name="Durham")
        one = cut_county(s, find_county(s, "Durham").id, doors=10)
        assert one.headline == "Cut 1 turf (1 door, 1 voter) in Durham: T-0003."
        assert one.cut_id == report.cut_id + 1  # each cut its own number
        assert {t.list_number: t.cut_id for t in list_turfs(s)}["T-0003"] == one.cut_id
        nothing = cut_county(s, cid)
    assert (nothing.turfs, nothing.cut_id) == ([], None)
    assert nothing.headline.startswith("Nothing to cut in Wake")


def test_a_county_without_precinct_codes_is_warned_about(store: Store) -> None:
    with store.session() as s:
        cid = make_county(s, street("Main St", range(1, 614))).id
        s.execute(update(Household).values(precinct_id=None))  # a file imported with no precinct code column
        report = cut_county(s, cid)
    assert [(t.name, t.doors) for t in report.turfs] == [("No precinct", 613)]
    assert report.headline.startswith("Cut 1 turf (613 doors, 613 voters)")
    assert len(report.warnings) == 1
    assert "Every door landed in one turf (613 doors) because the county has no precinct codes" in report.warnings[0]


def test_some_doors_without_a_precinct_are_counted_in_a_warning(store: Store) -> None:
    with store.session() as s:
        cid = two_precincts(s)
        s.execute(update(Household).where(Household.house_number_int <= 3, Household.street_key == "MAIN ST")
                  .values(precinct_id=None))
        report = cut_county(s, cid, doors=50)
    assert [(t.precinct, t.doors) for t in report.turfs] == [("", 3), ("01", 7), ("02", 5)]
    assert report.warnings == ['3 doors have no precinct: they were cut into turfs of their own ("No precinct").']


def test_deleting_a_turf_frees_its_households_and_drops_lines_and_assignment(store: Store) -> None:
    with store.session() as s:
        cut_county(s, two_precincts(s))
        assign(s, "T-0002", "Ana")  # assigned, not checked out: no reason to refuse
    with store.session() as s:
        report = delete_turfs(s, ["t-0002"])
    assert [t.list_number for t in report.deleted] == ["T-0002"]
    assert (report.doors_freed, report.results_kept, report.taken_back) == (5, 0, [])
    assert report.headline == "Deleted 1 turf (T-0002): 5 doors are free to cut again."
    with store.session() as s:
        assert [t.list_number for t in list_turfs(s)] == ["T-0001"]
        assert free_households(s) == 5
        assert s.scalar(select(func.count()).select_from(TurfLine)) == 10  # only T-0001's lines are left
        assert s.scalars(select(TurfAssignment)).all() == []
        assert s.scalars(select(OutboxOp)).all() == []  # turfs do not travel: cutting and deleting write no op
        again = cut_county(s, 1)
    assert [(t.list_number, t.doors) for t in again.turfs] == [("T-0003", 5)]  # numbers are never reused


def test_a_turf_with_results_is_deleted_only_with_force_and_the_results_stay(store: Store) -> None:
    with store.session() as s:
        cut_county(s, two_precincts(s))
        voter = a_voter_of(s, "T-0001")
        log_contact(s, voter, "NH")
        log_contact(s, voter, "C")
    with store.session() as s, pytest.raises(TurfInUseError) as refused:
        delete_turfs(s, ["T-0002", "T-0001"])
    assert str(refused.value).startswith("T-0001 (Precinct 01) has 2 contact results on it. Nothing was deleted.")
    assert [(b.list_number, b.results) for b in refused.value.blockers] == [("T-0001", 2)]
    with store.session() as s:
        assert len(list_turfs(s)) == 2  # T-0002 was not deleted either
        report = delete_turfs(s, ["T-0002", "T-0001"], force=True)
    assert (report.results_kept, report.doors_freed) == (2, 15)
    with store.session() as s:
        assert list_turfs(s) == []
        contacts = s.scalars(select(ContactAttempt)).all()
        assert [(c.voter_id, c.turf_id) for c in contacts] == [(voter, None), (voter, None)]


def test_a_checked_out_turf_is_taken_back_when_forced_and_the_delete_travels(store: Store) -> None:
    with store.session() as s:
        cut_county(s, two_precincts(s))
        check_out(s, "T-0002", "Ana")
    with store.session() as s, pytest.raises(TurfInUseError, match=r"T-0002 \(Precinct 02\) is checked out to Ana"):
        delete_turfs(s, ["T-0002"])
    with store.session() as s:
        report = delete_turfs(s, ["T-0002"], force=True, me=Me(member_id=5, role="county_lead", list_prefix="T3-"))
    assert report.taken_back == ["T-0002 from Ana"]
    with store.session() as s:
        ops = [(op.op_type, op.payload["list_number"]) for op in s.scalars(select(OutboxOp).order_by(OutboxOp.seq))]
    assert ops == [("turf_delete", "T-0002")]


def test_delete_a_whole_cut_leaves_other_cuts_alone(store: Store) -> None:
    with store.session() as s:
        cid = two_precincts(s)
        hand = cut_by_hand(s, cid, streets=["OAK AVE"])
        first = cut_county(s, cid, doors=4)
    assert hand.cut_id is not None and first.cut_id is not None and hand.cut_id != first.cut_id
    with store.session() as s:
        report = delete_cut(s, first.cut_id)
        assert sorted(t.list_number for t in report.deleted) == [t.list_number for t in first.turfs]
        assert [t.list_number for t in list_turfs(s)] == [hand.list_number]
        assert free_households(s) == 10
    with store.session() as s, pytest.raises(TurfError, match=f"There is no cut {first.cut_id}"):
        delete_cut(s, first.cut_id)


def test_recut_a_precinct_deletes_its_turfs_and_cuts_it_again(store: Store) -> None:
    with store.session() as s:
        cid = two_precincts(s)
        cut_county(s, cid)
    with store.session() as s:
        report = recut_precinct(s, cid, " 01 ", doors=4)
    assert [t.list_number for t in report.deleted.deleted] == ["T-0001"]
    assert [(t.list_number, t.doors, t.precinct) for t in report.cut.turfs] == [
        ("T-0003", 4, "01"), ("T-0004", 4, "01"), ("T-0005", 2, "01")]
    assert report.headline.startswith("Precinct 01: deleted T-0001. Cut 3 turfs (10 doors, 10 voters)")
    with store.session() as s:
        assert [t.list_number for t in list_turfs(s)] == ["T-0002", "T-0003", "T-0004", "T-0005"]
        with pytest.raises(TurfError, match="Wake has no precinct '99'"):
            recut_precinct(s, cid, "99")


def test_recut_refuses_a_turf_that_spans_two_precincts_and_results_without_force(store: Store) -> None:
    with store.session() as s:
        cid = two_precincts(s)
        ids = list(s.scalars(select(Household.id).where(Household.house_number_int == 1)))  # Main 1 and Oak 1
        mixed = cut_by_hand(s, cid, household_ids=ids, name="Corner")
    with store.session() as s, pytest.raises(TurfError, match=f"{mixed.list_number} also holds doors outside"):
        recut_precinct(s, cid, "02")
    with store.session() as s:
        delete_turfs(s, [mixed.list_number])
        cut_county(s, cid)  # T-0002 (01), T-0003 (02)
        log_contact(s, a_voter_of(s, "T-0003"), "NH")
    with store.session() as s, pytest.raises(TurfInUseError, match="T-0003 .* has 1 contact result on it"):
        recut_precinct(s, cid, "02")
    with store.session() as s:
        assert [t.list_number for t in list_turfs(s)] == ["T-0002", "T-0003"]
        report = recut_precinct(s, cid, "02", force=True)
    assert (report.deleted.results_kept, [t.list_number for t in report.cut.turfs]) == (1, ["T-0004"])


def test_cli_cut_report_delete_and_recut(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    with store.session() as s:
        two_precincts(s)
        make_county(s, [H(5, "Elm St", [P("Cy", "Doe")])], name="Durham")
    store.close()  # the CLI opens the same store itself, from $CANVASS_DATA_DIR
    assert main.main(["turfs", "cut", "--county", "Durham", "--by", "precinct"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Cut 1 turf (1 door, 1 voter) in Durham: T-0001."
    assert out[1] == "This is cut 1; undo it with: canvass-app turfs delete --cut 1"
    assert main.main(["turfs", "cut", "--county", "Wake", "--doors", "4", "--json"]) == 0
    cut = json.loads(capsys.readouterr().out)
    assert (cut["cut_id"], cut["doors"], cut["voters"], len(cut["turfs"])) == (2, 15, 16, 4)
    assert main.main(["turfs", "list"]) == 0
    assert "  cut 2   " in capsys.readouterr().out

    assert main.main(["turfs", "checkout", "T-0002", "--to", "Ana"]) == 0
    capsys.readouterr()
    assert main.main(["turfs", "delete", "T-0003", "T-0002"]) == 2
    err = capsys.readouterr().err
    assert "T-0002 (" in err and "is checked out to Ana" in err and "Add --force" in err
    assert main.main(["turfs", "delete", "T-0003", "T-0404"]) == 2
    assert "no turf with list number T-0404; nothing was deleted" in capsys.readouterr().err
    assert main.main(["turfs", "delete", "--cut", "2", "T-0003"]) == 2
    capsys.readouterr()
    assert main.main(["turfs", "list", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["turfs"]) == 5  # every refusal changed nothing

    assert main.main(["turfs", "delete", "--cut", "2", "--force", "--json"]) == 0
    deleted = json.loads(capsys.readouterr().out)
    assert (len(deleted["deleted"]), deleted["doors_freed"], deleted["taken_back"]) == (4, 15, ["T-0002 from Ana"])
    assert main.main(["turfs", "recut", "--county", "Wake", "--precinct", "02"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == ["Precinct 02: deleted no turf.", "Cut 1 turf (5 doors, 6 voters) in Wake: T-0006."]
    assert main.main(["turfs", "recut", "--county", "Wake", "--precinct", "7"]) == 2
    assert "Wake has no precinct '7'" in capsys.readouterr().err
