"""POST /v1/batches: the cheap checks (token, header, replay, rate, key id, sizes, seq) before the signature and the
decryption (outside any transaction on SQLite), then the ops applied and the batch recorded."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, bindparam, func, literal_column, select
from sqlalchemy.orm import Session, aliased

from canvass_protocol import envelope, wire
from canvass_server.authz import Caller, caller
from canvass_server.config import Settings
from canvass_server.db import Database
from canvass_server.devices import authenticate_row, bearer_hash, check_active, device_row
from canvass_server.errors import STATUS_FOR_ENVELOPE, ApiError
from canvass_server.keys import ServerKeyPair
from canvass_server.models import Batch, Device, utcnow
from canvass_server.ops import apply_ops
from canvass_server.record import BatchRow, Refused, record

log = logging.getLogger(__name__)
E = wire.ErrorCode


def _envelope_error(exc: envelope.EnvelopeError) -> ApiError:
    return ApiError(STATUS_FOR_ENVELOPE.get(exc.code, 400), E(exc.code), str(exc))


@dataclass(frozen=True)
class Checked:
    """A batch that passed every cheap check: its clear parts, its digest, the key that must have signed it, and
    who sent it (valid in the session of the checks)."""

    parsed: envelope.Parsed
    digest: str
    device_public_key: bytes
    sender: Caller


def ingest_batch(database: Database, *, settings: Settings, key: ServerKeyPair, authorization: str | None,
                 idempotency_key: str | None, body: bytes, failures: int = 0) -> tuple[dict[str, Any], bool]:
    """Apply one sealed batch, as POST /v1/batches does; returns (answer, replayed). Raises ApiError, leaving
    nothing applied.

    On SQLite, where every writer waits for the one write lock, in three steps: the cheap checks in a short
    transaction; the signature, decryption and decompression in none, so that no lock is held while a batch (a
    good one or a compression bomb) is opened; then the ops applied in the write transaction, which checks again
    what may have changed meanwhile. On PostgreSQL the device's row lock stops only that device's batches: one
    transaction, with fewer round trips; if the database refuses a contact row there (record.Refused), that
    transaction is rolled back and the batch applied again in a new one, the careful way."""
    kwargs: dict[str, Any] = {"settings": settings, "key": key, "authorization": authorization,
                              "idempotency_key": idempotency_key, "body": body, "failures": failures}
    if database.is_postgres:
        try:
            with database.session() as session:  # committed before the answer is sent: a 2xx always means "stored"
                return ingest(session, **kwargs)
        except Refused:
            with database.session() as session:
                return ingest(session, **kwargs, careful=True)
    with database.session() as session:
        checked = check(session, **kwargs)
    if not isinstance(checked, Checked):
        return checked, True
    batch = open_checked(checked, settings, key)
    with database.session() as session:
        return apply(session, checked, batch, authorization, again=True)


def ingest(session: Session, *, settings: Settings, key: ServerKeyPair, authorization: str | None,
           idempotency_key: str | None, body: bytes, failures: int = 0,
           careful: bool = False) -> tuple[dict[str, Any], bool]:
    """`ingest_batch` in one transaction of the caller's, the device row locked from the start. Raises
    record.Refused (the transaction spoiled) when the database refused a contact row of the fast path; `careful`:
    no fast path (the call after that)."""
    checked = check(session, settings=settings, key=key, authorization=authorization,
                    idempotency_key=idempotency_key, body=body, failures=failures, lock=True)
    if not isinstance(checked, Checked):
        return checked, True
    return apply(session, checked, open_checked(checked, settings, key), authorization, again=False,
                 fast=not careful)


def check(session: Session, *, settings: Settings, key: ServerKeyPair, authorization: str | None,
          idempotency_key: str | None, body: bytes, failures: int = 0, lock: bool = False) -> Checked | dict[str, Any]:
    """The cheap checks (size, token, header, replay, rate, key id, op count, seq), before the signature is
    checked and long before the body is decrypted: a bad batch costs little. Returns the stored answer when the
    batch is a replay of a stored one. `failures`: this device's failed batches in the last minute, counted by
    the rate limit with the stored ones. `lock`: row-lock the device (it serialises the device's batches across
    every server instance) for the rest of the transaction."""
    if len(body) > settings.max_batch_bytes:
        raise ApiError(413, E.PAYLOAD_TOO_LARGE, f"batches are limited to {settings.max_batch_bytes} bytes")
    since = utcnow() - dt.timedelta(minutes=1)
    stored: Row[Any] | None = None
    if lock and idempotency_key and session.get_bind().dialect.name == "postgresql":
        # One round trip: the device locked, with the replay check and the rate count of the statement's snapshot;
        # valid unless the device row changed between that snapshot and the lock (then asked again, below).
        row = session.execute(_LOCKED_WITH_STORED, {"token_hash": bearer_hash(authorization),
                                                    "batch_id": idempotency_key.strip(), "since": since}).one_or_none()
        check_active(row)
        assert row is not None
        device, member, county = row[:3]
        stored = row if row.locked_xmin == row.seen_xmin else None
    else:
        device, member, county = authenticate_row(session, authorization, lock=lock)
    if not idempotency_key:
        raise ApiError(400, E.IDEMPOTENCY_KEY_MISSING, "Send the batch id in the Idempotency-Key header.")
    try:
        parsed = envelope.parse(body)
    except envelope.EnvelopeError as exc:
        raise _envelope_error(exc) from None
    header = parsed.header
    if header.batch_id != idempotency_key.strip():
        raise ApiError(400, E.IDEMPOTENCY_KEY_MISMATCH, "Idempotency-Key must equal the header's batch_id.")
    if header.device_id != device.id:
        raise ApiError(403, E.WRONG_DEVICE, "The batch header names another device than the token.")

    digest = hashlib.sha256(body).hexdigest()
    if stored is None:
        stored = session.execute(_STORED_AND_RECENT, {
            "batch_id": header.batch_id, "device_id": device.id, "since": since}).one()
    replayed = _stored_answer(stored, device.id, digest)
    if replayed is not None:
        return replayed
    if stored.recent + failures >= settings.rate_limit_per_minute:
        raise ApiError(429, E.RATE_LIMITED, "Too many batches from this device; slow down.",
                       headers={"Retry-After": "30"})
    if header.key_id != key.key_id:
        raise ApiError(400, E.UNKNOWN_SERVER_KEY, "The batch is sealed to a key this server does not hold.",
                       detail={"server_key": key.wire().model_dump()})
    if header.op_count > settings.max_ops_per_batch:
        raise ApiError(413, E.PAYLOAD_TOO_LARGE, f"batches are limited to {settings.max_ops_per_batch} ops")
    _check_seq(header, device.last_seq)
    return Checked(parsed, digest, device.public_key, caller(device, member, county))


def open_checked(checked: Checked, settings: Settings, key: ServerKeyPair) -> wire.BatchBody:
    """The signature, then the body decrypted, decompressed (bounded) and validated: the costly part."""
    try:
        envelope.verify(checked.parsed, checked.device_public_key)
        return envelope.open_body(checked.parsed, key.private, settings.max_plaintext_bytes)
    except envelope.EnvelopeError as exc:
        raise _envelope_error(exc) from None


def apply(session: Session, checked: Checked, batch: wire.BatchBody, authorization: str | None, *,
          again: bool, fast: bool = True) -> tuple[dict[str, Any], bool]:
    """Apply an opened batch and record it, in the write transaction. `again`: the checks ran in an earlier
    transaction, so lock the device row now (it serialises the device's batches across every server instance)
    and check again what may have changed since: the device revoked, or a retry of this very batch stored (then
    this is a replay). `fast`: as ops.apply_ops."""
    header = checked.parsed.header
    who = checked.sender  # its device row locked by check(), in this session already
    if again:
        who = caller(*authenticate_row(session, authorization, lock=True))
        stored = session.execute(_STORED_AND_RECENT, {"batch_id": header.batch_id, "device_id": who.device.id,
                                                      "since": utcnow()}).one()  # the rate was checked before
        replayed = _stored_answer(stored, who.device.id, checked.digest)
        if replayed is not None:
            return replayed, True
        _check_seq(header, who.device.last_seq)
    answer = _apply(session, who, header, checked.digest, batch.ops, fast=fast)
    log.info("batch %s from device %s: %d applied, %d duplicate, %d rejected", header.batch_id, who.device.id,
             answer["applied"], answer["duplicates"], answer["rejected"])
    return answer, False


def _apply(session: Session, who: Caller, header: wire.BatchHeader, digest: str, ops: list[wire.Op], *,
           fast: bool) -> dict[str, Any]:
    """Apply the ops and record the batch with its answer (record.Refused: see `ingest`)."""
    applied = apply_ops(session, who, header.batch_id, ops, fast=fast)
    results = [applied.outcome.results[op.op_id] for op in ops]
    now = utcnow()
    answer = wire.BatchAnswer(
        batch_id=header.batch_id, device_id=who.device.id, seq_first=header.seq_first, seq_last=header.seq_last,
        applied=sum(r.status == "applied" for r in results),
        duplicates=sum(r.status == "duplicate" for r in results),
        rejected=sum(r.status == "rejected" for r in results),
        results=results, received_at=now.isoformat(),
    ).model_dump(mode="json")
    row = BatchRow(header.batch_id, header.seq_first, header.seq_last, digest, answer, now)
    record(session, applied, who.device, row)
    return answer


# The batch stored under an id, if any, and how many batches a device stored since a moment: the replay check and
# the rate limit's count in one round trip (one row: the batch's columns are NULL when there is none).
_recent = aliased(Batch, name="recent")
_STORED_AND_RECENT = (
    select(Batch.device_id, Batch.body_sha256, Batch.answer,
           select(func.count()).select_from(_recent)
           .where(_recent.device_id == bindparam("device_id"), _recent.received_at > bindparam("since"))
           .scalar_subquery().label("recent"))
    .select_from(select(literal_column("1")).subquery("one"))
    .outerjoin(Batch, Batch.id == bindparam("batch_id"))
)

# `_STORED_AND_RECENT` folded into the device's locking query (`devices.device_row`), on PostgreSQL. In READ
# COMMITTED a statement that waits for a row lock returns the row's newest version but reads everything else as of
# its snapshot, taken before the wait: a batch of this device committed meanwhile (a retry of this very batch, say)
# is not seen by the subqueries. Every stored batch updates its device's row (record.py), so it shows as the locked
# row's xmin differing from the xmin of the row the snapshot sees; then `check` asks `_STORED_AND_RECENT` again.
_stored = aliased(Batch, name="stored")
_seen = aliased(Device, name="seen")
_LOCKED_WITH_STORED = (
    device_row(lock=False).add_columns(
        _stored.device_id, _stored.body_sha256, _stored.answer,
        select(func.count()).select_from(_recent)
        .where(_recent.device_id == Device.id, _recent.received_at > bindparam("since"))
        .scalar_subquery().label("recent"),
        literal_column("device.xmin::text").label("locked_xmin"),
        select(literal_column("seen.xmin::text")).select_from(_seen).where(_seen.id == Device.id)
        .scalar_subquery().label("seen_xmin"))
    .outerjoin(_stored, _stored.id == bindparam("batch_id"))
    .with_for_update(of=Device)
)


def _stored_answer(stored: Row[Any], device_id: str, digest: str) -> dict[str, Any] | None:
    """The stored answer (a `_STORED_AND_RECENT` row) when this batch id was stored with these very bytes (verified
    when first stored)."""
    if stored.device_id is None:
        return None
    if stored.device_id == device_id and stored.body_sha256 == digest:
        return stored.answer
    raise ApiError(422, E.BATCH_CONFLICT, "This batch id was already used with different bytes.")


def _check_seq(header: wire.BatchHeader, last_seq: int) -> None:
    if header.seq_first > last_seq + 1:
        raise ApiError(
            409, E.SEQ_GAP, "Ops are missing before this batch; send them first.",
            detail={"expected_seq": last_seq + 1, "missing_first": last_seq + 1,
                    "missing_last": header.seq_first - 1},
        )
