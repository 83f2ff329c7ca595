"""Residential addresses: parse a one-string address, normalise its parts, and derive the household key.

Parsing is a fast, rule-based pass over USPS-style tokens (house number, pre-direction, street name, street
type, post-direction, unit); it never raises, and an address it cannot split keeps its whole text as the
street name so that voters at the same text still share a household.

The parts are canonical, so that every spelling of one street prints and walks as one street (USPS Publication
28): suffixes and directions abbreviated (appendix C1); SAINT/MOUNT/FORT as ST/MT/FT and spelled-out ordinals as
numbers in a street name (FIFTH -> 5TH, and a bare number before a suffix: 5 AVE -> 5TH AVE); highway and road
forms as one short form each: HIGHWAY 55, HWY 55, NC HWY 55, NC 55 HWY, STATE HWY 55 -> HWY 55; US 1, US HIGHWAY
1 -> US HWY 1; COUNTY ROAD 12, CO RD 12 -> CR 12; STATE ROAD 7, STATE ROUTE 7 -> SR 7; INTERSTATE 95, I-95 ->
I 95; RURAL ROUTE 2 BOX 14, RT 2 BOX 14 -> RR 2 BOX 14 (HC for highway-contract routes).

The household key (`Address.household_key`, docs/households.md) says which spellings are one door:

- Units (appendix C2). APT and UNIT, and "#" (what Pub 28 writes when the designator is not known, also written
  NO or NUMBER, or given bare in a unit column), only say "a flat": they match by the unit's identifier, so
  APT 1, UNIT 1, #1 and NO 1 are one door (keyed "APT 1"). Every other designator names something else and
  keeps its own name: BLDG 2 (a building of many flats), FL 2 (a floor), STE, RM, LOT, SPC, TRLR, PH, DEPT,
  OFC, HNGR, SLIP, PIER, KEY, STOP; and the ones without an identifier (BSMT, FRNT, REAR, LOWR, UPPR, SIDE,
  LBBY) are doors of their own. BLDG 2 APT 3 is flat 3 of building 2, apart from flat 3 of building 4.
  Identifiers compare without hyphens and leading zeros (APT 04 = APT 4, APT 1-A = APT 1A).
- A letter glued to the house number with no other unit is that flat: 12B MAIN ST = 12-B MAIN ST = 12 MAIN ST
  APT B; 12A and 12B stay two doors, and 12 1/2 stays apart from 12.
- On a numbered state highway (HWY 55) the pre-direction is left out of the key: N HWY 55 and NC HWY 55 are
  one road, where numbers run along the highway.
- The ZIP code counts by its first five digits.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from canvass_formats.voterfile.usps import (
    DIRECTIONS,
    FLAT_DESIGNATORS,
    NAME_WORDS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    STATE_CODES,
    STREET_TYPES,
    UNIT_ALONE,
    UNIT_DESIGNATORS,
    ordinal,
)

KEY_VERSION = 2  # raised whenever household_key changes, so that stored keys are made again (canonical_key)

_CLEAN = re.compile(r"[^A-Z0-9#/\- ]+")
_SPACES = re.compile(r"\s+")
_HOUSE = re.compile(r"^(\d+)(?:-?([A-Z]|\d+))?$")  # 12, 12B, 12-B, 12-14
_FRACTION = re.compile(r"^\d/\d$")
_DIGITS = re.compile(r"\d+")
_DESIGNATORS = "|".join(sorted(UNIT_DESIGNATORS, key=len, reverse=True))
_GLUED_UNIT = re.compile(rf"^(?:({_DESIGNATORS})(\d[0-9A-Z]*)|(APT)([A-Z]))$")  # APT4, STE200, APTB
_ROAD_NUMBER = re.compile(r"^\d+[A-Z]?$")
_SPLIT_ROAD = re.compile(r"^([A-Z]+)-(\d+[A-Z]?)$")  # I-95, NC-55, US-1
_LEADING_ZEROS = re.compile(r"(?<!\d)0+(?=\d)")
_ALONE = frozenset(UNIT_ALONE.values())


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
        """Voters whose addresses share this key form one household: "12||MAIN|ST||APT B|27601".

        The rule (module docstring): flats match by their identifier, a letter glued to the house number is a
        flat, a numbered state highway's pre-direction is left out.
        """
        house, unit = self.house_number or "", _unit_key(self.unit) if self.unit else ""
        if not unit and len(house) > 1 and house[-1].isalpha() and house[:-1].isdigit():
            house, unit = house[:-1], "APT " + house[-1]
        pre = "" if self.street_name.startswith("HWY ") else self.pre_dir or ""
        return f"{house}|{pre}|{self.street_name}|{self.street_type or ''}|{self.post_dir or ''}|{unit}|" + (
            zip_code or "")[:5]


def canonical_key(key: str) -> str:
    """A stored household key made again by today's rule (KEY_VERSION): the same door gets the same key."""
    parts = key.split("|")
    if len(parts) != 7:
        return key
    house, pre, name, stype, post, unit, zip5 = parts
    name, street_type = canonical_street(name, stype)
    return Address(house or None, None, pre or None, name, street_type, post or None, unit or None).household_key(zip5)


