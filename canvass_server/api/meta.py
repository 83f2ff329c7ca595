"""GET /health and GET /v1/server-key: liveness with a database round trip, and the key devices seal to."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import text

from canvass_protocol import wire
from canvass_server.api.deps import KeyDep, SessionDep

router = APIRouter()


@router.get("/health", response_model=wire.Health, tags=["meta"])
def health(session: SessionDep) -> wire.Health:
    session.execute(text("SELECT 1"))
    return wire.Health(status="ok", database=session.get_bind().dialect.name)


@router.get("/v1/server-key", response_model=wire.ServerKey, tags=["keys"])
def server_key(key: KeyDep) -> wire.ServerKey:
    return key.wire()
