"""The outbox: every local change that the server must learn of is queued here, in the change's own session."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session
from uuid6 import uuid7

from canvass_app.models import OutboxOp

SCHEMA_VERSION = 1
OP_TYPES = ("contact_attempt", "voter_correction", "policy_vote", "turf_checkout")


def enqueue(session: Session, op_type: str, payload: dict[str, Any]) -> OutboxOp:
    """Add one op to the outbox in the caller's transaction; it commits (or not) with the change itself."""
    if op_type not in OP_TYPES:
        raise ValueError(f"unknown outbox op type {op_type!r}")
    op = OutboxOp(op_id=str(uuid7()), op_type=op_type, payload=payload, schema_version=SCHEMA_VERSION)
    session.add(op)
    session.flush()  # assigns seq now, so the caller can report it
    return op
