"""Walk order for a turf: streets in a walkable sequence, odd side up and even side down, stable line numbers.

Streets are taken by precinct and name, or by nearest neighbour when every door has coordinates. Within a
street the odd side is walked ascending and the even side descending (the turf option `both_sides_ascending`
walks each side ascending instead); units ascend within a building; voters are grouped by household.

Line numbers are stored in `turf_line` the first time a voter is seen on a turf, in walk order, and never
change afterwards: they are what the printed sheet shows and what paper data entry types back in.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, and_, func, insert, select
from sqlalchemy.orm import Session

from canvass_app.store.models import Household, Precinct, Turf, TurfLine, Voter, full_name

TURF_LINE = cast(Table, TurfLine.__table__)

# Registration statuses (as the state writes them) that are not walked, besides the `active` flag.
INACTIVE_STATUSES = ("inactive", "removed", "denied")


def eligible_voter() -> ColumnElement[bool]:
    """SQL condition for a voter who is knocked: active, not deceased, not Do Not Contact."""
    return and_(
        Voter.active.is_(True),
        Voter.deceased.is_(False),
        Voter.do_not_contact.is_(False),
        func.lower(func.coalesce(Voter.registration_status, "active")).not_in(INACTIVE_STATUSES),
    )


@dataclass(frozen=True)
class Door:
    """One household as the walk order sees it."""

    household_id: int
    street_key: str
    street_label: str
    house_number: str
    house_number_int: int | None
    side: str
    unit: str
    unit_sort: str
    precinct: str = ""
    street_name: str = ""
    lat: float | None = None
    lon: float | None = None

    @property
    def house(self) -> str:
        """House number and unit as printed under the street heading: "12B Apt 4"."""
        return " ".join(p for p in (self.house_number, self.unit) if p)


@dataclass(frozen=True)
class WalkLine:
    """One voter row of a walk list, in walk order, with its stable line number."""

    line: int
    voter_id: int
    state_voter_id: str
    household_id: int
    street_key: str
    street_label: str
    house: str
    name: str
    age: int | None
    sex: str
    party: str
    language: str


@dataclass(frozen=True)
class LineRef:
    """What a printed line number points at (for paper data entry)."""

    turf_id: int
    list_number: str
    line: int
    voter_id: int
    state_voter_id: str
    household_id: int | None
    name: str


def _unit_key(d: Door) -> tuple[str, str, int]:
    return (d.unit_sort or "", d.unit or "", d.household_id)


def _house_key(d: Door) -> tuple[int, str]:
    return (d.house_number_int if d.house_number_int is not None else 0, d.house_number)


def order_street(doors: Iterable[Door], *, both_sides_ascending: bool = False) -> list[Door]:
    """The doors of one street in walk order: odd ascending, then even descending (or ascending)."""
    by_unit = sorted(doors, key=_unit_key)
    numbered = [d for d in by_unit if d.house_number_int is not None]
    unnumbered = [d for d in by_unit if d.house_number_int is None]
    odd = sorted((d for d in numbered if d.side == "O"), key=_house_key)
    even = sorted((d for d in numbered if d.side != "O"), key=_house_key, reverse=not both_sides_ascending)
    # A reverse sort keeps equal keys in their earlier order, so units still ascend within a building.
    return odd + even + unnumbered


def _distance(a: Door, b: Door) -> float:
    """Equirectangular distance in degrees of latitude: plenty for choosing the next street."""
    alat, alon, blat, blon = a.lat or 0.0, a.lon or 0.0, b.lat or 0.0, b.lon or 0.0
    return math.hypot((blon - alon) * math.cos(math.radians((alat + blat) / 2)), blat - alat)


def order_streets(streets: dict[str, list[Door]]) -> list[str]:
    """Street keys in walking sequence; each street's doors must already be in walk order.

    By precinct then street name; when every door has coordinates, nearest neighbour from the first street by
    name: after a street, go to the street whose first door is closest to the door where this one ended.
    """
    def name_key(key: str) -> tuple[str, str, str]:
        first = streets[key][0]
        return (first.precinct, first.street_name.casefold(), key)

    by_name = sorted(streets, key=name_key)
    located = all(d.lat is not None and d.lon is not None for ds in streets.values() for d in ds)
    if not located or len(by_name) < 3:
        return by_name
    order = [by_name[0]]
    left = set(by_name[1:])
    while left:
        here = streets[order[-1]][-1]
        nxt = min(left, key=lambda k: (_distance(here, streets[k][0]), name_key(k)))
        order.append(nxt)
        left.remove(nxt)
    return order


def order_doors(doors: Iterable[Door], *, both_sides_ascending: bool = False) -> list[Door]:
    """All the doors of a turf in walk order, street by street."""
    streets: dict[str, list[Door]] = {}
    for d in doors:
        streets.setdefault(d.street_key, []).append(d)
    for key, ds in streets.items():
        streets[key] = order_street(ds, both_sides_ascending=both_sides_ascending)
    return [d for key in order_streets(streets) for d in streets[key]]


def street_label(h: Any) -> str:
    """h: a Household, or a row of its columns."""
    parts = (h.pre_dir, h.street_name, h.street_type, h.post_dir)
    return " ".join(p for p in parts if p) or h.street_key


def door_of(h: Any, precinct: str = "") -> Door:
    """h: a Household, or a row of _DOOR_COLUMNS."""
    return Door(
        household_id=h.id, street_key=h.street_key or street_label(h), street_label=street_label(h),
        house_number=h.house_number or "", house_number_int=h.house_number_int, side=h.side or "E",
        unit=h.unit or "", unit_sort=h.unit_sort or "", precinct=precinct, street_name=h.street_name or "",
        lat=h.lat, lon=h.lon,
    )


# What a Door is made of: selected as columns, not loaded as ORM objects (a 1M-voter county cuts 500k of them).
_DOOR_COLUMNS = (
    Household.id, Household.street_key, Household.pre_dir, Household.street_name, Household.street_type,
    Household.post_dir, Household.house_number, Household.house_number_int, Household.side, Household.unit,
    Household.unit_sort, Household.lat, Household.lon, func.coalesce(Precinct.code, "").label("precinct"),
)


def select_doors(session: Session, *where: ColumnElement[bool]) -> list[Door]:
    """The Doors of the households matching where, in no particular order."""
    rows = session.execute(
        select(*_DOOR_COLUMNS).outerjoin(Precinct, Precinct.id == Household.precinct_id).where(*where)).all()
    return [door_of(r, r.precinct) for r in rows]


def _turf(session: Session, turf_id: int) -> Turf:
    turf = session.get(Turf, turf_id)
    if turf is None:
        raise LookupError(f"no turf with id {turf_id}")
    return turf


def turf_doors(session: Session, turf_id: int) -> list[Door]:
    """The turf's households that have at least one voter to knock, in walk order."""
    turf = _turf(session, turf_id)
    has_voter = select(Voter.id).where(Voter.household_id == Household.id, eligible_voter()).exists()
    doors = select_doors(session, Household.turf_id == turf_id, has_voter)
    return order_doors(doors, both_sides_ascending=turf.both_sides_ascending)


