"""A voted file into the temporary table `voted_load` on PostgreSQL: COPYed as it is, classified in SQL.

The same rows, numbers and reasons as canvass_formats.voted's reader (the path SQLite takes). The file goes to
COPY in chunks of whole lines, each line numbered by the table's sequence; what each field means is asked of the
reader's own functions once per distinct text of a column (a few hundred dates and status words in a million rows),
and the rest is a CASE per row mirroring the reader. Lines COPY cannot read exactly as the csv module does are read
by the csv module and the reader, from the first such line to the end of its chunk: a chunk COPY refuses (ragged
rows, bad UTF-8, NUL bytes, blank lines), one where a line is not one row (a quoted line break, a lone `\\.`), and
one that has carriage returns other than CRLF line ends, a line of 512 KB or more (the csv module's field limit),
or a double quote where a well-quoted file has none (`a "b"`, `x"y`: the csv module keeps such a quote, COPY
takes it as quoting). A quote the last check lets through (one next to a delimiter or another quote inside an
unquoted field, `ab",` or `ab""c`) could be read differently; no file the states publish has one.
"""

from __future__ import annotations

import csv
import re
from collections import Counter, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import psycopg
from sqlalchemy import Boolean, Column, Integer, MetaData, String, Table, text
from sqlalchemy.orm import Session

from canvass_formats.voted import MAX_REPORTED, VotedFileReader, VotedRow
from canvass_formats.voted.reader import date_value, request_kind, status_word, text_word, uncounted_status
from canvass_formats.voted.status import did_not_vote, is_accepted, vote_method
from canvass_formats.voterfile.records import Rejection
from canvass_server import bulk

CHUNK_BYTES = 4 << 20
LONG_LINE = 1 << 19  # half the csv module's field limit (reader.py): a longer line goes to the csv module
SPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
         "\u200a\u2028\u2029\u202f\u205f\u3000")  # what str.strip() takes off
ENCODINGS = {"utf-8": "UTF8", "utf-8-sig": "UTF8", "latin-1": "LATIN1"}
DELIMITERS = {"\t": "E'\\t'", ",": "','", ";": "';'", "|": "'|'"}

# Per layout, the reader's columns read as dates, and those read as words (with the function that says what a
# field's text means: (word, flag), ValueError for a field that makes the row rejected).
Words = Callable[[str], tuple[str | None, bool]]


def _request(raw: str) -> tuple[str | None, bool]:
    return request_kind(text_word(raw)), False


def _ballot(raw: str) -> tuple[str | None, bool]:
    word = status_word(text_word(raw))
    return word, is_accepted(word)


def _history(raw: str) -> tuple[str | None, bool]:
    word = text_word(raw)
    return vote_method(word), did_not_vote(word)


def _method(raw: str) -> tuple[str | None, bool]:
    return vote_method(text_word(raw)), False


def _status(raw: str) -> tuple[str | None, bool]:
    word = uncounted_status(status_word(text_word(raw)))
    return word, word is None


DATES = {"nc-absentee": ("election_dt", "ballot_req_dt", "ballot_rtn_dt", "ballot_send_dt"),
         "ncvhis": ("election_lbl",), "generic": ("date", "election")}
WORDS: dict[str, dict[str, Words]] = {
    "nc-absentee": {"ballot_req_type": _request, "ballot_rtn_status": _ballot},
    "ncvhis": {"voting_method": _history}, "generic": {"method": _method, "status": _status}}

# The row, as the reader's _absentee, _history and _generic decide it, from the fields' words (w_<what>, f_<what>,
# bad_<what>: a field's word, flag and reason) and dates (d_<what>, bad_<what>). A column the file lacks is NULL.
ROWS = {
    "nc-absentee": """
        d_election_dt, f_ballot_rtn_status,
        CASE WHEN f_ballot_rtn_status THEN CASE WHEN w_ballot_req_type = 'one-stop'
             THEN coalesce(d_ballot_rtn_dt, d_ballot_send_dt, d_ballot_req_dt) ELSE d_ballot_rtn_dt END END,
        CASE WHEN f_ballot_rtn_status THEN CASE WHEN w_ballot_req_type = 'one-stop' THEN 'early' ELSE 'mail' END END,
        CASE WHEN w_ballot_req_type = 'one-stop' THEN NULL WHEN f_ballot_rtn_status THEN 'accepted'
             ELSE coalesce(nullif(w_ballot_rtn_status, ''), 'requested') END,
        d_ballot_req_dt,
        coalesce(bad_election_dt, bad_ballot_req_dt, bad_ballot_rtn_dt, bad_ballot_send_dt, bad_ballot_req_type)""",
    "ncvhis": """
        d_election_lbl, NOT f_voting_method,
        CASE WHEN NOT f_voting_method THEN d_election_lbl END,
        CASE WHEN NOT f_voting_method THEN w_voting_method END,
        CASE WHEN NOT f_voting_method AND w_voting_method = 'mail' THEN 'accepted' END,
        NULL,
        coalesce(bad_election_lbl, CASE WHEN d_election_lbl IS NULL THEN 'no election_lbl' END)""",
    "generic": """
        d_election, coalesce(f_status, true),
        CASE WHEN coalesce(f_status, true) THEN d_date END,
        CASE WHEN coalesce(f_status, true) THEN w_method END,
        CASE WHEN NOT coalesce(f_status, true) THEN w_status WHEN w_method = 'mail' THEN 'accepted' END,
        NULL,
        coalesce(bad_date, bad_election)""",
}
# The rows the csv module read (module docstring), as the reader made them.
PY_ROWS = Table("vl_py", MetaData(), Column("row", Integer), Column("sid", String), Column("election", String),
                Column("voted", Boolean), Column("voted_on", String), Column("method", String),
                Column("ballot_status", String), Column("requested_on", String), prefixes=["TEMPORARY"])
