"""Import who has voted (NC absentee, ncvhis or generic CSV) into the store: one transaction, re-runnable.

The rows are streamed into a temporary table and decided in SQL, so a million-row file costs little memory:
each voter's rows of the election are ranked (a counted ballot first, then the latest request, then the last row),
the winner is the voter's status, and only statuses that differ from what the store holds are written. A voter
already marked as voted in that election stays so (a later file never takes a vote back). The same file twice
changes nothing; a failure changes nothing.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from canvass_app.store.models import County, Voted
from canvass_formats.voted import VotedFileReader, VotedRow, general_election_day
from canvass_formats.voted.status import BALLOT_REQUESTED
from canvass_formats.voterfile import Rejection

CHUNK = 5000
MAX_REPORTED = 1000  # rows listed by row and reason; the counts cover them all


@dataclass
class VotedImportResult:
    """What an import did. `voted`, `requested_not_returned` and `needs_cure` count the file's voters by their
    status after the import; `changed` how many voters' statuses it changed (0 when the file was already in)."""

    file: str
    layout: str
    county: str
    state: str
    election: str
    rows: int = 0
    matched: int = 0
    voters: int = 0
    voted: int = 0
    requested_not_returned: int = 0
    needs_cure: int = 0
    unmatched: int = 0
    rejected: int = 0
    other_elections: int = 0
    changed: int = 0
    problems: list[dict[str, Any]] = field(default_factory=list)  # {"row", "voter_id", "reason"}, first 1000
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self) -> str:
        return (f"{self.rows:,} rows for the election of {self.election}: {self.matched:,} matched "
                f"({self.voters:,} voters), {self.voted:,} voted, {self.requested_not_returned:,} mail ballots not "
                f"returned, {self.needs_cure:,} to cure; {self.unmatched:,} unmatched, {self.rejected:,} rejected; "
                f"{self.changed:,} voters changed")


def current_election(session: Session, county_id: int) -> str | None:
    """The latest election the county has voted data for ("2026-11-03"), or None."""
    return session.scalar(select(func.max(Voted.election)).where(Voted.county_id == county_id))


def _problem(result: VotedImportResult, row: int, voter_id: str, reason: str) -> None:
    if len(result.problems) < MAX_REPORTED:
        result.problems.append({"row": row, "voter_id": voter_id, "reason": reason})


def _load(session: Session, reader: VotedFileReader, result: VotedImportResult) -> None:
    """Every good row into the temporary table voted_load; rejections into the result."""
    conn = session.connection()
    conn.exec_driver_sql("DROP TABLE IF EXISTS temp.voted_load")
    conn.exec_driver_sql(
        "CREATE TEMP TABLE voted_load (row INTEGER, sid TEXT, election TEXT, voted INTEGER, voted_on TEXT, "
        "method TEXT, ballot_status TEXT, requested_on TEXT)")
    insert = "INSERT INTO voted_load VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
    chunk: list[tuple[Any, ...]] = []
    for item in reader:
        result.rows += 1
        if isinstance(item, Rejection):
            result.rejected += 1
            _problem(result, item.row, item.voter_id, item.reason)
            continue
        r: VotedRow = item
        chunk.append((r.row, r.state_voter_id, r.election, r.voted, r.voted_on, r.method, r.ballot_status,
                      r.requested_on))
        if len(chunk) >= CHUNK:
            conn.exec_driver_sql(insert, chunk)
            chunk = []
    if chunk:
        conn.exec_driver_sql(insert, chunk)


def _election(session: Session, given: dt.date | None) -> str:
    """The election: as given; else the latest the file names; else election day of the year of its latest date."""
    if given is not None:
        return given.isoformat()
    conn = session.connection()
    named = conn.exec_driver_sql("SELECT max(election) FROM voted_load").scalar()
    if named:
        return str(named)
    latest = conn.exec_driver_sql("SELECT max(voted_on) FROM voted_load").scalar()
    year = int(str(latest)[:4]) if latest else dt.date.today().year
    return general_election_day(year).isoformat()


