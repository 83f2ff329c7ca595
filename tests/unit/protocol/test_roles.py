"""The role table is written once in code (canvass_protocol.roles) and printed in docs/sync-protocol.md: they agree."""

from __future__ import annotations

import re
from pathlib import Path

from canvass_protocol import roles, wire

DOC = Path(__file__).resolve().parents[3] / "docs" / "sync-protocol.md"
MARK = {"all": "all", "own": "own", "–": None}


def _table(first_header: str) -> dict[str, list[str | None]]:
    lines = DOC.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {first_header} |"))
    header = [c.strip().strip("`") for c in lines[start].strip("|").split("|")][1:]
    assert header == list(wire.ROLES), "the table's columns are the roles, in rank order"
    rows: dict[str, list[str | None]] = {}
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip("|").split("|")]
        rows[re.sub(r"`", "", cells[0])] = [MARK[c] for c in cells[1:]]
    return rows


def test_the_pull_table_in_the_protocol_document_is_the_code():
    doc = _table("Scope")
    assert list(doc) == list(wire.SCOPES)
    for scope, reach in doc.items():
        assert reach == [roles.may_pull(role, scope) for role in wire.ROLES], scope


def test_the_op_table_in_the_protocol_document_is_the_code():
    doc = _table("Op type")
    assert list(doc) == list(wire.OP_TYPES)
    for op_type, reach in doc.items():
        assert reach == [roles.may_send(role, op_type) for role in wire.ROLES], op_type


def test_volunteers_read_and_vote_but_never_receive_voter_data():
    assert roles.may_pull("volunteer", "voters") is None
    assert roles.may_pull("volunteer", "households") is None
    assert roles.may_send("volunteer", "ballot_vote") == "own"
    assert roles.may_send("volunteer", "contact_attempt") is None


def test_only_county_leads_and_admins_cut_and_only_admins_manage_leads():
    assert {r for r in wire.ROLES if roles.may_send(r, "turf_cut")} == {"county_lead", "admin"}
    assert "county_lead" not in roles.MANAGES["county_lead"]
    assert roles.MANAGES["admin"] == frozenset(wire.ROLES)
