"""Schemathesis over the OpenAPI spec: generated requests (valid and not) never cause a 500."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from cryptography.hazmat.primitives.asymmetric import ed25519, x25519
from helpers.server import enrollment_code, seed_county
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from canvass_protocol import envelope, trust, wire
from canvass_server import db as dbmod
from canvass_server.app import create_app
from canvass_server.config import Settings as ServerSettings
from canvass_server.enrollment import enroll
from canvass_server.keys import ServerKeyPair

# Schemathesis needs the schema at collection time; the app connects to its database only when called.
_DIR = Path(tempfile.mkdtemp(prefix="canvass-fuzz-"))
atexit.register(shutil.rmtree, _DIR, True)  # also when the test is deselected
_URL = f"sqlite:///{_DIR / 'fuzz.db'}"
APP = create_app(ServerSettings(database_url=_URL, server_key_file=_DIR / "k"),
                 ServerKeyPair.of(x25519.X25519PrivateKey.generate()))
schemathesis.serializer.alias(wire.BATCH_CONTENT_TYPE, "application/octet-stream")
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(scope="module")
def token() -> Iterator[str]:
    database = dbmod.Database.connect(_URL)
    dbmod.upgrade(database.engine)
    seed_county(database, voters=4)
    public = envelope.b64(envelope.raw_public(ed25519.Ed25519PrivateKey.generate().public_key()))
    with database.session() as session:
        request = trust.enroll_request(enrollment_code(database, role="county_lead"), public)
        _, _, token = enroll(session, request)
    yield token
    database.dispose()
    APP.state.db.dispose()


@schema.parametrize()
@settings(max_examples=30, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much])
def test_no_server_errors(case: Any, token: str) -> None:
    if "authorization" not in {k.lower() for k in (case.headers or {})}:
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {token}"}
    response = case.call()
    assert response.status_code < 500, response.text
    case.validate_response(response, checks=[not_a_server_error])
