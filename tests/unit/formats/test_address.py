"""Address parsing, normalisation and household keys; hypothesis checks that parsing never fails."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from canvass_formats.voterfile.address import Address, from_parts, parse_address, parse_unit


@pytest.mark.parametrize(("text", "parts"), [
    ("12 1/2 N Main Street Apt 4", ("12 1/2", 12, "N", "MAIN", "ST", None, "APT 4")),
    ("12B S Oak Ave", ("12B", 12, "S", "OAK", "AVE", None, None)),
    ("12-b s oak avenue", ("12B", 12, "S", "OAK", "AVE", None, None)),
    ("100 Main St #4", ("100", 100, None, "MAIN", "ST", None, "#4")),
    ("100 Main St # 4", ("100", 100, None, "MAIN", "ST", None, "#4")),
    ("45 Elm St Unit B", ("45", 45, None, "ELM", "ST", None, "UNIT B")),
    ("7 Pine Rd Lot 7", ("7", 7, None, "PINE", "RD", None, "LOT 7")),
    ("1600 Pennsylvania Ave NW", ("1600", 1600, None, "PENNSYLVANIA", "AVE", "NW", None)),
    ("1600 Pennsylvania Avenue Northwest Suite 200", ("1600", 1600, None, "PENNSYLVANIA", "AVE", "NW", "STE 200")),
    ("123 E. Martin Luther King Jr. Blvd.", ("123", 123, "E", "MARTIN LUTHER KING JR", "BLVD", None, None)),
    ("12 North St", ("12", 12, None, "NORTH", "ST", None, None)),
    ("9 W Street Rd", ("9", 9, "W", "STREET", "RD", None, None)),
    ("5 Avenue B", ("5", 5, None, "AVENUE B", None, None, None)),
    ("33 Court", ("33", 33, None, "COURT", None, None, None)),
    ("12 Main St Rear", ("12", 12, None, "MAIN", "ST", None, "REAR")),
    ("PO Box 12", (None, None, None, "PO BOX 12", None, None, None)),
    ("123 Main St Bldg 2 Apt 3", ("123", 123, None, "MAIN", "ST", None, "BLDG 2 APT 3")),
    ("10 E Main St Apt 3 Rear", ("10", 10, "E", "MAIN", "ST", None, "APT 3 REAR")),
    ("9 Calle San José", ("9", 9, None, "CALLE SAN JOSE", None, None, None)),
    ("12 Camino Peñasco", ("12", 12, None, "CAMINO PENASCO", None, None, None)),
    ("", (None, None, None, "", None, None, None)),
])
def test_parse(text: str, parts: tuple[object, ...]) -> None:
    a = parse_address(text)
    assert (a.house_number, a.house_number_int, a.pre_dir, a.street_name, a.street_type, a.post_dir, a.unit) == parts


def test_normalised_spellings_share_a_household_key() -> None:
    keys = {
        parse_address(t).household_key("27601-1234" if i else "27601")
        for i, t in enumerate(["12 1/2 N Main Street Apt 4", "12 1/2 n. main st., apt 4", "12 1/2 North Main St APT 4"])
    }
    assert keys == {"12 1/2|N|MAIN|ST||APT 4|27601"}
    assert parse_address("12 Main St Apt 4").household_key("27601") != parse_address("12 Main St Apt 5").household_key(
        "27601")


def test_walk_order_fields() -> None:
    a = parse_address("12 1/2 N Main St Apt 10")
    assert (a.street_key, a.side, a.unit_sort) == ("N MAIN ST", "E", "000010")
    assert parse_address("13 Main St").side == "O"
    assert parse_address("PO Box 3").side == "E"
    assert parse_address("1 Main St Apt 2").unit_sort < parse_address("1 Main St Apt 10").unit_sort  # type: ignore[operator]


def test_split_columns_normalise_like_one_string() -> None:
    split = from_parts("12", "North", "Main", "Street", "", "Apt 4", house_suffix="1/2")
    assert split.household_key("27601") == parse_address("12 1/2 N Main St Apt 4").household_key("27601")
    assert from_parts("12", None, "Oak", "Avenue", None, None, house_suffix="B").house_number == "12B"


@pytest.mark.parametrize(("text", "unit"), [("Apt. 4", "APT 4"), ("4", "#4"), ("#4", "#4"), ("lot 7", "LOT 7"),
                                            ("", None), ("Unit B", "UNIT B")])
def test_parse_unit(text: str, unit: str | None) -> None:
    assert parse_unit(text) == unit


def test_flats_of_one_building_are_separate_households() -> None:
    flat3, flat4 = parse_address("123 Main St Bldg 2 Apt 3"), parse_address("123 Main St Bldg 2 Apt 4")
    assert flat3.household_key("27601") != flat4.household_key("27601")
    accented, plain = parse_address("9 Calle San José"), parse_address("9 CALLE SAN JOSE")
    assert accented.household_key(None) == plain.household_key(None)


def test_separate_unit_line() -> None:
    assert parse_address("1208 NW 4th Ave", "Apt 4").unit == "APT 4"


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=120), st.one_of(st.none(), st.text(max_size=30)), st.one_of(st.none(), st.text(max_size=10)))
def test_parse_never_fails_and_fits_the_columns(text: str, unit: str | None, zip_code: str | None) -> None:
    a = parse_address(text, unit)
    assert isinstance(a, Address)
    assert len(a.street_name) <= 80
    assert a.house_number is None or len(a.house_number) <= 20
    assert a.unit is None or len(a.unit) <= 20
    assert a.pre_dir is None or len(a.pre_dir) <= 2
    assert a.post_dir is None or len(a.post_dir) <= 2
    assert a.street_type is None or len(a.street_type) <= 8
    assert a.side in ("O", "E")
    assert a.unit_sort is None or len(a.unit_sort) <= 24
    assert isinstance(a.household_key(zip_code), str)


words = st.sampled_from(["12", "12B", "1/2", "N", "SOUTH", "MAIN", "Oak", "st", "AVENUE", "apt", "#4", "UNIT", "B",
                         "LOT", "7", "NW", "REAR", "-", ",", "PO", "BOX"])


@settings(max_examples=400, deadline=None)
@given(st.lists(words, max_size=10))
def test_parse_is_stable_on_its_own_output(tokens: list[str]) -> None:
    """Parsing the normalised line again gives the same household key: the key is a fixed point."""
    a = parse_address(" ".join(tokens))
    assert parse_address(a.line).household_key("27601") == a.household_key("27601") or not a.house_number
