"""Enrolling through a hostile network: plain http to another machine, a certificate from someone in the middle,
a relay that swaps the server's keys. Each is refused and leaves nothing stored; the honest paths still work."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519, x25519
from fakeserver import FakeServer, Request, make_certs, relay
from sync_harness import Server, local_count, log_contacts

from canvass_app.cli.main import main as app_main
from canvass_app.store.database import Store
from canvass_app.sync import identity
from canvass_app.sync.enroll import EnrollError, enroll
from canvass_app.sync.syncer import sync
from canvass_app.sync.transport import SyncHttp, UnsafeServer, check_url
from canvass_protocol import envelope, trust


def _used_codes(server: Server) -> int:
    return server.count("SELECT count(*) FROM enrollment_code WHERE used_at IS NOT NULL")


@pytest.mark.parametrize("url", ["http://192.0.2.10:8400", "http://sync.example.org", "http://10.0.0.1"])
def test_plain_http_to_another_machine_is_refused(make_store: Callable[[str], Store], url: str) -> None:
    store = make_store("plain")
    with pytest.raises(EnrollError, match="plain http: the server must be reached over https://"):
        enroll(store, url, "K7PM-2QXD-9HTW")
    assert identity.load(store) is None
    with pytest.raises(UnsafeServer):
        SyncHttp(url)
    for loopback in ("http://127.0.0.1:8400", "http://127.8.9.10", "http://localhost:1", "http://[::1]:8400"):
        assert check_url(loopback + "/") == loopback


def test_the_cli_says_why_plain_http_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CANVASS_PASSPHRASE", "correct horse battery")
    code = app_main(["enroll", "--data-dir", str(tmp_path / "cli"), "--server", "http://192.0.2.10",
                     "--code", "K7PM-2QXD-9HTW"])
    err = capsys.readouterr().err
    assert code != 0 and "plain http" in err and "Traceback" not in err


def test_tls_with_the_leads_ca_file_enrolls_and_every_sync_uses_it(server: Server, tmp_path: Path,
                                                                   make_store: Callable[[str], Store]) -> None:
    certs = make_certs(tmp_path / "certs")
    server.stop()
    server.tls = (*certs.server, certs.ca)
    server.start()
    voters = server.seed_voters(10)
    untrusting = make_store("system-store")
    with pytest.raises(EnrollError, match="certificate is not trusted"):
        enroll(untrusting, server.url, server.code())  # the system store does not know the lead's CA
    assert identity.load(untrusting) is None
    store = make_store("tls")
    done = enroll(store, server.url, server.code(), ca_file=str(certs.ca))
    assert done.server_url.startswith("https://")
    ident = identity.load(store)
    assert ident is not None and ident.ca_file == str(certs.ca.resolve())
    log_contacts(store, voters[:4])
    report = sync(store)
    assert report.ok and report.applied == 4
    assert local_count(store, "SELECT count(*) FROM voter") == 10


def test_a_certificate_from_someone_in_the_middle_is_refused(server: Server, tmp_path: Path,
                                                             make_store: Callable[[str], Store]) -> None:
    certs = make_certs(tmp_path / "certs")
    store = make_store("mitm")
    with FakeServer(relay(server.url), tls=certs.mitm) as mitm:
        with pytest.raises(EnrollError, match="certificate is not trusted"):
            enroll(store, mitm.url, server.code(), ca_file=str(certs.ca))
        with pytest.raises(EnrollError, match="certificate is not trusted"):
            enroll(store, mitm.url, server.code())  # nor by the system's store
    assert identity.load(store) is None
    assert _used_codes(server) == 0  # the code never reached anyone


def _swap_keys(request: Request, answer: httpx.Response) -> bytes:
    """What a relay without the code can do to the enroll answer: put in its own keys (with a matching key id)."""
    if request.path != "/v1/enroll" or answer.status_code != 201:
        return answer.content
    body = json.loads(answer.content)
    hpke = x25519.X25519PrivateKey.generate().public_key()
    body["server_key"].update(public_key=envelope.b64(envelope.raw_public(hpke)), key_id=envelope.key_id(hpke))
    body["signing_key"] = envelope.b64(envelope.raw_public(ed25519.Ed25519PrivateKey.generate().public_key()))
    guessed = trust.code_key("AAAA-BBBB-CCCC")  # a proof under a guessed code does not help either
    body["proof"] = trust.answer_proof(guessed, body, json.loads(request.body)["public_key"])
    return json.dumps(body).encode()


def test_a_relay_that_swaps_the_server_keys_is_refused_and_nothing_is_stored(
        server: Server, make_store: Callable[[str], Store]) -> None:
    voters = server.seed_voters(6)
    store = make_store("swapped")
    with (FakeServer(relay(server.url, _swap_keys)) as relayed,
          pytest.raises(EnrollError, match="not made by a holder of your code")):
        enroll(store, relayed.url, server.code())
    assert identity.load(store) is None
    assert local_count(store, "SELECT count(*) FROM sync_state") == 0
    log_contacts(store, voters[:2])
    assert sync(store).error_kind == "not_enrolled"  # nothing to sync with, nothing sealed to the relay's key
    with FakeServer(relay(server.url)) as honest:  # the same path without tampering works
        enroll(store, honest.url, server.code())
    assert identity.load(store) is not None


def test_a_relay_that_swaps_the_device_key_cannot_enroll(server: Server) -> None:
    code = server.code()
    mine = envelope.b64(envelope.raw_public(ed25519.Ed25519PrivateKey.generate().public_key()))
    theirs = envelope.b64(envelope.raw_public(ed25519.Ed25519PrivateKey.generate().public_key()))
    request = trust.enroll_request(code, mine, "Pat").model_dump() | {"public_key": theirs}
    r = httpx.post(server.url + "/v1/enroll", json=request)
    assert (r.status_code, r.json()["code"]) == (401, "enrollment_code_invalid")
    assert _used_codes(server) == 0
