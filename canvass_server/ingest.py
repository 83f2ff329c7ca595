"""POST /v1/batches as one transaction: authenticate, verify, replay check, open, seq check, apply, record."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from canvass_protocol import envelope, wire
from canvass_server.authz import Caller, caller
from canvass_server.config import Settings
from canvass_server.devices import authenticate_row
from canvass_server.errors import STATUS_FOR_ENVELOPE, ApiError
from canvass_server.keys import ServerKeyPair
from canvass_server.models import Batch, utcnow
from canvass_server.ops import apply_ops
from canvass_server.record import BatchRow, record

log = logging.getLogger(__name__)
E = wire.ErrorCode


def _envelope_error(exc: envelope.EnvelopeError) -> ApiError:
    return ApiError(STATUS_FOR_ENVELOPE.get(exc.code, 400), E(exc.code), str(exc))


def ingest(
    session: Session,
    *,
    settings: Settings,
    key: ServerKeyPair,
    authorization: str | None,
    idempotency_key: str | None,
    body: bytes,
    failures: int = 0,
) -> tuple[dict[str, Any], bool]:
    """Apply one sealed batch; returns (answer, replayed). Raises ApiError, leaving nothing applied.

    The cheap checks (size, token, header, replay, rate, key id, op count, seq) come before the signature is
    checked and long before the body is decrypted: a bad batch costs little. `failures`: this device's failed
    batches in the last minute, counted by the rate limit with the stored ones."""
    if len(body) > settings.max_batch_bytes:
        raise ApiError(413, E.PAYLOAD_TOO_LARGE, f"batches are limited to {settings.max_batch_bytes} bytes")
    # The device row lock serialises this device's batches across every server instance.
    device, member, county = authenticate_row(session, authorization, lock=True)
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
    stored = session.get(Batch, header.batch_id)
    if stored is not None:  # the same bytes were verified when they were first stored
        if stored.device_id == device.id and stored.body_sha256 == digest:
            return stored.answer, True
        raise ApiError(422, E.BATCH_CONFLICT, "This batch id was already used with different bytes.")

    since = utcnow() - dt.timedelta(minutes=1)
    recent = session.scalar(
        select(func.count()).select_from(Batch).where(Batch.device_id == device.id, Batch.received_at > since)
    )
    if (recent or 0) + failures >= settings.rate_limit_per_minute:
        raise ApiError(429, E.RATE_LIMITED, "Too many batches from this device; slow down.",
                       headers={"Retry-After": "30"})
    if header.key_id != key.key_id:
        raise ApiError(400, E.UNKNOWN_SERVER_KEY, "The batch is sealed to a key this server does not hold.",
                       detail={"server_key": key.wire().model_dump()})
    if header.op_count > settings.max_ops_per_batch:
        raise ApiError(413, E.PAYLOAD_TOO_LARGE, f"batches are limited to {settings.max_ops_per_batch} ops")
    if header.seq_first > device.last_seq + 1:
        raise ApiError(
            409, E.SEQ_GAP, "Ops are missing before this batch; send them first.",
            detail={"expected_seq": device.last_seq + 1, "missing_first": device.last_seq + 1,
                    "missing_last": header.seq_first - 1},
        )
    try:
        envelope.verify(parsed, device.public_key)
        batch = envelope.open_body(parsed, key.private, settings.max_plaintext_bytes)
    except envelope.EnvelopeError as exc:
        raise _envelope_error(exc) from None

    who = caller(device, member, county)
    answer = _apply(session, who, header, digest, batch.ops, fast=True)
    if answer is None:  # the database refused a contact row: again, op by op where it must
        answer = _apply(session, who, header, digest, batch.ops, fast=False)
        assert answer is not None
    log.info("batch %s from device %s: %d applied, %d duplicate, %d rejected", header.batch_id, device.id,
             answer["applied"], answer["duplicates"], answer["rejected"])
    return answer, False


def _apply(session: Session, who: Caller, header: wire.BatchHeader, digest: str, ops: list[wire.Op], *,
           fast: bool) -> dict[str, Any] | None:
    """Apply the ops and record the batch with its answer; None (nothing written) when `record` refused the fast
    path's writes."""
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
    return answer if record(session, applied, who.device, row) else None
