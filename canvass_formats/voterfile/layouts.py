"""The known file layouts: North Carolina's ncvoter file, Florida's county extract, and generic CSV/TSV."""

from __future__ import annotations

from dataclasses import dataclass, field

from canvass_formats.voterfile.fields import FIELDS, guess_fields, normalize_header

LAYOUTS = ("ncvoter", "florida", "generic")

# NCSBE layout_ncvoter.txt, in file order (tab-delimited, every field double-quoted, header row).
NCVOTER_COLUMNS: tuple[str, ...] = (
    "county_id", "county_desc", "voter_reg_num", "ncid", "last_name", "first_name", "middle_name",
    "name_suffix_lbl", "status_cd", "voter_status_desc", "reason_cd", "voter_status_reason_desc",
    "res_street_address", "res_city_desc", "state_cd", "zip_code", "mail_addr1", "mail_addr2", "mail_addr3",
    "mail_addr4", "mail_city", "mail_state", "mail_zipcode", "full_phone_number", "confidential_ind",
    "registr_dt", "race_code", "ethnic_code", "party_cd", "gender_code", "birth_year", "age_at_year_end",
    "birth_state", "drivers_lic", "precinct_abbrv", "precinct_desc", "municipality_abbrv", "municipality_desc",
    "ward_abbrv", "ward_desc", "cong_dist_abbrv", "super_court_abbrv", "judic_dist_abbrv", "nc_senate_abbrv",
    "nc_house_abbrv", "county_commiss_abbrv", "county_commiss_desc", "township_abbrv", "township_desc",
    "school_dist_abbrv", "school_dist_desc", "fire_dist_abbrv", "fire_dist_desc", "water_dist_abbrv",
    "water_dist_desc", "sewer_dist_abbrv", "sewer_dist_desc", "sanit_dist_abbrv", "sanit_dist_desc",
    "rescue_dist_abbrv", "rescue_dist_desc", "munic_dist_abbrv", "munic_dist_desc", "dist_1_abbrv",
    "dist_1_desc", "vtd_abbrv", "vtd_desc",
)
NCVOTER_MAP: dict[str, str] = {
    "ncid": "state_voter_id", "voter_reg_num": "registration_number", "last_name": "last_name",
    "first_name": "first_name", "middle_name": "middle_name", "name_suffix_lbl": "suffix",
    "voter_status_desc": "registration_status", "res_street_address": "res_address",
    "res_city_desc": "res_city", "state_cd": "res_state", "zip_code": "res_zip", "mail_addr1": "mail_address1",
    "mail_addr2": "mail_address2", "mail_addr3": "mail_address3", "mail_addr4": "mail_address4",
    "mail_city": "mail_city", "mail_state": "mail_state", "mail_zipcode": "mail_zip",
    "full_phone_number": "phone", "party_cd": "party", "gender_code": "sex", "birth_year": "birth_year",
    "precinct_abbrv": "precinct", "precinct_desc": "precinct_name",
}
NCVOTER_SIGNATURE = frozenset({"ncid", "voter_reg_num", "res_street_address"})

# Florida Division of Elections voter extract (tab-delimited, no header), the 38 fields in published order.
FLORIDA_COLUMNS: tuple[str, ...] = (
    "County Code", "Voter ID", "Name Last", "Name Suffix", "Name First", "Name Middle",
    "Requested public records exemption", "Residence Address Line 1", "Residence Address Line 2",
    "Residence City (USPS)", "Residence State", "Residence Zipcode", "Mailing Address Line 1",
    "Mailing Address Line 2", "Mailing Address Line 3", "Mailing City", "Mailing State", "Mailing Zipcode",
    "Mailing Country", "Gender", "Race", "Birth Date", "Registration Date", "Party Affiliation", "Precinct",
    "Precinct Group", "Precinct Split", "Precinct Suffix", "Voter Status", "Congressional District",
    "House District", "Senate District", "County Commission District", "School Board District",
    "Daytime Area Code", "Daytime Phone Number", "Daytime Phone Extension", "Email address",
)
FLORIDA_MAP: dict[str, str] = {
    "Voter ID": "state_voter_id", "Name Last": "last_name", "Name Suffix": "suffix", "Name First": "first_name",
    "Name Middle": "middle_name", "Residence Address Line 1": "res_address",
    "Residence Address Line 2": "res_address2", "Residence City (USPS)": "res_city",
    "Residence State": "res_state", "Residence Zipcode": "res_zip", "Mailing Address Line 1": "mail_address1",
    "Mailing Address Line 2": "mail_address2", "Mailing Address Line 3": "mail_address3",
    "Mailing City": "mail_city", "Mailing State": "mail_state", "Mailing Zipcode": "mail_zip",
    "Gender": "sex", "Birth Date": "birth_date", "Party Affiliation": "party", "Precinct": "precinct",
    "Voter Status": "registration_status", "Daytime Area Code": "phone_area",
    "Daytime Phone Number": "phone", "Daytime Phone Extension": "phone_ext", "Email address": "email",
}


