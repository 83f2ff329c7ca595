"""Request dependencies: the app's settings and key, one database session per request, the calling device."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, Header, Path, Request
from sqlalchemy.orm import Session

from canvass_protocol import wire
from canvass_server import authz
from canvass_server.config import Settings
from canvass_server.db import Database
from canvass_server.keys import ServerKeyPair

ERRORS: dict[int | str, dict[str, Any]] = {
    s: {"model": wire.ErrorBody} for s in (400, 401, 403, 409, 410, 413, 422, 429)
}


# `async def` for what only reads app.state: FastAPI runs a plain `def` dependency in the thread pool, a thread hop
# (and GIL hand-over) per dependency per request.
async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_key(request: Request) -> ServerKeyPair:
    key: ServerKeyPair = request.app.state.key
    return key


async def get_database(request: Request) -> Database:
    database: Database = request.app.state.db
    return database


# A row id in a path: a 64-bit integer as the database keeps it (a larger number is a 422, not an overflow).
RowId = Annotated[int, Path(ge=1, le=2**63 - 1)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
KeyDep = Annotated[ServerKeyPair, Depends(get_key)]
DatabaseDep = Annotated[Database, Depends(get_database)]


def get_session(database: DatabaseDep) -> Iterator[Session]:
    """One unit of work per request: commits when the route returns, rolls back when it raises."""
    with database.session() as session:
        yield session


# scope="function": the commit happens before the answer is sent, so a 2xx always means "stored".
SessionDep = Annotated[Session, Depends(get_session, scope="function")]


def get_caller(session: SessionDep, authorization: Annotated[str | None, Header()] = None) -> authz.Caller:
    """The active device behind the bearer token (401 unknown, 403 revoked)."""
    return authz.identify(session, authorization)


def get_any_caller(session: SessionDep, authorization: Annotated[str | None, Header()] = None) -> authz.Caller:
    """The device behind the bearer token, revoked or not (a revoked device must still learn it is revoked)."""
    return authz.identify(session, authorization, allow_revoked=True)


CallerDep = Annotated[authz.Caller, Depends(get_caller)]
AnyCallerDep = Annotated[authz.Caller, Depends(get_any_caller)]