def canonical_street(name: str, street_type: str | None) -> tuple[str, str | None]:
    """A stored street name and type in today's canonical spelling: ("SAINT JAMES", "PL") -> ("ST JAMES", "PL")."""
    return _street(name.split(), street_type or None)


@lru_cache(maxsize=4096)
def _unit_key(unit: str) -> str:
    """A unit as the household key compares it: "#4", "UNIT 4", "APT 04" -> "APT 4"; "BLDG 2 #3" -> "BLDG 2 APT 3"."""
    tokens = unit.split()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.startswith("#") and len(tok) > 1:
            out.append("APT " + _ident(tok))
            i += 1
        elif tok in _ALONE or i + 1 == len(tokens):
            out.append(tok)
            i += 1
        else:
            out.append(("APT" if tok in FLAT_DESIGNATORS else tok) + " " + _ident(tokens[i + 1]))
            i += 2
    return " ".join(out)


def _ident(ident: str) -> str:
    """A unit identifier compared without "#", hyphens and leading zeros: "#04" -> "4", "1-A" -> "1A"."""
    return _LEADING_ZEROS.sub("", ident.replace("-", "").lstrip("#")) or ident


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
    if tok in NUMBER_WORDS and i + 1 < len(tokens) and (len(tokens[i + 1]) == 1 or _DIGITS.search(tokens[i + 1])):
        return "#" + tokens[i + 1].lstrip("#"), i + 2  # "NO 4": the word for "#"
    glued = _GLUED_UNIT.match(tok)  # "APT4", "STE200", "APTB"
    if glued:
        des, ident = glued.group(1, 2) if glued.group(1) else glued.group(3, 4)
        return f"{UNIT_DESIGNATORS[des]} {ident}", i + 1
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
        unit, after = found
        while after < len(tokens) and (more := _one_unit(tokens, after, start)) is not None:
            if more[0] and len(unit) + len(more[0]) < 20:  # whole parts only: the unit column holds 20 characters
                unit = f"{unit} {more[0]}".strip()
            after = more[1]
        return i, unit[:20] or None
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
    name, stype = _street(body, stype)
    return Address(house[:20] if house else None, house_int, pre, name, stype, post, unit[:20] if unit else None)


def parse_unit(text: str | None) -> str | None:
    """Normalise a separate unit field: "Apt. 4" -> "APT 4", "4" -> "#4", "#4" -> "#4"."""
    if not text:
        return None
    tokens = _tokens(text)
    if not tokens:
        return None
    _, unit = _unit(tokens, 0)
    if unit is None:
        unit = UNIT_ALONE.get(tokens[0]) if len(tokens) == 1 else None
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
    if (glued := _HOUSE.match(number)) and glued.group(2) and glued.group(2).isalpha():  # "12-B" -> "12B"
        number = glued.group(1) + glued.group(2)
    suffix = " ".join(_tokens(house_suffix or ""))
    m = re.match(r"\d+", number)
    house_int = int(m.group()) if m and len(m.group()) < 10 else None
    if suffix:
        number = f"{number} {suffix}" if "/" in suffix else number + suffix
    stype_raw = "".join(_tokens(street_type or ""))
    pre_raw = "".join(_tokens(pre_dir or ""))
    post_raw = "".join(_tokens(post_dir or ""))
    name, stype = _street(_tokens(street_name or ""), STREET_TYPES.get(stype_raw, stype_raw[:8]) or None)
    return Address(
        house_number=number[:20] or None,
        house_number_int=house_int,
        pre_dir=DIRECTIONS.get(pre_raw, pre_raw[:2]) or None,
        street_name=name,
        street_type=stype,
        post_dir=DIRECTIONS.get(post_raw, post_raw[:2]) or None,
        unit=parse_unit(unit),
    )


