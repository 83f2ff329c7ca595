"""Election-day progress against a truth computed here, in `gotv progress --json` and `status --json` alike; ride
requests: phones checked and normalised, ops queued without a person, status changes in order, pulled rides."""

from __future__ import annotations

import datetime as dt
import json
import random

import pytest
from helpers.turf_fixtures import H, P, make_county
from sqlalchemy import select

from canvass_app.cli.main import main
from canvass_app.contacts.attempts import Survey, log_contact
from canvass_app.gotv.rides import RideError, apply_pulled_rides, request_ride
from canvass_app.store.database import Store
from canvass_app.store.models import County, Household, OutboxOp, RideRequest, Turf, Voted, Voter
from canvass_app.turfs import cutting

NOW = dt.datetime.now(dt.UTC)


@pytest.fixture
def truth(store: Store) -> dict[str, tuple[int, int]]:
    """Random support answers (some changed later) and votes over two turfs and a door in none; returns
    {list number or "": (supporters, voted)}."""
    rng = random.Random(5)
    homes = [H(n, st, [P(f"A{n}", "Lee"), P(f"B{n}", "Kim", dnc=n == 2)], precinct=pc)
             for pc, st in (("01", "Oak St"), ("02", "Elm St")) for n in range(1, 16)]
    out: dict[str, list[int]] = {}
    with store.session() as s:
        c = make_county(s, homes, name="Durham")
        cutting.cut_county(s, c.id)
        loose = s.scalars(select(Household).order_by(Household.id.desc())).first()
        assert loose is not None
        loose.turf_id = None  # a door in no turf
        turf_of = dict(s.execute(select(Household.id, Turf.list_number).outerjoin(
            Turf, Turf.id == Household.turf_id)).all())
        for v in s.scalars(select(Voter)):
            if v.do_not_contact:
                continue
            support = rng.randint(1, 5)
            log_contact(s, v.id, "C", Survey(support=support), at=NOW - dt.timedelta(days=4))
            if rng.random() < 0.3:
                support = rng.randint(1, 5)
                log_contact(s, v.id, "C", Survey(support=support), at=NOW - dt.timedelta(days=1))
            voted = rng.random() < 0.4
            if voted:
                s.add(Voted(voter_id=v.id, election="2026-11-03", county_id=c.id, voted=True))
            if support <= 2:  # 1 strong support, 2 lean support
                figures = out.setdefault(turf_of[v.household_id] or "", [0, 0])
                figures[0] += 1
                figures[1] += voted
    return {k: (n, v) for k, (n, v) in out.items()}


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:  # type: ignore[type-arg]
    capsys.readouterr()
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_progress_per_turf_and_county_matches_the_truth(truth: dict[str, tuple[int, int]],
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = _json(capsys, "gotv", "progress")
    assert {t["list_number"]: (t["supporters"], t["voted"]) for t in out["turfs"]} == {
        k: v for k, v in truth.items() if k}
    assert (out["outside_turfs"]["supporters"], out["outside_turfs"]["voted"]) == truth.get("", (0, 0))
    supporters, voted = (sum(v[i] for v in truth.values()) for i in (0, 1))
    assert (out["supporters"], out["voted"], out["left_to_chase"]) == (supporters, voted, supporters - voted)
    assert out["election"] == "2026-11-03"
    status = _json(capsys, "status")
    assert status["gotv"] == [out]  # the same numbers, one entry per county
    assert "pending" in status and "member" in status  # the keys it always had


def test_ride_requests_are_checked_queued_and_follow_their_status(store: Store,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    with store.session() as s:
        make_county(s, [H(1, "Oak St", [P("Ann", "Lee")])], name="Durham")
        vid = s.scalars(select(Voter.id)).one()
        with pytest.raises(RideError, match="not a valid phone number"):
            request_ride(s, vid, pickup_at=NOW, pickup_address="1 Oak St", passengers=1, phone="555-0100")
        with pytest.raises(RideError, match="1 to 12 people"):
            request_ride(s, vid, pickup_at=NOW, pickup_address="1 Oak St", passengers=0, phone="9195550100")
        ride = request_ride(s, vid, pickup_at=NOW, pickup_address=" 1  Oak St ", passengers=2,
                            phone="919.555.0100", requested_by="Pat")
        assert (ride.phone, ride.pickup_address) == ("+19195550100", "1 Oak St")
        ops = s.scalars(select(OutboxOp.payload).where(OutboxOp.op_type == "ride_request")).all()
        assert len(ops) == 1 and "requested_by" not in ops[0] and ops[0]["id"] == ride.id
    out = _json(capsys, "gotv", "rides", "--mark", ride.id, "arranged")
    assert [r["status"] for r in out["rides"]] == ["arranged"]
    assert main(["gotv", "rides", "--mark", ride.id, "requested"]) == 2
    assert "cannot be marked requested" in capsys.readouterr().err
    with store.session() as s:
        kinds = s.scalars(select(OutboxOp.op_type).order_by(OutboxOp.seq)).all()
        assert kinds == ["ride_request", "ride_update"]
        county = s.scalars(select(County)).one()
        apply_pulled_rides(s, county, [{  # the server's word wins: done, by the lead
            "id": ride.id, "state_voter_id": ride.state_voter_id, "voter_name": "Ann Lee", "pickup_at": ride.pickup_at,
            "pickup_address": "1 Oak St", "passengers": 2, "phone": "+19195550100", "note": None, "status": "done",
            "member_id": 7, "requested_by": "Pat Canvasser", "requested_at": NOW.isoformat(),
            "updated_by": "Lee Lead", "updated_at": NOW.isoformat()}], False)
        row = s.get(RideRequest, ride.id)
        assert row is not None and (row.status, row.requested_by, row.updated_by) == ("done", "Pat Canvasser",
                                                                                      "Lee Lead")
