"""Turf cutting (precinct, size, by hand), list numbers, and the assign / check-out / return cycle."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from helpers.turf_fixtures import H, P, make_county, street
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from canvass_app.cli import main
from canvass_app.store.database import Store
from canvass_app.store.models import Household, Member, OutboxOp, Turf, TurfAssignment, TurfLine, Voter
from canvass_app.turfs.cutting import (
    Me,
    TurfError,
    assign,
    check_out,
    cut_by_doors,
    cut_by_hand,
    cut_by_precinct,
    find_county,
    list_turfs,
    return_turf,
)
from canvass_app.turfs.walk_order import walk_lines


def households_by_turf(store: Store) -> dict[int, list[Household]]:
    with store.session() as s:
        out: dict[int, list[Household]] = {}
        for h in s.scalars(select(Household).where(Household.turf_id.is_not(None))):
            out.setdefault(h.turf_id or 0, []).append(h)
        return out


def test_cut_by_precinct_makes_one_turf_per_precinct_without_excluded_voters(store: Store) -> None:
    with store.session() as s:
        make_county(s, [*street("Main St", range(1, 11)), *street("Oak Ave", range(1, 5), precinct="02"),
                        H(99, "Oak Ave", [P("Dead", "Man", deceased=True)], precinct="02"),
                        H(7, "Elm St", [P("Not", "Here", active=False)], precinct="03")])
        turfs = cut_by_precinct(s, find_county(s, "wake").id)
    assert [(t.list_number, t.name, t.doors, t.people, t.status) for t in turfs] == [
        ("T-0001", "Precinct 01", 10, 10, "available"), ("T-0002", "Precinct 02", 4, 4, "available")]
    with store.session() as s:
        assert cut_by_precinct(s, 1) == []  # everything knockable is already cut
        orphan = s.scalar(select(Household).where(Household.house_number_int == 99))
        assert orphan is not None
        assert orphan.turf_id is None


def test_cut_by_doors_keeps_short_streets_whole_and_splits_long_ones_by_number_range(store: Store) -> None:
    with store.session() as s:
        make_county(s, [*street("Ash Ct", range(1, 9)), *street("Birch Rd", range(1, 7)),
                        *street("Long St", range(100, 700, 5)), *street("Cedar Ln", range(2, 20, 2))])
        turfs = cut_by_doors(s, 1, 20)
    by_turf = households_by_turf(store)
    assert sum(t.doors for t in turfs) == 8 + 6 + 120 + 9
    assert [t.list_number for t in turfs] == [f"T-{n:04d}" for n in range(1, len(turfs) + 1)]
    assert all(t.doors <= 24 for t in turfs), [t.doors for t in turfs]
    for key in ("ASH CT", "BIRCH RD", "CEDAR LN"):  # short streets are never split
        assert len({tid for tid, hs in by_turf.items() for h in hs if h.street_key == key}) == 1
    long_ranges = sorted(
        (min(h.house_number_int or 0 for h in hs if h.street_key == "LONG ST"),
         max(h.house_number_int or 0 for h in hs if h.street_key == "LONG ST"))
        for hs in by_turf.values() if any(h.street_key == "LONG ST" for h in hs))
    assert len(long_ranges) >= 6
    for (_, hi), (lo, _) in zip(long_ranges, long_ranges[1:], strict=False):
        assert hi < lo  # contiguous, non-overlapping house-number ranges
    # Blocks stay together where they fit: no 100-block is split across two turfs.
    assert all(lo % 100 == 0 for lo, _ in long_ranges)


def test_a_cut_numbers_lines_in_walk_order_as_a_turf_alone_would(store: Store) -> None:
    """Lines of a whole cut, numbered in one pass, are those the walk list of each turf would give it."""
    with store.session() as s:
        make_county(s, [*street("Ash Ct", range(1, 9)), *street("Long St", range(100, 400, 5)),
                        H(12, "Ash Ct", [P("Zed", "Adams"), P("Amy", "Adams"), P("No", "Call", dnc=True)]),
                        *street("Oak Ave", range(1, 30), precinct="02")])
        turfs = cut_by_doors(s, 1, 15)
        for t in turfs:
            numbered = s.execute(select(TurfLine.line, TurfLine.voter_id).where(TurfLine.turf_id == t.id)
                                 .order_by(TurfLine.line)).all()
            s.execute(delete(TurfLine).where(TurfLine.turf_id == t.id))
            alone = [(w.line, w.voter_id) for w in walk_lines(s, t.id)]  # numbered afresh, turf by turf
            assert [tuple(r) for r in numbered] == alone
            assert [line for line, _ in alone] == list(range(1, t.people + 1))
    assert sum(t.people for t in turfs) == 8 + 60 + 2 + 29


def test_list_numbers_are_never_reused(store: Store) -> None:
    with store.session() as s:
        make_county(s, street("Main St", range(1, 5)) + street("Oak Ave", range(1, 5), precinct="02"))
        first = cut_by_hand(s, 1, streets=["main st"], name="Main")
    with store.session() as s:
        s.delete(s.get_one(Turf, first.id))
    with store.session() as s:
        second = cut_by_hand(s, 1, streets=["OAK AVE"])
    assert (first.list_number, second.list_number) == ("T-0001", "T-0002")


def test_cut_by_hand_from_households_and_refusals(store: Store) -> None:
    with store.session() as s:
        make_county(s, street("Main St", range(1, 7)) + [H(9, "Main St", [P("X", "Y", dnc=True)])])
        ids = list(s.scalars(select(Household.id).where(Household.house_number_int <= 3)))
        turf = cut_by_hand(s, 1, household_ids=ids, name="Top of Main", both_sides_ascending=True)
    assert (turf.name, turf.doors, turf.both_sides_ascending) == ("Top of Main", 3, True)
    with store.session() as s, pytest.raises(TurfError, match="already in a turf"):
        cut_by_hand(s, 1, household_ids=[ids[0], 5])
    with store.session() as s, pytest.raises(TurfError, match="No such street"):
        cut_by_hand(s, 1, streets=["NOWHERE RD"])
    with store.session() as s:
        dnc_only = s.scalar(select(Household.id).where(Household.house_number_int == 9))
        with pytest.raises(TurfError, match="no voter to knock|None of the chosen"):
            cut_by_hand(s, 1, household_ids=[dnc_only or 0])
    assert len(households_by_turf(store)) == 1  # the refused cuts changed nothing


def test_assign_check_out_and_return_with_outbox_ops(store: Store) -> None:
    with store.session() as s:
        make_county(s, street("Main St", range(1, 5)))
        cut_by_precinct(s, 1)
    at = dt.datetime(2026, 5, 2, 14, 0, tzinfo=dt.UTC)
    with store.session() as s:
        assert assign(s, "T-0001", "Ana").status == "assigned"
        assert assign(s, "T-0001", "Ben").assignee == "Ben"  # not yet out: reassigning is fine
        out = check_out(s, "t-0001", at=at)
    assert (out.status, out.assignee) == ("checked out", "Ben")
    with store.session() as s:
        with pytest.raises(TurfError, match="checked out to Ben"):
            assign(s, "T-0001", "Ana")
        with pytest.raises(TurfError, match="already checked out to Ben"):
            check_out(s, "T-0001", "Ana")
    with store.session() as s:
        back = return_turf(s, "T-0001", at=at + dt.timedelta(hours=3))
        assert (back.status, back.assignee) == ("returned", None)
        with pytest.raises(TurfError, match="not checked out"):
            return_turf(s, "T-0001")
        again = check_out(s, "T-0001", "Ana")
        assert (again.status, again.assignee) == ("checked out", "Ana")
    with store.session() as s:  # an install that is not enrolled: names are free text, nothing travels
        assert s.scalars(select(OutboxOp)).all() == []


LEAD = Me(member_id=5, role="county_lead", list_prefix="T3-")


def test_on_an_enrolled_device_turfs_travel_numbered_with_its_prefix(store: Store) -> None:
    with store.session() as s:
        cid = make_county(s, street("Main St", range(1, 5)) + street("Oak Ave", range(1, 3))).id
        s.add_all([Member(id=7, name="Pat", role="canvasser", status="active"),
                   Member(id=8, name="Vic", role="volunteer", status="active")])
        made = cut_by_doors(s, cid, 4, me=LEAD)
    assert [t.list_number for t in made] == ["T3-0001", "T3-0002"]
    at = dt.datetime(2026, 5, 2, 14, 0, tzinfo=dt.UTC)
    with store.session() as s:
        with pytest.raises(TurfError, match="No active canvasser or lead 'Vic'"):
            assign(s, "T3-0001", "Vic", me=LEAD)
        assert assign(s, "T3-0001", "pat", me=LEAD).assignee == "Pat"
        assert assign(s, "T3-0002", "7", me=LEAD).assignee == "Pat"
        assert return_turf(s, "T3-0002", at=at, me=LEAD).status == "returned"
        with pytest.raises(TurfError, match="cannot cut turfs"):
            cut_by_precinct(s, cid, me=Me(member_id=7, role="canvasser", list_prefix="T4-"))
        with pytest.raises(TurfError, match="cannot assign turfs"):
            assign(s, "T3-0001", "Pat", me=Me(member_id=7, role="canvasser", list_prefix="T4-"))
    with store.session() as s:
        ops = [(op.op_type, op.payload) for op in s.scalars(select(OutboxOp).order_by(OutboxOp.seq))]
        voters = dict(s.execute(select(TurfLine.line, Voter.state_voter_id).join(Voter, Voter.id == TurfLine.voter_id)
                                .join(Turf, Turf.id == TurfLine.turf_id).where(Turf.list_number == "T3-0001")).all())
    county = {"name": "Wake", "state": "NC"}
    assert [(t, p["list_number"]) for t, p in ops] == [
        ("turf_cut", "T3-0001"), ("turf_cut", "T3-0002"), ("turf_assign", "T3-0001"), ("turf_assign", "T3-0002"),
        ("turf_assign", "T3-0002")]
    assert ops[0][1]["lines"] == [[line, voters[line]] for line in sorted(voters)]
    assert ops[2][1] == {"county": county, "list_number": "T3-0001", "action": "assign", "member_id": 7,
                         "at": ops[2][1]["at"]}
    assert ops[4][1] == {"county": county, "list_number": "T3-0002", "action": "return", "member_id": None,
                         "at": "2026-05-02T14:00:00+00:00"}


def test_a_refused_check_out_writes_no_outbox_op(store: Store) -> None:
    with store.session() as s:
        make_county(s, street("Main St", range(1, 3)))
        cut_by_precinct(s, 1)
    with store.session() as s, pytest.raises(TurfError, match="not assigned"):
        check_out(s, "T-0001")
    with store.session() as s:
        assert s.scalars(select(OutboxOp)).all() == []


def test_the_store_itself_refuses_two_open_assignments(store: Store) -> None:
    with store.session() as s:
        make_county(s, street("Main St", range(1, 3)))
        cut_by_precinct(s, 1)
    with pytest.raises(IntegrityError), store.session() as s:
        s.add_all([TurfAssignment(turf_id=1, canvasser="Ana"), TurfAssignment(turf_id=1, canvasser="Ben")])


def test_list_shows_counts_and_assignee(store: Store) -> None:
    with store.session() as s:
        make_county(s, [H(1, "Main St", [P("A", "B"), P("C", "B")]), H(2, "Main St", [P("D", "E")])])
        make_county(s, street("Elm St", range(1, 4)), name="Durham")
        cut_by_precinct(s, find_county(s, "Wake", "NC").id)
        cut_by_precinct(s, find_county(s, "Durham").id)
        assign(s, "T-0002", "Cleo")
    with store.session() as s:
        rows = [(t.list_number, t.county, t.doors, t.people, t.assignee) for t in list_turfs(s)]
        assert rows == [("T-0001", "Wake", 2, 3, None), ("T-0002", "Durham", 3, 3, "Cleo")]
        with pytest.raises(TurfError, match="no county named"):
            find_county(s, "Nowhere")


def test_cli_cut_list_hand_out_and_print(store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with store.session() as s:
        make_county(s, street("Main St", range(1, 30)) + street("Oak Ave", range(1, 12), precinct="02"))
    store.close()  # the CLI opens the same store itself, from $CANVASS_DATA_DIR
    assert main.main(["turfs", "cut", "--county", "Wake", "--doors", "15", "--json"]) == 0
    cut = json.loads(capsys.readouterr().out)
    assert [t["doors"] for t in cut["turfs"]] == [15, 14, 11]
    assert main.main(["turfs", "checkout", "T-0002", "--to", "Ana"]) == 0
    assert capsys.readouterr().out.strip() == "T-0002 is checked out to Ana."
    assert main.main(["turfs", "checkout", "T-0002", "--to", "Ben"]) == 2
    assert "already checked out to Ana" in capsys.readouterr().err
    assert main.main(["turfs", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["turfs"]
    assert [(t["list_number"], t["assignee"]) for t in listed] == [("T-0001", None), ("T-0002", "Ana"),
                                                                    ("T-0003", None)]
    out = tmp_path / "book.pdf"
    assert main.main(["walklist", "--all", "--out", str(out)]) == 0
    assert capsys.readouterr().out.startswith("Wrote 3 walk lists (")
    assert out.exists()
    assert main.main(["walklist", "T-0001", "T-0404", "--out", str(tmp_path / "bad.pdf")]) == 2
    assert "no turf with list number 'T-0404'" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pdf") == ["book.pdf"]  # nothing half-written
    assert main.main(["turfs", "cut", "--county", "Wake", "--by", "precinct"]) == 0
    assert "Nothing to cut" in capsys.readouterr().out
