"""The sync wire schema, shared by the desktop client and the server: headers, ops, answers, errors, pages.

Everything that crosses the network is defined here once. docs/sync-protocol.md describes the same in prose.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from enum import StrEnum
from typing import Annotated, Any, Literal, get_args

import phonenumbers
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator

PROTOCOL_VERSION = 2  # 2: authorship is the server's (no person in any payload), members, ballots, turfs travel
OP_SCHEMA_VERSION = 2  # every op of protocol 2 carries schema_version 2
BATCH_CONTENT_TYPE = "application/vnd.canvass.batch"
IDEMPOTENCY_HEADER = "Idempotency-Key"

HPKE_KEM = "DHKEM(X25519, HKDF-SHA256)"
HPKE_KDF = "HKDF-SHA256"
HPKE_AEAD = "ChaCha20Poly1305"

Role = Literal["volunteer", "canvasser", "county_lead", "admin"]
MemberStatus = Literal["active", "suspended", "removed"]
OpType = Literal["contact_attempt", "voter_correction", "ballot_vote", "turf_cut", "turf_assign", "turf_delete",
                 "petition_sign", "ride_request", "ride_update"]
# Contact result codes: Canvassed, Not home, Refused, Moved, Deceased, Inaccessible, Language barrier, Wrong address,
# Call back, Do not contact, Hostile. Their names and order for people live in the stores' seeded result_code tables.
ResultCodeValue = Literal["C", "NH", "R", "M", "D", "I", "LB", "WA", "CB", "DNC", "H"]
CorrectableField = Literal["phone", "email", "language", "do_not_contact", "deceased", "moved"]
Scope = Literal["households", "voters", "voted", "turfs", "contacts", "members", "rights", "briefs", "surveys",
                "ballots", "scorecards", "candidates", "rides", "device"]
VoteChoice = Literal["support", "oppose", "abstain"]
ContactSource = Literal["walk", "cli", "paper"]
RideStatus = Literal["requested", "arranged", "done", "cancelled"]
BallotKind = Literal["policy", "endorsement", "recall"]
BallotScope = Literal["county", "state", "national", "district"]
CandidateStatus = Literal["vetting", "endorsed", "withdrawn", "recalled"]
QuestionnaireAnswerValue = Literal["support", "oppose"]

ROLES: tuple[str, ...] = get_args(Role)  # in rank order: each role may do what the ones before it may
OP_TYPES: tuple[str, ...] = get_args(OpType)
RESULT_CODES: tuple[str, ...] = get_args(ResultCodeValue)
CORRECTABLE_FIELDS: tuple[str, ...] = get_args(CorrectableField)
SCOPES: tuple[str, ...] = get_args(Scope)
VOTE_CHOICES: tuple[str, ...] = get_args(VoteChoice)
BALLOT_KINDS: tuple[str, ...] = get_args(BallotKind)
CANDIDATE_STATUSES: tuple[str, ...] = get_args(CandidateStatus)
QUESTIONNAIRE_ANSWERS: tuple[str, ...] = get_args(QuestionnaireAnswerValue)
RIDE_STATUSES: tuple[str, ...] = get_args(RideStatus)
MAX_PASSENGERS = 12
NOTE_MAX = 4000  # a note on a contact, a comment on a vote
# Support at the door runs 1–5 as the field counts it (VAN's voter ID scale): 1 strong support, 2 lean support,
# 3 undecided, 4 lean oppose, 5 strong oppose. Supporters (chase lists, election-day and turf figures) are 1–2.
SUPPORTERS = (1, 2)

ANSWERS_MAX_KEYS = 50  # survey answers on one contact: keys at the top level
ANSWERS_MAX_DEPTH = 3  # nested lists or objects inside them
ANSWERS_MAX_BYTES = 8 * 1024  # as canonical JSON
DB_INT_MAX = 2**31 - 1  # an id or number that fits every database's integer column
# Control characters (C0, DEL, C1) and lone surrogates: PostgreSQL refuses NUL and surrogates, and none of them
# belongs in a name, an id or a note. Notes and comments keep tab and line breaks.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROL_IN_NOTE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def plain_text(value: str) -> str:
    """`value` if it holds no control character; ValueError otherwise (the message names no input)."""
    if _CONTROL.search(value):
        raise ValueError("control characters are not allowed")
    return value


def note_text(value: str) -> str:
    """`value` if it holds no control character other than tab, line feed and carriage return."""
    if _CONTROL_IN_NOTE.search(value):
        raise ValueError("control characters other than tab and line breaks are not allowed")
    return value


def phone_number(value: str) -> str:
    """`value` if it is a valid phone number in E.164 form ("+19195550123"); ValueError otherwise (the message
    names no input). Devices normalise what was typed (canvass_protocol.wire.normal_phone) before sending."""
    try:
        parsed = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        raise ValueError("not a phone number in international form (+1…)") from None
    if not phonenumbers.is_valid_number(parsed) or value != phonenumbers.format_number(
            parsed, phonenumbers.PhoneNumberFormat.E164):
        raise ValueError("not a valid phone number in E.164 form (+19195550123)")
    return value


def normal_phone(text: str, region: str = "US") -> str:
    """What a person typed ("(919) 555-0123", "919.555.0123", "+1 919 555 0123") as E.164; ValueError when it is
    not a valid number of `region` (or, with a leading +, of any country)."""
    try:
        parsed = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        raise ValueError(f"{text!r} is not a phone number") from None
    if not phonenumbers.is_valid_number(parsed):
        raise ValueError(f"{text!r} is not a valid phone number")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def iso_datetime(value: str) -> str:
    """`value` if it is an ISO-8601 date and time ("2026-11-03T10:30:00-05:00"); ValueError otherwise."""
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValueError("not an ISO-8601 date and time") from None
    return value


def bounded_answers(value: dict[str, Any]) -> dict[str, Any]:
    """Survey answers within ANSWERS_MAX_KEYS keys, ANSWERS_MAX_DEPTH levels and ANSWERS_MAX_BYTES, no floats,
    no control characters in any key or text."""

    def check(item: Any, depth: int) -> None:
        if depth > ANSWERS_MAX_DEPTH:
            raise ValueError(f"answers may nest at most {ANSWERS_MAX_DEPTH} levels")
        if isinstance(item, dict):
            for key, inner in item.items():
                plain_text(key)
                check(inner, depth + 1)
        elif isinstance(item, list):
            for inner in item:
                check(inner, depth + 1)
        elif isinstance(item, str):
            note_text(item)
        elif isinstance(item, int) and not isinstance(item, bool) and abs(item) > DB_INT_MAX:
            raise ValueError("numbers in answers must fit 32 bits")
        elif item is not None and not isinstance(item, (bool, int)):
            raise ValueError("answers hold text, whole numbers, true/false, lists and objects only")

    if len(value) > ANSWERS_MAX_KEYS:
        raise ValueError(f"answers may have at most {ANSWERS_MAX_KEYS} keys")
    check(value, 1)
    if len(canonical_json(value)) > ANSWERS_MAX_BYTES:
        raise ValueError(f"answers may take at most {ANSWERS_MAX_BYTES} bytes")
    return value


Uuid = Annotated[str, Field(min_length=32, max_length=36, pattern=r"^[0-9a-fA-F-]{32,36}$")]
Note = Annotated[str, Field(max_length=NOTE_MAX), AfterValidator(note_text)]
Text = Annotated[str, AfterValidator(plain_text)]
VoterId = Annotated[Text, Field(min_length=1, max_length=40)]
ListNumber = Annotated[Text, Field(min_length=1, max_length=12)]
Timestamp = Annotated[Text, Field(max_length=40)]
DbId = Annotated[int, Field(ge=1, le=DB_INT_MAX)]
Answers = Annotated[dict[str, Any], AfterValidator(bounded_answers)]
Phone = Annotated[str, Field(max_length=20), AfterValidator(phone_number)]
When = Annotated[str, Field(max_length=40), AfterValidator(iso_datetime)]
IsoDate = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]  # "2026-11-03"


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
    ENROLLMENT_CODE_REVOKED = "enrollment_code_revoked"
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
    BALLOT_OPEN = "ballot_open"
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
    FORBIDDEN_ROLE = "forbidden_role"
    UNKNOWN_TURF = "unknown_turf"
    UNKNOWN_MEMBER = "unknown_member"
    LIST_NUMBER_TAKEN = "list_number_taken"
    UNKNOWN_BALLOT = "unknown_ballot"
    UNKNOWN_RIDE = "unknown_ride"
    BALLOT_CLOSED = "ballot_closed"
    NOT_IN_ELECTORATE = "not_in_electorate"
    UNKNOWN_CANDIDATE = "unknown_candidate"
    PETITION_CLOSED = "petition_closed"
    NOT_IN_DISTRICT = "not_in_district"
    ALREADY_SIGNED = "already_signed"


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
    name: Annotated[Text, Field(min_length=1, max_length=120)]
    state: Annotated[str, Field(min_length=2, max_length=2, pattern=r"^[A-Z]{2}$")]


Hex64 = Annotated[str, Field(min_length=64, max_length=64, pattern=r"^[0-9a-f]{64}$")]


class EnrollRequest(Strict):
    """Never the code itself: its SHA-256, and an HMAC keyed by it over the device's key (canvass_protocol.trust)."""

    code_lookup: Hex64 = Field(description="SHA-256 hex of the normalised code")
    public_key: Annotated[str, Field(min_length=40, max_length=64, description="Raw Ed25519 key, base64")]
    label: Annotated[str, Field(max_length=120)] = ""
    proof: Hex64 = Field(description="HMAC-SHA256 under the code's key over public_key and label")


