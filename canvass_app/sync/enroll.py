"""Enrollment: make this device's Ed25519 key, spend a one-time code at the server, check that the answer was made
by a holder of the code, pin the server's keys, and keep who the device acts for (the member, as the server says).
"""

from __future__ import annotations

import platform
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import ed25519, x25519
from sqlalchemy import delete

from canvass_app.store.database import Store
from canvass_app.store.models import Setting, SyncState
from canvass_app.sync import identity
from canvass_app.sync.pull import WIPE_SETTING
from canvass_app.sync.transport import SyncHttp, UnsafeServer, check_url
from canvass_app.turfs import cutting
from canvass_protocol import envelope, trust


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
    try:
        return check_url(url)
    except UnsafeServer as exc:
        raise EnrollError(str(exc)) from exc


def _ca_path(ca_file: str | None) -> str:
    if not ca_file:
        return ""
    path = Path(ca_file).expanduser().resolve()
    if not path.is_file():
        raise EnrollError(f"There is no CA file at {path}.")
    return str(path)


def enroll(store: Store, server_url: str, code: str, *, label: str = "", ca_file: str | None = None,
           http: SyncHttp | None = None) -> Enrolled:
    """Enroll this device; replaces any earlier identity only once the server has said yes and proved, with the
    code, that the keys it sent are its own. `ca_file`: the certificates to trust instead of the system's, kept
    for every later sync."""
    url = normalise_url(server_url)
    if not code.strip():
        raise EnrollError("Give the enrollment code your county lead made for you.")
    ca = _ca_path(ca_file)
    key, private_b64 = identity.new_signing_key()
    public_b64 = envelope.b64(envelope.raw_public(key.public_key()))
    try:
        client = http or SyncHttp(url, ca_file=ca or None)
    except UnsafeServer as exc:
        raise EnrollError(str(exc)) from exc
    try:
        answer = client.enroll(code.strip(), public_b64, label or platform.node()[:120])
    except Exception as exc:
        message = getattr(exc, "message", str(exc))
        raise EnrollError(f"Enrollment failed: {message}") from exc
    finally:
        if http is None:
            client.close()
    if not trust.answer_is_genuine(trust.code_key(code), answer, public_b64):
        raise EnrollError("The answer to this enrollment was not made by a holder of your code: someone between "
                          "this computer and the server may have changed it. Nothing was saved; ask your county "
                          "lead for a new code (and to revoke the device this one made).")
    try:
        server_public = x25519.X25519PublicKey.from_public_bytes(envelope.unb64(answer.server_key.public_key))
        ed25519.Ed25519PublicKey.from_public_bytes(envelope.unb64(answer.signing_key))
    except ValueError as exc:
        raise EnrollError("The server sent a malformed public key; nothing was saved.") from exc
    if envelope.key_id(server_public) != answer.server_key.key_id:
        raise EnrollError("The server's key does not match its key id; nothing was saved.")
    ident = identity.Identity(
        device_id=answer.device_id, token=answer.token, private_key=private_b64, server_url=url,
        server_key=answer.server_key.public_key, server_key_id=answer.server_key.key_id,
        county_name=answer.county.name, county_state=answer.county.state, role=answer.member.role,
        member_id=answer.member.id, member_name=answer.member.name, list_prefix=answer.list_prefix,
        server_signing_key=answer.signing_key, ca_file=ca,
    )
    identity.save(store, ident)
    me = cutting.Me(member_id=answer.member.id, role=answer.member.role, list_prefix=answer.list_prefix)
    with store.session() as session:  # a new device pulls everything afresh
        session.execute(delete(SyncState))
        session.execute(delete(Setting).where(Setting.key == WIPE_SETTING))
        cutting.publish_local_turfs(session, me)  # a lead's turfs cut before enrolling reach the server too
    return Enrolled(ident.device_id, url, ident.county_name, ident.county_state, ident.role, ident.server_key_id,
                    answer.member.id, answer.member.name, answer.list_prefix)
