"""Contacts exported as CSV or as OSDI record_canvass JSON, by county and date range, streamed: rows come from a
server-side cursor (or PostgreSQL's COPY) a batch at a time and leave in pieces of about CHUNK bytes, so a million
rows never sit in memory."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, ColumnElement, Select, String, Text, and_, case, cast, func, literal, select, text
from sqlalchemy.orm import Session

from canvass_server.db import Database
from canvass_server.models import ContactAttempt, County, UTCDateTime, Voter
from canvass_server.stats import effective

BATCH = 2000  # rows a fetch (SQLite)
CHUNK = 1 << 16  # bytes a piece of the response: big enough that sending it costs little per row
COLUMNS = ("contact_id", "county", "state", "state_voter_id", "first_name", "last_name", "address", "city", "zip",
           "result", "support", "top_issue", "volunteer_interest", "preferred_language", "needs_ride", "note",
           "member_id", "canvasser", "list_number", "source", "created_at", "received_at")
# Our result codes as OSDI canvass status codes ("" means the person was reached: OSDI's success).
OSDI_STATUS = {"C": "", "NH": "not-home", "R": "refused", "M": "moved", "D": "deceased", "I": "inaccessible",
               "LB": "language-barrier", "WA": "wrong-address", "CB": "call-back", "DNC": "do-not-contact",
               "H": "hostile"}


# PostgreSQL's binary COPY names each column's type: ours by their SQLAlchemy types (integers are bigint there).
_PG_TYPES = {"Boolean": "bool", "BigInteger": "int8", "Integer": "int8", "UTCDateTime": "timestamptz"}


@dataclass(frozen=True)
class ExportQuery:
    """Which contacts: one county, and the days (YYYY-MM-DD, as the device dated the result) from and to."""

    county_id: int
    date_from: str | None = None
    date_to: str | None = None


def day(text: str) -> str:
    """A day of the calendar written YYYY-MM-DD, as ExportQuery takes it; ValueError saying so otherwise."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    raise ValueError(f"{text!r} is not a day of the calendar written like 2026-11-03")


def _statement(q: ExportQuery) -> Select[Any]:
    day = func.substr(ContactAttempt.created_at, 1, 10)
    ca = ContactAttempt
    columns = (ca.id.label("contact_id"), County.name.label("county"), County.state, Voter.state_voter_id,
               Voter.first_name, Voter.last_name, Voter.res_address.label("address"), Voter.res_city.label("city"),
               Voter.res_zip.label("zip"), ca.result, ca.support, ca.top_issue, ca.volunteer_interest,
               ca.preferred_language, ca.needs_ride, ca.note, ca.member_id, ca.canvasser, ca.list_number, ca.source,
               ca.created_at, ca.received_at)
    # A row's voter is of the row's county (ingest looks voters up in the device's county): saying so lets
    # PostgreSQL hash that county's voters, not every voter of every county.
    stmt: Select[Any] = (select(*columns).join(County, County.id == ca.county_id)  # type: ignore[assignment]
                         .join(Voter, and_(Voter.id == ca.voter_id, Voter.county_id == q.county_id))
                         .where(effective(), ca.county_id == q.county_id).order_by(ca.id))
    if q.date_from:
        stmt = stmt.where(day >= q.date_from)
    if q.date_to:
        stmt = stmt.where(day <= q.date_to)
    return stmt


@contextmanager
def _reading(database: Database) -> Iterator[Session]:
    """The export's own read transaction; on PostgreSQL with the session's clock in UTC, so received_at reads
    "+00:00" as on SQLite, whatever the server's TimeZone setting."""
    with database.session() as session:
        if session.get_bind().dialect.name == "postgresql":
            session.execute(text("SET LOCAL TimeZone = 'UTC'"))
        yield session


@contextmanager
def _copy(session: Session, stmt: Select[Any], options: str) -> Iterator[Any]:
    """psycopg's Copy of `COPY (stmt) TO STDOUT (options)` on the session's connection."""
    connection = session.connection()
    compiled = stmt.compile(dialect=connection.dialect)
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    with cursor, cursor.copy(f"COPY ({compiled.string}) TO STDOUT ({options})", compiled.params) as copy:
        yield copy