PY_COLUMNS = tuple(c.name for c in PY_ROWS.columns)


@dataclass
class Loaded:
    """What load() saw besides the rows in voted_load: the rows the csv module read (rejections kept here) and
    the good rows per election named, and the latest date voted, as VotedRows counts them."""

    rejections: list[Rejection] = field(default_factory=list)
    rows: int = 0
    rejected: int = 0
    copied: int = 0  # lines COPYed (the rest went through the reader)
    elections: Counter[str | None] = field(default_factory=Counter)
    latest: str = ""
    problems: list[Rejection] = field(default_factory=list)  # the first MAX_REPORTED rejections, by row


def load(session: Session, reader: VotedFileReader, county_id: int) -> Loaded:
    """The file into voted_load (row, sid, election, voted, voted_on, method, ballot_status, requested_on, reason,
    voter_id): a rejected row has its reason, a good row the county's voter with its id, if any."""
    run = session.execute
    for table in ("vl_raw", "vl_py", "vl_words", "voted_load"):
        run(text(f"DROP TABLE IF EXISTS {table}"))
    run(text("DROP SEQUENCE IF EXISTS vl_line"))
    ncols = len(reader.headers)
    cols = [f"c{i}" for i in range(ncols)]
    run(text("CREATE TEMPORARY SEQUENCE vl_line"))
    run(text(f"CREATE TEMPORARY TABLE vl_raw ({', '.join(f'{c} text' for c in cols)}, "
             "row bigint NOT NULL DEFAULT nextval('vl_line'))"))
    PY_ROWS.create(session.connection())
    loaded = Loaded()
    _Copier(session, reader, loaded).run()
    joins = _words(session, reader)
    sid = f"btrim(coalesce(c{reader.id_column}, ''), :space)"
    blank = f"WHERE {sid} <> ''" if ncols == 1 else ""  # the reader skips a blank row of a one-column file
    raw = "".join(f", coalesce({c}, '') AS {c}" for c in joins.columns)
    run(text(
        f"CREATE TEMPORARY TABLE voted_load AS SELECT l.*, v.id AS voter_id FROM ("
        f" SELECT row, sid, election, voted, voted_on, method, ballot_status, requested_on, "
        f"  CASE WHEN sid = '' THEN 'no voter id' ELSE reason END AS reason FROM ("
        f"  SELECT r.row, r.sid, {ROWS[reader.layout]} FROM (SELECT row, {sid} AS sid{raw} FROM vl_raw {blank} "
        "   OFFSET 0) r"  # OFFSET 0: each field trimmed once, not once per use
        f"  {joins.sql}) k(row, sid, election, voted, voted_on, method, ballot_status, requested_on, reason)"
        f" UNION ALL SELECT *, NULL FROM vl_py) l "
        "LEFT JOIN voter v ON l.reason IS NULL AND v.county_id = :c AND v.state_voter_id = l.sid"),
        {"space": SPACE, "c": county_id})
    for table in ("vl_raw", "vl_py", "vl_words"):
        run(text(f"DROP TABLE {table}"))
    run(text("DROP SEQUENCE vl_line"))
    run(text("ANALYZE voted_load"))
    _count(session, loaded)
    return loaded


@dataclass
class _Joins:
    columns: list[str]  # the raw columns read (c<i>)
    sql: str  # the joins with vl_words giving w_, f_, d_ and bad_ of each


