"""The sync wire schema, shared by the desktop client and the server: headers, ops, answers, errors, pages.

Everything that crosses the network is defined here once. docs/sync-protocol.md describes the same in prose.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

PROTOCOL_VERSION = 1
BATCH_CONTENT_TYPE = "application/vnd.canvass.batch"
IDEMPOTENCY_HEADER = "Idempotency-Key"

HPKE_KEM = "DHKEM(X25519, HKDF-SHA256)"
HPKE_KDF = "HKDF-SHA256"
HPKE_AEAD = "ChaCha20Poly1305"

ROLES = ("canvasser", "county_lead", "admin")
OP_TYPES = ("contact_attempt", "voter_correction", "policy_vote", "turf_checkout")
RESULT_CODES = ("C", "NH", "R", "M", "D", "I", "LB", "WA", "CB", "DNC", "H")
CORRECTABLE_FIELDS = ("phone", "email", "language", "do_not_contact", "deceased", "moved")
SCOPES = ("assignments", "households", "voters", "rights", "briefs", "surveys", "device")

Uuid = Annotated[str, Field(min_length=32, max_length=36, pattern=r"^[0-9a-fA-F-]{32,36}$")]
Short = Annotated[str, Field(max_length=120)]


def canonical_json(obj: Any) -> bytes:
    """The one serialisation that is signed: sorted keys, no spaces, UTF-8, no floats (RFC 8785 subset)."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode(
        "utf-8"
    )


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorCode(StrEnum):
    """Machine-readable reasons; the HTTP status for each is in docs/sync-protocol.md."""

    BAD_REQUEST = "bad_request"
    UNAUTHORIZED = "unauthorized"
    FORBIDDEN = "forbidden"
    DEVICE_REVOKED = "device_revoked"
    NOT_FOUND = "not_found"
    ENROLLMENT_CODE_INVALID = "enrollment_code_invalid"
    ENROLLMENT_CODE_EXPIRED = "enrollment_code_expired"
    ENROLLMENT_CODE_USED = "enrollment_code_used"
    IDEMPOTENCY_KEY_MISSING = "idempotency_key_missing"
    IDEMPOTENCY_KEY_MISMATCH = "idempotency_key_mismatch"
    MALFORMED_BATCH = "malformed_batch"
    UNSUPPORTED_VERSION = "unsupported_version"
    WRONG_DEVICE = "wrong_device"
    UNKNOWN_SERVER_KEY = "unknown_server_key"
    BAD_SIGNATURE = "bad_signature"
    BAD_ENVELOPE = "bad_envelope"
    BATCH_CONFLICT = "batch_conflict"
    BATCH_IN_PROGRESS = "batch_in_progress"
    SEQ_GAP = "seq_gap"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    RATE_LIMITED = "rate_limited"
    INVALID_SCOPE = "invalid_scope"
    INTERNAL = "internal"


class OpRejection(StrEnum):
    """Why one op inside an accepted batch was not applied (it never will be: the client drops it)."""

    INVALID_PAYLOAD = "invalid_payload"
    UNKNOWN_OP_TYPE = "unknown_op_type"
    UNSUPPORTED_SCHEMA = "unsupported_schema"
    COUNTY_FORBIDDEN = "county_forbidden"
    UNKNOWN_VOTER = "unknown_voter"
    UNKNOWN_BRIEF = "unknown_brief"
    SEQ_REUSED = "seq_reused"
    ID_CONFLICT = "id_conflict"


class ErrorBody(Strict):
    code: ErrorCode
    message: str
    detail: dict[str, Any] | None = None


# ---- keys and enrollment -------------------------------------------------------------------------------------


class ServerKey(Strict):
    key_id: str
    kem: str = HPKE_KEM
    kdf: str = HPKE_KDF
    aead: str = HPKE_AEAD
    public_key: str = Field(description="Raw 32-byte X25519 public key, base64 (standard alphabet, padded)")


class CountyRef(Strict):
    name: Annotated[str, Field(min_length=1, max_length=120)]
    state: Annotated[str, Field(min_length=2, max_length=2, pattern=r"^[A-Z]{2}$")]


class EnrollRequest(Strict):
    code: Annotated[str, Field(min_length=1, max_length=64)]
    public_key: Annotated[str, Field(min_length=40, max_length=64, description="Raw Ed25519 key, base64")]
    label: Annotated[str, Field(max_length=120)] = ""


class EnrollResponse(Strict):
    device_id: str
    token: str
    county: CountyRef
    role: str
    server_key: ServerKey


