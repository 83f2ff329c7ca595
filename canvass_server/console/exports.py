"""Contacts exported as CSV or as OSDI record_canvass JSON, by county and date range, streamed: rows come from a
server-side cursor a batch at a time, so a million rows never sit in memory."""

from __future__ import annotations

import csv
import io
import itertools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select

from canvass_server.db import Database
from canvass_server.models import ContactAttempt, County, Voter
from canvass_server.stats import effective

BATCH = 2000
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


def _statement(q: ExportQuery) -> Select[Any]:
    day = func.substr(ContactAttempt.created_at, 1, 10)
    ca = ContactAttempt
    columns = (ca.id.label("contact_id"), County.name.label("county"), County.state, Voter.state_voter_id,
               Voter.first_name, Voter.last_name, Voter.res_address.label("address"), Voter.res_city.label("city"),
               Voter.res_zip.label("zip"), ca.result, ca.support, ca.top_issue, ca.volunteer_interest,
               ca.preferred_language, ca.needs_ride, ca.note, ca.member_id, ca.canvasser, ca.list_number, ca.source,
               ca.created_at, ca.received_at)
    stmt: Select[Any] = (select(*columns).join(County, County.id == ca.county_id)  # type: ignore[assignment]
                         .join(Voter, Voter.id == ca.voter_id)
                         .where(effective(), ca.county_id == q.county_id).order_by(ca.id))
    if q.date_from:
        stmt = stmt.where(day >= q.date_from)
    if q.date_to:
        stmt = stmt.where(day <= q.date_to)
    return stmt


def _tuples(database: Database, q: ExportQuery) -> Iterator[tuple[Any, ...]]:
    """The rows as tuples in COLUMNS' order (received_at as ISO 8601 text), in their own read transaction, never
    all in memory. On PostgreSQL the query is streamed by `COPY (...) TO STDOUT (FORMAT binary)` and decoded by
    psycopg (no SQLAlchemy row objects, and the server keeps producing while we write: several times faster);
    elsewhere from SQLAlchemy's `yield_per`, BATCH rows a fetch."""
    stmt = _statement(q)
    with database.session() as session:
        connection = session.connection()
        if connection.dialect.name == "postgresql":
            compiled = stmt.compile(dialect=connection.dialect)
            types = [_PG_TYPES.get(type(c.type).__name__, "text") for c in stmt.selected_columns]
            cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
            with cursor, cursor.copy(f"COPY ({compiled.string}) TO STDOUT (FORMAT binary)", compiled.params) as copy:
                copy.set_types(types)
                for row in copy.rows():
                    yield (*row[:-1], row[-1].isoformat())
            return
        for batch in session.execute(stmt.execution_options(yield_per=BATCH)).partitions():
            yield from ((*row[:-1], row[-1].isoformat()) for row in batch)


def csv_stream(database: Database, q: ExportQuery) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    rows = _tuples(database, q)
    while batch := list(itertools.islice(rows, BATCH)):
        writer.writerows(batch)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


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


def osdi_stream(database: Database, q: ExportQuery) -> Iterator[str]:
    """A JSON array of record_canvass bodies, written one element at a time."""
    yield "["
    for n, row in enumerate(_tuples(database, q)):
        yield ("," if n else "") + "\n" + json.dumps(osdi_record(dict(zip(COLUMNS, row, strict=True))),
                                                    ensure_ascii=False)
    yield "\n]\n"
