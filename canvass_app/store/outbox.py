"""The outbox: every local change that the server must learn of is queued here, in the change's own session."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session
from uuid6 import uuid7

from canvass_app.store.models import OutboxOp
from canvass_protocol import wire


class OpPayloadError(ValueError):
    """A change whose op the server could not take: refused here, where it is made, not silently later."""


def enqueue(session: Session, op_type: str, payload: dict[str, Any]) -> OutboxOp:
    """Add one op to the outbox in the caller's transaction; it commits (or not) with the change itself.

    The payload is checked against the op type's wire model first (canvass_protocol.wire.PAYLOAD_MODELS): a
    malformed op raises OpPayloadError, so the caller's transaction - the change with it - is not committed."""
    try:
        wire.validate_payload(op_type, payload)
    except ValueError as exc:
        raise OpPayloadError(str(exc)) from None
    op = OutboxOp(op_id=str(uuid7()), op_type=op_type, payload=payload, schema_version=wire.OP_SCHEMA_VERSION)
    session.add(op)
    session.flush()  # assigns seq now, so the caller can report it
    return op
