"""Reading each layout without a database: detection, field mapping, and per-row rejections."""

from __future__ import annotations

from pathlib import Path

import pytest

from canvass_app.voterfile import Rejection, VoterFileError, VoterRecord, iter_voter_rows

FIX = Path(__file__).parent.parent / "fixtures" / "voterfiles"


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