class EnrollmentCodeRequest(Strict):
    county: CountyRef
    role: Literal["canvasser", "county_lead", "admin"]
    expires_hours: Annotated[int, Field(ge=1, le=24 * 30)] = 72


class EnrollmentCodeResponse(Strict):
    code: str
    county: CountyRef
    role: str
    expires_at: str


# ---- batches -------------------------------------------------------------------------------------------------


class BatchHeader(Strict):
    """Sent in clear, bound into the HPKE context as `info`, and covered by the device signature."""

    v: Literal[1] = 1
    device_id: Annotated[str, Field(max_length=64)]
    key_id: Annotated[str, Field(max_length=64)]
    batch_id: Uuid
    seq_first: Annotated[int, Field(ge=1)]
    seq_last: Annotated[int, Field(ge=1)]
    op_count: Annotated[int, Field(ge=1)]
    created_at: Annotated[str, Field(max_length=40)]
    compression: Literal["zlib"] = "zlib"

    def canonical(self) -> bytes:
        return canonical_json(self.model_dump(mode="json"))


class Op(BaseModel):
    """One outbox op; payload is validated by op type on the server (see the payload models below)."""

    model_config = ConfigDict(extra="forbid")
    op_id: Uuid
    seq: Annotated[int, Field(ge=1)]
    type: Annotated[str, Field(max_length=40)]
    schema_version: int = 1
    payload: dict[str, Any]


class BatchBody(Strict):
    ops: list[Op]


class ContactAttemptPayload(Strict):
    id: Uuid
    county: CountyRef
    state_voter_id: Annotated[str, Field(min_length=1, max_length=40)]
    result: Literal["C", "NH", "R", "M", "D", "I", "LB", "WA", "CB", "DNC", "H"]
    support: Annotated[int, Field(ge=1, le=5)] | None = None
    top_issue: Annotated[str, Field(max_length=40)] | None = None
    volunteer_interest: bool | None = None
    preferred_language: Annotated[str, Field(max_length=10)] | None = None
    needs_ride: bool | None = None
    answers: dict[str, Any] | None = None
    note: Annotated[str, Field(max_length=4000)] | None = None
    canvasser: Short | None = None
    list_number: Annotated[str, Field(max_length=12)] | None = None
    corrects_id: Uuid | None = None
    source: Literal["walk", "cli", "paper"] = "walk"
    created_at: Annotated[str, Field(max_length=40)]


class VoterCorrectionPayload(Strict):
    county: CountyRef
    state_voter_id: Annotated[str, Field(min_length=1, max_length=40)]
    fields: dict[Literal["phone", "email", "language", "do_not_contact", "deceased", "moved"], Any]


class PolicyVotePayload(Strict):
    id: Uuid
    brief_slug: Annotated[str, Field(min_length=1, max_length=80)]
    person: Annotated[str, Field(min_length=1, max_length=120)]
    choice: Literal["support", "oppose", "abstain"]
    comment: Annotated[str, Field(max_length=4000)] | None = None
    created_at: Annotated[str, Field(max_length=40)]


class TurfCheckoutPayload(Strict):
    county: CountyRef
    list_number: Annotated[str, Field(min_length=1, max_length=12)]
    canvasser: Annotated[str, Field(min_length=1, max_length=120)]
    action: Literal["checkout", "return"]
    at: Annotated[str, Field(max_length=40)]


PAYLOAD_MODELS: dict[str, type[BaseModel]] = {
    "contact_attempt": ContactAttemptPayload,
    "voter_correction": VoterCorrectionPayload,
    "policy_vote": PolicyVotePayload,
    "turf_checkout": TurfCheckoutPayload,
}


class OpResult(Strict):
    op_id: str
    seq: int
    status: Literal["applied", "duplicate", "rejected"]
    code: OpRejection | None = None
    reason: str | None = None


class BatchAnswer(Strict):
    batch_id: str
    device_id: str
    seq_first: int
    seq_last: int
    applied: int
    duplicates: int
    rejected: int
    results: list[OpResult]
    received_at: str


# ---- pull ----------------------------------------------------------------------------------------------------


class ChangesPage(Strict):
    """One page of one scope: apply the items, then save `cursor`; ask again while `has_more`."""

    scope: str
    items: list[dict[str, Any]]
    cursor: str
    has_more: bool
    refetch: bool = Field(default=False, description="Drop local data of this scope, then apply these items")


class DeviceStatus(Strict):
    device_id: str
    status: Literal["active", "revoked"]
    wipe: bool
    county: CountyRef
    role: str


class Health(Strict):
    status: Literal["ok"]
    database: str
    protocol: int = PROTOCOL_VERSION
