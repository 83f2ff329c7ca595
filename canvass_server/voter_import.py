"""`import-voters`: the app's voter-file reader feeding bulk upserts of households and voters for one county."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, select, text, update
from sqlalchemy.orm import Session

from canvass_formats.voterfile import Rejection, VoterRecord, iter_voter_rows
from canvass_formats.voterfile.address import canonical_key
from canvass_server import rollups, versions
from canvass_server.devices import ensure_county
from canvass_server.models import Household, Voter

VOTER_COLUMNS = ("registration_number", "first_name", "middle_name", "last_name", "suffix", "birth_year", "sex",
                 "party", "phone", "email", "language", "res_address", "res_city", "res_state", "res_zip",
                 "registration_status")


@dataclass
class ImportResult:
    county: str
    state: str
    layout: str
    inserted: int = 0
    updated: int = 0
    deactivated: int = 0
    households: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)


def _household(rec: VoterRecord) -> dict[str, Any]:
    a = rec.address
    return {"key": a.household_key(rec.res_zip), "house_number": a.house_number,
            "house_number_int": a.house_number_int, "pre_dir": a.pre_dir, "street_name": a.street_name,
            "street_type": a.street_type, "post_dir": a.post_dir, "unit": a.unit, "unit_sort": a.unit_sort,
            "city": rec.res_city, "zip": rec.res_zip, "street_key": a.street_key, "side": a.side,
            "precinct_code": rec.precinct}


def _homes(session: Session, county_id: int) -> dict[str, int]:
    """The county's households by key, keys stored by an older rule made again (canonical_key): a file that
    spells a door another way still finds its household."""
    rows = session.execute(select(Household.key, Household.id).where(Household.county_id == county_id)
                           .order_by(Household.id.desc())).all()
    return {canonical_key(key): hid for key, hid in rows}  # two old keys of one door: the older household wins


def import_voters(session: Session, path: Path, *, county: str, state: str, layout: str = "auto",
                  mapping: dict[str, str] | None = None) -> ImportResult:
    """One transaction: upsert every valid row's voter and household; voters absent from the file become
    inactive. Raises canvass_formats.voterfile.VoterFileError for a file that cannot be read at all."""
    reader = iter_voter_rows(path, layout=layout, mapping=mapping)
    records: list[VoterRecord] = []
    result = ImportResult(county, state.upper(), reader.layout)
    for item in reader:
        if isinstance(item, Rejection):
            result.rejected.append((item.row, item.reason))
        else:
            records.append(item)
    row = ensure_county(session, county, state)
    v_households = versions.bump(session, f"households:{row.id}")
    v_voters = versions.bump(session, f"voters:{row.id}")

    homes = _homes(session, row.id)
    new_homes: dict[str, dict[str, Any]] = {}
    for rec in records:
        h = _household(rec)
        if h["key"] not in homes and h["key"] not in new_homes:
            new_homes[h["key"]] = h | {"county_id": row.id, "version": v_households}
    if new_homes:
        session.execute(insert(cast(Table, Household.__table__)), list(new_homes.values()))
        homes = _homes(session, row.id)
    result.households = len(new_homes)

    known = dict(session.execute(select(Voter.state_voter_id, Voter.id).where(Voter.county_id == row.id)).all())
    inserts, updates = [], []
    for rec in records:
        values = {c: getattr(rec, c) for c in VOTER_COLUMNS}
        values.update(household_id=homes[rec.address.household_key(rec.res_zip)], precinct_code=rec.precinct,
                      active=True, version=v_voters)
        if rec.state_voter_id in known:
            updates.append(values | {"_id": known[rec.state_voter_id]})
        else:
            inserts.append(values | {"county_id": row.id, "state_voter_id": rec.state_voter_id})
    if inserts:
        session.execute(insert(cast(Table, Voter.__table__)), inserts)
    if updates:
        names = (*VOTER_COLUMNS, "household_id", "precinct_code", "active", "version")
        stmt = update(Voter).where(Voter.id == bindparam("_id")).values({c: bindparam("b_" + c) for c in names})
        rows = [{"_id": u["_id"], **{"b_" + c: u[c] for c in names}} for u in updates]
        session.connection().execute(stmt, rows)
    present = {rec.state_voter_id for rec in records}
    gone = [vid for sid, vid in known.items() if sid not in present]
    if gone:
        for i in range(0, len(gone), 900):
            result.deactivated += session.execute(
                update(Voter).where(Voter.id.in_(gone[i : i + 900]), Voter.active.is_(True))
                .values(active=False, version=v_voters)
            ).rowcount  # type: ignore[attr-defined]
    result.inserted, result.updated = len(inserts), len(updates)
    if updates:  # a voter may have moved to another household: their turfs' doors
        rollups.refresh_turfs(session, county_id=row.id)
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("ANALYZE voter, household"))  # fresh statistics, so ingest lookups use the indexes
    return result
