"""A voted file on PostgreSQL, COPYed as it is and classified in SQL, for import-voted.

The same rows, row numbers, counts and reasons as canvass_formats.voted's reader (the path SQLite takes). The file
goes to COPY whole (in chunks of whole lines when COPY refuses it), each line numbered by a sequence. What a row
says is decided by the reader itself, once per distinct combination of the fields it reads besides the voter id
(a few hundred in a million rows), and joined back to the rows; only trimming the id stays in SQL (with exactly
the characters str.strip() takes off). Lines COPY cannot read exactly as the csv module does are read by the csv
module and the reader, from the first such line to the end of its chunk: a chunk COPY refuses (ragged rows, bad
UTF-8, NUL bytes, blank lines), one where a line is not one row (a quoted line break, a lone `\\.`), and one that
has carriage returns other than CRLF line ends, a line of 512 KB or more (the csv module's field limit), or a
double quote between two ordinary characters (`a "b"`, `x"y`: the csv module keeps such a quote, COPY takes it
as quoting). A stray quote next to a delimiter or another quote (`ab",`, `ab""c` in an unquoted field) passes
that check and could be read differently; no file the states publish has one.
"""

from __future__ import annotations

import csv
import re
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import psycopg
from psycopg.copy import QueuedLibpqWriter
from sqlalchemy import Column, Integer, MetaData, String, Table, text
from sqlalchemy.orm import Session

from canvass_formats.voted import MAX_REPORTED, VotedFileReader, VotedRow
from canvass_formats.voterfile.records import Rejection
from canvass_server import bulk

CHUNK_BYTES = 4 << 20
LONG_LINE = 1 << 19  # half the csv module's field limit (reader.py): a longer line goes to the csv module
SPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
         "\u200a\u2028\u2029\u202f\u205f\u3000")  # what str.strip() takes off
ENCODINGS = {"utf-8": "UTF8", "utf-8-sig": "UTF8", "latin-1": "LATIN1"}
DELIMITERS = {"\t": "E'\\t'", ",": "','", ";": "';'", "|": "'|'"}
# The rows the csv module read (module docstring), as the reader made them.
PY_ROWS = Table("vl_py", MetaData(), Column("row", Integer), Column("sid", String), Column("m", Integer),
                prefixes=["TEMPORARY"])
PY_COLUMNS = tuple(c.name for c in PY_ROWS.columns)
# What a good row says (a VotedRow but its row and id), numbered: vl_means's rows.
Meaning = tuple[str | None, bool, str | None, str | None, str | None, str | None]
MEANS = (("election", "text"), ("voted", "boolean"), ("voted_on", "text"), ("method", "text"),
         ("ballot_status", "text"), ("requested_on", "text"))


@dataclass
class Loaded:
    """What read() saw, as VotedRows counts the reader's rows: rows, rejections, the good rows per election
    named and the latest date voted; and the rejections listed (the first MAX_REPORTED by row, after finish())."""

    rows: int = 0
    rejected: int = 0
    copied: int = 0  # lines COPYed (the rest went through the reader)
    elections: Counter[str | None] = field(default_factory=Counter)
    latest: str = ""
    rejections: list[Rejection] = field(default_factory=list)  # made by the reader (the lines COPY did not take)
    problems: list[Rejection] = field(default_factory=list)
    meanings: dict[Meaning, int] = field(default_factory=dict)  # each its number m in vl_means, from 1
    ranks: int = 0  # how many distinct (voted, requested_on): vl_means.prio is 1 to ranks

    def meaning(self, row: VotedRow) -> int:
        return self.meanings.setdefault(_said(row), len(self.meanings) + 1)


def read(session: Session, reader: VotedFileReader) -> Loaded:
    """The file into the temporary table vl_raw (a text column a field, and its line), what its lines COPY cannot
    read into vl_py, what each combination of the fields the reader reads means into vl_words, counted, and every
    meaning into vl_means."""
    run = session.execute
    for table in ("vl_raw", "vl_py", "vl_words", "vl_means"):
        run(text(f"DROP TABLE IF EXISTS {table}"))
    run(text("DROP SEQUENCE IF EXISTS vl_line"))
    run(text("CREATE TEMPORARY SEQUENCE vl_line CACHE 100000"))  # one nextval a row: cached, it costs nothing
    run(text(f"CREATE TEMPORARY TABLE vl_raw ({', '.join(f'c{i} text' for i in range(len(reader.headers)))}, "
             "row bigint NOT NULL DEFAULT nextval('vl_line'))"))
    PY_ROWS.create(session.connection())
    loaded = Loaded()
    _Copier(session, reader, loaded).run()
    _words(session, reader, loaded)
    return loaded


