"""The canonical voter-file fields, the header synonyms that map onto them, and header normalisation."""

from __future__ import annotations

import re

from canvass_formats import QT_TRANSLATE_NOOP

# Canonical field -> what it holds (shown, translated, in the mapping dialog).
FIELDS: dict[str, str] = {
    "state_voter_id": QT_TRANSLATE_NOOP("VoterField", "Voter id (state voter id / registration number)"),
    "registration_number": QT_TRANSLATE_NOOP("VoterField", "Registration number (county)"),
    "first_name": QT_TRANSLATE_NOOP("VoterField", "First name"),
    "middle_name": QT_TRANSLATE_NOOP("VoterField", "Middle name"),
    "last_name": QT_TRANSLATE_NOOP("VoterField", "Last name"),
    "suffix": QT_TRANSLATE_NOOP("VoterField", "Name suffix"),
    "birth_year": QT_TRANSLATE_NOOP("VoterField", "Birth year"),
    "birth_date": QT_TRANSLATE_NOOP("VoterField", "Date of birth"),
    "sex": QT_TRANSLATE_NOOP("VoterField", "Sex / gender"),
    "party": QT_TRANSLATE_NOOP("VoterField", "Party"),
    "phone": QT_TRANSLATE_NOOP("VoterField", "Phone"),
    "phone_area": QT_TRANSLATE_NOOP("VoterField", "Phone area code"),
    "phone_ext": QT_TRANSLATE_NOOP("VoterField", "Phone extension"),
    "email": QT_TRANSLATE_NOOP("VoterField", "Email"),
    "language": QT_TRANSLATE_NOOP("VoterField", "Preferred language"),
    "res_address": QT_TRANSLATE_NOOP("VoterField", "Residential address (one string)"),
    "res_address2": QT_TRANSLATE_NOOP("VoterField", "Residential address line 2 (unit)"),
    "res_house_number": QT_TRANSLATE_NOOP("VoterField", "House number"),
    "res_house_suffix": QT_TRANSLATE_NOOP("VoterField", "House number suffix"),
    "res_pre_dir": QT_TRANSLATE_NOOP("VoterField", "Street pre-direction"),
    "res_street_name": QT_TRANSLATE_NOOP("VoterField", "Street name"),
    "res_street_type": QT_TRANSLATE_NOOP("VoterField", "Street type"),
    "res_post_dir": QT_TRANSLATE_NOOP("VoterField", "Street post-direction"),
    "res_unit_type": QT_TRANSLATE_NOOP("VoterField", "Unit type"),
    "res_unit": QT_TRANSLATE_NOOP("VoterField", "Unit number"),
    "res_city": QT_TRANSLATE_NOOP("VoterField", "City"),
    "res_state": QT_TRANSLATE_NOOP("VoterField", "State"),
    "res_zip": QT_TRANSLATE_NOOP("VoterField", "Zip code"),
    "mail_address1": QT_TRANSLATE_NOOP("VoterField", "Mailing address line 1"),
    "mail_address2": QT_TRANSLATE_NOOP("VoterField", "Mailing address line 2"),
    "mail_address3": QT_TRANSLATE_NOOP("VoterField", "Mailing address line 3"),
    "mail_address4": QT_TRANSLATE_NOOP("VoterField", "Mailing address line 4"),
    "mail_city": QT_TRANSLATE_NOOP("VoterField", "Mailing city"),
    "mail_state": QT_TRANSLATE_NOOP("VoterField", "Mailing state"),
    "mail_zip": QT_TRANSLATE_NOOP("VoterField", "Mailing zip"),
    "precinct": QT_TRANSLATE_NOOP("VoterField", "Precinct code"),
    "precinct_name": QT_TRANSLATE_NOOP("VoterField", "Precinct name"),
    "registration_status": QT_TRANSLATE_NOOP("VoterField", "Registration status"),
}