def _voter_key(v: Any) -> tuple[str, str, str, int]:
    return (v.last_name.casefold(), v.first_name.casefold(), v.middle_name or "", v.id)


# The voter columns a walk list shows (rows, not ORM objects: a turf can hold thousands of voters).
WALK_VOTER_COLUMNS = (
    Voter.id, Voter.household_id, Voter.state_voter_id, Voter.first_name, Voter.middle_name, Voter.last_name,
    Voter.suffix, Voter.birth_year, Voter.sex, Voter.party, Voter.language,
)


def walk_of(doors: Iterable[Door], voters: Sequence[Any], *, both_sides_ascending: bool = False
            ) -> list[tuple[Door, Any]]:
    """The walk of a turf: its doors that have one of the voters, in walk order, each voter after its door.

    voters: the turf's knockable voters, rows of WALK_VOTER_COLUMNS.
    """
    knocked = {v.household_id for v in voters}
    ordered = order_doors((d for d in doors if d.household_id in knocked), both_sides_ascending=both_sides_ascending)
    position = {d.household_id: i for i, d in enumerate(ordered)}
    return [(ordered[position[v.household_id]], v)
            for v in sorted(voters, key=lambda v: (position[v.household_id], _voter_key(v)))]


def _walk_voters(session: Session, turf_id: int) -> list[tuple[Door, Any]]:
    """The turf's knockable voters in walk order, each with its door (the doors as turf_doors finds them)."""
    turf = _turf(session, turf_id)
    voters = session.execute(
        select(*WALK_VOTER_COLUMNS).join(Household, Household.id == Voter.household_id)
        .where(Household.turf_id == turf_id, eligible_voter())
    ).all()
    return walk_of(select_doors(session, Household.turf_id == turf_id), voters,
                   both_sides_ascending=turf.both_sides_ascending)


