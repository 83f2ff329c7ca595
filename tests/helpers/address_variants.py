"""Doors spelled the ways real voter files spell them: the address-pair corpus and respelled voter files.

Every door is drawn first (the truth); each row then spells it at random from USPS Publication 28's tables
(appendix C1 suffixes, directionals, appendix C2 unit designators) and the road, saint/mount/fort and ordinal
forms seen in files, in the shape of one layout: ncvoter (one upper-case string), florida (line 1 and a
line 2 for the unit), generic (one mixed-case string, or split columns).

`python tests/helpers/address_variants.py` writes tests/data/address_pairs.csv (seeded: the same file each time).
"""

from __future__ import annotations

import csv
import random
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from canvass_formats.voterfile.layouts import FLORIDA_COLUMNS, NCVOTER_COLUMNS
from canvass_formats.voterfile.records import VoterRecord, build_record
from canvass_formats.voterfile.usps import _SUFFIXES

PAIRS_CSV = Path(__file__).resolve().parents[1] / "data" / "address_pairs.csv"
FORMS = ("ncvoter", "florida", "generic", "generic_split")
PAIR_COLUMNS = ("truth", "case", "a_form", "a_address", "a_address2", "a_zip", "b_form", "b_address", "b_address2",
                "b_zip")

# A street name is a list of words, each with its spellings (the first is USPS's).
NAMES: list[tuple[tuple[str, ...], ...]] = [
    (("LAKE",),), (("MAIN",),), (("OAK",),), (("WALNUT",),), (("SUNSET",),), (("CHURCH",),), (("MILL",),),
    (("GLENWOOD",),), (("HILLSBOROUGH",),), (("NEW BERN",),), (("CAMERON",),), (("DUKE",),),
    (("ST", "SAINT", "ST."), ("JAMES",)), (("ST", "SAINT"), ("MARYS",)),
    (("MT", "MOUNT", "MT."), ("OLIVE",), ("CHURCH",)),
    (("MT", "MOUNT"), ("VERNON",)), (("FT", "FORT", "FT."), ("BRAGG",)), (("FT", "FORT"), ("MYERS",)),
    (("5TH", "FIFTH"),), (("1ST", "FIRST"),), (("2ND", "SECOND"),), (("3RD", "THIRD"),), (("12TH", "TWELFTH"),),
    (("21ST", "TWENTY-FIRST", "TWENTY FIRST"),), (("42ND", "FORTY SECOND", "FORTY-SECOND"),),
    (("MARTIN LUTHER KING JR", "MARTIN LUTHER KING JR."),), (("OLD", "OLD"), ("WAKE FOREST",)),
]
TYPES = ("ST", "AVE", "RD", "DR", "LN", "CT", "BLVD", "WAY", "PL", "CIR", "TER", "PKWY", "TRL", "HWY", "XING",
         "SQ", "CV", "LOOP", "RUN", "PT", "HTS", "GLN", "MNR", "XING", "EXT", "BYP", "CRES", "HOLW", "JCT", "KNL")
DIRECTIONS = {"N": "NORTH", "S": "SOUTH", "E": "EAST", "W": "WEST", "NE": "NORTHEAST", "NW": "NORTHWEST",
              "SE": "SOUTHEAST", "SW": "SOUTHWEST"}
# Unit kinds: "FLAT" is any designator that only says "a flat" (APT, UNIT, #, NO); the others keep their name.
UNIT_SPELLINGS: dict[str, tuple[str, ...]] = {
    "FLAT": ("APT {}", "APARTMENT {}", "UNIT {}", "#{}", "# {}", "NO {}", "APT #{}", "APT. {}", "Unit {}",
             "NUMBER {}", "APT{}"),
    "STE": ("STE {}", "SUITE {}", "Ste. {}"), "BLDG": ("BLDG {}", "BUILDING {}", "Bldg {}"),
    "FL": ("FL {}", "FLOOR {}"), "RM": ("RM {}", "ROOM {}"), "LOT": ("LOT {}", "Lot {}"),
    "TRLR": ("TRLR {}", "TRAILER {}"), "SPC": ("SPC {}", "SPACE {}"), "PH": ("PH {}", "PENTHOUSE {}"),
    "REAR": ("REAR", "Rear"), "UPPR": ("UPPR", "UPPER"), "LOWR": ("LOWR", "LOWER"), "BSMT": ("BSMT", "BASEMENT"),
}
STATE = "NC"


