"""Batching: freezing bounded batches, stable sealed bytes across retries, answers, unfreezing, re-enrollment."""

from __future__ import annotations

from sqlalchemy import select
from test_sync_helpers import enqueue_contacts, make_identity

from canvass_app.store.database import Store
from canvass_app.store.models import OutboxOp, SyncBatch
from canvass_app.sync import batches
from canvass_protocol import envelope, wire


def _statuses(store: Store) -> dict[str, int]:
    with store.session() as s:
        rows = s.scalars(select(OutboxOp.status)).all()
    return {k: rows.count(k) for k in set(rows)}


def test_freeze_takes_the_oldest_ops_bounded_by_count(store: Store) -> None:
    ident, server = make_identity()
    with store.session() as s:
        ids = enqueue_contacts(s, 25)
    with store.session() as s:
        batch = batches.freeze(s, ident, limits=batches.Limits(max_ops=10))
        assert batch is not None
        assert (batch.seq_first, batch.seq_last, batch.op_count) == (1, 10, 10)
        sealed = batch.sealed
    parsed = envelope.parse(sealed)
    envelope.verify(parsed, envelope.raw_public(ident.signing_key().public_key()))
    body = envelope.open_body(parsed, server)
    assert [op.op_id for op in body.ops] == ids[:10]
    assert [op.seq for op in body.ops] == list(range(1, 11))
    assert parsed.header.device_id == "dev-1" and parsed.header.key_id == ident.server_key_id
    assert _statuses(store) == {"batched": 10, "pending": 15}


def test_freeze_is_bounded_by_bytes_but_always_takes_one(store: Store) -> None:
    ident, _ = make_identity()
    with store.session() as s:
        enqueue_contacts(s, 6, note="x" * 3000)
    with store.session() as s:
        batch = batches.freeze(s, ident, limits=batches.Limits(max_ops=100, max_bytes=7000))
        assert batch is not None and batch.op_count == 2
    with store.session() as s:
        s.get_one(SyncBatch, batch.id).status = "acked"
        tiny = batches.freeze(s, ident, limits=batches.Limits(max_ops=100, max_bytes=10))
        assert tiny is not None and tiny.op_count == 1 and tiny.seq_first == 3


def test_sealed_bytes_are_stable_across_retries(store: Store) -> None:
    ident, _ = make_identity()
    with store.session() as s:
        enqueue_contacts(s, 5)
    with store.session() as s:
        first = batches.freeze(s, ident)
        assert first is not None
        first_id, first_bytes = first.id, first.sealed
    for attempt in range(3):
        with store.session() as s:
            batches.record_failure(s, first_id, f"reset #{attempt}", None)
        with store.session() as s:  # more ops arrive meanwhile: they wait for the next batch
            enqueue_contacts(s, 1)
        with store.session() as s:
            again = batches.freeze(s, ident)
            assert again is not None
            assert (again.id, again.sealed) == (first_id, first_bytes)
    with store.session() as s:
        row = s.get_one(SyncBatch, first_id)
        assert row.tries == 3 and row.last_error == "reset #2"


def test_answer_settles_ops_and_rejections_keep_their_reason(store: Store) -> None:
    ident, _ = make_identity()
    with store.session() as s:
        ids = enqueue_contacts(s, 4)
    with store.session() as s:
        batch = batches.freeze(s, ident)
        assert batch is not None
        results = [wire.OpResult(op_id=ids[0], seq=1, status="applied"),
                   wire.OpResult(op_id=ids[1], seq=2, status="duplicate"),
                   wire.OpResult(op_id=ids[2], seq=3, status="rejected", code=wire.OpRejection.UNKNOWN_VOTER,
                                 reason="no such voter in this county"),
                   wire.OpResult(op_id=ids[3], seq=4, status="applied")]
        answer = wire.BatchAnswer(batch_id=batch.id, device_id="dev-1", seq_first=1, seq_last=4, applied=2,
                                  duplicates=1, rejected=1, results=results, received_at="2026-01-01T00:00:00Z")
        assert batches.record_answer(s, batch, answer) == (3, 1)
    assert _statuses(store) == {"synced": 3, "rejected": 1}
    with store.session() as s:
        rejected = batches.rejected_ops(s)
        assert [r.seq for r in rejected] == [3]
        assert rejected[0].reason == "unknown_voter: no such voter in this county"
        assert batches.queue_state(s).pending == 0
        assert s.get_one(SyncBatch, batch.id).answer == answer.model_dump(mode="json")
        assert batches.freeze(s, ident) is None


