"""Reading each layout without a database: detection, field mapping, and per-row rejections."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import VOTERFILES

from canvass_formats.voterfile import Rejection, VoterFileError, VoterRecord, iter_voter_rows
from canvass_formats.voterfile.layouts import MappingCheck, check_mapping, generic_mapping

FIX = VOTERFILES


def _split(path: Path, **kw: object) -> tuple[list[VoterRecord], list[Rejection]]:
    items = list(iter_voter_rows(path, **kw))  # type: ignore[arg-type]
    return ([i for i in items if isinstance(i, VoterRecord)], [i for i in items if isinstance(i, Rejection)])


def test_ncvoter_is_detected_and_mapped() -> None:
    reader = iter_voter_rows(FIX / "ncvoter92.txt")
    assert reader.layout == "ncvoter"
    assert reader.delimiter == "\t"
    records, rejects = _split(FIX / "ncvoter92.txt")
    by_id = {r.state_voter_id: r for r in records}
    ann = by_id["BN100001"]
    assert (ann.registration_number, ann.first_name, ann.middle_name, ann.last_name) == ("000100", "ANN", "Q", "SMITH")
    assert (ann.party, ann.sex, ann.birth_year, ann.phone) == ("DEM", "F", 1970, "9195551234")
    assert (ann.precinct, ann.precinct_name, ann.res_city, ann.res_zip) == ("01-01", "RALEIGH 01", "RALEIGH", "27601")
    assert (ann.address.house_number, ann.address.pre_dir, ann.address.street_name, ann.address.unit) == (
        "12 1/2", "N", "MAIN", "APT 4")
    assert ann.mail_address1 == "PO BOX 5"
    bob = by_id["BN100002"]
    assert bob.last_name == "O'NEIL"
    assert bob.suffix == "JR"
    assert bob.registration_status == "inactive"
    assert bob.address.household_key(bob.res_zip) == ann.address.household_key(ann.res_zip)
    assert {(r.row, r.voter_id) for r in rejects} == {(4, "BN100003"), (6, "BN100004")}
    reasons = {r.row: r.reason for r in rejects}
    assert "birth year" in reasons[4]
    assert "expected 67 fields, found 20" in reasons[6]


def test_florida_is_detected_and_mapped() -> None:
    reader = iter_voter_rows(FIX / "ALA_20261101.txt")
    assert reader.layout == "florida"
    assert not reader.has_header
    records, rejects = _split(FIX / "ALA_20261101.txt")
    by_id = {r.state_voter_id: r for r in records}
    ana, luis = by_id["100200300"], by_id["100200301"]
    assert (ana.first_name, ana.middle_name, ana.last_name, ana.birth_year) == ("Ana", "Lucia", "Rivera", 1985)
    assert ana.phone == "3525551234"
    assert ana.email == "ana@example.org"
    assert ana.registration_status == "active"
    assert (ana.address.house_number, ana.address.pre_dir, ana.address.street_name, ana.address.street_type,
            ana.address.unit) == ("1208", "NW", "4TH", "AVE", "APT 4")
    assert luis.res_zip == "32601-1234"
    assert luis.suffix == "Jr"
    assert ana.address.household_key(ana.res_zip) == luis.address.household_key(luis.res_zip)
    protected = by_id["100200302"]
    assert protected.first_name == ""
    assert protected.birth_year is None
    reasons = {r.row: r.reason for r in rejects}
    assert set(reasons) == {4, 5}
    assert "zip" in reasons[4]
    assert "date of birth" in reasons[5]


def test_generic_is_the_fallback_and_names_its_mapping() -> None:
    reader = iter_voter_rows(FIX / "generic_split.tsv")
    assert reader.layout == "generic"
    assert reader.mapping["Registration Number"] == "state_voter_id"  # no voter-id column: reg number is the id
    assert reader.mapping["Surname"] == "last_name"
    assert reader.mapping["Postal Code"] == "res_zip"
    assert reader.unmapped_headers == []
    assert reader.preview(2)[0][:3] == ["R1", "Adams", "Amy"]


def test_generic_without_id_column_lists_headers() -> None:
    reader = iter_voter_rows(FIX / "generic_custom_headers.csv")
    assert reader.missing_required == ["state_voter_id"]
    assert "Elector Key" in reader.unmapped_headers
    with pytest.raises(VoterFileError, match="no voter id column"):
        list(reader)
    reader.set_mapping({"Elector Key": "state_voter_id", "Domicile": "res_address"})
    assert [r.state_voter_id for r in reader if isinstance(r, VoterRecord)] == ["C1", "C2"]


def test_forcing_a_layout_that_does_not_fit() -> None:
    with pytest.raises(VoterFileError, match="not an ncvoter file"):
        iter_voter_rows(FIX / "generic_onestring.csv", layout="ncvoter")
    with pytest.raises(VoterFileError, match="not a Florida voter extract"):
        iter_voter_rows(FIX / "generic_onestring.csv", layout="florida")
    with pytest.raises(VoterFileError, match="unknown layout"):
        iter_voter_rows(FIX / "generic_onestring.csv", layout="texas")


def test_missing_file() -> None:
    with pytest.raises(VoterFileError, match="cannot read"):
        iter_voter_rows(FIX / "no-such-file.csv")


@pytest.mark.parametrize(("name", "encoding"), [
    ("generic_latin1_semicolon.csv", "latin-1"),
    ("generic_utf8_bom.csv", "utf-8-sig"),
    ("generic_onestring.csv", "utf-8"),
    ("generic_undecodable.csv", "utf-8"),
])
def test_encoding_detection(name: str, encoding: str) -> None:
    assert iter_voter_rows(FIX / name).encoding == encoding


def test_header_signature_is_stable_across_spelling() -> None:
    a = iter_voter_rows(FIX / "generic_custom_headers.csv")
    b = iter_voter_rows(FIX / "generic_custom_headers.csv")
    assert a.header_signature == b.header_signature
    assert a.header_signature != iter_voter_rows(FIX / "generic_onestring.csv").header_signature


# Header rows of real statewide files (abridged), and where their residential address must land.
_STATE_HEADERS = {
    "ohio": ("SOS_VOTERID,COUNTY_ID,LAST_NAME,FIRST_NAME,DATE_OF_BIRTH,VOTER_STATUS,PARTY_AFFILIATION,"
             "RESIDENTIAL_ADDRESS1,RESIDENTIAL_SECONDARY_ADDR,RESIDENTIAL_CITY,RESIDENTIAL_STATE,RESIDENTIAL_ZIP,"
             "MAILING_ADDRESS1,MAILING_SECONDARY_ADDRESS,MAILING_CITY,CITY,PRECINCT_NAME,PRECINCT_CODE",
             {"SOS_VOTERID": "state_voter_id", "RESIDENTIAL_ADDRESS1": "res_address",
              "RESIDENTIAL_SECONDARY_ADDR": "res_address2", "RESIDENTIAL_CITY": "res_city",
              "RESIDENTIAL_ZIP": "res_zip", "MAILING_ADDRESS1": "mail_address1",
              "MAILING_SECONDARY_ADDRESS": "mail_address2", "PRECINCT_CODE": "precinct"}),
    "washington": ("StateVoterID,FName,MName,LName,Birthyear,Gender,RegStNum,RegStFrac,RegStName,RegStType,"
                   "RegUnitType,RegStPreDirection,RegStPostDirection,RegStUnitNum,RegCity,RegState,RegZipCode,"
                   "PrecinctCode,Mail1,MailCity,MailZip,StatusCode",
                   {"RegStNum": "res_house_number", "RegStFrac": "res_house_suffix", "RegStName": "res_street_name",
                    "RegStType": "res_street_type", "RegStPreDirection": "res_pre_dir",
                    "RegStPostDirection": "res_post_dir", "RegUnitType": "res_unit_type", "RegStUnitNum": "res_unit",
                    "RegCity": "res_city", "RegZipCode": "res_zip", "Mail1": "mail_address1", "MailZip": "mail_zip"}),
    "georgia": ("REGISTRATION_NUMBER,VOTER_STATUS,LAST_NAME,FIRST_NAME,MIDDLE_MAIDEN_NAME,RESIDENCE_HOUSE_NUMBER,"
                "RESIDENCE_STREET_NAME,RESIDENCE_STREET_SUFFIX,RESIDENCE_APT_UNIT_NBR,RESIDENCE_CITY,"
                "RESIDENCE_ZIPCODE,BIRTHDATE,COUNTY_PRECINCT_ID",
                {"REGISTRATION_NUMBER": "state_voter_id", "RESIDENCE_HOUSE_NUMBER": "res_house_number",
                 "RESIDENCE_STREET_NAME": "res_street_name", "RESIDENCE_STREET_SUFFIX": "res_street_type",
                 "RESIDENCE_APT_UNIT_NBR": "res_unit", "RESIDENCE_ZIPCODE": "res_zip",
                 "COUNTY_PRECINCT_ID": "precinct"}),
    "texas": ("VUID,LAST_NAME,FIRST_NAME,DOB,RHNUM,RDESIG,RSTNAME,RSTTYPE,RSTSFX,RUNUM,RCITY,RZIP,MADR1,MCITY,MST,"
              "MZIP,PCT",
              {"VUID": "state_voter_id", "RHNUM": "res_house_number", "RDESIG": "res_pre_dir",
               "RSTNAME": "res_street_name", "RSTTYPE": "res_street_type", "RSTSFX": "res_post_dir",
               "RUNUM": "res_unit", "RZIP": "res_zip", "MADR1": "mail_address1", "MST": "mail_state"}),
    "nevada": ("VoterID,First_Name,Last_Name,Birth_Date,Address_1,Address_2,City,State,Zip,Phone,Party,"
               "Registered_Precinct,County_Status",
               {"VoterID": "state_voter_id", "Address_1": "res_address", "Address_2": "res_address2",
                "Registered_Precinct": "precinct", "County_Status": "registration_status"}),
    "michigan": ("VOTER_IDENTIFICATION_NUMBER,LAST_NAME,FIRST_NAME,YEAR_OF_BIRTH,STREET_NUMBER,DIRECTION_PREFIX,"
                 "STREET_NAME,STREET_TYPE,DIRECTION_SUFFIX,EXTENSION,CITY,STATE,ZIP_CODE,MAILING_ADDRESS_LINE_ONE",
                 {"STREET_NUMBER": "res_house_number", "EXTENSION": "res_unit",
                  "MAILING_ADDRESS_LINE_ONE": "mail_address1"}),
}


@pytest.mark.parametrize("state", sorted(_STATE_HEADERS))
def test_real_state_headers_map_their_addresses(state: str) -> None:
    headers, expected = _STATE_HEADERS[state]
    mapping = generic_mapping(headers.split(","))
    assert {h: mapping.get(h) for h in expected} == expected


# Header rows people make by hand or export from a spreadsheet, and what each column must import as.
_GENERIC_HEADERS = {
    "county lead's sheet": (
        "Voter ID,First Name,Last Name,Street #,Street,Type,Apt,City,ST,Zip,Lang,Precinct Name,Precinct Code",
        {"Voter ID": "state_voter_id", "Street #": "res_house_number", "Street": "res_street_name",
         "Type": "res_street_type", "Apt": "res_unit", "City": "res_city", "ST": "res_state", "Zip": "res_zip",
         "Lang": "language", "Precinct Name": "precinct_name", "Precinct Code": "precinct"}),
    "short names": (
        "ID,First,Last,St #,St Name,St Type,Unit #,City,State,Zip,Language,Pct",
        {"ID": "state_voter_id", "St #": "res_house_number", "St Name": "res_street_name",
         "St Type": "res_street_type", "Unit #": "res_unit", "State": "res_state", "Language": "language",
         "Pct": "precinct"}),
    "house # and suffix": (
        "Voter #,Last Name,First Name,Suffix,House #,Dir,Street Name,Suffix,Zip,Precinct",
        {"Voter #": "state_voter_id", "House #": "res_house_number", "Street Name": "res_street_name",
         "Precinct": "precinct"}),
    "demo file": (
        "Voter ID,Last Name,First Name,Middle Name,Suffix,Birth Year,Gender,Party,Phone,Email,Language,House Number,"
        "Pre Direction,Street Name,Street Type,Unit,City,State,Zip,Precinct,Status",
        {"Suffix": "suffix", "Street Type": "res_street_type", "State": "res_state", "Precinct": "precinct"}),
    "st among the street parts": (
        "Voter ID,First,Last,House #,ST,Type,Zip",
        {"House #": "res_house_number", "ST": "res_street_name", "Type": "res_street_type", "Zip": "res_zip"}),
    "st beside a street column is the state": (
        "Voter ID,ST,Street", {"ST": "res_state", "Street": "res_street_name"}),
    "type among names is nothing": (
        "Voter ID,Type,First Name,Last Name,Address", {"Type": None, "Address": "res_address"}),
}


@pytest.mark.parametrize("name", sorted(_GENERIC_HEADERS))
def test_generic_headers_map_as_people_mean_them(name: str) -> None:
    headers, expected = _GENERIC_HEADERS[name]
    mapping = generic_mapping(headers.split(","))
    assert {h: mapping.get(h) for h in expected} == expected


def test_suffix_is_read_by_its_neighbours() -> None:
    # The same header twice: after the last name it is "JR", after the street name it is "AVE".
    headers = ["Voter ID", "Last Name", "Suffix", "First Name", "House Number", "Street Name", "Suffix "]
    mapping = generic_mapping(headers)
    assert mapping["Suffix"] == "suffix"
    assert mapping["Suffix "] == "res_street_type"


def _check(mapping: dict[str, str]) -> MappingCheck:
    return check_mapping(mapping)


_GOOD = {"Voter ID": "state_voter_id", "First": "first_name", "Last": "last_name", "House #": "res_house_number",
         "Street": "res_street_name", "Zip": "res_zip", "Pct": "precinct"}


def test_a_complete_mapping_passes() -> None:
    check = _check(_GOOD)
    assert check.ok
    assert check.warnings == []


@pytest.mark.parametrize(("drop", "words"), [
    ("Voter ID", "voter id"),
    ("House #", "no house number"),
    ("Street", "no street name"),
])
def test_required_fields_are_named(drop: str, words: str) -> None:
    check = _check({h: f for h, f in _GOOD.items() if h != drop})
    assert not check.ok
    assert any(words in e.lower() for e in check.errors), check.errors


def test_no_name_and_no_address_are_errors_a_one_string_address_is_enough() -> None:
    check = _check({"Voter ID": "state_voter_id", "Zip": "res_zip"})
    assert any("name" in e for e in check.errors)
    assert any("No address" in e for e in check.errors)
    assert _check({"Voter ID": "state_voter_id", "Last": "last_name", "First": "first_name",
                   "Address": "res_address", "Zip": "res_zip", "Pct": "precinct"}).ok


def test_two_columns_on_one_field_block_the_import() -> None:
    check = _check({**_GOOD, "Street Number": "res_house_number"})
    assert not check.ok
    assert "\u201cHouse #\u201d, \u201cStreet Number\u201d all import as House number" in check.errors[0]


def test_a_precinct_name_is_not_a_precinct_code() -> None:
    no_code = {h: f for h, f in _GOOD.items() if h != "Pct"}
    assert any("a cut by precinct will make one turf" in w for w in _check(no_code).warnings)
    named = _check({**no_code, "Precinct Name": "precinct_name"})
    assert named.ok
    assert any("Precinct Name" in w and "one turf" in w for w in named.warnings)


def test_washington_style_split_address_makes_households(tmp_path: Path) -> None:
    path = tmp_path / "wa.txt"
    rows = [["StateVoterID", "FName", "LName", "RegStNum", "RegStPreDirection", "RegStName", "RegStType",
             "RegUnitType", "RegStUnitNum", "RegCity", "RegZipCode"],
            ["WA1", "Ann", "Lee", "1208", "NW", "4th", "Ave", "APT", "4", "Seattle", "98107"],
            ["WA2", "Bo", "Lee", "1208", "NW", "4th", "Ave", "APT", "4", "Seattle", "98107"],
            ["WA3", "Cy", "Ng", "1208", "NW", "4th", "Ave", "APT", "5", "Seattle", "98107"]]
    path.write_text("\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
    records, rejects = _split(path)
    assert not rejects
    ann, bo, cy = records
    assert (ann.address.house_number, ann.address.pre_dir, ann.address.street_name, ann.address.street_type,
            ann.address.unit, ann.res_zip) == ("1208", "NW", "4TH", "AVE", "APT 4", "98107")
    assert ann.address.household_key(ann.res_zip) == bo.address.household_key(bo.res_zip)
    assert cy.address.household_key(cy.res_zip) != ann.address.household_key(ann.res_zip)
