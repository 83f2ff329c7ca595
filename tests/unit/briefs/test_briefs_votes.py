"""Votes on proposed policies: one per person per policy, replaced by a later vote, each with an outbox op."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from canvass_app.briefs.library import load_bundled_content
from canvass_app.briefs.votes import VoteRefused, cast_vote, my_vote
from canvass_app.store.database import Store
from canvass_app.store.models import OutboxOp, PolicyVote


@pytest.fixture
def loaded(store: Store) -> Store:
    with store.session() as s:
        load_bundled_content(s)
    return store


def test_vote_writes_row_and_outbox_op_together(loaded: Store) -> None:
    with loaded.session() as s:
        vote = cast_vote(s, slug="community-solar", person="Ana Ruiz", choice="support", comment="  Yes!  ")
    with loaded.session() as s:
        ops = s.scalars(select(OutboxOp).where(OutboxOp.op_type == "policy_vote")).all()
        assert s.scalar(select(func.count()).select_from(OutboxOp)) == 1
    assert len(ops) == 1
    assert ops[0].seq == vote.outbox_seq
    payload = ops[0].payload
    assert payload == {
        "id": vote.id, "brief_slug": "community-solar", "person": "Ana Ruiz", "choice": "support",
        "comment": "Yes!", "created_at": vote.created_at.isoformat(),
    }
    assert payload["created_at"].endswith("+00:00")
    assert vote.replaced is False


def test_later_vote_replaces_earlier(loaded: Store) -> None:
    with loaded.session() as s:
        first = cast_vote(s, slug="teacher-retention", person="Ana Ruiz", choice="support")
    with loaded.session() as s:
        second = cast_vote(s, slug="teacher-retention", person="Ana Ruiz", choice="oppose", comment="cost")
        cast_vote(s, slug="teacher-retention", person="Bo Li", choice="abstain")
    with loaded.session() as s:
        rows = s.scalars(select(PolicyVote).where(PolicyVote.brief_slug == "teacher-retention")).all()
        mine = my_vote(s, slug="teacher-retention", person="Ana Ruiz")
        ops = s.scalars(select(OutboxOp).order_by(OutboxOp.seq)).all()
    assert second.replaced is True
    assert sorted((r.person, r.choice) for r in rows) == [("Ana Ruiz", "oppose"), ("Bo Li", "abstain")]
    assert mine is not None
    assert (mine.id, mine.choice, mine.comment) == (second.id, "oppose", "cost")
    assert mine.id != first.id
    # every vote travels: the server keeps the latest per person by order of receipt
    assert [o.payload["choice"] for o in ops] == ["support", "oppose", "abstain"]
    assert ops[0].seq < ops[1].seq < ops[2].seq


@pytest.mark.parametrize(
    ("slug", "person", "choice", "message"),
    [
        ("universal-pre-k", "Ana", "support", "only proposed policies take votes"),
        ("no-such-policy", "Ana", "support", "no policy brief"),
        ("community-solar", "Ana", "maybe", "not one of support, oppose, abstain"),
        ("community-solar", "  ", "support", "needs the voter's name"),
    ],
)
def test_refused_votes_write_nothing(loaded: Store, slug: str, person: str, choice: str, message: str) -> None:
    with pytest.raises(VoteRefused, match=message), loaded.session() as s:
        cast_vote(s, slug=slug, person=person, choice=choice)
    with loaded.session() as s:
        assert s.scalar(select(func.count()).select_from(PolicyVote)) == 0
        assert s.scalar(select(func.count()).select_from(OutboxOp)) == 0


def test_conflicting_proposal_still_takes_votes(loaded: Store) -> None:
    with loaded.session() as s:
        vote = cast_vote(s, slug="public-space-face-recognition", person="Ana", choice="oppose")
    assert vote.choice == "oppose"


def test_failed_transaction_rolls_back_vote_and_op(loaded: Store) -> None:
    def action_failing_after_the_vote() -> None:
        with loaded.session() as s:
            cast_vote(s, slug="community-solar", person="Ana", choice="support")
            raise RuntimeError("the user action failed later")

    with pytest.raises(RuntimeError):
        action_failing_after_the_vote()
    with loaded.session() as s:
        assert s.scalar(select(func.count()).select_from(PolicyVote)) == 0
        assert s.scalar(select(func.count()).select_from(OutboxOp)) == 0
