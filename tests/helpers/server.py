"""Server test helpers (plain functions, not fixtures): a free port, seeding, enrollment codes, a simulated device."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from alembic import command
from cryptography.hazmat.primitives.asymmetric import ed25519, x25519
from fastapi.testclient import TestClient
from sqlalchemy import text

from canvass_protocol import envelope, trust, wire
from canvass_server import db as dbmod
from canvass_server import versions
from canvass_server.devices import ensure_county
from canvass_server.enrollment import make_enrollment_code
from canvass_server.models import Household, Voter


def migrate(database: dbmod.Database, target: str) -> None:
    """Upgrade the database to `head`, or downgrade it to `target` (a revision such as "0010")."""
    cfg = dbmod._alembic_config()
    with database.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        if target == "head":
            command.upgrade(cfg, target)
        else:
            command.downgrade(cfg, target)


def seed_county(database: dbmod.Database, name: str = "Wake", state: str = "NC", voters: int = 20) -> list[str]:
    """A county with `voters` voters in voters/2 households; returns the state voter ids."""
    ids = []
    with database.session() as s:
        county = ensure_county(s, name, state)
        hv, vv = versions.bump(s, f"households:{county.id}"), versions.bump(s, f"voters:{county.id}")
        for h in range(max(1, voters // 2)):
            home = Household(county_id=county.id, key=f"{h + 1}||MAIN|ST|||27601", house_number=str(h + 1),
                             house_number_int=h + 1, street_name="MAIN", street_type="ST", street_key="MAIN ST",
                             side="O" if (h + 1) % 2 else "E", version=hv)
            s.add(home)
            s.flush()
            for k in range(2):
                sid = f"{name[:2].upper()}{h * 2 + k:06d}"
                s.add(Voter(county_id=county.id, state_voter_id=sid, first_name="Ann", last_name=f"Doe{h}",
                            household_id=home.id, version=vv))
                ids.append(sid)
    return ids[:voters]


def enrollment_code(database: dbmod.Database, county: str = "Wake", state: str = "NC",
                    role: str = "canvasser", hours: int = 24) -> str:
    with database.session() as s:
        return make_enrollment_code(s, county=county, state=state, role=role, hours=hours).code


class Device:
    """A simulated desktop client: its own Ed25519 key, its seq counter, and sealed-batch making."""

    def __init__(self, client: TestClient, code: str, county: str = "Wake", state: str = "NC",
                 label: str = "Pat") -> None:
        self.client = client
        self.key = ed25519.Ed25519PrivateKey.generate()
        self.county = {"name": county, "state": state}
        public = envelope.b64(envelope.raw_public(self.key.public_key()))
        r = client.post("/v1/enroll", json=trust.enroll_request(code, public, label).model_dump())
        assert r.status_code == 201, r.text
        body = wire.EnrollResponse.model_validate(r.json())
        assert trust.answer_is_genuine(trust.code_key(code), body, public)
        self.device_id, self.token = body.device_id, body.token
        self.member, self.list_prefix = body.member, body.list_prefix
        self.server_public = x25519.X25519PublicKey.from_public_bytes(envelope.unb64(body.server_key.public_key))
        self.key_id, self.signing_key = body.server_key.key_id, body.signing_key
        self.seq = 0

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def contact(self, state_voter_id: str, result: str = "C", county: dict[str, str] | None = None,
                **extra: Any) -> tuple[str, dict[str, Any]]:
        payload = {"id": str(uuid.uuid4()), "county": county or self.county, "state_voter_id": state_voter_id,
                   "result": result, "support": 2, "created_at": "2026-05-01T12:00:00+00:00", **extra}
        return "contact_attempt", payload

    def ops(self, *items: tuple[str, dict[str, Any]]) -> list[wire.Op]:
        out = []
        for op_type, payload in items:
            self.seq += 1
            out.append(wire.Op(op_id=str(uuid.uuid4()), seq=self.seq, type=op_type,
                               schema_version=wire.OP_SCHEMA_VERSION, payload=payload))
        return out

    def seal(self, ops: list[wire.Op], *, batch_id: str | None = None, key_id: str | None = None,
             device_id: str | None = None) -> tuple[str, bytes]:
        batch_id = batch_id or str(uuid.uuid4())
        header = wire.BatchHeader(device_id=device_id or self.device_id, key_id=key_id or self.key_id,
                                  batch_id=batch_id, seq_first=ops[0].seq, seq_last=ops[-1].seq, op_count=len(ops),
                                  created_at=dt.datetime.now(dt.UTC).isoformat())
        return batch_id, envelope.seal(header, wire.BatchBody(ops=ops), self.server_public, self.key)

    def post(self, batch_id: str, data: bytes, **headers: str) -> Any:
        h = {**self.auth, "Idempotency-Key": batch_id, "Content-Type": wire.BATCH_CONTENT_TYPE, **headers}
        return self.client.post("/v1/batches", content=data, headers=h)

    def push(self, *items: tuple[str, dict[str, Any]]) -> Any:
        return self.post(*self.seal(self.ops(*items)))

    def push_applied(self, *items: tuple[str, dict[str, Any]]) -> None:
        """Push a batch that must be taken whole: 200, and no op rejected."""
        r = self.push(*items)
        assert r.status_code == 200, r.text
        assert wire.BatchAnswer.model_validate(r.json()).rejected == 0, r.text

    def pull(self, scope: str, cursor: str | None = None) -> dict[str, Any]:
        params = {"scope": scope} | ({"cursor": cursor} if cursor else {})
        r = self.client.get("/v1/changes", params=params, headers=self.auth)
        assert r.status_code == 200, r.text
        return dict(r.json())

    def pull_all(self, scope: str, cursor: str | None = None) -> tuple[list[dict[str, Any]], str]:
        items: list[dict[str, Any]] = []
        while True:
            page = self.pull(scope, cursor)
            items += page["items"]
            cursor = page["cursor"]
            if not page["has_more"]:
                return items, cursor


def count(database: dbmod.Database, table: str) -> int:
    with database.session() as s:
        return int(s.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