class MemberRef(Strict):
    """Who a device belongs to: the server's record of the person, never the device's own word."""

    id: int
    name: str
    role: Role


class EnrollResponse(Strict):
    device_id: str
    token: str
    county: CountyRef
    role: Role
    member: MemberRef
    list_prefix: Annotated[str, Field(max_length=6)] = Field(
        description="Prefix of the turf list numbers this device allocates (unique in the county), e.g. 'T3-'")
    server_key: ServerKey
    signing_key: str = Field(description="The server's raw 32-byte Ed25519 public key, base64: signs revocations")
    proof: Hex64 = Field(description="HMAC-SHA256 under the code's key over the rest of the answer and the "
                                     "device's public key")


class EnrollmentCodeRequest(Strict):
    """A code for one member of the caller's county (`member_id`)."""

    member_id: int
    expires_hours: Annotated[int, Field(ge=1, le=24 * 30)] = 72


class EnrollmentCodeResponse(Strict):
    id: int
    code: str
    county: CountyRef
    member: MemberRef | None = None
    role: Role
    expires_at: str


class MemberRequest(Strict):
    """A new member of the caller's county (API: county leads for roles below their own, admins for any)."""

    name: Annotated[str, Field(min_length=1, max_length=120)]
    role: Role
    email: Annotated[str, Field(max_length=120)] | None = None
    phone: Annotated[str, Field(max_length=30)] | None = None


