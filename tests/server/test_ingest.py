"""Batch ingest: applied once, per-op results, replay, and every refusal leaving nothing applied. The devices
here are county leads' (whose contacts reach the whole county); what a canvasser may send is in test_members."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from helpers.server import Device, count, seed_county
from sqlalchemy import text

from canvass_protocol import wire
from canvass_server.config import Settings
from canvass_server.db import Database
from canvass_server.ingest import ingest, ingest_batch
from canvass_server.keys import ServerKeyPair


def test_batch_applies_each_op_and_answers_per_op(make_device: Any, database: Database) -> None:
    ids = seed_county(database)
    dev: Device = make_device(role="county_lead")
    r = dev.push(dev.contact(ids[0]), dev.contact(ids[1], "NH"), dev.contact("NOPE", "C"))
    assert r.status_code == 200, r.text
    answer = wire.BatchAnswer.model_validate(r.json())
    assert (answer.applied, answer.duplicates, answer.rejected) == (2, 0, 1)
    assert [x.status for x in answer.results] == ["applied", "applied", "rejected"]
    assert answer.results[2].code == wire.OpRejection.UNKNOWN_VOTER
    assert count(database, "contact_attempt") == 2
    assert r.headers["Canvass-Replayed"] == "0"


def test_retry_of_the_same_bytes_gets_the_stored_answer(make_device: Any, database: Database) -> None:
    ids = seed_county(database)
    dev: Device = make_device(role="county_lead")
    batch_id, data = dev.seal(dev.ops(dev.contact(ids[0]), dev.contact(ids[1])))
    first = dev.post(batch_id, data)
    second = dev.post(batch_id, data)
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    assert second.headers["Canvass-Replayed"] == "1"
    assert count(database, "contact_attempt") == 2


def test_same_batch_id_with_different_bytes_is_422(make_device: Any, database: Database) -> None:
    ids = seed_county(database)
    dev: Device = make_device(role="county_lead")
    ops = dev.ops(dev.contact(ids[0]))
    batch_id, data = dev.seal(ops)
    assert dev.post(batch_id, data).status_code == 200
    _, other = dev.seal(ops, batch_id=batch_id)  # same content, fresh HPKE randomness: different bytes
    r = dev.post(batch_id, other)
    assert r.status_code == 422
    assert r.json()["code"] == "batch_conflict"
    assert count(database, "contact_attempt") == 1


def test_a_seq_gap_is_refused_with_the_missing_range(make_device: Any, database: Database) -> None:
    ids = seed_county(database)
    dev: Device = make_device(role="county_lead")
    dev.seq = 5
    r = dev.push(dev.contact(ids[0]))
    assert r.status_code == 409
    assert r.json()["code"] == "seq_gap"
    assert r.json()["detail"] == {"expected_seq": 1, "missing_first": 1, "missing_last": 5}
    assert count(database, "contact_attempt") == 0
    assert count(database, "batch") == 0


def test_ops_already_applied_in_another_batch_are_duplicates(make_device: Any, database: Database) -> None:
    ids = seed_county(database)
    dev: Device = make_device(role="county_lead")
    ops = dev.ops(dev.contact(ids[0]), dev.contact(ids[1]))
    assert dev.post(*dev.seal(ops[:1])).status_code == 200
    r = dev.post(*dev.seal(ops))  # re-batched: seq 1 again, with seq 2
    assert r.status_code == 200
    assert [x["status"] for x in r.json()["results"]] == ["duplicate", "applied"]
    assert count(database, "contact_attempt") == 2


def test_ops_for_another_county_are_rejected_never_applied(make_device: Any, database: Database) -> None:
    wake = seed_county(database, "Wake")
    durham = seed_county(database, "Durham")
    dev: Device = make_device("Wake", role="county_lead")
    other = {"name": "Durham", "state": "NC"}
    r = dev.push(
        dev.contact(durham[0], county=other),
        dev.contact(wake[0]),
        ("voter_correction", {"county": other, "state_voter_id": durham[1], "fields": {"phone": "5550100"}}),
        ("turf_delete", {"county": other, "list_number": "T1-0001", "at": "2026-05-01T12:00:00Z"}),
        dev.contact(durham[2], county={"name": "Wake", "state": "NC"}),  # Durham voter id under Wake: unknown
    )
    assert r.status_code == 200
    codes = [x["code"] for x in r.json()["results"]]
    assert codes == ["county_forbidden", None, "county_forbidden", "county_forbidden", "unknown_voter"]
    assert count(database, "contact_attempt") == 1
    assert count(database, "turf") == 0
    with database.session() as s:
        from sqlalchemy import select

        from canvass_server.models import Voter
        assert s.scalar(select(Voter.phone).where(Voter.state_voter_id == durham[1])) is None


def test_invalid_payloads_are_rejected_without_echoing_values(make_device: Any, database: Database) -> None:
    ids = seed_county(database)
    dev: Device = make_device(role="county_lead")
    r = dev.push(
        dev.contact(ids[0], support=9),
        ("voter_correction", {"county": dev.county, "state_voter_id": ids[1], "fields": {"phone": 5551234567}}),
        ("mystery", {"secret": "Jane Q. Public"}),
    )
    assert r.status_code == 200
    results = r.json()["results"]
    assert [x["code"] for x in results] == ["invalid_payload", "invalid_payload", "unknown_op_type"]
    assert "9" not in results[0]["reason"]
    assert "5551234567" not in results[1]["reason"]
    assert count(database, "contact_attempt") == 0


def test_contacts_and_corrections_apply(make_device: Any, database: Database) -> None:
    ids = seed_county(database)
    dev: Device = make_device(role="county_lead")
    r = dev.push(
        dev.contact(ids[0]),
        ("voter_correction", {"county": dev.county, "state_voter_id": ids[1],
                              "fields": {"phone": "9195550100", "do_not_contact": True}}),
    )
    assert r.status_code == 200, r.text
    assert [x["code"] for x in r.json()["results"]] == [None, None]
    voters = {v["state_voter_id"]: v for v in dev.pull_all("voters")[0]}
    assert voters[ids[1]]["phone"] == "9195550100"
    assert voters[ids[1]]["do_not_contact"] is True


def test_no_personal_data_in_logs(make_device: Any, database: Database, caplog: Any) -> None:
    ids = seed_county(database)
    dev: Device = make_device(role="county_lead")
    caplog.set_level("DEBUG")
    r = dev.push(
        dev.contact(ids[0], note="SECRET-NOTE about the voter"),
        ("voter_correction", {"county": dev.county, "state_voter_id": ids[1],
                              "fields": {"email": "SECRET@example.org"}}),
        dev.contact(ids[2], support="SECRET-INVALID"),
    )
    assert r.status_code == 200
    assert "SECRET" not in caplog.text
    assert ids[0] not in caplog.text
    assert "1 rejected" in caplog.text  # the server did log the batch, with ids and counts only


def test_a_retry_waiting_for_the_device_lock_gets_the_stored_answer(make_device: Any, database: Database,
                                                                     settings: Settings,
                                                                     server_key: ServerKeyPair) -> None:
    """A batch and its retry at once (a lost answer, two server processes): the retry's locking statement starts
    while the first holds the device's lock, so its snapshot misses the batch the first then commits; it must still
    answer that batch's stored answer, and not apply it again (nor fail on the batch row's key)."""
    if not database.is_postgres:
        pytest.skip("SQLite: one transaction writes at a time")
    ids = seed_county(database)
    dev: Device = make_device(role="county_lead")
    batch_id, data = dev.seal(dev.ops(dev.contact(ids[0]), dev.contact(ids[1])))
    kwargs: dict[str, Any] = {"settings": settings, "key": server_key, "authorization": f"Bearer {dev.token}",
                              "idempotency_key": batch_id, "body": data}
    retried: list[tuple[dict[str, Any], bool]] = []
    with database.session() as first:
        answer, replayed = ingest(first, **kwargs)
        retry = threading.Thread(target=lambda: retried.append(ingest_batch(database, **kwargs)))
        retry.start()
        waited = 0.0
        while not _waiting_for_a_lock(database):  # until the retry waits for the device's lock
            time.sleep(0.01)
            waited += 0.01
            assert waited < 10
    retry.join()
    assert not replayed
    assert retried == [(answer, True)]
    assert count(database, "contact_attempt") == 2


def _waiting_for_a_lock(database: Database) -> bool:
    """Whether a backend waits for a lock, in a transaction of its own (pg_stat_activity is read once a
    transaction)."""
    with database.session() as s:
        return bool(s.scalar(text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")))
