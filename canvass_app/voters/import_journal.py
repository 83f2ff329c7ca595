"""What the last voter-file import changed, kept so that it can be undone in one transaction; and turf doors.

An import records, in its own transaction: the ids it gave to new voters, households and precincts, each
updated voter's previous values, and the voters it marked inactive. Undo puts those back (and removes what
was added) unless later work depends on the added voters: contacts logged for them, or turfs cut over them.
Only the last import is kept; a rolled-back import leaves the previous record as it was.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, select, text, update
from sqlalchemy.orm import Session

from canvass_app.store.models import Setting, Voter, utcnow

VOTER = cast(Table, Voter.__table__)
KEY = "import_undo:last"
# Per-voter previous values go to the table import_undo_voter (voter_id, kind, active, old), made by migration 0013.
# A door counts on a turf while a voter there is walked: what turfs.walk_order.eligible_voter() says, written
# out here because voters sits below turfs.
_ELIGIBLE = ("v.active = 1 AND v.deceased = 0 AND v.do_not_contact = 0 AND "
             "lower(coalesce(v.registration_status, 'active')) NOT IN ('inactive', 'removed', 'denied')")


class UndoError(Exception):
    """The last import cannot be undone; the message says why. Nothing was changed."""


@dataclass(frozen=True)
class LastImport:
    """The import that Undo would reverse."""

    file: str
    county: str
    state: str
    at: dt.datetime
    added: int
    updated: int
    inactivated: int

    def describe(self) -> str:
        when = self.at.astimezone().strftime("%Y-%m-%d %H:%M")
        return (f"the import of {self.file} into {self.county}, {self.state} ({when}): remove {self.added:,} added, "
                f"restore {self.updated:,} updated, reactivate {self.inactivated:,} marked inactive")


@dataclass(frozen=True)
class UndoResult:
    county: str
    state: str
    removed: int
    restored: int
    reactivated: int

    def summary(self) -> str:
        return (f"undid the last import into {self.county}, {self.state}: removed {self.removed}, "
                f"restored {self.restored}, reactivated {self.reactivated}")


# -- doors on turfs -------------------------------------------------------------------------------------------
def county_has_turfs(conn: Connection, county_id: int) -> bool:
    return conn.scalar(text("SELECT 1 FROM turf WHERE county_id = :c LIMIT 1"), {"c": county_id}) is not None


def turf_doors(conn: Connection, county_id: int) -> dict[int, int]:
    """Doors (households with someone to knock) of each of the county's turfs.

    Voters drive the join and households are found by their key: an import may have dropped the secondary
    indexes by the time this runs.
    """
    rows = conn.execute(text(
        "SELECT h.turf_id, count(DISTINCT h.id) FROM voter AS v CROSS JOIN household AS h ON h.id = v.household_id "
        f"WHERE v.county_id = :c AND h.turf_id IS NOT NULL AND {_ELIGIBLE} GROUP BY h.turf_id"), {"c": county_id})
    return {int(t): int(n) for t, n in rows}


def active_voters(conn: Connection, county_id: int) -> int:
    return int(conn.scalar(text("SELECT count(*) FROM voter WHERE county_id = :c AND active = 1"),
                           {"c": county_id}) or 0)


# -- recording ------------------------------------------------------------------------------------------------
def start(conn: Connection) -> None:
    """Forget the previous import's record (in this import's transaction)."""
    conn.exec_driver_sql("DELETE FROM import_undo_voter")


def record_updates(conn: Connection, rows: Iterable[tuple[Any, ...]]) -> None:
    """rows: (voter id, its active flag before, its previous values of the updated columns, in order)."""
    conn.exec_driver_sql("INSERT OR IGNORE INTO import_undo_voter (voter_id, kind, active, old) VALUES (?, 'u', ?, ?)",
                         [(r[0], int(bool(r[1])), json.dumps(r[2:])) for r in rows])


def record_inactivated(conn: Connection, where_sql: str, params: dict[str, Any]) -> None:
    """Note the voters a `WHERE {where_sql}` over voter is about to mark inactive."""
    conn.execute(text("INSERT OR IGNORE INTO import_undo_voter (voter_id, kind) "
                      f"SELECT id, 'i' FROM voter WHERE {where_sql}"), params)


def save(session: Session, record: dict[str, Any]) -> None:
    session.merge(Setting(key=KEY, value=record))
    session.flush()


def last_import(session: Session) -> LastImport | None:
    """The import Undo would reverse, or None when there is none."""
    record = session.scalar(select(Setting.value).where(Setting.key == KEY))
    if not isinstance(record, dict):
        return None
    return LastImport(file=str(record["file"]), county=str(record["county"]), state=str(record["state"]),
                      at=dt.datetime.fromisoformat(record["at"]), added=int(record["added"]),
                      updated=int(record["updated"]), inactivated=int(record["inactivated"]))


# -- undoing --------------------------------------------------------------------------------------------------
def undo_last_import(session: Session) -> UndoResult:
    """Reverse the last import in the caller's transaction: its updates restored, the voters it marked inactive
    active again, the voters, households and precincts it added removed (and the county, if it made it).

    Raises UndoError, changing nothing, when there is no import to undo or later work depends on it.
    """
    record = session.scalar(select(Setting.value).where(Setting.key == KEY))
    if not isinstance(record, dict):
        raise UndoError("There is no import to undo.")
    conn = session.connection()
    county_id = int(record["county_id"])
    first_voter, last_voter = int(record["voters"][0]), int(record["voters"][1])
    added = {"c": county_id, "lo": first_voter, "hi": last_voter}
    in_added = "voter_id IN (SELECT id FROM voter WHERE county_id = :c AND id BETWEEN :lo AND :hi)"
    contacts = conn.scalar(text(f"SELECT count(*) FROM contact_attempt WHERE {in_added}"), added) or 0
    if contacts:
        raise UndoError(f"Cannot undo the last import: {contacts} contacts were logged since for voters it added. "
                        "Nothing was changed.")
    lines = conn.scalar(text(f"SELECT count(DISTINCT turf_id) FROM turf_line WHERE {in_added}"), added) or 0
    if lines:
        raise UndoError(f"Cannot undo the last import: {lines} turfs were cut since over voters it added; delete "
                        "those turfs first. Nothing was changed.")
    now = utcnow()
    columns: list[str] = list(record["columns"])
    restored = 0
    if columns:
        rows = []
        for voter_id, active, old in conn.exec_driver_sql(
                "SELECT voter_id, active, old FROM import_undo_voter WHERE kind = 'u'"):
            values = {f"v_{c}": v for c, v in zip(columns, json.loads(old), strict=True)}
            rows.append({**values, "b_id": voter_id, "b_active": bool(active)})
        if rows:
            conn.execute(update(VOTER).where(VOTER.c.id == bindparam("b_id")).values(
                {**{c: bindparam(f"v_{c}") for c in columns}, "active": bindparam("b_active"), "updated_at": now}),
                rows)
        restored = len(rows)
    undone = select(text("voter_id")).select_from(text("import_undo_voter")).where(text("kind = 'i'"))
    reactivated = conn.execute(update(VOTER).where(VOTER.c.id.in_(undone)).values(
        active=True, updated_at=now)).rowcount or 0
    removed = conn.execute(text("DELETE FROM voter WHERE county_id = :c AND id BETWEEN :lo AND :hi"),
                           added).rowcount or 0
    first_hh, last_hh = int(record["households"][0]), int(record["households"][1])
    conn.execute(text(
        "DELETE FROM household WHERE county_id = :c AND id BETWEEN :lo AND :hi "
        "AND NOT EXISTS (SELECT 1 FROM voter WHERE voter.household_id = household.id) "
        "AND NOT EXISTS (SELECT 1 FROM contact_attempt WHERE contact_attempt.household_id = household.id)"),
        {"c": county_id, "lo": first_hh, "hi": last_hh})
    for precinct_id in record["precincts"]:
        conn.execute(text(
            "DELETE FROM precinct WHERE id = :p "
            "AND NOT EXISTS (SELECT 1 FROM voter WHERE voter.precinct_id = :p) "
            "AND NOT EXISTS (SELECT 1 FROM household WHERE household.precinct_id = :p) "
            "AND NOT EXISTS (SELECT 1 FROM turf WHERE turf.precinct_id = :p)"), {"p": precinct_id})
    if record["county_created"]:
        conn.execute(text(
            "DELETE FROM county WHERE id = :c "
            "AND NOT EXISTS (SELECT 1 FROM voter WHERE county_id = :c) "
            "AND NOT EXISTS (SELECT 1 FROM household WHERE county_id = :c) "
            "AND NOT EXISTS (SELECT 1 FROM precinct WHERE county_id = :c) "
            "AND NOT EXISTS (SELECT 1 FROM turf WHERE county_id = :c)"), {"c": county_id})
    conn.exec_driver_sql("DELETE FROM import_undo_voter")
    setting = session.get(Setting, KEY)
    if setting is not None:
        session.delete(setting)
    session.flush()
    return UndoResult(county=str(record["county"]), state=str(record["state"]), removed=int(removed),
                      restored=restored, reactivated=int(reactivated))
