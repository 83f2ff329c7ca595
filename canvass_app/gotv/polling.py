"""Polling places, offline: import a VIP 5 feed or a simple CSV into the store, and look up a voter's places.

An import is the whole truth for its county: it replaces the county's polling places in one transaction, and
changes nothing when the feed says what the store already holds (re-running it is safe). A feed whose every row is
bad, or that cannot be read, changes nothing. Feed precincts are matched to the county's precinct codes by the
feed's number, else its name (as a code, then as the precinct's name).
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from canvass_app.store.models import County, Household, PollingPlace, Precinct, Voter, full_name
from canvass_formats.polling_places import ALL_PRECINCTS, PollingFeed, PollingFileError, read_polling_places

MAX_REPORTED = 1000


@dataclass
class PollingImportResult:
    file: str
    layout: str
    county: str
    state: str
    rows: int = 0
    sites: int = 0  # places read, each serving one or more precincts
    places: int = 0  # (precinct, place) pairs stored
    precincts: int = 0
    matched: int = 0  # feed precincts that are the county's (by code or name)
    unmatched: list[str] = field(default_factory=list)  # feed precincts the voter file does not have
    without_location: list[str] = field(default_factory=list)
    rejected: int = 0
    changed: bool = False
    problems: list[dict[str, Any]] = field(default_factory=list)  # {"file", "row", "reason"}
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self) -> str:
        return (f"{self.rows:,} rows ({self.layout}): {self.sites:,} places for {self.precincts:,} precincts "
                f"({self.matched:,} matched to the voter file, {len(self.unmatched):,} not); "
                f"{len(self.without_location):,} precincts without a polling location; {self.rejected:,} rows "
                f"rejected; " + ("polling places replaced" if self.changed else "nothing changed"))


@dataclass(frozen=True)
class Place:
    kind: str  # election_day, early_vote, drop_box
    name: str
    address: str
    hours: str | None
    directions: str | None


@dataclass
class VoterPlaces:
    """Where one voter votes: by their precinct, plus the county-wide sites."""

    state_voter_id: str
    name: str
    county: str
    state: str
    precinct: str | None
    election_day: list[Place] = field(default_factory=list)
    early_vote: list[Place] = field(default_factory=list)
    drop_box: list[Place] = field(default_factory=list)

    @property
    def known(self) -> bool:
        return bool(self.election_day or self.early_vote or self.drop_box)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self) -> str:
        def line(p: Place) -> str:
            return f"{p.name}, {p.address}" + (f" ({p.hours})" if p.hours else " (hours not given)")

        head = f"{self.name} ({self.state_voter_id}), precinct {self.precinct or 'unknown'}"
        if not self.known:
            return head + ": no polling place known (import the county's polling places first)"
        parts = [f"  vote at: {line(p)}" for p in self.election_day]
        parts += [f"  early voting: {line(p)}" for p in self.early_vote]
        parts += [f"  drop box: {line(p)}" for p in self.drop_box]
        return "\n".join([head, *parts])


def _precinct_codes(session: Session, county_id: int) -> tuple[dict[str, str], dict[str, str]]:
    """({CODE: code}, {NAME: code}) of the county's precincts."""
    codes: dict[str, str] = {}
    names: dict[str, str] = {}
    for code, name in session.execute(select(Precinct.code, Precinct.name).where(Precinct.county_id == county_id)):
        codes[code.strip().upper()] = code
        if name:
            names.setdefault(name.strip().upper(), code)
    return codes, names


def _resolve(number: str, name: str | None, codes: dict[str, str], names: dict[str, str]) -> str | None:
    for candidate in (number, name or ""):
        key = candidate.strip().upper()
        if key in codes:
            return codes[key].upper()
    key = (name or number).strip().upper()
    return names[key].upper() if key in names else None


