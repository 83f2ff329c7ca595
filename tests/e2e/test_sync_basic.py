"""Enrollment, push, pull and status against the real server on loopback, through the CLI and the services."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from faultproxy import FaultProxy
from sync_harness import Server, local_count, log_contacts, pending

from canvass_app.cli import main
from canvass_app.store.database import Store
from canvass_app.sync import identity
from canvass_app.sync.enroll import enroll
from canvass_app.sync.syncer import sync


def test_enroll_sync_and_status_from_the_command_line(server: Server, make_store: Callable[[str], Store],
                                                      capsys: object, tmp_path: object) -> None:
    voters = server.seed_voters(40)
    store = make_store("cli")
    data_dir = str(store.data_dir)
    log_contacts(store, voters[:30])
    assert main.main(["status", "--data-dir", data_dir, "--json"]) == 0
    assert main.main(["sync", "--data-dir", data_dir]) == 1  # not enrolled yet: the reason, non-zero
    code = server.code()
    capsys.readouterr()  # type: ignore[attr-defined]
    assert main.main(["status", "--data-dir", data_dir, "--json"]) == 0
    offline = json.loads(capsys.readouterr().out)["member"]  # type: ignore[attr-defined]
    assert (offline["id"], offline["role"]) == (None, "county_lead")  # the local name, with every local right
    assert main.main(["enroll", "--data-dir", data_dir, "--server", server.url, "--code", code, "--label", "Lee",
                      "--json"]) == 0
    enrolled = json.loads(capsys.readouterr().out)  # type: ignore[attr-defined]
    assert (enrolled["member_name"], enrolled["role"], enrolled["list_prefix"]) == ("Lee", "county_lead", "T1-")
    assert main.main(["enroll", "--data-dir", data_dir, "--server", server.url, "--code", code]) == 2  # spent
    capsys.readouterr()  # type: ignore[attr-defined]
    assert main.main(["sync", "--data-dir", data_dir, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)  # type: ignore[attr-defined]
    assert report["ok"] and report["drained"] and report["applied"] == 30
    assert report["pulled"]["voters"] == 40 and report["pulled"]["households"] == 20
    assert main.main(["status", "--data-dir", data_dir, "--json"]) == 0
    status = json.loads(capsys.readouterr().out)  # type: ignore[attr-defined]
    assert status["pending"] == 0 and status["synced"] == 30 and status["last_success_at"]
    assert status["device_id"] and status["server_url"] == server.url
    assert status["member"] == {"id": enrolled["member_id"], "name": "Lee", "role": "county_lead",
                                "list_prefix": "T1-"}
    assert server.contacts() == 30
    assert local_count(store, "SELECT count(*) FROM voter") == 40
    token = identity.load(store)
    assert token is not None
    for path in store.data_dir.iterdir():  # the token and private key never sit in plaintext on disk
        if path.is_file():
            blob = path.read_bytes()
            assert token.token.encode() not in blob and token.private_key.encode() not in blob


def test_published_briefs_and_rights_arrive_by_pull(server: Server, make_store: Callable[[str], Store]) -> None:
    from canvass_server.publish import publish_briefs

    content = Path(__file__).resolve().parents[2] / "resources" / "content"
    with server.database.session() as s:
        published = publish_briefs(s, content)
    store = make_store("briefs")
    enroll(store, server.url, server.code())
    report = sync(store)
    assert report.ok, report.error
    assert report.pulled["briefs"] == published.briefs_inserted > 0
    assert local_count(store, "SELECT count(*) FROM policy_brief") == published.briefs_inserted
    assert local_count(store, "SELECT count(*) FROM secured_right") > 0
    assert sync(store).pulled["briefs"] == 0  # the cursor was saved: nothing again


def test_rejections_are_kept_with_reasons_and_do_not_block(server: Server, proxy: FaultProxy,
                                                           make_store: Callable[[str], Store]) -> None:
    voters = server.seed_voters(10)
    store = make_store("rej")
    enroll(store, proxy.url, server.code())
    log_contacts(store, [voters[0], "NOSUCH01", voters[1]])
    report = sync(store)
    assert report.ok, report.error
    assert (report.applied, report.rejected) == (2, 1)
    assert pending(store) == 0
    assert local_count(store, "SELECT count(*) FROM outbox_op WHERE status = 'rejected' "
                              "AND reject_reason LIKE 'unknown_voter:%'") == 1
    log_contacts(store, voters[2:4])
    assert sync(store).applied == 2
    assert server.contacts() == 4
