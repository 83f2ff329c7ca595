"""Enrollment: make this device's Ed25519 key, spend a one-time code at the server, pin the server's key, and keep
who the device acts for (the member, as the server says)."""

from __future__ import annotations

import platform
from dataclasses import dataclass
from urllib.parse import urlsplit

from cryptography.hazmat.primitives.asymmetric import x25519
from sqlalchemy import delete

from canvass_app.store.database import Store
from canvass_app.store.models import Setting, SyncState
from canvass_app.sync import identity
from canvass_app.sync.pull import WIPE_SETTING
from canvass_app.sync.transport import SyncHttp
from canvass_protocol import envelope


class EnrollError(Exception):
    """Enrollment failed; the message says why in plain words. Nothing was saved."""


@dataclass(frozen=True)
class Enrolled:
    device_id: str
    server_url: str
    county: str
    state: str
    role: str
    server_key_id: str
    member_id: int
    member_name: str
    list_prefix: str


def normalise_url(url: str) -> str:
    url = url.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise EnrollError(f"{url!r} is not a server address: give it as https://host[:port]")
    return url


def enroll(store: Store, server_url: str, code: str, *, label: str = "", http: SyncHttp | None = None) -> Enrolled:
    """Enroll this device; replaces any earlier identity only once the server has said yes."""
    url = normalise_url(server_url)
    if not code.strip():
        raise EnrollError("Give the enrollment code your county lead made for you.")
    key, private_b64 = identity.new_signing_key()
    public_b64 = envelope.b64(envelope.raw_public(key.public_key()))
    client = http or SyncHttp(url)
    try:
        answer = client.enroll(code.strip(), public_b64, label or platform.node()[:120])
    except Exception as exc:
        message = getattr(exc, "message", str(exc))
        raise EnrollError(f"Enrollment failed: {message}") from exc
    finally:
        if http is None:
            client.close()
    try:
        server_public = x25519.X25519PublicKey.from_public_bytes(envelope.unb64(answer.server_key.public_key))
    except ValueError as exc:
        raise EnrollError("The server sent a malformed public key; nothing was saved.") from exc
    if envelope.key_id(server_public) != answer.server_key.key_id:
        raise EnrollError("The server's key does not match its key id; nothing was saved.")
    ident = identity.Identity(
        device_id=answer.device_id, token=answer.token, private_key=private_b64, server_url=url,
        server_key=answer.server_key.public_key, server_key_id=answer.server_key.key_id,
        county_name=answer.county.name, county_state=answer.county.state, role=answer.member.role,
        member_id=answer.member.id, member_name=answer.member.name, list_prefix=answer.list_prefix,
    )
    identity.save(store, ident)
    with store.session() as session:  # a new device pulls everything afresh
        session.execute(delete(SyncState))
        session.execute(delete(Setting).where(Setting.key == WIPE_SETTING))
    return Enrolled(ident.device_id, url, ident.county_name, ident.county_state, ident.role, ident.server_key_id,
                    answer.member.id, answer.member.name, answer.list_prefix)
