"""Recording an applied batch: its op-id ledger rows, the batch row with its answer and the device's seq — and on
PostgreSQL the batch's contact rows with their version, queued for the rollups — in one statement (a call of a
function of migration 0016), the transaction's last before COMMIT. The console's rollups are counted later, many
batches at once (canvass_server.rollup_queue); on SQLite, where one transaction writes at a time anyway, at the end
of this one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, cast

import orjson
from sqlalchemy import Table, insert, text, update
from sqlalchemy.exc import OperationalError, StatementError
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from canvass_server import rollup_queue
from canvass_server.bulk import write_rows
from canvass_server.models import AppliedOp, Batch, Device
from canvass_server.outcome import Outcome


@dataclass
class Applied:
    """What applying a batch's ops decided and what is left to write: the ledger rows, and on the fast path
    (`ops.apply_ops`) the contact rows, without their version, of scope `contacts_scope`."""

    outcome: Outcome
    ledger: list[dict[str, Any]] = field(default_factory=list)
    contacts: list[dict[str, Any]] = field(default_factory=list)
    contacts_scope: str = ""


@dataclass(frozen=True)
class BatchRow:
    batch_id: str
    seq_first: int
    seq_last: int
    body_sha256: str
    answer: dict[str, Any]
    received_at: dt.datetime


class Refused(Exception):
    """The database refused a contact row that the fast path left to the recording statement: the transaction is
    spoiled (nothing of the batch is stored once it is rolled back); apply the batch again, the careful way
    (savepoints, op by op), in a new one."""


def record(session: Session, applied: Applied, device: Device, batch: BatchRow) -> None:
    """Write what `applied` left to write, the batch row and the device's new seq. Raises Refused when the
    database refused a pending contact row (no savepoint around the statement: two round trips a push for a case
    that a well-behaved device never meets); other refusals raise as they are, as the ledger's did before."""
    if session.get_bind().dialect.name != "postgresql":
        assert not applied.contacts, "contacts are only left pending on PostgreSQL"
        _record_portable(session, applied, device, batch)
        rollup_queue.drain(session, limit=None)  # the rows ops.py queued: SQLite has one writer at a time anyway
    elif not applied.contacts:
        _record_postgres(session, applied, device, batch)
    else:
        try:
            _record_postgres(session, applied, device, batch)
        except OperationalError:
            raise
        except StatementError as exc:
            raise Refused() from exc
    set_committed_value(device, "last_seq", max(device.last_seq, batch.seq_last))
    set_committed_value(device, "last_seen_at", batch.received_at)


def _record_portable(session: Session, applied: Applied, device: Device, batch: BatchRow) -> None:
    write_rows(session, cast(Table, AppliedOp.__table__), applied.ledger)
    session.execute(insert(Batch).values(id=batch.batch_id, device_id=device.id, seq_first=batch.seq_first,
                                         seq_last=batch.seq_last, body_sha256=batch.body_sha256,
                                         answer=batch.answer, received_at=batch.received_at))
    session.execute(update(Device).where(Device.id == device.id).values(
        last_seq=max(device.last_seq, batch.seq_last), last_seen_at=batch.received_at))


# The ledger, the batch and the device in one call of the function canvass_push_record (migration 0016), whose
# plans PostgreSQL keeps in the backend; with the contacts, the county's version counter is bumped last, and the
# contacts written with that version and their ids queued for the rollups (rollup_pending).
#
# Why the pull cursors stay exact: the counter row's lock, taken by the bump, is held until commit, so the
# transactions that write a scope commit in the order of the versions they took, and a reader that sees version N
# has seen every row of a lower version (canvass_server.versions). Bumping late keeps that order and holds the lock
# only for the rest of the transaction: the end of this call and the commit. One county's pushes wait for each
# other for that long and no longer: the rollups, which update county-wide rows, are counted by a drain in a
# transaction of its own.
_RECORD = text("SELECT canvass_push_record(CAST(:ledger AS jsonb), :batch_id, :device_id, :seq_first, :seq_last, "
               ":sha, CAST(:answer AS json), :received_at, CAST(:contacts AS jsonb), :scope)")


def _json(value: Any) -> str:
    """JSON text for a jsonb parameter (orjson: datetimes as ISO 8601, a few times faster than json.dumps)."""
    return orjson.dumps(value).decode()


def _record_postgres(session: Session, applied: Applied, device: Device, batch: BatchRow) -> None:
    params: dict[str, Any] = {
        "ledger": _json(applied.ledger), "batch_id": batch.batch_id, "device_id": device.id,
        "seq_first": batch.seq_first, "seq_last": batch.seq_last, "sha": batch.body_sha256,
        "answer": _json(batch.answer), "received_at": batch.received_at,
        "contacts": _json(applied.contacts) if applied.contacts else None,
        "scope": applied.contacts_scope or None,
    }
    version = session.execute(_RECORD, params).scalar_one()
    if applied.contacts:
        session.info.setdefault("versions", {})[applied.contacts_scope] = version
