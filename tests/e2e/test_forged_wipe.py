"""Only the server can order a wipe: answers saying "device_revoked" without the server's signed notice, a notice
signed by another key or replayed from before, and a TLS failure wipe nothing; a genuine revocation wipes, keeps
the unsynced ops sealed, and delivers them once the device is reinstated."""

from __future__ import annotations

import dataclasses
import json
import secrets
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519
from fakeserver import FakeServer, Request, make_certs, relay
from sync_harness import Server, local_count, log_contacts, pending

from canvass_app.store.database import Store
from canvass_app.store.models import Setting
from canvass_app.sync import identity, kept
from canvass_app.sync.enroll import enroll
from canvass_app.sync.syncer import SyncOptions, sync
from canvass_protocol import trust
from canvass_server.devices import reinstate

REVOKED = json.dumps({"code": "device_revoked", "message": "This device has been revoked: wipe local voter data.",
                      "detail": {"wipe": True}}).encode()
JSON = {"Content-Type": "application/json"}


def _enrolled_with_work(server: Server, store: Store) -> identity.Identity:
    """A synced device holding the county's 20 voters, with 3 contacts waiting."""
    voters = server.seed_voters(20)
    enroll(store, server.url, server.code())
    assert sync(store).ok
    log_contacts(store, voters[:3])
    ident = identity.load(store)
    assert ident is not None
    return ident


def _point_at(store: Store, ident: identity.Identity, url: str, ca_file: str = "") -> None:
    identity.save(store, dataclasses.replace(ident, server_url=url, ca_file=ca_file))


def _nothing_wiped(store: Store, report_error: str | None) -> None:
    assert local_count(store, "SELECT count(*) FROM voter") == 20
    assert pending(store) == 3
    assert identity.load(store) is not None
    assert report_error


def _sync_once(store: Store) -> tuple[bool, str | None, str | None]:
    report = sync(store, options=SyncOptions(attempts=1, sleep=lambda _s: None))
    return report.wiped, report.error, report.error_kind


@pytest.mark.parametrize("status", [400, 403, 500])
def test_device_revoked_without_a_signed_notice_wipes_nothing(server: Server, make_store: Callable[[str], Store],
                                                             status: int) -> None:
    store = make_store(f"portal-{status}")
    ident = _enrolled_with_work(server, store)
    with FakeServer(lambda _r: (status, JSON, REVOKED)) as portal:
        _point_at(store, ident, portal.url)
        wiped, error, kind = _sync_once(store)
    assert not wiped and kind in ("network", "refused")
    _nothing_wiped(store, error)


def test_a_status_that_says_revoked_with_a_notice_from_another_key_wipes_nothing(
        server: Server, make_store: Callable[[str], Store]) -> None:
    store = make_store("forged-notice")
    ident = _enrolled_with_work(server, store)
    forger = ed25519.Ed25519PrivateKey.generate()

    def answer(request: Request) -> tuple[int, dict[str, str], bytes]:
        if not request.path.startswith("/v1/device"):
            return 403, JSON, REVOKED
        nonce = httpx.URL(request.path).params.get("nonce", "x" * 16)
        notice = trust.sign_notice(forger, ident.device_id, "2026-05-01T12:00:00+00:00", nonce)
        body = {"device_id": ident.device_id, "status": "revoked", "wipe": True, "county": {"name": "Wake",
                "state": "NC"}, "role": "county_lead", "notice": notice.model_dump()}
        return 200, JSON, json.dumps(body).encode()

    with FakeServer(answer) as forged:
        _point_at(store, ident, forged.url)
        wiped, error, kind = _sync_once(store)
    assert not wiped and kind == "network" and "signed notice" in (error or "")
    _nothing_wiped(store, error)


def test_a_genuine_notice_replayed_later_wipes_nothing(server: Server, make_store: Callable[[str], Store]) -> None:
    store = make_store("replayed")
    ident = _enrolled_with_work(server, store)
    server.revoke(ident.device_id)  # someone in the middle records a genuine notice while the device is revoked
    recorded = httpx.get(server.url + "/v1/device", params={"nonce": secrets.token_urlsafe(24)},
                         headers={"Authorization": f"Bearer {ident.token}"}).content
    with server.database.session() as s:
        assert reinstate(s, ident.device_id)

    def replay(request: Request) -> tuple[int, dict[str, str], bytes]:
        return (200, JSON, recorded) if request.path.startswith("/v1/device") else (403, JSON, REVOKED)

    with FakeServer(replay) as replayer:
        _point_at(store, ident, replayer.url)
        wiped, error, _ = _sync_once(store)
    assert not wiped
    _nothing_wiped(store, error)


def test_a_tls_failure_wipes_nothing(server: Server, tmp_path: Path, make_store: Callable[[str], Store]) -> None:
    certs = make_certs(tmp_path / "certs")
    store = make_store("tls-failure")
    ident = _enrolled_with_work(server, store)
    with FakeServer(lambda _r: (403, JSON, REVOKED), tls=certs.mitm) as mitm:
        _point_at(store, ident, mitm.url, ca_file=str(certs.ca))
        wiped, error, kind = _sync_once(store)
    assert not wiped and kind == "network" and "certificate" in (error or "")
    _nothing_wiped(store, error)


def test_a_genuine_revocation_wipes_and_keeps_the_unsynced_ops_sealed_for_the_server(
        server: Server, make_store: Callable[[str], Store]) -> None:
    store = make_store("genuine")
    ident = _enrolled_with_work(server, store)
    with FakeServer(relay(server.url)) as path:  # an honest relay (a proxy on the way) changes nothing
        _point_at(store, ident, path.url)
        server.revoke(ident.device_id)
        report = sync(store)
    assert report.wiped and report.error_kind == "revoked" and "3 unsynced change(s) kept sealed" in report.line()
    assert local_count(store, "SELECT count(*) FROM voter") == 0
    assert pending(store) == 0 and identity.load(store) is None
    with store.session() as s:
        assert kept.kept_ops(s) == 3
    before = server.contacts()
    _, error, kind = _sync_once(store)  # still revoked: the kept ops stay kept
    assert kind == "not_enrolled" and server.contacts() == before
    with server.database.session() as s:
        assert reinstate(s, ident.device_id)
    with store.session() as s:  # the kept record holds the relay's address: point it at the server itself
        row = s.get(Setting, kept.KEPT_SETTING)
        assert row is not None
        row.value = [dict(r, server_url=server.url) for r in row.value]
    sync(store)
    assert server.contacts() == before + 3
    with store.session() as s:
        assert kept.kept_ops(s) == 0
