"""Walk order: odd side up, even side down, units in order, voters grouped by household, stable line numbers."""

from __future__ import annotations

from helpers.turf_fixtures import H, P, make_county
from sqlalchemy import select

from canvass_app.store.database import Store
from canvass_app.store.models import Voter
from canvass_app.turfs.cutting import cut_by_hand, cut_by_precinct, get_turf
from canvass_app.turfs.walk_order import Door, order_doors, order_street, voter_for_line, walk_lines


def door(hid: int, number: int | None, street: str = "MAIN ST", unit: str = "", **kw: object) -> Door:
    side = "O" if (number or 0) % 2 else "E"
    return Door(household_id=hid, street_key=street, street_label=street, house_number=str(number or ""),
                house_number_int=number, side=side, unit=unit, unit_sort=unit.zfill(4),
                street_name=street.split()[0], **kw)  # type: ignore[arg-type]


def numbers(doors: list[Door]) -> list[str]:
    return [d.house for d in doors]


def test_odd_side_ascending_then_even_side_descending() -> None:
    doors = [door(i, n) for i, n in enumerate([4, 7, 1, 2, 3, 10, 8], start=1)]
    assert numbers(order_street(doors)) == ["1", "3", "7", "10", "8", "4", "2"]


def test_both_sides_ascending_option() -> None:
    doors = [door(i, n) for i, n in enumerate([4, 7, 1, 2, 3, 10, 8], start=1)]
    assert numbers(order_street(doors, both_sides_ascending=True)) == ["1", "3", "7", "2", "4", "8", "10"]


def test_units_ascend_within_a_building_on_either_side() -> None:
    doors = [door(1, 5, unit="3"), door(2, 5, unit="1"), door(3, 5, unit="12"), door(4, 5, unit="2"),
             door(5, 8, unit="B"), door(6, 8, unit="A"), door(7, 10, unit="2"), door(8, 10, unit="1")]
    assert numbers(order_street(doors)) == ["5 1", "5 2", "5 3", "5 12", "10 1", "10 2", "8 A", "8 B"]


def test_doors_without_a_number_come_last() -> None:
    doors = [door(1, None), door(2, 3), door(3, 2)]
    assert [d.household_id for d in order_street(doors)] == [2, 3, 1]


def test_streets_by_name_without_coordinates() -> None:
    doors = [door(1, 1, "OAK AVE"), door(2, 1, "ELM ST"), door(3, 3, "ASH CT"), door(4, 2, "ELM ST")]
    assert [d.street_key for d in order_doors(doors)] == ["ASH CT", "ELM ST", "ELM ST", "OAK AVE"]


def test_streets_by_nearest_neighbour_with_coordinates() -> None:
    # ASH is first by name; from its end the nearest street start is PINE, then ELM, although ELM < PINE by name.
    doors = [door(1, 1, "ASH CT", lat=35.0, lon=-78.0), door(2, 3, "ASH CT", lat=35.0, lon=-78.001),
             door(3, 1, "ELM ST", lat=35.02, lon=-78.02), door(4, 1, "PINE RD", lat=35.0, lon=-78.002),
             door(5, 1, "ZED LN", lat=35.5, lon=-78.5)]
    assert [d.street_key for d in order_doors(doors)] == ["ASH CT", "ASH CT", "PINE RD", "ELM ST", "ZED LN"]


def test_walk_lines_group_voters_by_household_and_leave_out_who_is_not_knocked(store: Store) -> None:
    with store.session() as s:
        make_county(s, [
            H(2, "Main St", [P("Zoe", "Adams"), P("Al", "Adams")]),
            H(1, "Main St", [P("Bo", "Cruz"), P("Dead", "Cruz", deceased=True)]),
            H(3, "Main St", [P("No", "Contact", dnc=True)]),
            H(4, "Main St", [P("Gone", "Away", active=False), P("In", "Active", status="INACTIVE"),
                             P("Émile", "Ñúñez")]),
        ])
        turf = cut_by_precinct(s, 1)[0]
        lines = walk_lines(s, turf.id)
    assert [(ln.line, ln.house, ln.name) for ln in lines] == [
        (1, "1", "Bo Cruz"), (2, "4", "Émile Ñúñez"), (3, "2", "Al Adams"), (4, "2", "Zoe Adams")]
    assert turf.doors == 3  # number 3 has nobody to knock
    assert turf.people == 4


def test_line_numbers_are_stable_when_voters_change(store: Store) -> None:
    with store.session() as s:
        make_county(s, [H(1, "Main St", [P("Ann", "Bell")]), H(3, "Main St", [P("Cy", "Dorn")]),
                        H(5, "Main St", [P("Ed", "Fox")])])
        turf = cut_by_hand(s, 1, streets=["MAIN ST"])
    with store.session() as s:
        before = {ln.name: ln.line for ln in walk_lines(s, turf.id)}
        dorn = s.scalar(select(Voter).where(Voter.last_name == "Dorn"))
        assert dorn is not None
        dorn.do_not_contact = True
        s.add(Voter(county_id=1, state_voter_id="NEW1", first_name="Abe", last_name="Aaron",
                    household_id=dorn.household_id))
    with store.session() as s:
        after = {ln.name: ln.line for ln in walk_lines(s, turf.id)}
    assert before == {"Ann Bell": 1, "Cy Dorn": 2, "Ed Fox": 3}
    assert after == {"Ann Bell": 1, "Abe Aaron": 4, "Ed Fox": 3}


def test_voter_for_line_finds_the_printed_voter(store: Store) -> None:
    with store.session() as s:
        make_county(s, [H(1, "Main St", [P("Ann", "Bell")]), H(2, "Main St", [P("Cy", "Dorn")])])
        turf = cut_by_precinct(s, 1)[0]
    with store.session() as s:
        lines = walk_lines(s, turf.id)
        ref = voter_for_line(s, turf.list_number.lower(), 2)
        assert ref is not None
        assert (ref.voter_id, ref.name, ref.turf_id) == (lines[1].voter_id, "Cy Dorn", get_turf(s, "T-0001").id)
        assert voter_for_line(s, turf.list_number, 3) is None
        assert voter_for_line(s, "T-9999", 1) is None