# ---- batches -------------------------------------------------------------------------------------------------


class BatchHeader(Strict):
    """Sent in clear, bound into the HPKE context as `info`, and covered by the device signature."""

    v: Literal[1] = 1
    device_id: Annotated[str, Field(max_length=64)]
    key_id: Annotated[str, Field(max_length=64)]
    batch_id: Uuid
    seq_first: DbId
    seq_last: DbId
    op_count: Annotated[int, Field(ge=1)]
    created_at: Annotated[str, Field(max_length=40)]
    compression: Literal["zlib"] = "zlib"

    def canonical(self) -> bytes:
        return canonical_json(self.model_dump(mode="json"))


class Op(BaseModel):
    """One outbox op; payload is validated by op type on the server (see the payload models below)."""

    model_config = ConfigDict(extra="forbid")
    op_id: Uuid
    seq: DbId
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
    top_issue: Annotated[Text, Field(max_length=40)] | None = None
    volunteer_interest: bool | None = None
    preferred_language: Annotated[Text, Field(max_length=10)] | None = None
    needs_ride: bool | None = None
    answers: Answers | None = None
    note: Note | None = None
    list_number: Annotated[Text, Field(max_length=12)] | None = None
    corrects_id: Uuid | None = None
    source: ContactSource = "walk"
    created_at: Timestamp


