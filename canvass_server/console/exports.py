"""Contacts exported as CSV or as OSDI record_canvass JSON, by county and date range, streamed: rows come from a
server-side cursor (`yield_per`) a batch at a time, so a million rows never sit in memory."""

from __future__ import annotations

import csv
import io
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


def _rows(database: Database, q: ExportQuery) -> Iterator[dict[str, Any]]:
    """Plain column rows (no ORM objects: several times cheaper a row), a server-side cursor's batch at a time."""
    with database.session() as session:
        for row in session.execute(_statement(q).execution_options(yield_per=BATCH)).mappings():
            out = dict(row)
            out["received_at"] = row["received_at"].isoformat()
            yield out


def csv_stream(database: Database, q: ExportQuery) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    for n, row in enumerate(_rows(database, q), 1):
        writer.writerow(row)
        if n % 500 == 0:
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
    for n, row in enumerate(_rows(database, q)):
        yield ("," if n else "") + "\n" + json.dumps(osdi_record(row), ensure_ascii=False)
    yield "\n]\n"
