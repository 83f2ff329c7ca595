"""Freezing the oldest pending outbox ops into one sealed, stored batch, and recording the server's answer.

A batch is sealed once and its bytes are stored (`sync_batch.sealed`): every retry sends exactly those bytes
under the same Idempotency-Key, so a lost acknowledgement costs a resend, never a duplicate. Wire seqs are
numbered per enrolled device (`setting["sync.device"]`), so a re-enrolled device starts again at 1.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session
from uuid6 import uuid7

from canvass_app.store.models import OutboxOp, Setting, SyncBatch, utcnow
from canvass_app.sync.identity import Identity
from canvass_protocol import envelope, wire

DEVICE_SETTING = "sync.device"
LOCK_SETTING = "sync.lock"
MAX_OPS = 2000
MAX_BYTES = 2 * 1024 * 1024  # plaintext JSON; the sealed batch is zlib-compressed and far smaller
SPLIT_AFTER = 2  # server errors (5xx) on the same batch before it is split to find the op the server fails on

Clock = Callable[[], dt.datetime]


@dataclass(frozen=True)
class Limits:
    max_ops: int = MAX_OPS
    max_bytes: int = MAX_BYTES


def hold_write_lock(session: Session) -> None:
    """Take the store's write lock before the transaction reads anything.

    The SQLite driver opens a transaction only at the first write, so reads before it are not isolated from
    another process (the app and `canvass-app sync` at once). Writing first makes the whole unit serial.
    """
    stmt = sqlite_insert(Setting).values(key=LOCK_SETTING, value=utcnow().isoformat())
    session.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": stmt.excluded.value}))


def _device_state(session: Session, identity: Identity) -> dict[str, Any]:
    """The wire-seq counter of the enrolled device; a new device id starts it again and unfreezes old batches."""
    row = session.get(Setting, DEVICE_SETTING)
    if row is not None and isinstance(row.value, dict) and row.value.get("device_id") == identity.device_id:
        return dict(row.value)
    # Another (or no) device before: its open batches were never acknowledged. Their ops go back to pending
    # and travel again under the new device; the server dedupes by op_id if the old device's copy arrived.
    session.execute(update(OutboxOp).where(OutboxOp.status == "batched").values(status="pending", batch_id=None))
    for batch in session.scalars(select(SyncBatch).where(SyncBatch.status == "open")):
        session.delete(batch)
    state = {"device_id": identity.device_id, "next_seq": 1}
    _save_state(session, state)
    return state


def _save_state(session: Session, state: dict[str, Any]) -> None:
    session.merge(Setting(key=DEVICE_SETTING, value=state))
    session.flush()


def open_batch(session: Session, identity: Identity) -> SyncBatch | None:
    """The oldest batch sealed for this device and not yet acknowledged."""
    _device_state(session, identity)
    return session.scalars(
        select(SyncBatch).where(SyncBatch.status == "open", SyncBatch.device_id == identity.device_id)
        .order_by(SyncBatch.seq_first).limit(1)
    ).first()


def freeze(session: Session, identity: Identity, *, limits: Limits = Limits(), clock: Clock = utcnow
           ) -> SyncBatch | None:
    """The batch to send next: the open one if any, else the oldest pending ops frozen and sealed now.

    Returns None when nothing is waiting. Runs in the caller's transaction: ops, batch and the seq counter
    change together or not at all.
    """
    hold_write_lock(session)
    existing = open_batch(session, identity)
    if existing is not None:
        return existing
    return _freeze_new(session, identity, limits, clock)


def freeze_ahead(session: Session, identity: Identity, *, limits: Limits = Limits(), clock: Clock = utcnow,
                 max_open: int = 2) -> SyncBatch | None:
    """Freeze the next batch while an earlier one is still travelling (batches are still sent one at a time,
    oldest first); None when `max_open` batches are already waiting or nothing is pending."""
    hold_write_lock(session)  # as in freeze(): another process may be batching the same outbox
    open_count = session.scalar(select(func.count()).select_from(SyncBatch).where(
        SyncBatch.status == "open", SyncBatch.device_id == identity.device_id)) or 0
    if open_count >= max_open:
        return None
    return _freeze_new(session, identity, limits, clock)


def _freeze_new(session: Session, identity: Identity, limits: Limits, clock: Clock) -> SyncBatch | None:
    state = _device_state(session, identity)
    table: Any = OutboxOp.__table__  # Core, not ORM objects: a batch is thousands of rows
    candidates = session.execute(
        select(table.c.seq, table.c.op_id, table.c.op_type, table.c.schema_version, table.c.payload,
               func.length(table.c.payload)).where(table.c.status == "pending").order_by(table.c.seq)
        .limit(limits.max_ops)
    ).all()
    if not candidates:
        return None
    ops: list[dict[str, Any]] = []
    chosen: list[int] = []
    size = 0
    next_seq = int(state["next_seq"])
    for seq, op_id, op_type, schema_version, payload, payload_len in candidates:
        cost = int(payload_len or 0) + 120  # the stored JSON text plus the op's envelope fields
        if ops and size + cost > limits.max_bytes:
            break
        ops.append({"op_id": op_id, "seq": next_seq + len(ops), "type": op_type,
                    "schema_version": schema_version, "payload": payload})
        chosen.append(seq)
        size += cost
    body = wire.BatchBody.model_validate({"ops": ops})
    batch_id = str(uuid7())
    header = wire.BatchHeader(device_id=identity.device_id, key_id=identity.server_key_id, batch_id=batch_id,
                              seq_first=ops[0]["seq"], seq_last=ops[-1]["seq"], op_count=len(ops),
                              created_at=clock().isoformat())
    sealed = envelope.seal(header, body, identity.server_public(), identity.signing_key())
    batch = SyncBatch(id=batch_id, device_id=identity.device_id, seq_first=header.seq_first,
                      seq_last=header.seq_last, op_count=len(ops), sealed=sealed, status="open", tries=0,
                      created_at=clock())
    session.add(batch)
    moved = session.execute(
        update(table).where(table.c.seq.in_(chosen), table.c.status == "pending")
        .values(status="batched", batch_id=batch_id)
    )
    if moved.rowcount != len(chosen):  # type: ignore[attr-defined]
        raise RuntimeError("the outbox changed under the batcher; try again")  # rolls the whole freeze back
    _save_state(session, state | {"next_seq": next_seq + len(ops)})
    return batch


def unfreeze_all(session: Session, device_id: str) -> None:
    """Give every open (never acknowledged, refused) batch's ops back to the queue, newest first."""
    for batch in session.scalars(select(SyncBatch).where(SyncBatch.status == "open", SyncBatch.device_id ==
                                                         device_id).order_by(SyncBatch.seq_first.desc())).all():
        unfreeze(session, batch)


