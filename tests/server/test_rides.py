"""Rides to the polls through the protocol (SQLite and PostgreSQL): a canvasser asks for one for a voter on their
turf, the author is the device's member whatever the payload says, only county leads mark rides arranged and done,
leads pull them, and `stats --json` counts them by status beside the election-day progress (`gotv`)."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from helpers.server import seed_county
from sqlalchemy import select

from canvass_server import db as dbmod
from canvass_server.cli import main as server_main
from canvass_server.config import Settings
from canvass_server.models import RideRequest, Voted, Voter

AT = "2026-11-03T12:00:00+00:00"


def ride(county: dict[str, str], sid: str, **extra: Any) -> tuple[str, dict[str, Any]]:
    return "ride_request", {"id": str(uuid.uuid4()), "county": county, "state_voter_id": sid,
                            "pickup_at": "2026-11-03T10:30-05:00", "pickup_address": "12 Oak St, Durham",
                            "passengers": 2, "phone": "+19195550123", "created_at": AT, **extra}


def update(county: dict[str, str], ride_id: str, status: str) -> tuple[str, dict[str, Any]]:
    return "ride_update", {"id": ride_id, "county": county, "status": status, "at": AT}


def results(answer: Any) -> list[tuple[str, str | None]]:
    assert answer.status_code == 200, answer.text
    return [(r["status"], r["code"]) for r in answer.json()["results"]]


def test_ride_requests_travel_and_only_leads_arrange_them(database: dbmod.Database, make_device: Any,
                                                          settings: Settings, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    ids = seed_county(database, "Durham", "NC", voters=20)
    lead = make_device("Durham", "NC", role="county_lead", label="Lee Lead")
    pat = make_device("Durham", "NC", role="canvasser", label="Pat Canvasser")
    turf = f"{lead.list_prefix}0001"
    assert results(lead.push(
        ("turf_cut", {"county": lead.county, "list_number": turf, "name": "Oak St",
                      "lines": [[1, ids[0]], [2, ids[1]]], "created_at": AT}),
        ("turf_assign", {"county": lead.county, "list_number": turf, "action": "assign",
                         "member_id": pat.member.id, "at": AT}),
        *(lead.contact(sid) for sid in ids[:4]))) == [("applied", None)] * 6

    asked = ride(pat.county, ids[0])
    forged = ride(pat.county, ids[1], requested_by="Lee Lead")  # no payload names a person
    assert results(pat.push(asked, ride(pat.county, ids[5]), forged, ride(pat.county, ids[1], phone="+1555"),
                            update(pat.county, asked[1]["id"], "arranged"))) == [
        ("applied", None), ("rejected", "forbidden_role"), ("rejected", "invalid_payload"),
        ("rejected", "invalid_payload"), ("rejected", "forbidden_role")]
    with database.session() as s:
        row = s.get(RideRequest, asked[1]["id"])
        assert row is not None and (row.member_id, row.requested_by, row.status) == (
            pat.member.id, pat.member.name, "requested")

    r = pat.client.get("/v1/changes", params={"scope": "rides"}, headers=pat.auth)
    assert r.status_code == 403 and r.json()["code"] == "forbidden"
    items, cursor = lead.pull_all("rides")
    assert [(i["id"], i["state_voter_id"], i["requested_by"], i["member_id"], i["phone"], i["status"])
            for i in items] == [(asked[1]["id"], ids[0], "Pat Canvasser", pat.member.id, "+19195550123",
                                 "requested")]

    assert results(lead.push(update(lead.county, asked[1]["id"], "arranged"),
                             update(lead.county, str(uuid.uuid4()), "done"))) == [
        ("applied", None), ("rejected", "unknown_ride")]
    changed, cursor = lead.pull_all("rides", cursor)
    assert [(i["status"], i["updated_by"]) for i in changed] == [("arranged", "Lee Lead")]
    assert results(lead.push(update(lead.county, asked[1]["id"], "done"), ride(lead.county, ids[9]))) == [
        ("applied", None), ("applied", None)]  # a lead may ask for anyone in the county

    with database.session() as s:  # the first voter has voted: one supporter of four, one of two on the turf
        voter_id = s.scalar(select(Voter.id).where(Voter.state_voter_id == ids[0]))
        county_id = s.scalar(select(Voter.county_id).where(Voter.id == voter_id))
        s.add(Voted(voter_id=voter_id, election="2026-11-03", county_id=county_id, voted=True))
        for sid, election, voted in ((ids[1], "2024-11-05", True), (ids[2], "2026-11-03", False)):
            other = s.scalar(select(Voter.id).where(Voter.state_voter_id == sid))  # neither counts as voted now
            s.add(Voted(voter_id=other, election=election, county_id=county_id, voted=voted))
    monkeypatch.setenv("CANVASS_DATABASE_URL", settings.database_url)
    capsys.readouterr()
    assert server_main(["stats", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)[0]
    assert stats["rides"] == {"requested": 1, "arranged": 0, "done": 1, "cancelled": 0}
    assert stats["gotv"] == {"election": "2026-11-03", "supporters": 4, "voted": 1, "left_to_chase": 3,
                             "turfs": [{"list_number": turf, "name": "Oak St", "supporters": 2, "voted": 1,
                                        "left_to_chase": 1}]}
    assert {"devices", "contact_attempts", "doors", "results", "votes"} <= set(stats)  # the keys it always had
