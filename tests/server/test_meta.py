"""Health, OpenAPI docs and the server key endpoint."""

from __future__ import annotations

from fastapi.testclient import TestClient

from canvass_protocol import envelope, wire
from canvass_server.keys import ServerKeyPair


def test_health_docs_and_key(client: TestClient, server_key: ServerKeyPair) -> None:
    health = client.get("/health").json()
    assert health["status"] == "ok"
    assert health["protocol"] == wire.PROTOCOL_VERSION == 2
    assert client.get("/docs").status_code == 200
    spec = client.get("/openapi.json").json()
    assert {"/v1/enroll", "/v1/batches", "/v1/changes", "/v1/server-key", "/health"} <= set(spec["paths"])
    key = client.get("/v1/server-key").json()
    assert key["key_id"] == server_key.key_id
    assert envelope.unb64(key["public_key"]) == envelope.raw_public(server_key.private.public_key())


def test_unknown_paths_answer_structured_errors(client: TestClient) -> None:
    r = client.get("/v1/nothing-here")
    assert r.status_code == 404
    assert r.json()["code"] == "not_found"
    r = client.post("/v1/enroll", json={"code": 5})
    assert r.status_code == 400
    assert r.json()["code"] == "bad_request"