def _count(loaded: Loaded, row: VotedRow, n: int) -> None:
    loaded.elections[row.election] += n
    if row.voted_on and row.voted_on > loaded.latest:
        loaded.latest = row.voted_on


def _keys(reader: VotedFileReader) -> list[int]:
    """The columns whose fields decide a row (all the reader reads but the voter id)."""
    return sorted(set(reader.columns.values()) - {reader.id_column})


def _sid(reader: VotedFileReader) -> str:
    return f"btrim(coalesce(c{reader.id_column}, ''), :space)"


def _words(session: Session, reader: VotedFileReader, loaded: Loaded) -> None:
    """Each distinct combination of the deciding fields (a few hundred in a million rows), decided by the reader
    itself, into vl_words (k<col>..., election, m, prio, reason); the rows it decides, counted; every meaning (of
    these and of vl_py's rows) into vl_means (m, prio, MEANS)."""
    keys = _keys(reader)
    fields = [f"coalesce(c{c}, '')" for c in keys]
    blank = f"WHERE {_sid(reader)} <> ''" if len(reader.headers) == 1 else ""  # the reader skips a blank row
    combos = session.execute(text(
        f"SELECT {''.join(f'{f}, ' for f in fields)}{_sid(reader)} = '', count(*) FROM vl_raw {blank} "
        f"GROUP BY {', '.join(str(n + 1) for n in range(len(keys) + 1))}"), {"space": SPACE}).all()
    words: dict[tuple[str, ...], VotedRow | Rejection] = {}
    template = [""] * len(reader.headers)
    template[reader.id_column] = "x"  # a voter id: a row without one is rejected before its fields are read
    for *combo, no_id, n in combos:
        loaded.rows += n
        key = tuple(combo)
        if key not in words:
            row = list(template)
            for col, value in zip(keys, key, strict=True):
                row[col] = value
            item = reader.item(0, row)
            assert item is not None  # not blank: it has a voter id
            words[key] = item
        item = words[key]
        if no_id or isinstance(item, Rejection):
            loaded.rejected += n
        else:
            _count(loaded, item, n)
    good = {key: loaded.meaning(item) for key, item in words.items() if isinstance(item, VotedRow)}
    # The winner's order (voted, then the latest request) as a rank: with the row, an integer key (voted_import).
    order = {key: n for n, key in enumerate(sorted({(said[1], said[5] or "") for said in loaded.meanings}), 1)}
    loaded.ranks = len(order)
    prio = {said: order[said[1], said[5] or ""] for said in loaded.meanings}
    _unnest(session, "vl_means", ["m int", "prio int", *(f"{name} {kind}" for name, kind in MEANS)],
            [(m, prio[said], *said) for said, m in loaded.meanings.items()])
    decided = [(*key, None, None, None, item.reason) if isinstance(item, Rejection) else
               (*key, item.election, good[key], prio[_said(item)], None) for key, item in words.items()]
    _unnest(session, "vl_words", [*(f"k{c} text" for c in keys), "election text", "m int", "prio int", "reason text"],
            decided)
    session.execute(text("ANALYZE vl_words"))


def _said(row: VotedRow) -> Meaning:
    return (row.election, row.voted, row.voted_on, row.method, row.ballot_status, row.requested_on)


