"""Pull apply: pages land as upserts with their cursor in one transaction; refetch; a revoked device's wipe."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from canvass_app.store import outbox
from canvass_app.store.database import Store
from canvass_app.store.models import (
    ContactAttempt,
    Household,
    OutboxOp,
    SyncState,
    Turf,
    TurfAssignment,
    TurfLine,
    Voted,
    Voter,
)
from canvass_app.sync import pull
from canvass_app.turfs import cutting
from canvass_app.turfs.members import assignable_members
from canvass_protocol import wire


def _home(n: int) -> dict[str, Any]:
    return {"key": f"{n}||MAIN|ST|||27601", "house_number": str(n), "house_number_int": n, "pre_dir": None,
            "street_name": "MAIN", "street_type": "ST", "post_dir": None, "unit": None, "unit_sort": None,
            "city": "Raleigh", "zip": "27601", "street_key": "MAIN ST", "side": "O" if n % 2 else "E",
            "precinct_code": "01-01", "lat": None, "lon": None}


def _voter(n: int, **extra: Any) -> dict[str, Any]:
    return {"state_voter_id": f"WA{n:06d}", "registration_number": None, "first_name": "Ann", "middle_name": None,
            "last_name": f"Doe{n}", "suffix": None, "birth_year": 1980, "sex": "F", "party": "UNA",
            "phone": None, "email": None, "language": "en", "res_address": f"{n} MAIN ST", "res_city": "Raleigh",
            "res_state": "NC", "res_zip": "27601", "precinct_code": "01-01", "registration_status": "active",
            "active": True, "do_not_contact": False, "deceased": False, "moved": False,
            "household_key": f"{n}||MAIN|ST|||27601", **extra}


def _page(scope: str, items: list[dict[str, Any]], cursor: str, refetch: bool = False) -> wire.ChangesPage:
    return wire.ChangesPage(scope=scope, items=items, cursor=cursor, has_more=False, refetch=refetch)


def test_pages_upsert_and_save_their_cursor_together(store: Store) -> None:
    with store.session() as s:
        county = pull.local_county(s, "Wake", "NC")
        pull.apply_page(s, county, _page("households", [_home(1), _home(2)], "h1"))
        pull.apply_page(s, county, _page("voters", [_voter(1), _voter(2)], "v1"))
    with store.session() as s:
        county = pull.local_county(s, "Wake", "NC")
        pull.apply_page(s, county, _page("voters", [_voter(2, phone="9195550100", last_name="Roe")], "v2"))
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Voter)) == 2
        assert s.scalar(select(func.count()).select_from(Household)) == 2
        roe = s.scalars(select(Voter).where(Voter.state_voter_id == "WA000002")).one()
        assert (roe.last_name, roe.phone) == ("Roe", "9195550100")
        assert roe.household is not None and roe.household.house_number == "2"
        assert pull.get_cursor(s, "voters") == "v2" and pull.get_cursor(s, "households") == "h1"


def test_a_page_that_fails_leaves_neither_items_nor_cursor(store: Store) -> None:
    def bad_page() -> None:
        with store.session() as s:
            pull.apply_page(s, pull.local_county(s, "Wake", "NC"), _page("voters", [_voter(1), {"no": "id"}], "bad"))

    with pytest.raises(ValueError, match="voters item is not valid"):
        bad_page()
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Voter)) == 0
        assert s.get(SyncState, "voters") is None


def test_refetch_marks_voters_not_sent_again_inactive(store: Store) -> None:
    with store.session() as s:
        county = pull.local_county(s, "Wake", "NC")
        pull.apply_page(s, county, _page("voters", [_voter(1), _voter(2)], "v1"))
        pull.apply_page(s, county, _page("voters", [_voter(2)], "r1", refetch=True))
    with store.session() as s:
        active = dict(s.execute(select(Voter.state_voter_id, Voter.active)).all())
    assert active == {"WA000001": False, "WA000002": True}


def _turf(number: str, lines: list[int], **extra: Any) -> dict[str, Any]:
    return {"list_number": number, "name": "Main St", "precinct_code": "01-01", "both_sides_ascending": False,
            "lines": [[n + 1, f"WA{v:06d}"] for n, v in enumerate(lines)], "member_id": 7, "member_name": "Pat",
            "mine": True, "checked_out_at": "2026-05-01T12:00:00+00:00", "deleted": False, **extra}


def _county_with_voters(s: Any, n: int) -> Any:
    county = pull.local_county(s, "Wake", "NC")
    pull.apply_page(s, county, _page("households", [_home(i) for i in range(1, n + 1)], "h"))
    pull.apply_page(s, county, _page("voters", [_voter(i) for i in range(1, n + 1)], "v"))
    return county


def test_turfs_arrive_with_lines_households_and_holder_and_leave_when_deleted(store: Store) -> None:
    with store.session() as s:
        county = _county_with_voters(s, 4)
        pull.apply_page(s, county, _page("members", [{"id": 7, "name": "Pat", "role": "canvasser",
                                                      "status": "active"}], "m"))
        pull.apply_page(s, county, _page("turfs", [_turf("T3-0001", [2, 1])], "t1"))
        pull.apply_page(s, county, _page("turfs", [_turf("T3-0001", [2, 1])], "t1"))  # twice: the same rows
    with store.session() as s:
        turf = s.scalars(select(Turf)).one()
        assert (turf.list_number, turf.mine) == ("T3-0001", True)
        lines = s.execute(select(TurfLine.line, Voter.state_voter_id).join(Voter, Voter.id == TurfLine.voter_id)
                          .order_by(TurfLine.line)).all()
        assert [tuple(r) for r in lines] == [(1, "WA000002"), (2, "WA000001")]
        homes = s.scalars(select(Household.house_number).where(Household.turf_id == turf.id))
        assert sorted(str(n) for n in homes) == ["1", "2"]
        held = s.scalars(select(TurfAssignment)).one()
        assert (held.member_id, held.canvasser, held.returned_at) == (7, "Pat", None)
        assert [t.list_number for t in cutting.my_turfs(s)] == ["T3-0001"]
        assert [m.name for m in assignable_members(s)] == ["Pat"]
        pull.apply_page(s, county, _page("turfs", [_turf("T3-0001", [3], member_id=8, member_name="Ann",
                                                         mine=False)], "t2"))
    with store.session() as s:
        assert [(a.member_id, a.returned_at is None) for a in s.scalars(
            select(TurfAssignment).order_by(TurfAssignment.id))] == [(7, False), (8, True)]
        assert s.scalars(select(Household.house_number).where(Household.turf_id.is_not(None))).all() == ["3"]
        county = pull.local_county(s, "Wake", "NC")
        pull.apply_page(s, county, _page("turfs", [_turf("T3-0001", [], deleted=True)], "t3"))
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Turf)) == 0
        assert s.scalar(select(func.count()).select_from(TurfLine)) == 0
        assert s.scalar(select(func.count()).select_from(Household).where(Household.turf_id.is_not(None))) == 0


def test_a_canvassers_device_keeps_only_its_turfs_voters_and_those_with_ops_pending(store: Store) -> None:
    with store.session() as s:
        county = _county_with_voters(s, 4)
        pull.apply_page(s, county, _page("turfs", [_turf("T3-0001", [1])], "t1"))
        voter = {v.state_voter_id: v for v in s.scalars(select(Voter))}
        for n, (sid, status) in enumerate((("WA000003", "synced"), ("WA000004", "pending"))):
            s.add(ContactAttempt(id=f"c{n}", voter_id=voter[sid].id, household_id=voter[sid].household_id,
                                 result_code_id=1))
            s.add(OutboxOp(op_id=f"o{n}", op_type="contact_attempt", status=status,
                           payload={"id": f"c{n}", "state_voter_id": sid}))
        s.flush()
        assert pull.after_pull(s, "county_lead") == {}  # a lead keeps the county
        removed = pull.after_pull(s, "canvasser")
    with store.session() as s:
        assert sorted(s.scalars(select(Voter.state_voter_id))) == ["WA000001", "WA000004"]
        assert removed == {"contact_attempt": 1, "voter": 2, "household": 2}
        assert sorted(str(n) for n in s.scalars(select(Household.house_number))) == ["1", "4"]


def _voted(n: int, **extra: Any) -> dict[str, Any]:
    return {"state_voter_id": f"WA{n:06d}", "election": "2026-11-03", "voted": False, "voted_on": None,
            "vote_method": None, "ballot_status": "requested", **extra}


def test_voted_rows_upsert_by_voter_and_election_and_a_voters_refetch_restarts_them(store: Store) -> None:
    with store.session() as s:
        county = pull.local_county(s, "Wake", "NC")
        pull.apply_page(s, county, _page("households", [_home(1), _home(2)], "h1"))
        pull.apply_page(s, county, _page("voters", [_voter(1), _voter(2)], "v1"))
        assert pull.apply_page(s, county, _page("voted", [_voted(1), _voted(2), _voted(9)], "x1")) == 2
    with store.session() as s:  # the voter's ballot came back: the row is replaced, not doubled
        county = pull.local_county(s, "Wake", "NC")
        pull.apply_page(s, county, _page("voted", [_voted(1, voted=True, voted_on="2026-10-30", vote_method="mail",
                                                           ballot_status="accepted")], "x2"))
    with store.session() as s:
        rows = s.execute(select(Voter.state_voter_id, Voted.election, Voted.voted, Voted.ballot_status)
                         .join(Voted, Voted.voter_id == Voter.id).order_by(Voter.state_voter_id)).all()
        assert [tuple(r) for r in rows] == [("WA000001", "2026-11-03", True, "accepted"),
                                            ("WA000002", "2026-11-03", False, "requested")]
        assert pull.get_cursor(s, "voted") == "x2"
        county = pull.local_county(s, "Wake", "NC")
        pull.apply_page(s, county, _page("voters", [_voter(1), _voter(2)], "v2", refetch=True))
        assert pull.get_cursor(s, "voted") is None  # a new turf's voted rows may have gone by: start again


def test_the_scopes_a_role_pulls() -> None:
    assert pull.scopes_for("volunteer") == [s for s in ("rights", "briefs", "surveys", "ballots", "scorecards",
                                                                "candidates") if s in pull.APPLY]
    assert pull.scopes_for("canvasser")[:4] == ["households", "voters", "voted", "turfs"]
    assert pull.scopes_for("county_lead")[:5] == ["households", "voters", "voted", "members", "turfs"]


def test_surveys_replace_their_options(store: Store) -> None:
    q = {"key": "housing", "text": "Is rent affordable?", "kind": "choice", "sort_order": 9, "active": True,
         "options": [{"value": "yes", "label": "Yes"}, {"value": "no", "label": "No"}]}
    with store.session() as s:
        county = pull.local_county(s, "Wake", "NC")
        pull.apply_page(s, county, _page("surveys", [q], "s1"))
        pull.apply_page(s, county, _page("surveys", [q | {"options": [{"value": "maybe", "label": "Maybe"}]}], "s2"))
    from canvass_app.store.models import SurveyQuestion

    with store.session() as s:
        question = s.scalars(select(SurveyQuestion).where(SurveyQuestion.key == "housing")).one()
        assert [o.value for o in question.options] == ["maybe"]


def test_wipe_removes_voter_data_and_queued_ops_but_keeps_public_content(store: Store) -> None:
    with store.session() as s:
        county = pull.local_county(s, "Wake", "NC")
        pull.apply_page(s, county, _page("households", [_home(1)], "h1"))
        pull.apply_page(s, county, _page("voters", [_voter(1)], "v1"))
        outbox.enqueue(s, "voter_correction", {"county": {"name": "Wake", "state": "NC"},
                                               "state_voter_id": "WA000001", "fields": {"moved": True}})
    with store.session() as s:
        removed = pull.wipe_voter_data(s, "revoked")
    assert removed["voter"] == 1 and removed["household"] == 1 and removed["outbox_op"] == 1
    with store.session() as s:
        for model in (Voter, Household, OutboxOp, SyncState):
            assert s.scalar(select(func.count()).select_from(model)) == 0
        assert s.scalar(select(func.count()).select_from(pull.County)) == 1


def test_every_field_the_server_sends_is_stored(store: Store) -> None:
    """The wire model's fields are the client's columns: `moved` once drifted and was dropped."""
    with store.session() as s:
        county = pull.local_county(s, "Wake", "NC")
        pull.apply_page(s, county, _page("households", [_home(1)], "h1"))
        pull.apply_page(s, county, _page("voters", [_voter(1, moved=True)], "v1"))
    with store.session() as s:
        voter = s.scalars(select(Voter)).one()
        assert voter.moved is True
        stored = {c.name for c in Voter.__table__.columns}
        assert set(pull.VOTER_FIELDS) <= stored
        assert set(pull.HOUSEHOLD_FIELDS) <= {c.name for c in Household.__table__.columns}


def test_an_item_missing_optional_fields_gets_the_wire_defaults(store: Store) -> None:
    with store.session() as s:
        county = pull.local_county(s, "Wake", "NC")
        pull.apply_page(s, county, _page("voters", [{"state_voter_id": "WA9", "last_name": "Poe"}], "v1"))
    with store.session() as s:
        voter = s.scalars(select(Voter)).one()
        assert (voter.active, voter.deceased, voter.moved) == (True, False, False)
