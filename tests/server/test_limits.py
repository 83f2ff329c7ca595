"""Limits before work: bodies refused by size before they are read, the token before a batch is read, a device's
failed batches counted (replays not) and refused past their budget before the next is read, and the admin CLI's
refusal of nonsense values and of anything but a device's exact id."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient
from helpers.server import Device

from canvass_server.cli import main


def test_json_bodies_are_limited_to_a_few_kib(client: TestClient) -> None:
    r = client.post("/v1/enroll", content=b"{" + b" " * 20_000 + b"}", headers={"Content-Type": "application/json"})
    assert (r.status_code, r.json()["code"]) == (413, "payload_too_large")
    chunks = iter([b"{" + b" " * 10_000] * 3)  # no Content-Length: counted while read
    r = client.post("/v1/enroll", content=chunks, headers={"Content-Type": "application/json"})
    assert (r.status_code, r.json()["code"]) == (413, "payload_too_large")


def test_the_token_is_checked_before_a_batch_is_read(client: TestClient) -> None:
    body = iter([b"x" * 65536] * 8)
    r = client.post("/v1/batches", content=body, headers={"Authorization": "Bearer nope", "Idempotency-Key": "b"})
    assert (r.status_code, r.json()["code"]) == (401, "unauthorized")


def test_failed_batches_count_against_the_rate_limit(client: TestClient, make_device: Any) -> None:
    dev: Device = make_device()
    client.app.state.settings.rate_limit_per_minute = 3  # type: ignore[attr-defined]
    for _ in range(3):
        assert dev.post("not-a-uuid", b"garbage").status_code == 400
    r = dev.post("not-a-uuid", b"garbage")
    assert (r.status_code, r.json()["code"]) == (429, "rate_limited")


@pytest.mark.parametrize("argv", [
    ["enrollment-code", "--county", "Wake", "--role", "canvasser", "--expires-hours", "-5"],
    ["enrollment-code", "--county", "Wake", "--role", "canvasser", "--expires-hours", "0"],
    ["enrollment-code", "--member", "0"],
    ["members", "suspend", "-1"],
    ["ballots", "open", "some-brief", "--scope", "county", "--county", "Wake", "--closes", "2030-01-01T00:00Z",
     "--quorum", "0", "--threshold", "0.5"],
    ["ballots", "open", "some-brief", "--scope", "county", "--county", "Wake", "--closes", "2030-01-01T00:00Z",
     "--quorum", "0.5", "--threshold", "1.5"],
    ["serve", "--port", "70000"],
])
def test_the_admin_cli_refuses_nonsense_values(argv: list[str], settings: Any, capsys: pytest.CaptureFixture[str]
                                               ) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([*argv, "--database", settings.database_url])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "not between" in err or "fraction above 0" in err


def test_revoke_matches_the_whole_id_only(make_device: Any, settings: Any, capsys: pytest.CaptureFixture[str]
                                          ) -> None:
    dev: Device = make_device()
    for pattern in ("%", dev.device_id[:8], dev.device_id[:-1] + "_"):
        assert main(["revoke", pattern, "--database", settings.database_url]) != 0
    assert "no device" in capsys.readouterr().err
    assert dev.pull("voters") is not None  # still active
    assert main(["revoke", dev.device_id, "--database", settings.database_url]) == 0
    r = dev.client.get("/v1/changes", params={"scope": "voters"}, headers=dev.auth)
    assert r.status_code == 403 and r.json()["code"] == "device_revoked"
    # Revoked by mistake: `reinstate` (the whole id again) lets it sync, with nothing lost on the server's side.
    assert main(["reinstate", dev.device_id[:8], "--database", settings.database_url]) != 0
    assert main(["reinstate", dev.device_id, "--database", settings.database_url]) == 0
    assert dev.client.get("/v1/changes", params={"scope": "voters"}, headers=dev.auth).status_code == 200


def test_failed_batches_spend_a_budget_checked_before_the_body_is_read_and_replays_do_not(
        client: TestClient, make_device: Any) -> None:
    dev: Device = make_device()
    client.app.state.settings.failed_batches_per_minute = 3  # type: ignore[attr-defined]
    batch_id, data = dev.seal(dev.ops(dev.contact("WA000001")))
    assert dev.post(batch_id, data).headers["Canvass-Replayed"] == "0"
    for _ in range(5):  # replays: what a device does after a lost answer, never a failure
        assert dev.post(batch_id, data).headers["Canvass-Replayed"] == "1"
    assert dev.post("not-a-uuid", b"garbage").status_code == 400  # 1
    assert dev.post(str(uuid.uuid4()), b"CNVB" + bytes(100)).status_code == 400  # 2
    gap = dev.ops(dev.contact("WA000002"))
    gap[0].seq = 50
    assert dev.post(*dev.seal(gap)).status_code == 409  # 3
    dev.seq = 1
    good_id, good = dev.seal(dev.ops(dev.contact("WA000003")))  # a good batch, refused unread: the budget is spent
    read = []

    def body() -> Any:
        read.append(True)
        yield good

    for content in (good, body()):
        r = dev.post(good_id, content)  # type: ignore[arg-type]
        assert (r.status_code, r.json()["code"], r.headers["Retry-After"]) == (429, "rate_limited", "30")
    assert not read
    client.app.state.settings.failed_batches_per_minute = 30  # type: ignore[attr-defined]
    assert dev.post(good_id, body()).status_code == 200  # type: ignore[arg-type]
    assert read  # (so the refused one was indeed never read)
