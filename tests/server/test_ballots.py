"""Ballots: opening (electorate, two-thirds rule), votes no device can forge for another member, close, adoption
under the charter, receipts that recount to the tally, the `ballots` pull scope and the `ballots` commands."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
import uuid
from pathlib import Path
from typing import Any

import pytest
from helpers.server import Device, count
from sqlalchemy import select, update

from canvass_protocol import wire
from canvass_server import ballots, versions
from canvass_server.db import Database
from canvass_server.devices import ensure_county
from canvass_server.models import Ballot, BallotVote, Member, PolicyBrief
from canvass_server.models import Device as DeviceRow

LATER = dt.datetime.now(dt.UTC) + dt.timedelta(days=7)


def add_member(database: Database, name: str, county: str = "Wake", state: str = "NC", role: str = "volunteer",
               status: str = "active") -> int:
    with database.session() as s:
        home = ensure_county(s, county, state)
        member = Member(county_id=home.id, name=name, role=role, status=status)
        s.add(member)
        s.flush()
        return member.id


def device_of(make_device: Any, database: Database, member_id: int, county: str = "Wake") -> Device:
    """An enrolled device belonging to the member (set in the database: the members CLI is not what is tested)."""
    with database.session() as s:
        role = s.get_one(Member, member_id).role
    dev: Device = make_device(county, "NC", role, f"device of {member_id}")
    with database.session() as s:
        s.execute(update(DeviceRow).where(DeviceRow.id == dev.device_id).values(member_id=member_id))
    return dev


def add_brief(database: Database, slug: str = "free-school-meals", *, protects: list[str] | None = None,
              conflicts: list[str] | None = None, status: str = "proposed") -> None:
    with database.session() as s:
        s.add(PolicyBrief(slug=slug, title=slug.replace("-", " ").title(), category="education", status=status,
                          protects=protects or [], conflicts=conflicts or [], version=versions.bump(s, "briefs")))


def open_ballot(database: Database, slug: str = "free-school-meals", scope: str = "county", *,
                threshold: float = 0.5, quorum: float = 0.5, county: str | None = "Wake") -> int:
    with database.session() as s:
        return ballots.open_ballot(s, brief_slug=slug, scope=scope, county=county, state="NC", closes_at=LATER,
                                   quorum=quorum, threshold=threshold).id


def vote(ballot_id: int, choice: str = "support", nonce: str | None = None, **extra: Any) -> tuple[str, Any]:
    nonce = nonce or secrets.token_hex(32)
    receipt = hashlib.sha256(f"canvass-ballot-receipt:v1:{ballot_id}:{choice}:{nonce}".encode()).hexdigest()
    return "ballot_vote", {"id": str(uuid.uuid4()), "ballot_id": ballot_id, "choice": choice, "receipt": receipt,
                           "created_at": "2026-05-01T12:00:00Z", **extra}


def push(dev: Device, *items: tuple[str, Any]) -> Any:
    """Ops written by hand as protocol 2 says (schema_version 2), sealed and signed by the device."""
    ops = []
    for op_type, payload in items:
        dev.seq += 1
        ops.append(wire.Op(op_id=str(uuid.uuid4()), seq=dev.seq, type=op_type, payload=payload,
                           schema_version=wire.OP_SCHEMA_VERSION))
    return dev.post(*dev.seal(ops))


def codes(response: Any) -> list[str | None]:
    assert response.status_code == 200, response.text
    return [r["code"] for r in response.json()["results"]]


def votes(database: Database, ballot_id: int) -> dict[int, str]:
    with database.session() as s:
        return dict(s.execute(select(BallotVote.member_id, BallotVote.choice).where(
            BallotVote.ballot_id == ballot_id)).all())


def close_in_the_past(database: Database, ballot_id: int) -> None:
    with database.session() as s:
        s.execute(update(Ballot).where(Ballot.id == ballot_id).values(
            closes_at=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)))


@pytest.fixture
def wake(database: Database) -> dict[str, int]:
    """Three active Wake members, one suspended, one in Durham; a proposed brief."""
    ids = {name: add_member(database, name) for name in ("ann", "bob", "cy")}
    ids["sus"] = add_member(database, "sus", status="suspended")
    ids["dee"] = add_member(database, "dee", county="Durham")
    add_brief(database)
    return ids


def test_the_electorate_is_the_scopes_active_members_at_opening(database: Database, wake: dict[str, int]) -> None:
    county_ballot = open_ballot(database)
    state_ballot = open_ballot(database, scope="state", county=None)
    add_member(database, "late")
    with database.session() as s:
        assert s.get_one(Ballot, county_ballot).electorate == 3  # not the suspended one, not Durham's, not late
        assert s.get_one(Ballot, state_ballot).electorate == 4


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"brief_slug": "nope"}, "no brief 'nope'"),
    ({"brief_slug": "adopted-one"}, "only a proposed brief"),
    ({"scope": "county", "county": None}, "needs --county"),
    ({"scope": "county", "county": "Nowhere"}, "no county 'Nowhere'"),
    ({"closes_at": dt.datetime(2020, 1, 1, tzinfo=dt.UTC)}, "close in the past"),
    ({"quorum": 1.5}, "quorum is a fraction"),
    ({"threshold": 0.4}, "threshold is a fraction"),
    ({"scope": "county", "county": "Orange"}, "no active members"),
])
def test_opening_refuses_with_a_clear_reason(database: Database, wake: dict[str, int], kwargs: dict[str, Any],
                                             message: str) -> None:
    add_brief(database, "adopted-one", status="adopted")
    with database.session() as s:
        ensure_county(s, "Orange", "NC")
    args: dict[str, Any] = {"brief_slug": "free-school-meals", "scope": "county", "county": "Wake", "state": "NC",
                            "closes_at": LATER, "quorum": 0.5, "threshold": 0.5} | kwargs
    with pytest.raises(ballots.BallotError, match=message), database.session() as s:
        ballots.open_ballot(s, **args)
    assert count(database, "ballot") == 0


def test_a_brief_touching_a_secured_right_needs_two_thirds(database: Database, wake: dict[str, int]) -> None:
    add_brief(database, "school-prayer", conflicts=["conscience"])
    add_brief(database, "clean-water", protects=["water"])
    for slug in ("school-prayer", "clean-water"):
        with pytest.raises(ballots.BallotError, match="two-thirds threshold"):
            open_ballot(database, slug, threshold=0.6)
    assert open_ballot(database, "clean-water", threshold=0.6667)  # 0.6667 reads as two thirds
    assert open_ballot(database, "school-prayer", threshold=2 / 3)


def test_a_vote_counts_for_the_devices_member_only_however_the_op_is_forged(
        make_device: Any, database: Database, wake: dict[str, int]) -> None:
    ballot = open_ballot(database)
    ann = device_of(make_device, database, wake["ann"])
    bob = device_of(make_device, database, wake["bob"])
    assert codes(push(ann, vote(ballot, "support"))) == [None]
    # Bob's device names Ann in every way the payload could: refused as invalid, never applied.
    forged = [vote(ballot, "oppose", **{field: wake["ann"]}) for field in ("member_id", "voter", "person")]
    assert codes(push(bob, *forged)) == ["invalid_payload"] * 3
    # 200 votes in one batch: one member, one vote (the last one).
    assert codes(push(bob, *[vote(ballot, "oppose") for _ in range(199)], vote(ballot, "abstain"))) == [None] * 200
    assert votes(database, ballot) == {wake["ann"]: "support", wake["bob"]: "abstain"}
    # A batch written by hand as Ann's device but signed by Bob's: refused whole, with Bob's token or Ann's.
    op = wire.Op(op_id=str(uuid.uuid4()), seq=ann.seq + 1, type="ballot_vote", payload=vote(ballot, "oppose")[1],
                 schema_version=wire.OP_SCHEMA_VERSION)
    batch_id, sealed = bob.seal([op], device_id=ann.device_id)
    assert bob.post(batch_id, sealed).json()["code"] == "wrong_device"
    assert ann.post(batch_id, sealed).json()["code"] == "bad_signature"
    assert votes(database, ballot) == {wake["ann"]: "support", wake["bob"]: "abstain"}


def test_a_vote_is_changeable_until_close_then_refused(make_device: Any, database: Database,
                                                       wake: dict[str, int]) -> None:
    ballot = open_ballot(database)
    ann = device_of(make_device, database, wake["ann"])
    assert codes(push(ann, vote(ballot, "support"))) == [None]
    assert codes(push(ann, vote(ballot, "oppose"), vote(ballot, "abstain"))) == [None, None]  # later seq wins
    assert votes(database, ballot) == {wake["ann"]: "abstain"}
    close_in_the_past(database, ballot)
    assert codes(push(ann, vote(ballot, "support"))) == ["ballot_closed"]
    assert votes(database, ballot) == {wake["ann"]: "abstain"}


def test_votes_from_outside_the_electorate_or_on_unknown_ballots_are_refused(
        make_device: Any, database: Database, wake: dict[str, int]) -> None:
    ballot = open_ballot(database)
    late = device_of(make_device, database, add_member(database, "late"))
    dee = device_of(make_device, database, wake["dee"], county="Durham")
    assert codes(push(late, vote(ballot), vote(ballot + 100))) == ["not_in_electorate", "unknown_ballot"]
    assert codes(push(dee, vote(ballot))) == ["unknown_ballot"]  # a Wake ballot does not exist for Durham
    assert votes(database, ballot) == {}


def test_receipts_are_published_after_close_and_recount_to_the_tally(
        make_device: Any, database: Database, wake: dict[str, int], client: Any) -> None:
    ballot = open_ballot(database, quorum=0.5)
    devices = {name: device_of(make_device, database, wake[name]) for name in ("ann", "bob", "cy")}
    cast = {"ann": vote(ballot, "support"), "bob": vote(ballot, "support"), "cy": vote(ballot, "oppose")}
    for name, item in cast.items():
        assert codes(push(devices[name], item)) == [None]
    early = client.get(f"/v1/ballots/{ballot}/receipts", headers=devices["ann"].auth)
    assert early.status_code == 409
    assert early.json()["code"] == "ballot_open"
    close_in_the_past(database, ballot)  # finalised by the first request that looks at it
    r = client.get(f"/v1/ballots/{ballot}/receipts", headers=devices["ann"].auth)
    assert r.status_code == 200, r.text
    published = wire.BallotReceipts.model_validate(r.json())
    assert published.receipts["support"] == sorted([cast["ann"][1]["receipt"], cast["bob"][1]["receipt"]])
    assert published.receipts["oppose"] == [cast["cy"][1]["receipt"]]
    assert ballots.recount(published) == (2, 1, 0)
    assert published.result == wire.BallotResult(electorate=3, votes=3, support=2, oppose=1, abstain=0,
                                                 quorum_met=True, passed=True)
    assert set(r.json()) == {"ballot_id", "result", "receipts"}  # no member, no device, no time
    dee = device_of(make_device, database, wake["dee"], county="Durham")
    assert client.get(f"/v1/ballots/{ballot}/receipts", headers=dee.auth).status_code == 404


def test_the_pull_scope_sends_the_countys_ballots_with_results_once_closed(
        make_device: Any, database: Database, wake: dict[str, int]) -> None:
    ballot = open_ballot(database)
    national = open_ballot(database, scope="national", county=None)
    ann = device_of(make_device, database, wake["ann"])
    dee = device_of(make_device, database, wake["dee"], county="Durham")
    items, cursor = ann.pull_all("ballots")
    assert [(i["id"], i["status"], i["result"]) for i in items] == [(ballot, "open", None), (national, "open", None)]
    assert items[0]["title"] == "Free School Meals"
    assert [i["id"] for i in dee.pull_all("ballots")[0]] == [national]
    assert codes(push(ann, vote(ballot, "support"))) == [None]
    close_in_the_past(database, ballot)
    again, _ = ann.pull_all("ballots", cursor)
    assert [(i["id"], i["status"]) for i in again] == [(ballot, "closed")]
    assert again[0]["result"]["support"] == 1
    assert again[0]["result"]["quorum_met"] is False  # 1 of 3 under a quorum of one half


def test_passing_adopts_the_brief_only_while_the_charter_holds(
        make_device: Any, database: Database, wake: dict[str, int]) -> None:
    add_brief(database, "school-prayer", conflicts=["conscience"])
    add_brief(database, "clean-water", protects=["water"])
    ids = {slug: open_ballot(database, slug, threshold=2 / 3) for slug in ("school-prayer", "clean-water")}
    for name in ("ann", "bob", "cy"):
        dev = device_of(make_device, database, wake[name])
        choice = "oppose" if name == "cy" else "support"  # two of three: exactly two thirds
        assert codes(push(dev, vote(ids["school-prayer"], choice), vote(ids["clean-water"], choice))) == [None, None]
    with database.session() as s:
        prayer = ballots.close_ballot(s, s.get_one(Ballot, ids["school-prayer"]))
        water = ballots.close_ballot(s, s.get_one(Ballot, ids["clean-water"]))
        assert prayer.result.passed and water.result.passed
        assert (prayer.adopted, water.adopted) == (False, True)
        assert "conscience" in (prayer.why_not_adopted or "")
        status = dict(s.execute(select(PolicyBrief.slug, PolicyBrief.status)).all())
    assert status["school-prayer"] == "proposed"
    assert status["clean-water"] == "adopted"
    briefs = {b["slug"]: b["status"] for b in device_of(make_device, database, wake["ann"]).pull_all("briefs")[0]}
    assert briefs["clean-water"] == "adopted"


@pytest.mark.parametrize(("support", "oppose", "abstain", "threshold", "passed"), [
    (2, 2, 0, 0.5, False),  # a tie is not more than half
    (3, 2, 0, 0.5, True),
    (2, 1, 0, 2 / 3, True),  # exactly two thirds is enough
    (2, 1, 0, 0.6667, True),
    (5, 3, 2, 2 / 3, False),
    (0, 0, 3, 0.5, False),  # all abstain: quorum met, nothing carried
])
def test_the_passing_rule(support: int, oppose: int, abstain: int, threshold: float, passed: bool) -> None:
    ballot = Ballot(electorate=10, quorum=0.2, threshold=threshold)
    assert ballots.result_of(ballot, support, oppose, abstain).passed is passed


def test_quorum_counts_abstentions() -> None:
    ballot = Ballot(electorate=10, quorum=0.3, threshold=0.5)
    assert ballots.result_of(ballot, 1, 0, 2).quorum_met
    assert not ballots.result_of(ballot, 1, 0, 1).quorum_met


def test_the_ballots_commands(make_device: Any, database: Database, wake: dict[str, int], cli: Any,
                              tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = cli
    code, out, err = run("ballots", "open", "free-school-meals", "--scope", "county", "--county", "WAKE",
                         "--state", "NC", "--closes", LATER.isoformat(), "--quorum", "0.5", "--threshold", "1/2",
                         "--json")
    assert code == 0, err
    ballot = json.loads(out)["id"]
    assert json.loads(out)["electorate"] == 3
    code, out, _ = run("ballots", "open", "free-school-meals", "--scope", "county", "--county", "Wake",
                       "--state", "NC", "--closes", LATER.isoformat(), "--quorum", "0.5", "--threshold", "0.5")
    assert code == 0 and out.splitlines()[0].isdigit()
    with pytest.raises(SystemExit):
        run("ballots", "open", "free-school-meals", "--scope", "state", "--closes", "soon", "--quorum", "0.5",
            "--threshold", "0.5")
    assert "'soon' is not an ISO date-time" in capsys.readouterr().err
    for name, choice in (("ann", "support"), ("bob", "oppose"), ("cy", "support")):
        assert codes(push(device_of(make_device, database, wake[name]), vote(ballot, choice))) == [None]
    code, out, _ = run("ballots", "tally", str(ballot), "--json")
    tally = json.loads(out)
    assert {k: tally[k] for k in ("electorate", "votes", "support", "oppose", "abstain", "quorum_met", "passed")} \
        == {"electorate": 3, "votes": 3, "support": 2, "oppose": 1, "abstain": 0, "quorum_met": True, "passed": True}
    code, _, err = run("ballots", "receipts", str(ballot), "--json")
    assert code == 2 and "published when it closes" in err
    code, out, _ = run("ballots", "list", "--json")
    listed = {row["id"]: row for row in json.loads(out)}
    assert (listed[ballot]["votes"], listed[ballot]["electorate"], listed[ballot]["status"]) == (3, 3, "open")
    code, out, _ = run("ballots", "close", str(ballot))
    assert code == 0 and "the brief is adopted" in out
    code, out, _ = run("ballots", "receipts", str(ballot), "--json")
    published = wire.BallotReceipts.model_validate_json(out)
    assert ballots.recount(published) == (2, 1, 0)
    code, out, _ = run("ballots", "receipts", str(ballot))
    assert "agrees with the published tally" in out
    code, out, _ = run("ballots", "list")
    assert "passed" in out
    assert "ann" not in out and "bob" not in out  # turnout, never names
    code, _, err = run("ballots", "tally", "999")
    assert code == 2 and "no ballot 999" in err
