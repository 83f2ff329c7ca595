"""Ballots on the device: pulled ballots, votes cast offline with a receipt, the receipt check after close, and
the `canvass-app ballots` / `vote` commands."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from helpers.ballots import ballot_item
from sqlalchemy import func, select

from canvass_app import i18n
from canvass_app.ballots.listing import apply_pulled_ballots, list_ballots
from canvass_app.ballots.receipts import MISMATCH, MISSING, VERIFIED, verify_receipt
from canvass_app.ballots.votes import VoteRefused, cast_vote
from canvass_app.cli.main import main
from canvass_app.store.database import Store
from canvass_app.store.models import BallotVote, OutboxOp
from canvass_protocol import wire

NOW = dt.datetime.now(dt.UTC)


def item(ballot_id: int = 7, **kwargs: Any) -> dict[str, Any]:
    return ballot_item(ballot_id, **kwargs)


def pulled(store: Store, *items: dict[str, Any]) -> None:
    with store.session() as s:
        apply_pulled_ballots(s, None, list(items), False)  # type: ignore[arg-type]


def published(ballot_id: int, **lists: list[str]) -> wire.BallotReceipts:
    counts = {c: len(lists.get(c, [])) for c in wire.VOTE_CHOICES}
    result = wire.BallotResult(electorate=3, votes=sum(counts.values()), quorum_met=True, passed=True, **counts)
    return wire.BallotReceipts(ballot_id=ballot_id, result=result,
                               receipts={c: sorted(lists.get(c, [])) for c in wire.VOTE_CHOICES})  # type: ignore[misc]


def test_a_vote_is_queued_with_a_receipt_that_commits_to_the_choice(store: Store) -> None:
    pulled(store, item())
    with store.session() as s:
        cast = cast_vote(s, 7, "support", "  yes please ")
    with store.session() as s:
        op = s.scalars(select(OutboxOp).where(OutboxOp.op_type == "ballot_vote")).one()
        vote = s.get_one(BallotVote, cast.id)
    assert op.schema_version == wire.OP_SCHEMA_VERSION
    wire.BallotVotePayload.model_validate(op.payload)
    assert op.payload["receipt"] == cast.receipt == vote.receipt
    assert "nonce" not in op.payload  # the nonce never leaves the device
    assert len(bytes.fromhex(vote.nonce)) == 32
    assert vote.receipt == hashlib.sha256(f"canvass-ballot-receipt:v1:7:support:{vote.nonce}".encode()).hexdigest()
    assert op.payload["comment"] == "yes please"
    assert not set(op.payload) & {"person", "member_id", "voter"}


def test_a_new_vote_replaces_the_last_one_shown(store: Store) -> None:
    pulled(store, item())
    with store.session() as s:
        first = cast_vote(s, 7, "support")
    with store.session() as s:
        second = cast_vote(s, 7, "oppose")
        views = list_ballots(s, brief_slug="free-school-meals")
    assert (first.replaced, second.replaced) == (False, True)
    assert first.receipt != second.receipt
    assert [(v.id, v.open, v.my_choice) for v in views] == [(7, True, "oppose")]


@pytest.mark.parametrize(("ballot", "choice", "message"), [
    (99, "support", "no such ballot"),
    (8, "support", "not open"),  # closed by the server
    (9, "support", "not open"),  # past its closing time by the clock, result not yet pulled
    (7, "maybe", "choose support"),
])
def test_refused_votes_write_nothing(store: Store, ballot: int, choice: str, message: str) -> None:
    pulled(store, item(), item(8, status="closed"), item(9, closes=NOW - dt.timedelta(minutes=1)))
    with pytest.raises(VoteRefused, match=message), store.session() as s:
        cast_vote(s, ballot, choice)
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(OutboxOp)) == 0
        assert s.scalar(select(func.count()).select_from(BallotVote)) == 0


def test_the_receipt_check(store: Store) -> None:
    pulled(store, item())
    with store.session() as s:
        mine = cast_vote(s, 7, "support").receipt
    other = "ab" * 32
    pulled(store, item(status="closed", result={"electorate": 3, "votes": 2, "support": 1, "oppose": 1,
                                                 "abstain": 0, "quorum_met": True, "passed": False}))
    with store.session() as s:
        found = verify_receipt(s, published(7, support=[mine], oppose=[other]))
        assert found is not None and (found.status, found.latest, found.recount_agrees) == (VERIFIED, True, True)
        moved = verify_receipt(s, published(7, oppose=[mine, other]))
        assert moved is not None and moved.status == MISMATCH
        dropped = verify_receipt(s, published(7, oppose=[other]))
        assert dropped is not None and dropped.status == MISSING
        assert "not among the published receipts" in dropped.message()
        short = published(7, support=[mine])
        short.result.support = 5  # a result the lists do not add up to
        lying = verify_receipt(s, short)
        assert lying is not None and not lying.recount_agrees
    with store.session() as s:
        assert list_ballots(s)[0].receipt_check == VERIFIED  # the last check is stored and shown


def test_an_earlier_vote_counted_when_the_later_one_was_not(store: Store) -> None:
    pulled(store, item())
    with store.session() as s:
        first = cast_vote(s, 7, "support").receipt
    with store.session() as s:
        cast_vote(s, 7, "oppose")
        check = verify_receipt(s, published(7, support=[first]))
    assert check is not None and (check.status, check.latest) == (VERIFIED, False)


def test_no_vote_nothing_to_check(store: Store) -> None:
    pulled(store, item(status="closed"))
    with store.session() as s:
        assert verify_receipt(s, published(7, support=["cd" * 32])) is None


def test_the_commands(store: Store, data_dir: Path, capsys: pytest.CaptureFixture[str],
                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(i18n.LANGUAGE_ENV, "en")
    monkeypatch.setattr(i18n, "_current", None)
    pulled(store, item(), item(8, status="closed"))
    store.close()

    def run(*argv: str) -> tuple[int, str, str]:
        rc = main(["--data-dir", str(data_dir), *argv])
        out = capsys.readouterr()
        return rc, out.out, out.err

    rc, out, _ = run("vote", "7", "--choice", "abstain", "--comment", "later", "--json")
    assert rc == 0
    assert json.loads(out)["queued"] is True
    rc, out, err = run("vote", "8", "--choice", "support")
    assert rc == 2 and "not open" in err
    rc, out, _ = run("ballots", "--json")
    ballots = {b["id"]: b for b in json.loads(out)["ballots"]}
    assert ballots[7]["my_vote"]["choice"] == "abstain"
    assert ballots[7]["status"] == "open"
    assert ballots[8]["my_vote"] is None
    rc, out, _ = run("ballots")
    assert rc == 0 and "my vote: abstain" in out and "2 ballot(s), 1 open" in out
