"""What a revoked device keeps through its wipe: its unsynced ops, sealed to the server's key, delivered if the
device is ever reinstated.

Before a wipe every pending op is frozen into sealed batches (HPKE-sealed to the server, signed by the device: no
one but the server can read them) and every unacknowledged batch is copied, with the device id, token, server
address and CA file needed to send it, into the setting `sync.kept`, which the wipe leaves alone. Each later sync
tries to send them first; a reinstated device's batches are taken like any other, a still-revoked one's are
refused and kept.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from canvass_app.store.database import Store
from canvass_app.store.models import Setting, SyncBatch
from canvass_app.sync import batches
from canvass_app.sync.identity import Identity
from canvass_app.sync.transport import SyncHttp, SyncHttpError, UnsafeServer
from canvass_protocol.envelope import b64, unb64

log = logging.getLogger(__name__)
KEPT_SETTING = "sync.kept"


def _records(session: Session) -> list[dict[str, Any]]:
    row = session.get(Setting, KEPT_SETTING)
    return list(row.value) if row is not None and isinstance(row.value, list) else []


def _save(session: Session, records: list[dict[str, Any]]) -> None:
    row = session.get(Setting, KEPT_SETTING)
    if not records:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(Setting(key=KEPT_SETTING, value=records))
    else:
        row.value = records


def keep_unsynced(session: Session, ident: Identity) -> int:
    """Seal every pending op and keep every unacknowledged batch of this device; returns the ops kept."""
    while batches.freeze_ahead(session, ident, max_open=sys.maxsize) is not None:
        pass
    rows = session.scalars(select(SyncBatch).where(SyncBatch.status == "open", SyncBatch.device_id == ident.device_id)
                           .order_by(SyncBatch.seq_first)).all()
    if not rows:
        return 0
    record = {"device_id": ident.device_id, "token": ident.token, "server_url": ident.server_url,
              "ca_file": ident.ca_file, "batches": [{"id": r.id, "ops": r.op_count, "sealed": b64(r.sealed)}
                                                    for r in rows]}
    _save(session, [r for r in _records(session) if r.get("device_id") != ident.device_id] + [record])
    return sum(r.op_count for r in rows)


def kept_ops(session: Session) -> int:
    """How many ops wait, sealed, for a device that was revoked."""
    return sum(int(b.get("ops", 0)) for r in _records(session) for b in r.get("batches", []))


def deliver(store: Store) -> int:
    """Send the kept batches, oldest first, each device's until the server refuses one; returns the ops taken."""
    with store.session() as session:
        records = _records(session)
    if not records:
        return 0
    delivered = 0
    for record in records:
        try:
            with SyncHttp(record["server_url"], record["token"], ca_file=record.get("ca_file") or None) as http:
                while record["batches"]:
                    batch = record["batches"][0]
                    http.push(batch["id"], unb64(batch["sealed"]))
                    delivered += int(batch.get("ops", 0))
                    record["batches"].pop(0)
        except (SyncHttpError, UnsafeServer) as exc:
            log.info("kept batches of a revoked device not delivered: %s", type(exc).__name__)
    with store.session() as session:
        batches.hold_write_lock(session)
        _save(session, [r for r in records if r["batches"]])
    return delivered
