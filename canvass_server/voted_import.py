"""`import-voted`: the county's voted file (NC absentee, ncvhis or generic CSV) into `voted`, in one transaction.

Rows are read by canvass_formats.voted (as the app reads them), copied into a temporary table (COPY on
PostgreSQL) and decided in SQL: each voter's winning row of the election (a counted ballot first, then the latest
request, then the last row); only statuses that change are written, each with the import's version of the
county's `voted` scope, so devices pull them at their next sync (no voter row is touched). A vote once recorded is
never taken back; the same file twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from sqlalchemy import Boolean, Column, Integer, MetaData, String, Table, text
from sqlalchemy.orm import Session

from canvass_formats.voted import BALLOT_REQUESTED, MAX_REPORTED, VotedFileReader, VotedImportResult, VotedRows
from canvass_server import bulk, versions
from canvass_server.devices import find_county

CHUNK = 20000
LOAD = Table("voted_load", MetaData(), Column("row", Integer), Column("sid", String), Column("election", String),
             Column("voted", Boolean), Column("voted_on", String), Column("method", String),
             Column("ballot_status", String), Column("requested_on", String), prefixes=["TEMPORARY"])
COLUMNS = tuple(c.name for c in LOAD.columns)


class UnknownCounty(LookupError):
    """No such county on the server: its voter file has not been imported."""


def _load(session: Session, rows: VotedRows) -> None:
    session.execute(text("DROP TABLE IF EXISTS voted_load"))
    LOAD.create(session.connection())
    for chunk in rows.chunks(CHUNK):
        bulk.write_tuples(session, LOAD, COLUMNS, [
            (r.row, r.state_voter_id, r.election, r.voted, r.voted_on, r.method, r.ballot_status, r.requested_on)
            for r in chunk])


def import_voted(session: Session, path: Path, *, county: str, state: str, layout: str = "auto",
                 election: dt.date | None = None) -> VotedImportResult:
    """Apply a voted file to one county in the caller's transaction. Raises VotedFileError for a file that
    cannot be read, UnknownCounty when the county has no voters here."""
    started = time.perf_counter()
    row = find_county(session, county, state)
    if row is None:
        raise UnknownCounty(f"no county {county!r} in {state.upper()} on this server; import its voter file first")
    reader = VotedFileReader(path, layout=layout)
    result = VotedImportResult(file=str(path), layout=reader.layout, county=row.name, state=row.state)
    rows = VotedRows(reader, result)
    _load(session, rows)
    p = {"e": rows.choose_election(election), "c": row.id, "req": BALLOT_REQUESTED}
    run = session.execute
    for table in ("voted_win", "voted_changed"):
        run(text(f"DROP TABLE IF EXISTS {table}"))
    in_election = "coalesce(l.election, :e) = :e"
    voter = "v.county_id = :c AND v.state_voter_id = l.sid"
    unmatched = run(text(f"SELECT l.row, l.sid, count(*) OVER () FROM voted_load l WHERE {in_election} AND NOT EXISTS "
                         f"(SELECT 1 FROM voter v WHERE {voter}) ORDER BY l.row LIMIT {MAX_REPORTED}"), p).all()
    rows.finish([(n, sid) for n, sid, _ in unmatched], unmatched[0][2] if unmatched else 0)
    run(text("CREATE TEMPORARY TABLE voted_win AS SELECT voter_id, voted, voted_on, method, ballot_status FROM ("
             " SELECT v.id AS voter_id, l.voted, l.voted_on, l.method, l.ballot_status, row_number() OVER ("
             "  PARTITION BY v.id ORDER BY l.voted DESC, coalesce(l.requested_on, '') DESC, l.row DESC) AS rank "
             f" FROM voted_load l JOIN voter v ON {voter} WHERE {in_election}) r WHERE rank = 1"), p)
    differs = "IS DISTINCT FROM" if session.get_bind().dialect.name == "postgresql" else "IS NOT"
    run(text("CREATE TEMPORARY TABLE voted_changed AS SELECT w.* FROM voted_win w "
             "LEFT JOIN voted o ON o.voter_id = w.voter_id AND o.election = :e WHERE o.voter_id IS NULL OR "
             f"(NOT o.voted AND (o.voted {differs} w.voted OR o.voted_on {differs} w.voted_on OR "
             f"o.vote_method {differs} w.method OR o.ballot_status {differs} w.ballot_status))"), p)
    result.changed = run(text("SELECT count(*) FROM voted_changed")).scalar_one()
    if result.changed:  # devices pull the changed rows in the `voted` scope: no voter row is rewritten
        p["v"] = versions.bump(session, f"voted:{row.id}")
        run(text("INSERT INTO voted (voter_id, election, county_id, voted, voted_on, vote_method, ballot_status, "
                 "version) SELECT voter_id, :e, :c, voted, voted_on, method, ballot_status, :v FROM voted_changed "
                 "WHERE true ORDER BY voter_id ON CONFLICT (voter_id, election) DO UPDATE SET voted = excluded.voted, "
                 "voted_on = excluded.voted_on, vote_method = excluded.vote_method, "
                 "ballot_status = excluded.ballot_status, version = excluded.version"), p)
    counts = run(text(
        "SELECT count(*), coalesce(sum(CASE WHEN s.voted THEN 1 ELSE 0 END), 0), "
        "coalesce(sum(CASE WHEN NOT s.voted AND s.ballot_status = :req THEN 1 ELSE 0 END), 0), "
        "coalesce(sum(CASE WHEN NOT s.voted AND s.ballot_status NOT IN (:req, 'accepted') THEN 1 ELSE 0 END), 0) "
        "FROM voted s JOIN voted_win w ON w.voter_id = s.voter_id WHERE s.election = :e"), p).one()
    result.voters, result.voted, result.requested_not_returned, result.needs_cure = (int(n) for n in counts)
    for table in ("voted_load", "voted_win", "voted_changed"):
        run(text(f"DROP TABLE {table}"))
    result.seconds = time.perf_counter() - started
    return result