def _words(session: Session, reader: VotedFileReader) -> _Joins:
    """Every distinct text of the columns read, through the reader's functions, into vl_words (col, raw, word,
    flag, reason); the joins that give each row's words."""
    run = session.execute
    dated = {reader.columns[w]: w for w in DATES[reader.layout] if w in reader.columns}
    worded = {reader.columns[w]: w for w in WORDS[reader.layout] if w in reader.columns}
    read = sorted(dated | worded)
    run(text("CREATE TEMPORARY TABLE vl_words (col int, raw text, word text, flag boolean, reason text, "
             "PRIMARY KEY (col, raw))"))
    if read:
        values = ", ".join(f"({c}, c{c})" for c in read)
        distinct = run(text(f"SELECT DISTINCT k, coalesce(x, '') FROM vl_raw, LATERAL (VALUES {values}) v(k, x)"))
        out: dict[str, list[Any]] = {"c": [], "r": [], "w": [], "f": [], "b": []}
        for col, raw in distinct:
            word: str | None
            flag, reason = False, None
            try:
                if col in dated:
                    word = date_value(reader.headers[col], raw)
                else:
                    word, flag = WORDS[reader.layout][worded[col]](raw)
            except ValueError as exc:
                word, reason = None, str(exc)
            for key, value in zip("crwfb", (col, raw, word, flag, reason), strict=True):
                out[key].append(value)
        run(text("INSERT INTO vl_words SELECT * FROM unnest(CAST(:c AS int[]), CAST(:r AS text[]), "
                 "CAST(:w AS text[]), CAST(:f AS boolean[]), CAST(:b AS text[]))"), out)
        run(text("ANALYZE vl_words"))
    sql = []
    for col in read:
        what = dated.get(col) or worded[col]
        sql.append(f"JOIN (SELECT raw, word AS {'d' if col in dated else 'w'}_{what}, flag AS f_{what}, "
                   f"reason AS bad_{what} FROM vl_words WHERE col = {col}) j{col} ON j{col}.raw = r.c{col}")
    missing = [w for w in (*DATES[reader.layout], *WORDS[reader.layout]) if w not in reader.columns]
    if missing:  # a column the file lacks: NULL words
        nulls = ", ".join(f"NULL::text AS {p}_{w}, NULL::boolean AS f_{w}, NULL::text AS bad_{w}"
                          for w in missing for p in ("d" if w in DATES[reader.layout] else "w",))
        sql.append(f"CROSS JOIN (SELECT {nulls}) missing")
    return _Joins([f"c{c}" for c in read], " ".join(sql))


def _count(session: Session, loaded: Loaded) -> None:
    """The counts VotedRows keeps, from voted_load and the rejections the csv module made."""
    for election, good, bad, latest in session.execute(text(
            "SELECT election, count(*) FILTER (WHERE reason IS NULL), count(*) FILTER (WHERE reason IS NOT NULL), "
            'max(voted_on COLLATE "C") FILTER (WHERE reason IS NULL) FROM voted_load GROUP BY election')):
        if good:
            loaded.elections[election] += good
        loaded.rows += good + bad
        loaded.rejected += bad
        loaded.latest = max(loaded.latest, latest or "")
    loaded.rows += len(loaded.rejections)
    loaded.rejected += len(loaded.rejections)
    listed = [Rejection(row, reason, "" if reason == "no voter id" else sid[:40]) for row, sid, reason in
              session.execute(text(f"SELECT row, sid, reason FROM voted_load WHERE reason IS NOT NULL "
                                   f"ORDER BY row LIMIT {MAX_REPORTED}"))]
    loaded.problems = sorted(listed + loaded.rejections, key=lambda r: r.row)[:MAX_REPORTED]


