"""GET /v1/changes: county scoping, paging with server cursors, refetch, briefs under the charter, wipe."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from helpers.server import Device, seed_county

from canvass_server import versions
from canvass_server.app import create_app
from canvass_server.config import Settings
from canvass_server.db import Database
from canvass_server.devices import revoke
from canvass_server.keys import ServerKeyPair
from canvass_server.models import PolicyBrief, SecuredRight


def test_voters_and_households_of_the_devices_county_only(make_device: Any, database: Database) -> None:
    wake = seed_county(database, "Wake", voters=10)
    seed_county(database, "Durham", voters=10)
    dev: Device = make_device("Wake", role="county_lead")
    voters, _ = dev.pull_all("voters")
    homes, _ = dev.pull_all("households")
    assert sorted(v["state_voter_id"] for v in voters) == sorted(wake)
    assert len(homes) == 5
    assert {v["household_key"] for v in voters} == {h["key"] for h in homes}


def test_paging_and_cursors_see_every_change_once(settings: Settings, server_key: ServerKeyPair,
                                                   database: Database) -> None:
    ids = seed_county(database, voters=24)
    paged = Settings(database_url=settings.database_url, server_key_file=settings.key_file, page_size=7)
    app = create_app(paged, server_key)
    with TestClient(app) as client:
        from helpers.server import enrollment_code
        dev = Device(client, enrollment_code(database, role="county_lead"))
        first = dev.pull("voters")
        assert len(first["items"]) == 7
        assert first["has_more"] is True
        rest, cursor = dev.pull_all("voters", first["cursor"])
        assert len(first["items"]) + len(rest) == 24
        assert dev.pull("voters", cursor)["items"] == []
        fix = ("voter_correction", {"county": dev.county, "state_voter_id": ids[3], "fields": {"moved": True}})
        assert dev.push(fix).status_code == 200
        changed = dev.pull("voters", cursor)
        assert [(v["state_voter_id"], v["moved"]) for v in changed["items"]] == [(ids[3], True)]
        assert changed["refetch"] is False
    app.state.db.dispose()


def test_a_strange_cursor_means_refetch(make_device: Any, database: Database) -> None:
    seed_county(database, voters=4)
    dev: Device = make_device(role="county_lead")
    _, cursor = dev.pull_all("voters")
    for bad in ("garbage", cursor[:-3], dev.pull_all("households")[1]):
        page = dev.pull("voters", bad)
        assert page["refetch"] is True
        assert len(page["items"]) == 4


def test_unknown_scope(make_device: Any) -> None:
    dev: Device = make_device()
    r = dev.client.get("/v1/changes", params={"scope": "everything"}, headers=dev.auth)
    assert r.status_code == 400
    assert r.json()["code"] == "invalid_scope"


def test_surveys_and_turfs(make_device: Any) -> None:
    dev: Device = make_device()
    keys = [q["key"] for q in sorted(dev.pull_all("surveys")[0], key=lambda q: q["sort_order"])]
    assert keys == ["support", "top_issue", "volunteer", "language", "needs_ride"]
    assert dev.pull_all("turfs")[0] == []


def test_a_brief_conflicting_with_a_secured_right_is_never_served_adopted(make_device: Any,
                                                                         database: Database) -> None:
    with database.session() as s:
        s.add(SecuredRight(slug="free-speech", title="Free speech", text="...",
                           version=versions.bump(s, "rights")))
        s.add(PolicyBrief(slug="quiet-streets", title="Quiet streets", category="other", status="adopted",
                          conflicts=["free-speech"], version=versions.bump(s, "briefs")))
        s.add(PolicyBrief(slug="school-meals", title="School meals", category="education", status="adopted",
                          protects=["free-speech"], version=versions.bump(s, "briefs")))
    dev: Device = make_device()
    assert [r["slug"] for r in dev.pull_all("rights")[0]] == ["free-speech"]
    briefs = {b["slug"]: b for b in dev.pull_all("briefs")[0]}
    assert briefs["quiet-streets"]["status"] == "proposed"
    assert briefs["school-meals"]["status"] == "adopted"


def test_served_briefs_are_accepted_by_the_apps_parser(make_device: Any, database: Database,
                                                       tmp_path: Path) -> None:
    from canvass_formats.briefs_content import brief_from_mapping
    with database.session() as s:
        s.add(PolicyBrief(slug="school-meals", title="School meals", category="education", summary="s",
                          body_md="Body.", talking_points=["Feed kids"],
                          version=versions.bump(s, "briefs")))
    dev: Device = make_device()
    for item in dev.pull_all("briefs")[0]:
        assert brief_from_mapping(dict(item)).slug == "school-meals"


def test_revoked_device_is_told_to_wipe_and_gets_no_data(make_device: Any, database: Database) -> None:
    seed_county(database, voters=4)
    dev: Device = make_device()
    assert dev.pull("device")["items"][0]["wipe"] is False
    with database.session() as s:
        revoke(s, dev.device_id)
    assert dev.pull("device")["items"][0] == {
        "device_id": dev.device_id, "status": "revoked", "wipe": True, "county": dev.county, "role": "canvasser",
        "member": dev.member.model_dump(), "notice": None}  # the signed notice answers GET /v1/device?nonce=
    r = dev.client.get("/v1/changes", params={"scope": "voters"}, headers=dev.auth)
    assert r.status_code == 403
    assert r.json()["code"] == "device_revoked"
