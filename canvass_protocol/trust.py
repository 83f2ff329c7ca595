"""Trust that needs no TLS: enrollment proofs keyed by the one-time code, and the server's signed revocation notices.

The code is a secret shared by the server and the person enrolling. Neither side ever sends it: the device sends
its SHA-256 (the server's lookup key, also what the server stores) and an HMAC over its public key keyed by a key
derived from the code; the server answers with an HMAC, under the same key, over everything it answers (its HPKE
and signing keys, the device id, the token) and the device's key. A party in the middle without the code can
neither enroll with it nor make the device accept other keys. See docs/sync-protocol.md sections 2 and 8.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from canvass_protocol.envelope import b64, unb64
from canvass_protocol.wire import EnrollRequest, EnrollResponse, RevocationNotice, canonical_json

_KEY_SALT = b"canvass-enroll-v1"
_REQUEST = b"canvass-enroll-request:v1\x00"
_ANSWER = b"canvass-enroll-answer:v1\x00"
_NOTICE = b"canvass-revocation-notice:v1\x00"


def normalise_code(code: str) -> str:
    """The code as both sides use it: case, spaces and dashes do not matter."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def code_lookup(code: str) -> str:
    """What the device sends instead of the code: its SHA-256 in hex (the server keeps only this)."""
    return hashlib.sha256(normalise_code(code).encode("utf-8")).hexdigest()


def code_key(code: str) -> bytes:
    """The 32-byte HMAC key both sides derive from the code (HKDF-SHA256); never sent."""
    return HKDF(hashes.SHA256(), 32, salt=_KEY_SALT, info=b"proof key").derive(normalise_code(code).encode("utf-8"))


def _mac(key: bytes, domain: bytes, fields: dict[str, Any]) -> str:
    return hmac.new(key, domain + canonical_json(fields), hashlib.sha256).hexdigest()


def request_proof(key: bytes, public_key: str, label: str) -> str:
    return _mac(key, _REQUEST, {"public_key": public_key, "label": label})


def enroll_request(code: str, public_key: str, label: str = "") -> EnrollRequest:
    """The enroll request for `code` (which it does not contain)."""
    return EnrollRequest(code_lookup=code_lookup(code), public_key=public_key, label=label,
                         proof=request_proof(code_key(code), public_key, label))


def request_is_genuine(key: bytes, request: EnrollRequest) -> bool:
    return hmac.compare_digest(request_proof(key, request.public_key, request.label), request.proof)


def answer_proof(key: bytes, answer: dict[str, Any], device_public_key: str) -> str:
    """The server's HMAC over its whole answer (all but `proof`, as JSON) and the device key it answers."""
    fields = {k: v for k, v in answer.items() if k != "proof"}
    return _mac(key, _ANSWER, {"answer": fields, "device_public_key": device_public_key})


def answer_is_genuine(key: bytes, answer: EnrollResponse, device_public_key: str) -> bool:
    expected = answer_proof(key, answer.model_dump(mode="json"), device_public_key)
    return hmac.compare_digest(expected, answer.proof)


def _notice_bytes(device_id: str, issued_at: str, nonce: str) -> bytes:
    return _NOTICE + canonical_json({"device_id": device_id, "status": "revoked", "issued_at": issued_at,
                                     "nonce": nonce})


def sign_notice(key: ed25519.Ed25519PrivateKey, device_id: str, issued_at: str, nonce: str) -> RevocationNotice:
    """The server's order to wipe: device `device_id` is revoked, answering the device's `nonce`."""
    signature = key.sign(_notice_bytes(device_id, issued_at, nonce))
    return RevocationNotice(device_id=device_id, issued_at=issued_at, nonce=nonce, signature=b64(signature))


def notice_is_genuine(notice: RevocationNotice | None, signing_public: str, device_id: str, nonce: str) -> bool:
    """True only for a notice signed by the pinned server signing key, for this device, answering this nonce."""
    if notice is None or not signing_public or notice.device_id != device_id or notice.nonce != nonce:
        return False
    try:
        public = ed25519.Ed25519PublicKey.from_public_bytes(unb64(signing_public))
        public.verify(unb64(notice.signature), _notice_bytes(notice.device_id, notice.issued_at, notice.nonce))
    except (InvalidSignature, ValueError):
        return False
    return True
