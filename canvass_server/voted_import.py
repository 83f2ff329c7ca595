"""`import-voted`: the county's voted file (NC absentee, ncvhis or generic CSV) into `voted`, in one transaction.

On PostgreSQL the file is COPYed as it is and classified in SQL (voted_copy: the same rows, numbers and reasons as
the reader); on SQLite its rows are read by canvass_formats.voted (as the app reads them) into a temporary table.
Either way each row is matched to the county's voter of its id and the rest is decided in SQL: each voter's
winning row of the election (a counted ballot first, then the latest request, then the last row: on PostgreSQL by
hash aggregation over one packed integer a row, on SQLite by a window); only statuses that change are written,
each with the import's version of the county's `voted` scope, so devices pull them at their next sync (no voter
row is touched). A vote once recorded is never taken back; the same file twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Column, Integer, MetaData, String, Table, text
from sqlalchemy.orm import Session

from canvass_formats.voted import BALLOT_REQUESTED, MAX_REPORTED, VotedFileReader, VotedImportResult, VotedRows
from canvass_formats.voterfile.records import Rejection
from canvass_server import bulk, versions, voted_copy
from canvass_server.devices import find_county

CHUNK = 20000
KEY_BITS = 62  # a bigint's, but its sign
LOCK = 16  # pg_advisory_xact_lock(LOCK, county id): this number, a key no other lock uses
LOAD = Table("voted_load", MetaData(), Column("row", Integer), Column("sid", String), Column("election", String),
             Column("voted", Boolean), Column("voted_on", String), Column("method", String),
             Column("ballot_status", String), Column("requested_on", String), Column("reason", String),
             Column("voter_id", Integer), prefixes=["TEMPORARY"])
COLUMNS = tuple(c.name for c in LOAD.columns)[:-2]


# Each voter's winning row (a counted ballot, the latest request, the last row) by a window over voted_load's
# rows, each with its voter (SQLite's path); a row without a voter is its own.
WINDOW = (
    "SELECT row, sid, reason, voter_id, 1 AS n, voted, voted_on, method, ballot_status FROM ("
    " SELECT row, CASE WHEN voter_id IS NULL THEN sid END AS sid, reason, voter_id, voted, voted_on, method, "
    "  ballot_status, row_number() OVER (PARTITION BY coalesce(voter_id, -row) "
    "   ORDER BY voted DESC, coalesce(requested_on, '') DESC, row DESC) AS rank "
    " FROM voted_load WHERE reason IS NOT NULL OR coalesce(election, :e) = :e) r WHERE rank = 1")


class UnknownCounty(LookupError):
    """No such county on the server: its voter file has not been imported."""


def _load(session: Session, rows: VotedRows, county_id: int) -> None:
    """The reader's good rows into voted_load, each with the county's voter of its id (SQLite's path)."""
    session.execute(text("DROP TABLE IF EXISTS voted_load"))
    LOAD.create(session.connection())
    for chunk in rows.chunks(CHUNK):
        bulk.write_tuples(session, LOAD, COLUMNS, [
            (r.row, r.state_voter_id, r.election, r.voted, r.voted_on, r.method, r.ballot_status, r.requested_on)
            for r in chunk])
    session.execute(text("UPDATE voted_load SET voter_id = (SELECT v.id FROM voter v WHERE v.county_id = :c AND "
                         "v.state_voter_id = voted_load.sid)"), {"c": county_id})


def _winners_by_key(reader: VotedFileReader, loaded: voted_copy.Loaded) -> str:
    """WINDOW's winners on PostgreSQL, chosen by hash aggregation of the file's rows by voter id, not by a sort:
    the largest of one integer a row, (prio, row, m) packed (prio: the rank of (voted, requested_on), voted_copy;
    m, its meaning, gives the winner's fields), or an array of the three when they do not fit in KEY_BITS; only
    then joined to `voter` (one probe a voter, not a row). n: the rows of the id; an unmatched id's are each
    their own (_unmatched)."""
    rows = (reader.path.stat().st_size + 2).bit_length()  # a row number is at most the file's line count
    means = len(loaded.meanings).bit_length()
    if loaded.ranks.bit_length() + rows + means <= KEY_BITS:
        # (PostgreSQL gives << | & one precedence, left to right: the parentheses are needed)
        key = f"(coalesce(l.prio, 0)::bigint << {rows + means}) | (l.row::bigint << {means}) | coalesce(l.m, 0)"
        row, m = f"(k.key >> {means}) & {(1 << rows) - 1}", f"k.key & {(1 << means) - 1}"
    else:
        key, row, m = "ARRAY[coalesce(l.prio, 0), l.row, coalesce(l.m, 0)]::bigint[]", "k.key[2]", "k.key[3]"
    return (
        "SELECT g.row, g.sid, g.reason, g.voter_id, g.n, m.voted, m.voted_on, m.method, m.ballot_status FROM ("
        f" SELECT v.id AS voter_id, {row} AS row, {m} AS m, CASE WHEN v.id IS NULL THEN k.sid END AS sid, "
        "  k.reason, k.n FROM ("
        f"  SELECT l.sid, max({key}) AS key, max(l.reason) AS reason, count(*) AS n FROM ({_source(reader)}) l "
        "   GROUP BY l.sid, CASE WHEN l.reason IS NOT NULL THEN l.row END) k "  # a rejected row: its own
        "  LEFT JOIN voter v ON k.reason IS NULL AND v.county_id = :c AND v.state_voter_id = k.sid) g "
        "LEFT JOIN vl_means m ON m.m = g.m")


def _source(reader: VotedFileReader) -> str:
    """The file's rows of the election, and its rejected rows (voted_copy.rows)."""
    return (f"SELECT * FROM ({voted_copy.rows(reader)}) r "
            "WHERE r.reason IS NOT NULL OR coalesce(r.election, :e) = :e")


def _unmatched(session: Session, reader: VotedFileReader | None, several: bool,
               p: dict[str, Any]) -> list[tuple[int, str]]:
    """The first unmatched rows (row, sid): voted_win's when each id there is one row (not `several`), else the
    file's rows (voted_copy's tables, `reader`) of the ids that matched no voter."""
    listed = "SELECT row, sid FROM voted_win WHERE reason IS NULL AND voter_id IS NULL"
    if several and reader is not None:
        listed = (f"SELECT l.row, l.sid FROM ({_source(reader)}) l WHERE l.reason IS NULL AND l.sid IN ("
                  "SELECT sid FROM voted_win WHERE reason IS NULL AND voter_id IS NULL)")
    return [(n, sid) for n, sid in session.execute(
        text(f"SELECT u.row, u.sid FROM ({listed}) u ORDER BY u.row LIMIT {MAX_REPORTED}"), p)]


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
    postgres = session.get_bind().dialect.name == "postgresql"
    run = session.execute
    run(text("DROP TABLE IF EXISTS voted_win"))
    if postgres:
        # One import of a county at a time: what it finds in `voted` stays true until it commits (SQLite has
        # one writer anyway).
        run(text("SELECT pg_advisory_xact_lock(CAST(:lock AS int), CAST(:c AS int))"), {"lock": LOCK, "c": row.id})
        run(text("SET LOCAL work_mem = '256MB'"))  # the sorts and hashes of a million rows in memory
        loaded = voted_copy.read(session, reader)  # the file COPYed as it is and classified in SQL
        rows.elections, rows.latest = loaded.elections, loaded.latest
        result.rows, result.rejected = loaded.rows, loaded.rejected
        winners = _winners_by_key(reader, loaded)
        run(text("SET LOCAL enable_nestloop = off"))  # (voted_copy.rows)
        run(text("SET LOCAL enable_sort = off"))  # (_winners_by_key: the planner cannot tell how many there are)
    else:
        _load(session, rows, row.id)
        winners = WINDOW
    p = {"e": rows.choose_election(election), "c": row.id, "req": BALLOT_REQUESTED, "space": voted_copy.SPACE}
    # Each voter's winning row of the election beside what `voted` holds: whether it changes that, and the voter's
    # status after; and the rows without a voter: each rejected row, each id no voter has (SQLite: each row; n, how
    # many rows).
    differs = "IS DISTINCT FROM" if postgres else "IS NOT"
    run(text(
        "CREATE TEMPORARY TABLE voted_win AS SELECT w.row, w.sid, w.reason, w.voter_id, w.n, w.voted, w.voted_on, "
        " w.method, w.ballot_status, o.voter_id IS NOT NULL AS known, o.voter_id IS NULL OR (NOT o.voted AND "
        f"(o.voted {differs} w.voted OR o.voted_on {differs} w.voted_on OR o.vote_method {differs} w.method OR "
        f"o.ballot_status {differs} w.ballot_status)) AS changed, "
        " CASE WHEN o.voted THEN o.voted ELSE w.voted END AS now_voted, "  # a vote once recorded stays
        " CASE WHEN o.voted THEN o.ballot_status ELSE w.ballot_status END AS now_status "
        f"FROM ({winners}) w "
        "LEFT JOIN voted o ON o.county_id = :c AND o.election = :e AND o.voter_id = w.voter_id"), p)
    # What voted_win says, in one pass: the summary's counts, how many rows have no voter, whether an id of them
    # has several (_unmatched), whether rows were rejected, and how many changed statuses `voted` holds already.
    (result.voters, result.changed, result.voted, result.requested_not_returned, result.needs_cure, unmatched,
     several, rejected, updates) = (int(n or 0) for n in run(text(
        "SELECT count(voter_id), sum(CASE WHEN voter_id IS NOT NULL AND changed THEN 1 ELSE 0 END), "
        "sum(CASE WHEN voter_id IS NOT NULL AND now_voted THEN 1 ELSE 0 END), "
        "sum(CASE WHEN voter_id IS NOT NULL AND NOT now_voted AND now_status = :req THEN 1 ELSE 0 END), "
        "sum(CASE WHEN voter_id IS NOT NULL AND NOT now_voted AND now_status NOT IN (:req, 'accepted') "
        " THEN 1 ELSE 0 END), "
        "sum(CASE WHEN voter_id IS NULL AND reason IS NULL THEN n ELSE 0 END), "
        "max(CASE WHEN voter_id IS NULL AND reason IS NULL AND n > 1 THEN 1 ELSE 0 END), "
        "sum(CASE WHEN reason IS NOT NULL THEN 1 ELSE 0 END), "
        "sum(CASE WHEN voter_id IS NOT NULL AND changed AND known THEN 1 ELSE 0 END) FROM voted_win"), p).one())
    listed = _unmatched(session, reader if postgres else None, bool(several), p) if unmatched else []
    if postgres:
        run(text("SET LOCAL enable_nestloop = on"))
        run(text("SET LOCAL enable_sort = on"))
        voted_copy.finish(session, loaded, [Rejection(n, reason, sid[:40]) for n, sid, reason in run(text(
            f"SELECT row, sid, reason FROM voted_win WHERE reason IS NOT NULL ORDER BY row LIMIT {MAX_REPORTED}"))]
                          if rejected else [])
        result.problems = [{"row": r.row, "voter_id": r.voter_id, "reason": r.reason} for r in loaded.problems]
    else:
        run(text("DROP TABLE voted_load"))
    rows.finish(listed, unmatched)
    if result.changed:  # devices pull the changed rows in the `voted` scope: no voter row is rewritten
        p["v"] = versions.bump(session, f"voted:{row.id}")
        if result.changed > updates:
            run(text("INSERT INTO voted (voter_id, election, county_id, voted, voted_on, vote_method, ballot_status, "
                     "version) SELECT voter_id, :e, :c, voted, voted_on, method, ballot_status, :v FROM voted_win "
                     "WHERE voter_id IS NOT NULL AND changed AND NOT known ORDER BY voter_id"), p)
        if updates:
            run(text("UPDATE voted SET voted = w.voted, voted_on = w.voted_on, vote_method = w.method, "
                     "ballot_status = w.ballot_status, version = :v FROM voted_win w WHERE w.voter_id IS NOT NULL "
                     "AND w.changed AND w.known AND voted.county_id = :c AND voted.election = :e "
                     "AND voted.voter_id = w.voter_id"), p)
    run(text("DROP TABLE voted_win"))
    result.seconds = time.perf_counter() - started
    return result