@dataclass(frozen=True)
class Door:
    """One door, the truth. road: None for a street; "HWY", "US", "CR", "SR" (name is the number) or "RR"."""

    house: str = ""
    pre: str = ""
    name: int = 0  # index into NAMES, or the route number of a road
    stype: str = ""
    post: str = ""
    units: tuple[tuple[str, str], ...] = ()  # (kind, identifier), outermost first: (("BLDG", "2"), ("FLAT", "3"))
    zip: str = "27601"
    road: str | None = None
    box: str = ""  # a rural route's box


ROAD_SPELLINGS: dict[str, tuple[str, ...]] = {
    "HWY": ("HWY {}", "HIGHWAY {}", "{s} HWY {}", "{s} {} HWY", "{s} HIGHWAY {}", "STATE HWY {}", "Hwy {}",
            "Highway {}", "{s}-{}", "State Highway {}"),
    "US": ("US HWY {}", "US HIGHWAY {}", "US {}", "US {} HWY", "U.S. Highway {}", "US-{}", "Us Hwy {}"),
    "CR": ("COUNTY ROAD {}", "CR {}", "CO RD {}", "County Rd {}", "CNTY RD {}", "CR-{}"),
    "SR": ("STATE ROAD {}", "SR {}", "State Rd {}", "ST RD {}", "STATE ROUTE {}", "SR-{}"),
    "RR": ("RR {} BOX {}", "RURAL ROUTE {} BOX {}", "RT {} BOX {}", "RTE {} Box {}", "R.R. {} Box {}",
           "Rural Route {} Box {}", "ROUTE {} BOX {}"),
}


def _pick(rng: random.Random, options: tuple[str, ...]) -> str:
    return options[rng.randrange(len(options))]


def _street(door: Door, rng: random.Random) -> tuple[str, str, str, str]:
    """(pre, name, type, post) as one row spells them."""
    pre = _pick(rng, (door.pre, DIRECTIONS[door.pre], door.pre + ".")) if door.pre else ""
    post = _pick(rng, (door.post, DIRECTIONS[door.post])) if door.post else ""
    if door.road == "RR":
        return "", _pick(rng, ROAD_SPELLINGS["RR"]).format(door.name, door.box), "", ""
    if door.road:
        name = _pick(rng, ROAD_SPELLINGS[door.road]).replace("{s}", STATE).format(door.name)
        return pre, name, "", post
    name = " ".join(_pick(rng, word) for word in NAMES[door.name])
    stype = _pick(rng, (door.stype, door.stype, *_SUFFIXES[door.stype])) if door.stype else ""
    return pre, name, stype, post


def _unit(door: Door, rng: random.Random) -> str:
    parts = []
    for kind, ident in door.units:
        if ident.isdigit() and kind != "FLAT" and rng.random() < 0.1:
            ident = "0" + ident
        parts.append(_pick(rng, UNIT_SPELLINGS[kind]).format(ident))
    return " ".join(parts)


def _case(text: str, form: str, rng: random.Random) -> str:
    if form == "ncvoter":
        return text.upper().replace(" ", "  ", 1) if rng.random() < 0.2 else text.upper()
    if form == "florida":
        return text.upper()
    return text.title() if rng.random() < 0.5 else text