def generic_mapping(headers: list[str], given: dict[str, str] | None = None) -> dict[str, str]:
    """Header -> canonical field for a generic file: the given mapping first, then header synonyms.

    A header given as "" (or None) in the mapping is deliberately ignored. When the file has no voter-id
    column but has a registration number, the registration number is the voter's id.
    """
    given = given or {}
    given_norm = {normalize_header(k): v for k, v in given.items()}
    result: dict[str, str] = {}
    taken: set[str] = set()
    for h in headers:
        if h in given or normalize_header(h) in given_norm:
            chosen = given.get(h, given_norm.get(normalize_header(h)))
            if chosen and chosen in FIELDS and chosen not in taken:
                result[h] = chosen
                taken.add(chosen)
    for h, guess in zip(headers, guess_fields(headers), strict=True):
        if h in result or h in given or normalize_header(h) in given_norm:
            continue
        if guess and guess not in taken:
            result[h] = guess
            taken.add(guess)
    if "state_voter_id" not in taken and "registration_number" in taken:
        for h, f in result.items():
            if f == "registration_number":
                result[h] = "state_voter_id"
    return result


@dataclass(frozen=True)
class MappingCheck:
    """What is wrong with a column mapping: errors block an import, warnings are shown and may be accepted."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _names(headers: list[str]) -> str:
    return ", ".join(f"\u201c{h}\u201d" for h in headers)


def check_mapping(mapping: dict[str, str]) -> MappingCheck:
    """Check a header -> field mapping ("" or None for a column left out) before anything is imported.

    Errors: no voter id; no name; no address (one-string address, or house number and street name); two columns
    on one field. Warnings: no precinct code (a cut by precinct makes one turf), and the like.
    """
    by_field: dict[str, list[str]] = {}
    for header, target in mapping.items():
        if target:
            by_field.setdefault(target, []).append(header)
    errors: list[str] = []
    warnings: list[str] = []
    for target, headers in by_field.items():
        if len(headers) > 1:
            errors.append(f"{_names(headers)} all import as {FIELDS.get(target, target)}: choose one")
    has = by_field.__contains__
    if not has("state_voter_id"):
        errors.append("No column imports as the voter id")
    if not has("last_name") and not has("first_name"):
        errors.append("No column imports as a name (first name, last name)")
    elif not has("last_name") or not has("first_name"):
        missing = "last name" if not has("last_name") else "first name"
        warnings.append(f"No {missing} column: walk lists will show only one name")
    if not has("res_address"):
        if not has("res_house_number") and not has("res_street_name"):
            errors.append("No address: choose the residential address column, or the house number and street "
                          "name columns")
        elif not has("res_house_number"):
            errors.append("A street name but no house number: choose the house number column (or the one-string "
                          "address)")
        elif not has("res_street_name"):
            errors.append("A house number but no street name: choose the street name column (or the one-string "
                          "address)")
    if not has("precinct"):
        if has("precinct_name"):
            warnings.append(f"No precinct code column ({_names(by_field['precinct_name'])} holds precinct names): "
                            "a cut by precinct will make one turf; import the name column as the precinct code "
                            "if it is the only precinct column")
        else:
            warnings.append("No precinct code column: a cut by precinct will make one turf")
    if not has("res_zip"):
        warnings.append("No zip code column: the same street address in two towns will be taken as one household")
    return MappingCheck(errors, warnings)
