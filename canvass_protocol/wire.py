"""The sync wire schema, shared by the desktop client and the server: headers, ops, answers, errors, pages.

Everything that crosses the network is defined here once. docs/sync-protocol.md describes the same in prose.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError

PROTOCOL_VERSION = 1
BATCH_CONTENT_TYPE = "application/vnd.canvass.batch"
IDEMPOTENCY_HEADER = "Idempotency-Key"

HPKE_KEM = "DHKEM(X25519, HKDF-SHA256)"
HPKE_KDF = "HKDF-SHA256"
HPKE_AEAD = "ChaCha20Poly1305"

Role = Literal["canvasser", "county_lead", "admin"]
OpType = Literal["contact_attempt", "voter_correction", "policy_vote", "turf_checkout"]
# Contact result codes: Canvassed, Not home, Refused, Moved, Deceased, Inaccessible, Language barrier, Wrong address,
# Call back, Do not contact, Hostile. Their names and order for people live in the stores' seeded result_code tables.
ResultCodeValue = Literal["C", "NH", "R", "M", "D", "I", "LB", "WA", "CB", "DNC", "H"]
CorrectableField = Literal["phone", "email", "language", "do_not_contact", "deceased", "moved"]
Scope = Literal["assignments", "households", "voters", "rights", "briefs", "surveys", "device"]
VoteChoice = Literal["support", "oppose", "abstain"]
ContactSource = Literal["walk", "cli", "paper"]

ROLES: tuple[str, ...] = get_args(Role)
OP_TYPES: tuple[str, ...] = get_args(OpType)
RESULT_CODES: tuple[str, ...] = get_args(ResultCodeValue)
CORRECTABLE_FIELDS: tuple[str, ...] = get_args(CorrectableField)
SCOPES: tuple[str, ...] = get_args(Scope)
VOTE_CHOICES: tuple[str, ...] = get_args(VoteChoice)
NOTE_MAX = 4000  # a note on a contact, a comment on a vote

Uuid = Annotated[str, Field(min_length=32, max_length=36, pattern=r"^[0-9a-fA-F-]{32,36}$")]
Short = Annotated[str, Field(max_length=120)]
Note = Annotated[str, Field(max_length=NOTE_MAX)]
VoterId = Annotated[str, Field(min_length=1, max_length=40)]
ListNumber = Annotated[str, Field(min_length=1, max_length=12)]
Timestamp = Annotated[str, Field(max_length=40)]


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
    role: Role
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
    state_voter_id: VoterId
    result: ResultCodeValue
    support: Annotated[int, Field(ge=1, le=5)] | None = None
    top_issue: Annotated[str, Field(max_length=40)] | None = None
    volunteer_interest: bool | None = None
    preferred_language: Annotated[str, Field(max_length=10)] | None = None
    needs_ride: bool | None = None
    answers: dict[str, Any] | None = None
    note: Note | None = None
    canvasser: Short | None = None
    list_number: Annotated[str, Field(max_length=12)] | None = None
    corrects_id: Uuid | None = None
    source: ContactSource = "walk"
    created_at: Timestamp


class VoterCorrectionPayload(Strict):
    county: CountyRef
    state_voter_id: VoterId
    fields: dict[CorrectableField, Any]


class PolicyVotePayload(Strict):
    id: Uuid
    brief_slug: Annotated[str, Field(min_length=1, max_length=80)]
    person: Annotated[str, Field(min_length=1, max_length=120)]
    choice: VoteChoice
    comment: Note | None = None
    created_at: Timestamp


class TurfCheckoutPayload(Strict):
    county: CountyRef
    list_number: ListNumber
    canvasser: Annotated[str, Field(min_length=1, max_length=120)]
    action: Literal["checkout", "return"]
    at: Timestamp


PAYLOAD_MODELS: dict[str, type[BaseModel]] = {
    "contact_attempt": ContactAttemptPayload,
    "voter_correction": VoterCorrectionPayload,
    "policy_vote": PolicyVotePayload,
    "turf_checkout": TurfCheckoutPayload,
}
assert set(PAYLOAD_MODELS) == set(OP_TYPES)


def validate_payload(op_type: str, payload: dict[str, Any]) -> BaseModel:
    """The payload as its op type's model; raises ValueError naming the op type and the bad fields."""
    model = PAYLOAD_MODELS.get(op_type)
    if model is None:
        raise ValueError(f"unknown op type {op_type!r} (known: {', '.join(OP_TYPES)})")
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        raise ValueError(f"invalid {op_type} payload: {_describe(exc)}") from None


def _describe(exc: ValidationError) -> str:
    """Every field a model refused and why: "note: String should have at most 4000 characters; ..."."""
    return "; ".join(f"{'.'.join(str(p) for p in e['loc']) or '(whole)'}: {e['msg']}" for e in exc.errors())


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