def _tuples(database: Database, q: ExportQuery) -> Iterator[tuple[Any, ...]]:
    """The rows as tuples in COLUMNS' order (received_at as ISO 8601 text), in their own read transaction, never
    all in memory. On PostgreSQL the query is streamed by `COPY (...) TO STDOUT (FORMAT binary)` and decoded by
    psycopg (no SQLAlchemy row objects, and the server keeps producing while we write: several times faster);
    elsewhere from SQLAlchemy's `yield_per`, BATCH rows a fetch."""
    stmt = _statement(q)
    with _reading(database) as session:
        if session.get_bind().dialect.name == "postgresql":
            with _copy(session, stmt, "FORMAT binary") as copy:
                copy.set_types([_PG_TYPES.get(type(c.type).__name__, "text") for c in stmt.selected_columns])
                for row in copy.rows():
                    yield (*row[:-1], row[-1].isoformat())
            return
        for batch in session.execute(stmt.execution_options(yield_per=BATCH)).partitions():
            yield from ((*row[:-1], row[-1].isoformat()) for row in batch)


def _header() -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(COLUMNS)
    return buffer.getvalue().encode()


def written_csv(database: Database, q: ExportQuery) -> Iterator[bytes]:
    """The CSV written by Python's csv module (excel dialect: quotes only where needed, rows end in CRLF): SQLite's
    export, and the reference the PostgreSQL one is tested against."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    rows = _tuples(database, q)
    yield _header()
    while batch := list(itertools.islice(rows, BATCH)):
        writer.writerows(batch)
        if buffer.tell() >= CHUNK:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode()


def _csv_text(column: Any) -> ColumnElement[Any]:
    """A column as PostgreSQL's CSV should print it for the bytes to be Python's: booleans True/False, times as
    datetime.isoformat() in UTC, and "" as NULL (COPY quotes an empty string, the csv module writes nothing;
    both write nothing for NULL). Integers print alike; quoting rules are otherwise the same (a field with a
    comma, quote, CR or LF is quoted, quotes doubled)."""
    kind = column.type
    if isinstance(kind, Boolean):
        return case((column.is_(True), literal("True")), (column.is_(False), literal("False"))).label(column.name)
    if isinstance(kind, UTCDateTime):  # the session's clock is UTC (_reading)
        micro = func.to_char(column, "US")
        return (func.to_char(column, 'YYYY-MM-DD"T"HH24:MI:SS')
                + case((micro == "000000", literal("")), else_=literal(".") + micro)
                + func.to_char(column, "TZH:TZM")).label(column.name)
    if isinstance(kind, String):
        return func.nullif(column, "").label(column.name)
    return column  # type: ignore[no-any-return]


def _copied_csv(database: Database, q: ExportQuery) -> Iterator[bytes]:
    """PostgreSQL writes the CSV itself (`COPY (...) TO STDOUT (FORMAT csv)`, columns shaped by _csv_text): no
    Python per field. COPY ends rows in LF and the csv module in CRLF; a COPY TO sends one message per row
    (PostgreSQL's protocol: "CopyData messages (always one per row)"), so each message's last byte is its row's
    end, even when a quoted note holds line breaks."""
    stmt = _statement(q)
    shaped = stmt.with_only_columns(*(_csv_text(c) for c in stmt.selected_columns))
    yield _header()
    with _reading(database) as session, _copy(session, shaped, "FORMAT csv") as copy:
        rows: list[Any] = []
        size = 0
        for row in copy:
            rows.append(row[:-1])
            size += len(row)
            if size >= CHUNK:
                rows.append(b"")
                yield b"\r\n".join(rows)
                rows, size = [], 0
        if rows:
            rows.append(b"")
            yield b"\r\n".join(rows)


def csv_stream(database: Database, q: ExportQuery) -> Iterator[bytes]:
    """The contacts as CSV (a header, then one row per effective result, in COLUMNS' order), UTF-8 bytes."""
    return _copied_csv(database, q) if database.is_postgres else written_csv(database, q)


def osdi_record(row: dict[str, Any]) -> dict[str, Any]:
    """One contact as the body of an OSDI record_canvass helper POST, with its target person named."""
    answers = [{"question": key, "responses": [str(row[key])]}
               for key in ("support", "top_issue", "volunteer_interest", "preferred_language", "needs_ride")
               if row[key] is not None]
    return {
        "identifiers": [f"canvass:{row['contact_id']}"],
        "person": {"identifiers": [f"voter_{row['state'].lower()}:{row['state_voter_id']}"],
                   "given_name": row["first_name"], "family_name": row["last_name"]},
        "canvass": {"origin_system": "Canvass", "action_date": row["created_at"], "contact_type": "in-person",
                    "input_type": "paper" if row["source"] == "paper" else "mobile",
                    "success": row["result"] == "C",
                    "status_code": OSDI_STATUS.get(row["result"], row["result"]),
                    "canvasser": f"canvass:member:{row['member_id']}" if row["member_id"] else None},
        "add_answers": answers,
        "notes": row["note"],
    }


def _json_array(records: Iterator[str]) -> Iterator[bytes]:
    """JSON texts as one array, one per line, in pieces of about CHUNK characters."""
    parts = ["["]
    size, between = 0, "\n"
    for record in records:
        parts.append(between + record)
        between = ",\n"
        size += len(record)
        if size >= CHUNK:
            yield "".join(parts).encode()
            parts, size = [], 0
    parts.append("\n]\n")
    yield "".join(parts).encode()


def written_osdi(database: Database, q: ExportQuery) -> Iterator[bytes]:
    """The OSDI JSON written by Python's json module: SQLite's export, and the PostgreSQL one's reference."""
    return _json_array(json.dumps(osdi_record(dict(zip(COLUMNS, row, strict=True))), ensure_ascii=False)
                       for row in _tuples(database, q))


def _osdi_json(stmt: Select[Any]) -> ColumnElement[str]:
    """osdi_record() of a row as json.dumps(..., ensure_ascii=False) writes it, in SQL: the same keys in the same
    order, ", " and ": " between them, and strings by to_json, which escapes exactly what Python's json does
    (quote, backslash, \\b \\f \\n \\r \\t, other characters below U+0020 as \\u00xx)."""
    c = {col.name: col for col in stmt.selected_columns}

    def string(value: Any) -> ColumnElement[str]:
        return func.coalesce(cast(func.to_json(cast(value, Text)), Text), literal("null"))

    def flag(value: Any) -> ColumnElement[str]:
        return case((value.is_(True), literal("True")), (value.is_(False), literal("False")))

    answers = [case((c[key].is_not(None), literal(f'{{"question": "{key}", "responses": [') + string(value)
                     + literal("]}")))
               for key, value in (("support", cast(c["support"], Text)), ("top_issue", c["top_issue"]),
                                  ("volunteer_interest", flag(c["volunteer_interest"])),
                                  ("preferred_language", c["preferred_language"]),
                                  ("needs_ride", flag(c["needs_ride"])))]
    status = case(OSDI_STATUS, value=c["result"], else_=c["result"])
    member = case((c["member_id"] != 0, literal('"canvass:member:') + cast(c["member_id"], Text) + literal('"')),
                  else_=literal("null"))
    return func.concat(
        '{"identifiers": [', string(literal("canvass:") + c["contact_id"]), '], "person": {"identifiers": [',
        string(literal("voter_") + func.lower(c["state"]) + literal(":") + c["state_voter_id"]), '], "given_name": ',
        string(c["first_name"]), ', "family_name": ', string(c["last_name"]),
        '}, "canvass": {"origin_system": "Canvass", "action_date": ', string(c["created_at"]),
        ', "contact_type": "in-person", "input_type": ',
        case((c["source"] == "paper", literal('"paper"')), else_=literal('"mobile"')),
        ', "success": ', case((c["result"] == "C", literal("true")), else_=literal("false")),
        ', "status_code": ', string(status), ', "canvasser": ', member,
        '}, "add_answers": [', func.concat_ws(", ", *answers), '], "notes": ', string(c["note"]), "}")


def _copied_osdi(database: Database, q: ExportQuery) -> Iterator[bytes]:
    """PostgreSQL writes each record (_osdi_json), sent as raw text by a binary COPY; Python only joins them."""
    return _json_array(_copied_records(database, q))


def _copied_records(database: Database, q: ExportQuery) -> Iterator[str]:
    stmt = _statement(q)
    shaped = stmt.with_only_columns(_osdi_json(stmt).label("record"))
    with _reading(database) as session, _copy(session, shaped, "FORMAT binary") as copy:
        copy.set_types(["text"])
        for (record,) in copy.rows():
            yield record


def osdi_stream(database: Database, q: ExportQuery) -> Iterator[bytes]:
    """A JSON array of record_canvass bodies (osdi_record), UTF-8 bytes."""
    return _copied_osdi(database, q) if database.is_postgres else written_osdi(database, q)
