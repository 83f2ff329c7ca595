"""The server's signing key: made by `init` beside the HPKE key (file or env var), given at enrollment, and used
for one thing only: the revocation notice a revoked device asks for with its nonce."""

from __future__ import annotations

import secrets
import stat
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import x25519
from helpers.server import Device

from canvass_protocol import envelope, trust, wire
from canvass_server import keys
from canvass_server.config import Settings
from canvass_server.db import Database
from canvass_server.devices import revoke


def test_init_keeps_both_keys_in_one_private_file(tmp_path: Path) -> None:
    path = tmp_path / "keys" / "server.key"
    made, new = keys.create_key_file(path)
    assert new and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(path.read_text().split()) == 2
    again = keys.load(Settings(server_key_file=path, server_home=tmp_path))
    assert (again.key_id, again.signing_public_b64) == (made.key_id, made.signing_public_b64)
    assert keys.create_key_file(path)[0].signing_public_b64 == made.signing_public_b64  # init again: kept


def test_init_adds_a_signing_key_to_a_key_file_from_before(tmp_path: Path) -> None:
    path = tmp_path / "server.key"
    old = x25519.X25519PrivateKey.generate()
    path.write_text(keys.ServerKeyPair.of(old).secret_text().split()[0] + "\n")
    path.chmod(0o600)
    with pytest.raises(keys.ServerKeyError, match="no signing key: run `canvass-server init`"):
        keys.load_key_file(path)
    upgraded, new = keys.create_key_file(path)
    assert not new and upgraded.key_id == keys.ServerKeyPair.of(old).key_id  # the HPKE key stays
    assert keys.load_key_file(path).signing_public_b64 == upgraded.signing_public_b64
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_env_var_needs_both_keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pair = keys.ServerKeyPair.of(x25519.X25519PrivateKey.generate())
    monkeypatch.setenv("CANVASS_SERVER_PRIVATE_KEY", pair.secret_text())
    assert keys.load(Settings(server_home=tmp_path)).signing_public_b64 == pair.signing_public_b64
    monkeypatch.setenv("CANVASS_SERVER_PRIVATE_KEY", pair.secret_text().split()[0])
    with pytest.raises(keys.ServerKeyError, match="CANVASS_SERVER_PRIVATE_KEY holds the HPKE key but no signing"):
        keys.load(Settings(server_home=tmp_path))
    monkeypatch.setenv("CANVASS_SERVER_PRIVATE_KEY", pair.secret_text().split()[0] + " bm90IGEga2V5")
    with pytest.raises(keys.ServerKeyError, match="not a base64 raw 32-byte Ed25519"):
        keys.load(Settings(server_home=tmp_path))


def _status(dev: Device, nonce: str | None) -> wire.DeviceStatus:
    r = dev.client.get("/v1/device", params={"nonce": nonce} if nonce else {}, headers=dev.auth)
    assert r.status_code == 200, r.text
    return wire.DeviceStatus.model_validate(r.json())


def test_only_a_revoked_device_asking_with_a_nonce_gets_a_signed_notice(make_device: Any, database: Database
                                                                        ) -> None:
    dev: Device = make_device()
    other: Device = make_device()
    nonce = secrets.token_urlsafe(24)
    assert _status(dev, nonce).notice is None  # active: nothing to sign
    with database.session() as s:
        revoke(s, dev.device_id)
    assert _status(dev, None).notice is None
    notice = _status(dev, nonce).notice
    assert notice is not None and notice.device_id == dev.device_id and notice.nonce == nonce
    assert trust.notice_is_genuine(notice, dev.signing_key, dev.device_id, nonce)
    assert not trust.notice_is_genuine(notice, dev.signing_key, dev.device_id, secrets.token_urlsafe(24))  # replay
    assert not trust.notice_is_genuine(notice, dev.signing_key, other.device_id, nonce)  # another device's
    assert not trust.notice_is_genuine(notice, envelope.b64(bytes(32)), dev.device_id, nonce)  # another key
    forged = notice.model_copy(update={"issued_at": "2030-01-01T00:00:00+00:00"})
    assert not trust.notice_is_genuine(forged, dev.signing_key, dev.device_id, nonce)
    r = dev.client.get("/v1/device", params={"nonce": "short"}, headers=dev.auth)
    assert (r.status_code, r.json()["code"]) == (400, "bad_request")
