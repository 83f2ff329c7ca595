"""Turn one row's canonical fields into a validated VoterRecord, or a Rejection saying why not."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from canvass_formats.voterfile.address import Address, from_parts, parse_address

_ZIP = re.compile(r"^(\d{5})(?:-?(\d{4}))?$")
_YEAR = re.compile(r"^\d{4}$")
_DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y", "%Y%m%d", "%m-%d-%Y", "%Y/%m/%d", "%m/%d/%y")
_NON_DIGIT = re.compile(r"\D+")
_SEX = {"M": "M", "MALE": "M", "F": "F", "FEMALE": "F", "U": "U", "UNKNOWN": "U", "X": "X", "": None}
_STATUS = {"A": "active", "ACT": "active", "ACTIVE": "active", "I": "inactive", "INA": "inactive",
           "INACTIVE": "inactive", "R": "removed", "REMOVED": "removed", "D": "denied", "DENIED": "denied",
           "S": "temporary", "TEMPORARY": "temporary", "P": "preregistered", "PRE": "preregistered"}
MIN_YEAR = 1880


@dataclass(slots=True)
class VoterRecord:
    """One voter as read from a file: the voter's columns, plus the parsed residential address."""

    row: int
    state_voter_id: str
    registration_number: str | None
    first_name: str
    middle_name: str | None
    last_name: str
    suffix: str | None
    birth_year: int | None
    sex: str | None
    party: str | None
    phone: str | None
    email: str | None
    language: str | None
    res_address: str | None
    address: Address
    res_city: str | None
    res_state: str | None
    res_zip: str | None
    mail_address1: str | None
    mail_address2: str | None
    mail_city: str | None
    mail_state: str | None
    mail_zip: str | None
    precinct: str | None
    precinct_name: str | None
    registration_status: str


@dataclass(frozen=True, slots=True)
class Rejection:
    """A row that could not become a voter: its 1-based row number in the file and the reason."""

    row: int
    reason: str
    voter_id: str = ""


class RowError(ValueError):
    """A field of one row is invalid; the message is the rejection reason."""


def _opt(value: str | None, size: int) -> str | None:
    if not value:
        return None
    value = value.strip()
    return value[:size] if value else None


@lru_cache(maxsize=8192)
def parse_zip(value: str | None) -> str | None:
    value = (value or "").strip()
    if not value:
        return None
    m = _ZIP.match(value)
    if not m:
        raise RowError(f"bad zip {value[:20]!r}")
    return f"{m.group(1)}-{m.group(2)}" if m.group(2) else m.group(1)


@lru_cache(maxsize=4096)
def parse_birth_year(year: str | None, date: str | None) -> int | None:
    year = (year or "").strip()
    date = (date or "").strip()
    this_year = dt.date.today().year
    if year:
        if not _YEAR.match(year) or not MIN_YEAR <= int(year) <= this_year:
            raise RowError(f"unparsable birth year {year[:20]!r}")
        return int(year)
    if date:
        for fmt in _DATE_FORMATS:
            try:
                parsed = dt.datetime.strptime(date, fmt).year
            except ValueError:
                continue
            if MIN_YEAR <= parsed <= this_year:
                return parsed
        raise RowError(f"unparsable date of birth {date[:20]!r}")
    return None


def parse_phone(phone: str | None, area: str | None = None, ext: str | None = None) -> str | None:
    digits = _NON_DIGIT.sub("", (area or "") + (phone or ""))
    if len(digits) == 11 and digits[0] == "1":
        digits = digits[1:]
    if len(digits) < 7:
        return None
    ext_digits = _NON_DIGIT.sub("", ext or "")
    return (digits + (f" x{ext_digits}" if ext_digits else ""))[:30]


_parse_address = lru_cache(maxsize=4096)(parse_address)  # a household's voters are usually adjacent


def _address(f: dict[str, str]) -> Address:
    if f.get("res_house_number") or f.get("res_street_name"):
        unit = f.get("res_unit") or ""
        if unit and f.get("res_unit_type"):
            unit = f"{f['res_unit_type']} {unit}"
        return from_parts(f.get("res_house_number"), f.get("res_pre_dir"), f.get("res_street_name"),
                          f.get("res_street_type"), f.get("res_post_dir"), unit or f.get("res_address2"),
                          f.get("res_house_suffix"))
    return _parse_address(f.get("res_address"), f.get("res_address2"))


def build_record(f: dict[str, str], row: int) -> VoterRecord:
    """Validate one row's canonical fields (missing keys are empty); raises RowError with the reason."""
    g = f.get
    voter_id = (g("state_voter_id") or "").strip()
    if not voter_id:
        raise RowError("no voter id")
    if len(voter_id) > 40:
        raise RowError(f"voter id too long ({len(voter_id)} characters)")
    address = _address(f)
    raw_address = _opt(g("res_address"), 200)
    if raw_address is None and (address.house_number or address.street_name):
        raw_address = address.line[:200]
    elif raw_address and g("res_address2"):
        raw_address = f"{raw_address} {f['res_address2'].strip()}"[:200]
    status_raw = (g("registration_status") or "").strip().upper()
    mail2 = g("mail_address2")
    if g("mail_address3") or g("mail_address4"):
        mail2 = " ".join(filter(None, (g(k, "").strip() for k in ("mail_address2", "mail_address3", "mail_address4"))))
    phone = g("phone")
    # What _opt(value, size) does, written out: this runs for every row of files with millions of rows.
    registration_number, middle_name, suffix, party = (
        g("registration_number"), g("middle_name"), g("suffix"), g("party"))
    email, language, res_city, res_state = g("email"), g("language"), g("res_city"), g("res_state")
    mail1, mail_city, mail_state, mail_zip = g("mail_address1"), g("mail_city"), g("mail_state"), g("mail_zip")
    precinct, precinct_name = g("precinct"), g("precinct_name")
    return VoterRecord(
        row,
        voter_id,
        (registration_number.strip()[:40] or None) if registration_number else None,
        (g("first_name") or "").strip()[:80],
        (middle_name.strip()[:80] or None) if middle_name else None,
        (g("last_name") or "").strip()[:80],
        (suffix.strip()[:20] or None) if suffix else None,
        parse_birth_year(g("birth_year"), g("birth_date")),
        _SEX.get((g("sex") or "").strip().upper(), "U"),
        (party.strip()[:10] or None) if party else None,
        parse_phone(phone, g("phone_area"), g("phone_ext")) if phone else None,
        (email.strip()[:120] or None) if email else None,
        (language.strip()[:10] or None) if language else None,
        raw_address,
        address,
        (res_city.strip()[:60] or None) if res_city else None,
        (res_state.strip()[:2] or None) if res_state else None,
        parse_zip(g("res_zip")),
        (mail1.strip()[:200] or None) if mail1 else None,
        (mail2.strip()[:200] or None) if mail2 else None,
        (mail_city.strip()[:60] or None) if mail_city else None,
        (mail_state.strip()[:2] or None) if mail_state else None,
        (mail_zip.strip()[:10] or None) if mail_zip else None,  # may be foreign: kept as given, never rejected
        (precinct.strip()[:40] or None) if precinct else None,
        (precinct_name.strip()[:120] or None) if precinct_name else None,
        _STATUS.get(status_raw, status_raw.lower()[:20] or "active"),
    )