def test_answer_about_another_batch_is_refused(store: Store) -> None:
    ident, _ = make_identity()
    with store.session() as s:
        enqueue_contacts(s, 2)
    with store.session() as s:
        batch = batches.freeze(s, ident)
        assert batch is not None
        wrong = wire.BatchAnswer(batch_id="other", device_id="dev-1", seq_first=1, seq_last=2, applied=2,
                                 duplicates=0, rejected=0, results=[], received_at="x")
        try:
            batches.record_answer(s, batch, wrong)
        except batches.AnswerMismatch:
            pass
        else:
            raise AssertionError("a mismatched answer was accepted")
    assert _statuses(store) == {"batched": 2}


def test_wire_seqs_continue_across_batches_and_unfreeze_reuses_them(store: Store) -> None:
    ident, _ = make_identity()
    with store.session() as s:
        enqueue_contacts(s, 6)
    with store.session() as s:
        b1 = batches.freeze(s, ident, limits=batches.Limits(max_ops=2))
        assert b1 is not None
        b1.status = "acked"
    with store.session() as s:
        b2 = batches.freeze(s, ident, limits=batches.Limits(max_ops=2))
        assert b2 is not None and (b2.seq_first, b2.seq_last) == (3, 4)
        batches.unfreeze(s, b2)
    with store.session() as s:
        b3 = batches.freeze(s, ident, limits=batches.Limits(max_ops=4))
        assert b3 is not None and (b3.seq_first, b3.seq_last) == (3, 6)


def test_a_new_device_starts_its_seqs_again_and_resends_unacknowledged_ops(store: Store) -> None:
    old, _ = make_identity("old-device")
    new, _ = make_identity("new-device")
    with store.session() as s:
        ids = enqueue_contacts(s, 5)
    with store.session() as s:
        acked = batches.freeze(s, old, limits=batches.Limits(max_ops=2))
        assert acked is not None
        acked.status = "acked"
        s.execute(OutboxOp.__table__.update().where(OutboxOp.batch_id == acked.id).values(status="synced"))
        assert batches.freeze(s, old, limits=batches.Limits(max_ops=2)) is not None  # open, never acknowledged
    with store.session() as s:
        batch = batches.freeze(s, new)
        assert batch is not None and batch.device_id == "new-device"
        assert (batch.seq_first, batch.seq_last) == (1, 3)
        assert list(s.scalars(select(OutboxOp.op_id).where(OutboxOp.batch_id == batch.id))) == ids[2:]
        assert s.scalar(select(SyncBatch).where(SyncBatch.device_id == "old-device", SyncBatch.status == "open")) \
            is None


def test_freezing_ahead_keeps_the_send_order_and_unfreeze_all_gives_everything_back(store: Store) -> None:
    ident, _ = make_identity()
    with store.session() as s:
        enqueue_contacts(s, 10)
    small = batches.Limits(max_ops=3)
    with store.session() as s:
        first = batches.freeze(s, ident, limits=small)
        ahead = batches.freeze_ahead(s, ident, limits=small)
        assert first is not None and ahead is not None
        assert (first.seq_first, ahead.seq_first) == (1, 4)
        assert batches.freeze_ahead(s, ident, limits=small) is None  # two waiting is enough
        assert batches.freeze(s, ident, limits=small).id == first.id  # type: ignore[union-attr]
    with store.session() as s:
        batches.unfreeze_all(s, ident.device_id)
    assert _statuses(store) == {"pending": 10}
    with store.session() as s:
        again = batches.freeze(s, ident, limits=batches.Limits(max_ops=10))
        assert again is not None and (again.seq_first, again.seq_last) == (1, 10)
