"""No poison op: every op-level problem comes back as one rejected op with a code, never a 500, on SQLite and
PostgreSQL; the rest of the batch is applied."""

from __future__ import annotations

from typing import Any

import pytest
from helpers.server import Device, count, seed_county
from test_ballots import add_brief, add_member, device_of, open_ballot, vote

from canvass_server.db import Database


def _codes(answer: dict[str, Any]) -> list[str | None]:
    return [r["code"] if r["status"] == "rejected" else r["status"] for r in answer["results"]]


@pytest.mark.parametrize("bad", [
    {"note": "left a flyer\x00"},
    {"note": "bell\x07"},
    {"top_issue": "sch\x00ools"},
    {"answers": {"ride": "yes\x00"}},
    {"answers": {f"q{i}": "yes" for i in range(51)}},
    {"answers": {"a": {"b": {"c": {"d": "deep"}}}}},
    {"answers": {"essay": "x" * 9000}},
    {"list_number": "T1\x85"},
])
def test_a_bad_field_is_one_rejected_op_and_the_rest_is_applied(make_device: Any, database: Database,
                                                                 bad: dict[str, Any]) -> None:
    ids = seed_county(database)
    dev: Device = make_device(role="county_lead")
    r = dev.push(dev.contact(ids[0]), dev.contact(ids[1], **bad), dev.contact(ids[2], note="tab\tand\r\nlines"))
    assert r.status_code == 200, r.text
    assert _codes(r.json()) == ["applied", "invalid_payload", "applied"]
    assert count(database, "contact_attempt") == 2
    assert dev.push(dev.contact(ids[3])).json()["applied"] == 1  # the device is not stuck


def test_duplicate_ids_in_one_batch_are_rejected_not_a_500(make_device: Any, database: Database) -> None:
    ids = seed_county(database)
    add_brief(database)
    member = add_member(database, "Ada")
    ballot = open_ballot(database)
    dev = device_of(make_device, database, member)
    op_type, payload = vote(ballot)
    r = dev.push((op_type, payload), (op_type, dict(payload, choice="oppose")), vote(ballot, "abstain"))
    assert r.status_code == 200, r.text
    assert _codes(r.json()) == ["id_conflict", "id_conflict", "applied"]
    assert count(database, "ballot_vote") == 1

    lead: Device = make_device(role="county_lead", label="Lee")
    twin = lead.contact(ids[0])
    r = lead.push(twin, twin, lead.contact(ids[1]))
    assert r.status_code == 200, r.text
    assert _codes(r.json()) == ["id_conflict", "id_conflict", "applied"]



def test_an_op_the_database_refuses_is_rejected_in_its_own_savepoint_and_the_others_apply(
        make_device: Any, database: Database) -> None:
    """A value that passes every check but that the database refuses (here a CHECK constraint standing for any
    constraint the ops can run into) fails the batch's savepoint; each op is then tried in its own savepoint."""
    ids = seed_county(database)
    with database.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("ALTER TABLE contact_attempt ADD CONSTRAINT ck_test_no_boom "
                                 "CHECK (note IS DISTINCT FROM 'boom')")
        else:
            conn.exec_driver_sql("CREATE TRIGGER test_no_boom BEFORE INSERT ON contact_attempt "
                                 "WHEN NEW.note = 'boom' BEGIN SELECT RAISE(ABORT, 'no boom'); END")
    dev: Device = make_device(role="county_lead")
    r = dev.push(dev.contact(ids[0], note="fine"), dev.contact(ids[1], note="boom"), dev.contact(ids[2]),
                 dev.contact(ids[3], note="also fine"))
    assert r.status_code == 200, r.text
    answer = r.json()
    assert _codes(answer) == ["applied", "invalid_payload", "applied", "applied"]
    assert "the database refused this op" in answer["results"][1]["reason"]
    assert count(database, "contact_attempt") == 3
    assert count(database, "applied_op") == 4  # the rejected op is answered, so a resend is a duplicate
    assert dev.push(dev.contact(ids[4])).json()["applied"] == 1  # the device is not stuck