def unfreeze(session: Session, batch: SyncBatch) -> None:
    """Give a refused, never-applied batch's ops back to the queue, reusing its seqs (it must be the newest)."""
    session.execute(update(OutboxOp).where(OutboxOp.batch_id == batch.id, OutboxOp.status == "batched")
                    .values(status="pending", batch_id=None))
    row = session.get(Setting, DEVICE_SETTING)
    if row is not None and isinstance(row.value, dict) and row.value.get("device_id") == batch.device_id:
        _save_state(session, dict(row.value) | {"next_seq": batch.seq_first})
    session.delete(batch)
    session.flush()


class AnswerMismatch(Exception):
    """A 2xx answer that is not about this batch: never stored, never trusted."""


def record_answer(session: Session, batch: SyncBatch, answer: wire.BatchAnswer, *, clock: Clock = utcnow
                  ) -> tuple[int, int]:
    """Store the 2xx answer and settle the batch's ops by it, in the caller's transaction.

    Applied and duplicate ops become synced; rejected ones keep their reason and leave the queue.
    Returns (synced, rejected).
    """
    if (answer.batch_id, answer.seq_first, answer.seq_last) != (batch.id, batch.seq_first, batch.seq_last):
        raise AnswerMismatch(f"the server answered about batch {answer.batch_id}, not {batch.id}")
    results = {r.op_id: r for r in answer.results}
    rejected = []
    for op_id, seq in session.execute(select(OutboxOp.op_id, OutboxOp.seq).where(OutboxOp.batch_id == batch.id)):
        result = results.get(op_id)
        if result is not None and result.status == "rejected":
            reason = f"{result.code.value if result.code else 'rejected'}: {result.reason or 'no reason given'}"
            rejected.append({"b_seq": seq, "reason": reason[:2000]})
    table: Any = OutboxOp.__table__
    if rejected:
        session.connection().execute(
            update(table).where(table.c.seq == bindparam("b_seq")).values(status="rejected",
                                                                          reject_reason=bindparam("reason")),
            rejected,
        )
    synced = session.execute(update(table).where(table.c.batch_id == batch.id, table.c.status == "batched")
                             .values(status="synced")).rowcount  # type: ignore[attr-defined]
    batch.answer = answer.model_dump(mode="json")
    batch.status = "acked"
    batch.acked_at = clock()
    batch.last_error = None
    batch.next_try_at = None
    session.flush()
    return int(synced), len(rejected)