def import_polling_places(session: Session, path: Path | str, *, county_id: int) -> PollingImportResult:
    """Replace the county's polling places with the feed's, in the caller's transaction.

    Raises PollingFileError when the feed cannot be read or holds no usable place (nothing is changed)."""
    started = time.perf_counter()
    county = session.get(County, county_id)
    if county is None:
        raise LookupError(f"no county with id {county_id}")
    feed: PollingFeed = read_polling_places(path, county=county.name)
    result = PollingImportResult(file=str(path), layout=feed.layout, county=county.name, state=county.state,
                                 rows=feed.rows, sites=len(feed.sites), precincts=len(feed.precincts),
                                 without_location=feed.without_location, rejected=len(feed.problems),
                                 problems=[asdict(p) for p in feed.problems[:MAX_REPORTED]])
    if not feed.sites:
        reasons = "; ".join(f"{p.file} row {p.row}: {p.reason}" for p in feed.problems[:3])
        raise PollingFileError(f"{path}: no usable polling place, nothing imported" + (f" ({reasons})"
                                                                                        if reasons else ""))
    codes, names = _precinct_codes(session, county_id)
    seen = {key: _resolve(*key, codes, names) for key in feed.precincts}
    seen[(ALL_PRECINCTS, None)] = ALL_PRECINCTS
    rows: list[dict[str, Any]] = []
    for order, site in enumerate(feed.sites):
        for number, name in site.precincts:
            code = seen.get((number, name)) or number.strip().upper()
            rows.append({"county_id": county_id, "precinct_code": code, "kind": site.kind, "name": site.name[:200],
                         "address": site.address[:300], "hours": (site.hours or None) and site.hours[:400],
                         "directions": site.directions, "sort_order": order})
    result.places = len(rows)
    result.matched = sum(1 for k in feed.precincts if seen[k] is not None)
    result.unmatched = sorted(k[1] or k[0] for k in feed.precincts if seen[k] is None)
    result.changed = _replace(session, county_id, rows)
    result.seconds = time.perf_counter() - started
    return result


def _key(row: Any) -> tuple[Any, ...]:
    return tuple(row[c] for c in ("precinct_code", "kind", "name", "address", "hours", "directions", "sort_order"))


def _replace(session: Session, county_id: int, rows: list[dict[str, Any]]) -> bool:
    """Write the county's places unless the store holds exactly these already; True when it wrote."""
    table = PollingPlace.__table__
    held = session.execute(select(table).where(table.c.county_id == county_id)).mappings().all()
    if Counter(_key(r) for r in held) == Counter(_key(r) for r in rows):
        return False
    session.execute(delete(PollingPlace).where(PollingPlace.county_id == county_id))
    session.execute(insert(PollingPlace), rows)
    return True


def voter_places(session: Session, voter_id: int) -> VoterPlaces:
    """Where this voter (the store's id) votes, by their precinct (or their household's); LookupError if absent."""
    voter = session.get(Voter, voter_id)
    if voter is None:
        raise LookupError(f"no voter {voter_id}")
    county = session.get(County, voter.county_id)
    assert county is not None
    precinct_id = voter.precinct_id
    if precinct_id is None and voter.household_id is not None:
        precinct_id = session.scalar(select(Household.precinct_id).where(Household.id == voter.household_id))
    code = session.scalar(select(Precinct.code).where(Precinct.id == precinct_id)) if precinct_id else None
    out = VoterPlaces(state_voter_id=voter.state_voter_id, county=county.name, state=county.state,
                      name=full_name(voter.first_name, voter.middle_name, voter.last_name, voter.suffix),
                      precinct=code)
    wanted = [ALL_PRECINCTS] + ([code.strip().upper()] if code else [])
    for p in session.scalars(select(PollingPlace).where(
            PollingPlace.county_id == voter.county_id, PollingPlace.precinct_code.in_(wanted))
            .order_by(PollingPlace.precinct_code == ALL_PRECINCTS, PollingPlace.sort_order, PollingPlace.id)):
        place = Place(kind=p.kind, name=p.name, address=p.address, hours=p.hours, directions=p.directions)
        bucket: list[Place] = getattr(out, p.kind)
        if place not in bucket:
            bucket.append(place)
    return out


def places_by_voter(session: Session, voter_ids: list[int]) -> dict[int, Place]:
    """Each voter's election-day polling place (the first), for printed lists; voters without one are absent."""
    out: dict[int, Place] = {}
    for i in range(0, len(voter_ids), 900):
        chunk = voter_ids[i:i + 900]
        code = func.upper(Precinct.code)
        for vid, p in session.execute(
                select(Voter.id, PollingPlace)
                .join(Precinct, Precinct.id == Voter.precinct_id)
                .join(PollingPlace, (PollingPlace.county_id == Voter.county_id) & (PollingPlace.precinct_code == code))
                .where(Voter.id.in_(chunk), PollingPlace.kind == "election_day")
                .order_by(PollingPlace.sort_order, PollingPlace.id)):
            out.setdefault(vid, Place(kind=p.kind, name=p.name, address=p.address, hours=p.hours,
                                      directions=p.directions))
    return out


__all__ = ["PollingFileError", "PollingImportResult", "VoterPlaces", "import_polling_places", "places_by_voter",
           "voter_places"]