def number_new_turfs(session: Session, county_id: int, doors_by_turf: dict[int, list[Door]]
                     ) -> dict[int, tuple[int, int]]:
    """Line numbers for turfs just cut (none numbered yet; ids above every older turf's), in one read of voters.

    What assign_lines does turf by turf, for a whole cut at once: reading each turf's voters on its own means
    one scattered read per turf, minutes for a million-voter county. Returns each turf's doors and people.
    """
    if not doors_by_turf:
        return {}
    rows = session.execute(
        select(Household.turf_id, *WALK_VOTER_COLUMNS).join(Household, Household.id == Voter.household_id)
        .where(Voter.county_id == county_id, Household.turf_id >= min(doors_by_turf), eligible_voter())
    ).all()
    voters: dict[int, list[Any]] = {}
    for r in rows:
        voters.setdefault(r.turf_id, []).append(r)
    lines: list[dict[str, int]] = []
    counts: dict[int, tuple[int, int]] = {}
    for turf_id, doors in doors_by_turf.items():
        walk = walk_of(doors, voters.get(turf_id, []))
        counts[turf_id] = (len({d.household_id for d, _v in walk}), len(walk))
        lines.extend({"turf_id": turf_id, "line": n, "voter_id": v.id} for n, (_d, v) in enumerate(walk, start=1))
    if lines:
        lines.sort(key=lambda r: r["voter_id"])  # each voter page visited once by the foreign-key checks
        session.execute(insert(TURF_LINE), lines)
    return counts


def assign_lines(session: Session, turf_id: int, walk: Sequence[tuple[Door, Any]] | None = None) -> int:
    """Give every knockable voter of the turf a line number if it has none yet; returns how many were added.

    Numbers already given never change; newcomers (say, after a re-import) are numbered after the last one.
    """
    walk = _walk_voters(session, turf_id) if walk is None else walk
    have = set(session.scalars(select(TurfLine.voter_id).where(TurfLine.turf_id == turf_id)))
    last = session.scalar(select(func.max(TurfLine.line)).where(TurfLine.turf_id == turf_id)) or 0
    rows = []
    for _door, v in walk:
        if v.id not in have:
            last += 1
            rows.append({"turf_id": turf_id, "line": last, "voter_id": v.id})
    if rows:
        session.execute(insert(TURF_LINE), rows)  # Core executemany: no ORM bulk bookkeeping
    return len(rows)


def walk_lines(session: Session, turf_id: int, *, today: dt.date | None = None) -> list[WalkLine]:
    """The rows of the turf's walk list in walk order, each with its stable line number."""
    walk = _walk_voters(session, turf_id)
    assign_lines(session, turf_id, walk)
    lines = dict(session.execute(
        select(TurfLine.voter_id, TurfLine.line).where(TurfLine.turf_id == turf_id)).all())
    year = (today or dt.date.today()).year
    return [
        WalkLine(
            line=lines[v.id], voter_id=v.id, state_voter_id=v.state_voter_id, household_id=d.household_id,
            street_key=d.street_key, street_label=d.street_label, house=d.house,
            name=full_name(v.first_name, v.middle_name, v.last_name, v.suffix),
            age=(year - v.birth_year) if v.birth_year else None, sex=v.sex or "", party=v.party or "",
            language=v.language or "",
        )
        for d, v in walk
    ]


def voter_for_line(session: Session, list_number: str, line: int) -> LineRef | None:
    """The voter printed on line `line` of walk list `list_number`, or None when there is no such line."""
    row = session.execute(
        select(Turf.id, Turf.list_number, TurfLine.line, Voter)
        .join(TurfLine, TurfLine.turf_id == Turf.id)
        .join(Voter, Voter.id == TurfLine.voter_id)
        .where(Turf.list_number == list_number.strip().upper(), TurfLine.line == line)
    ).first()
    if row is None:
        return None
    turf_id, number, ln, v = row
    return LineRef(turf_id=turf_id, list_number=number, line=ln, voter_id=v.id,
                   state_voter_id=v.state_voter_id, household_id=v.household_id, name=v.full_name)