_SYNONYMS: dict[str, tuple[str, ...]] = {
    "state_voter_id": (
        "voter id", "voterid", "state voter id", "statevoterid", "sos voter id", "sos voterid", "ncid",
        "state id", "voter identification number", "registrant id", "registrantid", "vuid", "voter number",
        "voter no", "id",
    ),
    "registration_number": (
        "registration number", "registration no", "reg number", "reg num", "reg no", "voter reg num",
        "voter registration number", "registration id", "county voter id",
    ),
    "first_name": ("first name", "firstname", "first", "fname", "given name", "name first"),
    "middle_name": ("middle name", "middlename", "middle", "mname", "middle initial", "name middle",
                    "middle maiden name"),
    "last_name": ("last name", "lastname", "last", "lname", "surname", "family name", "name last"),
    "suffix": ("suffix", "name suffix", "namesuffix", "name suffix lbl", "name style", "generation"),
    "birth_year": ("birth year", "birthyear", "year of birth", "yob"),
    "birth_date": ("date of birth", "dob", "birth date", "birthdate", "birthday"),
    "sex": ("sex", "gender", "gender code", "sex code"),
    "party": ("party", "party code", "party cd", "party affiliation", "political party"),
    "phone": ("phone", "phone number", "telephone", "telephone number", "full phone number", "phone1",
              "home phone", "mobile", "cell", "cell phone"),
    "email": ("email", "email address", "e mail", "e mail address"),
    "language": ("language", "preferred language", "language code", "primary language", "spoken language",
                 "lang", "pref lang"),
    "res_address": (
        "residential address line 1", "residential address", "residence address", "residence address line 1",
        "res address", "res street address", "address", "address line 1", "address1", "street address",
        "residential street address", "res address 1", "residence street address",
    ),
    "res_address2": ("residential address line 2", "residence address line 2", "address line 2", "address2",
                     "res address 2", "secondary address", "address 2"),
    "res_house_number": ("rhnum", "house number", "house no", "house num", "housenumber", "street number",
                         "street no", "street num", "streetnumber", "res house number", "stnum", "address number",
                         "building number", "bldg number"),
    "res_house_suffix": ("house number suffix", "street number suffix", "house suffix", "streetbldg",
                         "street frac", "house fraction"),
    "res_pre_dir": ("pre direction", "predirection", "pre dir", "predir", "street direction", "street dir",
                    "streetpredir", "direction prefix", "prefix direction", "street pre direction", "street prefix",
                    "rdesig"),
    "res_street_name": ("street name", "streetname", "street", "rstname", "road", "road name"),
    "res_street_type": ("street type", "streettype", "street suffix", "suffix type", "rsttype", "street designator",
                        "street suffix type"),
    "res_post_dir": ("post direction", "postdirection", "post dir", "postdir", "street dir suffix",
                     "street direction suffix", "streetpostdir", "direction suffix", "suffix direction",
                     "street post direction", "rstsfx"),
    "res_unit_type": ("unit type", "unittype", "apartment type"),
    "res_unit": ("unit", "unit number", "apartment", "apartment number", "apt", "apt number", "apt no",
                 "suite", "apt unit number", "street unit number", "extension", "runum"),
    "res_city": ("rcity", "city", "residential city", "res city", "residence city", "city name", "res city desc",
                 "town", "municipality"),
    "res_state": ("state", "res state", "residence state", "residential state", "state cd"),
    "res_zip": ("rzip", "zip", "zip code", "zipcode", "postal code", "postcode", "zip5", "res zip", "residence zip",
                "residence zipcode", "residential zip"),
    "mail_address1": ("mailing address", "mailing address line 1", "mail address", "mail address 1",
                      "mail addr1", "mailing address 1", "mail 1", "madr1"),
    "mail_address2": ("mailing address line 2", "mail address 2", "mail addr2", "mailing address 2", "mail 2",
                      "madr2"),
    "mail_address3": ("mailing address line 3", "mail address 3", "mail 3", "madr3"),
    "mail_city": ("mailing city", "mail city", "mcity"),
    "mail_state": ("mailing state", "mail state", "mst"),
    "mail_zip": ("mailing zip", "mail zip", "mailing zip code", "mail zipcode", "mailing zipcode", "mzip"),
    "precinct": ("precinct", "precinct code", "precinct abbrv", "pct", "precinct id", "precinct number",
                 "precinct name code", "county precinct id", "county precinct", "pct code", "pct number", "pct id",
                 "precinct cd", "pct cd", "prec", "prec code", "precinct abbreviation"),
    "precinct_name": ("precinct name", "precinct desc", "precinct description", "pct name", "pct desc",
                      "prec name", "precinct label"),
    "registration_status": ("status", "voter status", "registration status", "voter status desc", "status code",
                            "voter status type code", "county status"),
}

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])")
# Abbreviations states use in header words, spelled out before synonyms are looked up.
_WORDS = {"num": "number", "nbr": "number", "no": "number", "addr": "address", "one": "1", "two": "2",
          "three": "3", "four": "4", "lang": "language"}
