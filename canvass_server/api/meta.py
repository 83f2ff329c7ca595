"""GET /health and GET /v1/server-key: liveness with a (recent) database round trip, and the key devices seal to."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from fastapi import APIRouter, Request, Response
from sqlalchemy import text
from starlette.concurrency import run_in_threadpool

from canvass_protocol import wire
from canvass_server.api.deps import KeyDep
from canvass_server.db import Database

router = APIRouter()
CHECK_SECONDS = 1.0


class DatabaseCheck:
    """The database answered `SELECT 1` within the last CHECK_SECONDS, in this process: a load balancer or monitor
    polling /health hundreds of times a second costs the database one query a second per worker, and /health
    stays about as cheap as the web server itself. One check at a time; callers arriving meanwhile await it."""

    def __init__(self) -> None:
        self._checked = -float("inf")
        self._lock = asyncio.Lock()
        self._answer = b""

    def answer(self, database: Database) -> bytes:
        """The JSON of a healthy answer (made once: it never changes while the process lives)."""
        if not self._answer:
            health = wire.Health(status="ok", database=database.engine.dialect.name)
            self._answer = health.model_dump_json().encode()
        return self._answer

    async def confirm(self, database: Database) -> None:
        """Returns when the database answered lately; raises the database's error when it does not answer now."""
        if time.monotonic() - self._checked < CHECK_SECONDS:
            return
        async with self._lock:
            if time.monotonic() - self._checked < CHECK_SECONDS:
                return
            await run_in_threadpool(_select_one, database)
            self._checked = time.monotonic()


def _select_one(database: Database) -> None:
    with database.engine.connect() as conn:
        conn.execute(text("SELECT 1"))


@router.get("/health", response_model=wire.Health, tags=["meta"])
async def health(request: Request) -> Response:
    check: DatabaseCheck = request.app.state.database_check
    database: Database = request.app.state.db
    await check.confirm(database)
    return Response(check.answer(database), media_type="application/json")


@router.get("/v1/server-key", response_model=wire.ServerKey, tags=["keys"])
def server_key(key: KeyDep) -> wire.ServerKey:
    return key.wire()


class FastHealth:
    """ASGI middleware, outermost: GET /health answered before the framework's routing and middleware, as cheaply
    as a bare ASGI app (load balancers poll it); the route above stays for the API docs and any other method."""

    def __init__(self, app: Any, state: Any) -> None:
        self.app, self.state = app, state

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"] != "/health" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        check: DatabaseCheck = self.state.database_check
        try:
            await check.confirm(self.state.db)
        except Exception:  # the framework's error handling answers (500, logged) as for any route
            await self.app(scope, receive, send)
            return
        body = check.answer(self.state.db)
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]})
        await send({"type": "http.response.body", "body": body})