def spell(door: Door, form: str, rng: random.Random) -> tuple[str, str, str]:
    """(address, address line 2, zip) for one row of this form; generic_split gives "house|pre|name|type|post"."""
    pre, name, stype, post = _street(door, rng)
    unit = _unit(door, rng)
    house = door.house
    glue = len(door.units) == 1 and door.units[0][0] == "FLAT" and door.units[0][1].isalpha() and house.isdigit()
    if glue and rng.random() < 0.4:  # flat B written on the house number: "12-B", "12B"
        house, unit = house + _pick(rng, ("-", "")) + door.units[0][1], ""
    plus4 = _pick(rng, ("-{}", "{}")).format(f"{rng.randrange(10000):04d}")
    zip_code = door.zip + ("" if form == "ncvoter" or rng.random() < 0.6 else plus4)
    if form == "generic_split":
        return "|".join((house, pre, name, stype, post)), _case(unit, form, rng), zip_code
    street = " ".join(p for p in (house, pre, name, stype, post) if p)
    if unit and (form == "florida" or (form == "generic" and rng.random() < 0.3)) and rng.random() < 0.7:
        return _case(street, form, rng), _case(unit, form, rng), zip_code
    sep = ", " if form == "generic" and unit and rng.random() < 0.5 else " "
    return _case(street + (sep + unit if unit else ""), form, rng), "", zip_code


def fields(form: str, address: str, address2: str, zip_code: str) -> dict[str, str]:
    """The canonical fields of a row of this form, as the layout's reader maps them."""
    if form == "generic_split":
        house, pre, name, stype, post = address.split("|")
        return {"res_house_number": house, "res_pre_dir": pre, "res_street_name": name, "res_street_type": stype,
                "res_post_dir": post, "res_unit": address2, "res_zip": zip_code}
    return {"res_address": address, "res_address2": address2, "res_zip": zip_code}


def record(form: str, address: str, address2: str, zip_code: str) -> VoterRecord:
    """The row read the way the importer reads it (canvass_formats' build_record)."""
    return build_record({"state_voter_id": "X", **fields(form, address, address2, zip_code)}, 1)


def random_door(rng: random.Random) -> Door:
    roll = rng.random()
    zip_code = _pick(rng, ("27601", "27603", "27610", "32601"))
    if roll < 0.2:
        road = _pick(rng, ("HWY", "US", "CR", "SR", "RR"))
        if road == "RR":
            return Door(name=rng.randrange(1, 9), road="RR", box=str(rng.randrange(1, 400)), zip=zip_code)
        pre = _pick(rng, ("", "", "N", "S")) if road == "HWY" else ""
        return Door(house=str(rng.randrange(100, 9999)), pre=pre, name=rng.randrange(1, 99), road=road, zip=zip_code)
    units: tuple[tuple[str, str], ...] = ()
    if roll < 0.65:
        kind = _pick(rng, ("FLAT", "FLAT", "FLAT", "FLAT", "STE", "BLDG", "FL", "RM", "LOT", "TRLR", "SPC", "PH",
                           "REAR", "UPPR", "LOWR", "BSMT"))
        if kind in ("REAR", "UPPR", "LOWR", "BSMT"):
            units = ((kind, ""),)
        elif kind == "BLDG":
            units = (("BLDG", str(rng.randrange(1, 9))), ("FLAT", str(rng.randrange(1, 30))))
        else:
            ident = _pick(rng, (str(rng.randrange(1, 40)), str(rng.randrange(100, 420)), "ABCDEF"[rng.randrange(6)]))
            units = ((kind, ident),)
    return Door(house=str(rng.randrange(1, 4000)), pre=_pick(rng, ("", "", "", *DIRECTIONS)),
                name=rng.randrange(len(NAMES)), stype=_pick(rng, TYPES), post=_pick(rng, ("", "", "", "", "NW", "SE")),
                units=units, zip=zip_code)