_HASH = re.compile(r"#")  # "Street #", "House #", "Apt #": the sign means "number"
# A residence or mailing qualifier before an address field: "RESIDENTIAL_ADDRESS1", "RegStName", "MailCity".
_RESIDENCE = {"res", "residence", "residential", "reg", "registered", "registration"}
_MAILING = {"mail", "mailing"}
_RESIDENCE_FIELDS = {f for f in FIELDS if f.startswith("res_")} | {"precinct", "precinct_name"}
_AS_MAILING = {"res_address": "mail_address1", "res_address2": "mail_address2", "res_city": "mail_city",
               "res_state": "mail_state", "res_zip": "mail_zip"}


def normalize_header(name: str) -> str:
    """"Zip_Code " -> "zip code"; the form saved mappings are keyed in."""
    return _NON_ALNUM.sub(" ", name.lower().replace("\ufeff", "")).strip()


def _words(name: str) -> list[str]:
    """ "RegStNum" -> ["reg", "street", "number"], "ADDRESS_LINE_ONE" -> ["address", "line", "1"]."""
    name = _HASH.sub(" number ", name.replace("\ufeff", ""))
    words = _NON_ALNUM.sub(" ", _CAMEL.sub(" ", name).lower()).split()
    if len(words) > 1:  # "st" alone is as likely a state as a street
        words = ["street" if w == "st" else w for w in words]
    return [_WORDS.get(w, w) for w in words]


SYNONYMS: dict[str, str] = {
    " ".join(_words(s)): field for field, names in _SYNONYMS.items() for s in names
}
for _f in FIELDS:
    SYNONYMS.setdefault(" ".join(_words(_f)), _f)


def guess_field(header: str) -> str | None:
    """The canonical field a header names, or None when no synonym matches.

    A header that matches no synonym as a whole is tried again without a residence or mailing qualifier in
    front ("RESIDENTIAL_ADDRESS1" is an address line 1, "MAILING_CITY" the mailing city).
    """
    words = _words(header)
    field = SYNONYMS.get(" ".join(words))
    if field is not None or len(words) < 2:
        return field
    rest = SYNONYMS.get(" ".join(words[1:]))
    if words[0] in _RESIDENCE and rest in _RESIDENCE_FIELDS:
        return rest
    if words[0] in _MAILING and rest in _AS_MAILING:
        return _AS_MAILING[rest]
    return None


# Address parts and name parts: the company an ambiguous header keeps decides what it means.
_STREET_PARTS = frozenset({"res_house_number", "res_house_suffix", "res_pre_dir", "res_street_name",
                           "res_street_type", "res_post_dir", "res_unit_type", "res_unit", "res_address"})
_NAME_PARTS = frozenset({"first_name", "middle_name", "last_name"})
_CITY_ZIP = frozenset({"res_city", "res_zip"})


def _beside(alone: list[str | None], i: int) -> list[str | None]:
    """The context-free guesses of the columns before and after column i (the one before first)."""
    return [alone[j] if 0 <= j < len(alone) else None for j in (i - 1, i + 1)]


def guess_fields(headers: list[str]) -> list[str | None]:
    """Each header's canonical field (or None), reading three ambiguous headers by the columns beside them.

    - "Suffix" after (or, failing that, before) a street column is the street type ("AVE"); elsewhere the
      name suffix ("JR").
    - "Type" beside a street column is the street type; elsewhere (voter type? phone type?) nothing.
    - "ST" alone is the state, as in "City, ST, Zip": always beside a city or zip column, and wherever another
      column already holds the street name. Only among the street parts of a file with no street-name column
      ("Street #, ST, Type") is it the street.
    """
    alone = [guess_field(h) for h in headers]
    keys = [" ".join(_words(h)) for h in headers]
    out = list(alone)
    has_street = "res_street_name" in alone or "res_address" in alone
    for i, key in enumerate(keys):  # ST first: "Street #, ST, Type" reads Type by what ST turned out to be
        if key == "st":
            near = set(_beside(alone, i))
            street_like = bool(near & _STREET_PARTS) and not near & _CITY_ZIP
            out[i] = "res_street_name" if street_like and not has_street else "res_state"
    for i, key in enumerate(keys):
        before, after = _beside(out, i)
        if key == "suffix":
            for near_field in (before, after):
                if near_field in _STREET_PARTS:
                    out[i] = "res_street_type"
                    break
                if near_field in _NAME_PARTS:
                    break
        elif key == "type":
            out[i] = "res_street_type" if {before, after} & _STREET_PARTS else None
    return out