def import_voted_file(session: Session, path: Path | str, *, county_id: int, layout: str = "auto",
                      election: dt.date | None = None) -> VotedImportResult:
    """Apply a voted file to one county in the caller's transaction; returns the counts and the problem rows.

    Raises canvass_formats.voted.VotedFileError when the file cannot be read at all.
    """
    started = time.perf_counter()
    county = session.get(County, county_id)
    if county is None:
        raise LookupError(f"no county with id {county_id}")
    reader = VotedFileReader(path, layout=layout)
    result = VotedImportResult(file=str(path), layout=reader.layout, county=county.name, state=county.state,
                               election="")
    _load(session, reader, result)
    result.election = _election(session, election)
    conn = session.connection()
    params = {"e": result.election, "c": county_id}
    conn.exec_driver_sql("DROP TABLE IF EXISTS temp.voted_match")
    conn.exec_driver_sql(
        "CREATE TEMP TABLE voted_match AS SELECT l.*, v.id AS voter_id FROM voted_load l "
        "LEFT JOIN voter v ON v.county_id = :c AND v.state_voter_id = l.sid "
        "WHERE coalesce(l.election, :e) = :e", params)
    result.other_elections = result.rows - result.rejected - conn.exec_driver_sql(
        "SELECT count(*) FROM voted_match").scalar_one()
    result.unmatched = conn.exec_driver_sql("SELECT count(*) FROM voted_match WHERE voter_id IS NULL").scalar_one()
    result.matched = result.rows - result.rejected - result.other_elections - result.unmatched
    for row, sid in conn.exec_driver_sql(
            f"SELECT row, sid FROM voted_match WHERE voter_id IS NULL ORDER BY row LIMIT {MAX_REPORTED}"):
        _problem(result, row, sid, f"no voter with id {sid} in {county.name}, {county.state}")
    result.problems.sort(key=lambda p: p["row"])
    result.changed = _apply(session, params)
    counts = conn.exec_driver_sql(
        "SELECT count(*), coalesce(sum(s.voted), 0), "
        "coalesce(sum(NOT s.voted AND s.ballot_status = :req), 0), "
        # needs_cure() in SQL: a status other than requested or accepted
        "coalesce(sum(NOT s.voted AND s.ballot_status IS NOT NULL AND s.ballot_status NOT IN (:req, 'accepted')), 0)"
        " FROM voted s JOIN voted_win w ON w.voter_id = s.voter_id WHERE s.election = :e",
        params | {"req": BALLOT_REQUESTED}).one()
    result.voters, result.voted, result.requested_not_returned, result.needs_cure = (int(n) for n in counts)
    for table in ("voted_load", "voted_match", "voted_win"):
        conn.exec_driver_sql(f"DROP TABLE temp.{table}")
    result.seconds = time.perf_counter() - started
    return result


def _apply(session: Session, params: dict[str, Any]) -> int:
    """Each matched voter's winning row into voted_win, then into `voted` where it differs (never un-voting);
    returns how many voters' statuses changed."""
    conn = session.connection()
    conn.exec_driver_sql("DROP TABLE IF EXISTS temp.voted_win")
    conn.exec_driver_sql(
        "CREATE TEMP TABLE voted_win AS SELECT voter_id, voted, voted_on, method, ballot_status FROM ("
        " SELECT m.*, row_number() OVER (PARTITION BY voter_id ORDER BY voted DESC, coalesce(requested_on, '') DESC,"
        " row DESC) AS rank FROM voted_match m WHERE voter_id IS NOT NULL) WHERE rank = 1")
    conn.exec_driver_sql(
        "INSERT INTO voted (voter_id, election, county_id, voted, voted_on, vote_method, ballot_status) "
        "SELECT w.voter_id, :e, :c, w.voted, w.voted_on, w.method, w.ballot_status FROM voted_win w WHERE true "
        "ON CONFLICT (voter_id, election) DO UPDATE SET voted = excluded.voted, voted_on = excluded.voted_on, "
        "vote_method = excluded.vote_method, ballot_status = excluded.ballot_status "
        "WHERE NOT voted.voted AND (voted.voted IS NOT excluded.voted OR voted.voted_on IS NOT excluded.voted_on "
        "OR voted.vote_method IS NOT excluded.vote_method OR voted.ballot_status IS NOT excluded.ballot_status)",
        params)
    return int(conn.exec_driver_sql("SELECT changes()").scalar_one())