class VoterCorrectionPayload(Strict):
    county: CountyRef
    state_voter_id: VoterId
    fields: dict[CorrectableField, Any]

    @field_validator("fields")
    @classmethod
    def _no_control_characters(cls, fields: dict[str, Any]) -> dict[str, Any]:
        for value in fields.values():
            if isinstance(value, str):
                plain_text(value)
        return fields


Receipt = Annotated[str, Field(min_length=64, max_length=64, pattern=r"^[0-9a-f]{64}$")]


class BallotVotePayload(Strict):
    """The member's vote on a ballot (who votes is the device's member). `receipt` is the device's commitment,
    SHA-256 hex of "canvass-ballot-receipt:v1:{ballot_id}:{choice}:{nonce}" with a random nonce kept on the device."""

    id: Uuid
    ballot_id: DbId
    choice: VoteChoice
    comment: Note | None = None
    receipt: Receipt
    created_at: Timestamp


class PetitionSignPayload(Strict):
    """The member's signature on the recall petition of an endorsed candidate (who signs is the device's member).
    `receipt` is the device's commitment, SHA-256 hex of "canvass-petition-receipt:v1:{candidate_id}:{round}:{nonce}"
    with a random nonce kept on the device; the server publishes every counted receipt (CandidateItem.petition)."""

    id: Uuid
    candidate_id: DbId
    round: Annotated[int, Field(ge=1, le=DB_INT_MAX)] = 1
    receipt: Receipt
    created_at: Timestamp


MAX_TURF_LINES = 5000


class TurfCutPayload(Strict):
    """A turf cut on a county lead's device: its list number (from the device's prefix), walk-ordered lines."""

    county: CountyRef
    list_number: ListNumber
    name: Annotated[Text, Field(max_length=120)] = ""
    precinct_code: Annotated[Text, Field(max_length=40)] | None = None
    both_sides_ascending: bool = False
    lines: Annotated[list[tuple[DbId, VoterId]], Field(max_length=MAX_TURF_LINES)]
    created_at: Timestamp


class TurfAssignPayload(Strict):
    """Hand a turf to a member of the county (`assign`), or take it back (`return`; a canvasser returns their own)."""

    county: CountyRef
    list_number: ListNumber
    action: Literal["assign", "return"]
    member_id: DbId | None = None
    at: Timestamp


class TurfDeletePayload(Strict):
    county: CountyRef
    list_number: ListNumber
    at: Timestamp


class RideRequestPayload(Strict):
    """A ride to the polls asked for at the door (GOTV): when, from where, how many, a phone to call back. Who
    asked is the device's member, set by the server."""

    id: Uuid
    county: CountyRef
    state_voter_id: VoterId
    pickup_at: When
    pickup_address: Annotated[Text, Field(min_length=1, max_length=200)]
    passengers: Annotated[int, Field(ge=1, le=MAX_PASSENGERS)] = 1
    phone: Phone
    note: Note | None = None
    created_at: Timestamp


