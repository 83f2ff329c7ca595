"""Refused ops told where people made them: what each carried (one query), unseen until marked seen."""

from __future__ import annotations

import datetime as dt

from helpers.turf_fixtures import H, P, make_county
from sqlalchemy import select
from test_sync_helpers import make_identity

from canvass_app.ballots.votes import cast_vote
from canvass_app.contacts.attempts import log_contact, undo_contact
from canvass_app.store.database import Store
from canvass_app.store.models import Ballot, OutboxOp, Voter
from canvass_app.sync import batches
from canvass_app.sync.identity import Identity
from canvass_app.sync.rejections import list_rejections, mark_seen, refusals, split_reason, unseen_count
from canvass_app.sync.status import sync_status
from canvass_protocol import wire

R = wire.OpRejection


def _answer(store: Store, ident: Identity, refuse: dict[int, tuple[R, str]]) -> None:
    """Send what is pending as the server would answer it: these outbox seqs refused, the others applied."""
    with store.session() as s:
        batch = batches.freeze(s, ident)
        assert batch is not None
        ops = s.execute(select(OutboxOp.seq, OutboxOp.op_id).where(OutboxOp.batch_id == batch.id)
                        .order_by(OutboxOp.seq)).all()
        results = [wire.OpResult(op_id=op_id, seq=batch.seq_first + i, status="rejected", code=refuse[seq][0],
                                 reason=refuse[seq][1]) if seq in refuse
                   else wire.OpResult(op_id=op_id, seq=batch.seq_first + i, status="applied")
                   for i, (seq, op_id) in enumerate(ops)]
        answer = wire.BatchAnswer(batch_id=batch.id, device_id=ident.device_id, seq_first=batch.seq_first,
                                  seq_last=batch.seq_last, applied=len(ops) - len(refuse), duplicates=0,
                                  rejected=len(refuse), results=results, received_at="2026-05-01T12:00:00Z")
        batches.record_answer(s, batch, answer)


def _seq_of(store: Store, item_id: str) -> int:
    with store.session() as s:
        return next(op.seq for op in s.scalars(select(OutboxOp)) if op.payload.get("id") == item_id)


def test_refused_contacts_and_votes_are_found_by_what_they_carried(store: Store) -> None:
    ident, _ = make_identity()
    with store.session() as s:
        make_county(s, [H(1, "Main St", [P("Ana", "Soto"), P("Ben", "Soto")])])
        ana, ben = s.scalars(select(Voter.id).order_by(Voter.first_name)).all()
        now = dt.datetime.now(dt.UTC)
        s.add(Ballot(id=7, brief_slug="free-school-meals", title="Free school meals", scope="county",
                     opens_at=now - dt.timedelta(hours=1), closes_at=now + dt.timedelta(days=1), quorum=0.5,
                     threshold=0.5, status="open", electorate=10))
    with store.session() as s:
        refused_contact = log_contact(s, ana, "C")
        kept_contact = log_contact(s, ben, "NH")
        vote = cast_vote(s, 7, "support").id
    _answer(store, ident, {_seq_of(store, refused_contact): (R.UNKNOWN_VOTER, "no such voter in this county"),
                           _seq_of(store, vote): (R.BALLOT_CLOSED, "ballot 7 is not open for votes")})

    with store.session() as s:
        found = refusals(s, [refused_contact, kept_contact, vote, "no-such-id"])
        assert set(found) == {refused_contact, vote}
        assert (found[refused_contact].code, found[refused_contact].reason) == (
            "unknown_voter", "no such voter in this county")
        assert found[refused_contact].what == "Ana Soto"
        assert (found[vote].op_type, found[vote].what, found[vote].code) == ("ballot_vote", "Free school meals",
                                                                             "ballot_closed")
        listed = list_rejections(s)
        assert [r.item_id for r in listed] == [vote, refused_contact]  # newest first
        assert not any(r.seen for r in listed)
        assert unseen_count(s) == 2
    status = sync_status(store)
    assert (status.rejected, status.unseen) == (2, 2)
    assert "2 rejected (2 not seen yet)" in status.line()


def test_mark_seen_marks_only_what_was_shown(store: Store) -> None:
    ident, _ = make_identity()
    with store.session() as s:
        make_county(s, [H(1, "Main St", [P("Ana", "Soto")])])
        ana = s.scalars(select(Voter.id)).one()
        first = log_contact(s, ana, "H")
    _answer(store, ident, {_seq_of(store, first): (R.FORBIDDEN_ROLE, "this voter is on no turf you hold")})
    with store.session() as s:
        shown = [r.seq for r in list_rejections(s)]
    with store.session() as s:  # the undo is refused too, after the person looked at the list
        undo = undo_contact(s, first).correction_id
    _answer(store, ident, {_seq_of(store, undo): (R.FORBIDDEN_ROLE, "this voter is on no turf you hold")})

    with store.session() as s:
        assert mark_seen(s, shown) == 1
    with store.session() as s:
        assert unseen_count(s) == 1
        assert [(r.item_id, r.seen) for r in list_rejections(s)] == [(undo, False), (first, True)]
        assert mark_seen(s, shown) == 0  # already seen: nothing changes


def test_a_reason_without_a_code_is_kept_whole() -> None:
    assert split_reason("unknown_voter: no such voter: here") == ("unknown_voter", "no such voter: here")
    assert split_reason("something odd") == ("rejected", "something odd")
