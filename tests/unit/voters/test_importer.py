"""The importer against a real encrypted store: generic files, households, rejects, re-import, failures."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from helpers import VOTERFILES
from sqlalchemy import func, select

from canvass_app.store.database import Store
from canvass_app.store.models import ContactAttempt, County, Household, Precinct, ResultCode, Setting, Voter
from canvass_app.voters.importer import ImportCancelled, import_voter_file
from canvass_app.voters.mappings import load_mapping_file
from canvass_formats.voterfile import VoterFileError

FIX = VOTERFILES


def _import(store: Store, path: Path, **kw: object):
    kw.setdefault("county", "Wake")
    kw.setdefault("state", "NC")
    kw.setdefault("rejects_path", store.data_dir.parent / f"{path.stem}.rejects.csv")  # not beside the fixtures
    with store.session() as s:
        return import_voter_file(s, path, **kw)  # type: ignore[arg-type]


def _voters(store: Store) -> dict[str, Voter]:
    with store.session() as s:
        return {v.state_voter_id: v for v in s.scalars(select(Voter))}


def test_generic_one_string_addresses_make_households(store: Store, tmp_path: Path) -> None:
    result = _import(store, FIX / "generic_onestring.csv", rejects_path=tmp_path / "r.csv")
    assert (result.added, result.updated, result.inactivated, result.rejected) == (5, 0, 0, 0)
    assert result.layout == "generic"
    assert result.rejects_path is None
    voters = _voters(store)
    ann, bob = voters["V001"], voters["V002"]
    assert ann.household_id == bob.household_id is not None
    assert (ann.res_house_number, ann.res_pre_dir, ann.res_street_name, ann.res_street_type, ann.res_unit) == (
        "12 1/2", "N", "MAIN", "ST", "APT 4")
    assert ann.birth_year == 1970
    assert bob.birth_year == 1972
    assert ann.phone == "9195551234"
    assert ann.sex == "F"
    assert ann.party == "DEM"
    assert voters["V003"].res_zip == "27601-1234"
    assert voters["V004"].first_name == "José"
    assert voters["V004"].res_unit == "#2"
    assert result.households == 4
    with store.session() as s:
        hh = s.get(Household, ann.household_id)
        assert hh is not None
        assert (hh.house_number_int, hh.side, hh.street_key, hh.unit_sort) == (12, "E", "N MAIN ST", "000004")
        assert s.get(Household, voters["V005"].household_id).side == "E"  # type: ignore[union-attr]
        assert s.get(Household, voters["V003"].household_id).side == "O"  # type: ignore[union-attr]
        assert hh.precinct_id is not None
        assert s.scalar(select(func.count()).select_from(Precinct)) == 2
        assert s.scalar(select(County.name)) == "Wake"


def test_generic_split_address_columns(store: Store) -> None:
    result = _import(store, FIX / "generic_split.tsv")
    assert result.added == 4
    assert result.rejected == 0
    voters = _voters(store)
    assert voters["R1"].household_id == voters["R2"].household_id
    r3 = voters["R3"]
    assert (r3.res_house_number, r3.res_pre_dir, r3.res_street_name, r3.res_street_type, r3.res_unit) == (
        "12 1/2", "N", "MAIN", "AVE", "APT 4")
    assert voters["R4"].res_unit == "LOT 7"
    assert voters["R4"].res_city == "Cary"
    assert r3.res_address == "12 1/2 N MAIN AVE APT 4"
    assert result.households == 3


@pytest.mark.parametrize(("name", "first", "last"), [
    ("generic_latin1_semicolon.csv", "Jürgen", "Müller"),
    ("generic_utf8_bom.csv", "Ama", "Zoë"),
])
def test_generic_encodings_and_delimiters(store: Store, name: str, first: str, last: str) -> None:
    result = _import(store, FIX / name)
    assert result.rejected == 0
    assert any(v.first_name == first and v.last_name == last for v in _voters(store).values())


def test_bad_rows_go_to_rejects_with_row_and_reason(store: Store, tmp_path: Path) -> None:
    rejects = tmp_path / "rejects.csv"
    result = _import(store, FIX / "generic_bad_rows.csv", rejects_path=rejects)
    assert (result.added, result.rejected) == (2, 7)
    assert result.rejects_path == rejects
    with open(rejects, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    reasons = {int(r["row"]): r["reason"] for r in rows}
    assert "no voter id" in reasons[3]
    assert "wrong column count" in reasons[4]
    assert "wrong column count" in reasons[9]
    assert "birth year" in reasons[5]
    assert "date of birth" in reasons[6]
    assert "zip" in reasons[7]
    assert "duplicate voter id G1" in reasons[8]
    assert "earlier in the file" in reasons[8]
    assert set(_voters(store)) == {"G1", "G9"}


def test_undecodable_bytes_reject_the_row(store: Store, tmp_path: Path) -> None:
    result = _import(store, FIX / "generic_undecodable.csv", rejects_path=tmp_path / "r.csv")
    assert (result.added, result.rejected) == (2, 1)
    assert "undecodable" in (tmp_path / "r.csv").read_text()


@pytest.mark.parametrize(("name", "words"), [
    ("empty.csv", "empty"),
    ("binary.xlsx", "binary"),
    ("not_voter_no_id.csv", "no voter id column"),
    ("header_only.csv", "no valid voter rows"),
])
def test_not_a_voter_file_fails_and_changes_nothing(store: Store, name: str, words: str) -> None:
    _import(store, FIX / "generic_onestring.csv")
    before = _voters(store)
    with pytest.raises(VoterFileError, match=words) as info:
        _import(store, FIX / name)
    assert name in str(info.value)
    after = _voters(store)
    assert set(after) == set(before)
    assert all(v.active for v in after.values())


def test_mapping_file_and_saved_mapping(store: Store) -> None:
    with pytest.raises(VoterFileError, match="no voter id column"):
        _import(store, FIX / "generic_custom_headers.csv")
    mapping = load_mapping_file(FIX / "custom_mapping.json")
    result = _import(store, FIX / "generic_custom_headers.csv", mapping=mapping)
    assert result.added == 2
    assert result.households == 1
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Setting).where(Setting.key.like("import_mapping:%")))
    # The saved mapping is reused for a file with the same header row, without being given again.
    result = _import(store, FIX / "generic_custom_headers.csv")
    assert (result.added, result.updated) == (0, 0)
    assert _voters(store)["C1"].res_address == "10 Fir St"


def test_bad_mapping_file(tmp_path: Path) -> None:
    bad = tmp_path / "m.json"
    bad.write_text(json.dumps({"Elector Key": "shoe_size"}))
    with pytest.raises(VoterFileError, match="unknown field 'shoe_size'"):
        load_mapping_file(bad)


def _write(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([["Voter ID", "First Name", "Last Name", "Address", "Zip", "Phone"], *rows])
    return path


def test_reimport_updates_adds_inactivates_and_keeps_contacts(store: Store, tmp_path: Path) -> None:
    first = _write(tmp_path / "v1.csv", [
        ["A", "Ann", "Old", "1 Elm St", "27601", "9195550001"],
        ["B", "Bo", "Same", "2 Elm St", "27601", ""],
        ["C", "Cy", "Gone", "3 Elm St", "27601", ""],
    ])
    _import(store, first)
    with store.session() as s:
        c_id = s.scalar(select(Voter.id).where(Voter.state_voter_id == "C"))
        code = s.scalar(select(ResultCode.id).limit(1))
        s.add(ContactAttempt(id="11111111-1111-1111-1111-111111111111", voter_id=c_id, result_code_id=code))
    second = _write(tmp_path / "v2.csv", [
        ["A", "Ann", "New", "9 Oak Ave", "27601", "9195550001"],
        ["B", "Bo", "Same", "2 Elm St", "27601", ""],
        ["D", "Di", "Added", "4 Elm St", "27601", ""],
    ])
    result = _import(store, second)
    assert (result.added, result.updated, result.inactivated) == (1, 1, 1)
    voters = _voters(store)
    assert voters["A"].last_name == "New"
    assert voters["A"].res_street_name == "OAK"
    assert voters["C"].active is False
    assert voters["D"].active
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(ContactAttempt)) == 1
        assert s.scalar(select(func.count()).select_from(Voter)) == 4
    # Coming back reactivates; importing the same file again changes nothing.
    result = _import(store, first)
    assert (result.added, result.updated, result.inactivated) == (0, 2, 1)
    result = _import(store, first)
    assert (result.added, result.updated, result.inactivated) == (0, 0, 0)


@pytest.mark.parametrize("name", ["ncvoter92.txt", "ALA_20261101.txt", "generic_split.tsv", "generic_onestring.csv",
                                  "generic_latin1_semicolon.csv"])
def test_fresh_rows_equal_what_an_update_would_write(store: Store, name: str) -> None:
    # New voters go in through one row builder and changes through another; a second import of the same file
    # compares every imported column with what the first one stored, so any drift between them shows here.
    first = _import(store, FIX / name)
    assert first.added > 0
    again = _import(store, FIX / name)
    assert (again.added, again.updated, again.inactivated, again.households) == (0, 0, 0, first.households)


def test_other_county_is_untouched(store: Store, tmp_path: Path) -> None:
    _import(store, FIX / "generic_onestring.csv", county="Wake")
    result = _import(store, FIX / "generic_split.tsv", county="Durham")
    assert result.inactivated == 0
    assert all(v.active for v in _voters(store).values())


def test_cancel_rolls_back(store: Store) -> None:
    with pytest.raises(ImportCancelled):
        _import(store, FIX / "generic_onestring.csv", cancel=lambda: True)
    assert _voters(store) == {}
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(County)) == 0


def test_progress_is_reported(store: Store) -> None:
    seen = []
    _import(store, FIX / "generic_onestring.csv", progress=seen.append)
    assert seen
    assert seen[-1].rows == 5
    assert seen[-1].fraction == 1.0


def test_cancel_stops_the_final_index_builds_too(store: Store, tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    with open(big, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Voter ID", "First Name", "Last Name", "Address", "Zip"])
        w.writerows([f"C{i}", "Cy", f"Cancel{i}", f"{i} Stop St", "27601"] for i in range(12_000))
    read_all: list[bool] = []
    with pytest.raises(ImportCancelled):  # cancelled once every row is read: in the indexes and search index
        _import(store, big, progress=lambda p: read_all.append(p.rows == 12_000), cancel=lambda: any(read_all))
    assert read_all[-1]
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Voter)) == 0
        assert s.scalar(select(func.count()).select_from(County)) == 0
    result = _import(store, big)  # and the store is whole: the same file imports afterwards
    assert result.added == 12_000