class HouseholdItem(Strict):
    """A door: one normalised address (scope `households`)."""

    key: Annotated[str, Field(max_length=200)]
    house_number: str | None = None
    house_number_int: int | None = None
    pre_dir: str | None = None
    street_name: str | None = None
    street_type: str | None = None
    post_dir: str | None = None
    unit: str | None = None
    unit_sort: str | None = None
    city: str | None = None
    zip: str | None = None
    street_key: str | None = None
    side: str | None = None
    precinct_code: str | None = None
    lat: float | None = None
    lon: float | None = None


class VoterItem(Strict):
    """A registered voter of the device's county (scope `voters`); `household_key` links to a HouseholdItem."""

    state_voter_id: VoterId
    registration_number: str | None = None
    first_name: str | None = None
    middle_name: str | None = None
    last_name: str | None = None
    suffix: str | None = None
    birth_year: int | None = None
    sex: str | None = None
    party: str | None = None
    phone: str | None = None
    email: str | None = None
    language: str | None = None
    res_address: str | None = None
    res_city: str | None = None
    res_state: str | None = None
    res_zip: str | None = None
    precinct_code: str | None = None
    registration_status: str | None = None
    active: bool = True
    do_not_contact: bool = False
    deceased: bool = False
    moved: bool = False
    household_key: str | None = None


class AssignmentItem(Strict):
    """A turf and who holds it (scope `assignments`)."""

    list_number: ListNumber
    name: str | None = None
    canvasser: str | None = None
    mine: bool = False
    checked_out_at: Timestamp | None = None
    returned_at: Timestamp | None = None


class RightItem(Strict):
    """A Secured Right of the charter (scope `rights`)."""

    slug: str
    title: str
    text: str
    sort_order: int = 0


class BriefItem(Strict):
    """A policy brief with its members' tally (scope `briefs`); never `adopted` while it conflicts with a right."""

    slug: str
    language: str
    title: str
    category: str | None = None
    summary: str | None = None
    body_md: str | None = None
    talking_points: list[Any] = Field(default_factory=list)
    questions: list[Any] = Field(default_factory=list)
    rebuttals: list[Any] = Field(default_factory=list)
    protects: list[Any] = Field(default_factory=list)
    conflicts: list[Any] = Field(default_factory=list)
    status: str
    version: int = 1
    updated_at: Timestamp | None = None
    tally: dict[VoteChoice, int] = Field(default_factory=dict)


class SurveyOptionItem(Strict):
    value: str
    label: str | None = None


class SurveyItem(Strict):
    """A survey question asked at the door (scope `surveys`)."""

    key: str
    text: str
    kind: str
    sort_order: int = 0
    active: bool = True
    options: list[SurveyOptionItem] = Field(default_factory=list)


class DeviceStatus(Strict):
    device_id: str
    status: Literal["active", "revoked"]
    wipe: bool
    county: CountyRef
    role: str


PULL_ITEM_MODELS: dict[str, type[BaseModel]] = {
    "households": HouseholdItem,
    "voters": VoterItem,
    "assignments": AssignmentItem,
    "rights": RightItem,
    "briefs": BriefItem,
    "surveys": SurveyItem,
    "device": DeviceStatus,
}
assert set(PULL_ITEM_MODELS) == set(SCOPES)


def item_fields(scope: str) -> tuple[str, ...]:
    """The fields every item of a scope carries: one list for the server that sends and the client that stores."""
    return tuple(PULL_ITEM_MODELS[scope].model_fields)


class ChangesPage(Strict):
    """One page of one scope: apply the items, then save `cursor`; ask again while `has_more`.

    Each item is the scope's model in PULL_ITEM_MODELS (sent as JSON objects; `typed_items()` checks them)."""

    scope: str
    items: list[dict[str, Any]]
    cursor: str
    has_more: bool
    refetch: bool = Field(default=False, description="Drop local data of this scope, then apply these items")

    def typed_items(self) -> list[dict[str, Any]]:
        """The items checked against the scope's model, every field present (defaults filled in).

        Raises ValueError for an unknown scope or an item that is not of the scope's shape."""
        model = PULL_ITEM_MODELS.get(self.scope)
        if model is None:
            raise ValueError(f"unknown scope {self.scope!r}")
        try:
            return [model.model_validate(item).model_dump(mode="json") for item in self.items]
        except ValidationError as exc:
            raise ValueError(f"a {self.scope} item is not valid: {_describe(exc)}") from None


class Health(Strict):
    status: Literal["ok"]
    database: str
    protocol: int = PROTOCOL_VERSION
