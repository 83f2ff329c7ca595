"""Small voter-file fixtures for the turf, walk-order and walk-list tests, built directly with the ORM."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from canvass_app.store.models import County, Household, Precinct, Voter

_ids = itertools.count(1)


@dataclass
class P:
    """One person at a fixture address."""

    first: str
    last: str
    active: bool = True
    dnc: bool = False
    deceased: bool = False
    status: str = "ACTIVE"
    birth_year: int | None = 1980
    sex: str = "F"
    party: str = "DEM"
    language: str | None = "en"


@dataclass
class H:
    """One fixture household: number, street, optional unit, people."""

    number: int
    street: str
    people: list[P] = field(default_factory=list)
    unit: str | None = None
    suffix: str = ""
    precinct: str = "01"
    lat: float | None = None
    lon: float | None = None


def make_county(session: Session, households: list[H], *, name: str = "Wake", state: str = "NC") -> County:
    """Write a county with its precincts, households and voters; returns the county."""
    county = County(name=name, state=state)
    session.add(county)
    session.flush()
    precincts: dict[str, Precinct] = {}
    for h in households:
        if h.precinct not in precincts:
            precincts[h.precinct] = Precinct(county_id=county.id, code=h.precinct, name=f"Precinct {h.precinct}")
            session.add(precincts[h.precinct])
    session.flush()
    for h in households:
        street_name, _, street_type = h.street.upper().rpartition(" ")
        number = f"{h.number}{h.suffix}"
        unit_sort = None
        if h.unit:
            digits = "".join(c for c in h.unit if c.isdigit())
            unit_sort = digits.zfill(6) if digits else h.unit.upper()
        hh = Household(
            county_id=county.id, key=f"{number}|{h.street.upper()}|{h.unit or ''}", house_number=number,
            house_number_int=h.number, street_name=street_name, street_type=street_type,
            unit=h.unit, unit_sort=unit_sort, street_key=h.street.upper(), side="O" if h.number % 2 else "E",
            precinct_id=precincts[h.precinct].id, lat=h.lat, lon=h.lon,
        )
        session.add(hh)
        session.flush()
        for p in h.people:
            session.add(Voter(
                county_id=county.id, state_voter_id=f"V{next(_ids):07d}", first_name=p.first, last_name=p.last,
                birth_year=p.birth_year, sex=p.sex, party=p.party, language=p.language,
                precinct_id=precincts[h.precinct].id, household_id=hh.id, active=p.active,
                do_not_contact=p.dnc, deceased=p.deceased, registration_status=p.status,
            ))
    session.flush()
    return county


def street(name: str, numbers: range | list[int], *, precinct: str = "01", last: str = "Doe") -> list[H]:
    """A street with one voter per house number."""
    return [H(n, name, [P(f"Pat{n}", last)], precinct=precinct) for n in numbers]