def _unnest(session: Session, table: str, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
    """A temporary table of `columns` ("name type") holding `rows`, in one statement."""
    session.execute(text(f"CREATE TEMPORARY TABLE {table} ({', '.join(columns)})"))
    values = list(zip(*rows, strict=True)) if rows else [()] * len(columns)
    session.execute(text(f"INSERT INTO {table} SELECT * FROM unnest("
                         f"{', '.join(f'CAST(:a{i} AS {c.split()[1]}[])' for i, c in enumerate(columns))})"),
                    {f"a{i}": list(column) for i, column in enumerate(values)})


def rows(reader: VotedFileReader) -> str:
    """The file's rows as a subquery (row, sid, election, m, prio, reason: NULL for a good row; m its meaning in
    vl_means, prio its rank in the winner's order): vl_raw's with their combination's words, and vl_py's. Its
    parameter: space. Join it by hash only (enable_nestloop off): the planner cannot tell how many rows a
    combination matches."""
    keys = _keys(reader)
    blank = f"WHERE {_sid(reader)} <> ''" if len(reader.headers) == 1 else ""
    fields = "".join(f", coalesce(c{c}, '') AS k{c}" for c in keys)
    same = " AND ".join(f"w.k{c} = r.k{c}" for c in keys) or "true"
    return ("SELECT r.row, r.sid, w.election, w.m, w.prio, "
            "CASE WHEN r.sid = '' THEN 'no voter id' ELSE w.reason END AS reason "
            f"FROM (SELECT row, {_sid(reader)} AS sid{fields} FROM vl_raw {blank} OFFSET 0) r "  # trimmed once
            f"JOIN vl_words w ON {same} UNION ALL "
            "SELECT p.row, p.sid, m.election, p.m, m.prio, NULL FROM vl_py p JOIN vl_means m ON m.m = p.m")


def finish(session: Session, loaded: Loaded, listed: list[Rejection]) -> None:
    """Drops the file's tables; the first rejections (`listed`: the first of SQL's by row) in loaded.problems."""
    for table in ("vl_raw", "vl_py", "vl_words", "vl_means"):
        session.execute(text(f"DROP TABLE {table}"))
    session.execute(text("DROP SEQUENCE vl_line"))
    loaded.problems = sorted(listed + loaded.rejections, key=lambda r: r.row)[:MAX_REPORTED]


class _Copier:
    """Feeds the file to COPY, whole or chunk by chunk; what COPY cannot read as the csv module does goes to the
    reader."""

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
            start = self.file.tell() - len(self.carry)
            if not self._whole(line):  # chunk by chunk, each on its own if COPY refuses it
                self.file.seek(start)
                self.carry = b""
                while data := self._chunk():
                    line = self._lines(data, line)
        self._write()

    def _whole(self, line: int) -> bool:
        """The whole file in one COPY, as it streams in (most files: the checks of each chunk overlap COPY's work
        on the one before); False (nothing kept) when a chunk is not plain or a line is not one row."""
        cursor = self.cursor
        cursor.execute("SELECT setval('vl_line', %s, false)", (line,))
        cursor.execute("SAVEPOINT vl_copy")
        lines = 0
        try:
            with cursor.copy(self.copy_sql, writer=QueuedLibpqWriter(cursor)) as copy:
                while data := self._chunk():
                    if not self._plain(data):
                        raise _NotPlain
                    lines += data.count(b"\n") + (not data.endswith(b"\n"))
                    copy.write(data)
            copied = cursor.rowcount
        except (_NotPlain, psycopg.Error):
            cursor.execute("ROLLBACK TO SAVEPOINT vl_copy")
            return False
        if copied != lines:
            cursor.execute("ROLLBACK TO SAVEPOINT vl_copy")
            return False
        cursor.execute("RELEASE SAVEPOINT vl_copy")
        self.loaded.copied += copied
        return True

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
        if item is None:
            return
        self.loaded.rows += 1
        if isinstance(item, Rejection):
            self.loaded.rejected += 1
            self.loaded.rejections.append(item)
        else:
            _count(self.loaded, item, 1)
            self.good.append(item)
            if len(self.good) >= 20000:
                self._write()

    def _write(self) -> None:
        bulk.write_tuples(self.session, PY_ROWS, PY_COLUMNS, [
            (r.row, r.state_voter_id, self.loaded.meaning(r)) for r in self.good])
        self.good = []


class _NotPlain(Exception):
    """A chunk COPY would not read as the csv module does: the whole-file COPY stops."""


def _offset(data: bytes, lines: int) -> int:
    """Where line lines + 1 of data starts."""
    at = 0
    for _ in range(lines):
        at = data.index(b"\n", at) + 1
    return at
