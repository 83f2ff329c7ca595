"""Residential addresses: parse a one-string address, normalise its parts, and derive the household key.

Parsing is a fast, rule-based pass over USPS-style tokens (house number, pre-direction, street name, street
type, post-direction, unit); it never raises, and an address it cannot split keeps its whole text as the
street name so that voters at the same text still share a household.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from canvass_formats.voterfile.usps import DIRECTIONS, STREET_TYPES, UNIT_ALONE, UNIT_DESIGNATORS

_CLEAN = re.compile(r"[^A-Z0-9#/\- ]+")
_SPACES = re.compile(r"\s+")
_HOUSE = re.compile(r"^(\d+)(?:-?([A-Z]|\d+))?$")  # 12, 12B, 12-B, 12-14
_FRACTION = re.compile(r"^\d/\d$")
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class Address:
    """A residential address split into its USPS parts (all upper case, abbreviations standardised)."""

    house_number: str | None = None  # as printed: "12", "12B", "12 1/2"
    house_number_int: int | None = None
    pre_dir: str | None = None
    street_name: str = ""
    street_type: str | None = None
    post_dir: str | None = None
    unit: str | None = None  # "APT 4", "#4", "UNIT B", "LOT 7"

    @property
    def street_key(self) -> str:
        """One walkable street: "N MAIN ST"."""
        return " ".join(p for p in (self.pre_dir, self.street_name, self.street_type, self.post_dir) if p)

    @property
    def side(self) -> str:
        """Street side for walk order: "O" odd, "E" even (no number counts as even)."""
        return "O" if self.house_number_int is not None and self.house_number_int % 2 else "E"

    @property
    def unit_sort(self) -> str | None:
        """The unit identifier with its numbers zero-padded, so "APT 2" sorts before "APT 10"."""
        if not self.unit:
            return None
        ident = self.unit.split(" ", 1)[-1].lstrip("#")
        return _DIGITS.sub(lambda m: m.group().zfill(6), ident)[:24]

    @property
    def line(self) -> str:
        """The normalised one-line form: "12 1/2 N MAIN ST APT 4"."""
        return " ".join(p for p in (self.house_number, self.street_key, self.unit) if p)

    def household_key(self, zip_code: str | None) -> str:
        """Voters whose addresses share this key form one household."""
        zip5 = (zip_code or "")[:5]
        parts = (self.house_number, self.pre_dir, self.street_name, self.street_type, self.post_dir, self.unit)
        return "|".join(p or "" for p in parts) + "|" + zip5


def _tokens(text: str) -> list[str]:
    if not text.isascii():  # "José" -> "JOSE", not "JOS": accents are folded, not dropped
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = text.upper().replace(",", " ").replace(".", "")
    text = _CLEAN.sub(" ", text)
    text = text.replace("#", " #")
    return [t for t in _SPACES.split(text) if t and t != "-"]


def _one_unit(tokens: list[str], i: int, start: int) -> tuple[str, int] | None:
    """The unit designator at tokens[i] with its identifier ("APT 4", "#4", "REAR"), and the index after it."""
    tok = tokens[i]
    if tok.startswith("#"):
        if tok != "#":
            return tok, i + 1
        return ("#" + tokens[i + 1].lstrip("#"), i + 2) if i + 1 < len(tokens) else ("", i + 1)  # a bare "#"
    des = UNIT_DESIGNATORS.get(tok)
    if des is not None and i + 1 < len(tokens):
        ident = tokens[i + 1].lstrip("#")
        return (f"{des} {ident}" if ident else des), i + 2
    alone = UNIT_ALONE.get(tok)
    if alone is not None and i == len(tokens) - 1 and i > start:
        return alone, i + 1
    return None


def _unit(tokens: list[str], start: int) -> tuple[int, str | None]:
    """Find the unit at or after start; return (index where the unit begins, unit text).

    Several designators in a row make one unit: "BLDG 2 APT 3" (two flats of building 2 are two households).
    """
    for i in range(start, len(tokens)):
        found = _one_unit(tokens, i, start)
        if found is None:
            continue
        parts, after = [found[0]], found[1]
        while after < len(tokens) and (more := _one_unit(tokens, after, start)) is not None:
            parts.append(more[0])
            after = more[1]
        return i, " ".join(p for p in parts if p) or None
    return len(tokens), None


def parse_address(text: str | None, unit_line: str | None = None) -> Address:
    """Split a one-string residential address; unit_line is a separate "address line 2", if the file has one."""
    tokens = _tokens(text or "")
    if not tokens:
        extra = parse_unit(unit_line)
        return Address(unit=extra)
    i = 0
    house: str | None = None
    house_int: int | None = None
    m = _HOUSE.match(tokens[0])
    if m:
        house_int = int(m.group(1)) if len(m.group(1)) < 10 else None
        house = m.group(1) + (m.group(2) or "") if m.group(2) and m.group(2).isalpha() else tokens[0]
        i = 1
        if i < len(tokens) and _FRACTION.match(tokens[i]):
            house = f"{house} {tokens[i]}"
            i += 1
    end, unit = _unit(tokens, i + 1 if house else i)
    body = tokens[i:end]
    pre = post = stype = None
    if len(body) >= 3 and body[-1] in DIRECTIONS and body[-2] in STREET_TYPES:
        post = DIRECTIONS[body[-1]]
        body = body[:-1]
    if len(body) >= 2 and body[-1] in STREET_TYPES:
        stype = STREET_TYPES[body[-1]]
        body = body[:-1]
    if len(body) >= 2 and body[0] in DIRECTIONS:
        pre = DIRECTIONS[body[0]]
        body = body[1:]
    if post is None and len(body) >= 2 and body[-1] in DIRECTIONS:
        post = DIRECTIONS[body[-1]]
        body = body[:-1]
    if unit is None:
        unit = parse_unit(unit_line)
    return Address(house[:20] if house else None, house_int, pre, " ".join(body)[:80], stype, post,
                   unit[:20] if unit else None)


def parse_unit(text: str | None) -> str | None:
    """Normalise a separate unit field: "Apt. 4" -> "APT 4", "4" -> "#4", "#4" -> "#4"."""
    if not text:
        return None
    tokens = _tokens(text)
    if not tokens:
        return None
    _, unit = _unit(tokens, 0)
    if unit is None:
        unit = "#" + "".join(t.lstrip("#") for t in tokens)
    return unit[:20]


def from_parts(
    house_number: str | None,
    pre_dir: str | None,
    street_name: str | None,
    street_type: str | None,
    post_dir: str | None,
    unit: str | None,
    house_suffix: str | None = None,
) -> Address:
    """An address given in split columns, normalised the same way as a parsed one."""
    number = " ".join(_tokens(house_number or ""))
    suffix = " ".join(_tokens(house_suffix or ""))
    m = re.match(r"\d+", number)
    house_int = int(m.group()) if m and len(m.group()) < 10 else None
    if suffix:
        number = f"{number} {suffix}" if "/" in suffix else number + suffix
    name = " ".join(_tokens(street_name or ""))
    stype_raw = "".join(_tokens(street_type or ""))
    pre_raw = "".join(_tokens(pre_dir or ""))
    post_raw = "".join(_tokens(post_dir or ""))
    return Address(
        house_number=number[:20] or None,
        house_number_int=house_int,
        pre_dir=DIRECTIONS.get(pre_raw, pre_raw[:2]) or None,
        street_name=name[:80],
        street_type=STREET_TYPES.get(stype_raw, stype_raw[:8]) or None,
        post_dir=DIRECTIONS.get(post_raw, post_raw[:2]) or None,
        unit=parse_unit(unit),
    )