def neighbour(door: Door, rng: random.Random) -> tuple[str, Door]:
    """A different door that differs from this one in one part: (what differs, the door)."""
    flat = [i for i, (kind, _) in enumerate(door.units) if kind == "FLAT"]
    moves: list[tuple[str, Door]] = [("zip", replace(door, zip=str(int(door.zip) + 2)))]
    if door.road == "RR":
        moves += [("rr box", replace(door, box=str(int(door.box) + 1))),
                  ("rr route", replace(door, name=door.name + 1))]
        return _pick_move(rng, moves)
    moves.append(("house number", replace(door, house=str(int(door.house) + 2))))
    if door.road:
        moves += [("route number", replace(door, name=door.name + 1)),
                  ("road kind", replace(door, road="US" if door.road != "US" else "CR"))]
        return _pick_move(rng, moves)
    moves += [("half address", replace(door, house=door.house + " 1/2")),
              ("pre-direction", replace(door, pre="S" if door.pre == "N" else "N")),
              ("street type", replace(door, stype="AVE" if door.stype != "AVE" else "ST")),
              ("post-direction", replace(door, post="NE" if door.post != "NE" else "SW")),
              ("street name", replace(door, name=(door.name + 1) % len(NAMES)))]
    if not door.units:
        moves += [("rear door", replace(door, units=(("REAR", ""),))),
                  ("flat vs whole house", replace(door, units=(("FLAT", "B"),)))]
    for i in flat:
        kind, ident = door.units[i]
        other = str(int(ident) + 1) if ident.isdigit() else chr(ord(ident[-1]) + 1)
        moves += [("flat number", replace(door, units=_set(door.units, i, ("FLAT", other)))),
                  ("flat letter", replace(door, units=_set(door.units, i, ("FLAT", ident + "A"))))]
        if len(door.units) == 1:
            moves.append(("designator " + (des := _pick(rng, ("BLDG", "FL", "STE", "RM", "LOT", "PH", "SPC", "TRLR"))),
                          replace(door, units=((des, ident),))))
    if len(door.units) == 2:
        moves.append(("building", replace(door, units=_set(door.units, 0, ("BLDG", door.units[0][1] + "1")))))
    if len(door.units) == 1 and door.units[0][0] not in ("FLAT", "REAR", "UPPR", "LOWR", "BSMT"):
        moves.append(("flat vs " + door.units[0][0], replace(door, units=(("FLAT", door.units[0][1]),))))
    return _pick_move(rng, moves)


def _set(units: tuple[tuple[str, str], ...], i: int, unit: tuple[str, str]) -> tuple[tuple[str, str], ...]:
    return (*units[:i], unit, *units[i + 1:])


def _pick_move(rng: random.Random, moves: list[tuple[str, Door]]) -> tuple[str, Door]:
    return moves[rng.randrange(len(moves))]


def _case_of(door: Door) -> str:
    if door.road:
        return {"HWY": "state highway", "US": "us highway", "CR": "county road", "SR": "state road",
                "RR": "rural route"}[door.road]
    name = NAMES[door.name][0]
    if len(name) > 1:
        return "saint/mount/fort" if name[0] in ("ST", "MT", "FT") else "ordinal" if name[0][0].isdigit() else "name"
    kinds = {kind for kind, _ in door.units}
    return "unit " + "+".join(sorted(kinds)) if kinds else "street"