def _street(name: list[str], street_type: str | None) -> tuple[str, str | None]:
    """The canonical street name and type (module docstring): road forms, then SAINT/MOUNT/FORT and ordinals."""
    road = _road([*name, street_type] if street_type else name)
    if road is not None:
        return road[:80], None
    words: list[str] = []
    for tok in name:
        if tok in ORDINAL_WORDS:
            if words and f"{words[-1]} {tok}" in _TWO_WORD_ORDINALS:  # TWENTY FIRST -> 21ST
                words[-1] = ORDINAL_WORDS[f"{words[-1]} {tok}"]
                continue
            words.append(ORDINAL_WORDS[tok])
        elif "-" in tok and tok.replace("-", " ") in ORDINAL_WORDS:  # TWENTY-FIRST
            words.append(ORDINAL_WORDS[tok.replace("-", " ")])
        else:
            words.append(NAME_WORDS.get(tok, tok))
    if street_type and len(words) == 1 and words[0].isdigit() and len(words[0]) < 4:  # 5 AVE -> 5TH AVE
        words[0] = ordinal(int(words[0]))
    return " ".join(words)[:80], street_type


_TWO_WORD_ORDINALS = frozenset(w for w in ORDINAL_WORDS if " " in w)
_HIGHWAY = frozenset(w for w, abbr in STREET_TYPES.items() if abbr == "HWY")
_ROUTE = frozenset({"ROUTE", "RTE", "RT"})
_ROAD = frozenset({"ROAD", "RD"})
_COUNTY = frozenset({"COUNTY", "CO", "CNTY", "CTY"})
# The words before a route number -> the canonical form, longest first; "#" stands for the number.
_ROAD_FORMS: tuple[tuple[tuple[frozenset[str], ...], str], ...] = (
    ((frozenset({"RURAL"}), _ROUTE), "RR"),
    ((frozenset({"R"}), frozenset({"R"})), "RR"),
    ((frozenset({"HIGHWAY", "HWY"}), frozenset({"CONTRACT"})), "HC"),
    ((frozenset({"UNITED"}), frozenset({"STATES"}), _HIGHWAY), "US HWY"),
    ((frozenset({"U"}), frozenset({"S"}), _HIGHWAY), "US HWY"),
    ((frozenset({"US"}), _HIGHWAY | _ROUTE), "US HWY"),
    ((frozenset({"INTERSTATE"}), _HIGHWAY), "I"),
    ((_COUNTY, _ROAD), "CR"),
    ((_COUNTY, _HIGHWAY), "CO HWY"),
    ((frozenset({"STATE", "ST"}), _ROUTE | _ROAD), "SR"),
    ((frozenset({"STATE", "ST"}) | STATE_CODES, _HIGHWAY), "HWY"),
    ((frozenset({"RR", "RFD"}),), "RR"),
    ((frozenset({"HC", "HCR"}),), "HC"),
    ((frozenset({"US", "USHWY", "USHY"}),), "US HWY"),
    ((frozenset({"INTERSTATE", "I", "IH"}),), "I"),
    ((frozenset({"CR"}),), "CR"),
    ((frozenset({"SR"}),), "SR"),
    ((frozenset({"SH"}) | STATE_CODES, ), "HWY"),
    ((_HIGHWAY,), "HWY"),
    ((_ROUTE,), "RTE"),
)

_ROAD_HEADS = frozenset().union(*(words[0] for words, _form in _ROAD_FORMS), {"US", "STATE"})


def _road(tokens: list[str]) -> str | None:
    """A numbered road in its one short form ("NC 55 HWY" -> "HWY 55", "RURAL ROUTE 2 BOX 14" -> "RR 2 BOX 14"),
    or None when the name is not one."""
    first = tokens[1] if tokens[:1] == ["OLD"] and len(tokens) > 1 else tokens[0] if tokens else ""
    if first not in _ROAD_HEADS and "-" not in first:  # most streets: one set lookup
        return None
    toks: list[str] = []
    for tok in tokens:
        m = _SPLIT_ROAD.match(tok) if "-" in tok else None
        toks.extend(m.groups() if m else (tok,))
    prefix = "OLD " if toks[:1] == ["OLD"] else ""
    if prefix:
        toks = toks[1:]
    if len(toks) == 3 and _ROAD_NUMBER.match(toks[1]) and toks[2] in _HIGHWAY:  # NC style: "NC 55 HWY", "US 1 HWY"
        head = "US HWY" if toks[0] == "US" else "HWY" if toks[0] in STATE_CODES or toks[0] == "STATE" else None
        return f"{prefix}{head} {toks[1]}" if head else None
    for words, form in _ROAD_FORMS:
        n = len(words)
        if len(toks) <= n or not _ROAD_NUMBER.match(toks[n]):
            continue
        if not all(t in w for t, w in zip(toks, words, strict=False)):
            continue
        rest = toks[n + 1:]
        if form in ("RTE", "RR") and toks[0] in _ROUTE and rest[:1] == ["BOX"]:
            form = "RR"  # ROUTE 2 BOX 14 is a rural route
        elif form == "RTE" and rest:
            return None
        return " ".join([prefix + form, toks[n], *rest])
    return None
