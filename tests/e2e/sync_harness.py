"""End-to-end helpers: queueing contacts the way the app does, and reading the client store (server: helpers)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from cluster import free_port
from helpers.live_server import COUNTY, Server
from sqlalchemy import func, select, text

from canvass_app.store import outbox
from canvass_app.store.database import Store

__all__ = ["COUNTY", "PASSPHRASE", "Server", "contact", "free_port", "local_count", "log_contacts", "pending"]

PASSPHRASE = "correct horse battery"


def contact(voter: str, **extra: Any) -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "county": COUNTY, "state_voter_id": voter, "result": "C", "support": 4,
            "source": "cli", "created_at": dt.datetime.now(dt.UTC).isoformat(), **extra}


def log_contacts(store: Store, voters: list[str], per_transaction: int = 500) -> None:
    """Queue one contact per voter, the way the contacts service does (outbox op in the change's session)."""
    for i in range(0, len(voters), per_transaction):
        with store.session() as s:
            for voter in voters[i : i + per_transaction]:
                outbox.enqueue(s, "contact_attempt", contact(voter))


def local_count(store: Store, sql: str) -> int:
    with store.session() as s:
        return int(s.execute(text(sql)).scalar_one())


def pending(store: Store) -> int:
    from canvass_app.store.models import OutboxOp

    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(OutboxOp).where(
            OutboxOp.status.in_(("pending", "batched")))) or 0)
