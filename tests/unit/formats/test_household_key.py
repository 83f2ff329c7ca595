"""The household key against the address-pair corpus (tests/data/address_pairs.csv) and Publication 28's rule."""

from __future__ import annotations

import pytest
from helpers.address_variants import FORMS, read_pairs, record

from canvass_formats.voterfile.address import canonical_key, parse_address


def _key(form: str, address: str, address2: str, zip_code: str) -> str:
    rec = record(form, address, address2, zip_code)
    return rec.address.household_key(rec.res_zip)


def test_the_corpus_never_merges_two_doors_and_matches_each_door_spelled_two_ways() -> None:
    rows = read_pairs()
    assert len(rows) >= 500
    assert {r["a_form"] for r in rows} == set(FORMS)
    merged = [r for r in rows if r["truth"] == "different"
              and _key(r["a_form"], r["a_address"], r["a_address2"], r["a_zip"])
              == _key(r["b_form"], r["b_address"], r["b_address2"], r["b_zip"])]
    same = [r for r in rows if r["truth"] == "same"]
    missed = [r for r in same
              if _key(r["a_form"], r["a_address"], r["a_address2"], r["a_zip"])
              != _key(r["b_form"], r["b_address"], r["b_address2"], r["b_zip"])]
    assert merged == []
    assert len(missed) <= 0.005 * len(same), missed


@pytest.mark.parametrize("spellings", [
    ("815 E LAKE AVE APT 1", "815 EAST LAKE AVENUE #1", "815 E Lake Ave Unit 1", "815 E LAKE AVE NO 1",
     "815 E LAKE AVE # 01", "815 E LAKE AVE APT1"),
    ("100 Saint James Pl", "100 St James Place", "100 ST. JAMES PL"),
    ("100 N Highway 55", "100 N HWY 55", "100 NC HWY 55", "100 NC 55 HWY", "100 State Highway 55"),
    ("12 County Road 12", "12 CR 12", "12 Co Rd 12"),
    ("Rural Route 2 Box 14", "RR 2 BOX 14", "R.R. 2 Box 14", "RT 2 BOX 14"),
    ("100 5th Ave", "100 Fifth Avenue", "100 5 Ave"),
    ("9 Mount Olive Church Rd", "9 Mt Olive Church Road"),
    ("1 Fort Bragg Rd", "1 Ft Bragg Road"),
    ("5 Main St Ste 200", "5 Main St Suite 200"),
    ("12-B Main St", "12B Main St", "12 Main St Apt B", "12 Main St #B"),
])
def test_spellings_of_one_door_share_a_key(spellings: tuple[str, ...]) -> None:
    assert len({parse_address(s).household_key("27601") for s in spellings}) == 1


@pytest.mark.parametrize(("one", "other"), [
    ("102 Main St Bldg 2", "102 Main St Apt 2"), ("102 Main St Fl 2", "102 Main St Apt 2"),
    ("102 Main St Ste 2", "102 Main St Apt 2"), ("102 Main St Rm 2", "102 Main St #2"),
    ("102 Main St Lot 2", "102 Main St Unit 2"), ("102 Main St Ph 2", "102 Main St Apt 2"),
    ("102 Main St Bldg 2 Apt 3", "102 Main St Bldg 4 Apt 3"), ("12A Main St", "12B Main St"),
    ("12 Main St", "12 1/2 Main St"), ("12 Main St", "12 Main St Rear"), ("100 N Main St", "100 S Main St"),
    ("100 US Hwy 55", "100 Hwy 55"),
])
def test_designators_that_mean_something_else_stay_apart(one: str, other: str) -> None:
    assert parse_address(one).household_key("27601") != parse_address(other).household_key("27601")


def test_a_unit_in_its_own_column_or_in_the_street_line_gives_one_key() -> None:
    line = _key("ncvoter", "1208 NW 4TH AVE APT 4", "", "32601")
    assert _key("florida", "1208 NW 4TH AVE", "#4", "32601") == line
    assert _key("generic_split", "1208|NW|Fourth|Avenue|", "4", "32601-1234") == line


def test_the_key_stays_readable() -> None:
    assert parse_address("815 EAST LAKE AVENUE #1").household_key("27601") == "815|E|LAKE|AVE||APT 1|27601"
    assert parse_address("100 NC 55 HWY").line == "100 HWY 55"


@pytest.mark.parametrize(("old", "new"), [
    ("815|E|LAKE|AVE||#1|27601", "815|E|LAKE|AVE||APT 1|27601"),
    ("12B||MAIN|ST|||27601", "12||MAIN|ST||APT B|27601"),
    ("100||SAINT JAMES|PL|||27601", "100||ST JAMES|PL|||27601"),
    ("100|N|NC HWY 55||||27601", "100||HWY 55||||27601"),
    ("100||NC 55|HWY|||27601", "100||HWY 55||||27601"),
    ("123||MAIN|ST||BLDG 2 APT 3|27601", "123||MAIN|ST||BLDG 2 APT 3|27601"),
])
def test_a_key_stored_by_the_old_rule_is_made_again(old: str, new: str) -> None:
    assert canonical_key(old) == new
    assert canonical_key(new) == new