# Hand-written pairs from the issue and Publication 28's examples: (truth, case, form, a, a2, form, b, b2).
HAND_PAIRS: list[tuple[str, str, str, str, str, str, str, str]] = [
    ("same", "issue", "ncvoter", "815 E LAKE AVE APT 1", "", "ncvoter", "815 EAST LAKE AVENUE #1", ""),
    ("same", "issue", "generic", "100 Saint James Pl", "", "generic", "100 St James Place", ""),
    ("same", "issue", "generic", "100 N Highway 55", "", "generic", "100 N HWY 55", ""),
    ("same", "issue", "generic", "100 N HWY 55", "", "ncvoter", "100 NC HWY 55", ""),
    ("same", "issue", "generic", "100 5th Ave", "", "generic", "100 Fifth Avenue", ""),
    ("same", "issue", "generic", "9 Mt Olive Church Rd", "", "generic", "9 Mount Olive Church Road", ""),
    ("same", "issue", "generic", "1 Ft Bragg Rd", "", "generic", "1 Fort Bragg Road", ""),
    ("same", "issue", "generic", "12 County Road 12", "", "generic", "12 CR 12", ""),
    ("same", "issue", "generic", "Rural Route 2 Box 14", "", "ncvoter", "RR 2 BOX 14", ""),
    ("same", "issue", "generic", "5 Main St Ste 200", "", "generic", "5 Main St Suite 200", ""),
    ("same", "issue", "generic", "12-B Main St", "", "generic", "12 Main St Apt B", ""),
    ("same", "issue", "florida", "1208 NW 4TH AVE", "APT 4", "ncvoter", "1208 NW 4TH AVE APT 4", ""),
    ("same", "pub28", "generic", "102 Main St Apt 101", "", "generic", "102 Main St # 101", ""),
    ("same", "pub28", "generic", "1 Rural Route 6 Box 12", "", "generic", "1 RR 6 BOX 12", ""),
    ("same", "pub28", "generic", "101 Main St Apt 1-A", "", "generic", "101 Main St Apt 1A", ""),
    ("same", "pub28", "generic", "102 Main St Apt 04", "", "generic", "102 Main St Unit 4", ""),
    ("same", "pub28", "generic_split", "12|N|Main|Street|", "4", "generic", "12 North Main St Apt 4", ""),
    ("different", "pub28", "generic", "102 Main St Bldg 2", "", "generic", "102 Main St Apt 2", ""),
    ("different", "pub28", "generic", "102 Main St Fl 2", "", "generic", "102 Main St Apt 2", ""),
    ("different", "pub28", "generic", "102 Main St Lot 7", "", "generic", "102 Main St #7", ""),
    ("different", "pub28", "generic", "102 Main St Rm 7", "", "generic", "102 Main St Unit 7", ""),
    ("different", "pub28", "generic", "102 Main St Ste 7", "", "generic", "102 Main St Apt 7", ""),
    ("different", "pub28", "generic", "102 Main St Bldg 2 Apt 3", "", "generic", "102 Main St Bldg 4 Apt 3", ""),
    ("different", "pub28", "generic", "102 Main St Bldg 2 Apt 3", "", "generic", "102 Main St Apt 3", ""),
    ("different", "pub28", "generic", "12A Main St", "", "generic", "12B Main St", ""),
    ("different", "pub28", "generic", "12 Main St", "", "generic", "12 1/2 Main St", ""),
    ("different", "pub28", "generic", "12 Main St", "", "generic", "12 Main St Rear", ""),
    ("different", "pub28", "generic", "12 Main St", "", "generic", "12B Main St", ""),
    ("different", "pub28", "generic", "100 Mount View Rd", "", "generic", "100 Mountain View Rd", ""),
    ("different", "pub28", "generic", "100 Fifth Ave", "", "generic", "100 Fifteenth Ave", ""),
    ("different", "pub28", "generic", "100 St James Pl", "", "generic", "100 James Pl", ""),
    ("different", "pub28", "generic", "100 N Main St", "", "generic", "100 Main St N", ""),
    ("different", "pub28", "generic", "100 US Hwy 55", "", "generic", "100 NC Hwy 55", ""),
    ("different", "pub28", "generic", "100 Hwy 55", "", "generic", "100 Hwy 55 Byp", ""),
    ("different", "pub28", "generic", "100 Route 9", "", "generic", "100 US Route 9", ""),
    ("different", "pub28", "generic", "RR 2 Box 14", "", "generic", "RR 2 Box 41", ""),
    ("different", "pub28", "generic", "102 Main St Apt 1", "", "generic", "102 Main St Apt 1A", ""),
    ("different", "pub28", "generic", "102 Main St Upper", "", "generic", "102 Main St Lower", ""),
]


def pairs(seed: int = 19, same: int = 420, different: int = 320) -> list[dict[str, str]]:
    """The corpus rows: hand-written pairs, then generated same-door and different-door pairs."""
    rng = random.Random(seed)
    rows = [dict(zip(PAIR_COLUMNS, (truth, case, fa, a, a2, "27601", fb, b, b2, "27601"), strict=True))
            for truth, case, fa, a, a2, fb, b, b2 in HAND_PAIRS]
    for i in range(same + different):
        door = random_door(rng)
        truth, other, case = "same", door, _case_of(door)
        if i >= same:
            truth = "different"
            case, other = neighbour(door, rng)
        form_a = FORMS[i % 4]
        form_b = _pick(rng, ("generic", "generic_split")) if form_a.startswith("generic") else form_a
        a = spell(door, form_a, rng)
        b = spell(other, form_b, rng)
        for _ in range(8):  # a same-door pair spelled identically measures nothing
            if truth == "different" or (form_a, a[:2]) != (form_b, b[:2]):
                break
            b = spell(other, form_b, rng)
        rows.append(dict(zip(PAIR_COLUMNS, (truth, case, form_a, *a, form_b, *b), strict=True)))
    return rows