def record_failure(session: Session, batch_id: str, error: str, next_try_at: dt.datetime | None) -> None:
    batch = session.get(SyncBatch, batch_id)
    if batch is not None:
        batch.tries += 1
        batch.last_error = error[:2000]
        batch.next_try_at = next_try_at


def after_server_error(session: Session, batch_id: str, message: str) -> int | None:
    """A batch the server failed on (5xx) SPLIT_AFTER times or more is not sent unchanged again.

    Every open batch goes back to the queue; returns how many ops the next batches may carry: half of this one's,
    to find the op the server fails on. A batch of one op is that op: it is marked rejected here with the
    server's message, and the answer is 0 (the usual batch size again). None: not yet, send it again.
    """
    batch = session.get(SyncBatch, batch_id)
    if batch is None or batch.status != "open" or batch.tries < SPLIT_AFTER:
        return None
    if batch.op_count == 1:
        reason = f"server_error: the server failed on this change {batch.tries} times ({message})"
        session.execute(update(OutboxOp).where(OutboxOp.batch_id == batch.id, OutboxOp.status == "batched")
                        .values(status="rejected", reject_reason=reason[:2000], batch_id=None))
    unfreeze_all(session, batch.device_id)
    return batch.op_count // 2


@dataclass(frozen=True)
class QueueState:
    pending: int  # waiting to be sent (pending or frozen in an unacknowledged batch)
    oldest_pending_at: dt.datetime | None
    rejected: int
    synced: int


def queue_state(session: Session) -> QueueState:
    counts = dict(session.execute(select(OutboxOp.status, func.count()).group_by(OutboxOp.status)).all())
    oldest = session.scalar(select(func.min(OutboxOp.created_at)).where(OutboxOp.status.in_(("pending", "batched"))))
    if oldest is not None and oldest.tzinfo is None:
        oldest = oldest.replace(tzinfo=dt.UTC)
    return QueueState(pending=counts.get("pending", 0) + counts.get("batched", 0), oldest_pending_at=oldest,
                      rejected=counts.get("rejected", 0), synced=counts.get("synced", 0))


@dataclass(frozen=True)
class RejectedOp:
    seq: int
    op_type: str
    reason: str
    created_at: dt.datetime


def rejected_ops(session: Session, limit: int = 200) -> list[RejectedOp]:
    """The most recent ops the server refused, with its reasons (for people to see; they never block)."""
    rows = session.scalars(select(OutboxOp).where(OutboxOp.status == "rejected").order_by(OutboxOp.seq.desc())
                           .limit(limit))
    return [RejectedOp(r.seq, r.op_type, r.reject_reason or "", r.created_at) for r in rows]
