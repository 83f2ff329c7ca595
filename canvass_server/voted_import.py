"""`import-voted`: the county's voted file (NC absentee, ncvhis or generic CSV) into `voted`, in one transaction.

Rows are read by canvass_formats.voted (as the app reads them), copied into a temporary table (COPY on
PostgreSQL) and decided in SQL: each voter's winning row of the election (a counted ballot first, then the latest
request, then the last row); only statuses that change are written, and those voters' versions are bumped so
devices pull them with the voter at their next sync. A vote once recorded is never taken back; the same file
twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Column, Integer, MetaData, String, Table, text
from sqlalchemy.orm import Session

from canvass_formats.voted import BALLOT_REQUESTED, VotedFileReader, general_election_day
from canvass_formats.voterfile import Rejection
from canvass_server import bulk, versions
from canvass_server.devices import find_county

CHUNK = 20000
MAX_REPORTED = 1000
LOAD = Table("voted_load", MetaData(), Column("row", Integer), Column("sid", String), Column("election", String),
             Column("voted", Boolean), Column("voted_on", String), Column("method", String),
             Column("ballot_status", String), Column("requested_on", String), prefixes=["TEMPORARY"])


@dataclass
class VotedImportResult:
    county: str
    state: str
    layout: str
    election: str = ""
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
    problems: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class UnknownCounty(LookupError):
    """No such county on the server: its voter file has not been imported."""


def _load(session: Session, reader: VotedFileReader, result: VotedImportResult) -> None:
    conn = session.connection()
    conn.execute(text("DROP TABLE IF EXISTS voted_load"))
    LOAD.create(conn)
    chunk: list[dict[str, Any]] = []
    for item in reader:
        result.rows += 1
        if isinstance(item, Rejection):
            result.rejected += 1
            if len(result.problems) < MAX_REPORTED:
                result.problems.append({"row": item.row, "voter_id": item.voter_id, "reason": item.reason})
            continue
        chunk.append({"row": item.row, "sid": item.state_voter_id, "election": item.election, "voted": item.voted,
                      "voted_on": item.voted_on, "method": item.method, "ballot_status": item.ballot_status,
                      "requested_on": item.requested_on})
        if len(chunk) >= CHUNK:
            bulk.write_rows(session, LOAD, chunk)
            chunk = []
    bulk.write_rows(session, LOAD, chunk)


def _election(session: Session, given: dt.date | None) -> str:
    if given is not None:
        return given.isoformat()
    named = session.execute(text("SELECT max(election) FROM voted_load")).scalar()
    if named:
        return str(named)
    latest = session.execute(text("SELECT max(voted_on) FROM voted_load")).scalar()
    return general_election_day(int(str(latest)[:4]) if latest else dt.date.today().year).isoformat()


def import_voted(session: Session, path: Path, *, county: str, state: str, layout: str = "auto",
                 election: dt.date | None = None) -> VotedImportResult:
    """Apply a voted file to one county in the caller's transaction. Raises VotedFileError for a file that
    cannot be read, UnknownCounty when the county has no voters here."""
    row = find_county(session, county, state)
    if row is None:
        raise UnknownCounty(f"no county {county!r} in {state.upper()} on this server; import its voter file first")
    reader = VotedFileReader(path, layout=layout)
    result = VotedImportResult(county=row.name, state=row.state, layout=reader.layout)
    _load(session, reader, result)
    result.election = _election(session, election)
    p = {"e": result.election, "c": row.id, "req": BALLOT_REQUESTED}
    run = session.execute
    for table in ("voted_match", "voted_win", "voted_changed"):
        run(text(f"DROP TABLE IF EXISTS {table}"))
    run(text("CREATE TEMPORARY TABLE voted_match AS SELECT l.*, v.id AS voter_id FROM voted_load l "
             "LEFT JOIN voter v ON v.county_id = :c AND v.state_voter_id = l.sid "
             "WHERE coalesce(l.election, :e) = :e"), p)
    in_election = run(text("SELECT count(*) FROM voted_match")).scalar_one()
    result.other_elections = result.rows - result.rejected - in_election
    result.unmatched = run(text("SELECT count(*) FROM voted_match WHERE voter_id IS NULL")).scalar_one()
    result.matched = in_election - result.unmatched
    for n, sid in run(text(f"SELECT row, sid FROM voted_match WHERE voter_id IS NULL ORDER BY row "
                           f"LIMIT {MAX_REPORTED}")):
        result.problems.append({"row": n, "voter_id": sid, "reason": f"no voter with id {sid} in {row.name}, "
                                                                     f"{row.state}"})
    result.problems = sorted(result.problems, key=lambda x: x["row"])[:MAX_REPORTED]
    run(text("CREATE TEMPORARY TABLE voted_win AS SELECT voter_id, voted, voted_on, method, ballot_status FROM ("
             " SELECT m.*, row_number() OVER (PARTITION BY voter_id ORDER BY voted DESC,"
             " coalesce(requested_on, '') DESC, row DESC) AS rank FROM voted_match m WHERE voter_id IS NOT NULL) r"
             " WHERE rank = 1"))
    differs = "IS DISTINCT FROM" if session.get_bind().dialect.name == "postgresql" else "IS NOT"
    run(text("CREATE TEMPORARY TABLE voted_changed AS SELECT w.* FROM voted_win w "
             "LEFT JOIN voted o ON o.voter_id = w.voter_id AND o.election = :e WHERE o.voter_id IS NULL OR "
             f"(NOT o.voted AND (o.voted {differs} w.voted OR o.voted_on {differs} w.voted_on OR "
             f"o.vote_method {differs} w.method OR o.ballot_status {differs} w.ballot_status))"), p)
    result.changed = run(text("SELECT count(*) FROM voted_changed")).scalar_one()
    if result.changed:
        version = versions.bump(session, f"voters:{row.id}")
        run(text("INSERT INTO voted (voter_id, election, county_id, voted, voted_on, vote_method, ballot_status) "
                 "SELECT voter_id, :e, :c, voted, voted_on, method, ballot_status FROM voted_changed WHERE true "
                 "ON CONFLICT (voter_id, election) DO UPDATE SET voted = excluded.voted, "
                 "voted_on = excluded.voted_on, vote_method = excluded.vote_method, "
                 "ballot_status = excluded.ballot_status"), p)
        run(text("UPDATE voter SET version = :v WHERE id IN (SELECT voter_id FROM voted_changed)"), {"v": version})
    counts = run(text(
        "SELECT count(*), coalesce(sum(CASE WHEN s.voted THEN 1 ELSE 0 END), 0), "
        "coalesce(sum(CASE WHEN NOT s.voted AND s.ballot_status = :req THEN 1 ELSE 0 END), 0), "
        "coalesce(sum(CASE WHEN NOT s.voted AND s.ballot_status NOT IN (:req, 'accepted') THEN 1 ELSE 0 END), 0) "
        "FROM voted s JOIN voted_win w ON w.voter_id = s.voter_id WHERE s.election = :e"), p).one()
    result.voters, result.voted, result.requested_not_returned, result.needs_cure = (int(n) for n in counts)
    for table in ("voted_load", "voted_match", "voted_win", "voted_changed"):
        run(text(f"DROP TABLE {table}"))
    return result
