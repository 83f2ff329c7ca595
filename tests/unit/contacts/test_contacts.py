"""Logging contacts: one row plus its outbox op, result codes by name, undo by correction, marks, lists, progress."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from helpers.turf_fixtures import H, P, make_county, street
from sqlalchemy import func, select

from canvass_app.contacts.attempts import (
    ContactError,
    Survey,
    amend_contact,
    current_results,
    find_voter,
    log_contact,
    log_household,
    resolve_result,
    undo_contact,
    undo_last,
)
from canvass_app.contacts.listing import list_contacts, turf_progress, write_csv
from canvass_app.contacts.walk_doors import turf_choices, walk_doors
from canvass_app.store.database import Store
from canvass_app.store.models import ContactAttempt, OutboxOp, Voter
from canvass_app.turfs.cutting import cut_by_precinct
from canvass_protocol.wire import ContactAttemptPayload, VoterCorrectionPayload


@pytest.fixture
def county(store: Store) -> Store:
    with store.session() as s:
        make_county(s, [
            H(1, "Main St", [P("Ann", "Lee"), P("Bob", "Lee")]),
            H(3, "Main St", [P("Cy", "Ng"), P("Dee", "Ng", dnc=True)]),
            *street("Main St", [5, 7, 2, 4]),
        ])
        cut_by_precinct(s, 1)
    return store


def voter_id(store: Store, first: str) -> int:
    with store.session() as s:
        vid = s.scalar(select(Voter.id).where(Voter.first_name == first))
        assert vid is not None
        return vid


def ops(store: Store, op_type: str) -> list[dict[str, object]]:
    with store.session() as s:
        return [o.payload for o in s.scalars(select(OutboxOp).where(OutboxOp.op_type == op_type)
                                             .order_by(OutboxOp.seq))]


@pytest.mark.parametrize(("given", "code"), [("NH", "NH"), ("nh", "NH"), ("Not Home", "NH"), ("not  HOME", "NH"),
                                             ("dnc", "DNC"), ("Come back later", "CB")])
def test_result_codes_resolve_by_abbreviation_or_name_in_any_case(store: Store, given: str, code: str) -> None:
    with store.session() as s:
        assert resolve_result(s, given).code == code


def test_unknown_result_code_is_refused_with_the_choices(store: Store) -> None:
    with store.session() as s, pytest.raises(ContactError, match=r"Unknown result code 'XX'.*NH \(Not Home\)"):
        resolve_result(s, "XX")


def test_a_contact_and_its_outbox_op_are_written_together_with_the_wire_payload(county: Store) -> None:
    ann = voter_id(county, "Ann")
    with county.session() as s:
        cid = log_contact(s, ann, "canvassed", Survey(support=2, top_issue="education", volunteer_interest=True,
                                                       preferred_language="es", needs_ride=False),
                          note="Wants a yard sign", canvasser="maria")
    with county.session() as s:
        row = s.get(ContactAttempt, cid)
        assert row is not None
        assert (row.support, row.turf_id, row.source, row.note) == (2, 1, "walk", "Wants a yard sign")
        assert row.canvasser == "maria"  # shown locally; the op names nobody (the server signs it)
    [payload] = ops(county, "contact_attempt")
    parsed = ContactAttemptPayload.model_validate(payload)  # exactly the shape the server accepts
    assert (parsed.id, parsed.result, parsed.list_number, parsed.county.name) == (cid, "C", "T-0001", "Wake")
    assert (parsed.support, parsed.top_issue, parsed.volunteer_interest) == (2, "education", True)
    assert "canvasser" not in payload


def test_bad_support_and_unknown_voter_write_nothing(county: Store) -> None:
    ann = voter_id(county, "Ann")
    with pytest.raises(ContactError, match="Support must be 1 to 5"), county.session() as s:
        log_contact(s, ann, "C", Survey(support=6))
    with pytest.raises(ContactError, match="no voter #99999"), county.session() as s:
        log_contact(s, 99999, "C")
    with county.session() as s:
        assert s.scalar(select(func.count()).select_from(ContactAttempt)) == 0
        assert s.scalar(select(func.count()).select_from(OutboxOp)) == 0


def test_do_not_contact_voters_are_refused(county: Store) -> None:
    with pytest.raises(ContactError, match="marked Do Not Contact"), county.session() as s:
        log_contact(s, voter_id(county, "Dee"), "C")


def test_household_not_home_logs_every_knockable_voter_in_one_call(county: Store) -> None:
    with county.session() as s:
        household = s.get(Voter, voter_id(county, "Cy"))
        assert household is not None
        ids = log_household(s, household.household_id or 0, canvasser="maria")
    assert len(ids) == 1  # Dee is Do Not Contact
    with county.session() as s:
        assert {c.code for c in current_results(s, [voter_id(county, "Cy")]).values()} == {"NH"}


def test_undo_is_a_correcting_entry_and_the_previous_result_becomes_current(county: Store) -> None:
    ann = voter_id(county, "Ann")
    with county.session() as s:
        first = log_contact(s, ann, "NH", at=dt.datetime(2026, 3, 1, 10, tzinfo=dt.UTC))
        second = log_contact(s, ann, "R", at=dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC))
    with county.session() as s:
        assert current_results(s, [ann])[ann].contact_id == second
        undone = undo_last(s)
    assert undone is not None
    assert (undone.contact_id, undone.result) == (second, "R")
    with county.session() as s:
        assert current_results(s, [ann])[ann].contact_id == first
        assert s.scalar(select(func.count()).select_from(ContactAttempt)) == 3  # nothing was deleted
        with pytest.raises(ContactError, match="already undone"):
            undo_contact(s, second)
        with pytest.raises(ContactError, match="itself an undo"):
            undo_contact(s, undone.correction_id)
    correction = ContactAttemptPayload.model_validate(ops(county, "contact_attempt")[-1])
    assert (correction.corrects_id, correction.result) == (second, "R")
    with county.session() as s:
        undo_last(s)
        assert current_results(s, [ann]) == {}
        assert undo_last(s) is None


def test_do_not_contact_and_deceased_mark_the_voter_and_undo_clears_the_mark(county: Store) -> None:
    ann, bob = voter_id(county, "Ann"), voter_id(county, "Bob")
    with county.session() as s:
        dnc = log_contact(s, ann, "Do Not Contact")
        log_contact(s, bob, "d")
    with county.session() as s:
        a, b = s.get(Voter, ann), s.get(Voter, bob)
        assert a is not None
        assert b is not None
        assert (a.do_not_contact, b.deceased) == (True, True)
    corrections = [VoterCorrectionPayload.model_validate(p) for p in ops(county, "voter_correction")]
    assert [c.fields for c in corrections] == [{"do_not_contact": True}, {"deceased": True}]
    with county.session() as s:
        undo_contact(s, dnc)
    with county.session() as s:
        a = s.get(Voter, ann)
        assert a is not None
        assert a.do_not_contact is False
    assert ops(county, "voter_correction")[-1]["fields"] == {"do_not_contact": False}


def test_list_contacts_by_voter_and_by_list_number_and_export_csv(county: Store, tmp_path: Path) -> None:
    ann = voter_id(county, "Ann")
    with county.session() as s:
        sid = s.get(Voter, ann).state_voter_id  # type: ignore[union-attr]
        log_contact(s, ann, "C", Survey(support=1, answers={"yard_sign": "yes"}), note="Señora Lee: sí")
        cid = log_contact(s, voter_id(county, "Cy"), "NH", source="cli")
        undo_contact(s, cid)
    with county.session() as s:
        assert [r.result for r in list_contacts(s, state_voter_id=sid)] == ["C"]
        by_list = list_contacts(s, list_number="t-0001")
        assert [(r.result, r.undone, r.corrects_id) for r in by_list] == [("C", False, None), ("NH", True, None),
                                                                          ("NH", False, cid)]
        with pytest.raises(ContactError, match="no turf with list number"):
            list_contacts(s, list_number="T-9999")
        with pytest.raises(ContactError, match="no voter with id"):
            list_contacts(s, state_voter_id="nope")
    out = tmp_path / "contacts.csv"
    write_csv(by_list, out)
    text = out.read_text(encoding="utf-8")
    assert text.splitlines()[0].startswith("id,created_at,state_voter_id,voter,result")
    assert "Señora Lee: sí" in text
    assert json.dumps({"yard_sign": "yes"}).replace('"', '""') in text


def test_turf_progress_counts_doors_done_and_rates(county: Store) -> None:
    start = dt.datetime(2026, 3, 1, 10, tzinfo=dt.UTC)
    with county.session() as s:
        log_household(s, s.get(Voter, voter_id(county, "Ann")).household_id or 0)  # type: ignore[union-attr]
        log_contact(s, voter_id(county, "Cy"), "C", at=start + dt.timedelta(minutes=30))
        progress = turf_progress(s, 1, since=start, now=start + dt.timedelta(hours=2))
    assert (progress.doors_total, progress.doors_done, progress.contacts) == (6, 2, 1)
    assert progress.contacts_per_hour == 0.5


def test_walk_doors_show_marked_voters_and_current_results(county: Store) -> None:
    with county.session() as s:
        log_contact(s, voter_id(county, "Ann"), "NH")
        doors = walk_doors(s, 1)
        assert [c.list_number for c in turf_choices(s)] == ["T-0001"]
        assert turf_choices(s, canvasser="maria") == []
    assert [d.house for d in doors] == ["1", "3", "5", "7", "4", "2"]
    first, second = doors[0], doors[1]
    assert [(v.name, v.result) for v in first.voters] == [("Ann Lee", "NH"), ("Bob Lee", None)]
    assert first.started
    assert not first.done
    assert [(v.name, v.skip) for v in second.voters] == [("Cy Ng", None), ("Dee Ng", "Do Not Contact")]
    assert [v.name for v in second.knockable] == ["Cy Ng"]


def test_find_voter_by_state_voter_id(county: Store) -> None:
    with county.session() as s:
        v = s.get(Voter, voter_id(county, "Ann"))
        assert v is not None
        assert find_voter(s, f" {v.state_voter_id} ").id == v.id
        with pytest.raises(ContactError, match="no voter with id"):
            find_voter(s, "V404")


def test_nobody_home_leaves_alone_everyone_already_logged_since_the_turf_was_opened(county: Store) -> None:
    ann, bob = voter_id(county, "Ann"), voter_id(county, "Bob")
    opened = dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)
    with county.session() as s:
        household = s.get(Voter, ann).household_id or 0  # type: ignore[union-attr]
        log_contact(s, bob, "NH", at=opened - dt.timedelta(days=1))  # yesterday: knock again today
        log_contact(s, ann, "R", at=opened + dt.timedelta(minutes=3))  # today, before nobody home
        ids = log_household(s, household, since=opened, details={bob: (Survey(support=2), "dog")})
    assert len(ids) == 1
    with county.session() as s:
        current = current_results(s, [ann, bob])
        assert (current[ann].code, current[bob].code) == ("R", "NH")
        row = s.get(ContactAttempt, ids[0])
        assert row is not None
        assert (row.voter_id, row.support, row.note) == (bob, 2, "dog")
        with pytest.raises(ContactError, match="already has a result"):
            log_household(s, household, since=opened)
    with county.session() as s:
        assert s.scalar(select(func.count()).select_from(ContactAttempt)) == 3


def test_nobody_home_never_knocks_a_final_result_again(county: Store) -> None:
    ann, bob = voter_id(county, "Ann"), voter_id(county, "Bob")
    with county.session() as s:
        log_contact(s, ann, "M", at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))  # moved, long ago
        ids = log_household(s, s.get(Voter, ann).household_id or 0,  # type: ignore[union-attr]
                            since=dt.datetime(2026, 3, 1, tzinfo=dt.UTC))
        assert {c.code for c in current_results(s, [ann]).values()} == {"M"}
        assert [s.get(ContactAttempt, i).voter_id for i in ids] == [bob]  # type: ignore[union-attr]


def test_amending_a_contact_retracts_it_and_writes_the_corrected_answers_with_the_same_result(county: Store) -> None:
    ann = voter_id(county, "Ann")
    knock = dt.datetime(2026, 3, 1, 10, tzinfo=dt.UTC)
    with county.session() as s:
        first = log_contact(s, ann, "C", Survey(support=3), canvasser="maria", at=knock)
        amended = amend_contact(s, first, Survey(support=4, top_issue="Cats"), note="Dog in yard", canvasser="maria")
    assert amended.replaced_id == first
    with county.session() as s:
        cur = current_results(s, [ann])[ann]
        assert (cur.contact_id, cur.code, cur.support) == (amended.contact_id, "C", 4)
        new = s.get(ContactAttempt, amended.contact_id)
        fix = s.get(ContactAttempt, amended.correction_id)
        assert new is not None
        assert fix is not None
        assert (new.top_issue, new.note, new.turf_id, new.corrects_id) == ("Cats", "Dog in yard", 1, None)
        assert new.created_at.replace(tzinfo=dt.UTC) == knock  # the time of the knock is kept
        assert fix.corrects_id == first
        assert s.scalar(select(func.count()).select_from(ContactAttempt)) == 3  # nothing overwritten
        with pytest.raises(ContactError, match="undone or already corrected"):
            amend_contact(s, first, Survey(support=5))
    payloads = [ContactAttemptPayload.model_validate(p) for p in ops(county, "contact_attempt")]
    assert [(p.id, p.corrects_id, p.support) for p in payloads] == [
        (first, None, 3), (amended.correction_id, first, None), (amended.contact_id, None, 4)]
    with county.session() as s:
        undo_contact(s, amended.contact_id)
        assert current_results(s, [ann]) == {}  # undoing the amended contact undoes the knock
