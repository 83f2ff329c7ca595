"""Helpers for the sync unit tests: a local identity with real keys, and outbox ops of each type."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from cryptography.hazmat.primitives.asymmetric import x25519
from sqlalchemy.orm import Session

from canvass_app.store import outbox
from canvass_app.sync.identity import Identity, new_signing_key
from canvass_protocol import envelope

COUNTY = {"name": "Wake", "state": "NC"}


def make_identity(device_id: str = "dev-1") -> tuple[Identity, x25519.X25519PrivateKey]:
    server = x25519.X25519PrivateKey.generate()
    _, private_b64 = new_signing_key()
    ident = Identity(device_id=device_id, token="cvt_secret-token", private_key=private_b64,
                     server_url="http://127.0.0.1:9", server_key=envelope.b64(envelope.raw_public(server.public_key())),
                     server_key_id=envelope.key_id(server.public_key()), county_name="Wake", county_state="NC",
                     role="canvasser")
    return ident, server


def contact_payload(voter: str = "WA000001", note: str | None = None) -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "county": COUNTY, "state_voter_id": voter, "result": "C", "support": 4,
            "note": note, "source": "cli", "created_at": dt.datetime.now(dt.UTC).isoformat()}


def enqueue_contacts(session: Session, n: int, note: str | None = None) -> list[str]:
    return [outbox.enqueue(session, "contact_attempt", contact_payload(f"WA{i:06d}", note)).op_id for i in range(n)]
