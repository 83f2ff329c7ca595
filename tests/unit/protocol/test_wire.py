"""The contract: payloads are checked where an op is queued, and codes and fields are defined once."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select

from canvass_app.store import models as app_models
from canvass_app.store import outbox
from canvass_app.store.database import Store
from canvass_app.store.models import OutboxOp, ResultCode
from canvass_protocol import wire
from canvass_server import changes
from canvass_server import models as server_models


def _contact(**extra: object) -> dict[str, object]:
    return {"id": str(uuid.uuid4()), "county": {"name": "Wake", "state": "NC"}, "state_voter_id": "WA1",
            "result": "C", "created_at": "2026-12-04T10:00:00+00:00", **extra}


def test_a_valid_op_is_queued(store: Store) -> None:
    with store.session() as s:
        op = outbox.enqueue(s, "contact_attempt", _contact(support=4, note="likes parks"))
        assert op.seq >= 1
        assert op.schema_version == wire.OP_SCHEMA_VERSION  # the server refuses ops of another schema


@pytest.mark.parametrize(("op_type", "payload", "named"), [
    ("contact_attempt", _contact(result="ZZ"), "result"),
    ("contact_attempt", _contact(note="x" * (wire.NOTE_MAX + 1)), "note"),
    ("contact_attempt", _contact(support=9), "support"),
    ("contact_attempt", _contact(canvasser="Someone Else"), "canvasser"),  # no payload names a person
    ("ballot_vote", {"id": str(uuid.uuid4()), "ballot_id": 1, "choice": "maybe", "receipt": "0" * 64,
                     "created_at": "2026-12-04"}, "choice"),
    ("teleport", {}, "unknown op type"),
])
def test_a_malformed_op_fails_where_it_is_made_and_nothing_is_queued(
        store: Store, op_type: str, payload: dict[str, object], named: str) -> None:
    with pytest.raises(outbox.OpPayloadError, match=named), store.session() as s:
        outbox.enqueue(s, op_type, payload)
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(OutboxOp)) == 0


def test_result_codes_are_the_ones_both_stores_seed(store: Store) -> None:
    with store.session() as s:
        seeded = set(s.scalars(select(ResultCode.code)))
    assert seeded == set(wire.RESULT_CODES)


def test_the_server_sends_exactly_the_wire_fields() -> None:
    """The server picks its columns from the wire models; each must exist on its table."""
    for name in changes.VOTER_FIELDS:
        assert hasattr(server_models.Voter, name), name
    for name in changes.HOUSEHOLD_FIELDS:
        assert hasattr(server_models.Household, name), name
    for name in changes.BRIEF_FIELDS:
        assert hasattr(server_models.PolicyBrief, name), name
    assert set(wire.PAYLOAD_MODELS) == set(wire.OP_TYPES)
    assert set(wire.PULL_ITEM_MODELS) == set(wire.SCOPES)


def test_both_schemas_name_their_constraints_alike() -> None:
    """The server may not import the app, so it keeps its own copy of the naming convention: the same one."""
    assert server_models.NAMING == app_models.NAMING