class _Copier:
    """Feeds the file to COPY chunk by chunk; what COPY cannot read as the csv module does goes to the reader."""

    def __init__(self, session: Session, reader: VotedFileReader, loaded: Loaded):
        self.session, self.reader, self.loaded = session, reader, loaded
        self.carry = b""
        self.cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
        self.copy_sql = (f"COPY vl_raw ({', '.join(f'c{i}' for i in range(len(reader.headers)))}) FROM STDIN "
                         f"(FORMAT csv, DELIMITER {DELIMITERS[reader.delimiter]}, "
                         f"ENCODING '{ENCODINGS[reader.encoding]}')")
        # Every byte but the delimiter, quote and line ends as "a": a quote between two such bytes is stray.
        special = set(b'"\r\n' + reader.delimiter.encode())
        self.shape = bytes(c if c in special else ord("a") for c in range(256))

    def run(self) -> None:
        self.good: list[VotedRow] = []
        with open(self.reader.path, "rb") as self.file:
            line = 1 + self._python(self._chunk(), 1, header=True)  # the header: the reader's first record
            while data := self._chunk():
                line = self._lines(data, line)
        self._write()

    def _chunk(self) -> bytes:
        """The next whole lines of the file, about CHUNK_BYTES (b"" at its end)."""
        parts = [self.carry]
        while block := self.file.read(CHUNK_BYTES):
            cut = block.rfind(b"\n") + 1
            if cut:
                parts.append(block[:cut])
                self.carry = block[cut:]
                return b"".join(parts)
            parts.append(block)
        self.carry = b""
        return b"".join(parts)

    def _lines(self, data: bytes, line: int) -> int:
        """Whole lines starting at file line `line` into vl_raw; the next line's number."""
        count = data.count(b"\n") + (not data.endswith(b"\n"))
        if self._plain(data):
            failed = self._copy(data, line, count)
            if failed is None:
                return line + count
            if failed > 1:  # the lines before the one COPY named, then the rest through the reader
                cut = _offset(data, failed - 1)
                if self._copy(data[:cut], line, failed - 1) is None:
                    return line + failed - 1 + self._python(data[cut:], line + failed - 1)
        return line + self._python(data, line)

    def _plain(self, data: bytes) -> bool:
        """Whether COPY reads these lines as the csv module does (module docstring)."""
        cr = data.count(b"\r")
        if cr and not cr == data.count(b"\n") == data.count(b"\r\n"):
            return False
        if any(data.find(b"\n", i, i + LONG_LINE) < 0 for i in range(0, len(data) - LONG_LINE + 1, LONG_LINE)):
            return False  # a line of 2 x LONG_LINE holds a whole window without a line end
        return b'"' not in data or b'a"a' not in data.translate(self.shape)

    def _copy(self, data: bytes, line: int, count: int) -> int | None:
        """COPY the lines, numbered from `line`; None when each became one row, else (nothing kept) the line
        COPY named in its error (1 when none)."""
        cursor = self.cursor
        cursor.execute("SELECT setval('vl_line', %s, false)", (line,))
        cursor.execute("SAVEPOINT vl_copy")
        try:
            with cursor.copy(self.copy_sql) as copy:
                copy.write(data)
            copied = cursor.rowcount
        except psycopg.Error as exc:
            cursor.execute("ROLLBACK TO SAVEPOINT vl_copy")
            named = re.search(r"line (\d+)", exc.diag.context or "")
            return int(named.group(1)) if named else 1
        if copied != count:  # a quoted line break, an end-of-data marker: not one row a line
            cursor.execute("ROLLBACK TO SAVEPOINT vl_copy")
            return 1
        cursor.execute("RELEASE SAVEPOINT vl_copy")
        self.loaded.copied += copied
        return None

    def _python(self, data: bytes, line: int, *, header: bool = False) -> int:
        """The records starting in `data` (whole lines from file line `line`) read by the csv module and the
        reader, as its own loop does; the number of lines they took (a record may run on into the next chunk,
        whose lines it does not take are put back). With header: only the first record, skipped."""
        lines = data.splitlines(keepends=True)
        pending: deque[bytes] = deque()
        errors = "strict" if self.reader.encoding == "latin-1" else "replace"
        encoding = self.reader.encoding.replace("utf-8-sig", "utf-8")  # the BOM only opens the file

        def feed() -> Iterator[str]:
            for n, raw in enumerate(lines):
                yield raw.decode(self.reader.encoding if line == 1 and n == 0 else encoding, errors)
            while more := self._chunk():
                pending.extend(more.splitlines(keepends=True))
                while pending:
                    yield pending.popleft().decode(encoding, errors)

        records = csv.reader(feed(), delimiter=self.reader.delimiter)
        if header:
            next(records, None)
        else:
            while records.line_num < len(lines):
                try:
                    row = next(records)
                except StopIteration:
                    break
                except csv.Error as exc:
                    self._keep(Rejection(line - 1 + records.line_num, f"malformed row: {exc}"))
                    continue
                self._keep(self.reader.item(line - 1 + records.line_num, row))
        taken = records.line_num
        self.carry = b"".join(lines[taken:]) + b"".join(pending) + self.carry  # after the header: the chunk's rest
        return taken

    def _keep(self, item: VotedRow | Rejection | None) -> None:
        if isinstance(item, Rejection):
            self.loaded.rejections.append(item)
        elif item is not None:
            self.good.append(item)
            if len(self.good) >= 20000:
                self._write()

    def _write(self) -> None:
        bulk.write_tuples(self.session, PY_ROWS, PY_COLUMNS, [
            (r.row, r.state_voter_id, r.election, r.voted, r.voted_on, r.method, r.ballot_status, r.requested_on)
            for r in self.good])
        self.good = []


def _offset(data: bytes, lines: int) -> int:
    """Where line lines + 1 of data starts."""
    at = 0
    for _ in range(lines):
        at = data.index(b"\n", at) + 1
    return at
