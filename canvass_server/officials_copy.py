"""One `_vote_people.csv` into official_vote on PostgreSQL: the file COPYed as it is, then resolved in SQL.

The same outcome as reading it row by row (officials.py's fallback, and the only path on SQLite): the same
problems with the same rows and reasons, unlisted voters added, each roll call given exactly the file's votes
(the first of two by one official kept). Reading 300,000 rows in Python was most of an import's time. The usual
file (every row a roll call of the import, an option and a plain person id) is written by `write_plain` in one
INSERT after one pass that lists its options and voter ids (`survey`); any other file, or a plain-looking one
whose INSERT does not take every row, is resolved row by row in SQL (`resolve`, `write_votes`), each row trimmed
and checked as the reader checks it. A file COPY cannot read as the csv module does (blank lines, ragged rows, bad
UTF-8) makes `load` say so, and the caller reads it row by row.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import psycopg
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from canvass_formats import openstates as osf

COLUMNS = ("vote_event_id", "option", "voter_name", "voter_id")
SPACE = r"E' \t\r\n\f\v'"  # what str.strip() takes off (ASCII)


@dataclass(frozen=True)
class Loaded:
    """A file in vp_raw: its rows, and the vp_raw column holding each field officials read."""

    rows: int
    vote_event_id: str
    option: str
    voter_name: str
    voter_id: str


def _trim(column: str) -> str:
    return f"btrim(coalesce({column}, ''), {SPACE})"


def load(session: Session, path: Path, event_ids: dict[str, int]) -> Loaded | None:
    """The file into the temporary table vp_raw (a text column a field, and `row`, the file's row) and this import's
    roll calls into vp_events; None (nothing loaded) when the file is not one COPY reads exactly as the csv module
    does."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as f:
            header = [h.strip() for h in next(csv.reader(f), [])]
    except (OSError, UnicodeDecodeError, csv.Error):
        return None
    if not header or any(c not in header for c in COLUMNS):
        return None
    run = session.execute
    done(session)
    # The header is row 1: the first row's nextval is 2. Cached, one nextval a row costs next to nothing (the
    # identity column this had, an uncached sequence, added 15-40% to the COPY).
    run(text("CREATE TEMPORARY SEQUENCE vp_row START 2 CACHE 100000"))
    cols = [f"c{i}" for i in range(len(header))]
    run(text(f"CREATE TEMPORARY TABLE vp_raw ({', '.join(f'{c} text' for c in cols)}, "
             "row bigint NOT NULL DEFAULT nextval('vp_row'))"))
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    run(text("SAVEPOINT vp_copy"))
    try:
        with cursor:
            with cursor.copy(f"COPY vp_raw ({', '.join(cols)}) FROM STDIN (FORMAT csv, HEADER true)") as copy, \
                    path.open("rb") as f:
                while block := f.read(1 << 20):
                    copy.write(block)
            copied = cursor.rowcount  # (a closed cursor forgets it)
    except psycopg.Error:  # mixed line ends, ragged rows, bad encoding
        run(text("ROLLBACK TO SAVEPOINT vp_copy"))
        return None
    run(text("RELEASE SAVEPOINT vp_copy"))
    run(text("CREATE TEMPORARY TABLE vp_events (ocd_id text PRIMARY KEY, id bigint)"))
    if event_ids:
        run(text("INSERT INTO vp_events SELECT * FROM unnest(CAST(:o AS text[]), CAST(:i AS bigint[]))"),
            {"o": list(event_ids), "i": list(event_ids.values())})
    run(text("ANALYZE vp_events"))  # else the planner guesses a lookup per row rather than one hash
    return Loaded(copied, *(f"c{header.index(c)}" for c in COLUMNS))


def survey(session: Session, loaded: Loaded) -> tuple[set[str], set[str]]:
    """The options and the voter_ids the file gives, each once and as given (one pass over the rows)."""
    pairs = session.execute(text(f"SELECT DISTINCT {loaded.option}, {loaded.voter_id} FROM vp_raw")).all()
    return {o or "" for o, _ in pairs}, {v or "" for _, v in pairs}


def names(session: Session, loaded: Loaded, voter_ids: list[str]) -> dict[str, str]:
    """These voters' names: the name in the file's last row of each (trimmed), else the id."""
    vid = loaded.voter_id
    found: dict[str, str] = dict(session.execute(text(
        f"SELECT DISTINCT ON ({vid}) {vid}, {_trim(loaded.voter_name)} FROM vp_raw "
        f"WHERE {vid} = ANY(CAST(:ids AS text[])) ORDER BY {vid}, row DESC"), {"ids": voter_ids}).all())
    return {v: found.get(v) or v for v in voter_ids}


def write_plain(session: Session, loaded: Loaded, options: dict[str, str]) -> int | None:
    """The file's votes in one INSERT, replacing its roll calls' old ones, for a file whose every voter_id is a
    known official's as given and every option one of `options` (as given -> as stored): the rows written (fewer
    than the file's when a row's roll call is unknown or padded), or None when an official votes twice in a roll
    call. The caller rolls back to its savepoint unless every row was written."""
    run = session.execute
    ev, opt, vid = loaded.vote_event_id, loaded.option, loaded.voter_id
    if run(text("SELECT EXISTS (SELECT 1 FROM official_vote v JOIN vp_events e ON e.id = v.vote_event_id)")).scalar():
        run(text(f"DELETE FROM official_vote WHERE vote_event_id IN (SELECT e.id FROM vp_events e "
                 f"WHERE EXISTS (SELECT 1 FROM vp_raw r WHERE r.{ev} = e.ocd_id))"))
    option, join = f"r.{opt}", ""
    if any(given != stored for given, stored in options.items()):  # mapped by a join on the few distinct options
        run(text("CREATE TEMPORARY TABLE vp_options (given text PRIMARY KEY, option text)"))
        run(text("INSERT INTO vp_options SELECT * FROM unnest(CAST(:g AS text[]), CAST(:o AS text[]))"),
            {"g": list(options), "o": list(options.values())})
        option, join = "p.option", f"JOIN vp_options p ON p.given = r.{opt}"
    select = (f"SELECT e.id, o.id, {option} FROM vp_raw r JOIN vp_events e ON e.ocd_id = r.{ev} "
              f"JOIN official o ON o.ocd_id = r.{vid} {join}")
    try:
        result = run(text(f"INSERT INTO official_vote (vote_event_id, official_id, option) {select}"))
    except IntegrityError:
        return None
    return int(result.rowcount)  # type: ignore[attr-defined]


def done(session: Session) -> None:
    """Drop the temporary tables."""
    for table in ("vp_raw", "vp", "vp_events", "vp_names", "vp_options"):
        session.execute(text(f"DROP TABLE IF EXISTS {table}"))
    session.execute(text("DROP SEQUENCE IF EXISTS vp_row"))


def resolve(session: Session, loaded: Loaded) -> None:
    """vp (row, event, option, voter_name, voter_id, bad, event_id): every row trimmed, checked as
    read_person_votes checks it, and its roll call looked up."""
    run = session.execute
    ev, opt, name, vid = loaded.vote_event_id, loaded.option, loaded.voter_name, loaded.voter_id
    run(text(
        "CREATE TEMPORARY TABLE vp AS SELECT r.*, e.id AS event_id, CASE WHEN r.event = '' THEN 'event' "
        "WHEN r.option = '' THEN 'option' WHEN r.voter_id <> '' AND r.voter_id NOT LIKE 'ocd-person/%' THEN 'id' "
        "WHEN r.voter_id = '' AND r.voter_name = '' THEN 'who' END AS bad "
        f"FROM (SELECT row, {_trim(ev)} AS event, lower({_trim(opt)}) AS option, "
        f"{_trim(name)} AS voter_name, {_trim(vid)} AS voter_id FROM vp_raw OFFSET 0) r "  # trimmed once a row
        "LEFT JOIN vp_events e ON e.ocd_id = r.event"))
    run(text("DROP TABLE vp_raw"))


def read_problems(session: Session, file: str) -> list[osf.Problem]:
    """What read_person_votes says of the file's bad rows, in row order."""
    words = {"event": "no vote_event_id", "option": "no option (yes, no, absent, other, ...)",
             "who": "neither voter_id nor voter_name"}
    return [osf.Problem(file, row, words.get(bad) or f"voter_id {voter_id!r} is not an Open Civic Data person id")
            for row, bad, voter_id in session.execute(
                text("SELECT row, bad, voter_id FROM vp WHERE bad IS NOT NULL ORDER BY row"))]


GOOD = "vp.bad IS NULL AND vp.event_id IS NOT NULL"


def unlisted(session: Session) -> dict[str, str]:
    """Voters of known roll calls that no official has: voter_id -> name (the file's last for that id)."""
    return {vid: name or vid for vid, name in session.execute(text(
        f"SELECT DISTINCT ON (vp.voter_id) vp.voter_id, vp.voter_name FROM vp WHERE {GOOD} AND vp.voter_id <> '' "
        "AND NOT EXISTS (SELECT 1 FROM official o WHERE o.ocd_id = vp.voter_id) ORDER BY vp.voter_id, vp.row DESC"))}


def names_needed(session: Session) -> list[str]:
    return list(session.scalars(text(f"SELECT DISTINCT vp.voter_name FROM vp WHERE {GOOD} AND vp.voter_id = ''")))


# A vote row's official: by voter_id, else by a name only one listed official has (vp_names).
OFFICIAL = ("LEFT JOIN official o ON vp.voter_id <> '' AND o.ocd_id = vp.voter_id "
            "LEFT JOIN vp_names nm ON vp.voter_id = '' AND nm.name = vp.voter_name")
RESOLVED = f"{GOOD} AND coalesce(o.id, nm.official_id) IS NOT NULL"


def write_votes(session: Session, file: str, by_name: dict[str, int]) -> tuple[int, list[int], list[osf.Problem]]:
    """Each roll call of the file given exactly its votes: (votes written, the officials who voted, problems)."""
    run = session.execute
    run(text("CREATE TEMPORARY TABLE vp_names (name text PRIMARY KEY, official_id bigint)"))
    if by_name:
        run(text("INSERT INTO vp_names SELECT * FROM unnest(CAST(:n AS text[]), CAST(:i AS bigint[]))"),
            {"n": list(by_name), "i": list(by_name.values())})
    if run(text("SELECT EXISTS (SELECT 1 FROM official_vote v JOIN vp_events e ON e.id = v.vote_event_id)")).scalar():
        run(text(f"DELETE FROM official_vote WHERE vote_event_id IN (SELECT vp.event_id FROM vp {OFFICIAL} "
                 f"WHERE {RESOLVED})"))
    insert = ("WITH ins AS (INSERT INTO official_vote (vote_event_id, official_id, option) SELECT vp.event_id, "
              "coalesce(o.id, nm.official_id), left(vp.option, 30) FROM {rows} RETURNING official_id) "
              "SELECT official_id, count(*) FROM ins GROUP BY official_id")
    problems: list[osf.Problem] = []
    run(text("SAVEPOINT vp_insert"))
    try:  # two votes by one official in one roll call are rare: tried without looking for them first
        voters = run(text(insert.format(rows=f"vp {OFFICIAL} WHERE {RESOLVED}"))).all()
        run(text("RELEASE SAVEPOINT vp_insert"))
    except IntegrityError:
        run(text("ROLLBACK TO SAVEPOINT vp_insert"))
        ranked = (f"(SELECT vp.*, row_number() OVER (PARTITION BY vp.event_id, coalesce(o.id, nm.official_id) "
                  f"ORDER BY vp.row) AS n FROM vp {OFFICIAL} WHERE {RESOLVED}) vp")
        voters = run(text(insert.format(rows=f"{ranked} {OFFICIAL} WHERE vp.n = 1"))).all()
        problems += [osf.Problem(file, row, f"a second vote by {name!r} in roll call {event}; the first is kept")
                     for row, name, event in run(text(f"SELECT row, voter_name, event FROM {ranked} WHERE n > 1"))]
    written = sum(n for _, n in voters)
    good = run(text(f"SELECT count(*) FROM vp WHERE {GOOD}")).scalar_one()
    if written + len(problems) < good:
        problems += [osf.Problem(file, row, f"voter {name!r} has no voter_id and no one in the people files has "
                                            "that name")
                     for row, name in run(text(f"SELECT vp.row, vp.voter_name FROM vp {OFFICIAL} WHERE {GOOD} "
                                               "AND coalesce(o.id, nm.official_id) IS NULL"))]
    problems.sort(key=lambda p: p.row)
    unknown = run(text("SELECT event, count(*) FROM vp WHERE bad IS NULL AND event_id IS NULL GROUP BY event "
                       'ORDER BY event COLLATE "C"')).all()
    problems += [osf.Problem(file, 0, f"{n} vote(s) in roll call {event_id}, which is in no _votes.csv (or was "
                                      "skipped); not imported") for event_id, n in unknown]
    done(session)
    return written, [official for official, _ in voters], problems