class RideUpdatePayload(Strict):
    """A county lead marks a ride arranged, done or cancelled (`id` is the ride request's)."""

    id: Uuid
    county: CountyRef
    status: Literal["arranged", "done", "cancelled"]
    note: Note | None = None
    at: Timestamp


PAYLOAD_MODELS: dict[str, type[BaseModel]] = {
    "contact_attempt": ContactAttemptPayload,
    "voter_correction": VoterCorrectionPayload,
    "ballot_vote": BallotVotePayload,
    "turf_cut": TurfCutPayload,
    "turf_assign": TurfAssignPayload,
    "turf_delete": TurfDeletePayload,
    "petition_sign": PetitionSignPayload,
    "ride_request": RideRequestPayload,
    "ride_update": RideUpdatePayload,
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


class VotedItem(Strict):
    """Whether a voter has voted in an election, and their mail ballot's state (scope `voted`, GOTV, issue 16):
    one item per voter per election, from the county's voted files (`import-voted`). `ballot_status`:
    "requested", "accepted" or the state's word for a problem to cure."""

    state_voter_id: VoterId
    election: IsoDate
    voted: bool = False
    voted_on: IsoDate | None = None
    vote_method: str | None = Field(default=None, max_length=20)
    ballot_status: str | None = Field(default=None, max_length=40)


class TurfItem(Strict):
    """A turf of the county, its walk-ordered lines and who holds it (scope `turfs`). `deleted` turfs are removed."""

    list_number: ListNumber
    name: str | None = None
    precinct_code: str | None = None
    both_sides_ascending: bool = False
    lines: list[tuple[int, str]] = Field(default_factory=list)
    member_id: int | None = None
    member_name: str | None = None
    mine: bool = False
    checked_out_at: Timestamp | None = None
    deleted: bool = False


class ContactItem(Strict):
    """A contact attempt as the server stored it (scope `contacts`): the results walked by every device reach the
    county lead's; `canvasser` and `member_id` are the server's record of who logged it."""

    id: Uuid
    state_voter_id: VoterId
    result: ResultCodeValue
    support: int | None = None
    top_issue: str | None = None
    volunteer_interest: bool | None = None
    preferred_language: str | None = None
    needs_ride: bool | None = None
    answers: dict[str, Any] | None = None
    note: str | None = None
    member_id: int | None = None
    canvasser: str | None = None
    list_number: str | None = None
    corrects_id: Uuid | None = None
    source: ContactSource = "walk"
    created_at: Timestamp


class MemberItem(Strict):
    """A member of the device's county (scope `members`, for county leads: whom a turf can be given to)."""

    id: int
    name: str
    role: Role
    status: MemberStatus


class BallotResult(Strict):
    electorate: int
    votes: int
    support: int
    oppose: int
    abstain: int
    quorum_met: bool
    passed: bool


class BallotItem(Strict):
    """A ballot the device's member may vote on, or has (scope `ballots`); `result` once it is closed. A policy
    ballot names its brief; an endorsement or recall ballot (scope `district`) names its candidate instead."""

    id: int
    brief_slug: str = ""
    title: str
    kind: BallotKind = "policy"
    candidate_id: int | None = None
    scope: BallotScope
    opens_at: Timestamp
    closes_at: Timestamp
    quorum: float
    threshold: float
    status: Literal["open", "closed"]
    electorate: int
    result: BallotResult | None = None


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


class ScorecardVote(Strict):
    """One linked roll call on an official's scorecard: the brief, the bill, the vote, and what it counts as."""

    brief_slug: str
    brief_title: str
    bill: str
    session: str
    bill_title: str = ""
    motion: str = ""
    date: Timestamp
    option: str
    aligned_option: Literal["yes", "no"]
    counts_as: Literal["aligned", "against", "absent", "other"]
    weight: int = 1


class ScorecardItem(Strict):
    """An official's record against the adopted briefs (scope `scorecards`, docs/scorecards.md); `id` is the
    Open Civic Data person id, `score` aligned / (aligned + against) with weights, None without such a vote."""

    id: str
    name: str
    party: str | None = None
    chamber: str | None = None
    district: str | None = None
    aligned: int = 0
    against: int = 0
    absent: int = 0
    other: int = 0
    score: float | None = None
    votes: list[ScorecardVote] = Field(default_factory=list)


class QuestionnaireItem(Strict):
    """A candidate's answer on one adopted policy: `support` or `oppose` it (the vetting questionnaire)."""

    brief_slug: str
    brief_title: str
    answer: QuestionnaireAnswerValue
    comment: str = ""


class PetitionState(Strict):
    """The recall petition of an endorsed candidate: this round's signatures, how many open a recall ballot
    (`needed`), whether it takes signatures now, and every counted receipt (sorted: no order, no names)."""

    round: int = 1
    open: bool = False
    signatures: int = 0
    needed: int = 0
    receipts: list[str] = Field(default_factory=list)


class CandidateItem(Strict):
    """One of the alliance's own candidates (scope `candidates`, docs/candidates.md). `official_id` is the Open
    Civic Data person id of an official (their scorecard), None for a newcomer. `in_my_district`: the device's
    member belongs to the candidate's district (may sign the petition, votes on its ballots)."""

    id: int
    name: str
    official_id: str | None = None
    office: str
    state: str
    chamber: str
    district: str
    status: CandidateStatus
    questionnaire: list[QuestionnaireItem] = Field(default_factory=list)
    petition: PetitionState = Field(default_factory=PetitionState)
    endorsement_ballot_id: int | None = None
    recall_ballot_id: int | None = None
    nominations_open: bool = False
    in_my_district: bool = False
class RideItem(Strict):
    """A ride to the polls as the server holds it (scope `rides`, for county leads): `requested_by` and
    `member_id` are the server's record of who asked; `updated_by` of who last changed its status."""

    id: Uuid
    state_voter_id: VoterId
    voter_name: str | None = None
    pickup_at: Timestamp
    pickup_address: str
    passengers: int = 1
    phone: str
    note: str | None = None
    status: RideStatus = "requested"
    member_id: int | None = None
    requested_by: str | None = None
    requested_at: Timestamp
    updated_by: str | None = None
    updated_at: Timestamp | None = None


class RevocationNotice(Strict):
    """The server's order to wipe, signed by its signing key, bound to one device and to the nonce it asked with."""

    device_id: str
    status: Literal["revoked"] = "revoked"
    issued_at: Timestamp
    nonce: Annotated[str, Field(min_length=16, max_length=64)]
    signature: str = Field(description="Ed25519 signature, base64 (canvass_protocol.trust)")


class DeviceStatus(Strict):
    device_id: str
    status: Literal["active", "revoked"]
    wipe: bool  # a hint only: a device wipes on a genuine `notice`, never on this
    county: CountyRef
    role: Role
    member: MemberRef | None = None
    notice: RevocationNotice | None = None  # GET /v1/device?nonce=… of a revoked device


PULL_ITEM_MODELS: dict[str, type[BaseModel]] = {
    "households": HouseholdItem,
    "voters": VoterItem,
    "voted": VotedItem,
    "turfs": TurfItem,
    "contacts": ContactItem,
    "members": MemberItem,
    "rights": RightItem,
    "briefs": BriefItem,
    "surveys": SurveyItem,
    "ballots": BallotItem,
    "scorecards": ScorecardItem,
    "candidates": CandidateItem,
    "rides": RideItem,
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


class BallotReceipts(Strict):
    """GET /v1/ballots/{id}/receipts after close: every receipt under the choice it was cast for (no names)."""

    ballot_id: int
    result: BallotResult
    receipts: dict[VoteChoice, list[str]]


class Health(Strict):
    status: Literal["ok"]
    database: str
    protocol: int = PROTOCOL_VERSION
