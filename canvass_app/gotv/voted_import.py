"""Import who has voted (NC absentee, ncvhis or generic CSV) into the store: one transaction, re-runnable.

Each row is matched to its voter as it is inserted and kept only if it beats the row already kept for that
voter and election (a counted ballot first, then the latest request, then the later row): a temporary table
holds one row per voter and election, not the file. The winners of the election are then written where they
differ from what the store holds. A voter already marked as voted in that election stays so (a later file never
takes a vote back). The same file twice changes nothing; a failure changes nothing.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from canvass_app.store.models import County, Voted
from canvass_formats.voted import (
    BALLOT_REQUESTED,
    MAX_REPORTED,
    VotedFileReader,
    VotedImportResult,
    VotedRows,
)

CHUNK = 5000
# Which of two rows of one voter and election wins (the later in the file on a tie): `excluded` is the newcomer.
BETTER = ("(excluded.voted, excluded.requested_on, excluded.row) > "
          "(voted_win.voted, voted_win.requested_on, voted_win.row)")
KEEP = (f"ON CONFLICT (voter_id, election) DO UPDATE SET voted = excluded.voted, voted_on = excluded.voted_on, "
        f"method = excluded.method, ballot_status = excluded.ballot_status, requested_on = excluded.requested_on, "
        f"row = excluded.row WHERE {BETTER}")
# Unmatched rows (voter_id NULL) never conflict: each is kept, with its voter id, to be reported. Text is bound
# as '' rather than None (the driver binds None several times slower) and made NULL again here.
INSERT = ("INSERT INTO voted_win (voter_id, election, voted, voted_on, method, ballot_status, requested_on, row, "
          "sid) SELECT v.id, ?1, ?2, NULLIF(?3, ''), NULLIF(?4, ''), NULLIF(?5, ''), ?6, ?7, "
          "CASE WHEN v.id IS NULL THEN ?8 END "
          "FROM (SELECT 1) LEFT JOIN voter v ON v.county_id = ?9 AND v.state_voter_id = ?8 WHERE true "
          + KEEP)


def current_election(session: Session, county_id: int) -> str | None:
    """The latest election the county has voted data for ("2026-11-03"), or None."""
    return session.scalar(select(func.max(Voted.election)).where(Voted.county_id == county_id))


def _load(conn: Connection, rows: VotedRows, county_id: int) -> None:
    """Every good row into voted_win, matched and ranked as it goes in."""
    conn.exec_driver_sql("DROP TABLE IF EXISTS temp.voted_win")
    conn.exec_driver_sql(
        "CREATE TEMP TABLE voted_win (voter_id INTEGER, election TEXT NOT NULL, voted INTEGER NOT NULL, "
        "voted_on TEXT, method TEXT, ballot_status TEXT, requested_on TEXT NOT NULL, row INTEGER NOT NULL, sid TEXT, "
        "UNIQUE (voter_id, election))")
    for chunk in rows.chunks(CHUNK):
        conn.exec_driver_sql(INSERT, [
            (r.election or "", int(r.voted), r.voted_on or "", r.method or "", r.ballot_status or "",
             r.requested_on or "", r.row, r.state_voter_id, county_id) for r in chunk])


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
    result = VotedImportResult(file=str(path), layout=reader.layout, county=county.name, state=county.state)
    rows = VotedRows(reader, result)
    conn = session.connection()
    _load(conn, rows, county_id)
    params = {"e": rows.choose_election(election), "c": county_id}
    # Rows that name no election belong to the chosen one: folded into its winners.
    conn.exec_driver_sql(
        "INSERT INTO voted_win (voter_id, election, voted, voted_on, method, ballot_status, requested_on, row, sid) "
        "SELECT voter_id, :e, voted, voted_on, method, ballot_status, requested_on, row, sid FROM voted_win "
        f"WHERE election = '' {KEEP}", params)
    unmatched = "FROM voted_win WHERE voter_id IS NULL AND election = :e"
    rows.finish(list(conn.exec_driver_sql(f"SELECT row, sid {unmatched} ORDER BY row LIMIT {MAX_REPORTED}", params)),
                conn.exec_driver_sql(f"SELECT count(*) {unmatched}", params).scalar_one())
    conn.exec_driver_sql(
        "INSERT INTO voted (voter_id, election, county_id, voted, voted_on, vote_method, ballot_status) "
        "SELECT w.voter_id, :e, :c, w.voted, w.voted_on, w.method, w.ballot_status FROM voted_win w "
        "WHERE w.voter_id IS NOT NULL AND w.election = :e ORDER BY w.voter_id "
        "ON CONFLICT (voter_id, election) DO UPDATE SET voted = excluded.voted, voted_on = excluded.voted_on, "
        "vote_method = excluded.vote_method, ballot_status = excluded.ballot_status "
        "WHERE NOT voted.voted AND (voted.voted IS NOT excluded.voted OR voted.voted_on IS NOT excluded.voted_on "
        "OR voted.vote_method IS NOT excluded.vote_method OR voted.ballot_status IS NOT excluded.ballot_status)",
        params)
    result.changed = int(conn.exec_driver_sql("SELECT changes()").scalar_one())
    counts = conn.exec_driver_sql(
        "SELECT count(*), coalesce(sum(s.voted), 0), "
        "coalesce(sum(NOT s.voted AND s.ballot_status = :req), 0), "
        # needs_cure() in SQL: a status other than requested or accepted
        "coalesce(sum(NOT s.voted AND s.ballot_status IS NOT NULL AND s.ballot_status NOT IN (:req, 'accepted')), 0)"
        " FROM voted_win w JOIN voted s ON s.voter_id = w.voter_id AND s.election = w.election "
        "WHERE w.voter_id IS NOT NULL AND w.election = :e",
        params | {"req": BALLOT_REQUESTED}).one()
    result.voters, result.voted, result.requested_not_returned, result.needs_cure = (int(n) for n in counts)
    conn.exec_driver_sql("DROP TABLE temp.voted_win")
    result.seconds = time.perf_counter() - started
    return result
