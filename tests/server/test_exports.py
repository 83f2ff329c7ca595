"""The contact exports: on PostgreSQL PostgreSQL writes the CSV (COPY ... FORMAT csv) and the OSDI JSON records
itself, and the bytes must be exactly those of Python's csv and json modules over the same rows (the exports'
bytes before; SQLite's exports), whatever a field holds."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from helpers.console import contacts, field_device
from helpers.server import seed_county
from sqlalchemy import update

from canvass_server import db as dbmod
from canvass_server import members
from canvass_server.console import exports
from canvass_server.models import ContactAttempt, Voter

AWKWARD = ["plain", "", " ", "  spaced  ", "a, comma", 'a "quote"', '"', '""', "line\nbreak", "crlf\r\nend",
           "cr\ronly", "\\.", "\\.\n", "back\\slash", "tab\there", "é ü 漢字 🙂", ",", "\n", "NULL", "\\N",
           'a,",b', "bell\x07", "\x1f\b\f", "</script>", "trailing,"]


def _seed(database: dbmod.Database) -> None:
    ids = seed_county(database, "Wake", voters=2 * len(AWKWARD))
    with database.session() as s:
        kim = members.add_member(s, county="Wake", state="NC", name='Kim "K", Field', role="canvasser")
    device_id, _ = field_device(database, kim.id)
    rows = []
    for k, note in enumerate(AWKWARD):
        rows.append({"voter": ids[k], "result": ["C", "NH", "R"][k % 3], "note": note,
                     "support": [None, 1, 5][k % 3], "volunteer_interest": [None, True, False][k % 3],
                     "needs_ride": [True, None, False][k % 3], "top_issue": AWKWARD[-1 - k],
                     "preferred_language": ["", "es", None][k % 3], "list_number": ["", "A0001", None][k % 3],
                     "created_at": f"2026-05-0{k % 3 + 1}T12:{k:02d}:00{['', '+00:00', '-04:00'][k % 3]}"})
    written = contacts(database, device_id, rows)
    with database.session() as s:
        s.execute(update(Voter).where(Voter.state_voter_id == ids[0]).values(first_name="", res_address='1 "A", St'))
        s.execute(update(Voter).where(Voter.state_voter_id == ids[1]).values(res_city="Line\nCity", last_name="Ö\"s"))
        s.execute(update(ContactAttempt).where(ContactAttempt.id == written[0]).values(member_id=None, source="paper"))
        for k, cid in enumerate(written):  # with and without microseconds
            when = dt.datetime(2026, 5, 1, 12, k, 30, 123456 if k % 2 else 0, tzinfo=dt.UTC)
            s.execute(update(ContactAttempt).where(ContactAttempt.id == cid).values(received_at=when))


def test_the_csv_is_byte_for_byte_pythons(database: dbmod.Database) -> None:
    _seed(database)
    for q in (exports.ExportQuery(1), exports.ExportQuery(1, "2026-05-02", "2026-05-03"),
              exports.ExportQuery(1, "2026-06-01")):
        got = b"".join(exports.csv_stream(database, q))
        assert got == b"".join(exports.written_csv(database, q))
    whole = b"".join(exports.csv_stream(database, exports.ExportQuery(1))).decode()
    rows = list(csv.DictReader(io.StringIO(whole, newline="")))
    assert sorted(r["note"] for r in rows) == sorted(AWKWARD)
    assert {r["received_at"] for r in rows} == {f"2026-05-01T12:{k:02d}:30{'.123456' if k % 2 else ''}+00:00"
                                                for k in range(len(AWKWARD))}  # datetime.isoformat() in UTC
    assert {r["volunteer_interest"] for r in rows} == {"", "True", "False"}
    assert whole.endswith("\r\n") and whole.count("\r\n") > len(AWKWARD)


def test_the_osdi_json_is_byte_for_byte_pythons(database: dbmod.Database) -> None:
    _seed(database)
    for q in (exports.ExportQuery(1), exports.ExportQuery(1, "2026-05-02", "2026-05-03"),
              exports.ExportQuery(1, "2026-06-01")):
        assert b"".join(exports.osdi_stream(database, q)) == b"".join(exports.written_osdi(database, q))
    records = json.loads(b"".join(exports.osdi_stream(database, exports.ExportQuery(1))))
    assert sorted(r["notes"] for r in records) == sorted(AWKWARD)
    assert {r["canvass"]["canvasser"] is None for r in records} == {True, False}
    assert {a["question"] for r in records for a in r["add_answers"]} == {
        "support", "top_issue", "volunteer_interest", "preferred_language", "needs_ride"}
    assert b"".join(exports.osdi_stream(database, exports.ExportQuery(1, "2026-06-01"))) == b"[\n]\n"


def test_pieces_are_big(database: dbmod.Database) -> None:
    _seed(database)
    for stream in (exports.csv_stream, exports.osdi_stream):
        assert len(list(stream(database, exports.ExportQuery(1)))) <= 3  # a few kB: not a piece per row