def write_pairs(path: Path = PAIRS_CSV) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, PAIR_COLUMNS)
        writer.writeheader()
        writer.writerows(pairs())


def read_pairs(path: Path = PAIRS_CSV) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


# Voter files whose rows spell their doors several ways.
GENERIC_HEADER = ("Voter ID", "First Name", "Last Name", "Residential Address Line 1", "Residential Address Line 2",
                  "Zip Code", "Precinct")
GENERIC_SPLIT_HEADER = ("Voter ID", "First Name", "Last Name", "House Number", "Pre Direction", "Street Name",
                        "Street Type", "Post Direction", "Unit", "Zip Code", "Precinct")


@dataclass(frozen=True)
class Resident:
    voter_id: str
    first: str
    last: str
    door: Door
    precinct: str


def residents(seed: int, doors: int) -> list[Resident]:
    """One to three voters at each of `doors` distinct doors (in file order, a household's voters apart)."""
    rng = random.Random(seed)
    seen: set[Door] = set()
    out: list[Resident] = []
    while len(seen) < doors:
        door = random_door(rng)
        if door in seen:
            continue
        seen.add(door)
        precinct = f"P{len(seen) % 3 + 1:02d}"
        out += [Resident(f"V{len(out) + k:06d}", _pick(rng, ("ANA", "BO", "CY", "DEE", "ED")), f"LAST{len(seen)}", door,
                         precinct) for k in range(rng.randrange(1, 4))]
    rng.shuffle(out)
    return out


def write_voter_file(path: Path, form: str, people: list[Resident], seed: int) -> None:
    """A voter file of this form (ncvoter, florida, generic, generic_split), each row spelled at random."""
    rng = random.Random(seed)
    rows: list[list[str]] = []
    for p in people:
        address, address2, zip_code = spell(p.door, form, rng)
        if form == "ncvoter":
            row = dict.fromkeys(NCVOTER_COLUMNS, "")
            row.update(ncid=p.voter_id, voter_reg_num=p.voter_id[1:], last_name=p.last, first_name=p.first,
                       voter_status_desc="ACTIVE", res_street_address=f"{address} {address2}".strip(),
                       res_city_desc="RALEIGH", state_cd=STATE, zip_code=zip_code[:5], precinct_abbrv=p.precinct)
            rows.append(list(row.values()))
        elif form == "florida":
            row = dict.fromkeys(FLORIDA_COLUMNS, "")
            row.update({"County Code": "ALA", "Voter ID": p.voter_id[1:], "Name Last": p.last, "Name First": p.first,
                        "Requested public records exemption": "N", "Residence Address Line 1": address,
                        "Residence Address Line 2": address2, "Residence City (USPS)": "GAINESVILLE",
                        "Residence State": "FL", "Residence Zipcode": zip_code.replace("-", ""), "Precinct": p.precinct,
                        "Voter Status": "ACT"})
            rows.append(list(row.values()))
        elif form == "generic":
            rows.append([p.voter_id, p.first, p.last, address, address2, zip_code, p.precinct])
        else:
            rows.append([p.voter_id, p.first, p.last, *address.split("|"), address2, zip_code, p.precinct])
    with open(path, "w", encoding="utf-8", newline="") as f:
        if form == "ncvoter":
            f.write("\t".join(f'"{c}"' for c in NCVOTER_COLUMNS) + "\n")
            f.writelines("\t".join(f'"{v}"' for v in row) + "\n" for row in rows)
        elif form == "florida":
            f.writelines("\t".join(row) + "\r\n" for row in rows)
        else:
            writer = csv.writer(f)
            writer.writerow(GENERIC_HEADER if form == "generic" else GENERIC_SPLIT_HEADER)
            writer.writerows(rows)


if __name__ == "__main__":
    write_pairs(Path(sys.argv[1]) if len(sys.argv) > 1 else PAIRS_CSV)
